// The <posture-chain> widget in Chromium: every way in (slider by mouse, the head by pointer,
// keys) changes the drawing and the read-outs; the live region speaks; reduced motion jumps;
// explain mode walks five steps; attributes are validated; axe finds nothing; screenshots at
// desktop and phone sizes go to target/e2e/.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import {
  canvasSignature,
  launchBrowser,
  openApp,
  screenshot,
  startServer,
  waitForCanvasChange,
} from './lib.mjs';

const TIMEOUT = { timeout: 60_000 };
const BACK = 'canvas.back';
const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');

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

/** Opens the demo page and waits until the widget has drawn and settled. */
async function open(options = {}) {
  const opened = await openApp(browser, server.url, { canvas: BACK, ...options });
  await settle(opened.page);
  return opened;
}

/** Waits until the element's posture has reached its inputs (the cascade is under a second). */
async function settle(page) {
  await page.waitForFunction(() => {
    const el = document.querySelector('posture-chain');
    return el?._widget?.isSettled() && !el._raf;
  }, null, { timeout: 5_000 });
}

/** The read-out table as text, one row per line. */
const readouts = (page) => page.locator('posture-chain tbody').innerText();
const liveText = (page) => page.locator('posture-chain .live').textContent();

test('loads with no console error, draws all three views and starts tilted 5°', TIMEOUT, async () => {
  for (const [name, viewport] of [['widget-desktop', { width: 1280, height: 800 }], ['widget-phone', { width: 390, height: 844 }]]) {
    const { page, problems } = await open({ viewport });
    try {
      for (const view of ['back', 'side', 'top']) {
        const sig = await canvasSignature(page, `canvas.${view}`);
        assert.ok(sig.colours > 20, `${view} view is drawn: ${JSON.stringify(sig)}`);
      }
      const back = await page.locator(BACK).boundingBox();
      const crisp = await page.locator(BACK).evaluate((c) => {
        const style = getComputedStyle(c);
        const w = parseFloat(style.width) - parseFloat(style.borderLeftWidth) - parseFloat(style.borderRightWidth);
        return { backing: c.width, device: w * devicePixelRatio };
      });
      assert.ok(Math.abs(crisp.backing - crisp.device) <= 1, `one canvas pixel per device pixel: ${JSON.stringify(crisp)}`);
      assert.equal(await page.locator('#head-tilt').inputValue(), '5');
      assert.match(await page.locator('#head-tilt').getAttribute('aria-valuetext'), /^5\.0 degrees to the right$/);
      const text = await page.locator('posture-chain').evaluate((el) => el.shadowRoot.textContent);
      assert.doesNotMatch(text, /NaN|undefined|Infinity/);
      if (name === 'widget-phone') {
        const side = await page.locator('canvas.side').boundingBox();
        assert.ok(side.y > back.y + back.height, 'views stack on a phone');
      } else {
        const side = await page.locator('canvas.side').boundingBox();
        assert.ok(Math.abs(side.y - back.y) < 1 && side.x > back.x + back.width, 'views sit side by side');
      }
      await screenshot(page, name);
      assert.deepEqual(problems.list(), []);
    } finally {
      await page.context().close();
    }
  }
});

test('dragging the slider with the mouse changes the drawing and the read-outs', TIMEOUT, async () => {
  const { page, problems } = await open();
  try {
    const slider = page.locator('#head-tilt');
    await slider.scrollIntoViewIfNeeded();
    const box = await slider.boundingBox();
    const before = await canvasSignature(page, BACK);
    const table = await readouts(page);
    await page.mouse.move(box.x + box.width * 0.62, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.1, box.y + box.height / 2, { steps: 8 });
    await page.mouse.up();
    assert.ok(Number(await slider.inputValue()) < 0, 'dragged to a left tilt');
    assert.notEqual((await waitForCanvasChange(page, BACK, before)).hash, before.hash);
    await settle(page);
    assert.notEqual(await readouts(page), table, 'the read-outs changed');
    assert.match(await page.locator('#head-tilt-out').textContent(), /left$/);
    assert.deepEqual(problems.list(), []);
  } finally {
    await page.context().close();
  }
});

