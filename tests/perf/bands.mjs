// Timing of the JS API's solveBands in headless Chromium: how long 200 Monte-Carlo samples of the
// model take for a few scenarios (the API module, site/api/, with its wasm). Prints figures;
// asserts nothing. The budget is 50 ms for 200 samples.
//
//   node tests/perf/bands.mjs [--samples N] [--runs N]     (or: cargo xtask perf)

import { launchBrowser, openPage, startServer } from '../e2e/lib.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SAMPLES = arg('--samples', 200);
const RUNS = arg('--runs', 7);

const server = await startServer();
const browser = await launchBrowser();
try {
  const { page } = await openPage(browser, server.url);
  const rows = await page.evaluate(async ({ samples, runs }) => {
    const api = await import('./api/posture_chain.js');
    await api.default();
    const cases = [
      ['head tilt 5°', { headTiltDeg: 5 }],
      ['head tilt 15°', { headTiltDeg: 15 }],
      ['leg 10 mm', { anatomicLegLengthDiffMm: 10 }],
      ['every input', { headTiltDeg: 12, headRotationDeg: 10, forwardHeadDeg: 30, anatomicLegLengthDiffMm: -15 }],
    ];
    api.solveBands(cases[0][1], { samples: 20, seed: 1 }); // warm up
    return cases.map(([name, s]) => {
      const times = [];
      for (let r = 0; r < runs; r++) {
        const t0 = performance.now();
        api.solveBands(s, { samples, seed: r + 1 });
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      return { name, median: times[Math.floor(times.length / 2)], max: times[times.length - 1] };
    });
  }, { samples: SAMPLES, runs: RUNS });
  console.log(`solveBands, ${SAMPLES} samples, ${RUNS} runs each (headless Chromium):`);
  for (const r of rows) {
    console.log(`  ${r.name.padEnd(14)} median ${r.median.toFixed(1)} ms, max ${r.max.toFixed(1)} ms`);
  }
  const worst = Math.max(...rows.map((r) => r.median));
  console.log(`bands: worst median ${worst.toFixed(1)} ms for ${SAMPLES} samples (budget 50 ms): ${worst <= 50 ? 'within' : 'OVER'} budget`);
} finally {
  await browser.close();
  await server.close();
}
