// The read-out panel of <posture-chain> and its wording: the measures table, the weight bars, the
// legend, the controls' read-outs, the explain panel (its captions' words: captions.js) and the
// live-region sentence.
// Pure functions word the values (num, rangeWords, tiltWords, postureSentence); buildMeasures,
// fillLegend and the show* functions write into `ui`, the shadow root's parts (template.js).

import { LEVELS, LOAD_SCALE, MEASURES, MOTIONS, STEPS as STEP_TABLE } from './generated.js';
import { has, num, t, unit, word } from './words.js';

export { num };

/** The index of each read-out (MEASURES' order, the Widget's readout(index)), by its key. */
export const R = Object.fromEntries(MEASURES.map((m, i) => [m.key, i]));

// A side's key suffix: 'r' for a positive value, 'l' for a negative one.
const lr = (v) => (v > 0 ? 'r' : 'l');

/** The key of each step of the cascade, top to bottom (their captions: captions.js). */
export const STEPS = STEP_TABLE.map((s) => s.key);

/** Step i's title in the reader's language. */
export const stepTitle = (i) => t(`step.${STEPS[i]}`);

/** Opens the explain panel at step 0..4 with its caption `text` (captions.js's, worded from the
 * widget's numbers), or closes it with -1. */
export function showExplain(ui, step, text) {
  const on = step >= 0;
  ui.explain.hidden = !on;
  ui.explainBtn.setAttribute('aria-pressed', String(on));
  if (!on) return;
  ui.stepTitle.textContent = t('explain.step', { n: step + 1, of: STEPS.length, title: stepTitle(step) });
  if (ui.stepCaption.textContent !== text) ui.stepCaption.textContent = text;
  ui.root.querySelector('[data-act=prev]').disabled = step === 0;
  ui.root.querySelector('[data-act=next]').disabled = step === STEPS.length - 1;
}

/** Lists the solved posture's warnings under the controls (joints asked beyond their range), in
 * the model's sentences, or hides the note when there are none. */
export function showWarnings(note, widget) {
  const texts = [];
  for (let i = 0; i < widget.warningCount(); i++) {
    const [level, motion, angle, range] = [0, 1, 2, 3].map((f) => widget.warning(i, f));
    texts.push(t('warn.joint', { level: LEVELS[level], motion: word(`motion.${motion}`, MOTIONS[motion]), angle: num(angle, 1), range: num(range, 0) }));
  }
  const words = texts.length ? t('warn.all', { list: texts.join(t('list.sep')) }) : '';
  note.hidden = !words;
  if (note.textContent !== words) note.textContent = words;
}

// Read-out rows, keyed by the measure each shows (MEASURES has its unit, decimals and usual
// range): its label and how to write its value in words. `r` is every read-out, by R. Measures
// without a row here (shoulder tilt, the girdles' part, the weight split) are written elsewhere:
// in the shoulder row's text, the weight bars (the phone layout has no room for another row).
// `below`/`reference` add words to a range; `source` says where a range comes from, for the
// sources list, with the numbers of the range (its limits).
// A row's value in words: its `level` key under `below`, else its side's key with the size.
const sided = (key, below, decimals, sign = 1) => (v) => (Math.abs(v) < below ? t(`row.${key}.level`)
  : t(`row.${key}.${lr(sign * v)}`, { v: num(Math.abs(v), decimals) }));
// The shoulder girdles' own part (shoulderElevationDiffMm) rides in the shoulder row's text: how
// far one girdle sits higher on the rib cage than the other.
const girdleRow = (g) => (Math.abs(g) < 0.5 ? '' : t(`row.girdle.${lr(g)}`, { v: num(Math.abs(g), 0) }));
export const ROWS = [
  { key: 'eyeLineTiltDeg', text: sided('eyeLineTiltDeg', 0.05, 1),
    source: ([a]) => t('row.eyeLineTiltDeg.source', { a: limit(a) }) },
  { key: 'shoulderHeightDiffMm',
    text: (v, r) => `${Math.abs(v) < 0.5 ? t('row.shoulderHeightDiffMm.level')
      : t(`row.shoulderHeightDiffMm.${lr(v)}`, { v: num(Math.abs(v), 0), tilt: num(Math.abs(r[R.shoulderTiltDeg]), 1) })}${girdleRow(r[R.shoulderElevationDiffMm])}` },
  { key: 'pelvicObliquityDeg', text: sided('pelvicObliquityDeg', 0.05, 1, -1),
    source: ([a]) => t('row.pelvicObliquityDeg.source', { a: limit(a), b: num(0.8, 1) }) },
  { key: 'pelvicRotationDeg', text: sided('pelvicRotationDeg', 0.05, 1) },
  { key: 'functionalLegLengthDiffMm', text: sided('functionalLegLengthDiffMm', 0.5, 0) },
  { key: 'coronalBalanceMm', text: sided('coronalBalanceMm', 0.5, 0),
    source: ([a]) => t('row.coronalBalanceMm.source', { a: limit(a / 10) }) },
  { key: 'sagittalVerticalAxisMm', text: sided('sagittalVerticalAxisMm', 0.5, 0),
    source: ([a]) => t('row.sagittalVerticalAxisMm.source', { a: limit(a / 10) }) },
  { key: 'craniovertebralAngleDeg',
    text: (v) => unit('deg', num(v, 1)),
    source: ([a]) => t('row.craniovertebralAngleDeg.source', { a: limit(a) }) },
  { key: 'headLoadKg',
    text: (v) => unit('kg', num(v, 1)),
    source: ([a, b]) => t('row.headLoadKg.source', { a: limit(a), b: limit(b) }) },
].map((row) => ({ ...row, measure: MEASURES[R[row.key]], get name() { return t(`row.${row.key}`); } }));