test('dragging the head on the canvas tilts it, by mouse and by touch', TIMEOUT, async () => {
  const { page, problems } = await open();
  try {
    const canvas = page.locator(BACK);
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    const head = await page.locator('posture-chain').evaluate((el) => el.headPoint());
    const start = Number(await page.locator('#head-tilt').inputValue());
    const before = await canvasSignature(page, BACK);
    const table = await readouts(page);
    await page.mouse.move(box.x + head.x, box.y + head.y - 30);
    await page.mouse.down();
    await page.mouse.move(box.x + head.x + 40, box.y + head.y - 25, { steps: 6 });
    await page.mouse.up();
    const afterMouse = Number(await page.locator('#head-tilt').inputValue());
    assert.ok(afterMouse > start + 2, `pulled to the right: ${start} -> ${afterMouse}`);
    assert.notEqual((await waitForCanvasChange(page, BACK, before)).hash, before.hash);
    await settle(page);
    assert.notEqual(await readouts(page), table);

    // A touch drag the other way, as pointer events of type touch.
    const h = await page.locator('posture-chain').evaluate((el) => el.headPoint());
    const at = (dx) => ({ pointerId: 7, pointerType: 'touch', isPrimary: true, bubbles: true,
      clientX: box.x + h.x + dx, clientY: box.y + h.y - 30 });
    await canvas.dispatchEvent('pointerdown', at(0));
    for (const dx of [-10, -25, -45, -60]) await canvas.dispatchEvent('pointermove', at(dx));
    await canvas.dispatchEvent('pointerup', at(-60));
    const afterTouch = Number(await page.locator('#head-tilt').inputValue());
    assert.ok(afterTouch < afterMouse - 2, `pulled to the left by touch: ${afterMouse} -> ${afterTouch}`);
    assert.equal(await canvas.evaluate((c) => getComputedStyle(c).touchAction), 'pan-y pinch-zoom');
    assert.deepEqual(problems.list(), []);
  } finally {
    await page.context().close();
  }
});

test('the keyboard reaches and works every control, with visible focus', TIMEOUT, async () => {
  const { page, problems } = await open();
  try {
    const slider = page.locator('#head-tilt');
    await slider.focus();
    const outline = await slider.evaluate((el) => getComputedStyle(el).outlineStyle);
    assert.equal(outline, 'solid', 'focused slider shows an outline');
    const before = await canvasSignature(page, BACK);
    const table = await readouts(page);
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
    assert.equal(await slider.inputValue(), '8');
    assert.equal(await slider.getAttribute('aria-valuetext'), '8.0 degrees to the right');
    assert.notEqual((await waitForCanvasChange(page, BACK, before)).hash, before.hash);
    await settle(page);
    assert.notEqual(await readouts(page), table);

    const order = [];
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      order.push(await page.evaluate(() => {
        const active = document.querySelector('posture-chain').shadowRoot.activeElement;
        return active?.id || active?.dataset.act || active?.dataset.strat || active?.tagName;
      }));
    }
    assert.deepEqual(order, ['forward-head', 'leg-length', 'compensation', 'strategy', 'compare', 'puzzle', 'magnify', 'play', 'explain', 'reset']);
    const fwd = page.locator('#forward-head');
    await fwd.focus();
    await page.keyboard.press('End');
    assert.equal(await fwd.getAttribute('aria-valuetext'), '60 degrees forward');
    await page.locator('#leg-length').focus();
    await page.keyboard.press('Home');
    assert.equal(await page.locator('#leg-length').getAttribute('aria-valuetext'), 'left leg 30 millimetres longer');
    await page.locator('#compensation').focus();
    await page.keyboard.press('Home');
    assert.equal(await page.locator('#compensation').getAttribute('aria-valuetext'), 'none: the head just tilts');
    await settle(page);
    assert.match(await readouts(page), /outside/, 'a strained posture is marked in words');
    await page.locator('[data-act=reset]').focus();
    await page.keyboard.press('Enter');
    assert.equal(await slider.inputValue(), '5');
    assert.equal(await page.locator('#compensation').inputValue(), '100');
    assert.deepEqual(problems.list(), []);
  } finally {
    await page.context().close();
  }
});

