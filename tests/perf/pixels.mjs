// Are two builds' drawings the same, pixel for pixel? Opens the demo page of each built site in
// headless Chromium, puts the widget in a series of states (tilts, a leg-length difference,
// explain steps, magnify, the dark and projector themes, a hovered head, the phone layout, the
// side view shown there), and compares the device pixels of every canvas byte for byte. For a
// change to the canvas backend or the frame path that must not change the drawing.
//
//   node tests/perf/pixels.mjs OLD_SITE [NEW_SITE]      (NEW_SITE: target/site)

import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { SITE, launchBrowser, openPage, startServer } from '../e2e/lib.mjs';

const [oldSite, newSite = SITE] = process.argv.slice(2);
if (!oldSite) {
  console.error('usage: node tests/perf/pixels.mjs OLD_SITE [NEW_SITE]');
  process.exit(2);
}

/** Each state: a name, the viewport, and what to do to the element before drawing settles. */
const STATES = [
  ['start', 1280, async () => {}],
  ['tilt -12', 1280, async (p) => p.evaluate(() => document.querySelector('posture-chain').setAttribute('head-tilt', '-12'))],
  ['leg 15, explain', 1280, async (p) => {
    await p.evaluate(() => document.querySelector('posture-chain').setAttribute('leg-length', '15'));
    await p.locator('[data-act=explain]').click({ timeout: 5000 });
  }],
  ['magnify', 1280, async (p) => p.locator('#magnify').check()],
  ['dark', 1280, async (p) => p.evaluate(() => document.querySelector('posture-chain').setAttribute('theme', 'dark'))],
  ['projector', 1280, async (p) => p.evaluate(() => document.querySelector('posture-chain').setAttribute('theme', 'projector'))],
  ['hovered head', 1280, async (p) => {
    const box = await p.locator('canvas.back').boundingBox();
    const at = await p.evaluate(() => { const w = document.querySelector('posture-chain')._widget; return [w.headPx(0), w.headPx(1)]; });
    await p.mouse.move(box.x + at[0], box.y + at[1]);
  }],
  ['phone', 390, async () => {}],
  ['phone, side tab', 390, async (p) => p.locator('[role=tab]').nth(1).click()],
];

/** The device pixels of every canvas of the element, hashed, after `act` and a settle. */
async function draw(browser, root, [name, width, act]) {
  const server = await startServer({ root });
  try {
    const { page } = await openPage(browser, server.url, { viewport: { width, height: 900 } });
    await page.waitForFunction(() => document.querySelector('posture-chain')?._widget?.isSettled());
    await act(page);
    await page.waitForTimeout(300);
    await page.waitForFunction(() => document.querySelector('posture-chain')._widget.isSettled());
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    // Each canvas's device pixels, hashed in the page (a PNG of them is lossless).
    const canvases = await page.evaluate(() => document.querySelector('posture-chain')._ui.canvases.map((c) => ({
      size: `${c.width}x${c.height}`,
      png: c.toDataURL('image/png'),
    })));
    await page.context().close();
    return canvases.map((c) => ({ size: c.size, hash: createHash('sha256').update(c.png).digest('hex').slice(0, 16) }));
  } finally {
    await server.close();
  }
}

const browser = await launchBrowser();
let differ = 0;
try {
  for (const state of STATES) {
    const a = await draw(browser, resolve(oldSite), state);
    const b = await draw(browser, resolve(newSite), state);
    const views = a.map((c, i) => {
      const d = b[i];
      if (c.size !== d.size) return `view ${i} sizes differ (${c.size} vs ${d.size})`;
      return c.hash === d.hash ? null : `view ${i} differs`;
    }).filter(Boolean);
    differ += views.length;
    console.log(`pixels: ${state[0].padEnd(18)} ${views.length ? `DIFFER: ${views.join('; ')}` : `identical (${a.map((c) => c.size).join(', ')})`}`);
  }
} finally {
  await browser.close();
}
console.log(differ ? `pixels: ${differ} canvas(es) differ` : 'pixels: every canvas identical');
process.exit(differ ? 1 : 0);
