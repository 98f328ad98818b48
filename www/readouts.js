// The read-out panel of <posture-chain> and its wording: the measures table, the weight bars, the
// legend, the controls' read-outs, the explain-step captions and the live-region sentence.
// Pure functions word the values (num, rangeWords, tiltWords, postureSentence); buildMeasures,
// fillLegend and the show* functions write into `ui`, the shadow root's parts (template.js).

// What the Widget writes into readouts(), by index.
export const R = {
  eyeTilt: 0, shoulderMm: 1, shoulderTilt: 2, pelvisTilt: 3, pelvisTurn: 4, legMm: 5,
  coronalMm: 6, svaMm: 7, cva: 8, headKg: 9, weightLeft: 10, headTilt: 11,
};

// Plain-words captions for the five steps of the cascade (explain mode).
export const STEPS = [
  ['Head and upper neck',
    'The head tips towards one shoulder, and the two small joints under the skull start turning it back so the eyes can find the horizon again.'],
  ['Lower neck and shoulders',
    'The lower neck bends the other way to bring the head back over the body, and the shoulder girdle tilts with it: one shoulder ends up higher.'],
  ['Mid back',
    'The twelve thoracic vertebrae share a gentle curve that keeps the shoulders and the head stacked above the pelvis.'],
  ['Low back',
    'The five lumbar vertebrae, which carry most of the upper body, bend gently against the curve above so the trunk stays centred over the pelvis.'],
  ['Pelvis and legs',
    'The pelvis and legs make the last and smallest adjustments, a slight tip of the pelvis or a shift of weight between the feet, so the whole chain stands balanced.'],
];

/** Opens the explain panel at step 0..4, or closes it with -1. */
export function showExplain(ui, step) {
  const on = step >= 0;
  ui.explain.hidden = !on;
  ui.explainBtn.setAttribute('aria-pressed', String(on));
  if (!on) return;
  const [title, caption] = STEPS[step];
  ui.stepTitle.textContent = `Step ${step + 1} of 5: ${title}`;
  ui.stepCaption.textContent = caption;
  ui.root.querySelector('[data-act=prev]').disabled = step === 0;
  ui.root.querySelector('[data-act=next]').disabled = step === 4;
}

// Read-out rows: label, how to write the value, and how to word its usual range.
// Usual ranges as [kind, a, b]: 1 within ±a, 2 below a, 3 at least a, 4 a reference band a..b
// (never marked). A row with none has no agreed range and is never marked "outside". These mirror
// the named bounds in src/model/ranges.rs, where the sources are; a test there reads this table
// and fails if a number differs (kept out of the wasm to keep the page small).
export const RANGES = {
  eyeTilt: [1, 2],
  pelvisTilt: [1, 1.6],
  coronalMm: [1, 20],
  svaMm: [2, 40],
  cva: [3, 48],
  headKg: [4, 4.5, 5.4],
};
const side = (v, pos, neg) => (v > 0 ? pos : neg);
export const ROWS = [
  { key: 'eyeTilt', dp: 1, name: 'Eye line tilt', unit: '°',
    text: (v) => (Math.abs(v) < 0.05 ? 'level' : `${num(Math.abs(v), 1)}°, ${side(v, 'right', 'left')} eye higher`) },
  { key: 'shoulderMm', dp: 0, name: 'Shoulder height difference', unit: '\u00a0mm',
    text: (v, r) => (Math.abs(v) < 0.5 ? 'level'
      : `${num(Math.abs(v), 0)}\u00a0mm, ${side(v, 'right', 'left')} higher (${num(Math.abs(r[R.shoulderTilt]), 1)}°)`) },
  { key: 'pelvisTilt', dp: 1, name: 'Pelvic tilt (side to side)', unit: '°',
    text: (v) => (Math.abs(v) < 0.05 ? 'level' : `${num(Math.abs(v), 1)}°, ${side(v, 'left', 'right')} side lower`) },
  { key: 'pelvisTurn', dp: 1, name: 'Pelvic rotation', unit: '°',
    text: (v) => (Math.abs(v) < 0.05 ? 'none' : `${num(Math.abs(v), 1)}° to the ${side(v, 'right', 'left')}`) },
  { key: 'legMm', dp: 0, name: 'Hip height difference', unit: '\u00a0mm',
    text: (v) => (Math.abs(v) < 0.5 ? 'level' : `${num(Math.abs(v), 0)}\u00a0mm, ${side(v, 'right', 'left')} higher`) },
  { key: 'coronalMm', dp: 0, name: 'C7 plumb line, side to side', unit: '\u00a0mm',
    text: (v) => (Math.abs(v) < 0.5 ? 'centred' : `${num(Math.abs(v), 0)}\u00a0mm to the ${side(v, 'right', 'left')}`) },
  { key: 'svaMm', dp: 0, name: 'C7 plumb line, front to back', unit: '\u00a0mm', below: ' ahead',
    text: (v) => (Math.abs(v) < 0.5 ? 'over the sacrum' : `${num(Math.abs(v), 0)}\u00a0mm ${side(v, 'ahead', 'behind')}`) },
  { key: 'cva', dp: 1, name: 'Head-neck angle (CVA)', unit: '°',
    text: (v) => `${num(v, 1)}°` },
  { key: 'headKg', dp: 1, name: 'Load on the neck', unit: '\u00a0kg', reference: 'head upright: ',
    text: (v) => `${num(v, 1)}\u00a0kg` },
];

