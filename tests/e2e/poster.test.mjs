// The poster on the real built pages (target/site: index.html and embed.html, where
// `cargo xtask build` inlines it in the element's light DOM): it paints before any script, stays
// exactly where the element shows it once defined (over the back view, until the wasm draws),
// then gives way to the drawing; the element keeps its height throughout, so the page shifts by
// nothing (a PerformanceObserver sums every layout shift while the wasm is held back 1.5 s). With
// scripts off, the poster and the sentence with its link show.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { PNG } from 'pngjs';
import pixelmatch from 'pixelmatch';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OUTPUT_DIR, axeViolations, launchBrowser, openPage, screenshot, startServer } from './lib.mjs';

const TIMEOUT = { timeout: 90_000 };
const WASM_DELAY_MS = 1500;
/** The share of the back view's pixels that may change when the drawing replaces the poster. */
const SEAM_LIMIT = 0.02;

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Runs before the page's scripts: sums the layout shifts; holds the wasm's instantiation back
 * (embed.html's wasm is inline, so it has no fetch to slow). */
function watch(delay) {
  window.shifts = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      window.shifts.push({ value: e.value, at: e.startTime, sources: e.sources.map((s) => `${s.node?.nodeName} ${JSON.stringify(s.previousRect)} -> ${JSON.stringify(s.currentRect)}`) });
    }
  }).observe({ type: 'layout-shift', buffered: true });
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const real = WebAssembly[name];
    WebAssembly[name] = (...args) => new Promise((r) => setTimeout(r, delay)).then(() => real.apply(WebAssembly, args));
  }
}

/** The box of `el`'s poster (the light DOM's <svg>) and of its back view, relative to `el`. */
const boxes = (page) => page.evaluate(() => {
  const el = document.querySelector('posture-chain');
  const host = el.getBoundingClientRect();
  const rel = (n) => {
    const r = n?.getBoundingClientRect();
    return r && r.width ? [r.x - host.x, r.y - host.y, r.width, r.height].map((v) => Math.round(v * 100) / 100) : null;
  };
  const slot = el.shadowRoot?.querySelector('slot.poster');
  const shown = [...el.querySelectorAll(':scope > svg')].filter((svg) => svg.getBoundingClientRect().width > 0);
  return {
    poster: shown.length === 1 ? rel(shown[0]) : null,
    posters: shown.map((svg) => svg.getAttribute('class') ?? 'desktop'),
    slot: rel(slot),
    canvas: rel(el.shadowRoot?.querySelector('canvas.back')),
    height: host.height,
    defined: !!customElements.get('posture-chain'),
  };
});

/** How many distinct colours, and what share of pixels differ from the paper, in a box of the
 * viewport (a clip inside it: a full-page screenshot would resize the view, and shift it). */
async function pixels(page, clip, name) {
  const bytes = await page.screenshot({ clip });
  if (name) {
    await mkdir(OUTPUT_DIR, { recursive: true });
    await writeFile(join(OUTPUT_DIR, `${name}.png`), bytes);
  }
  const png = PNG.sync.read(bytes);
  const colours = new Set();
  let inked = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    const [r, g, b] = [png.data[i], png.data[i + 1], png.data[i + 2]];
    colours.add((r << 16) | (g << 8) | b);
    if (Math.abs(r - 0xfc) + Math.abs(g - 0xfc) + Math.abs(b - 0xfa) > 30) inked++;
  }
  return { colours: colours.size, inked: inked / (png.width * png.height), png };
}

/** The share of pixels that differ between two screenshots of a box (pixelmatch, anti-aliasing
 * left aside): how far the wasm's first drawing is from the poster it replaces. */
function difference(a, b) {
  const { width, height } = a;
  return pixelmatch(a.data, b.data, null, width, height, { threshold: 0.1 }) / (width * height);
}

