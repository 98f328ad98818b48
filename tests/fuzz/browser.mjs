// Hostile values at scale in real Chromium, on the built site (`cargo xtask fuzz` runs it after
// the native harness; `cargo xtask test` runs a quicker count):
// - the real <posture-chain> on the demo page gets N random values of every attribute it
//   observes (numbers at and past the edges, NaN, Infinity, words, markup, very long strings,
//   removal), then is dragged, keyed and resized; every so often the page is checked: no
//   console error, no page error, no "NaN"/"Infinity"/"undefined" in its read-outs, live region
//   or labels, and a canvas that is not blank;
// - the wasm Widget itself (the JS API module's build of the same Rust) gets N / 2 random calls
//   of every setter, pointer and resize method with hostile numbers, and every read-out it
//   returns afterwards must be finite.
// Warnings are expected (that is how the element reports bad input) and counted.
//
//   node tests/fuzz/browser.mjs [--cases N] [--seed S]

import { canvasSignature, launchBrowser, openApp, startServer } from '../e2e/lib.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const CASES = arg('--cases', 10_000);
const SEED = arg('--seed', 1);
if (!(Number.isInteger(CASES) && CASES > 0 && Number.isInteger(SEED))) {
  console.error('usage: node tests/fuzz/browser.mjs [--cases N] [--seed S]');
  process.exit(2);
}

