// <posture-chain>: an interactive illustration of how a small head tilt cascades down the body.
// A thin custom element around an opaque Rust/WebAssembly handle (Widget): the model, the
// animation and the drawing live in wasm; this file only wires the DOM, attributes and events.
// Self-contained: open shadow DOM with its own styles, no third-party requests, the wasm loaded
// relative to this module. Safe to load twice on one page.
//
// Usage:
//   <script type="module" src="posture-chain.js"></script>
//   <posture-chain head-tilt="5" brand-color="#1d5f8a"></posture-chain>
//
// Attributes (all optional; a bad value logs a console warning and a safe value is used: the
// nearest in range, or the default). Reset returns to the attributes' values:
//   head-tilt      degrees, -20..20, positive toward the right ear (default 5)
//   forward-head   degrees of neck flexion, 0..60 (default 0)
//   leg-length     mm, -30..30, positive: right leg longer (default 0)
//   compensation   none | partial | full, or 0..1, or 0%..100% (default full)
//   brand-color    any CSS colour for accents (default #1d5f8a)
// Methods: headPoint() (where the draggable head is drawn), measureFrame(deg) (timing hook).
// Property: lastFrameMs (duration of the last animation frame's wasm work).

import init, { Widget } from './pkg/posture_chain.js';
import { inkOn, parseBrand, sliderValue } from './attributes.js';
import { MARKUP, STYLE, parts } from './template.js';

const TAG = 'posture-chain';

// The wasm module, started once however many elements there are.
let ready = null;
const loadWasm = () =>
  (ready ??= init({ module_or_path: new URL('./pkg/posture_chain_bg.wasm', import.meta.url) }));

// The slider each attribute sets, by attribute name, in the order reset applies them.
const SLIDERS = { 'head-tilt': 'tilt', 'forward-head': 'fwd', 'leg-length': 'leg', compensation: 'comp' };

/** An attribute's value from a parser's [value, problem]; a problem is logged as a warning. */
function warned([value, problem]) {
  if (problem) console.warn(`<${TAG}> ${problem}`);
  return value;
}

// What the Widget writes into readouts(), by index.
const R = {
  eyeTilt: 0, shoulderMm: 1, shoulderTilt: 2, pelvisTilt: 3, pelvisTurn: 4, legMm: 5,
  coronalMm: 6, svaMm: 7, cva: 8, headKg: 9, weightLeft: 10, headTilt: 11,
};

