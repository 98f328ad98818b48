// <posture-chain>: an interactive illustration of how a small head tilt cascades down the body.
// A thin custom element around an opaque Rust/WebAssembly handle (Widget): the model, the
// animation and the drawing live in wasm; this file only wires the DOM, attributes and events.
// Its look is in template.js, its phone layout's tabs in views.js, its read-out panel and words in
// readouts.js, its attributes' rules in attributes.js. Self-contained: open shadow DOM with its
// own styles, no third-party requests, the wasm loaded relative to this module. Safe to load twice
// on one page. Usage: <script type="module" src="posture-chain.js"></script> <posture-chain></posture-chain>
// Attributes, all optional: head-tilt, forward-head, leg-length, compensation, strategy,
// tone-spread (their units, ranges and start values are the model's input table, INPUTS in
// generated.js; docs/model.md §9), brand-color and puzzle (strategy.js, puzzle.js). A bad value logs a console warning and a safe one is used (the nearest in range, or
// the start value). Reset returns to the attributes' values. theme="light" | "dark" | "auto" |
// "projector" (themes.js, loaded when set). Full screen, the keyboard shortcuts and their help
// dialog are presenter.js's, loaded on first use.
// Also loading="lazy" (the default: the wasm is fetched when the element nears the viewport) or
// "eager". Each attribute is reflected by a camelCase property (element-props.js). Events: load,
// change (detail: inputs, measures, source 'user' | 'autoplay' | 'attribute'), error (detail.type).
// Methods: getState() and setState(obj) (state.js, share.js), toBlob(type, options) and
// toSVG(options) (export.js), headPoint() (where the draggable head is drawn), measureFrame(deg)
// (timing hook). A link with a state in the page's URL fragment restores it (share.js).
// Property: lastFrameMs (duration of the last animation frame's wasm work).

import init, { Widget } from './pkg/posture_chain.js';
import { DEFAULT_BRAND, SLIDERS, inkOn, inputIndex, parseBrand, sliderValue } from './attributes.js';
import { adoptStyles, defineProps, emit, wasm, whenNear } from './element-props.js';
import { MEASURES } from './generated.js';
import {
  STEPS, buildMeasures, fillLegend, fillSources, postureSentence, rangeWords, readAll, showControls,
  showExplain, showReadouts, showStepsPlaying, showSweepPlaying, showTilt, showWarnings,
} from './readouts.js';
import { MARKUP, STYLE, applyWords, markupValues, parts } from './template.js';
import { canvasWords, current, load, localeOf, t, use } from './i18n.js';
import { layOutNow, watchScreen, wireViews } from './views.js';
import { wirePointer } from './pointer.js';
import { wireStrategy } from './strategy.js';
import { STATE_ATTRIBUTES, getState } from './state.js';
import { watchLang } from './i18n.js';

const TAG = 'posture-chain';
// The wasm module, started once however many elements there are.
let ready = null;
const loadWasm = () => (ready ??= init({ module_or_path: wasm.source ?? new URL('./pkg/posture_chain_bg.wasm', import.meta.url) }));
// The inputs the element's sliders set (each slider's id in MARKUP is its attribute's name).
const HEAD_TILT = inputIndex('headTiltDeg');
const LAST_STEP = STEPS.length - 1;
/** The JS API module (with solve), which lazily loaded features use. */
const API_URL = new URL('./api/posture_chain.js', import.meta.url).href;

/** presenter.js's entry once it has loaded, and its loading (one, so that keys pressed meanwhile
 * are acted on in order). */
let present = null;
let presenting = null;

/** Logs what was wrong with an attribute, and the value used instead. */
const warn = (problem) => console.warn(`<${TAG}> ${problem}`);
/** A lazily loaded part's promise, its failure to load a warning. */
const later = (p) => p.catch((e) => warn(`could not load a part of itself: ${e}`));
// The parts loaded on first use: the state's setter and the link, and the pictures.
const SHARE = () => import('./share.js');
const EXPORT = () => import('./export.js');
/** The explain captions (captions.js, which registers them here), loaded when a step is first
 * shown: the panel opens once they have, so that it never shows without its words. */
const captionOf = () => globalThis[Symbol.for('posture-chain.captions')];
let captionsLoading = null;
/** Whether the page's URL may hold a state for an element (share.js reads it). */
const linked = () => location.hash.includes(TAG);

