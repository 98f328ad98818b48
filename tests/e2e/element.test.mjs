// <posture-chain> behaves like a built-in element (model-viewer is the bar): attributes and
// camelCase properties reflect each other; load, change and error events; the styling surface
// (custom properties and parts); loading="lazy" fetches the wasm only near the viewport; it takes
// neither focus nor the wheel from the page, and a vertical swipe on its drawing scrolls the page
// while a touch on the head drags the head.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, canvasSignature, launchBrowser, openPage, startServer } from './lib.mjs';
import { MEASURES } from '../../www/generated.js';

const TIMEOUT = { timeout: 60_000 };

const page = (body, head = '') => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>A host page</title><script type="module" src="./posture-chain.js"></script>${head}</head>
<body><main><h1>A host page</h1><h2>An illustration</h2>${body}</main></body></html>`;

const SPACER = '<div class="spacer"></div>';
const STYLE = `<style>
  .spacer { height: 3000px; }
  #styled { --posture-chain-brand: rgb(11, 110, 79); }
  #styled::part(measures) { font-size: 11px; }
</style>`;

let server;
let browser;
before(async () => {
  server = await startServer({
    pages: {
      '/element.html': page('<p>Text before.</p><posture-chain id="a" head-tilt="3"><p id="fallback">A sentence for when it cannot run.</p></posture-chain><p>Text after.</p>' + SPACER, STYLE),
      '/styled.html': page('<posture-chain id="styled"></posture-chain>', STYLE),
      '/lazy.html': page(`<p>Far above it.</p>${SPACER}${SPACER}<posture-chain id="far"></posture-chain>`, STYLE),
    },
  });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a test page, recording each `load`, `change` and `error` event of every element. */
async function open(path, options = {}) {
  const opened = await openPage(browser, server.url + path, {
    ...options,
    initScript: () => {
      window.events = [];
      for (const type of ['load', 'change', 'error']) {
        document.addEventListener(type, (e) => {
          if (e.target.localName === 'posture-chain') window.events.push({ type, id: e.target.id, detail: e.detail ?? null });
        }, true);
      }
    },
  });
  return opened;
}

const settled = (page, id) => page.waitForFunction((i) => {
  const el = document.getElementById(i);
  return el?._widget?.isSettled() && !el._raf;
}, id, { timeout: 15_000 });
const events = (page, type) => page.evaluate((t) => window.events.filter((e) => e.type === t), type);

test('attributes and camelCase properties reflect each other; change tells its source', TIMEOUT, async () => {
  const { page: p, problems } = await open('element.html');
  try {
    await settled(p, 'a');
    assert.equal((await events(p, 'load')).length, 1, 'one load event');
    const el = p.locator('#a');
    assert.equal(await el.evaluate((e) => e.headTilt), 3);
    assert.equal(await el.evaluate((e) => e.legLength), 0, 'a missing attribute reads as the start value');
    assert.equal(await el.evaluate((e) => e.loading), 'lazy');
    await el.evaluate((e) => { e.headTilt = 8; });
    assert.equal(await el.getAttribute('head-tilt'), '8');
    assert.equal(await el.locator('#head-tilt').inputValue(), '8');
    await el.evaluate((e) => e.setAttribute('leg-length', '-4'));
    assert.equal(await el.evaluate((e) => e.legLength), -4);
    await el.evaluate((e) => { e.compensation = 'partial'; });
    assert.equal(await el.getAttribute('compensation'), 'partial');
    assert.equal(await el.evaluate((e) => e.compensation), 0.5);
    await el.evaluate((e) => { e.brandColor = '#8a1d5f'; });
    assert.equal(await el.getAttribute('brand-color'), '#8a1d5f');
    await el.evaluate((e) => { e.headTilt = null; });
    assert.equal(await el.getAttribute('head-tilt'), null);
    assert.equal(await el.evaluate((e) => e.headTilt), 5, 'no attribute: the start value');

    const changes = await events(p, 'change');
    assert.ok(changes.length >= 4 && changes.every((c) => c.detail.source === 'attribute'), JSON.stringify(changes.map((c) => c.detail.source)));
    const last = changes.at(-1).detail;
    assert.deepEqual(Object.keys(last.inputs), ['headTiltDeg', 'forwardHeadDeg', 'anatomicLegLengthDiffMm', 'compensation', 'strategy', 'toneSpread']);
    assert.equal(last.inputs.anatomicLegLengthDiffMm, -4);
    assert.equal(last.inputs.strategy, 1, 'the default strategy: spine');

    // The strategy attribute reaches the model by name (its controls are another change's), and
    // the chain carries the head tilt down to the pelvis (the right hip held higher).
    const OBLIQUITY = MEASURES.findIndex((m) => m.key === 'pelvicObliquityDeg');
    const obliquity = async () => {
      await settled(p, 'a');
      return el.evaluate((e, i) => e._widget.readout(i, true), OBLIQUITY);
    };
    const spine = await obliquity();
    await el.evaluate((e) => e.setAttribute('strategy', 'chain'));
    assert.equal(await el.evaluate((e) => e.strategy), 2);
    assert.equal((await events(p, 'change')).at(-1).detail.inputs.strategy, 2);
    const chain = await obliquity();
    assert.ok(chain > spine + 0.1, `pelvic obliquity ${chain}° under the chain, ${spine}° under spine`);
    await el.evaluate((e) => { e.strategy = null; });
    assert.ok(Object.keys(last.measures).length >= 10 && Object.values(last.measures).every(Number.isFinite), JSON.stringify(last.measures));

    await el.locator('#head-tilt').focus();
    await p.keyboard.press('ArrowLeft');
    assert.equal((await events(p, 'change')).at(-1).detail.source, 'user');
    await el.locator('[data-act=play]').click();
    await p.waitForFunction(() => window.events.some((e) => e.type === 'change' && e.detail.source === 'autoplay'));
    await el.locator('[data-act=play]').click();
    assert.deepEqual(problems.list(), []);
  } finally {
    await p.context().close();
  }
});

test('custom properties and parts style it from the host page', TIMEOUT, async () => {
  const { page: p, problems } = await open('styled.html');
  try {
    await settled(p, 'styled');
    const el = p.locator('#styled');
    assert.equal(await el.locator('[data-act=reset]').evaluate((b) => getComputedStyle(b).borderTopColor), 'rgb(11, 110, 79)');
    assert.equal(await el.locator('table').evaluate((t) => getComputedStyle(t.parentElement).fontSize), '11px');
    const parts = await el.evaluate((e) => [...e.shadowRoot.querySelectorAll('[part]')].map((n) => n.getAttribute('part')));
    for (const name of ['base', 'views', 'view view-back', 'view view-side', 'view view-top', 'controls', 'measures', 'legend']) {
      assert.ok(parts.includes(name), `part ${name} in ${parts}`);
    }
    assert.deepEqual(await axeViolations(p), []);
    assert.deepEqual(problems.list(), []);
  } finally {
    await p.context().close();
  }
});

test('loading="lazy" fetches the wasm only near the viewport; "eager" at once', TIMEOUT, async () => {
  const { page: p, problems, responses } = await open('lazy.html');
  try {
    const wasm = () => responses.filter((r) => r.url().endsWith('.wasm')).length;
    await p.waitForTimeout(500);
    assert.equal(wasm(), 0, 'nothing fetched while the element is far below');
    assert.equal(await p.evaluate(() => document.getElementById('far')._widget), null);
    await p.locator('#far').scrollIntoViewIfNeeded();
    await settled(p, 'far');
    assert.equal(wasm(), 1);
    assert.equal((await events(p, 'load')).length, 1);
    assert.ok((await canvasSignature(p, '#far canvas.back')).colours > 20);
    assert.deepEqual(problems.list(), []);
  } finally {
    await p.context().close();
  }
  const eager = await open('lazy.html');
  const warnings = [];
  eager.page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  try {
    await eager.page.evaluate(() => {
      const el = document.createElement('posture-chain');
      el.id = 'eager';
      el.loading = 'eager';
      document.querySelector('main').append(el);
      const odd = document.createElement('posture-chain');
      odd.setAttribute('loading', 'soon');
      document.querySelector('main').append(odd);
    });
    await settled(eager.page, 'eager');
    assert.ok(warnings.some((w) => w.includes('loading="soon" should be lazy or eager')), `warned: ${warnings}`);
    assert.equal(await eager.page.evaluate(() => document.getElementById('far')._widget), null, 'the lazy one still waits');
    assert.deepEqual(eager.problems.list(), []);
  } finally {
    await eager.page.context().close();
  }
});

test('it takes neither focus nor the wheel; a swipe on the drawing scrolls the page, a touch on the head does not', TIMEOUT, async () => {
  const { page: p, problems } = await open('element.html', { context: { hasTouch: true } });
  try {
    await settled(p, 'a');
    assert.equal(await p.evaluate(() => document.activeElement === document.body), true, 'focus stays on the page');
    const back = p.locator('#a canvas.back');
    await back.scrollIntoViewIfNeeded();
    const box = await back.boundingBox();
    const y0 = await p.evaluate(() => scrollY);
    await p.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await p.mouse.wheel(0, 300);
    await p.waitForFunction((y) => scrollY > y, y0);
    assert.equal(await back.evaluate((c) => getComputedStyle(c).touchAction), 'pan-y pinch-zoom');

    // Real touches through the DevTools protocol (Chromium's input pipeline, which scrolls).
    const cdp = await p.context().newCDPSession(p);
    const swipe = async (x, y, dx, dy) => {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
      for (let i = 1; i <= 10; i++) {
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: x + (dx * i) / 10, y: y + (dy * i) / 10 }] });
        await p.waitForTimeout(16);
      }
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      await p.waitForTimeout(300);
    };
    await p.evaluate(() => scrollTo(0, 0));
    const at = await back.boundingBox();
    await swipe(Math.round(at.x + 12), Math.round(at.y + 300), 0, -250);
    const y2 = await p.evaluate(() => scrollY);
    assert.ok(y2 > 100, `a vertical swipe on the drawing scrolls the page: 0 -> ${y2}`);

    // One that starts on the head is the widget's: the page stays, the head tilts.
    await p.evaluate(() => scrollTo(0, 0));
    const head = await p.locator('#a').evaluate((e) => e.headPoint());
    const tilt = Number(await p.locator('#a #head-tilt').inputValue());
    await swipe(Math.round(at.x + head.x), Math.round(at.y + head.y - 30), -60, -120);
    assert.equal(await p.evaluate(() => scrollY), 0, 'a touch on the head does not scroll the page');
    assert.ok(Number(await p.locator('#a #head-tilt').inputValue()) < tilt - 2, 'it drags the head');
    assert.deepEqual(problems.list(), []);
  } finally {
    await p.context().close();
  }
});

test('a wasm that cannot load gives an error event with its type and a message in the element', TIMEOUT, async () => {
  const context = await browser.newContext();
  const p = await context.newPage();
  const errors = [];
  p.on('pageerror', (e) => errors.push(String(e)));
  await p.route('**/*.wasm', (route) => route.fulfill({ status: 200, contentType: 'application/wasm', body: Buffer.from('not wasm') }));
  await p.addInitScript(() => {
    window.failed = [];
    document.addEventListener('error', (e) => e.target.localName === 'posture-chain' && window.failed.push(e.detail.type), true);
  });
  try {
    await p.goto(`${server.url}element.html`);
    await p.waitForFunction(() => window.failed.length > 0);
    assert.deepEqual(await p.evaluate(() => window.failed), ['wasm']);
    assert.match(await p.locator('#a .fail').textContent(), /could not start/);
    assert.equal(await p.locator('#fallback').isVisible(), true, 'the light-DOM fallback shows');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('on the demo page, a wasm that never arrives leaves the poster, with the message and the error event', TIMEOUT, async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const p = await context.newPage();
  const errors = [];
  p.on('pageerror', (e) => errors.push(String(e)));
  await p.route('**/*.wasm', (route) => route.abort());
  await p.addInitScript(() => {
    window.failed = [];
    document.addEventListener('error', (e) => e.target.localName === 'posture-chain' && window.failed.push(e.detail.type), true);
  });
  try {
    await p.goto(`${server.url}index.html`);
    await p.locator('posture-chain').scrollIntoViewIfNeeded();
    await p.waitForFunction(() => window.failed.length > 0);
    assert.deepEqual(await p.evaluate(() => window.failed), ['wasm']);
    assert.match(await p.locator('posture-chain .fail').textContent(), /could not start/);
    const poster = p.locator('posture-chain > svg:not(.phone)');
    assert.equal(await poster.isVisible(), true, 'the poster stays');
    assert.equal(await p.locator('posture-chain > svg.phone').isVisible(), false, 'the desktop\'s, not the phone\'s');
    const box = await poster.boundingBox();
    assert.ok(box.width >= 300 && box.height >= 400, `at its own size or the view's: ${JSON.stringify(box)}`);
    // On a phone, the phone's.
    await p.setViewportSize({ width: 390, height: 740 });
    await p.waitForFunction(() => document.querySelector('posture-chain > svg.phone').getBoundingClientRect().width > 0);
    assert.equal(await poster.isVisible(), false, 'the phone\'s poster on a phone');
    assert.equal(await p.locator('posture-chain canvas').count(), 0, 'no empty canvas instead');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
