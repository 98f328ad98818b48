// The strings of the wasm canvas backend, kept on the JS side (imported by the wasm through
// wasm-bindgen): the palette's CSS colours and the fonts are sent once and then named by a slot
// number (the brand's two slots give way to the canvas's own brand, its `data-brand`, which the
// element sets: widgets on one page may differ in brand; a canvas in another colour theme holds
// that theme's colours by slot, its `pcStyles`); a label crosses as a key (a hash of its bytes) and a
// pointer into the wasm memory, and is decoded only the first time its key is seen. Decoding
// every style and label anew on every frame was about a fifth of a frame's time. The labels'
// font, alignment and colour are set here, each only when it changes. (Bitmaps of the labels
// drawn most, copied with drawImage, were tried twice and saved nothing in a whole frame: in
// headless Chromium's software canvas a copy costs about what fillText does, though alone it is
// cheaper. A bitmap can give fillText's very pixels: its glyphs at the same fraction of a pixel
// across, its alphabetic baseline on a whole device pixel.) A canvas may carry
// `pcWords(key, text)`, which gives a label in the reader's language (i18n.js: the element sets
// it).

/** Labels kept, oldest dropped first: every label of a few widgets and a drag's numbers. */
const LIMIT = 512;
const ALIGN = ['left', 'center', 'right'];

let memory = null;
const decoder = new TextDecoder();
const read = (ptr, len) => decoder.decode(new Uint8Array(memory.buffer, ptr, len));
/** CSS colours and fonts by slot. */
const styles = [];
/** @type {Map<number, string>} */
const labels = new Map();

/** The wasm module's memory, once, before anything is drawn. */
export function stringsMemory(wasmMemory) {
  memory = wasmMemory;
}

/** Sets slot `slot` to the string at `ptr` (`len` bytes). */
export function setStyle(slot, ptr, len) {
  styles[slot] = read(ptr, len);
}

/** The brand's slots: the brand and its wash (drawn at a lower alpha). */
const BRAND = 8;
const BRAND_WASH = 9;
// A canvas drawn in a theme other than light holds that theme's colours by slot as `pcStyles`
// (themes.js sets it); the others draw in the light palette the wasm sent.
const style = (ctx, slot, c = ctx.canvas) => ((slot === BRAND || slot === BRAND_WASH) && c.dataset.brand) || (c.pcStyles ?? styles)[slot];

export function fillStyle(ctx, slot) {
  ctx.fillStyle = style(ctx, slot);
}

export function strokeStyle(ctx, slot) {
  ctx.strokeStyle = style(ctx, slot);
}

/** Line dashes by the scene's `Dash` (solid, long, dotted), in CSS pixels; made once. */
const DASHES = [[], [7, 5], [2, 4]];

export function lineDash(ctx, dash) {
  ctx.setLineDash(DASHES[dash] ?? DASHES[0]);
}

/** What every replay starts from: the view's transform (`dpr` device pixels per CSS pixel), the
 * canvas cleared (`w` x `h` CSS pixels), round joins and caps, middle baselines, dash `dash`. */
export function begin(ctx, dpr, w, h, dash) {
  // What the context holds for labels: the scale, and the font slot, alignment and colour last
  // set for them.
  ctx.pcDpr = dpr;
  ctx.pcFont = ctx.pcAlign = -1;
  ctx.pcFill = 0;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, w, h);
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  ctx.textBaseline = 'middle';
  ctx.setLineDash(DASHES[dash] ?? DASHES[0]);
}

/** Sets the context's font (its style slot `f`), alignment and colour for fillText, as far as
 * they differ. */
function setText(ctx, f, align, colour) {
  if (ctx.pcFont !== f) ctx.font = styles[(ctx.pcFont = f)];
  if (ctx.pcAlign !== align) ctx.textAlign = ALIGN[(ctx.pcAlign = align)];
  if (ctx.pcFill !== colour) ctx.fillStyle = ctx.pcFill = colour;
}

/** Draws the label with `key` (its UTF-8 bytes at `ptr`, `len` long) at (x, y) in the font,
 * alignment and colour `look` packs (colour slot, font slot << 8, alignment << 16). */
export function fillLabel(ctx, key, ptr, len, x, y, look) {
  let text = labels.get(key);
  if (text === undefined) {
    text = read(ptr, len);
    if (labels.size >= LIMIT) labels.delete(labels.keys().next().value);
    labels.set(key, text);
  }
  const f = (look >> 8) & 255;
  const align = look >> 16;
  const colour = style(ctx, look & 255);
  // The element's words for the label, in its reader's language (i18n.js), when it gives them;
  // longer than the English the scene made room for, they are narrowed to the canvas's edge.
  const said = ctx.canvas.pcWords?.(key, text) ?? text;
  const w = ctx.canvas.width / ctx.pcDpr;
  const room = said === text ? Infinity : Math.max(1, (align ? (align > 1 ? x : 2 * Math.min(x, w - x)) : w - x) - 2);
  setText(ctx, f, align, colour);
  // (A maxWidth that is not finite draws nothing.)
  if (said === text) ctx.fillText(text, x, y);
  else ctx.fillText(said, x, y, room);
}