class PostureChain extends HTMLElement {
  static get observedAttributes() {
    return [...SLIDERS.map((s) => s.attribute), 'brand-color', 'theme', 'lang'];
  }

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.innerHTML = MARKUP;
    adoptStyles(root, STYLE);
    this._ui = parts(root);
    // The reader's language (i18n.js): English until the element knows its `lang`.
    this._locale = 'en';
    this._table = current();
    this._widget = null;
    this._ctxs = null;
    this._raf = 0;
    this._step = -1;
    this._stepsTimer = 0;
    this._liveTimer = 0;
    this._readouts = new Float64Array(MEASURES.length);
    this._lang();
    this._rows = buildMeasures(this._ui.tbody);
    // Before the wasm: filled later, the legend would push everything below it down.
    this._ui.canvases.forEach((c) => { c.pcWords = canvasWords(() => this._table); });
    this.lastFrameMs = NaN;
    this._tick = this._tick.bind(this);
    this._onHash = () => linked() && later(this._part(SHARE, 'fromUrl'));
    // Where the JS API module comes from (bands.js, export.js): beside this file, or given.
    this._api = wasm.api ?? API_URL;
    this._wire();
    wireViews(this._ui, () => this._resize());
    // "How certain?": the first click opens the section and fetches its code (bands.js).
    const { how, certainty } = this._ui;
    const bands = () => {
      how.removeEventListener('click', bands);
      certainty.hidden = false;
      how.setAttribute('aria-expanded', 'true');
      import('./bands.js').then((m) => { this._bands = m.wireBands(this, this._ui, this._rows, () => this._inputs(), this._api); }, (error) => {
        how.addEventListener('click', bands);
        warn(`could not load its "How certain?" code: ${error}`);
      });
    };
    how.addEventListener('click', bands);
    this._strat = wireStrategy(this, this._api);
    this._words();
  }

  /** Makes this element's string table the one words are looked up in (i18n.js). */
  _lang() {
    use(this._table);
  }

  /** Follows the `lang` attribute (or the nearest ancestor's): loads the locale's table, then
   * words everything again, keeping every input and mode. */
  _setLang() {
    const locale = localeOf(this);
    if (locale === this._locale) return;
    this._locale = locale;
    load(locale).then((table) => {
      if (this._locale !== locale) return;
      this._table = table;
      this._words();
    });
  }

  /** Writes every word of the element in its reader's language (at the start and on a change
   * of language): the markup's words, the legend, the sources, the table, the read-outs, the
   * open panels and, through the Widget's number format and the canvases' words, the canvases. */
  _words() {
    this._lang();
    const ui = this._ui;
    const table = this._table;
    ui.root.querySelector('.pc').lang = table._lang ?? this._locale;
    applyWords(ui.root, markupValues());
    fillLegend(ui.legend);
    ui.sources.replaceChildren();
    fillSources(ui.sources);
    for (const entry of this._rows) {
      entry.th.textContent = entry.row.name;
      entry.range.textContent = rangeWords(entry.row);
      entry.last = '';
    }
    showSweepPlaying(ui, !!this._widget?.autoplay());
    showStepsPlaying(ui, !!this._stepsTimer);
    this._widget?.setNumberFormat((table._decimal ?? '.').codePointAt(0), 0x2212);
    this._widget?.redraw();
    this._syncInputs();
    this._showReadouts();
    if (this._step >= 0) this._caption();
    this._bands?.words();
    this._strat.words?.();
    if (this._ui.live.textContent) this._speak(true);
  }

  connectedCallback() {
    // Its own `lang`, else the page's: followed when either changes.
    watchLang(this, true);
    this._setLang();
    // The phone layout's slider goes under the views now, before the first layout.
    layOutNow(this._ui);
    // The presentation attributes as the page gives them: where a link's state starts from.
    this._pageAttrs ??= STATE_ATTRIBUTES.map(([name]) => this.getAttribute(name));
    addEventListener('hashchange', this._onHash);
    this._stopWaiting = whenNear(this, () => loadWasm().then(() => this._start(), (error) => {
      console.warn(`<${TAG}> could not load its WebAssembly module:`, error);
      const fail = document.createElement('p');
      fail.className = 'fail';
      fail.textContent = t('fail');
      // The light-DOM fallback (a poster, a sentence) shows under the message.
      this._ui.root.querySelector('.pc').replaceChildren(fail, document.createElement('slot'));
      emit(this, 'error', { type: 'wasm', error });
    }), warn);
  }

  disconnectedCallback() {
    watchLang(this, false);
    this._stopWaiting();
    removeEventListener('hashchange', this._onHash);
    cancelAnimationFrame(this._raf);
    this._raf = 0;
    clearTimeout(this._liveTimer);
    clearInterval(this._stepsTimer);
    this._resizeObserver?.disconnect();
    this._screen?.stop();
    this._strat.stop?.();
    this._unpresent?.();
    this._motion?.removeEventListener('change', this._onMotion);
    this._widget?.free();
    this._widget = null;
  }

  attributeChangedCallback(name, _old, raw) {
    const ui = this._ui;
    this._lang();
    if (name === 'lang') return this._setLang();
    if (name === 'theme') return this._theme();
    if (name === 'brand-color') {
      this._brand(raw, warn);
    } else {
      const spec = SLIDERS.find((s) => s.attribute === name);
      ui.root.getElementById(name).value = sliderValue(spec, raw, warn);
    }
    this._syncInputs('attribute');
  }

  /** Sets the controls from the attributes (quietly: they were validated when they were set). */
  _applyAttributes() {
    for (const spec of SLIDERS) {
      const el = this._ui.root.getElementById(spec.attribute);
      el.value = sliderValue(spec, this.getAttribute(spec.attribute));
    }
  }

  _start() {
    if (!this.isConnected || this._widget) return;
    const ui = this._ui;
    this._widget = new Widget();
    this._widget.setNumberFormat((this._table._decimal ?? '.').codePointAt(0), 0x2212);
    this._ctxs = ui.canvases.map((c) => c.getContext('2d'));
    if (this._ctxs.some((c) => !c)) {
      console.warn(`<${TAG}> this browser gave no 2-D canvas context.`);
      return emit(this, 'error', { type: 'canvas' });
    }
    const custom = getComputedStyle(this).getPropertyValue('--posture-chain-brand').trim();
    this._brand(this.getAttribute('brand-color') ?? (custom || null), warn);
    this._theme();
    this._motion = matchMedia('(prefers-reduced-motion: reduce)');
    this._onMotion = () => this._widget?.setReducedMotion(this._motion.matches);
    this._motion.addEventListener('change', this._onMotion);
    this._onMotion();
    this._syncInputs();
    if (this._queuedState) this.setState({});
    this._onHash();
    this._resizeObserver = new ResizeObserver((entries) => this._resize(entries));
    ui.canvases.forEach((c) => {
      try {
        this._resizeObserver.observe(c, { box: 'device-pixel-content-box' });
      } catch {
        this._resizeObserver.observe(c);
      }
    });
    this._screen = watchScreen(this, () => this._schedule());
    this._resize();
    emit(this, 'load');
  }

  /** Sets the brand colour of the controls and of the drawing (each canvas's data-brand, read by
   * the canvas backend): `raw` (the attribute's or the host's custom property's value), or the
   * theme's default (under forced colours, themes.js passes the system's highlight). */
  _brand(raw, w) {
    const brand = raw === null ? this._look?.brand ?? DEFAULT_BRAND : parseBrand(raw, w);
    this.style.setProperty('--brand', brand);
    this.style.setProperty('--on-brand', inkOn(this._ui.root, brand));
    for (const c of this._ui.canvases) c.dataset.brand = brand;
    this._widget?.redraw();
    this._schedule();
  }

  /** Applies the `theme` attribute (themes.js, loaded only when there is one or the system forces
   * its colours). */
  _theme() {
    if (this._look !== undefined || this.hasAttribute('theme') || matchMedia('(forced-colors: active)').matches) {
      import('./themes.js').then((m) => m.applyTheme(this, warn));
    }
  }

  /** Sizes each canvas's backing store to its content box in device pixels (crisp at any zoom).
   * The projector theme and full screen draw strokes and labels larger: the scene is told of a
   * canvas z times smaller, drawn at z times the device pixels; z stops where the scene would lay
   * a view out smaller than 300 x 330 CSS px (the sizes its layout tests check), or at 4 device
   * pixels per CSS pixel. The back view's z is `_z` (the head's drag reads it). */
  _resize(entries = []) {
    if (!this._widget) return;
    const dpr = window.devicePixelRatio || 1;
    // The observer's last exact sizes (fractional CSS px), also when called without them.
    const exact = (this._boxes ??= new Map());
    for (const e of entries) exact.set(e.target, e);
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
      const z = this._zoom(w, h, dpr);
      if (!i) this._z = z;
      this._widget.resize(i, w / z, h / z, (bw / Math.max(w, 1)) * z);
    });
    this._schedule();
  }

  /** How many times larger a canvas of w x h CSS px draws strokes and labels (see _resize). */
  _zoom(w, h, dpr) {
    return Math.min(4 / dpr, Math.max(1, Math.min((this._themeZoom || 1) * (this._fsZoom || 1), w / 300, h / 330)));
  }

  _schedule() {
    const widget = this._widget;
    if (this._raf || !widget) return;
    // Off screen, no frames (views.js's watchScreen): a change is solved at once, drawn on return.
    if (this._screen?.shown === false) {
      widget.settle(performance.now());
      return this._showReadouts();
    }
    this._raf = requestAnimationFrame(this._tick);
  }

  _tick(now) {
    this._raf = 0;
    const widget = this._widget;
    if (!widget) return;
    this._lang();
    const t0 = performance.now();
    const more = widget.frame(now, ...this._ctxs);
    this.lastFrameMs = performance.now() - t0;
    // The poster (the light DOM's, over the back view until now) gives way to the drawing, in
    // the frame that paints it.
    if (this._ui.poster) this._ui.poster = void this._ui.poster.remove();
    this._strat.frame?.(now);
    if (widget.autoplay()) {
      this._showTilt(widget.input(HEAD_TILT));
      this._changed('autoplay');
    }
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
    this._widget.setInput(HEAD_TILT, tiltDeg);
    this._widget.frame(performance.now(), ...this._ctxs);
    return performance.now() - t0;
  }

  /** The state as a plain object (state.js): every input, the explain step, the presentation; null before the wasm runs. */
  getState() {
    return getState(this);
  }

  /** Applies a state object field by field (share.js, fetched on first use); a bad field warns and stays. Resolves once applied. */
  setState(state) {
    return later(this._part(SHARE, 'setState', state));
  }

  /** A picture (export.js): `type` 'image/png' (default), 'image/jpeg', 'image/webp' or 'image/svg+xml'; options { view, size: 'slide' | '2x' }. */
  toBlob(type, options) {
    return this._part(EXPORT, 'toBlob', type, options);
  }

  /** The views as SVG text (export.js, drawn by the JS API module's SVG backend); options { view }. */
  toSVG(options) {
    return this._part(EXPORT, 'toSVG', options);
  }

  /** Calls function `name` of a part loaded on first use (`load`: SHARE, EXPORT) with the element, `args` and warn. */
  _part(load, name, ...args) {
    return load().then((m) => m[name](this, ...args, warn));
  }

  /** Where the draggable head is, in CSS pixels from the back view's top-left corner. */
  headPoint() {
    const z = this._z || 1;
    return this._widget ? { x: this._widget.headPx(0) * z, y: this._widget.headPx(1) * z } : null;
  }

  _wire() {
    const ui = this._ui;
    const stopAutoplay = () => {
      if (this._widget?.autoplay()) this._widget.setAutoplay(false);
      showSweepPlaying(ui, false);
    };
    ui.root.addEventListener('input', (e) => {
      if (e.target === ui.magnify) return;
      stopAutoplay();
      this._syncInputs('user');
    });
    ui.magnify.addEventListener('change', () => {
      this._widget?.setMagnify(ui.magnify.checked ? 3 : 1);
      this._schedule();
    });
    ui.root.addEventListener('click', (e) => {
      const button = e.target.closest?.('button');
      if (button?.dataset.tool) return this._present(button.dataset.tool);
      const act = button?.dataset.act;
      if (!act) return;
      this._lang();
      if (act !== 'play') stopAutoplay();
      if (act === 'play') {
        const on = !this._widget?.autoplay();
        this._widget?.setAutoplay(on);
        showSweepPlaying(ui, on);
        if (!on) this._syncInputs('user');
      } else if (act === 'reset') {
        this._widget?.reset();
        this._setExplain(-1);
        ui.magnify.checked = false;
        this._applyAttributes();
        this._syncInputs('user');
      } else if (act === 'explain') {
        this._setExplain(this._step < 0 ? 0 : -1);
      } else if (act === 'prev') {
        this._setExplain(Math.max(0, this._step - 1));
      } else if (act === 'next') {
        this._setExplain(Math.min(LAST_STEP, this._step + 1));
      } else if (act === 'close') {
        this._setExplain(-1);
        ui.explainBtn.focus();
      } else if (act === 'steps') {
        this._playSteps(ui.steps.getAttribute('aria-pressed') !== 'true');
      } else if (act === 'link') {
        later(this._part(SHARE, 'copyLink'));
      } else if (act === 'png' || act === 'svg') {
        later(this._part(EXPORT, 'save', act));
      }
      this._schedule();
    });
    ui.root.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && this._step >= 0) {
        this._setExplain(-1);
        ui.explainBtn.focus();
      }
      // The shortcuts (presenter.js: it leaves out keys with Ctrl, Alt or Meta and text fields).
      if (/^[[\],.1-5prf?]$/i.test(e.key)) this._present(e);
    });

    wirePointer(this, stopAutoplay);
  }

  /** Full screen, the help dialog (`what`: 'fullscreen', 'help') or a shortcut (a keydown event
   * inside the widget): presenter.js, loaded on first use, then called at once (so that it can
   * take the keys it acts on from the host page). */
  _present(what) {
    if (present) present(this, what);
    else (presenting ??= import('./presenter.js').then((m) => (present = m.present))).then((p) => p(this, what));
  }

  /** Shows explain step 0..LAST_STEP, or leaves explain mode with -1. */
  _setExplain(step) {
    this._step = step;
    this._widget?.setExplainStep(step);
    this._caption();
    if (step < 0) this._playSteps(false);
    this._schedule();
  }

  /** Words the open explain step from the solved posture (its share, the settled read-outs). */
  _caption() {
    this._lang();
    const w = this._widget;
    const step = this._step;
    const caption = captionOf();
    if (step >= 0 && !caption) {
      (captionsLoading ??= import('./captions.js')).then(() => this._step >= 0 && this._caption(), (error) => {
        captionsLoading = null;
        warn(`could not load its explain captions: ${error}`);
      });
      return;
    }
    if (w) readAll(w, this._readouts, true);
    showExplain(this._ui, step, step >= 0 ? caption(this._ui.root, step, w?.share(step) * 100, this._readouts, w?.input(HEAD_TILT)) : '');
  }

  _playSteps(on) {
    this._lang();
    clearInterval(this._stepsTimer);
    this._stepsTimer = 0;
    showStepsPlaying(this._ui, on);
    if (!on) return;
    if (this._step >= LAST_STEP) this._setExplain(0);
    this._stepsTimer = setInterval(() => {
      if (this._step >= LAST_STEP) return this._playSteps(false);
      this._setExplain(this._step + 1);
    }, 2600);
  }

  /** Sends the controls' values to the model, writes them out in words, and tells `source`. */
  _syncInputs(source) {
    this._lang();
    const ui = this._ui;
    const w = this._widget;
    const value = {};
    for (const spec of SLIDERS) {
      const v = Number(ui.root.getElementById(spec.attribute).value) / spec.sliderScale;
      value[spec.key] = v;
      // A sweep drives the head tilt itself.
      if (w && !(spec.index === HEAD_TILT && w.autoplay())) w.setInput(spec.index, v);
    }
    this._showTilt(w?.autoplay() ? w.input(HEAD_TILT) : value.headTiltDeg);
    showControls(ui, value.forwardHeadDeg, value.anatomicLegLengthDiffMm, value.compensation);
    this._strat.sync();
    this._schedule();
    if (source) this._changed(source);
  }

  /** A `change` event: the inputs and the settled measures, by key, and what changed them. */
  _changed(source) {
    const w = this._widget;
    if (!w) return;
    readAll(w, this._readouts, true);
    const measures = {};
    MEASURES.forEach((m, i) => { measures[m.key] = this._readouts[i]; });
    emit(this, 'change', { inputs: this._inputs(), measures, source });
  }

  /** The sliders' inputs as the model has them, by key; null before the wasm runs. */
  _inputs() {
    const w = this._widget;
    if (!w) return null;
    const inputs = {};
    for (const s of SLIDERS) inputs[s.key] = w.input(s.index);
    return inputs;
  }

  /** Shows the head tilt in words; in a sweep, the slider follows it too. */
  _showTilt(deg) {
    if (this._widget?.autoplay()) this._ui.tilt.value = String(Math.round(deg * 2) / 2);
    showTilt(this._ui, deg);
  }

  _showReadouts() {
    if (!this._widget) return;
    readAll(this._widget, this._readouts, false);
    showReadouts(this._ui, this._rows, this._readouts);
  }

  /** Describes the settled posture in words, for screen readers (a polite live region). */
  _speak(again = false) {
    const w = this._widget;
    if (!w || !w.isSettled()) return;
    this._lang();
    showWarnings(this._ui.warnings, w);
    // A puzzle keeps the head tilt secret and speaks for itself.
    if (this._strat.quiet) return;
    readAll(w, this._readouts, true);
    const text = (again ? '' : this._strat.note()) + postureSentence(w.input(HEAD_TILT), this._readouts);
    if (this._ui.live.textContent !== text) this._ui.live.textContent = text;
    if (this._step >= 0) this._caption();
  }
}

defineProps(PostureChain);
if (!customElements.get(TAG)) customElements.define(TAG, PostureChain);