/** A limit as people write it: whole numbers bare, others with one decimal. */
const limit = (v) => num(v, Number.isInteger(v) ? 0 : 1);

/** True unless the value (as shown) is outside a range that has been agreed. */
export function usual({ kind, limits: [a] }, v) {
  if (!Number.isFinite(v)) return true;
  return kind === 'within' ? Math.abs(v) <= a : kind === 'below' ? v < a : kind === 'atLeast' ? v >= a : true;
}

/** The usual range of a row in words. */
export function rangeWords(row) {
  const { kind, limits: [a, b] } = row.measure.range;
  const u = (v) => unit(row.measure.unit, limit(v));
  // A row may word its range its own way (`range.below.<key>`), else the kind's words.
  const say = (k, values) => t(has(`range.${k}.${row.key}`) ? `range.${k}.${row.key}` : `range.${k}`, values);
  switch (kind) {
    case 'within': return say('within', { a: u(a) });
    case 'below': return say('below', { a: u(a) });
    case 'atLeast': return say('atLeast', { a: u(a) });
    case 'reference': return say('reference', { a: limit(a), b: u(b) });
    default: return t('range.none');
  }
}

/** Where each usual range comes from, one sentence per measure that has one, with its source. */
export function fillSources(list) {
  for (const row of ROWS) {
    const { range, cite } = row.measure;
    if (range.kind === 'none' || !row.source) continue;
    const li = document.createElement('li');
    li.textContent = cite ? t('sources.cited', { text: row.source(range.limits).slice(0, -1), cite }) : row.source(range.limits);
    list.append(li);
  }
}

/** The head tilt as its read-out shows it. */
export const tiltWords = (deg) =>
  Math.abs(deg) < 0.05 ? t('tilt.upright') : t(`tilt.${lr(deg)}`, { v: num(Math.abs(deg), 1) });

/** Writes the head tilt into its read-out and, for screen readers, its slider's aria-valuetext. */
export function showTilt(ui, deg) {
  ui.tiltOut.textContent = tiltWords(deg);
  const words = Math.abs(deg) < 0.05 ? t('tilt.valuetext.upright') : t(`tilt.valuetext.${lr(deg)}`, { v: num(Math.abs(deg), 1) });
  ui.tilt.setAttribute('aria-valuetext', words);
}

/** Writes forward head (°), leg-length difference (mm) and compensation (0..1) the same way. */
export function showControls(ui, fwd, leg, comp) {
  ui.fwdOut.textContent = unit('deg', num(fwd, 0));
  ui.fwd.setAttribute('aria-valuetext', fwd === 0 ? t('fwd.valuetext.none') : t('fwd.valuetext', { v: num(fwd, 0) }));
  ui.legOut.textContent = leg === 0 ? t('leg.none') : t(`leg.${lr(leg)}`, { v: num(Math.abs(leg), 0) });
  ui.leg.setAttribute('aria-valuetext', leg === 0 ? t('leg.valuetext.none') : t(`leg.valuetext.${lr(leg)}`, { v: num(Math.abs(leg), 0) }));
  ui.compOut.textContent = comp === 0 ? t('comp.none') : comp === 1 ? t('comp.full') : unit('pct', num(comp * 100, 0));
  ui.comp.setAttribute('aria-valuetext', comp === 0 ? t('comp.valuetext.none') : comp === 1 ? t('comp.valuetext.full') : t('pct.valuetext', { v: num(comp * 100, 0) }));
}

/** The sweep's play button, pressed while the sweep plays. */
export function showSweepPlaying(ui, on) {
  ui.play.setAttribute('aria-pressed', String(on));
  ui.play.textContent = t(on ? 'sweep.pause' : 'sweep.play');
}

