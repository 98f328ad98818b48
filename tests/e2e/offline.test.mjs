// The kit's single-file offline page, posture-chain-offline.html (written by `cargo xtask dist`
// into target/dist/posture-chain-<version>/): opened from file:// in Chromium with the network
// off and every request that is not for a file, data: or blob: aborted, it must draw, follow a
// dragged slider, show the "How certain?" spans (the JS API module's wasm, inlined) and save an
// SVG and a PNG, with no request but the file itself and no console error.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, axeViolations, canvasSignature, launchBrowser, openPage } from './lib.mjs';

const TIMEOUT = { timeout: 90_000 };
const DIST = join(ROOT, 'target', 'dist');
const FILE = 'posture-chain-offline.html';

let browser;
let file;
before(async () => {
  const names = existsSync(DIST) ? await readdir(DIST) : [];
  const folder = names.find((n) => /^posture-chain-\d/.test(n) && !n.endsWith('.zip'));
  assert.ok(folder, `no kit in ${DIST}: run \`cargo xtask dist\` first`);
  file = join(DIST, folder, FILE);
  assert.ok(existsSync(file), `the kit has ${FILE}`);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test('the file holds everything: one page, both wasm modules inline, no reference to another file', TIMEOUT, async () => {
  const html = await readFile(file, 'utf8');
  assert.equal((html.match(/<script type="application\/wasm"/g) ?? []).length, 2, 'the page wasm and the API wasm');
  assert.doesNotMatch(html, /<script[^>]+\bsrc=/, 'no external script');
  assert.doesNotMatch(html, /<link[^>]+\bhref="(?!data:)/, 'no linked file');
  assert.doesNotMatch(html, /import\("\.\//, 'no module left to fetch');
});

test(`opened from file:// with the network off: draws, drags, "How certain?", SVG and PNG, a link comparing in German, and requests nothing`, TIMEOUT, async () => {
  const url = pathToFileURL(file).href;
  const { page, problems } = await openPage(browser, 'about:blank', { viewport: { width: 1100, height: 900 }, waitUntil: 'load' });
  const context = page.context();
  try {
    await context.setOffline(true);
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    await context.route('**/*', (route) => {
      const target = route.request().url();
      return /^(file|data|blob):/.test(target) ? route.continue() : route.abort();
    });
    await page.goto(url, { waitUntil: 'load' });
    const el = page.locator('posture-chain');
    await el.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelector('posture-chain')._widget?.isSettled(), null, { timeout: 20_000 });
    assert.ok((await canvasSignature(page, 'posture-chain canvas.back')).colours > 20, 'the back view is drawn');

    // Drag the head-tilt slider to its left end: the inputs and the drawing follow.
    const before = await canvasSignature(page, 'posture-chain canvas.back');
    const slider = el.locator('#head-tilt');
    const box = await slider.boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + 2, box.y + box.height / 2, { steps: 8 });
    await page.mouse.up();
    await page.waitForFunction(() => document.querySelector('posture-chain').getState()?.headTiltDeg < -15);
    await page.waitForFunction(() => document.querySelector('posture-chain')._widget.isSettled());
    assert.notDeepEqual(await canvasSignature(page, 'posture-chain canvas.back'), before, 'the drawing follows the slider');

    // "How certain?": the spans come from the inlined JS API module.
    await el.locator('caption .how').click();
    await page.waitForFunction(() => document.querySelector('posture-chain').shadowRoot.querySelectorAll('.spans dd').length > 10, null, { timeout: 20_000 });
    const span = await el.locator('.spans dd').first().textContent();
    assert.match(span, /^about /, `a span in words: ${span}`);

    // "Save SVG" downloads the composed picture, vector with text as text.
    const [svgDownload] = await Promise.all([page.waitForEvent('download'), el.locator('[data-act=svg]').click()]);
    assert.equal(svgDownload.suggestedFilename(), 'posture-chain.svg');
    const svg = await readFile(await svgDownload.path(), 'utf8');
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.ok((svg.match(/<text /g) ?? []).length > 20, 'its labels, read-outs and note are text');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return { error: doc.querySelector('parsererror')?.textContent ?? null, views: doc.querySelectorAll('svg > svg').length };
    }, svg);
    assert.deepEqual(parsed, { error: null, views: 3 });

    // "Save picture" too (the page's own wasm draws it).
    const [pngDownload] = await Promise.all([page.waitForEvent('download'), el.locator('[data-act=png]').click()]);
    assert.equal(pngDownload.suggestedFilename(), 'posture-chain.png');
    const png = await readFile(await pngDownload.path());
    assert.equal(png.readUInt32BE(16), 1920);
    assert.equal(png.readUInt32BE(20), 1080);

    // A link's state, every mode and language in the file: comparing, in German, dark; and its SVG
    // in that theme and language.
    await page.evaluate(() => { location.hash = 'posture-chain=compare:2;lang:de;theme:dark'; });
    await page.waitForFunction(() => {
      const s = document.querySelector('posture-chain').getState();
      return s.compare === 2 && s.lang === 'de' && s.theme === 'dark' && document.querySelector('posture-chain').shadowRoot.querySelector('.cmp h3');
    }, null, { timeout: 20_000 });
    const de = JSON.parse(await readFile(new URL('../../www/locales/de.json', import.meta.url), 'utf8'));
    assert.equal(await el.locator('.cmp h3').textContent(), de['cmp.title'], 'compare, in German');
    const view = await page.evaluate(() => document.querySelector('posture-chain').toSVG({ view: 'back' }));
    assert.ok(view.includes('>Schultern</text>') && view.includes('fill="#1c2026"'), 'the SVG in German, on the dark paper');
    const urls = requests.map((r) => r.split('#')[0]);
    const others = urls.filter((r) => !/^(data|blob):/.test(r) && r !== url);
    assert.deepEqual(others, [], 'no request but the file itself');
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(problems.list(), []);
  } finally {
    await context.close();
  }
});
