// Sharing the state of a <posture-chain> (state.js says what a state holds): setState(), which
// checks each field on its own, and the link that carries a state, loaded on first use. "Copy
// link" writes the fields that differ from how the element starts into the host page's URL
// fragment, `#posture-chain=head-tilt:8;leg-length:5;explain:2` (`#posture-chain.ID=…` for an
// element with an id, so several on a page keep theirs apart; the fragment's other `&` parts are
// kept), or for embed.html, whose element takes its attributes from the query, into the query,
// `embed.html?head-tilt=8&leg-length=5&explain=2`. A field is named by its input's attribute where
// it has one, else by its key (`statureCm:180`). Opening such a link, or changing the fragment,
// restores that state exactly; a bad field in it warns, naming it, and takes its starting value.
// The modes come back too: compare (`compare:2`, the strategy compared with) opens compare.js,
// a puzzle (`puzzleNumber:2`) puzzle.js at that puzzle of the page's `puzzle` list (its
// definition, which the page holds, not its answer: the link carries the reader's own inputs;
// with random puzzles, a new random one), and `lang:de` the language it was made in.

import { INPUTS, STRATEGIES } from './generated.js';
import { STEPS, showSweepPlaying } from './readouts.js';
import { parseInput, tidy } from './attributes.js';
import { STATE_ATTRIBUTES, getState } from './state.js';
import { addEnglish, t } from './words.js';
import SHARE from './locales/en-share.json' with { type: 'json' };
// The explain captions with it: a state or a link may open a step (captions.js).
import './captions.js';

// The English words of the link and the pictures, which load with this module.
addEnglish(SHARE);

/** Where a link carries the state: the host page's fragment, or (embed.js sets it) the query. */
export const place = { query: false };

/** The fragment's name for the state of `el`. */
export const linkKey = (el) => (el.id ? `posture-chain.${el.id}` : 'posture-chain');

/** A field's name in a link, by its key in a state object, and back. */
const linkName = (key) => INPUTS.find((s) => s.key === key)?.attribute ?? key;
const fieldKey = (name) => INPUTS.find((s) => s.attribute === name)?.key ?? name;

/** Every field's name in a link (embed.js tells them from the element's own parameters). */
export const linkNames = () => [...INPUTS.map((s) => linkName(s.key)), 'explain', 'magnify', 'compare', 'puzzleNumber', ...STATE_ATTRIBUTES.map(([n]) => n)];

/** The strategy input, whose words (`neck`, `spine`, `chain`) `compare` takes too. */
const STRATEGY = INPUTS.find((s) => s.key === 'strategy');
/** The most puzzles a `puzzleNumber` may name when the page prepares none (random ones). */
const MAX_PUZZLES = 999;

/** The `lang` line of STATE_ATTRIBUTES: ['lang', ...the locales]. */
const LANG = STATE_ATTRIBUTES.find(([n]) => n === 'lang');

/** The locale a BCP 47 tag gives, as i18n.js's `pick` reads it (its language), else English. */
function localeOf(raw) {
  const tag = (raw ?? '').trim().toLowerCase();
  const lang = tag === 'en-xa' ? 'en-XA' : tag.split(/[-_]/)[0];
  return LANG.includes(lang, 1) ? lang : 'en';
}

/** The page's own `lang` on `el` as the element was added (null: none; embed.html's query: none). */
const pageLang = (el) => (place.query ? null : el._pageAttrs?.[STATE_ATTRIBUTES.indexOf(LANG)] ?? null);

/** The locale `el` starts in: its page's `lang` on it, else its nearest ancestor's (as i18n.js
 * reads them). */
function startLang(el) {
  const page = pageLang(el);
  return localeOf(page ?? el.parentElement?.closest('[lang]')?.getAttribute('lang') ?? el.getRootNode()?.host?.closest?.('[lang]')?.getAttribute('lang'));
}

