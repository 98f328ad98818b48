// How certain the numbers are: the model's uncertainty bands (a seeded Monte-Carlo over the
// parameters the model card marks as assumed or weakly sourced), in words, for the reader who
// asks. They come from the JS API module (`api/` beside the element), loaded only then: the
// page's own wasm stays small and a reader who never asks downloads nothing more. This module
// too is loaded only then (the element imports it on the button's first click), and writes the
// section's words below its title.

import { MEASURES, STEPS as STEP_KEYS } from './generated.js';
import { stepTitle } from './readouts.js';
import { addEnglish, num, t, unit as withUnit } from './words.js';
import CERTAINTY from './locales/en-certainty.json' with { type: 'json' };
import { addStyles } from './sheets.js';

// The English words of this section, which load with this module.
addEnglish(CERTAINTY);

// The styles of the section's words (the markup has only its title, styled with the element).
const CSS = `.certainty p { margin: 4px 0; max-width: 60ch; color: var(--muted); }
.certainty dl { display: grid; grid-template-columns: auto auto; gap: 2px 12px; margin: 2px 0 0; }
.certainty dt { color: var(--ink); }
.certainty dd { margin: 0; font-variant-numeric: tabular-nums; }
.certainty h4 { font-size: 13px; margin: 8px 0 0; }`;

/** Samples per reading: about 10-40 ms in Chromium for 100 (`cargo xtask perf` times 200). */
export const BAND_SAMPLES = 100;

let api = null;

/**
 * Loads the JS API module from `url` once (or from `url()`, a function that resolves to the
 * module, as the single-file offline page gives); resolves to its exports, initialised.
 */
export function loadApi(url) {
  // A sandboxed frame (an opaque origin) cannot fetch it without CORS: not tried, so that the
  // browser logs no blocked request; the caller says it could not be worked out here.
  if (typeof url === 'string' && self.origin === 'null') {
    return Promise.reject(new Error('a sandboxed frame cannot load the JS API module'));
  }
  api ??= (typeof url === 'function' ? url() : import(url)).then(async (m) => {
    await m.default();
    return m;
  });
  return api;
}

/** "about 3–5 mm" (or "about 4 mm" when the 5th and 95th percentiles read the same). */
export function bandWords({ p5, p95 }, unit, decimals) {
  const [lo, hi] = [num(p5, decimals), num(p95, decimals)];
  if (lo === hi) return t('band.about', { v: withUnit(unit, lo) });
  return t(p5 < 0 ? 'band.to' : 'band.span', { lo, hi: withUnit(unit, hi) });
}

/**
 * The bands for `scenario` (an object of the API's input keys), as rows of words:
 * `{ measures: [{ key, words }], steps: [{ key, words }] }`, keyed by measure and step keys.
 */
export async function bandsFor(url, scenario, samples = BAND_SAMPLES) {
  const m = await loadApi(url);
  const b = m.solveBands(scenario, { samples, seed: 1 });
  return {
    samples,
    measures: MEASURES.map((measure) => ({
      key: measure.key,
      words: bandWords(b.measures[measure.key], measure.unit, measure.decimals),
    })),
    steps: STEP_KEYS.map((step, i) => ({
      key: step.key,
      words: bandWords(
        { p5: 100 * b.cascade[i].p5, p95: 100 * b.cascade[i].p95 },
        'pct',
        0,
      ),
    })),
  };
}

/** How long the inputs must rest before the spans are worked out again, in ms. */
const SETTLE_MS = 400;

/**
 * Wires the "How certain?" button of element `el` (its parts `ui`, its read-out rows `rows` as
 * readouts.js builds them, `current()` its inputs by key, or null before the wasm runs):
 * opening shows the spans for the current inputs, worked out by the JS API module at `apiUrl`;
 * while open, they follow the inputs once these rest. The element loads this module on the
 * button's first click, which has opened the section already: the spans are shown at once.
 */
export function wireBands(el, ui, rows, current, apiUrl) {
  const { how, certainty } = ui;
  addStyles(ui.root, CSS);
  // The section's words, what it is working on, and the spans (the markup has only its title).
  const about = document.createElement('p');
  about.textContent = t('certainty.about', { n: BAND_SAMPLES });
  const state = document.createElement('p');
  state.className = 'state';
  state.setAttribute('aria-live', 'polite');
  const list = document.createElement('div');
  list.className = 'spans';
  certainty.append(about, state, list);
  let timer = 0;
  let run = 0;
  const show = async () => {
    const mine = ++run;
    el._lang?.();
    const inputs = current();
    if (!inputs) {
      state.textContent = t('certainty.wait');
      return;
    }
    state.textContent = t('certainty.working');
    try {
      const b = await bandsFor(apiUrl, inputs);
      if (mine !== run) return;
      el._lang?.();
      const words = new Map(b.measures.map((m) => [m.key, m.words]));
      const group = (title, items) => {
        const h = document.createElement('h4');
        h.textContent = title;
        const dl = document.createElement('dl');
        for (const [name, text] of items) {
          const dt = document.createElement('dt');
          dt.textContent = name;
          const dd = document.createElement('dd');
          dd.textContent = text;
          dl.append(dt, dd);
        }
        return [h, dl];
      };
      list.replaceChildren(
        ...group(t('certainty.measures'), rows.filter(({ row }) => words.has(row.key)).map(({ row }) => [row.name, words.get(row.key)])),
        ...group(t('certainty.shares'), b.steps.map((st, i) => [stepTitle(i), st.words])),
      );
      state.textContent = '';
    } catch (error) {
      if (mine !== run) return;
      el._lang?.();
      console.warn('<posture-chain> could not work out the certainty spans:', error);
      state.textContent = t('certainty.failed');
      list.replaceChildren();
    }
  };
  const later = () => {
    clearTimeout(timer);
    if (!certainty.hidden) timer = setTimeout(show, SETTLE_MS);
  };
  el.addEventListener('change', later);
  const toggle = () => {
    const open = certainty.hidden;
    certainty.hidden = !open;
    how.setAttribute('aria-expanded', String(open));
    if (open) show();
    else clearTimeout(timer);
  };
  how.addEventListener('click', toggle);
  if (!certainty.hidden) show();
  // A new language: the section's words, and the open spans worded again.
  return {
    words: () => {
      about.textContent = t('certainty.about', { n: BAND_SAMPLES });
      if (!certainty.hidden) show();
    },
  };
}
