// Memory over time in headless Chromium, on the built site (`cargo xtask soak`):
// 1. autoplay for --minutes (default 10) with full-rate input: every animation frame a slider
//    moves, as a restless reader's would; memory is sampled every few seconds;
// 2. then --insertions (default 1,000) <posture-chain> elements inserted, drawn and removed, one
//    after another, as a site with AJAX navigation does.
// Sampled each time after a forced garbage collection: the JavaScript values the page holds (a
// CDP heap snapshot's objects, closures, arrays and strings; the whole V8 heap is printed too, for
// information, as it also holds the browser's own buffers), the wasm modules' linear memory (every WebAssembly.Memory the page instantiates, found by
// wrapping WebAssembly.instantiate*), the DOM's node and listener counts (CDP
// Memory.getDOMCounters). Prints each curve's level after the warm-up and at the end, and fails
// when any grows by 1 % or more, or when an error reaches the console.
//
//   node tests/perf/soak.mjs [--minutes M] [--insertions N]

import { launchBrowser, openApp, startServer } from '../e2e/lib.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const MINUTES = arg('--minutes', 10);
const INSERTIONS = arg('--insertions', 1000);
if (!(MINUTES > 0 && Number.isInteger(INSERTIONS) && INSERTIONS > 0)) {
  console.error('usage: node tests/perf/soak.mjs [--minutes M] [--insertions N]');
  process.exit(2);
}
/** Growth past the warm-up that fails the soak. */
const LIMIT = 0.01;

