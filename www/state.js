// The state of a <posture-chain> as a plain object, what its getState() returns and setState()
// and a link take: every input of the model by its key in the generated input table (INPUTS, so
// a new input comes with it), the explain step (`explain`: 0 off, 1..5 the step shown), whether
// shifts are drawn three times larger (`magnify`), the mode (`compare`: the strategy compared
// with, -1 for none; `puzzleNumber`: the puzzle shown, 1, 2, …, 0 for none) and the presentation
// attributes listed in STATE_ATTRIBUTES (`lang`: the language the element is shown in, its own
// attribute's or its page's). While a puzzle is shown its hidden cause is not in the state: the
// inputs it holds are the reader's own, which closing it gives back. Only what getState() needs is
// here, in the first load; setState() and the link are in share.js, loaded on first use.

import { INPUTS } from './generated.js';
import { tidy } from './attributes.js';
import { LOCALES } from './words.js';

/**
 * The presentation attributes a state carries: [name, default, ...its other values], each the
 * attribute's text (a default of null: absent, as for an attribute that is on when present). A
 * feature that adds one (a theme, a mode) adds its line here: getState() reports the attribute
 * (the default when it is absent or not one of these); setState() and a link set it, or remove
 * it for the default. (`lang` is reported as the locale shown: share.js sets it its own way.)
 */
export const STATE_ATTRIBUTES = [
  ['theme', 'light', 'dark', 'auto', 'projector'],
  ['lang', ...LOCALES],
];

/** The state of `el` (a PostureChain), or null before its wasm runs. */
export function getState(el) {
  const w = el._widget;
  if (!w) return null;
  const state = {};
  const modes = el._strat;
  // The inputs a puzzle holds: the reader's own values, not the cause it hides (puzzle.js).
  for (const s of INPUTS) state[s.key] = tidy(modes.own?.(s.key) ?? w.input(s.index));
  state.explain = el._step + 1;
  state.magnify = el._ui.magnify.checked;
  state.compare = modes.other;
  state.puzzleNumber = modes.shown?.() ?? 0;
  for (const [name, ...values] of STATE_ATTRIBUTES) {
    const v = el.getAttribute(name);
    state[name] = values.includes(v) ? v : values[0];
  }
  state.lang = el._locale;
  return state;
}
