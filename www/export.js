// Pictures of a <posture-chain>, loaded on first use ("Save picture", "Save SVG", the element's
// toBlob() and toSVG()). Always the settled posture of the state on screen (state.js), never a
// frame of an animation. PNG: a second Widget of the page's own wasm draws the views through the
// canvas backend into canvases of the size asked (crisp at any size); one view, or the whole
// widget composed on a 16:9 canvas with its title, the read-outs, the colour scale and the
// disclaimer: 'slide' 1920 × 1080 pixels (the layout's 1280 × 720 CSS pixels at 1.5), '2x' the
// element's own width at twice its pixels. SVG: the same display lists through the Rust SVG
// backend, `sceneSvg` of the JS API module (api/, fetched on first use as "How certain?" does):
// vector, text as text, in the same layout. Both in the element's theme (its colours, on its paper,
// strokes and labels as much larger as its canvases draw them: the projector's) and its language
// (the words on screen; the canvas labels worded as the canvas words them, numbers with the
// locale's decimal sign).

import { INPUTS, MEASURES } from './generated.js';
import { R, readAll } from './readouts.js';
import { getState } from './state.js';
import { loadApi } from './bands.js';
import { say } from './share.js';
import { canvasText, t } from './words.js';

const VIEWS = ['back', 'side', 'top'];
const SIZES = ['slide', '2x'];
const TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/svg+xml'];
/** The theme's paper, surface, ink, muted and line colours, as the element's controls have them. */
function colours(el) {
  const css = getComputedStyle(el._ui.box);
  const [paper, surface, ink, muted, line] = ['paper', 'surface', 'ink', 'muted', 'line'].map((n) => css.getPropertyValue(`--${n}`).trim());
  return { paper, surface, ink, muted, line };
}

/** The element's theme as sceneSvg names it ("auto" resolved as themes.js resolves it). */
const themeOf = (el) => el._ui.box.dataset.theme ?? 'light';

/**
 * How many times larger strokes and labels are drawn in a view `w` × `h` CSS pixels: the
 * theme's scale (the projector's) as the element's canvases take it (its `_zoom`, without full
 * screen's), the layout kept to at least 300 × 330.
 */
const zoomOf = (el, w, h) => Math.max(1, Math.min(el._themeZoom || 1, w / 300, h / 330));
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
/** The composed picture's layout size in CSS pixels (16:9), and its scale for 'slide'. */
const SLIDE = { w: 1280, h: 720, scale: 1.5 };
/** A single view's size for 'slide', in CSS pixels (drawn at 1.5: 1920 × 1080 pixels). */
const SLIDE_VIEW = { w: 1280, h: 720 };

/**
 * Where each part of the composed picture goes, for a layout `w` × `h` CSS pixels: the title
 * line, the three views side by side, the read-outs in three columns, the colour scale and the
 * disclaimer; every box `{ x, y, w, h }`, every text `{ x, y, size }` (y its middle).
 */
export function layout(w, h) {
  const pad = Math.round(w * 0.025);
  const gap = Math.round(pad * 0.6);
  const title = { x: pad, y: pad + h * 0.03, size: h * 0.04 };
  const top = pad + h * 0.075;
  const readTop = h * 0.705;
  const vw = (w - 2 * pad - 2 * gap) / 3;
  const views = VIEWS.map((_, i) => ({ x: pad + i * (vw + gap), y: top, w: vw, h: readTop - top - gap }));
  const line = h * 0.034;
  return {
    title,
    views,
    readouts: { x: pad, y: readTop + line / 2, w: w - 2 * pad, line, size: h * 0.024, rows: 4 },
    legend: { x: pad, y: readTop + 4.6 * line, size: h * 0.021 },
    note: { x: pad, y: h - pad - h * 0.026, w: w - 2 * pad, line: h * 0.028, size: h * 0.02 },
  };
}

/** What the composed picture says, in the element's own words: title, rows, scale, note. */
function words(el) {
  const ui = el._ui;
  const w = el._widget;
  const r = new Float64Array(MEASURES.length);
  readAll(w, r, true);
  const state = getState(el);
  el._lang?.();
  const step = state.explain > 0 ? t('export.step', { title: ui.stepTitle.textContent }) : '';
  const title = t('export.title', { tilt: ui.tiltOut.textContent, fwd: ui.fwdOut.textContent, leg: ui.legOut.textContent, comp: ui.compOut.textContent, step });
  const rows = el._rows.map(({ row }) => t('export.row', { name: row.name, value: row.text(r[R[row.key]], r) }));
  const legend = [...ui.legend.querySelectorAll('li')].map((li) => [li.textContent, li.querySelector('.sw')?.style.background || '']);
  const note = ui.root.querySelector('.note').textContent;
  return { title, rows, legend, note };
}

