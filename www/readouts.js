// The read-out panel of <posture-chain> and its wording: the measures table, the weight bars, the
// legend, the controls' read-outs, the explain-step captions and the live-region sentence.
// Pure functions word the values (num, rangeWords, tiltWords, postureSentence); buildMeasures,
// fillLegend and the show* functions write into `ui`, the shadow root's parts (template.js).

import { LEVELS, LOAD_SCALE, MEASURES, MOTIONS, STEPS as STEP_TABLE } from './generated.js';
import { UNIT } from './attributes.js';

/** The index of each read-out (MEASURES' order, the Widget's readout(index)), by its key. */
export const R = Object.fromEntries(MEASURES.map((m, i) => [m.key, i]));

// Plain-words titles and captions for the steps of the cascade (explain mode), by step key. Each
// caption is worded from the model's numbers: `pct` is the step's share of the correction in
// percent, `r` the settled read-outs (by R), `tilt` the head tilt in degrees.
const pctWords = (pct) => `${num(pct, 0)}%`;
const girdleWords = (g) => (Math.abs(g) < 0.5 ? ', and the shoulder girdles stay put'
  : `, and the ${g > 0 ? 'right' : 'left'} shoulder girdle rides ${num(Math.abs(g), 0)}\u00a0mm higher on the rib cage than the other`);
const CAPTIONS = {
  headAndUpperNeck: ['Head and upper neck', (pct, r, tilt) => (Math.abs(tilt) < 0.05
    ? 'The head is upright: the two joints under the skull carry no tilt.'
    : `The head tips ${num(Math.abs(tilt), 1)}° towards the ${tilt > 0 ? 'right' : 'left'} shoulder at the two joints under the skull. Left alone, the eyes would tilt with it; the joints below now bend back to level them.`)],
  lowerNeckAndShoulders: ['Lower neck and shoulders', (pct, r) => `The lower neck bends the other way; the shoulder line tilts with the top of the spine${girdleWords(r[R.shoulderElevationDiffMm])}: ${Math.abs(r[R.shoulderHeightDiffMm]) < 0.5 ? 'the shoulders stay level' : `the ${r[R.shoulderHeightDiffMm] > 0 ? 'right' : 'left'} shoulder ends up ${num(Math.abs(r[R.shoulderHeightDiffMm]), 0)}\u00a0mm higher`}. In this model this region does ${pctWords(pct)} of the correcting.`],
  thoracic: ['Mid back', (pct) => `The twelve thoracic vertebrae each bend a little, sharing ${pctWords(pct)} of the correcting in this model, while the body's centre of mass stays over the feet.`],
  lumbar: ['Low back', (pct) => `The five lumbar vertebrae bend a little more, ${pctWords(pct)} of the correcting in this model.`],
  pelvisAndLegs: ['Pelvis and legs', (pct, r) => {
    const tip = r[R.pelvicObliquityDeg];
    const off = Math.abs(r[R.weightLeftPct] - 50);
    const pelvis = Math.abs(tip) < 0.05 ? 'the pelvis stays level' : `the pelvis tips ${num(Math.abs(tip), 1)}°`;
    const weight = off < 0.5 ? 'the weight stays evenly on both feet' : `${num(Math.max(r[R.weightLeftPct], 100 - r[R.weightLeftPct]), 0)}% of the weight rests on the ${r[R.weightLeftPct] > 50 ? 'left' : 'right'} foot`;
    const hips = Math.abs(tip) < 0.05 ? ', while the hips shift and turn a little to keep the balance' : '';
    return `The pelvis and legs do ${pctWords(pct)} of the correcting in this model: ${pelvis} and ${weight}${hips}.`;
  }],
};

/** [title, caption(pct, r, tilt)] of each step, top to bottom. */
export const STEPS = STEP_TABLE.map((s) => CAPTIONS[s.key]);

/** Opens the explain panel at step 0..4 with its caption worded from the widget's numbers (its
 * share of the correction, the settled read-outs `r`, the head tilt), or closes it with -1. */
export function showExplain(ui, step, pct, r, tilt) {
  const on = step >= 0;
  ui.explain.hidden = !on;
  ui.explainBtn.setAttribute('aria-pressed', String(on));
  if (!on) return;
  const [title, caption] = STEPS[step];
  ui.stepTitle.textContent = `Step ${step + 1} of ${STEPS.length}: ${title}`;
  const text = caption(pct, r, tilt);
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
    texts.push(`${LEVELS[level]}: ${MOTIONS[motion]} of ${num(angle, 1)}° is beyond its range of motion (${num(range, 0)}°)`);
  }
  const words = texts.length
    ? `Beyond the model's range: this posture asks some joints to move further than their usual range of motion, so read it as a rough extrapolation. ${texts.join('; ')}.`
    : '';
  note.hidden = !words;
  if (note.textContent !== words) note.textContent = words;
}

