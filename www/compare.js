// Compare mode of <posture-chain>, loaded when a reader first asks for it: the same inputs under
// two righting strategies at once, in step with the sliders, the dragged head and the sweep. Where
// the element is wide, the second strategy has views of its own beside the first's (a second
// Widget, stepped and drawn after each of the element's frames); where it is narrow (the phone
// layout, one view at a time) it is drawn as the dotted outline behind the figure
// (Widget.setGhostStrategy). Under the views, in words: which read-outs differ, and by how much.

import { MEASURES, STRATEGIES } from './generated.js';
import { SLIDERS } from './attributes.js';
import { WORDS, amount, differing, panelStyles } from './differences.js';
import { canvasWords, strategyLabel, t } from './words.js';

// Every string this module shows is in the string tables (i18n.js).
const TEXT = {
  get title() { return t('cmp.title'); },
  get with() { return t('cmp.with'); },
  beside: (a, b) => t('cmp.beside', { a, b }),
  ghost: (a, b) => t('cmp.ghost', { a, b }),
  get same() { return t('cmp.same'); },
  get none() { return t('cmp.none'); },
  some: (n) => t(n === 1 ? 'cmp.some.one' : 'cmp.some.many', { n }),
  line: (name, a, la, b, lb, by) => t('cmp.line', { name, a, la, b, lb, by }),
  get views() { return ['back', 'side', 'top'].map((v) => t(`view.${v}`)); },
  on: (a, b) => t('cmp.on', { a, b }),
  get off() { return t('cmp.off'); },
};
const label = strategyLabel;
const VIEWS = ['back', 'side', 'top'];
const STRATEGY = SLIDERS.find((s) => s.key === 'strategy');
/** How often the words may change while the body moves (a sweep), in ms. */
const WORDS_MS = 250;

/** A strategy's short name for the difference lines: "least effort", "whole chain, hypothesis". */
const short = (i) => {
  const name = strategyLabel(i).replace(/ \(.*\)$/, '');
  // German nouns keep their capital.
  const lower = t('_lower') === 'no' ? name : name.toLowerCase();
  return t(STRATEGIES[i].established ? 'cmp.short' : 'cmp.short.hypothesis', { name: lower });
};

/** A Widget's numbers in the element's language (its decimal sign; a real minus). */
const numbers = (widget, el) => widget.setNumberFormat((el._table._decimal ?? '.').codePointAt(0), 0x2212);