const started = performance.now();
const server = await startServer();
const browser = await launchBrowser();
let failed = false;
try {
  const { page, problems } = await openApp(browser, server.url, { canvas: 'posture-chain canvas' });
  let warnings = 0;
  page.on('console', (msg) => {
    if (msg.type() === 'warning') warnings++;
  });

  // In the page: a seeded generator and the hostile values, then the element's attributes.
  const element = await page.evaluate(async ({ cases, seed }) => {
    let state = BigInt(seed) * 0x9e3779b97f4a7c15n;
    const next = () => {
      state = (state + 0x9e3779b97f4a7c15n) & 0xffffffffffffffffn;
      let z = state;
      z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & 0xffffffffffffffffn;
      z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & 0xffffffffffffffffn;
      return Number((z ^ (z >> 31n)) >> 11n) / 2 ** 53;
    };
    const pick = (items) => items[Math.floor(next() * items.length)];
    const hostile = () => pick([
      () => String((next() * 2 - 1) * 10 ** Math.floor(next() * 12)),
      () => pick(['NaN', 'Infinity', '-Infinity', '1e400', '-0', '0x10', '', ' ', '5°', '1,5', '٣']),
      () => pick(['none', 'partial', 'full', 'male', 'female', 'red', '#fff', 'rgb(0 0 0 / 50%)', 'var(--x)']),
      () => '9'.repeat(pick([309, 5000, 100000])),
      () => '"><img src=x onerror=alert(1)><script>alert(2)</script>',
      () => 'url(javascript:alert(1)); color: red; }',
      () => String(next() * 40 - 20),
      () => null,
    ])();
    const el = document.querySelector('posture-chain');
    const root = el.shadowRoot;
    const attributes = el.constructor.observedAttributes;
    const bad = (text) => /NaN|Infinity|undefined|\[object/.test(text);
    const findings = [];
    const look = (when) => {
      const texts = [...root.querySelectorAll('output, [aria-live], td, th, li, dd, dt, p, span, label')]
        .map((n) => n.textContent);
      const aria = [...root.querySelectorAll('[aria-valuetext], [aria-valuenow]')]
        .flatMap((n) => [n.getAttribute('aria-valuetext') ?? '', n.getAttribute('aria-valuenow') ?? '']);
      if (texts.join('').replace(/\s/g, '').length < 40) findings.push(`${when}: the read-outs are gone`);
      const hit = [...texts, ...aria].find(bad);
      if (hit !== undefined) findings.push(`${when}: shows ${JSON.stringify(hit.slice(0, 120))}`);
    };
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    const canvases = [...root.querySelectorAll('canvas')];
    const keys = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown'];
    for (let k = 0; k < cases; k++) {
      const name = pick(attributes);
      const value = hostile();
      if (value === null) el.removeAttribute(name);
      else el.setAttribute(name, value);
      if (k % 97 === 0) {
        // A drag over the head's view with hostile coordinates, keys on a slider, a resize.
        const c = pick(canvases);
        const r = c.getBoundingClientRect();
        const at = () => pick([r.left + next() * r.width, -1e9, 1e9, r.left]);
        for (const type of ['pointerdown', 'pointermove', 'pointermove', 'pointerup']) {
          c.dispatchEvent(new PointerEvent(type, { clientX: at(), clientY: at(), bubbles: true, pointerId: 1, isPrimary: true }));
        }
        const slider = pick([...root.querySelectorAll('input[type=range]')]);
        slider?.dispatchEvent(new KeyboardEvent('keydown', { key: pick(keys), bubbles: true }));
        el.style.width = pick(['', '0px', '1px', '320px', '5000px']);
      }
      if (k % 250 === 249 || k === cases - 1) {
        await frame();
        await frame();
        look(`after ${k + 1} values (last ${name}=${JSON.stringify(value)?.slice(0, 60)})`);
      }
    }
    el.style.width = '';
    return { findings, attributes };
  }, { cases: CASES, seed: SEED });

  await page.waitForTimeout(600);
  const signature = await canvasSignature(page, 'posture-chain canvas');
  const widget = await page.evaluate(async ({ cases, seed }) => {
    const api = await import('./api/posture_chain.js');
    await api.default();
    let x = seed >>> 0 || 1;
    const next = () => {
      x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
      return x / 2 ** 32;
    };
    const pick = (items) => items[Math.floor(next() * items.length)];
    const num = () => pick([NaN, Infinity, -Infinity, -0, 0, 1e308, -1e308, 5e-324, 2 ** 53, -1, 1, 4.5, 99,
      (next() * 2 - 1) * 1e3, (next() * 2 - 1) * 30]);
    const index = () => pick([0, 1, 2, 3, 4, 5, 9, 10, 99, -1, 2 ** 32 - 1, NaN]);
    const w = new api.Widget();
    const canvas = document.createElement('canvas');
    const ctx = canvas.getContext('2d');
    const findings = [];
    // The measures are the read-outs up to the first NaN (an index past them).
    let measures = 0;
    let ghost = false;
    while (!Number.isNaN(w.readout(measures, true))) measures++;
    if (measures === 0) findings.push('the widget has no read-outs');
    const calls = [
      () => w.setInput(index(), num()),
      () => w.setMagnify(num()),
      () => w.setExplainStep(pick([-1, 0, 2, 4, 5, 99, -99, 2 ** 31 - 1])),
      () => w.setAutoplay(next() < 0.5),
      () => w.setReducedMotion(next() < 0.5),
      () => w.resize(index(), num(), num(), num()),
      () => w.pointerDown(index(), num(), num()),
      () => w.pointerMove(num(), num()),
      () => w.pointerUp(),
      () => w.hover(index(), num(), num()),
      () => { canvas.dataset.brand = pick(['#123456', '', 'red', '"><x>', 'x'.repeat(10000)]); },
      () => w.frame(num(), ctx, ctx, ctx),
      () => w.reset(),
      () => { ghost = w.setGhostStrategy(pick([-1, 0, 1, 2, 3, 1.5, -0, NaN, Infinity, 1e308, 2 ** 53])) >= 0; },
    ];
    for (let k = 0; k < cases; k++) {
      try {
        pick(calls)();
      } catch (e) {
        findings.push(`call ${k} threw ${e}`);
        break;
      }
      if (k % 50 === 0) {
        w.frame(performance.now(), ctx, ctx, ctx);
        for (let i = 0; i < measures; i++) {
          const v = w.readout(i, next() < 0.5);
          if (!Number.isFinite(v)) findings.push(`readout(${i}) = ${v} after call ${k}`);
        }
        for (let i = 0; i < measures; i++) {
          const v = w.ghostReadout(i);
          if (ghost ? !Number.isFinite(v) : !Number.isNaN(v)) findings.push(`ghostReadout(${i}) = ${v} after call ${k} (ghost ${ghost})`);
        }
        for (let i = 0; i < 5; i++) {
          if (!Number.isFinite(w.share(i))) findings.push(`share(${i}) = ${w.share(i)} after call ${k}`);
        }
        for (let i = 0; i < w.warningCount(); i++) {
          for (let f = 0; f < 4; f++) {
            if (!Number.isFinite(w.warning(i, f))) findings.push(`warning(${i}, ${f}) = ${w.warning(i, f)} after call ${k}`);
          }
        }
        if (findings.length) break;
      }
    }
    w.free();
    return { findings };
  }, { cases: Math.ceil(CASES / 2), seed: SEED });

  const all = [
    ...element.findings.map((f) => `element: ${f}`),
    ...widget.findings.map((f) => `widget: ${f}`),
    ...problems.list(),
  ];
  if (signature.colours < 2) all.push(`the element's canvas is blank after the fuzz (${JSON.stringify(signature)})`);
  const secs = (performance.now() - started) / 1000;
  console.log(`fuzz (browser): ${CASES} attribute values on the element (${element.attributes.length} attributes) and ${Math.ceil(CASES / 2)} Widget calls in ${secs.toFixed(1)} s (seed ${SEED}, ${warnings} console warnings): ${all.length} problems`);
  for (const f of all.slice(0, 10)) console.log(`  ${f}`);
  failed = all.length > 0;
} finally {
  await browser.close();
  await server.close();
}
process.exit(failed ? 1 : 0);