/** The explain panel's play button, pressed while the steps play. */
export function showStepsPlaying(ui, on) {
  ui.steps.setAttribute('aria-pressed', String(on));
  ui.steps.textContent = t(on ? 'explain.pause' : 'explain.play');
}

/** Reads every measure from the Widget into `out`, as drawn now or, with `settled`, as settled. */
export function readAll(widget, out, settled) {
  for (let i = 0; i < MEASURES.length; i++) out[i] = widget.readout(i, settled);
}

/** Adds one row per measure to the table body; returns the rows for showReadouts. */
export function buildMeasures(tbody) {
  return ROWS.map((row) => {
    const tr = document.createElement('tr');
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = row.name;
    th.style.fontWeight = '400';
    const val = document.createElement('td');
    val.className = 'val';
    const range = document.createElement('td');
    range.className = row.measure.range.kind === 'none' ? 'range none' : 'range';
    range.textContent = rangeWords(row);
    tr.append(th, val, range);
    tbody.append(tr);
    return { row, tr, th, val, range, last: '' };
  });
}

/** Writes the read-outs r into the measures table, flagging values outside their range (rows
 * whose text has not changed are left alone), and into the weight bars. */
export function showReadouts(ui, rows, r) {
  for (const entry of rows) {
    const { measure } = entry.row;
    const v = r[R[entry.row.key]];
    // Judged as shown: a value written as the limit is not marked as past it.
    const ok = usual(measure.range, Number(v.toFixed(measure.decimals)));
    const text = entry.row.text(v, r);
    const key = `${text}|${ok}|${t('outside')}`;
    if (key === entry.last) continue;
    entry.last = key;
    entry.tr.classList.toggle('out', !ok);
    entry.val.textContent = text;
    if (!ok) {
      const flag = document.createElement('span');
      flag.className = 'flag';
      flag.textContent = t('outside');
      entry.val.append(' ', flag);
    }
  }
  const weight = r[R.weightLeftPct];
  const left = Number.isFinite(weight) ? Math.min(100, Math.max(0, weight)) : 50;
  [left, 100 - left].forEach((p, i) => {
    const text = unit('pct', num(p, 0));
    if (ui.pcts[i].textContent !== text) ui.pcts[i].textContent = text;
    ui.fills[i].style.width = `${p}%`;
  });
}

// The colour legend: its title, then one swatch and label per band of the load scale.

/** A band's label: 'under 1.1×', '1.1–1.25×', …, 'over 3×'. */
function bandWords(i) {
  const upTo = LOAD_SCALE[i].upTo;
  const n = (v) => num(v, String(v).split('.')[1]?.length ?? 0);
  if (i === 0) return t('legend.under', { a: n(upTo) });
  const from = LOAD_SCALE[i - 1].upTo;
  return Number.isFinite(upTo) ? t('legend.band', { a: n(from), b: n(upTo) }) : t('legend.over', { a: n(from) });
}

/** Fills the legend's list: the title, then a swatch and its label per band. */
export function fillLegend(list) {
  const title = document.createElement('li');
  title.className = 'title';
  title.textContent = t('legend.title');
  list.replaceChildren(title);
  LOAD_SCALE.forEach(({ colour }, i) => {
    const li = document.createElement('li');
    const sw = document.createElement('span');
    sw.className = 'sw';
    sw.style.background = colour;
    li.append(sw, bandWords(i));
    list.append(li);
  });
}

/** The settled posture in one sentence, for screen readers (the element's polite live region):
 * `tilt` is the head tilt input in degrees, `r` the read-outs. */
export function postureSentence(tilt, r) {
  const eye = r[R.eyeLineTiltDeg];
  const sh = r[R.shoulderHeightDiffMm];
  const pel = r[R.pelvicObliquityDeg];
  const left = r[R.weightLeftPct];
  const parts = [
    Math.abs(tilt) < 0.05 ? t('say.head.upright') : t(`say.head.${lr(tilt)}`, { v: num(Math.abs(tilt), 1) }),
    Math.abs(eye) < 0.5 ? t('say.eyes.level') : t('say.eyes', { v: num(Math.abs(eye), 1) }),
    Math.abs(sh) < 0.5 ? t('say.shoulders.level') : t(`say.shoulders.${lr(sh)}`, { v: num(Math.abs(sh), 0) }),
    Math.abs(pel) < 0.05 ? t('say.pelvis.level') : t(`say.pelvis.${pel > 0 ? 'l' : 'r'}`, { v: num(Math.abs(pel), 1) }),
  ];
  if (Number.isFinite(left)) {
    parts.push(left >= 50 ? t('say.weight.l', { v: num(left, 0) }) : t('say.weight.r', { v: num(100 - left, 0) }));
  }
  return t('say.end', { text: parts.join(t('list.sep')) });
}