/** Opens compare mode on element `el` (a PostureChain; `hooks` from strategy.js), or closes it. */
export function start(el, hooks) {
  if (hooks.closeCompare) return hooks.closeCompare();
  // Its widgets need the wasm, which starts with the element.
  if (!el._widget) return el.addEventListener('load', () => start(el, hooks), { once: true });
  const ui = el._ui;
  const root = ui.root;
  const button = root.querySelector('[data-strat=compare]');
  const mainSelect = root.getElementById('strategy');
  const main = () => Number(mainSelect.value);
  panelStyles(root);
  const hypothesis = STRATEGIES.findIndex((s) => !s.established);
  let other = main() === hypothesis ? STRATEGY.start : hypothesis;

  const panel = document.createElement('section');
  panel.className = 'cmp';
  panel.setAttribute('part', 'compare');
  panel.setAttribute('aria-labelledby', 'cmp-title');
  panel.innerHTML = `<h3 id="cmp-title">${TEXT.title}</h3>
    <p><label for="cmp-with">${TEXT.with}</label> <select id="cmp-with">${STRATEGIES.map((s, i) => `<option value="${i}">${label(i)}</option>`).join('')}</select></p>
    <p class="how"></p><p class="sum"></p><ul class="diffs"></ul>`;
  ui.legend.before(panel);
  const [withSelect, how, sum, list] = ['select', '.how', '.sum', '.diffs'].map((s) => panel.querySelector(s));
  withSelect.value = String(other);

  let twin = null;
  const last = new Float64Array(32).fill(NaN);
  const a = new Float64Array(MEASURES.length);
  const b = new Float64Array(MEASURES.length);
  let wordsKey = '';
  let wordsAt = -Infinity;

  const makeTwin = () => {
    const heads = [0, 1].map(() => Object.assign(document.createElement('p'), { className: 'colhead' }));
    const views = VIEWS.map((name, i) => {
      const view = document.createElement('div');
      view.className = `view tw ${name}`;
      view.innerHTML = `<figure><figcaption id="tw-cap-${name}">${TEXT.views[i]}</figcaption><canvas class="${name}" role="img" aria-labelledby="tw-cap-${name}"></canvas></figure>`;
      return view;
    });
    ui.views.classList.add('twin');
    ui.views.append(...heads, ...views);
    const canvases = views.map((v) => v.querySelector('canvas'));
    // Their labels in the element's language, as its own canvases word theirs.
    canvases.forEach((c) => { c.pcWords = canvasWords(() => el._table); });
    // The element's own Widget class: the glue and its canvas strings are loaded once, with it.
    const widget = new el._widget.constructor();
    numbers(widget, el);
    widget.setReducedMotion(matchMedia('(prefers-reduced-motion: reduce)').matches);
    const size = () => {
      const dpr = window.devicePixelRatio || 1;
      canvases.forEach((c, i) => {
        const [w, h] = [c.clientWidth, c.clientHeight];
        const [bw, bh] = [Math.max(1, Math.round(w * dpr)), Math.max(1, Math.round(h * dpr))];
        if (c.width !== bw) c.width = bw;
        if (c.height !== bh) c.height = bh;
        // Drawn as much larger as the element's own views (the projector theme, full screen).
        const z = el._zoom(w, h, dpr);
        widget.resize(i, w / z, h / z, dpr * z);
      });
      el._schedule();
    };
    const observer = new ResizeObserver(size);
    canvases.forEach((c) => observer.observe(c));
    last.fill(NaN);
    const caps = views.map((v) => v.querySelector('figcaption'));
    twin = { widget, canvases, ctxs: canvases.map((c) => c.getContext('2d')), heads, caps, nodes: [...heads, ...views], observer, magnify: NaN, step: NaN, brand: '', size };
    size();
  };
  const dropTwin = () => {
    if (!twin) return;
    twin.observer.disconnect();
    twin.nodes.forEach((n) => n.remove());
    twin.widget.free();
    ui.views.classList.remove('twin');
    twin = null;
  };

  /** Side by side where the element is wide, the ghost where it shows one view at a time. */
  const layout = () => {
    const wide = ui.tabList.getBoundingClientRect().width === 0;
    if (wide && !twin) makeTwin();
    if (!wide) dropTwin();
    el._widget?.setGhostStrategy(wide ? -1 : other);
    wordsKey = '';
    el._schedule();
  };

  /** The read-outs that differ, in words, from both postures' solved read-outs. */
  const words = (now) => {
    const w = el._widget;
    if (!w) return;
    const settled = w.isSettled() && (!twin || twin.widget.isSettled());
    if (!settled && now - wordsAt < WORDS_MS) return;
    wordsAt = now;
    const m = main();
    for (let i = 0; i < MEASURES.length; i++) {
      a[i] = w.readout(i, true);
      b[i] = twin ? twin.widget.readout(i, true) : w.ghostReadout(i);
    }
    const key = `${m} ${other} ${twin ? 1 : 0} ${a.join()} ${b.join()}`;
    if (key === wordsKey) return;
    wordsKey = key;
    how.textContent = (twin ? TEXT.beside : TEXT.ghost)(label(m), label(other));
    if (twin) {
      twin.heads.forEach((h, k) => { h.textContent = label(k ? other : m); });
      twin.caps.forEach((c, i) => { c.textContent = t('cmp.viewOf', { view: TEXT.views[i], strategy: label(other) }); });
    }
    const diffs = m === other ? [] : differing(a, b);
    sum.textContent = m === other ? TEXT.same : diffs.length ? TEXT.some(diffs.length) : TEXT.none;
    list.replaceChildren(...diffs.map(({ i, key: k, d }) => {
      const li = document.createElement('li');
      li.dataset.key = k;
      const [name, say] = WORDS[i];
      li.textContent = TEXT.line(name, say(a[i]), short(m), say(b[i]), short(other), amount(i, d));
      return li;
    }));
  };

  /** After each of the element's frames: the twin takes the inputs, then steps and draws. */
  hooks.frame = (now) => {
    const w = el._widget;
    if (!w) return;
    if (twin) {
      const t = twin.widget;
      for (let i = 0, v; Number.isFinite(v = w.input(i)); i++) {
        if (i === STRATEGY.index) v = other;
        if (v !== last[i]) {
          last[i] = v;
          t.setInput(i, v);
        }
      }
      const magnify = ui.magnify.checked ? 3 : 1;
      if (magnify !== twin.magnify) t.setMagnify((twin.magnify = magnify));
      if (el._step !== twin.step) t.setExplainStep((twin.step = el._step));
      // The main canvases' brand and theme colours (themes.js's pcStyles), followed.
      const brand = ui.canvases[0].dataset.brand ?? '';
      const styles = ui.canvases[0].pcStyles;
      if (brand !== twin.brand || styles !== twin.styles) {
        twin.canvases.forEach((c) => { c.dataset.brand = brand; c.pcStyles = styles; });
        twin.brand = brand;
        twin.styles = styles;
        twin.size();
      }
      if (t.frame(now, ...twin.ctxs)) el._schedule();
    }
    words(now);
  };

  const onWith = (e) => {
    e.stopPropagation();
    other = Number(withSelect.value);
    hooks.other = other;
    hooks.sync();
    last.fill(NaN);
    layout();
    ui.live.textContent = hooks.note() + TEXT.on(label(main()), label(other));
  };
  withSelect.addEventListener('input', onWith);
  const follow = new ResizeObserver(layout);
  follow.observe(ui.tabList);

  const close = () => {
    follow.disconnect();
    dropTwin();
    el._widget?.setGhostStrategy(-1);
    panel.remove();
    Object.assign(hooks, { other: -1, frame: null, stop: null, closeCompare: null, words: null });
    hooks.sync();
    button.setAttribute('aria-pressed', 'false');
    ui.live.textContent = TEXT.off;
    el._schedule();
  };
  // A new language: the panel's own words again, the second views' numbers and labels, and the
  // rest at the next frame.
  const relabel = () => {
    if (twin) {
      numbers(twin.widget, el);
      twin.widget.redraw();
    }
    panel.querySelector('h3').textContent = TEXT.title;
    panel.querySelector('label').textContent = TEXT.with;
    withSelect.querySelectorAll('option').forEach((o, i) => { o.textContent = label(i); });
    wordsKey = '';
    el._schedule();
  };
  Object.assign(hooks, { other, stop: close, closeCompare: close, words: relabel });
  hooks.sync();
  button.setAttribute('aria-pressed', 'true');
  layout();
  ui.live.textContent = hooks.note() + TEXT.on(label(main()), label(other));
}