// Read-out rows, keyed by the measure each shows (MEASURES has its unit, decimals and usual
// range): its label and how to write its value in words. `r` is every read-out, by R. Measures
// without a row here (shoulder tilt, the girdles' part, the weight split) are written elsewhere:
// in the shoulder row's text, the weight bars (the phone layout has no room for another row).
// `below`/`reference` add words to a range; `source` says where a range comes from, for the
// sources list, with the numbers of the range (its limits).
const side = (v, pos, neg) => (v > 0 ? pos : neg);
// The shoulder girdles' own part (shoulderElevationDiffMm) rides in the shoulder row's text: how
// far one girdle sits higher on the rib cage than the other.
const girdleRow = (g) => (Math.abs(g) < 0.5 ? '' : `; girdle ${side(g, 'right', 'left')} +${num(Math.abs(g), 0)}\u00a0mm`);
export const ROWS = [
  { key: 'eyeLineTiltDeg', name: 'Eye line tilt',
    text: (v) => (Math.abs(v) < 0.05 ? 'level' : `${num(Math.abs(v), 1)}°, ${side(v, 'right', 'left')} eye higher`),
    source: ([a]) => `Eye line: healthy people see a tilt under about ${limit(a)}° as level.` },
  { key: 'shoulderHeightDiffMm', name: 'Shoulder height difference',
    text: (v, r) => `${Math.abs(v) < 0.5 ? 'level'
      : `${num(Math.abs(v), 0)}\u00a0mm, ${side(v, 'right', 'left')} higher (${num(Math.abs(r[R.shoulderTiltDeg]), 1)}°)`}${girdleRow(r[R.shoulderElevationDiffMm])}` },
  { key: 'pelvicObliquityDeg', name: 'Pelvic tilt (side to side)',
    text: (v) => (Math.abs(v) < 0.05 ? 'level' : `${num(Math.abs(v), 1)}°, ${side(v, 'left', 'right')} side lower`),
    source: ([a]) => `Pelvic tilt, derived: a leg-length difference matters from about 20\u00a0mm and tilts the pelvis about 0.8° per cm, so about ${limit(a)}°.` },
  { key: 'pelvicRotationDeg', name: 'Pelvic rotation',
    text: (v) => (Math.abs(v) < 0.05 ? 'none' : `${num(Math.abs(v), 1)}° to the ${side(v, 'right', 'left')}`) },
  { key: 'functionalLegLengthDiffMm', name: 'Hip height difference',
    text: (v) => (Math.abs(v) < 0.5 ? 'level' : `${num(Math.abs(v), 0)}\u00a0mm, ${side(v, 'right', 'left')} higher`) },
  { key: 'coronalBalanceMm', name: 'C7 plumb line, side to side',
    text: (v) => (Math.abs(v) < 0.5 ? 'centred' : `${num(Math.abs(v), 0)}\u00a0mm to the ${side(v, 'right', 'left')}`),
    source: ([a]) => `C7 plumb line, side to side: within ${limit(a / 10)}\u00a0cm of the sacrum.` },
  { key: 'sagittalVerticalAxisMm', name: 'C7 plumb line, front to back', below: ' ahead',
    text: (v) => (Math.abs(v) < 0.5 ? 'over the sacrum' : `${num(Math.abs(v), 0)}\u00a0mm ${side(v, 'ahead', 'behind')}`),
    source: ([a]) => `C7 plumb line, front to back: under ${limit(a / 10)}\u00a0cm ahead of the sacrum.` },
  { key: 'craniovertebralAngleDeg', name: 'Head-neck angle (CVA)',
    text: (v) => `${num(v, 1)}°`,
    source: ([a]) => `Head-neck angle: below about ${limit(a)}–50° is called forward head posture.` },
  { key: 'headLoadKg', name: 'Load on the neck', reference: 'head upright: ',
    text: (v) => `${num(v, 1)}\u00a0kg`,
    source: ([a, b]) => `Neck load: ${limit(a)}–${limit(b)}\u00a0kg with the head upright, a reference, not a limit.` },
].map((row) => ({ ...row, measure: MEASURES[R[row.key]] }));

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
  const unit = UNIT[row.measure.unit];
  switch (kind) {
    case 'within': return `within ${limit(a)}${unit}`;
    case 'below': return `under ${limit(a)}${unit}${row.below ?? ''}`;
    case 'atLeast': return `${limit(a)}${unit} or\u00a0more`;
    case 'reference': return `${row.reference ?? ''}${limit(a)}\u2060–\u2060${limit(b)}${unit}`;
    default: return 'no agreed range';
  }
}

/** Where each usual range comes from, one sentence per measure that has one, with its source. */
export function fillSources(list) {
  for (const row of ROWS) {
    const { range, cite } = row.measure;
    if (range.kind === 'none' || !row.source) continue;
    const li = document.createElement('li');
    li.textContent = cite ? `${row.source(range.limits).slice(0, -1)} (${cite}).` : row.source(range.limits);
    list.append(li);
  }
}

/** A number for people: fixed decimals, a real minus sign, never NaN. */
export function num(v, decimals) {
  if (!Number.isFinite(v)) return '–';
  const s = v.toFixed(decimals);
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s.replace('-', '−');
}

/** The head tilt as its read-out shows it. */
export const tiltWords = (deg) =>
  Math.abs(deg) < 0.05 ? 'upright' : `${num(Math.abs(deg), 1)}° ${deg > 0 ? 'right' : 'left'}`;

