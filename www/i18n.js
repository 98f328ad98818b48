// The reader's language for <posture-chain>: the string tables (www/locales/*.json, English
// bundled, the others fetched only when chosen), the lookup `t(key, values)`, numbers in the
// locale's format (`num`), which locale an element uses (its `lang`, else the nearest ancestor's,
// else English), and the pseudo-locale en-XA (pseudo.js, loaded when asked for) to find words
// that clip. Words the Rust model defines (strategies, motions) stay generated in English
// (generated.js) and a table may override them by key (`word`). The canvas labels come from the
// Rust scene in English: `canvasText` words each in the locale through the table's "canvas"
// section, keyed by the English label with its numbers and joint names as {0}, {1}.

import EN from './locales/en.json' with { type: 'json' };

/** The locales there are tables for (en-XA is made from English). */
export const LOCALES = ['en', 'es', 'de', 'fr', 'en-XA'];
const FILES = { es: 1, de: 1, fr: 1 };

/** The table in use for the element being drawn now (each element sets its own: `use`). */
let active = EN;
const loaded = { en: EN };
const warned = new Set();

/** The string of `key` in the active table (English if it lacks one), its `{name}`s filled from
 * `values`. `fallback` is the English when it comes from Rust (generated.js), not the table. */
export function t(key, values, fallback) {
  let s = active[key];
  if (s === undefined) s = active._pseudo ? active._pseudo(EN[key] ?? fallback ?? key) : EN[key] ?? fallback ?? key;
  return values ? s.replace(/\{(\w+)\}/g, (m, k) => (k in values ? String(values[k]) : m)) : s;
}

/** True when the active table (or English) has `key`. */
export const has = (key) => key in active || key in EN;

/** A value with its unit ('deg', 'mm', 'cm', 'kg', 'pct', ''), spaced as the locale spaces it. */
export const unit = (u, v) => t(`unit.${u}`, { v });

/** A word the Rust model defines (generated.js), translated by key where the table has it. */
export const word = (key, english) => t(key, null, english);

/** Makes `table` the active one (the element about to write its words). */
export function use(table) {
  active = table ?? EN;
}

/** The active table. */
export const current = () => active;

/** A number as the locale writes it: fixed decimals, its decimal sign, a real minus, never NaN. */
export function num(v, decimals) {
  if (!Number.isFinite(v)) return '–';
  const s = v.toFixed(decimals);
  const signed = /^-0(\.0*)?$/.test(s) ? s.slice(1) : s.replace('-', '−');
  return signed.replace('.', active._decimal ?? '.');
}

/** The locale an element asks for: its `lang`, else the nearest ancestor's, else English;
 * an unknown one warns once and gives English, and a region falls back to its language. */
export function localeOf(el) {
  const raw = (el.getAttribute('lang') ?? el.parentElement?.closest('[lang]')?.getAttribute('lang') ?? el.getRootNode()?.host?.closest?.('[lang]')?.getAttribute('lang') ?? '').trim();
  return pick(raw);
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
  if (locale === 'en-XA') return (loaded[locale] = import('./pseudo.js').then((m) => (loaded[locale] = m.pseudoTable(EN))));
  if (!FILES[locale]) return Promise.resolve(EN);
  return (loaded[locale] = fetch(new URL(`./locales/${locale}.json`, import.meta.url))
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`))))
    .then((table) => (loaded[locale] = table), (error) => {
      console.warn(`<posture-chain> could not load its ${locale} strings; using English:`, error);
      delete loaded[locale];
      return EN;
    }));
}

/** Adds English words that only a lazily loaded part shows (compare, the puzzle: their module
 * imports them, so that they are not in the first load). */
export function addEnglish(more) {
  Object.assign(EN, more);
}

/** Adds a table for `locale` (the iframe page inlines its tables; tests add their own). */
export function provide(locale, table) {
  loaded[locale] = table;
  if (!FILES[locale] && !LOCALES.includes(locale)) FILES[locale] = 1;
}

// The canvas: the Rust scene writes English labels; each is worded in the locale by its
// template (numbers, which the Rust formatter already writes in the locale's format, and joint
// names become {0}, {1}, …). A label without a template is drawn as it is (the locales test
// lists any). A label that is only numbers and joint names needs none.
// English needs no wording (its templates, for translators and the tests, are in
// locales/en-canvas.json); the pseudo-locale words any label.
const PARTS = /[CTLS]\d+-[CTLS]\d+|(?<![\p{L}\d])[−-]?\d+(?:[.,]\d+)?/gu;

/** The canvas label `text` in the locale of `table`. */
export function canvasText(text, table = active) {
  const canvas = table.canvas;
  if (!canvas && !table._pseudo) return text;
  const values = [];
  const template = text.replace(PARTS, (m) => `{${values.push(m) - 1}}`);
  const out = table._pseudo ? table._pseudo(template) : canvas[template];
  return out === undefined ? text : out.replace(/\{(\d+)\}/g, (m, i) => values[i] ?? m);
}

/** The canvas backend's hook (canvas-strings.js calls `canvas.pcWords(key, text)`): the label in
 * the locale `table()` gives, worded once per label and locale. */
export function canvasWords(table) {
  let cache = new Map();
  let of = null;
  return (key, text) => {
    const tb = table();
    if (tb !== of) [cache, of] = [new Map(), tb];
    let out = cache.get(key);
    if (out === undefined) {
      if (cache.size > 512) cache.clear();
      cache.set(key, (out = canvasText(text, tb)));
    }
    return out;
  };
}

/** The English canvas template of a label (for the locales test). */
export const canvasTemplate = (text) => {
  let n = 0;
  return text.replace(PARTS, () => `{${n++}}`);
};
