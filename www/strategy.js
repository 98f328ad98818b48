// The righting strategy on <posture-chain>, the part that loads with the element: the "Who
// rights the head?" choice and its tone-spread slider (a <select id="strategy"> and an
// <input id="tone-spread"> in template.js, so that the element's input machinery reads, sets and
// reflects them like its sliders), the badge that says in plain words that a strategy is a
// hypothesis whenever one is on screen (and tells the live region once when one comes on), and
// the two buttons that load the compare mode (compare.js) and the puzzle (puzzle.js) on first use.

import { STRATEGIES } from './generated.js';
import { num } from './readouts.js';

// Every string this module shows (a later locales issue moves them to string tables).
const TEXT = {
  badge: (label) => `${label}: a hypothesis from the article — not an established finding.`,
  live: (label) => `${label} on screen: a hypothesis from the article, not an established finding. `,
  failed: 'This part could not be loaded here.',
};

/** The name of the first strategy among `shown` (their indices) that is a hypothesis, or ''
 * (its label without the label's own "(a hypothesis)": the badge says more). */
export const hypothesisOn = (shown) => shown.map((i) => STRATEGIES[i]).find((s) => s && !s.established)?.label.replace(/ \(.*\)$/, '') ?? '';

/**
 * Wires the strategy controls of element `el` (its parts `el._ui`; `api` the JS API module's
 * URL, for the puzzle). Returns the hooks the element and the lazy modules share: `sync()` after
 * the controls change, `note()` the live region's one-time hypothesis sentence, `other` (the
 * compared strategy, -1 for none: compare.js), `quiet` (true while a puzzle speaks for itself:
 * puzzle.js), `frame(now)` (compare.js: after each frame) and `stop()` (whichever mode is open:
 * when the element leaves the page).
 */
export function wireStrategy(el, api) {
  const root = el._ui.root;
  const $ = (s) => root.querySelector(s);
  const [select, tone, toneBox, toneOut, badge] = ['#strategy', '#tone-spread', '.tone', '#tone-spread-out', '.badge'].map($);
  let shownBefore = '';
  let pending = '';
  const hooks = {
    api,
    other: -1,
    quiet: false,
    frame: null,
    stop: null,
    /** Shows the badge and the tone slider for the strategies on screen; words the slider. */
    sync() {
      const label = hypothesisOn([+select.value, hooks.other]);
      badge.hidden = !label;
      if (label) badge.textContent = TEXT.badge(label);
      if (label && label !== shownBefore) pending = TEXT.live(label);
      shownBefore = label;
      // The tone spread is the hypothesis's own setting.
      toneBox.hidden = !label;
      const pct = num(Number(tone.value), 0);
      toneOut.textContent = `${pct}%`;
      tone.setAttribute('aria-valuetext', `${pct} percent`);
    },
    /** The sentence the live region says first, once, when a hypothesis has come on screen. */
    note() {
      const n = pending;
      pending = '';
      return n;
    },
  };
  root.addEventListener('click', (e) => {
    const act = e.target.closest?.('[data-strat]')?.dataset.strat;
    if (!act) return;
    (act === 'compare' ? import('./compare.js') : import('./puzzle.js'))
      .then((m) => m.start(el, hooks), (error) => {
        console.warn('<posture-chain> could not load a part of itself:', error);
        el._ui.live.textContent = TEXT.failed;
      });
  });
  return hooks;
}
