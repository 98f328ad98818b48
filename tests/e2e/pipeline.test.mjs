// The pipeline, end to end: the built page loads cleanly in Chromium, the wasm arrives as
// application/wasm, the canvas is drawn, and the head-tilt slider redraws it by mouse and keys.
// Selectors are Playwright locators, which also find the slider and canvas inside the
// <posture-chain> element's open shadow root.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  canvasSignature,
  launchBrowser,
  openApp,
  screenshot,
  startServer,
  waitForCanvasChange,
} from './lib.mjs';

const SLIDER = '#head-tilt';
const CANVAS = 'canvas';
const TIMEOUT = { timeout: 60_000 };

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
}, TIMEOUT);

after(async () => {
  await browser?.close();
  await server?.close();
}, TIMEOUT);

test('the page loads with no console error, failed request or third-party request', TIMEOUT, async () => {
  const { page, problems } = await openApp(browser, server.url);
  try {
    await page.waitForTimeout(200);
    assert.deepEqual(problems.list(), []);
    await screenshot(page, 'pipeline');
  } finally {
    await page.context().close();
  }
});

test('the wasm module is served as application/wasm', TIMEOUT, async () => {
  const { page, responses } = await openApp(browser, server.url);
  try {
    const wasm = responses.filter((r) => new URL(r.url()).pathname.endsWith('.wasm'));
    assert.ok(wasm.length > 0, `no .wasm request among ${responses.map((r) => r.url()).join(', ')}`);
    for (const response of wasm) {
      assert.equal(response.status(), 200, response.url());
      assert.equal(response.headers()['content-type'], 'application/wasm', response.url());
    }
  } finally {
    await page.context().close();
  }
});

test('the canvas is drawn: its pixels vary', TIMEOUT, async () => {
  const { page } = await openApp(browser, server.url);
  try {
    const signature = await canvasSignature(page, CANVAS);
    assert.ok(signature.width > 0 && signature.height > 0, JSON.stringify(signature));
    assert.ok(signature.colours > 1, `blank canvas: ${JSON.stringify(signature)}`);
    assert.ok(signature.inkFraction > 0.001, `almost blank canvas: ${JSON.stringify(signature)}`);
  } finally {
    await page.context().close();
  }
});

test('dragging the head-tilt slider with the mouse redraws the canvas', TIMEOUT, async () => {
  const { page, problems } = await openApp(browser, server.url);
  try {
    const slider = page.locator(SLIDER);
    await slider.scrollIntoViewIfNeeded();
    const box = await slider.boundingBox();
    assert.ok(box, 'the slider has no box: is it visible?');
    const valueBefore = await slider.inputValue();
    const before = await canvasSignature(page, CANVAS);
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width * 0.5, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.3, y, { steps: 5 });
    await page.mouse.move(box.x + box.width * 0.1, y, { steps: 5 });
    await page.mouse.up();
    const valueAfter = await slider.inputValue();
    assert.notEqual(valueAfter, valueBefore, 'the drag did not move the slider');
    const after = await waitForCanvasChange(page, CANVAS, before);
    assert.notEqual(after.hash, before.hash, `the canvas did not change when the slider went ${valueBefore} -> ${valueAfter}`);
    assert.deepEqual(problems.list(), []);
  } finally {
    await page.context().close();
  }
});

test('the arrow keys on the focused slider redraw the canvas', TIMEOUT, async () => {
  const { page, problems } = await openApp(browser, server.url);
  try {
    const slider = page.locator(SLIDER);
    await slider.focus();
    const start = await canvasSignature(page, CANVAS);
    const startValue = await slider.inputValue();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
    const leftValue = await slider.inputValue();
    assert.ok(Number(leftValue) < Number(startValue), `ArrowLeft moved the slider ${startValue} -> ${leftValue}`);
    const left = await waitForCanvasChange(page, CANVAS, start);
    assert.notEqual(left.hash, start.hash, 'ArrowLeft did not change the canvas');

    for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowRight');
    const rightValue = await slider.inputValue();
    assert.ok(Number(rightValue) > Number(leftValue), `ArrowRight moved the slider ${leftValue} -> ${rightValue}`);
    const right = await waitForCanvasChange(page, CANVAS, left);
    assert.notEqual(right.hash, left.hash, 'ArrowRight did not change the canvas');
    assert.deepEqual(problems.list(), []);
  } finally {
    await page.context().close();
  }
});
