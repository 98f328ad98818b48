// The reader's language for <posture-chain>: the string tables (www/locales/*.json, English
// bundled, the others fetched only when chosen), the lookup `t(key, values)`, numbers in the
// locale's format (`num`), which locale an element uses (its `lang`, else the nearest ancestor's,
// else English; followed when either changes: `watchLang`), and the pseudo-locale en-XA
// (pseudo.js, loaded when asked for) to find words that clip. Words the Rust model defines (strategies, motions) stay generated in English
// (generated.js) and a table may override them by key (`word`). The canvas labels come from the
// Rust scene in English: `canvasText` words each in the locale through the table's "canvas"
// section, keyed by the English label with its numbers and joint names as {0}, {1}.

import EN from './locales/en.json' with { type: 'json' };
import { LOCALES } from './words.js';

export * from './words.js';

// English, and the table in use, shared with every copy of words.js (see there).
const S = globalThis[Symbol.for('posture-chain.words')];
if (!S.en.views) Object.assign(S.en, EN);
if (!S.active.views) S.active = S.en;
const loaded = { en: S.en };
const warned = new Set();

const FILES = { es: 1, de: 1, fr: 1 };

/** The locale an element asks for: its `lang`, else the nearest ancestor's, else English;
 * an unknown one warns once and gives English, and a region falls back to its language. */
export function localeOf(el) {
  const raw = (el.getAttribute('lang') ?? el.parentElement?.closest('[lang]')?.getAttribute('lang') ?? el.getRootNode()?.host?.closest?.('[lang]')?.getAttribute('lang') ?? '').trim();
  return pick(raw);
}

// The elements on the page, told when a `lang` above them changes (the host page's <html>, an
// ancestor's): one observer for all of them.
const watched = new Set();
let observer = null;

/** While `el` is on the page (`on`), calls its `_setLang()` whenever any `lang` attribute in its
 * document changes; `on` false forgets it. */
export function watchLang(el, on) {
  if (!on) return watched.delete(el);
  watched.add(el);
  observer ??= new MutationObserver(() => watched.forEach((e) => e._setLang()));
  observer.observe(el.ownerDocument.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
}

/** The supported locale nearest to a BCP 47 tag ('' and unknown ones: 'en'). */
export function pick(raw) {
  if (!raw) return 'en';
  const tag = raw.toLowerCase();
  if (tag === 'en-xa') return 'en-XA';
  const lang = tag.split(/[-_]/)[0];
  if (LOCALES.includes(lang)) return lang;
  if (!warned.has(raw)) {
    warned.add(raw);
    console.warn(`<posture-chain> lang="${raw}": no strings in that language; using English. Languages: ${LOCALES.join(', ')}.`);
  }
  return 'en';
}

/** The table of `locale`: at once for English, else loaded once (the pseudo-locale's module, or
 * the table beside this module, in locales/). A table that cannot be fetched warns and gives
 * English. */
export function load(locale) {
  if (loaded[locale]) return Promise.resolve(loaded[locale]);
  if (locale === 'en-XA') return (loaded[locale] = import('./pseudo.js').then((m) => (loaded[locale] = m.pseudoTable(S.en))));
  if (!FILES[locale]) return Promise.resolve(S.en);
  return (loaded[locale] = fetch(new URL(`./locales/${locale}.json`, import.meta.url))
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`))))
    .then((table) => (loaded[locale] = table), (error) => {
      console.warn(`<posture-chain> could not load its ${locale} strings; using English:`, error);
      delete loaded[locale];
      return S.en;
    }));
}

/** Adds a table for `locale` (the iframe page inlines its tables; tests add their own). */
export function provide(locale, table) {
  loaded[locale] = table;
  if (!FILES[locale] && !LOCALES.includes(locale)) FILES[locale] = 1;
}

