// Frame timing of the <posture-chain> widget in headless Chromium: 500 head-tilt slider steps,
// each in its own animation frame and each one full frame (model solve + cascade step + scene build + canvas replay of three views),
// timed inside the page with the element's measureFrame() hook. Prints figures; asserts nothing.
//
//   node tests/perf/frame.mjs [--steps N] [--runs R] [--site DIR] [--compare OLD_DIR]
//                                                   (or: cargo xtask perf [options])
//
// --runs R times R runs (each a fresh page) and prints each run and the median of their figures.
// --compare OLD_DIR times another built site (say, main's target/site copied aside) in turns with
// this one, old, new, old, new, ..., so that a shared machine's load falls on both alike.
//
// The page is served cross-origin isolated (COOP/COEP), so performance.now() has microsecond
// resolution rather than Chromium's coarsened 100 µs.

import { resolve } from 'node:path';
import { SITE, launchBrowser, openPage, startServer } from '../e2e/lib.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const STEPS = Number(arg('--steps', 500));
const RUNS = Number(arg('--runs', 1));
const NEW = resolve(arg('--site', SITE));
const OLD = arg('--compare', null);
const WARMUP = 50;
const ISOLATED = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const median = (values) => quantile([...values].sort((a, b) => a - b), 0.5);
const ms = (v) => `${v.toFixed(3)} ms`;

/** One run on the site in `root`: a fresh page, WARMUP steps, then STEPS timed ones. */
async function run(browser, root) {
  const server = await startServer({ root, headers: ISOLATED });
  try {
    const { page } = await openPage(browser, server.url, { viewport: { width: 1280, height: 800 } });
    await page.waitForFunction(() => document.querySelector('posture-chain')?._widget?.isSettled());
    const result = await page.evaluate(async ({ steps, warmup }) => {
      const el = document.querySelector('posture-chain');
      // -20..20° and back by 0.5° steps, one step per animation frame, as a dragged slider gives.
      const tiltAt = (i) => Math.round(40 * Math.abs(((i / 80) % 2) - 1) * 2) / 2 - 20;
      const nextFrame = () => new Promise((r) => requestAnimationFrame(r));
      for (let i = 0; i < warmup; i++) {
        await nextFrame();
        el.measureFrame(tiltAt(i));
      }
      const times = [];
      for (let i = 0; i < steps; i++) {
        await nextFrame();
        times.push(el.measureFrame(tiltAt(i)));
      }
      return { times, isolated: self.crossOriginIsolated };
    }, { steps: STEPS, warmup: WARMUP });
    await page.context().close();
    const sorted = [...result.times].sort((a, b) => a - b);
    return {
      isolated: result.isolated,
      median: quantile(sorted, 0.5),
      p95: quantile(sorted, 0.95),
      p99: quantile(sorted, 0.99),
      max: sorted.at(-1),
      mean: sorted.reduce((a, b) => a + b, 0) / sorted.length,
    };
  } finally {
    await server.close();
  }
}

const line = (r) => `median ${ms(r.median)}  p95 ${ms(r.p95)}  p99 ${ms(r.p99)}  max ${ms(r.max)}  mean ${ms(r.mean)}`;
const summary = (runs) => Object.fromEntries(['median', 'p95', 'p99', 'max', 'mean'].map((k) => [k, median(runs.map((r) => r[k]))]));

const browser = await launchBrowser();
try {
  const sites = OLD ? [['old', resolve(OLD)], ['new', NEW]] : [['', NEW]];
  const results = new Map(sites.map(([name]) => [name, []]));
  console.log(`frames: ${STEPS} slider steps (after ${WARMUP} warm-up), 3 views at 1280x800, ${RUNS} run(s)${OLD ? ` each of ${OLD} (old) and ${NEW} (new), in turns` : ''}`);
  for (let i = 0; i < RUNS; i++) {
    for (const [name, root] of sites) {
      const r = await run(browser, root);
      if (i === 0 && name === sites[0][0]) console.log(`timer: ${r.isolated ? 'cross-origin isolated, fine-grained' : 'coarse (not isolated)'}`);
      results.get(name).push(r);
      if (RUNS > 1 || OLD) console.log(`  run ${i + 1}${name ? ` ${name}` : ''}: ${line(r)}`);
    }
  }
  for (const [name, runs] of results) {
    console.log(`${name ? `${name}: ` : ''}${RUNS > 1 ? `median of ${RUNS} runs: ` : ''}${line(summary(runs))}`);
  }
} finally {
  await browser.close();
}