test('the live region describes the posture once it settles', TIMEOUT, async () => {
  const { page, problems } = await open();
  try {
    await page.waitForFunction(() => document.querySelector('posture-chain').shadowRoot
      .querySelector('.live').textContent.length > 0);
    const first = await liveText(page);
    assert.match(first, /^Head tilted 5\.0° to the right; eyes (level|tilted [\d.]+°); .*shoulder.*; pelvis .*; \d+% of the weight on the (left|right) foot\.$/);
    await page.locator('#head-tilt').focus();
    for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowLeft');
    await page.waitForFunction((prev) => document.querySelector('posture-chain').shadowRoot
      .querySelector('.live').textContent !== prev, first);
    assert.match(await liveText(page), /^Head tilted 5\.0° to the left;/);
    assert.equal(await page.locator('posture-chain .live').getAttribute('aria-live'), 'polite');
    assert.deepEqual(problems.list(), []);
  } finally {
    await page.context().close();
  }
});

/** Presses ArrowLeft on the slider and samples the back view just after and a second later. */
async function motionSamples(page) {
  await page.locator('#head-tilt').focus();
  for (let i = 0; i < 16; i++) await page.keyboard.press('ArrowLeft');
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const early = await canvasSignature(page, BACK);
  await page.waitForTimeout(1200);
  const late = await canvasSignature(page, BACK);
  return { early, late };
}

test('reduced motion jumps straight to the new posture; otherwise it cascades', TIMEOUT, async () => {
  const reduced = await open();
  try {
    await reduced.page.emulateMedia({ reducedMotion: 'reduce' });
    const { early, late } = await motionSamples(reduced.page);
    assert.equal(early.hash, late.hash, 'nothing moves after the first frame');
  } finally {
    await reduced.page.context().close();
  }
  const animated = await open();
  try {
    const { early, late } = await motionSamples(animated.page);
    assert.notEqual(early.hash, late.hash, 'the cascade is still moving after two frames');
  } finally {
    await animated.page.context().close();
  }
});

test('explain mode walks the five steps of the cascade', TIMEOUT, async () => {
  const { page, problems } = await open();
  try {
    const title = page.locator('#explain-step');
    await page.locator('[data-act=explain]').click();
    await assert.doesNotReject(title.waitFor({ state: 'visible' }));
    assert.equal(await page.locator('[data-act=explain]').getAttribute('aria-pressed'), 'true');
    const seen = [];
    let before = await canvasSignature(page, BACK);
    for (let step = 1; step <= 5; step++) {
      const text = await title.textContent();
      assert.match(text, new RegExp(`^Step ${step} of 5: `));
      const caption = await page.locator('.explain .caption').textContent();
      assert.ok(caption.length > 40 && !seen.includes(caption), `step ${step} has its own caption`);
      seen.push(caption);
      if (step < 5) {
        await page.locator('[data-act=next]').click();
        const after = await waitForCanvasChange(page, BACK, before);
        assert.notEqual(after.hash, before.hash, `step ${step + 1} changes the drawing`);
        before = after;
      }
    }
    assert.ok(await page.locator('[data-act=next]').isDisabled(), 'no step 6');
    await page.locator('[data-act=prev]').click();
    assert.match(await title.textContent(), /^Step 4 of 5/);
    await page.keyboard.press('Escape');
    await title.waitFor({ state: 'hidden' });
    assert.deepEqual(problems.list(), []);
  } finally {
    await page.context().close();
  }
});

test('autoplay sweeps the head and stops on user input', TIMEOUT, async () => {
  const { page, problems } = await open();
  try {
    const play = page.locator('[data-act=play]');
    await play.click();
    assert.equal(await play.getAttribute('aria-pressed'), 'true');
    const values = new Set();
    for (let i = 0; i < 8; i++) {
      values.add(await page.locator('#head-tilt').inputValue());
      await page.waitForTimeout(150);
    }
    assert.ok(values.size > 3, `the slider follows the sweep: ${[...values]}`);
    await page.locator('#head-tilt').focus();
    await page.keyboard.press('ArrowRight');
    assert.equal(await play.getAttribute('aria-pressed'), 'false');
    const frozen = await page.locator('#head-tilt').inputValue();
    await page.waitForTimeout(400);
    assert.equal(await page.locator('#head-tilt').inputValue(), frozen);
    assert.deepEqual(problems.list(), []);
  } finally {
    await page.context().close();
  }
});

