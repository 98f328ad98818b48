// A hostile host page, as real blog themes are: global resets (`* { all: revert }`, canvas and
// img forced to `max-width: 100%; height: auto`, restyled buttons, `[hidden]` overridden), a dark
// theme, right-to-left, 200 % zoom and a 320 px column; the element inserted after load, moved,
// removed and re-added (as AJAX navigation does); twenty instances on one page. Nothing breaks,
// only the instances near the viewport start, and nothing on the host page changes.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { canvasSignature, launchBrowser, openPage, startServer } from './lib.mjs';

const TIMEOUT = { timeout: 90_000 };

const THEME = `<style>
  * { all: revert; }
  html { background: #111; color: #eee; }
  body { font: 19px/1.7 Georgia, serif; margin: 0 auto; max-width: 320px; padding: 0 8px; }
  canvas, img, video { max-width: 100% !important; height: auto !important; }
  button { background: hotpink !important; color: #000; border: 0; border-radius: 0; padding: 20px; }
  [hidden] { display: block !important; }
  p { margin: 2em 0; }
</style>`;

const host = (body) => `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>مدونة</title>
<script type="module" src="./posture-chain.js"></script>${THEME}</head>
<body><header><h1>مدونة العيادة</h1><button id="menu" type="button">القائمة</button></header>
<main><h2>مقال</h2><p id="p1">نص قبل الرسم التوضيحي.</p><div id="slot-a"></div><p id="p2">نص بعده.</p><div id="slot-b"></div>${body}</main></body></html>`;

let server;
let browser;
before(async () => {
  const twenty = Array.from({ length: 20 }, (_, i) => `<p>Paragraph ${i}.</p><posture-chain id="w${i}" head-tilt="${(i % 9) - 4}"></posture-chain>`).join('');
  server = await startServer({ pages: { '/blog.html': host(''), '/twenty.html': host(twenty) } });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** The computed styles of the host page's own elements that a leaking widget could change. */
const hostStyles = (page) => page.evaluate(() => ['html', 'body', '#p1', '#p2', '#menu', 'h1', 'main'].map((s) => {
  const cs = getComputedStyle(document.querySelector(s));
  return `${s}: ${cs.color} ${cs.backgroundColor} ${cs.font} ${cs.margin} ${cs.padding} ${cs.direction} ${cs.width}`;
}));

const settled = (page, sel) => page.waitForFunction((s) => {
  const el = document.querySelector(s);
  return el?._widget?.isSettled() && !el._raf;
}, sel, { timeout: 15_000 });

test('under a hostile theme (resets, dark, rtl, 200 % zoom, 320 px) it draws, works, and leaves the page as it was', TIMEOUT, async () => {
  const { page, problems } = await openPage(browser, `${server.url}blog.html`, { viewport: { width: 400, height: 800 }, context: { deviceScaleFactor: 2 } });
  try {
    const before = await hostStyles(page);
    // Inserted after load, as a page builder or AJAX navigation does.
    await page.evaluate(() => {
      const el = document.createElement('posture-chain');
      el.id = 'late';
      document.getElementById('slot-a').append(el);
    });
    await settled(page, '#late');
    const el = page.locator('#late');
    const box = await el.boundingBox();
    assert.ok(box.width > 250 && box.width <= 325, `it fills the 320 px column: ${box.width}`);
    const back = await el.locator('canvas.back').boundingBox();
    assert.ok(back.height > 150, `its canvas keeps a height under height: auto !important: ${back.height}`);
    assert.ok((await canvasSignature(page, '#late canvas.back')).colours > 20, 'drawn');
    const reset = el.locator('[data-act=reset]');
    assert.notEqual(await reset.evaluate((b) => getComputedStyle(b).backgroundColor), 'rgb(255, 105, 180)', 'its buttons are not the theme\'s');
    assert.equal(await el.locator('.explain').evaluate((e) => getComputedStyle(e).display), 'none', 'its hidden parts stay hidden');
    assert.equal(await el.locator('.pc').evaluate((e) => getComputedStyle(e).direction), 'ltr', 'the drawing and the controls keep their direction');
    assert.equal(await el.locator('.tabs').evaluate((e) => getComputedStyle(e).display), 'flex', 'its narrow layout applies though the theme reverts its display');
    const table = await el.locator('tbody').innerText();
    await el.locator('#head-tilt').focus();
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
    await settled(page, '#late');
    assert.notEqual(await el.locator('tbody').innerText(), table, 'the read-outs follow the slider');

    // Moved, removed and re-added.
    await page.evaluate(() => document.getElementById('slot-b').append(document.getElementById('late')));
    await settled(page, '#late');
    const kept = await page.evaluate(() => {
      const late = document.getElementById('late');
      late.remove();
      const gone = { widget: late._widget, raf: late._raf };
      document.getElementById('slot-a').append(late);
      return gone;
    });
    assert.deepEqual(kept, { widget: null, raf: 0 }, 'removal frees the wasm handle and cancels the frame');
    await settled(page, '#late');
    assert.ok((await canvasSignature(page, '#late canvas.back')).colours > 20, 'drawn again after re-adding');
    assert.deepEqual(await hostStyles(page), before, 'the host page\'s own styles are unchanged');
    assert.deepEqual(problems.list(), []);
  } finally {
    await page.context().close();
  }
});

test('twenty instances: only those near the viewport start; the rest start as they are scrolled to', TIMEOUT, async () => {
  const { page, problems, responses } = await openPage(browser, `${server.url}twenty.html`, { viewport: { width: 1000, height: 800 } });
  try {
    await settled(page, '#w0');
    const started = () => page.evaluate(() => [...document.querySelectorAll('posture-chain')].filter((e) => e._widget).length);
    const first = await started();
    assert.ok(first >= 1 && first <= 4, `${first} of 20 started`);
    assert.equal(await page.evaluate(() => [...document.querySelectorAll('posture-chain')].filter((e) => e._raf).length), 0, 'none animates once settled');
    await page.locator('#w19').scrollIntoViewIfNeeded();
    await settled(page, '#w19');
    assert.ok((await started()) < 20, 'the ones scrolled past quickly need not start');
    assert.equal(await page.locator('#w19 #head-tilt').inputValue(), String((19 % 9) - 4));
    assert.equal(responses.filter((r) => r.url().endsWith('.wasm')).length, 1, 'one wasm fetch for all');
    assert.deepEqual(problems.list(), []);
  } finally {
    await page.context().close();
  }
});