const server = await startServer();
const browser = await launchBrowser();
let failed = false;
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => {
    window.__memories = [];
    const keep = (result) => {
      const instance = result instanceof WebAssembly.Instance ? result : result.instance;
      for (const e of Object.values(instance.exports)) {
        if (e instanceof WebAssembly.Memory) window.__memories.push(e);
      }
      return result;
    };
    for (const name of ['instantiate', 'instantiateStreaming']) {
      const original = WebAssembly[name];
      WebAssembly[name] = (...args) => original.apply(WebAssembly, args).then(keep);
    }
  });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(server.url, { waitUntil: 'networkidle' });
  await page.locator('posture-chain canvas').first().waitFor();
  await page.waitForTimeout(500);
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.enable');

  // The bytes of JavaScript values the page holds, from a heap snapshot: objects, closures,
  // arrays, strings, numbers. Not the browser's own native objects in the same heap: on a busy
  // machine its performance timeline buffers long-task entries, up to its limits, whatever the
  // page does; nor V8's compiled code.
  const JS_TYPES = new Set(['object', 'closure', 'array', 'string', 'concatenated string', 'sliced string',
    'regexp', 'number', 'heap number', 'symbol', 'bigint']);
  const jsBytes = async () => {
    const chunks = [];
    const on = (e) => chunks.push(e.chunk);
    cdp.on('HeapProfiler.addHeapSnapshotChunk', on);
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    cdp.off('HeapProfiler.addHeapSnapshotChunk', on);
    const snap = JSON.parse(chunks.join(''));
    const fields = snap.snapshot.meta.node_fields;
    const types = snap.snapshot.meta.node_types[0];
    const [type, size, n] = [fields.indexOf('type'), fields.indexOf('self_size'), fields.length];
    let bytes = 0;
    for (let i = 0; i < snap.nodes.length; i += n) {
      if (JS_TYPES.has(types[snap.nodes[i + type]])) bytes += snap.nodes[i + size];
    }
    return bytes;
  };
  const sample = async (label) => {
    await cdp.send('HeapProfiler.collectGarbage');
    const js = await jsBytes();
    const heap = await cdp.send('Runtime.getHeapUsage');
    const dom = await cdp.send('Memory.getDOMCounters');
    const [wasm, nodes] = await page.evaluate(() => {
      const count = (root) => {
        let n = 0;
        const walk = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
        while (walk.nextNode()) n += 1 + (walk.currentNode.shadowRoot ? count(walk.currentNode.shadowRoot) : 0);
        return n;
      };
      return [window.__memories.reduce((s, m) => s + m.buffer.byteLength, 0), count(document)];
    });
    return { label, jsBytes: js, heapBytes: heap.usedSize, wasmBytes: wasm, nodes, domCounter: dom.nodes, listeners: dom.jsEventListeners };
  };

  // 1. Autoplay with a slider moving every frame.
  await page.evaluate(() => {
    const root = document.querySelector('posture-chain').shadowRoot;
    root.querySelector('button[data-act=play]').click();
    const sliders = [...root.querySelectorAll('input[type=range]')].filter((s) => s.id !== 'head-tilt');
    let k = 0;
    const move = () => {
      const s = sliders[k++ % sliders.length];
      const [min, max] = [Number(s.min), Number(s.max)];
      s.value = String(min + ((k * 0.618) % 1) * (max - min));
      s.dispatchEvent(new Event('input', { bubbles: true }));
      window.__moves = k;
      window.__soak = requestAnimationFrame(move);
    };
    window.__soak = requestAnimationFrame(move);
  });
  const autoplay = [];
  const totalMs = MINUTES * 60_000;
  const everyMs = Math.min(10_000, totalMs / 15);
  const t0 = Date.now();
  while (Date.now() - t0 < totalMs) {
    await page.waitForTimeout(everyMs);
    autoplay.push(await sample(`${((Date.now() - t0) / 1000).toFixed(0)} s`));
  }
  const moves = await page.evaluate(() => {
    cancelAnimationFrame(window.__soak);
    return window.__moves;
  });

  // 2. Insertions and removals, one element at a time, each drawn before it goes.
  const insertions = [];
  const batch = Math.max(1, Math.floor(INSERTIONS / 15));
  for (let done = 0; done < INSERTIONS; done += batch) {
    const n = Math.min(batch, INSERTIONS - done);
    await page.evaluate(async (n) => {
      const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
      const host = document.querySelector('main') ?? document.body;
      for (let i = 0; i < n; i++) {
        const el = document.createElement('posture-chain');
        el.setAttribute('head-tilt', String((i % 21) - 10));
        host.append(el);
        await frame();
        await frame();
        el.remove();
      }
    }, n);
    insertions.push(await sample(`${done + n} insertions`));
  }

  // After a forced collection a sample still holds some garbage, never less than what is
  // retained: so a curve's level is the least of a window of samples. The first third of the
  // samples is the warm-up (caches, code, pools); the start is the least of the second third and
  // the end the least of the last third.
  const report = (name, series) => {
    const third = Math.max(1, Math.floor(series.length / 3));
    const startWindow = series.slice(third, 2 * third);
    const endWindow = series.slice(-third);
    console.log(`soak: ${name}: ${series.length} samples; least of ${startWindow[0].label}..${startWindow.at(-1).label} -> least of ${endWindow[0].label}..${endWindow.at(-1).label}`);
    for (const [key, unit, scale, limit] of [['jsBytes', 'KB JS values', 1024, LIMIT], ['heapBytes', 'KB V8 heap (info)', 1024, Infinity],
      ['wasmBytes', 'KB wasm memory', 1024, LIMIT], ['nodes', 'DOM nodes in the page', 1, LIMIT],
      ['domCounter', 'DOM nodes (info)', 1, Infinity], ['listeners', 'JS event listeners', 1, LIMIT]]) {
      const least = (w) => Math.min(...w.map((s) => s[key]));
      const [start, end] = [least(startWindow), least(endWindow)];
      const growth = (end - start) / Math.max(1, start);
      const bad = growth >= limit;
      failed ||= bad;
      const fmt = (v) => (scale === 1 ? String(v) : (v / scale).toFixed(1));
      const first = series[0][key];
      console.log(`  ${unit.padEnd(22)} first ${fmt(first).padStart(8)}, start ${fmt(start).padStart(8)} -> end ${fmt(end).padStart(8)}  ${(growth * 100).toFixed(2).padStart(6)} %${bad ? '  GREW' : ''}`);
    }
  };
  console.log(`soak: ${MINUTES} min of autoplay with ${moves} slider moves (one per frame), then ${INSERTIONS} insertions and removals`);
  report('autoplay', autoplay);
  report('insertions', insertions);
  for (const p of problems.slice(0, 10)) console.log(`  ${p}`);
  failed ||= problems.length > 0;
  console.log(`soak: ${failed ? 'FAILED: memory grew or errors were logged' : 'flat: every curve within 1 % after warm-up, no console error'}`);
} finally {
  await browser.close();
  await server.close();
}
process.exit(failed ? 1 : 0);