/**
 * Applies the fields of `state` to `el`, the others left as they are; before its wasm runs they
 * wait for it. Tells `warn(message)` what was wrong with each bad field, which then keeps its
 * current value. Numbers may come as text, an input's words as its attribute takes them
 * (`compensation: 'full'`).
 */
export function setState(el, state, warn) {
  if (state === null || typeof state !== 'object' || Array.isArray(state)) {
    warn(`setState() takes an object of fields such as getState() returns, not ${Array.isArray(state) ? 'an array' : state === null ? 'null' : typeof state}; nothing changed.`);
    return;
  }
  if (!el._widget) {
    el._queuedState = { ...el._queuedState, ...state };
    return;
  }
  const queued = el._queuedState;
  el._queuedState = null;
  return applied(el, [[{ ...queued, ...state }, 'setState']], warn);
}

/**
 * Applies each [state, from] in turn, then sends the inputs to the model once, then opens or
 * closes the modes asked for (compare, a puzzle: their modules fetched on first use). Resolves
 * once all of it is on screen.
 */
async function applied(el, states, warn) {
  const w = el._widget;
  const hooks = el._strat;
  if (w.autoplay()) {
    w.setAutoplay(false);
    showSweepPlaying(el._ui, false);
  }
  // An open puzzle gives the reader's own inputs back first (the state's inputs are the reader's):
  // a new puzzle, or new inputs, start from them.
  const touches = (k) => k === 'puzzleNumber' || INPUTS.some((s) => s.key === k);
  if (hooks.shown && states.some(([state]) => Object.keys(state).some(touches))) hooks.puzzle();
  // A puzzle asked for: puzzle.js reads how many the page prepares (none: random ones).
  const puzzles = states.some(([s]) => s.puzzleNumber != null && String(s.puzzleNumber).trim() !== '0') ? await import('./puzzle.js') : null;
  const count = puzzles?.parsePuzzles(el.getAttribute('puzzle')).list.length || MAX_PUZZLES;
  const asked = { explain: null, compare: null, puzzle: null };
  for (const [state, from] of states) {
    for (const [k, v] of Object.entries(apply(el, state, warn, from, count))) if (v !== null) asked[k] = v;
  }
  el._syncInputs('attribute');
  // After the inputs, so that the step's caption words the new posture.
  if (asked.explain !== null) el._setExplain(asked.explain - 1);
  const other = asked.compare;
  if (other !== null && other !== hooks.other) {
    if (other < 0) hooks.closeCompare?.();
    else {
      if (!hooks.closeCompare) (await import('./compare.js')).start(el, hooks);
      const select = el._ui.root.getElementById('cmp-with');
      if (select && hooks.other !== other) {
        select.value = String(other);
        select.dispatchEvent(new Event('input', { bubbles: true }));
      }
    }
  }
  const n = asked.puzzle;
  if (n !== null && n !== (hooks.shown?.() ?? 0)) {
    if (n === 0) hooks.puzzle?.();
    else {
      if (!hooks.shown) puzzles.start(el, hooks);
      if (n > 1) hooks.show(n - 1);
    }
  }
}

/**
 * Sets the controls and the model from the fields of `state` (not yet sent on: see applied);
 * returns what it asks for that applied does after the inputs: `{ explain, compare, puzzle }`,
 * each null when not asked. `from` names the caller in the warnings: 'setState', or 'link' (the
 * fields then named as in a link); `puzzles` is how many puzzles a `puzzleNumber` may name.
 */