// Plain-words captions for the five steps of the cascade (explain mode).
const STEPS = [
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

// Read-out rows: label, how to write the value, and how to word its usual range.
// Usual ranges as [kind, a, b]: 1 within ±a, 2 below a, 3 at least a, 4 a reference band a..b
// (never marked). A row with none has no agreed range and is never marked "outside". These mirror
// the named bounds in src/model/ranges.rs, where the sources are; a test there reads this table
// and fails if a number differs (kept out of the wasm to keep the page small).
const RANGES = {
  eyeTilt: [1, 2],
  pelvisTilt: [1, 1.6],
  coronalMm: [1, 20],
  svaMm: [2, 40],
  cva: [3, 48],
  headKg: [4, 4.5, 5.4],
};
const side = (v, pos, neg) => (v > 0 ? pos : neg);
const ROWS = [
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
function usual([kind, a] = [0], v) {
  if (!Number.isFinite(v)) return true;
  return kind === 1 ? Math.abs(v) <= a : kind === 2 ? v < a : kind === 3 ? v >= a : true;
}

/** The usual range of a row in words. */
function rangeWords(row, [kind, a, b] = [0]) {
  switch (kind) {
    case 1: return `within ${limit(a)}${row.unit}`;
    case 2: return `under ${limit(a)}${row.unit}${row.below ?? ''}`;
    case 3: return `${limit(a)}${row.unit} or\u00a0more`;
    case 4: return `${row.reference ?? ''}${limit(a)}\u2060–\u2060${limit(b)}${row.unit}`;
    default: return 'no agreed range';
  }
}

/** A number for people: fixed decimals, a real minus sign, never NaN. */
function num(v, decimals) {
  if (!Number.isFinite(v)) return '–';
  const s = v.toFixed(decimals);
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s.replace('-', '−');
}

const tiltWords = (deg) =>
  Math.abs(deg) < 0.05 ? 'upright' : `${num(Math.abs(deg), 1)}° ${deg > 0 ? 'right' : 'left'}`;

class PostureChain extends HTMLElement {
  static get observedAttributes() {
    return ['head-tilt', 'forward-head', 'leg-length', 'compensation', 'brand-color'];
  }

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.innerHTML = `<style>${STYLE}</style>${MARKUP}`;
    this._ui = parts(root);
    this._widget = null;
    this._ctxs = null;
    this._raf = 0;
    this._step = -1;
    this._stepsTimer = 0;
    this._liveTimer = 0;
    this._readouts = new Float64Array(12);
    this._rows = [];
    this.lastFrameMs = NaN;
    this._tick = this._tick.bind(this);
    this._buildTable();
    this._wire();
  }

  connectedCallback() {
    loadWasm().then(() => this._start(), (error) => {
      console.warn(`<${TAG}> could not load its WebAssembly module:`, error);
      const fail = document.createElement('p');
      fail.className = 'fail';
      fail.textContent = 'The interactive illustration could not start in this browser.';
      this._ui.root.querySelector('.pc').replaceChildren(fail);
    });
  }

  disconnectedCallback() {
    cancelAnimationFrame(this._raf);
    this._raf = 0;
    clearTimeout(this._liveTimer);
    clearInterval(this._stepsTimer);
    this._resizeObserver?.disconnect();
    this._motion?.removeEventListener('change', this._onMotion);
    this._widget?.free();
    this._widget = null;
  }

  attributeChangedCallback(name, _old, raw) {
    const ui = this._ui;
    if (name === 'brand-color') {
      const brand = warned(parseBrand(raw));
      this.style.setProperty('--brand', brand);
      this.style.setProperty('--on-brand', inkOn(ui.root, brand));
      this._widget?.setBrand(brand);
    } else {
      ui[SLIDERS[name]].value = warned(sliderValue(name, raw));
    }
    this._syncInputs();
  }

  /** Sets the controls from the attributes (quietly: they were validated when they were set). */
  _applyAttributes() {
    for (const [name, slider] of Object.entries(SLIDERS)) {
      this._ui[slider].value = sliderValue(name, this.getAttribute(name))[0];
    }
  }

  _start() {
    if (!this.isConnected || this._widget) return;
    const ui = this._ui;
    this._widget = new Widget();
    this._ctxs = ui.canvases.map((c) => c.getContext('2d'));
    if (this._ctxs.some((c) => !c)) {
      console.warn(`<${TAG}> this browser gave no 2-D canvas context.`);
      return;
    }
    const brand = warned(parseBrand(this.getAttribute('brand-color')));
    this._widget.setBrand(brand);
    this.style.setProperty('--on-brand', inkOn(ui.root, brand));
    ui.legend.replaceChildren(this._legendTitle());
    const labels = ['under 20%', '20–40%', '40–60%', '60–80%', '80–100%', 'over 100%'];
    labels.forEach((label, i) => {
      const li = document.createElement('li');
      const sw = document.createElement('span');
      sw.className = 'sw';
      sw.style.background = Widget.loadColour(i);
      li.append(sw, label);
      ui.legend.append(li);
    });
    this._motion = matchMedia('(prefers-reduced-motion: reduce)');
    this._onMotion = () => this._widget?.setReducedMotion(this._motion.matches);
    this._motion.addEventListener('change', this._onMotion);
    this._onMotion();
    this._syncInputs();
    this._resizeObserver = new ResizeObserver((entries) => this._resize(entries));
    ui.canvases.forEach((c) => {
      try {
        this._resizeObserver.observe(c, { box: 'device-pixel-content-box' });
      } catch {
        this._resizeObserver.observe(c);
      }
    });
    this._resize();
  }

  _legendTitle() {
    const li = document.createElement('li');
    li.className = 'title';
    li.textContent = 'Load on each spinal joint, as a share of what it can carry:';
    return li;
  }

  /** Sizes each canvas's backing store to its content box in device pixels (crisp at any zoom). */
  _resize(entries = []) {
    if (!this._widget) return;
    const dpr = window.devicePixelRatio || 1;
    const exact = new Map(entries.map((e) => [e.target, e]));
    this._ui.canvases.forEach((canvas, i) => {
      const entry = exact.get(canvas);
      const box = entry?.contentBoxSize?.[0];
      const device = entry?.devicePixelContentBoxSize?.[0];
      const w = box ? box.inlineSize : canvas.clientWidth;
      const h = box ? box.blockSize : canvas.clientHeight;
      const bw = Math.max(1, device ? device.inlineSize : Math.round(w * dpr));
      const bh = Math.max(1, device ? device.blockSize : Math.round(h * dpr));
      if (canvas.width !== bw) canvas.width = bw;
      if (canvas.height !== bh) canvas.height = bh;
      this._widget.resize(i, w, h, bw / Math.max(w, 1));
    });
    this._schedule();
  }

  _schedule() {
    if (!this._raf && this._widget) this._raf = requestAnimationFrame(this._tick);
  }

  _tick(now) {
    this._raf = 0;
    const widget = this._widget;
    if (!widget) return;
    const t0 = performance.now();
    const more = widget.frame(now, ...this._ctxs);
    this.lastFrameMs = performance.now() - t0;
    if (widget.autoplay()) this._showTilt(widget.headTiltDeg());
    this._showReadouts();
    if (more) {
      this._schedule();
    } else {
      clearTimeout(this._liveTimer);
      this._liveTimer = setTimeout(() => this._speak(), 350);
    }
  }

  /** Timing hook for tests/perf: one slider step and one frame, synchronously; returns ms. */
  measureFrame(tiltDeg) {
    if (!this._widget) return NaN;
    const t0 = performance.now();
    this._widget.setHeadTiltDeg(tiltDeg);
    this._widget.frame(performance.now(), ...this._ctxs);
    return performance.now() - t0;
  }

  /** Where the draggable head is, in CSS pixels from the back view's top-left corner. */
  headPoint() {
    return this._widget ? { x: this._widget.headPx(0), y: this._widget.headPx(1) } : null;
  }

  _wire() {
    const ui = this._ui;
    const stopAutoplay = () => {
      if (this._widget?.autoplay()) this._widget.setAutoplay(false);
      ui.play.setAttribute('aria-pressed', 'false');
      ui.play.textContent = 'Play sweep';
    };
    ui.root.addEventListener('input', (e) => {
      if (e.target === ui.magnify) return;
      stopAutoplay();
      this._syncInputs();
    });
    ui.magnify.addEventListener('change', () => {
      this._widget?.setMagnify(ui.magnify.checked ? 3 : 1);
      this._schedule();
    });
    ui.root.addEventListener('click', (e) => {
      const act = e.target.closest?.('button')?.dataset.act;
      if (!act) return;
      if (act !== 'play') stopAutoplay();
      if (act === 'play') {
        const on = !this._widget?.autoplay();
        this._widget?.setAutoplay(on);
        ui.play.setAttribute('aria-pressed', String(on));
        ui.play.textContent = on ? 'Pause sweep' : 'Play sweep';
        if (!on) this._syncInputs();
      } else if (act === 'reset') {
        this._widget?.reset();
        this._setExplain(-1);
        ui.magnify.checked = false;
        this._applyAttributes();
        this._syncInputs();
      } else if (act === 'explain') {
        this._setExplain(this._step < 0 ? 0 : -1);
      } else if (act === 'prev') {
        this._setExplain(Math.max(0, this._step - 1));
      } else if (act === 'next') {
        this._setExplain(Math.min(4, this._step + 1));
      } else if (act === 'close') {
        this._setExplain(-1);
        ui.explainBtn.focus();
      } else if (act === 'steps') {
        this._playSteps(ui.steps.getAttribute('aria-pressed') !== 'true');
      }
      this._schedule();
    });
    ui.root.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && this._step >= 0) {
        this._setExplain(-1);
        ui.explainBtn.focus();
      }
    });

    const back = ui.canvases[0];
    const local = (e) => {
      const r = back.getBoundingClientRect();
      return [e.clientX - r.left, e.clientY - r.top];
    };
    back.addEventListener('pointerdown', (e) => {
      if (!this._widget || !this._widget.pointerDown(0, ...local(e))) return;
      stopAutoplay();
      try {
        back.setPointerCapture(e.pointerId);
      } catch {
        // A synthetic or already-ended pointer cannot be captured; the drag still works inside.
      }
      back.classList.add('grabbing');
      e.preventDefault();
      this._schedule();
    });
    back.addEventListener('pointermove', (e) => {
      if (!this._widget) return;
      const tilt = this._widget.pointerMove(...local(e));
      if (Number.isFinite(tilt)) {
        ui.tilt.value = String(Math.round(tilt * 2) / 2);
        this._showTilt(tilt);
      } else {
        back.classList.toggle('grab', this._widget.hover(0, ...local(e)));
      }
      this._schedule();
    });
    const release = () => {
      if (!this._widget) return;
      this._widget.pointerUp();
      back.classList.remove('grabbing');
      this._syncInputs();
    };
    back.addEventListener('pointerup', release);
    back.addEventListener('pointercancel', release);
    back.addEventListener('pointerleave', () => {
      this._widget?.hover(0, -1e6, -1e6);
      back.classList.remove('grab');
      this._schedule();
    });
  }

  _setExplain(step) {
    const ui = this._ui;
    this._step = step;
    this._widget?.setExplainStep(step);
    const on = step >= 0;
    ui.explain.hidden = !on;
    ui.explainBtn.setAttribute('aria-pressed', String(on));
    if (!on) {
      this._playSteps(false);
    } else {
      const [title, caption] = STEPS[step];
      ui.stepTitle.textContent = `Step ${step + 1} of 5: ${title}`;
      ui.stepCaption.textContent = caption;
      ui.root.querySelector('[data-act=prev]').disabled = step === 0;
      ui.root.querySelector('[data-act=next]').disabled = step === 4;
    }
    this._schedule();
  }

  _playSteps(on) {
    const ui = this._ui;
    clearInterval(this._stepsTimer);
    this._stepsTimer = 0;
    ui.steps.setAttribute('aria-pressed', String(on));
    ui.steps.textContent = on ? 'Pause the steps' : 'Play the steps';
    if (!on) return;
    if (this._step >= 4) this._setExplain(0);
    this._stepsTimer = setInterval(() => {
      if (this._step >= 4) return this._playSteps(false);
      this._setExplain(this._step + 1);
    }, 2600);
  }

  /** Sends the controls' values to the model and writes them out in words. */
  _syncInputs() {
    const ui = this._ui;
    const w = this._widget;
    const tilt = Number(ui.tilt.value);
    const fwd = Number(ui.fwd.value);
    const leg = Number(ui.leg.value);
    const comp = Number(ui.comp.value) / 100;
    if (w && !w.autoplay()) w.setHeadTiltDeg(tilt);
    if (w) {
      w.setForwardHeadDeg(fwd);
      w.setLegLengthDiffMm(leg);
      w.setCompensation(comp);
    }
    this._showTilt(w?.autoplay() ? w.headTiltDeg() : tilt);
    ui.fwdOut.textContent = `${num(fwd, 0)}°`;
    ui.fwd.setAttribute('aria-valuetext', fwd === 0 ? '0 degrees, head over the shoulders' : `${num(fwd, 0)} degrees forward`);
    const legText = leg === 0 ? 'none' : `${leg > 0 ? 'right' : 'left'} ${num(Math.abs(leg), 0)} mm longer`;
    ui.legOut.textContent = legText;
    ui.leg.setAttribute('aria-valuetext', leg === 0 ? 'none, legs equal' : `${leg > 0 ? 'right' : 'left'} leg ${num(Math.abs(leg), 0)} millimetres longer`);
    const compText = comp === 0 ? 'none' : comp === 1 ? 'full' : `${num(comp * 100, 0)}%`;
    ui.compOut.textContent = compText;
    ui.comp.setAttribute('aria-valuetext', comp === 0 ? 'none: the head just tilts' : comp === 1 ? 'full: eyes kept level' : `${num(comp * 100, 0)} percent`);
    this._schedule();
  }

  _showTilt(deg) {
    const ui = this._ui;
    if (this._widget?.autoplay()) ui.tilt.value = String(Math.round(deg * 2) / 2);
    ui.tiltOut.textContent = tiltWords(deg);
    const words = Math.abs(deg) < 0.05 ? '0 degrees, upright' : `${num(Math.abs(deg), 1)} degrees to the ${deg > 0 ? 'right' : 'left'}`;
    ui.tilt.setAttribute('aria-valuetext', words);
  }

  _buildTable() {
    const ui = this._ui;
    for (const row of ROWS) {
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
      ui.tbody.append(tr);
      this._rows.push({ row, tr, val, range, last: '' });
    }
  }

  _showReadouts() {
    const w = this._widget;
    if (!w) return;
    const r = this._readouts;
    w.readouts(r, false);
    for (const entry of this._rows) {
      const i = R[entry.row.key];
      const v = r[i];
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
    const ui = this._ui;
    const pcts = [left, 100 - left];
    pcts.forEach((p, i) => {
      const text = `${num(p, 0)}%`;
      if (ui.pcts[i].textContent !== text) ui.pcts[i].textContent = text;
      ui.fills[i].style.width = `${p}%`;
    });
  }

  /** Describes the settled posture in words, for screen readers (a polite live region). */
  _speak() {
    const w = this._widget;
    if (!w || !w.isSettled()) return;
    const r = this._readouts;
    w.readouts(r, true);
    const tilt = r[R.headTilt];
    const parts = [];
    parts.push(Math.abs(tilt) < 0.05 ? 'Head upright' : `Head tilted ${num(Math.abs(tilt), 1)}° to the ${tilt > 0 ? 'right' : 'left'}`);
    const eye = r[R.eyeTilt];
    parts.push(Math.abs(eye) < 0.5 ? 'eyes level' : `eyes tilted ${num(Math.abs(eye), 1)}°`);
    const sh = r[R.shoulderMm];
    parts.push(Math.abs(sh) < 0.5 ? 'shoulders level' : `${sh > 0 ? 'right' : 'left'} shoulder ${num(Math.abs(sh), 0)} mm higher`);
    const pel = r[R.pelvisTilt];
    parts.push(Math.abs(pel) < 0.05 ? 'pelvis level' : `pelvis ${num(Math.abs(pel), 1)}° lower on the ${pel > 0 ? 'left' : 'right'}`);
    const left = r[R.weightLeft];
    if (Number.isFinite(left)) {
      parts.push(left >= 50 ? `${num(left, 0)}% of the weight on the left foot` : `${num(100 - left, 0)}% of the weight on the right foot`);
    }
    const text = `${parts.join('; ')}.`;
    if (this._ui.live.textContent !== text) this._ui.live.textContent = text;
  }
}

if (!customElements.get(TAG)) customElements.define(TAG, PostureChain);
