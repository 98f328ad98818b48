// What the compare mode (compare.js) and the puzzle (puzzle.js) of <posture-chain> share, loaded
// with the first of them: every read-out's name and value in words (the read-out panel's own
// words from readouts.js, and words for the three it shows inside other rows), which read-outs
// two postures give differently as the table shows them and by how much, and the panels' styles.

import { MEASURES } from './generated.js';
import { ROWS } from './readouts.js';
import { addEnglish, num, t, unit } from './words.js';
import MODES from './locales/en-modes.json' with { type: 'json' };
import { addStyles } from './sheets.js';

// The English words of compare and the puzzle, which load with this module.
addEnglish(MODES);

// A read-out's words by side: its `level` key under `below`, else its side's, with the size.
const sided = (key, below, decimals) => (v) => (Math.abs(v) < below ? t(`own.${key}.level`)
  : t(`own.${key}.${v > 0 ? 'r' : 'l'}`, { v: num(Math.abs(v), decimals) }));
// The read-outs the table words inside another row or as bars (and the shoulder row, whose text
// there carries two of them), by key: words(value); their names are `own.<key>` in the tables.
const OWN = {
  shoulderHeightDiffMm: sided('shoulderHeightDiffMm', 0.5, 0),
  shoulderTiltDeg: sided('shoulderTiltDeg', 0.05, 1),
  shoulderElevationDiffMm: sided('shoulderElevationDiffMm', 0.5, 0),
  weightLeftPct: (v) => unit('pct', num(v, 0)),
};

/** [name, words(value)] of every read-out, in MEASURES' order (the Widget's readout(i)), in the
 * reader's language when read. */
export const WORDS = MEASURES.map((m) => {
  const row = ROWS.find((r) => r.key === m.key);
  return OWN[m.key] ? { get 0() { return t(`own.${m.key}`); }, 1: OWN[m.key], [Symbol.iterator]: pair }
    : { get 0() { return row.name; }, 1: (v) => row.text(v), [Symbol.iterator]: pair };
});
function* pair() {
  yield this[0];
  yield this[1];
}

/** A read-out as the table shows it (rounded to its decimals), as a number. */
export const shown = (i, v) => Number(v.toFixed(MEASURES[i].decimals));

/** One step of read-out i's last digit: the smallest difference the table can show. */
export const digit = (i) => 10 ** -MEASURES[i].decimals;

/** A difference in words: "0.6°", "4\u00a0mm", "2%" (of the body weight: percentage points). */
export const amount = (i, d) => unit(MEASURES[i].unit, num(Math.abs(d), MEASURES[i].decimals));

/**
 * The read-outs that `a` and `b` (arrays in MEASURES' order) give differently: as the table shows
 * them (rounded), or with `clearly`, by at least one step of the table's last digit before
 * rounding (a difference a reader can see, not one that only rounding makes). `[{ i, key, d }]`,
 * `d` being b − a (as shown, or exact with `clearly`), largest first (in steps of each last digit).
 */
export function differing(a, b, clearly = false) {
  const out = [];
  MEASURES.forEach((m, i) => {
    const d = clearly ? b[i] - a[i] : shown(i, b[i]) - shown(i, a[i]);
    if (Number.isFinite(d) && Math.abs(d) >= (clearly ? 1 : 0.5) * digit(i)) out.push({ i, key: m.key, d });
  });
  return out.sort((x, y) => Math.abs(y.d) / digit(y.i) - Math.abs(x.d) / digit(x.i));
}

const PANEL_CSS = `
.cmp, .puz { margin-top: 10px; padding: 10px 12px; border-left: 4px solid var(--brand);
  background: color-mix(in srgb, var(--brand) 6%, var(--surface)); border-radius: 0 6px 6px 0; font-size: 14px; }
.cmp h3, .puz h3 { margin: 0 0 4px; }
.cmp p, .puz p { margin: 4px 0; max-width: 64ch; }
.cmp ul, .puz ul { margin: 4px 0; padding-left: 18px; }
.cmp select { font: inherit; font-size: 14px; min-height: 32px; max-width: 100%; }
@container (width < 560px) { .cmp, .puz { padding: 8px; } .cmp select { font-size: 12px; } }
.puz .buttons { margin: 8px 0 4px; }
.puz [hidden] { display: none; }
.puz .verdict { font-weight: 700; }
.views.twin { grid-template-columns: 1fr 1fr; }
.views.twin > .view, .views.twin > .colhead { grid-column: auto; }
.views.twin canvas, .views.twin canvas.top { height: clamp(300px, 46vh, 480px); }
.views.twin > .colhead { order: 0; margin: 0; font-weight: 700; }
.views.twin > #view-back { order: 1; } .views.twin > .tw.back { order: 2; }
.views.twin > #view-side { order: 3; } .views.twin > .tw.side { order: 4; }
.views.twin > #view-top { order: 5; } .views.twin > .tw.top { order: 6; }
`;

/** Adds the panels' styles to a shadow root once (sheets.js). */
export function panelStyles(root) {
  addStyles(root, PANEL_CSS);
}
