// The pictures a reader sees, for looking at: each view at a 5° and a 15° head tilt and with a
// 10 mm leg-length difference, on a desktop (1280x800) and a phone (390x844), saved under
// target/e2e/gallery/ as <size>-<case>-<view>.png, plus the whole phone screen as it first shows.
// What it asserts is what a screenshot needs: every view is drawn (its pixels vary).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { OUTPUT_DIR, launchBrowser, openApp, startServer } from './lib.mjs';

const DIR = join(OUTPUT_DIR, 'gallery');
const SIZES = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } };
const CASES = [
  ['tilt5', { 'head-tilt': '5' }],
  ['tilt15', { 'head-tilt': '15' }],
  ['leg10', { 'head-tilt': '0', 'leg-length': '10' }],
];

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  await mkdir(DIR, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Sets the attributes, then waits until the posture has settled. */
async function show(page, attrs) {
  await page.evaluate((a) => {
    const el = document.querySelector('posture-chain');
    for (const [k, v] of Object.entries(a)) el.setAttribute(k, v);
  }, attrs);
  await page.waitForFunction(() => {
    const el = document.querySelector('posture-chain');
    return el?._widget?.isSettled() && !el._raf;
  }, null, { timeout: 5_000 });
}

for (const [size, viewport] of Object.entries(SIZES)) {
  test(`gallery: every view at ${size} size`, { timeout: 60_000 }, async () => {
    const { page, problems } = await openApp(browser, server.url, { canvas: 'canvas.back', viewport });
    try {
      await page.screenshot({ path: join(DIR, `${size}-screen.png`) });
      for (const [name, attrs] of CASES) {
        await show(page, attrs);
        for (const view of ['back', 'side', 'top']) {
          const canvas = page.locator(`posture-chain canvas.${view}`);
          // Where one view shows at a time (a phone), its tab brings it up.
          if (!(await canvas.isVisible())) await page.locator(`posture-chain [data-view=${view}]`).click();
          await canvas.scrollIntoViewIfNeeded();
          const png = await canvas.screenshot({ path: join(DIR, `${size}-${name}-${view}.png`) });
          assert.ok(png.length > 2_000, `${size} ${name} ${view} is drawn`);
        }
      }
      assert.deepEqual(problems.list(), [], 'no console error or failed request');
    } finally {
      await page.close();
    }
  });
}
