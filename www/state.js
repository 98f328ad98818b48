// The state of a <posture-chain> as a plain object, what its getState() returns and setState()
// and a link take: every input of the model by its key in the generated input table (INPUTS, so
// a new input comes with it), the explain step (`explain`: 0 off, 1..5 the step shown), whether
// shifts are drawn three times larger (`magnify`), and the presentation attributes listed in
// STATE_ATTRIBUTES. Only what getState() needs is here, in the first load; setState() and the
// link are in share.js, loaded on first use.

import { INPUTS } from './generated.js';
import { tidy } from './attributes.js';

/**
 * The presentation attributes a state carries: [name, default, ...its other values], each the
 * attribute's text (a default of null: absent, as for an attribute that is on when present, such
 * as ['compare', null, '']). A feature that adds one (a theme, a mode) adds its line here:
 * getState() reports the attribute (the default when it is absent or not one of these);
 * setState() and a link set it, or remove it for the default.
 */
export const STATE_ATTRIBUTES = [
  ['theme', 'light', 'dark', 'auto', 'projector'],
];

/** The state of `el` (a PostureChain), or null before its wasm runs. */
export function getState(el) {
  const w = el._widget;
  if (!w) return null;
  const state = {};
  for (const s of INPUTS) state[s.key] = tidy(w.input(s.index));
  state.explain = el._step + 1;
  state.magnify = el._ui.magnify.checked;
  for (const [name, ...values] of STATE_ATTRIBUTES) {
    const v = el.getAttribute(name);
    state[name] = values.includes(v) ? v : values[0];
  }
  return state;
}
