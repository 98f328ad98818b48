// Twenty widgets on one page (`cargo xtask perf`): every one started (loading="eager") and playing
// its autoplay sweep, one on screen and the others below it, a viewport apart. Measures, over a few
// seconds, the main thread's busy time per animation frame (Chromium's own task accounting, through
// the DevTools protocol's Performance.getMetrics) with 1 widget and with 20, and counts for each
// widget its animation-frame callbacks and its Widget.frame calls (the wasm's solve, scene and
// draw). Offscreen widgets should cost nothing: 0 callbacks, 0 draws. For reference, the same page
// with only the widget on screen playing: what the page costs the browser by itself (its layout,
// paint and collections), which no frame loop can save. Prints the figures; with
// --check, fails when an offscreen widget ran a frame.
//
//   node tests/perf/many.mjs [--seconds S] [--site DIR] [--compare OLD_DIR] [--check]

import { resolve } from 'node:path';
import { SITE, launchBrowser, openPage, startServer } from '../e2e/lib.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const SECONDS = Number(arg('--seconds', 4));
const NEW = resolve(arg('--site', SITE));
const OLD = arg('--compare', null);
const CHECK = process.argv.includes('--check');
const COUNT = 20;

const page = (n) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${n} widgets</title>
<link rel="stylesheet" href="/many.css"><script type="module" src="/posture-chain.js"></script></head><body>
${Array.from({ length: n }, (_, i) => `<section><posture-chain id="w${i}" loading="eager"></posture-chain></section>`).join('\n')}
</body></html>`;
// Each widget in a section taller than the viewport, so that only the first is on screen.
const CSS = 'body{margin:0}section{height:1000px;overflow:hidden}posture-chain{display:block;width:1200px}';

/** Opens `n` widgets, plays them all (or, with `firstOnly`, only the one on screen), and
 * measures SECONDS of frames. */
async function measure(browser, root, n, firstOnly = false) {
  const server = await startServer({ root, pages: { '/many.html': page(n), '/many.css': CSS } });
  try {
    const { page: p } = await openPage(browser, `${server.url}many.html`, { viewport: { width: 1280, height: 800 } });
    await p.waitForFunction((n) => [...document.querySelectorAll('posture-chain')].filter((e) => e._widget).length === n, n);
    await p.evaluate((firstOnly) => {
      for (const el of document.querySelectorAll('posture-chain')) {
        el._counts = { ticks: 0, draws: 0 };
        const tick = el._tick;
        el._tick = (now) => { el._counts.ticks++; tick(now); };
        const w = el._widget;
        const frame = w.frame;
        w.frame = function (...args) { el._counts.draws++; return frame.apply(this, args); };
        if (!firstOnly || el.id === 'w0') el.shadowRoot.querySelector('[data-act=play]').click();
      }
    }, firstOnly);
    // Let the offscreen ones' observers report, then start counting afresh.
    await p.waitForTimeout(500);
    const cdp = await p.context().newCDPSession(p);
    await cdp.send('Performance.enable');
    const METRICS = ['TaskDuration', 'ScriptDuration', 'RecalcStyleDuration', 'LayoutDuration'];
    const busy = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return METRICS.map((name) => metrics.find((m) => m.name === name)?.value ?? 0);
    };
    await p.evaluate(() => {
      for (const el of document.querySelectorAll('posture-chain')) el._counts = { ticks: 0, draws: 0 };
      window._frames = 0;
      const count = () => { window._frames++; requestAnimationFrame(count); };
      requestAnimationFrame(count);
    });
    const before = await busy();
    await p.waitForTimeout(SECONDS * 1000);
    const after = await busy();
    const counts = await p.evaluate(() => ({
      frames: window._frames,
      each: [...document.querySelectorAll('posture-chain')].map((el) => el._counts),
    }));
    await p.context().close();
    const offscreen = counts.each.slice(1);
    return {
      n,
      frames: counts.frames,
      busyMsPerFrame: ((after[0] - before[0]) * 1000) / Math.max(1, counts.frames),
      parts: after.slice(1).map((v, i) => ((v - before[i + 1]) * 1000) / Math.max(1, counts.frames)),
      visible: counts.each[0],
      offscreenTicks: offscreen.reduce((s, c) => s + c.ticks, 0),
      offscreenDraws: offscreen.reduce((s, c) => s + c.draws, 0),
    };
  } finally {
    await server.close();
  }
}

const browser = await launchBrowser();
const problems = [];
try {
  console.log(`many: ${COUNT} widgets playing, one on screen, ${SECONDS} s each (main thread busy time from Chromium's TaskDuration)`);
  for (const [name, root] of OLD ? [['old', resolve(OLD)], ['new', NEW]] : [['', NEW]]) {
    for (const [n, firstOnly] of [[1, false], [COUNT, false], [COUNT, true]]) {
      const r = await measure(browser, root, n, firstOnly);
      const label = `${name ? `${name}: ` : ''}${String(n).padStart(2)} widget${n > 1 ? 's' : ' '}${firstOnly ? ' (only the one on screen playing)' : ''}`;
      console.log(`${label}: main thread ${r.busyMsPerFrame.toFixed(2)} ms per frame (script ${r.parts[0].toFixed(2)}, style ${r.parts[1].toFixed(2)}, layout ${r.parts[2].toFixed(2)}) over ${r.frames} frames; on screen: ${r.visible.ticks} frame callbacks, ${r.visible.draws} draws` +
        (n > 1 ? `; the ${n - 1} offscreen: ${r.offscreenTicks} frame callbacks, ${r.offscreenDraws} draws` : ''));
      if (n > 1 && !firstOnly && name !== 'old' && r.offscreenTicks + r.offscreenDraws > 0) problems.push(`offscreen widgets ran ${r.offscreenTicks} frame callbacks and ${r.offscreenDraws} draws`);
      if (name !== 'old' && r.visible.draws === 0) problems.push(`the widget on screen drew nothing (${n} on the page)`);
    }
  }
} finally {
  await browser.close();
}
for (const p of problems) console.log(`many: ${CHECK ? 'FAILED' : 'note'}: ${p}`);
process.exit(CHECK && problems.length ? 1 : 0);