test('bad attributes warn and fall back; the element survives double loading and removal', TIMEOUT, async () => {
  const { page, problems } = await open();
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  try {
    await page.evaluate(async () => {
      await import(`./posture-chain.js?again=${Date.now()}`);
      const el = document.createElement('posture-chain');
      el.id = 'second';
      el.setAttribute('head-tilt', 'lots');
      el.setAttribute('leg-length', '99');
      el.setAttribute('compensation', 'maximum');
      el.setAttribute('brand-color', 'not-a-colour');
      el.loading = 'eager'; // far below the viewport: lazy would wait for a scroll
      document.body.append(el);
    });
    await page.waitForFunction(() => document.getElementById('second')?._widget?.isSettled());
    const second = page.locator('#second');
    assert.equal(await second.locator('#head-tilt').inputValue(), '5');
    assert.equal(await second.locator('#leg-length').inputValue(), '30');
    assert.equal(await second.locator('#compensation').inputValue(), '100');
    for (const name of ['head-tilt="lots"', 'leg-length="99"', 'compensation="maximum"', 'brand-color="not-a-colour"']) {
      assert.ok(warnings.some((w) => w.includes(name)), `a warning names ${name}: ${warnings}`);
    }
    await second.locator('#leg-length').fill('-12');
    await second.locator('#head-tilt').fill('-10');
    const warned = warnings.length;
    await second.locator('[data-act=reset]').click();
    assert.equal(await second.locator('#leg-length').inputValue(), '30', 'reset returns to the attributes');
    assert.equal(await second.locator('#head-tilt').inputValue(), '5');
    assert.equal(warnings.length, warned, 'reset does not warn again');
    const text = await second.evaluate((el) => el.shadowRoot.textContent);
    assert.doesNotMatch(text, /NaN|undefined/);
    await second.evaluate((el) => el.setAttribute('brand-color', '#8a1d5f'));
    assert.equal(await second.evaluate((el) => el.style.getPropertyValue('--brand')), '#8a1d5f');
    await second.evaluate((el) => el.remove());
    assert.equal(await page.evaluate(() => document.getElementById('second')), null);
    await page.waitForTimeout(200);
    assert.deepEqual(problems.list(), []);
  } finally {
    await page.context().close();
  }
});

test("the host page's inherited styles do not leak in, and the element adds nothing outside itself", TIMEOUT, async () => {
  const { page, problems } = await open();
  try {
    const globalsBefore = await page.evaluate(() => Object.keys(window).length);
    await page.evaluate(() => {
      document.body.style.letterSpacing = '6px';
      document.body.style.lineHeight = '4';
      document.body.style.textAlign = 'right';
      document.body.style.color = 'rgb(255, 0, 0)';
    });
    const inside = await page.locator('#head-tilt-out').evaluate((el) => {
      const s = getComputedStyle(el);
      return { letterSpacing: s.letterSpacing, textAlign: getComputedStyle(el.closest('.pc')).textAlign, color: s.color };
    });
    assert.deepEqual(inside, { letterSpacing: 'normal', textAlign: 'left', color: 'rgb(31, 35, 40)' });
    assert.equal(await page.evaluate(() => Object.keys(window).length), globalsBefore);
    assert.equal(await page.evaluate(() => document.head.querySelectorAll('style').length), 1, "only the demo page's own style");
    assert.deepEqual(problems.list(), []);
  } finally {
    await page.context().close();
  }
});

/** How many pixels of the canvas are within a few levels of the colour `hex`. */
const pixelsOf = (page, selector, hex) => page.locator(selector).evaluate((c, hex) => {
  const want = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let n = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (data[i + 3] > 250 && want.every((v, k) => Math.abs(data[i + k] - v) <= 6)) n++;
  }
  return n;
}, hex);