/** A limit as people write it: whole numbers bare, others with one decimal. */
const limit = (v) => num(v, Number.isInteger(v) ? 0 : 1);

/** True unless the value (as shown) is outside a range that has been agreed. */
export function usual([kind, a] = [0], v) {
  if (!Number.isFinite(v)) return true;
  return kind === 1 ? Math.abs(v) <= a : kind === 2 ? v < a : kind === 3 ? v >= a : true;
}

/** The usual range of a row in words. */
export function rangeWords(row, [kind, a, b] = [0]) {
  switch (kind) {
    case 1: return `within ${limit(a)}${row.unit}`;
    case 2: return `under ${limit(a)}${row.unit}${row.below ?? ''}`;
    case 3: return `${limit(a)}${row.unit} or\u00a0more`;
    case 4: return `${row.reference ?? ''}${limit(a)}\u2060–\u2060${limit(b)}${row.unit}`;
    default: return 'no agreed range';
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
    range.className = RANGES[row.key] ? 'range' : 'range none';
    range.textContent = rangeWords(row, RANGES[row.key]);
    tr.append(th, val, range);
    tbody.append(tr);
    return { row, tr, val, last: '' };
  });
}

/** Writes the read-outs r into the measures table, flagging values outside their range (rows
 * whose text has not changed are left alone), and into the weight bars. */
export function showReadouts(ui, rows, r) {
  for (const entry of rows) {
    const v = r[R[entry.row.key]];
    // Judged as shown: a value written as the limit is not marked as past it.
    const ok = usual(RANGES[entry.row.key], Number(num(v, entry.row.dp).replace('−', '-')));
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
  const left = Number.isFinite(r[R.weightLeft]) ? Math.min(100, Math.max(0, r[R.weightLeft])) : 50;
  [left, 100 - left].forEach((p, i) => {
    const text = `${num(p, 0)}%`;
    if (ui.pcts[i].textContent !== text) ui.pcts[i].textContent = text;
    ui.fills[i].style.width = `${p}%`;
  });
}

// The colour legend: its title, then one label per load band of Widget.loadColour(band).
export const LEGEND_TITLE = 'Load on each spinal joint, as a share of what it can carry:';
export const LEGEND_LABELS = ['under 20%', '20–40%', '40–60%', '60–80%', '80–100%', 'over 100%'];

/** Fills the legend's list: the title, then a swatch of colourOf(band) and its label per band. */
export function fillLegend(list, colourOf) {
  const title = document.createElement('li');
  title.className = 'title';
  title.textContent = LEGEND_TITLE;
  list.replaceChildren(title);
  LEGEND_LABELS.forEach((label, i) => {
    const li = document.createElement('li');
    const sw = document.createElement('span');
    sw.className = 'sw';
    sw.style.background = colourOf(i);
    li.append(sw, label);
    list.append(li);
  });
}

/** The settled posture in one sentence, for screen readers (the element's polite live region). */
export function postureSentence(r) {
  const tilt = r[R.headTilt];
  const eye = r[R.eyeTilt];
  const sh = r[R.shoulderMm];
  const pel = r[R.pelvisTilt];
  const left = r[R.weightLeft];
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