for (const name of ['index.html', 'embed.html']) {
  for (const width of [320, 390, 1280]) {
    test(`${name} at ${width} px: the poster paints first, in the back view's place, the drawing lands on it, and the page shifts by nothing`, TIMEOUT, async (t) => {
      const context = await browser.newContext({ viewport: { width, height: width > 1000 ? 720 : 740 } });
      const page = await context.newPage();
      await page.addInitScript(watch, WASM_DELAY_MS);
      const problems = [];
      page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
      page.on('pageerror', (e) => problems.push(String(e)));
      // The element's script held until the poster has been seen without it (the demo page's
      // own file; embed.html's script is inline, after the poster).
      let release;
      const held = new Promise((r) => { release = r; });
      await page.route('**/posture-chain.js', async (route) => { await held; await route.continue(); });
      await page.route('**/*.wasm', async (route) => {
        await new Promise((r) => setTimeout(r, WASM_DELAY_MS));
        await route.continue();
      });
      try {
        await page.goto(server.url + name, { waitUntil: 'commit' });
        await page.locator('posture-chain > svg').first().waitFor({ state: 'attached' });
        // Where a reader would be looking: the element on screen (a scroll is not a shift), once
        // the page is parsed (the element's script is still held).
        await page.waitForFunction(() => document.readyState !== 'loading');
        await page.evaluate(() => new Promise((done) => {
          document.querySelector('posture-chain').scrollIntoView();
          requestAnimationFrame(() => requestAnimationFrame(done));
        }));
        await page.waitForTimeout(150);
        const early = await boxes(page);
        assert.ok(early.poster, `one poster is laid out before the element runs: ${JSON.stringify(early)}`);
        // The phone's poster where the element lays out for a phone (under 560 px), else the desktop's.
        const fit = width < 560 ? 'phone' : 'desktop';
        assert.deepEqual(early.posters, [fit], 'the poster that fits the element\'s width');
        release();
        await page.waitForFunction(() => customElements.get('posture-chain') && document.querySelector('posture-chain').shadowRoot);
        await page.waitForTimeout(200);
        const loading = await boxes(page);
        assert.equal(await page.evaluate(() => !!document.querySelector('posture-chain')._widget), false, 'the wasm is still held back');
        if (!early.defined) assert.deepEqual(loading.poster, early.poster, 'the poster stays where it was when the element upgrades');
        assert.deepEqual(loading.posters, [fit], 'the same poster shows in the shadow root');
        assert.ok(loading.slot, 'the shadow root shows the poster');
        const inset = loading.canvas.map((v, i) => v + [1, 1, -2, -2][i]);
        assert.deepEqual(loading.poster, inset, `the poster covers the back view inside its border: ${JSON.stringify(loading)}`);
        const host = await page.locator('posture-chain').boundingBox();
        const clip = { x: host.x + loading.canvas[0] + 4, y: host.y + loading.canvas[1] + 4, width: loading.canvas[2] - 8, height: loading.canvas[3] - 8 };
        const tag = `poster-${name.replace('.html', '')}-${width}`;
        const shown = await pixels(page, clip, `${tag}-loading`);
        assert.ok(shown.colours > 20 && shown.inked > 0.05, `the poster is drawn there before the wasm: ${JSON.stringify(shown)}`);
        // (embed.html is a frame's page, with no heading of its own.)
        if (name === 'index.html') assert.deepEqual(await axeViolations(page), [], 'axe, while the poster shows');

        await page.waitForFunction(() => document.querySelector('posture-chain')._widget?.isSettled() && !document.querySelector('posture-chain')._raf, null, { timeout: 20_000 });
        await page.waitForTimeout(300);
        const drawn = await boxes(page);
        assert.equal(drawn.slot, null, 'the poster has given way to the drawing');
        assert.equal(drawn.poster, null, 'the light DOM poster is no longer rendered');
        assert.equal(drawn.height, loading.height, 'the element is as tall before the wasm as after');
        assert.deepEqual(drawn.canvas, loading.canvas, 'the back view has not moved');
        const after = await pixels(page, clip, `${tag}-drawn`);
        assert.ok(after.colours > 20 && after.inked > 0.05, `the wasm has drawn: ${JSON.stringify({ ...after, png: undefined })}`);
        // A seamless hand-over on a phone: the first drawing lands on the phone's poster, labels
        // and all, where the view is at least the poster's size (a 360 px phone and up; 1.1 % of
        // pixels change at 390 px, 9.0 % with the desktop's poster there). A 320 px phone's
        // narrower view shows it at 91 %, its labels laid out wider (12 %, 11 % with the
        // desktop's), and a desktop's view, whose height follows the window's, the desktop's
        // poster scaled to fit (6.8 % at 1280 x 720): measured, not held.
        const changed = difference(shown.png, after.png);
        t.diagnostic(`${tag}: ${(100 * changed).toFixed(2)}% of the back view's pixels change when the drawing replaces the poster`);
        if (width >= 360 && width < 560) assert.ok(changed < SEAM_LIMIT, `the drawing replaces the poster seamlessly: ${(100 * changed).toFixed(2)}% of pixels change`);
        const shifts = await page.evaluate(() => window.shifts);
        assert.equal(shifts.reduce((sum, s) => sum + s.value, 0), 0, `layout shifts: ${JSON.stringify(shifts)}`);
        await screenshot(page, `${tag}-page`);
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });
  }
}

test('with scripts off, the demo page shows the poster and the sentence with its link', TIMEOUT, async () => {
  const { page, problems } = await openPage(browser, `${server.url}index.html`, { viewport: { width: 390, height: 740 }, context: { javaScriptEnabled: false } });
  try {
    // At 390 px, the phone's poster; the desktop's is not shown.
    assert.equal(await page.locator('posture-chain > svg:not(.phone)').isVisible(), false);
    const poster = page.locator('posture-chain > svg.phone');
    await poster.scrollIntoViewIfNeeded();
    const box = await poster.boundingBox();
    assert.ok(box && box.width > 300 && box.height > 300, `the poster shows: ${JSON.stringify(box)}`);
    const seen = await pixels(page, box);
    assert.ok(seen.colours > 20 && seen.inked > 0.05, JSON.stringify(seen));
    const sentence = page.locator('posture-chain noscript p');
    assert.equal(await sentence.isVisible(), true);
    assert.match(await sentence.textContent(), /needs JavaScript/);
    const link = sentence.locator('a');
    assert.equal(await link.isVisible(), true);
    const target = (await link.getAttribute('href')).slice(1);
    assert.equal(await page.locator(`[id="${target}"]`).count(), 1, 'the link leads to the page\'s explanation');
    assert.equal(await page.locator('posture-chain').evaluate((e) => e.getBoundingClientRect().bottom - e.querySelector('noscript p').getBoundingClientRect().bottom < 40), true, 'no room kept for a widget that will not come');
    await screenshot(page, 'poster-noscript');
    // With scripts off, Chromium refuses the page's module preload (and reports it as "csp").
    assert.deepEqual(problems.list().filter((p) => !/posture-chain\.js \(csp\)$/.test(p)), []);
  } finally {
    await page.context().close();
  }
});

test('with scripts off, embed.html shows the poster and its sentence', TIMEOUT, async () => {
  const { page, problems } = await openPage(browser, `${server.url}embed.html`, { viewport: { width: 412, height: 823 }, context: { javaScriptEnabled: false } });
  try {
    const box = await page.locator('posture-chain > svg.phone').boundingBox();
    assert.ok(box && box.width > 300, JSON.stringify(box));
    assert.equal(await page.locator('posture-chain > svg:not(.phone)').isVisible(), false);
    assert.match(await page.locator('posture-chain noscript p').textContent(), /needs JavaScript/);
    assert.equal(await page.locator('posture-chain noscript p').isVisible(), true);
    assert.deepEqual(problems.list(), []);
  } finally {
    await page.context().close();
  }
});