test('every usual range shown has a source; a measure with no agreed range is never marked', TIMEOUT, async () => {
  const { page, problems } = await open();
  try {
    const ranges = () => page.locator('posture-chain tbody td.range').allTextContents();
    assert.deepEqual(await ranges(), [
      'within 2°', 'no agreed range', 'within 1.6°', 'no agreed range', 'no agreed range',
      'within 20\u00a0mm', 'under 40\u00a0mm ahead', '48° or\u00a0more', 'head upright: 4.5\u2060–\u20605.4\u00a0kg',
    ]);
    const table = await page.locator('posture-chain tbody').innerText();
    assert.doesNotMatch(table, /under 10|within 1°|within 5°|under 7/, 'none of the old invented ranges');
    // The sources list under the table repeats each limit in words: it must say the same numbers.
    const sources = (await page.locator('posture-chain .sources').textContent()).replace(/\s+/g, ' ');
    for (const range of await ranges()) {
      for (const v of (range.match(/\d+(\.\d+)?/g) ?? []).map(Number)) {
        const said = [`${v}°`, `${v}–`, `–${v}`, `${v / 10} cm`].some((w) => sources.includes(w));
        assert.ok(said, `the sources list states the limit ${v} of "${range}": ${sources}`);
      }
    }
    // The most strained corners of the input space: nothing without a range is ever "outside".
    const corners = [
      { tilt: '20', fwd: '60', leg: '30', comp: '0' },
      { tilt: '-20', fwd: '60', leg: '-30', comp: '100' },
      { tilt: '20', fwd: '0', leg: '-30', comp: '50' },
    ];
    let outsides = 0;
    for (const c of corners) {
      await page.locator('#head-tilt').fill(c.tilt);
      await page.locator('#forward-head').fill(c.fwd);
      await page.locator('#leg-length').fill(c.leg);
      await page.locator('#compensation').fill(c.comp);
      await settle(page);
      const rows = await page.locator('posture-chain tbody tr').evaluateAll((trs) => trs.map((tr) => ({
        range: tr.querySelector('.range').textContent,
        out: tr.classList.contains('out'),
        flag: tr.querySelector('.flag') !== null,
      })));
      for (const row of rows) {
        assert.equal(row.out, row.flag, 'the mark is in words as well as colour');
        if (row.range === 'no agreed range' || row.range.startsWith('head upright')) {
          assert.equal(row.out, false, `no range, never "outside": ${JSON.stringify(c)}`);
        }
        if (row.out) outsides++;
      }
    }
    assert.ok(outsides > 0, 'strained corners are marked where a range exists');
    assert.deepEqual(problems.list(), []);
  } finally {
    await page.context().close();
  }
});

test('the brand colour reaches the drawing; a bad one warns and the default is drawn', TIMEOUT, async () => {
  const { page, problems } = await open();
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  try {
    const el = page.locator('posture-chain');
    assert.ok(await pixelsOf(page, BACK, '#1d5f8a') > 20, 'the default brand colour is drawn');
    await el.evaluate((e) => e.setAttribute('brand-color', '#8a1c7c'));
    await page.waitForFunction(() => !document.querySelector('posture-chain')._raf);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    assert.ok(await pixelsOf(page, BACK, '#8a1c7c') > 20, 'the clinic colour outlines the head');
    assert.equal(await pixelsOf(page, BACK, '#1d5f8a'), 0, 'and replaces the default everywhere');
    await screenshot(page, 'widget-brand');
    await el.evaluate((e) => e.setAttribute('brand-color', 'url(javascript:1)'));
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    assert.ok(warnings.some((w) => w.includes('brand-color')), `warned: ${warnings}`);
    assert.ok(await pixelsOf(page, BACK, '#1d5f8a') > 20, 'falls back to the default');
    assert.deepEqual(problems.list(), []);
  } finally {
    await page.context().close();
  }
});

test('axe-core finds no accessibility violations, in explain mode either', TIMEOUT, async () => {
  const { page } = await open();
  try {
    await page.addScriptTag({ path: AXE });
    const run = () => page.evaluate(async () => {
      const result = await window.axe.run(document);
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    assert.deepEqual(await run(), []);
    await page.locator('[data-act=explain]').click();
    await page.locator('#compensation').fill('0');
    await settle(page);
    assert.deepEqual(await run(), []);
  } finally {
    await page.context().close();
  }
});