function apply(el, state, warn, from, puzzles) {
  const w = el._widget;
  const ui = el._ui;
  const name = (key) => (from === 'link' ? linkName(key) : key);
  const kept = from === 'link' ? 'using its start value' : 'kept as it was';
  const bad = (key, raw, should, used = kept) => warn(`${from}: ${name(key)} ${JSON.stringify(raw) ?? String(raw)} should be ${should}; ${used}.`);
  let explain = null;
  let compare = null;
  let puzzle = null;
  const number = (raw) => (typeof raw === 'string' && raw.trim() ? Number(raw) : raw);
  for (const [key, raw] of Object.entries(state)) {
    const spec = INPUTS.find((s) => s.key === key);
    const attr = STATE_ATTRIBUTES.find(([n]) => n === key);
    if (spec) {
      const v = Object.hasOwn(spec.words, raw) ? spec.words[raw] : typeof raw === 'string' && raw.trim() ? Number(raw) : raw;
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        bad(key, raw, `a number, ${spec.min}..${spec.max}`);
        continue;
      }
      const used = Math.min(spec.max, Math.max(spec.min, v));
      if (used !== v) bad(key, raw, `within ${spec.min}..${spec.max}`, `using ${used}`);
      const control = spec.attribute && ui.root.getElementById(spec.attribute);
      if (control) control.value = String(tidy(used * spec.sliderScale));
      else w.setInput(spec.index, used);
    } else if (key === 'explain') {
      const step = typeof raw === 'string' && raw.trim() ? Number(raw) : raw;
      if (Number.isInteger(step) && step >= 0 && step <= STEPS.length) explain = step;
      else bad(key, raw, `0 (off) or a step, 1..${STEPS.length}`);
    } else if (key === 'magnify') {
      const on = raw === true || raw === 'true' ? true : raw === false || raw === 'false' ? false : null;
      if (on === null) {
        bad(key, raw, 'true or false');
        continue;
      }
      ui.magnify.checked = on;
      w.setMagnify(on ? 3 : 1);
    } else if (key === 'compare') {
      const v = raw === 'off' || raw === false ? -1 : Object.hasOwn(STRATEGY.words, raw) ? STRATEGY.words[raw] : number(raw);
      if (Number.isInteger(v) && v >= -1 && v < STRATEGIES.length) compare = v;
      else bad(key, raw, `-1 (off) or what to compare with, 0..${STRATEGIES.length - 1} or ${Object.keys(STRATEGY.words).join(', ')}`);
    } else if (key === 'puzzleNumber') {
      const v = number(raw);
      if (Number.isInteger(v) && v >= 0 && v <= puzzles) puzzle = v;
      else bad(key, raw, `0 (none) or a puzzle, 1..${puzzles}`);
    } else if (key === 'lang') {
      if (!attr.includes(raw, 1)) {
        bad(key, raw, `one of ${attr.slice(1).map((v) => JSON.stringify(v)).join(', ')}`);
        continue;
      }
      // The language it starts in: the page's own attribute again, or none (to follow the page).
      const page = pageLang(el);
      if (raw !== startLang(el)) el.setAttribute(key, raw);
      else if (page === null) el.removeAttribute(key);
      else el.setAttribute(key, page);
    } else if (attr) {
      if (!attr.includes(raw, 1)) bad(key, raw, `one of ${attr.slice(1).map((v) => JSON.stringify(v)).join(', ')}`);
      else if (raw === attr[1]) el.removeAttribute(key);
      else el.setAttribute(key, raw);
    } else {
      warn(`${from}: unknown field "${name(key)}" ignored; the fields are ${from === 'link' ? linkNames().join(', ') : Object.keys(getState(el)).join(', ')}.`);
    }
  }
  return { explain, compare, puzzle };
}

/**
 * The state `el` starts in without a link: its inputs' attributes (for embed.html, whose link
 * sets those, the table's start values), the other inputs at their starts, explain off, no
 * magnifying, and the presentation attributes as the page gave them when the element was
 * added (the element keeps them: setState and the page's own controls may change them since).
 */
function baseState(el) {
  const base = {};
  for (const s of INPUTS) base[s.key] = s.attribute && !place.query ? tidy(parseInput(s, el.getAttribute(s.attribute))) : s.start;
  base.explain = 0;
  base.magnify = false;
  base.compare = -1;
  base.puzzleNumber = 0;
  STATE_ATTRIBUTES.forEach(([n, ...values], i) => {
    const page = place.query ? null : el._pageAttrs?.[i];
    base[n] = values.includes(page) ? page : values[0];
  });
  base.lang = startLang(el);
  return base;
}

