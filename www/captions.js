// The explain panel's captions: each step of the cascade in plain words, worded from the model's
// numbers. Loaded when a step is first shown (the element imports it then, and opens the panel
// once it has; presenter.js and share.js, which open steps themselves, import it with them), with
// its English (locales/en-explain.json); the other languages' tables hold these words with the
// rest. It registers `caption` on `globalThis`, where the element looks for it, so that every
// copy of the element reads the one that loaded.

import { MEASURES, STEPS } from './generated.js';
import { addEnglish, num, t, unit } from './words.js';
import EXPLAIN from './locales/en-explain.json' with { type: 'json' };
import { addStyles } from './sheets.js';

addEnglish(EXPLAIN);

// The explain panel's styles (its hidden state is the element's), added with its first caption.
const CSS = `.explain { margin-top: 12px; padding: 10px 12px; border-left: 4px solid var(--brand);
  background: color-mix(in srgb, var(--brand) 6%, var(--surface)); border-radius: 0 6px 6px 0; }
.explain .step { font-weight: 700; margin: 0; }
.explain .caption { margin: 4px 0 10px; max-width: 60ch; }`;

/** The index of each read-out, by its key (readouts.js's R). */
const R = Object.fromEntries(MEASURES.map((m, i) => [m.key, i]));

// Each caption, by step key: `pct` is the step's share of the correction in percent, `r` the
// settled read-outs (by R), `tilt` the head tilt in degrees.
// A side's key suffix: 'r' for a positive value, 'l' for a negative one.
const lr = (v) => (v > 0 ? 'r' : 'l');
const pctWords = (pct) => unit('pct', num(pct, 0));
const girdleWords = (g) => (Math.abs(g) < 0.5 ? t('cap.neck.girdle.still')
  : t(`cap.neck.girdle.${lr(g)}`, { v: num(Math.abs(g), 0) }));
const CAPTIONS = {
  headAndUpperNeck: (pct, r, tilt) => (Math.abs(tilt) < 0.05
    ? t('cap.head.upright')
    : t(`cap.head.${lr(tilt)}`, { v: num(Math.abs(tilt), 1) })),
  lowerNeckAndShoulders: (pct, r) => t('cap.neck', {
    girdle: girdleWords(r[R.shoulderElevationDiffMm]),
    shoulders: Math.abs(r[R.shoulderHeightDiffMm]) < 0.5 ? t('cap.neck.level') : t(`cap.neck.${lr(r[R.shoulderHeightDiffMm])}`, { v: num(Math.abs(r[R.shoulderHeightDiffMm]), 0) }),
    pct: pctWords(pct),
  }),
  thoracic: (pct) => t('cap.thoracic', { pct: pctWords(pct) }),
  lumbar: (pct) => t('cap.lumbar', { pct: pctWords(pct) }),
  pelvisAndLegs: (pct, r) => {
    const tip = r[R.pelvicObliquityDeg];
    const off = Math.abs(r[R.weightLeftPct] - 50);
    const pelvis = Math.abs(tip) < 0.05 ? t('cap.pelvis.level') : t('cap.pelvis.tips', { v: num(Math.abs(tip), 1) });
    const weight = off < 0.5 ? t('cap.pelvis.even') : t(`cap.pelvis.weight.${r[R.weightLeftPct] > 50 ? 'l' : 'r'}`, { v: num(Math.max(r[R.weightLeftPct], 100 - r[R.weightLeftPct]), 0) });
    const hips = Math.abs(tip) < 0.05 ? t('cap.pelvis.hips') : '';
    return t('cap.pelvis', { pct: pctWords(pct), pelvis, weight, hips });
  },
};

/** Step i's caption (0..4) in the reader's language: its share of the correction `pct`, the
 * settled read-outs `r`, the head tilt `tilt`; the panel's styles added to the shadow root
 * `root` first (once). */
export function caption(root, i, pct, r, tilt) {
  addStyles(root, CSS);
  return CAPTIONS[STEPS[i].key](pct, r, tilt);
}

globalThis[Symbol.for('posture-chain.captions')] = caption;
