// Frame timing of the <posture-chain> widget in headless Chromium: 500 head-tilt slider steps,
// each in its own animation frame and each one full frame (model solve + cascade step + scene build + canvas replay of three views),
// timed inside the page with the element's measureFrame() hook. Prints figures; asserts nothing.
//
//   node tests/perf/frame.mjs [--steps N]     (or: cargo xtask perf)
//
// The page is served cross-origin isolated (COOP/COEP added by a route), so performance.now()
// has microsecond resolution rather than Chromium's coarsened 100 µs.

import { launchBrowser, openPage, startServer } from '../e2e/lib.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const STEPS = arg('--steps', 500);
const WARMUP = 50;

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const ms = (v) => `${v.toFixed(3)} ms`;

const server = await startServer();
const browser = await launchBrowser();
try {
  const { page } = await openPage(browser, server.url, { viewport: { width: 1280, height: 800 } });
  await page.context().route('**/*', async (route) => {
    const response = await route.fetch();
    await route.fulfill({
      response,
      headers: {
        ...response.headers(),
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-embedder-policy': 'require-corp',
      },
    });
  });
  await page.reload({ waitUntil: 'networkidle' });
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

  const sorted = [...result.times].sort((a, b) => a - b);
  const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
  console.log(`frames: ${sorted.length} slider steps (after ${WARMUP} warm-up), 3 views at 1280x800`);
  console.log(`timer: ${result.isolated ? 'cross-origin isolated, fine-grained' : 'coarse (not isolated)'}`);
  console.log(`median ${ms(quantile(sorted, 0.5))}  p95 ${ms(quantile(sorted, 0.95))}  p99 ${ms(quantile(sorted, 0.99))}  max ${ms(sorted.at(-1))}  mean ${ms(mean)}`);
} finally {
  await browser.close();
  await server.close();
}