/** The fields of the state of `el` that differ from its start, as [link name, text] pairs. */
export function linkFields(el) {
  const state = getState(el);
  if (!state) return [];
  const base = baseState(el);
  return Object.keys(state).filter((k) => state[k] !== base[k]).map((k) => [linkName(k), String(state[k])]);
}

/** The fragment's value for `key` (undecoded), or null. */
function fragmentValue(key) {
  for (const token of location.hash.slice(1).split('&')) {
    const at = token.indexOf('=');
    if (at > 0 && safeDecode(token.slice(0, at)) === key) return token.slice(at + 1);
  }
  return null;
}

const safeDecode = (text) => {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
};

/**
 * Restores the state the page's URL fragment holds for `el`, if it holds one it has not
 * restored or written already: the fields given, the rest at their start (baseState).
 */
export function fromUrl(el, warn) {
  const value = fragmentValue(linkKey(el));
  if (value === null || value === el._link || !el._widget) return;
  el._link = value;
  const fields = Object.create(null);
  for (const part of value.split(';')) {
    if (!part) continue;
    const at = part.indexOf(':');
    const [name, text] = [safeDecode(part.slice(0, at)), safeDecode(part.slice(at + 1))];
    if (at < 1 || name === null || text === null) {
      warn(`link: "${part}" should be name:value, such as head-tilt:8; ignored.`);
      continue;
    }
    fields[fieldKey(name)] = text;
  }
  return applied(el, [[baseState(el), 'setState'], [fields, 'link']], warn);
}

/** The page's URL with the state of `el` in it (see the top of this file). */
export function linkUrl(el) {
  const fields = linkFields(el);
  const url = new URL(location.href);
  if (place.query) {
    for (const n of linkNames()) url.searchParams.delete(n);
    for (const [n, v] of fields) url.searchParams.append(n, v);
    return [url, null];
  }
  const key = linkKey(el);
  const value = fields.map(([n, v]) => `${n}:${encodeURIComponent(v)}`).join(';');
  const tokens = location.hash.slice(1).split('&').filter((t) => t && safeDecode(t.split('=')[0]) !== key);
  if (value) tokens.push(`${encodeURIComponent(key)}=${value}`);
  url.hash = tokens.join('&');
  return [url, value];
}

/**
 * "Copy link": puts the state of `el` into the page's URL (without a new history entry) and the
 * link on the clipboard; where the clipboard is not available (an insecure page, a frame not
 * allowed it), shows the link in a field, selected, to copy by hand. Resolves to the link.
 */
export async function copyLink(el, warn) {
  const [url, value] = linkUrl(el);
  try {
    history.replaceState(history.state, '', url);
    if (value !== null) el._link = value;
  } catch {
    // A sandboxed frame (an opaque origin) may not rewrite its URL; the link is still right.
  }
  // A frame not allowed the clipboard: asking would log a policy violation as an error.
  const policy = document.permissionsPolicy ?? document.featurePolicy;
  try {
    if (policy && !policy.allowsFeature('clipboard-write')) throw new Error('no clipboard here');
    await navigator.clipboard.writeText(url.href);
    say(el, t('share.copied'));
  } catch {
    say(el, t('share.copyHere'), url.href);
  }
  return url.href;
}

/**
 * Says `text` in the share block's status line (a polite live region); with `link`, a field
 * under it holds the link, focused and selected, to copy by hand.
 */
export function say(el, text, link) {
  const line = el._ui.root.querySelector('.share p');
  line.textContent = text;
  if (link === undefined) return;
  const label = document.createElement('label');
  const field = document.createElement('input');
  field.readOnly = true;
  field.value = link;
  label.append(t('share.field'), field);
  line.append(label);
  field.focus();
  field.select();
}