/** Splits `text` into lines no wider than `width` as `measure(text)` measures them. */
function wrap(text, width, measure) {
  const lines = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (line && measure(next) > width) {
      lines.push(line);
      line = word;
    } else {
      line = next;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** A 2-D context for measuring text in the composed picture's fonts. */
let measurer = null;
const measureWith = (font) => {
  measurer ??= document.createElement('canvas').getContext('2d');
  measurer.font = font;
  return (t) => measurer.measureText(t).width;
};

/** Checks the options: { view } ('back', 'side', 'top' or none for the whole widget), { size }. */
function checked(options, warn) {
  const o = options && typeof options === 'object' ? options : {};
  if (options != null && o !== options) warn(`picture options should be an object such as { view: 'back', size: 'slide' }; using the defaults.`);
  let view = o.view ?? null;
  if (view !== null && !VIEWS.includes(view)) {
    warn(`picture option view ${JSON.stringify(view)} should be one of ${VIEWS.join(', ')} (or left out for the whole widget); using the whole widget.`);
    view = null;
  }
  let size = o.size ?? 'slide';
  if (!SIZES.includes(size)) {
    warn(`picture option size ${JSON.stringify(size)} should be 'slide' or '2x'; using 'slide'.`);
    size = 'slide';
  }
  return { view, size };
}

/** A view's size on screen in CSS pixels (its canvas), or the poster's when it is not shown. */
function shownSize(el, i) {
  const c = el._ui.canvases[i];
  return c.clientWidth > 0 && c.clientHeight > 0 ? [c.clientWidth, c.clientHeight] : [360, 480];
}

/**
 * Draws the settled posture of the state of `el` with a new Widget of the page's wasm (its class
 * `Widget`) into one canvas per view: `sizes[i]` [w, h] in CSS pixels, `dpr` pixels each.
 */
function drawViews(el, Widget, sizes, dpr) {
  const state = getState(el);
  const w = new Widget();
  try {
    w.setReducedMotion(true);
    w.setNumberFormat((el._table?._decimal ?? '.').codePointAt(0), 0x2212);
    for (const s of INPUTS) w.setInput(s.index, state[s.key]);
    w.setMagnify(state.magnify ? 3 : 1);
    w.setExplainStep(state.explain - 1);
    const canvases = sizes.map(([cw, ch], i) => {
      const c = document.createElement('canvas');
      c.width = Math.round(cw * dpr);
      c.height = Math.round(ch * dpr);
      const shown = el._ui.canvases[i];
      c.dataset.brand = shown.dataset.brand;
      // The theme's colours (themes.js) and the labels in the reader's language (i18n.js), as on screen.
      if (shown.pcStyles) c.pcStyles = shown.pcStyles;
      c.pcWords = shown.pcWords;
      const z = zoomOf(el, cw, ch);
      w.resize(i, cw / z, ch / z, dpr * z);
      return c;
    });
    w.frame(performance.now(), ...canvases.map((c) => c.getContext('2d')));
    return canvases;
  } finally {
    w.free();
  }
}

/** The composed picture on a canvas: layout `lw` × `lh` CSS pixels at `scale`. */
function composed(el, Widget, lw, lh, scale) {
  const L = layout(lw, lh);
  const views = drawViews(el, Widget, L.views.map((v) => [v.w, v.h]), scale);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(lw * scale);
  canvas.height = Math.round(lh * scale);
  const ctx = canvas.getContext('2d');
  const { paper: PAPER, surface, ink: INK, muted: MUTED, line: LINE } = colours(el);
  ctx.scale(scale, scale);
  ctx.fillStyle = surface;
  ctx.fillRect(0, 0, lw, lh);
  L.views.forEach((v, i) => {
    ctx.fillStyle = PAPER;
    ctx.fillRect(v.x, v.y, v.w, v.h);
    ctx.drawImage(views[i], v.x, v.y, v.w, v.h);
    ctx.strokeStyle = LINE;
    ctx.lineWidth = 1;
    ctx.strokeRect(v.x + 0.5, v.y + 0.5, v.w - 1, v.h - 1);
  });
  const t = words(el);
  ctx.textBaseline = 'middle';
  const text = (s, x, y, font, colour, max) => {
    ctx.font = font;
    ctx.fillStyle = colour;
    ctx.fillText(s, x, y, max);
  };
  text(t.title, L.title.x, L.title.y, `700 ${L.title.size}px ${FONT}`, INK, lw - 2 * L.title.x);
  const R_ = L.readouts;
  const colW = R_.w / 3;
  t.rows.forEach((row, i) => {
    const col = Math.floor(i / R_.rows);
    text(row, R_.x + col * colW, R_.y + (i % R_.rows) * R_.line, `${R_.size}px ${FONT}`, INK, colW - 12);
  });
  let x = L.legend.x;
  for (const [label, colour] of t.legend) {
    if (colour) {
      ctx.fillStyle = colour;
      ctx.fillRect(x, L.legend.y - L.legend.size * 0.4, L.legend.size * 1.4, L.legend.size * 0.8);
      ctx.strokeStyle = INK;
      ctx.strokeRect(x, L.legend.y - L.legend.size * 0.4, L.legend.size * 1.4, L.legend.size * 0.8);
      x += L.legend.size * 1.8;
    }
    const font = `${colour ? '' : '600 '}${L.legend.size}px ${FONT}`;
    text(label, x, L.legend.y, font, INK);
    x += measureWith(font)(label) + L.legend.size * 1.2;
  }
  const font = `${L.note.size}px ${FONT}`;
  wrap(t.note, L.note.w, measureWith(font)).forEach((line, i) => text(line, L.note.x, L.note.y + i * L.note.line, font, MUTED));
  return canvas;
}

/** One view on a canvas of paper: `w` × `h` CSS pixels at `scale`. */
function single(el, Widget, i, w, h, scale) {
  const sizes = VIEWS.map((_, k) => (k === i ? [w, h] : [1, 1]));
  const view = drawViews(el, Widget, sizes, scale)[i];
  const canvas = document.createElement('canvas');
  canvas.width = view.width;
  canvas.height = view.height;
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = colours(el).paper;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(view, 0, 0);
  return canvas;
}

/**
 * The picture as a Blob of `type` ('image/png' by default, 'image/jpeg', 'image/webp', or
 * 'image/svg+xml' for toSVG's text): `options.view` one view, else the whole widget composed;
 * `options.size` 'slide' (1920 × 1080 pixels) or '2x' (twice the pixels of its size on screen).
 */
export async function toBlob(el, type, options, warn) {
  if (!el._widget) throw new Error('<posture-chain> has not started yet: wait for its load event');
  let kind = type ?? 'image/png';
  if (!TYPES.includes(kind)) {
    warn(`toBlob: type ${JSON.stringify(type)} should be one of ${TYPES.join(', ')}; using image/png.`);
    kind = 'image/png';
  }
  if (kind === 'image/svg+xml') return new Blob([await toSVG(el, options, warn)], { type: kind });
  const { view, size } = checked(options, warn);
  // The page's wasm class, the element's own Widget's.
  const Widget = el._widget.constructor;
  let canvas;
  if (view) {
    const i = VIEWS.indexOf(view);
    const [w, h] = size === 'slide' ? [SLIDE_VIEW.w, SLIDE_VIEW.h] : shownSize(el, i);
    canvas = single(el, Widget, i, w, h, size === 'slide' ? SLIDE.scale : 2);
  } else if (size === 'slide') {
    canvas = composed(el, Widget, SLIDE.w, SLIDE.h, SLIDE.scale);
  } else {
    const lw = Math.max(640, Math.round(el.clientWidth || SLIDE.w));
    canvas = composed(el, Widget, lw, Math.round((lw * 9) / 16), 2);
  }
  return new Promise((ok, fail) => canvas.toBlob((b) => (b ? ok(b) : fail(new Error('the canvas gave no picture'))), kind));
}

/** Text for XML. */
const xml = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** sceneSvg's arguments for the state of `el`: its scenario and drawing options (its theme, its
 * locale's decimal sign). */
function svgArgs(el) {
  const state = getState(el);
  const scenario = Object.fromEntries(INPUTS.map((s) => [s.key, state[s.key]]));
  const brand = el._ui.canvases[0].dataset.brand;
  return [scenario, { explain: state.explain, magnify: state.magnify, brand, theme: themeOf(el), decimal: el._table?._decimal ?? '.' }];
}

/** XML text back to text (the four escapes the Rust SVG backend writes, and numeric ones). */
const unxml = (s) => s.replace(/&(amp|lt|gt|quot|#\d+);/g, (_, e) => ({ amp: '&', lt: '<', gt: '>', quot: '"' })[e] ?? String.fromCharCode(Number(e.slice(1))));

/**
 * A view's SVG as the element's canvas shows it: its labels worded in the element's language
 * (as canvas-strings.js words them, through i18n.js's table), and drawn `z` times larger (the
 * scene laid out in a box `z` times smaller, shown at the full size: the viewBox stays).
 */
function asShown(el, svg, w, h, z) {
  const table = el._table;
  let out = table ? svg.replace(/(<text [^>]*>)([^<]*)(<\/text>)/g, (_, open, text, close) => `${open}${xml(canvasText(unxml(text), table))}${close}`) : svg;
  if (z !== 1) out = out.replace(/^<svg ([^>]*?)width="[^"]*" height="[^"]*"/, `<svg $1width="${w}" height="${h}"`);
  return out;
}

/**
 * The picture as SVG text: `options.view` one view at its size on screen, else the whole widget
 * composed at 1280 × 720 (the views nested as `<svg>` elements), drawn by the JS API module
 * from where the element says (`el._api`: its URL, or a function resolving to the module).
 */
export async function toSVG(el, options, warn) {
  if (!el._widget) throw new Error('<posture-chain> has not started yet: wait for its load event');
  const { view } = checked(options && typeof options === 'object' ? { view: options.view } : options, warn);
  const m = await loadApi(el._api);
  const [scenario, opts] = svgArgs(el);
  const draw = (v, w, h, title) => {
    const z = zoomOf(el, w, h);
    const out = m.sceneSvg(scenario, v, w / z, h / z, { ...opts, title });
    for (const problem of out.warnings) warn(`toSVG: ${problem}`);
    return asShown(el, out.svg, w, h, z);
  };
  const caption = (i) => el._ui.root.querySelector(`#cap-${VIEWS[i]}`).textContent;
  if (view) {
    const i = VIEWS.indexOf(view);
    return draw(view, ...shownSize(el, i), `${caption(i)}. ${words(el).title}`);
  }
  const { w: lw, h: lh } = SLIDE;
  const L = layout(lw, lh);
  const t = words(el);
  const { surface, ink: INK, muted: MUTED, line: LINE } = colours(el);
  const text = (s, x, y, size, colour = INK, weight = 400) => `<text x="${x}" y="${y}" font-size="${size}" font-weight="${weight}" fill="${colour}">${xml(s)}</text>`;
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${lw}" height="${lh}" viewBox="0 0 ${lw} ${lh}" role="img">`,
    `<title>${xml(t.title)}</title><rect width="${lw}" height="${lh}" fill="${xml(surface)}"/>`,
  ];
  L.views.forEach((v, i) => {
    const svg = draw(VIEWS[i], v.w, v.h, caption(i));
    out.push(svg.replace('<svg ', `<svg x="${v.x}" y="${v.y}" `).trim());
    out.push(`<rect x="${v.x + 0.5}" y="${v.y + 0.5}" width="${v.w - 1}" height="${v.h - 1}" fill="none" stroke="${LINE}"/>`);
  });
  out.push(`<g font-family="${xml(FONT)}" dominant-baseline="middle">`);
  out.push(text(t.title, L.title.x, L.title.y, L.title.size, INK, 700));
  const colW = L.readouts.w / 3;
  t.rows.forEach((row, i) => {
    const col = Math.floor(i / L.readouts.rows);
    out.push(text(row, L.readouts.x + col * colW, L.readouts.y + (i % L.readouts.rows) * L.readouts.line, L.readouts.size));
  });
  let x = L.legend.x;
  const s = L.legend.size;
  for (const [label, colour] of t.legend) {
    if (colour) {
      out.push(`<rect x="${x}" y="${L.legend.y - s * 0.4}" width="${s * 1.4}" height="${s * 0.8}" fill="${xml(colour)}" stroke="${INK}"/>`);
      x += s * 1.8;
    }
    out.push(text(label, x, L.legend.y, s, INK, colour ? 400 : 600));
    x += measureWith(`${colour ? '' : '600 '}${s}px ${FONT}`)(label) + s * 1.2;
  }
  wrap(t.note, L.note.w, measureWith(`${L.note.size}px ${FONT}`))
    .forEach((line, i) => out.push(text(line, L.note.x, L.note.y + i * L.note.line, L.note.size, MUTED)));
  out.push('</g></svg>\n');
  return out.join('');
}

/**
 * "Save picture" ('png') and "Save SVG" ('svg'): the whole widget, downloaded through an object
 * URL; the share block's status line says how it went.
 */
export async function save(el, kind, warn) {
  el._lang?.();
  say(el, t(`export.drawing.${kind}`));
  try {
    const blob = await toBlob(el, kind === 'png' ? 'image/png' : 'image/svg+xml', null, warn);
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `posture-chain.${kind}`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    el._lang?.();
    const file = t('export.file', { name: `posture-chain.${kind}`, kb: Math.round(blob.size / 1000) });
    // A sandboxed frame may not be allowed to save files, and nothing tells it so.
    say(el, t(self.origin === 'null' && parent !== window ? 'export.handed' : 'export.saved', { file }));
  } catch (error) {
    warn(`could not make the ${kind === 'png' ? 'picture' : 'SVG'}: ${error}`);
    el._lang?.();
    say(el, t(kind === 'svg' && self.origin === 'null' ? 'export.failed.svg.sandbox' : `export.failed.${kind}`));
  }
}