/** Writes the head tilt into its read-out and, for screen readers, its slider's aria-valuetext. */
export function showTilt(ui, deg) {
  ui.tiltOut.textContent = tiltWords(deg);
  const words = Math.abs(deg) < 0.05 ? '0 degrees, upright' : `${num(Math.abs(deg), 1)} degrees to the ${deg > 0 ? 'right' : 'left'}`;
  ui.tilt.setAttribute('aria-valuetext', words);
}

/** Writes forward head (°), leg-length difference (mm) and compensation (0..1) the same way. */
export function showControls(ui, fwd, leg, comp) {
  ui.fwdOut.textContent = `${num(fwd, 0)}°`;
  ui.fwd.setAttribute('aria-valuetext', fwd === 0 ? '0 degrees, head over the shoulders' : `${num(fwd, 0)} degrees forward`);
  ui.legOut.textContent = leg === 0 ? 'none' : `${leg > 0 ? 'right' : 'left'} ${num(Math.abs(leg), 0)} mm longer`;
  ui.leg.setAttribute('aria-valuetext', leg === 0 ? 'none, legs equal' : `${leg > 0 ? 'right' : 'left'} leg ${num(Math.abs(leg), 0)} millimetres longer`);
  ui.compOut.textContent = comp === 0 ? 'none' : comp === 1 ? 'full' : `${num(comp * 100, 0)}%`;
  ui.comp.setAttribute('aria-valuetext', comp === 0 ? 'none: the head just tilts' : comp === 1 ? 'full: eyes kept level' : `${num(comp * 100, 0)} percent`);
}

/** The sweep's play button, pressed while the sweep plays. */
export function showSweepPlaying(ui, on) {
  ui.play.setAttribute('aria-pressed', String(on));
  ui.play.textContent = on ? 'Pause sweep' : 'Play sweep';
}

/** The explain panel's play button, pressed while the steps play. */
export function showStepsPlaying(ui, on) {
  ui.steps.setAttribute('aria-pressed', String(on));
  ui.steps.textContent = on ? 'Pause the steps' : 'Play the steps';
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
    return { row, tr, val, last: '' };
  });
}

/** Writes the read-outs r into the measures table, flagging values outside their range (rows
 * whose text has not changed are left alone), and into the weight bars. */
export function showReadouts(ui, rows, r) {
  for (const entry of rows) {
    const { measure } = entry.row;
    const v = r[R[entry.row.key]];
    // Judged as shown: a value written as the limit is not marked as past it.
    const ok = usual(measure.range, Number(num(v, measure.decimals).replace('−', '-')));
    const text = entry.row.text(v, r);
    const key = `${text}|${ok}`;
    if (key === entry.last) continue;
    entry.last = key;
    entry.tr.classList.toggle('out', !ok);
    entry.val.textContent = text;
    if (!ok) {
      const flag = document.createElement('span');
      flag.className = 'flag';
      flag.textContent = 'outside';
      entry.val.append(' ', flag);
    }
  }
  const weight = r[R.weightLeftPct];
  const left = Number.isFinite(weight) ? Math.min(100, Math.max(0, weight)) : 50;
  [left, 100 - left].forEach((p, i) => {
    const text = `${num(p, 0)}%`;
    if (ui.pcts[i].textContent !== text) ui.pcts[i].textContent = text;
    ui.fills[i].style.width = `${p}%`;
  });
}

// The colour legend: its title, then one swatch and label per band of the load scale.
export const LEGEND_TITLE = 'Compression, relative to standing upright:';

/** A band's label: 'under 1.1×', '1.1–1.25×', …, 'over 3×'. */
function bandWords(i) {
  const upTo = LOAD_SCALE[i].upTo;
  if (i === 0) return `under ${upTo}×`;
  const from = LOAD_SCALE[i - 1].upTo;
  return Number.isFinite(upTo) ? `${from}–${upTo}×` : `over ${from}×`;
}

/** Fills the legend's list: the title, then a swatch and its label per band. */
export function fillLegend(list) {
  const title = document.createElement('li');
  title.className = 'title';
  title.textContent = LEGEND_TITLE;
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
    Math.abs(tilt) < 0.05 ? 'Head upright' : `Head tilted ${num(Math.abs(tilt), 1)}° to the ${tilt > 0 ? 'right' : 'left'}`,
    Math.abs(eye) < 0.5 ? 'eyes level' : `eyes tilted ${num(Math.abs(eye), 1)}°`,
    Math.abs(sh) < 0.5 ? 'shoulders level' : `${sh > 0 ? 'right' : 'left'} shoulder ${num(Math.abs(sh), 0)} mm higher`,
    Math.abs(pel) < 0.05 ? 'pelvis level' : `pelvis ${num(Math.abs(pel), 1)}° lower on the ${pel > 0 ? 'left' : 'right'}`,
  ];
  if (Number.isFinite(left)) {
    parts.push(left >= 50 ? `${num(left, 0)}% of the weight on the left foot` : `${num(100 - left, 0)}% of the weight on the right foot`);
  }
  return `${parts.join('; ')}.`;
}
