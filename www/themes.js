// The colour themes of <posture-chain> (theme="light" | "dark" | "auto" | "projector"), loaded
// only when an element asks for a theme other than light or the reader's system forces its own
// colours. The colours are defined once, in src/scene/palette.rs: the light theme's are in the
// wasm (the canvas) and in generated.js (the controls); the others come from generated-themes.js.
// A theme colours the controls (custom properties on the shadow root's top box, which this module
// marks with data-theme) and the canvas (each canvas's `pcStyles`, read by canvas-strings.js), and
// sets the scale strokes and labels are drawn at (the element's `_themeZoom`). "auto" follows
// prefers-color-scheme, live; with forced-colors active the drawing takes the system's colours.

import { THEMES } from './generated-themes.js';
import { addStyles } from './sheets.js';

/** The values the attribute takes; any other one warns and draws the light theme. */
const NAMES = ['light', 'dark', 'auto', 'projector'];
/** The load scale's colours, the same in every theme (after the canvas's 11 other slots). */
const LOAD = THEMES.dark.canvas.slice(11);

const dark = matchMedia('(prefers-color-scheme: dark)');
const forced = matchMedia('(forced-colors: active)');

// Keyed by the `data-theme` this module puts on the shadow root's top box (`.cq`). `color-scheme`
// gives the sliders and the check box their dark look. Under forced colours the browser sets the
// controls' colours; the legend's swatches and the weight bars keep theirs (they stand for the
// drawing's), and pressed buttons show in the system's highlight.
const CSS = `${Object.entries(THEMES).map(([key, t]) => `.cq[data-theme=${key}] { ${t.css} color: var(--ink); }`).join('\n')}
.cq[data-theme=dark] { color-scheme: dark; }
.cq[data-theme=projector] button, .cq[data-theme=projector] canvas { border-width: 2px; border-color: var(--ink); }
@media (forced-colors: active) {
  .legend .sw, .fill { forced-color-adjust: none; }
  button[aria-pressed=true], .tabs [aria-selected=true] { forced-color-adjust: none; background: Highlight; color: HighlightText; }
}`;


/** The system colours forced-colors mode gives, as the browser resolves them. */
function systemColours(root) {
  const probe = document.createElement('span');
  probe.hidden = true;
  root.append(probe);
  const read = (name) => {
    probe.style.color = name;
    return getComputedStyle(probe).color;
  };
  const [text, paper, gray, mark, link] = ['CanvasText', 'Canvas', 'GrayText', 'Highlight', 'LinkText'].map(read);
  probe.remove();
  // The canvas's slots (Colour::slot): ink, muted, ghost, bone, rib, skin, skin line, guide, brand,
  // brand wash, alert; the load scale keeps its colours, as the legend does.
  const canvas = [text, text, gray, paper, text, paper, text, link, mark, mark, text];
  return { canvas, brand: mark };
}

/** The theme an element asks for: its attribute's value, or light (with one warning for a bad one). */
function asked(el, warn) {
  const raw = el.getAttribute('theme');
  const name = raw === null ? 'light' : raw.trim().toLowerCase();
  if (NAMES.includes(name)) {
    el._themeWarned = null;
    return name;
  }
  // Once per bad value (the element applies its theme when the attribute changes and again as it starts).
  if (el._themeWarned !== raw) warn(`theme="${raw}" should be ${NAMES.join(', ')}; using light.`);
  el._themeWarned = raw;
  return 'light';
}

/** Elements with a theme applied, re-applied when the reader's colour scheme or forcing changes. */
const themed = new Map();
const follow = () => {
  for (const [el, warn] of themed) {
    if (el.isConnected) applyTheme(el, warn);
    else themed.delete(el);
  }
};
dark.addEventListener('change', follow);
forced.addEventListener('change', follow);

/** Gives `el` (a PostureChain) the theme its attribute names; `warn(message)` logs a bad value. */
export function applyTheme(el, warn) {
  const ui = el._ui;
  addStyles(ui.root, CSS);
  themed.set(el, warn);
  const name = asked(el, warn);
  const key = name === 'auto' ? (dark.matches ? 'dark' : 'light') : name;
  const theme = THEMES[key] ?? null;
  const look = forced.matches ? { ...theme, ...systemColours(ui.root), force: true } : theme;
  const box = ui.box;
  if (theme) box.dataset.theme = key;
  else delete box.dataset.theme;
  el._look = look;
  el._themeZoom = theme?.scale ?? 1;
  const canvas = look && [...look.canvas.slice(0, 11), ...LOAD];
  for (const c of ui.canvases) {
    if (canvas) c.pcStyles = canvas;
    else delete c.pcStyles;
  }
  const custom = getComputedStyle(el).getPropertyValue('--posture-chain-brand').trim();
  el._brand(look?.force ? look.brand : el.getAttribute('brand-color') ?? (custom || null));
  el._resize();
}
