// The righting strategy on <posture-chain>, the part that loads with the element: the "Who
// rights the head?" choice, the chosen strategy's description and its tone-spread slider (a
// <select id="strategy"> and an <input id="tone-spread"> in template.js, so that the element's
// input machinery reads, sets and reflects them as it does its sliders), the badge that says in
// plain words that a strategy is a hypothesis whenever one is on screen (and has the live region
// say so once when one comes on), and the buttons that load the compare mode (compare.js) and
// the puzzle (puzzle.js) on first use.

import { STRATEGIES } from './generated.js';
import { num, strategyAbout, strategyLabel, t } from './words.js';

// Every string this module shows is in the string tables (i18n.js). The live region says the
// badge's words too, once, when a hypothesis comes on screen.
const TEXT = {
  badge: (name) => t('hypothesis.badge', { name }),
};

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
  const [select, tone, toneBox, toneOut, badge, about] = ['#strategy', '#tone-spread', '.tone', '#tone-spread-out', '.badge', '#strategy-about']
    .map((s) => root.querySelector(s));
  let before = '';
  let pending = '';
  const hooks = {
    api,
    other: -1,
    /** Describes the strategy chosen; shows the badge and the tone slider while a hypothesis
     * is on screen (the tone spread is the hypothesis's own setting). */
    sync() {
      about.textContent = strategyAbout(select.value);
      const shown = [+select.value, hooks.other].find((i) => STRATEGIES[i] && !STRATEGIES[i].established);
      const name = shown === undefined ? '' : strategyLabel(shown).replace(/ \(.*\)$/, '');
      badge.hidden = toneBox.hidden = !name;
      badge.textContent = TEXT.badge(name);
      if (name && name !== before) pending = `${badge.textContent} `;
      before = name;
      const pct = num(+tone.value, 0);
      toneOut.textContent = t('unit.pct', { v: pct });
      tone.setAttribute('aria-valuetext', t('pct.valuetext', { v: pct }));
    },
    /** The sentence the live region says first, once, after a hypothesis has come on screen. */
    note() {
      const n = pending;
      pending = '';
      return n;
    },
  };
  root.addEventListener('click', (e) => {
    const act = e.target.closest?.('[data-strat]')?.dataset.strat;
    if (act) {
      (act === 'compare' ? import('./compare.js') : import('./puzzle.js'))
        .then((m) => m.start(el, hooks), (error) => console.warn('<posture-chain> could not load a part of itself:', error));
    }
  });
  return hooks;
}
