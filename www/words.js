// The words of <posture-chain> in the reader's language, the half of i18n.js that every module
// uses: `t(key, values)`, `num` (the locale's decimal sign), `unit`, the Rust-defined words by key
// (`word`, `strategyLabel`), the canvas labels (`canvasWords`). It holds no state of its own: the
// active table and English live in one object on `globalThis` that i18n.js fills, so the copies
// of this module that the lazily loaded parts carry (compare, the puzzle, "How certain?", the
// link and the pictures) all read the element's language. It imports no table (no bytes copied).

import { STRATEGIES } from './generated.js';

/** The locales there are tables for (en-XA is made from English): i18n.js's, and a state's `lang`. */
export const LOCALES = ['en', 'es', 'de', 'fr', 'en-XA'];

/** The state every copy shares: `en` (English, i18n.js's), `active` (the element drawing now). */
const S = (globalThis[Symbol.for('posture-chain.words')] ??= { en: {}, active: {} });

/** The string of `key` in the active table (English if it lacks one), its `{name}`s filled from
 * `values`. `fallback` is the English when it comes from Rust (generated.js), not the table. */
export function t(key, values, fallback) {
  const { active, en } = S;
  let s = active[key];
  if (s === undefined) s = active._pseudo ? active._pseudo(en[key] ?? fallback ?? key) : en[key] ?? fallback ?? key;
  return values ? s.replace(/\{(\w+)\}/g, (m, k) => (k in values ? String(values[k]) : m)) : s;
}

/** True when the active table (or English) has `key`. */
export const has = (key) => key in S.active || key in S.en;

/** A value with its unit ('deg', 'mm', 'cm', 'kg', 'pct', ''), spaced as the locale spaces it. */
export const unit = (u, v) => t(`unit.${u}`, { v });

/** A word the Rust model defines (generated.js), translated by key where the table has it. */
export const word = (key, english) => t(key, null, english);

/** Makes `table` the active one (the element about to write its words). */
export function use(table) {
  S.active = table ?? S.en;
}

/** The active table. */
export const current = () => S.active;

/** A number as the locale writes it: fixed decimals, its decimal sign, a real minus, never NaN. */
export function num(v, decimals) {
  if (!Number.isFinite(v)) return '–';
  const s = v.toFixed(decimals);
  const signed = /^-0(\.0*)?$/.test(s) ? s.slice(1) : s.replace('-', '−');
  return signed.replace('.', S.active._decimal ?? '.');
}

/** Adds English words that only a lazily loaded part shows (compare, the puzzle: their module
 * imports them, so that they are not in the first load). */
export function addEnglish(more) {
  Object.assign(S.en, more);
}

/** Strategy i's name and description for readers (Rust's English, or the table's). */
export const strategyLabel = (i) => word(`strategy.${STRATEGIES[i].key}.label`, STRATEGIES[i].label);
export const strategyAbout = (i) => word(`strategy.${STRATEGIES[i].key}.description`, STRATEGIES[i].description);

// The canvas: the Rust scene writes English labels; each is worded in the locale by its
// template (numbers, which the Rust formatter already writes in the locale's format, and joint
// names become {0}, {1}, …). A label without a template is drawn as it is (the locales test
// lists any). A label that is only numbers and joint names needs none.
// English needs no wording (its templates, for translators and the tests, are in
// locales/en-canvas.json); the pseudo-locale words any label.
const PARTS = /[CTLS]\d+-[CTLS]\d+|(?<![\p{L}\d])[−-]?\d+(?:[.,]\d+)?/gu;

/** The canvas label `text` in the locale of `table`. */
export function canvasText(text, table = S.active) {
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
    // English (no canvas section) is drawn as it is: nothing to remember, so nothing grows.
    if (!tb.canvas && !tb._pseudo) return text;
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
