// <posture-chain> on a phone: one view at a time behind a tab list, the head-tilt slider right
// under it, and both on screen together once the widget's top is at the top of the screen, so that
// a reader who drags the slider watches the body move; the whole widget about a screen and a half;
// every tab shows its view, drawn, by click and by keys; axe finds nothing; on a desktop the tabs
// are gone and the three views sit side by side. The phone layout's screenshot goes to
// target/e2e/phone-layout.png.

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
const PHONE = { width: 390, height: 844 };
const SMALL_PHONE = { width: 320, height: 640 };
const DESKTOP = { width: 1280, height: 800 };
const VIEWS = ['back', 'side', 'top'];
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

/** Opens the demo page at `viewport` and waits until the widget has drawn and settled. */
async function open(viewport) {
  const opened = await openApp(browser, server.url, { canvas: 'canvas.back', viewport });
  await settle(opened.page);
  return opened;
}

/** Waits until the element's posture has reached its inputs and no frame is pending. */
async function settle(page) {
  await page.waitForFunction(() => {
    const el = document.querySelector('posture-chain');
    return el?._widget?.isSettled() && !el._raf;
  }, null, { timeout: 5_000 });
}

/** Two animation frames: whatever a click scheduled has been drawn. */
const frames = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/** Scrolls the page so that the widget's top is at the top of the screen. */
async function scrollToWidget(page) {
  await page.evaluate(() => window.scrollBy(0, document.querySelector('posture-chain').getBoundingClientRect().top));
  const top = await page.evaluate(() => document.querySelector('posture-chain').getBoundingClientRect().top);
  assert.ok(Math.abs(top) < 1, `the widget's top is at the top of the screen: ${top}`);
}

/** Where the widget, a view's canvas and the head-tilt slider are, in viewport pixels. */
const boxes = (page, view) => page.evaluate((view) => {
  const el = document.querySelector('posture-chain');
  const box = (e) => {
    const { top, bottom, left, right, height } = e.getBoundingClientRect();
    return { top, bottom, left, right, height };
  };
  return {
    widget: box(el),
    canvas: box(el.shadowRoot.querySelector(`canvas.${view}`)),
    slider: box(el.shadowRoot.getElementById('head-tilt')),
    screen: { width: innerWidth, height: innerHeight },
  };
}, view);

/** Which views' canvases show. */
const visibleViews = async (page) => {
  const shown = [];
  for (const view of VIEWS) if (await page.locator(`posture-chain canvas.${view}`).isVisible()) shown.push(view);
  return shown;
};

/** Asserts that `box` lies wholly inside the screen. */
function assertOnScreen(box, screen, what) {
  const inside = box.top >= 0 && box.left >= 0 && box.bottom <= screen.height && box.right <= screen.width;
  assert.ok(inside, `${what} is wholly on screen: ${JSON.stringify(box)} in ${JSON.stringify(screen)}`);
}

/** Asserts that only `view` shows, its tab is the selected one, and its canvas is sized and drawn. */
async function assertShows(page, view) {
  assert.deepEqual(await visibleViews(page), [view], `only the ${view} view shows`);
  const tabs = await page.locator('posture-chain [role=tab]').evaluateAll((ts) => ts.map((t) => ({
    view: t.dataset.view, selected: t.getAttribute('aria-selected'), tabIndex: t.tabIndex,
    controls: t.getAttribute('aria-controls'),
  })));
  for (const tab of tabs) {
    const on = tab.view === view;
    assert.equal(tab.selected, String(on), `${tab.view} tab aria-selected`);
    assert.equal(tab.tabIndex, on ? 0 : -1, `${tab.view} tab is ${on ? 'in' : 'out of'} the tab order`);
  }
  const panel = tabs.find((t) => t.view === view).controls;
  assert.equal(await page.locator(`posture-chain #${panel} canvas.${view}`).count(), 1, 'the tab controls its view');
  const canvas = page.locator(`posture-chain canvas.${view}`);
  const size = await canvas.evaluate((c) => ({ backing: c.width, device: c.clientWidth * devicePixelRatio }));
  assert.ok(size.backing > 100 && Math.abs(size.backing - size.device) <= 1, `the ${view} canvas is sized to its box: ${JSON.stringify(size)}`);
  const sig = await canvasSignature(page, canvas);
  assert.ok(sig.colours > 20, `the ${view} view is drawn: ${JSON.stringify(sig)}`);
  const text = await page.locator('posture-chain').evaluate((el) => el.shadowRoot.textContent);
  assert.doesNotMatch(text, /NaN|undefined|Infinity/);
}

for (const [name, viewport] of [['390x844', PHONE], ['320x640', SMALL_PHONE]]) {
  test(`at ${name} the view and the head-tilt slider are on screen together`, TIMEOUT, async (t) => {
    const { page, problems } = await open(viewport);
    try {
      assert.ok(await page.locator('posture-chain [role=tablist]').isVisible(), 'the tabs show');
      await scrollToWidget(page);
      for (const view of VIEWS) {
        await page.locator(`posture-chain [data-view=${view}]`).click();
        await frames(page);
        await scrollToWidget(page);
        assert.deepEqual(await visibleViews(page), [view]);
        const b = await boxes(page, view);
        assertOnScreen(b.canvas, b.screen, `the ${view} view`);
        assertOnScreen(b.slider, b.screen, 'the head-tilt slider');
        assert.ok(b.slider.top >= b.canvas.bottom, 'the slider is under the view');
        t.diagnostic(`${view}: canvas bottom ${b.canvas.bottom.toFixed(0)} px, slider bottom ${b.slider.bottom.toFixed(0)} px, widget ${b.widget.height.toFixed(0)} px tall, screen ${b.screen.height} px`);
        if (viewport === PHONE) {
          // About a screen and a half: the strategy's row and its two buttons (issue 9) add 60 px,
          // and its select goes under its label (27 px), where squeezed beside it the select could cut
          // off "Whole chain (a hypothesis)": a hypothesis must be named whole.
          assert.ok(b.widget.height <= 1.65 * viewport.height, `the widget is about a screen and a half: ${b.widget.height} px`);
        }
      }
      if (viewport === PHONE) {
        await page.locator('posture-chain [data-view=back]').click();
        await frames(page);
        await screenshot(page, 'phone-layout');
      }
      assert.deepEqual(problems.list(), []);
    } finally {
      await page.context().close();
    }
  });
}

test('on a phone, dragging the slider with the mouse moves the view in sight', TIMEOUT, async () => {
  const { page, problems } = await open(PHONE);
  try {
    for (const view of ['back', 'side']) {
      await page.locator(`posture-chain [data-view=${view}]`).click();
      await settle(page);
      await scrollToWidget(page);
      const canvas = `posture-chain canvas.${view}`;
      const slider = page.locator('#head-tilt');
      const box = await slider.boundingBox();
      const before = await canvasSignature(page, canvas);
      const start = Number(await slider.inputValue());
      const [from, to] = view === 'back' ? [0.62, 0.1] : [0.1, 0.9];
      await page.mouse.move(box.x + box.width * from, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * to, box.y + box.height / 2, { steps: 8 });
      // While the finger is still down, the view is on screen and has moved.
      const moved = await waitForCanvasChange(page, canvas, before);
      assert.notEqual(moved.hash, before.hash, `the ${view} view moves while the slider is dragged`);
      const b = await boxes(page, view);
      assertOnScreen(b.canvas, b.screen, `the ${view} view during the drag`);
      await page.mouse.up();
      const end = Number(await slider.inputValue());
      assert.ok(view === 'back' ? end < 0 : end > start, `dragged ${start} -> ${end}`);
    }
    assert.deepEqual(problems.list(), []);
  } finally {
    await page.context().close();
  }
});

test('each tab shows its view, drawn at once, by click and by the keys of the tab list', TIMEOUT, async () => {
  const { page, problems } = await open(PHONE);
  try {
    await assertShows(page, 'back');
    // A hidden view is kept drawn: one changed while the back view shows comes up changed.
    const sideBefore = await canvasSignature(page, 'posture-chain canvas.side');
    await page.locator('#head-tilt').fill('-12');
    await settle(page);
    await page.locator('posture-chain [data-view=side]').click();
    await frames(page);
    await assertShows(page, 'side');
    assert.notEqual((await canvasSignature(page, 'posture-chain canvas.side')).hash, sideBefore.hash,
      'the side view shows the new posture');
    await page.locator('posture-chain [data-view=top]').click();
    await frames(page);
    await assertShows(page, 'top');
    await page.locator('posture-chain [data-view=back]').click();
    await frames(page);
    await assertShows(page, 'back');

    // Keys: Right and Left move round the tabs, Home and End go to the ends, focus follows.
    const focused = () => page.evaluate(() => document.querySelector('posture-chain').shadowRoot.activeElement?.dataset.view);
    await page.locator('posture-chain [data-view=back]').focus();
    for (const [key, view] of [['ArrowRight', 'side'], ['ArrowRight', 'top'], ['ArrowRight', 'back'],
      ['ArrowLeft', 'top'], ['Home', 'back'], ['End', 'top'], ['ArrowLeft', 'side']]) {
      await page.keyboard.press(key);
      await frames(page);
      assert.equal(await focused(), view, `${key} focuses the ${view} tab`);
      await assertShows(page, view);
    }
    // Tab leaves the tab list for the view shown, then reaches the head-tilt slider.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.querySelector('posture-chain').shadowRoot.activeElement?.id), 'view-side');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.querySelector('posture-chain').shadowRoot.activeElement?.id), 'head-tilt');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.querySelector('posture-chain').shadowRoot.activeElement?.id), 'forward-head');
    assert.deepEqual(problems.list(), []);
  } finally {
    await page.context().close();
  }
});

test('axe-core finds no accessibility violations at phone size, on any tab or in explain mode', TIMEOUT, async () => {
  const { page, problems } = await open(PHONE);
  try {
    await page.addScriptTag({ path: AXE });
    const run = () => page.evaluate(async () => {
      const result = await window.axe.run(document);
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    assert.deepEqual(await run(), []);
    for (const view of ['side', 'top']) {
      await page.locator(`posture-chain [data-view=${view}]`).click();
      assert.deepEqual(await run(), [], `with the ${view} view`);
    }
    await page.locator('[data-act=explain]').click();
    await settle(page);
    assert.deepEqual(await run(), [], 'in explain mode');
    assert.deepEqual(problems.list(), []);
  } finally {
    await page.context().close();
  }
});

test('at 1280x800 there are no tabs and the three views sit side by side; resizing keeps the view chosen', TIMEOUT, async () => {
  const { page, problems } = await open(DESKTOP);
  try {
    const tablist = page.locator('posture-chain [role=tablist]');
    assert.equal(await tablist.isVisible(), false, 'no tabs');
    assert.equal(await tablist.evaluate((e) => getComputedStyle(e).display), 'none', 'and none in the accessibility tree');
    assert.equal(await page.locator('posture-chain [role=tabpanel]').count(), 0, 'the views are not tab panels');
    assert.deepEqual(await visibleViews(page), VIEWS);
    const [back, side, top] = await Promise.all(VIEWS.map((v) => page.locator(`posture-chain canvas.${v}`).boundingBox()));
    assert.ok(Math.abs(side.y - back.y) < 1 && Math.abs(top.y - back.y) < 1, 'in one row');
    assert.ok(side.x >= back.x + back.width && top.x >= side.x + side.width, 'back, side, top from the left');
    const inFieldset = () => page.locator('#head-tilt').evaluate((e) => e.closest('fieldset') !== null);
    assert.equal(await inFieldset(), true, 'the slider is with the other controls');

    // Down to a phone: one view, the slider under it; up again: as before.
    await page.setViewportSize(PHONE);
    await frames(page);
    assert.deepEqual(await visibleViews(page), ['back']);
    assert.equal(await inFieldset(), false, 'on a phone the slider is under the view');
    await page.locator('posture-chain [data-view=top]').click();
    await page.locator('#head-tilt').focus();
    await page.setViewportSize(DESKTOP);
    await frames(page);
    assert.deepEqual(await visibleViews(page), VIEWS);
    assert.equal(await inFieldset(), true);
    assert.equal(await page.evaluate(() => document.querySelector('posture-chain').shadowRoot.activeElement?.id), 'head-tilt',
      'the slider keeps the focus when it moves');
    await page.setViewportSize(PHONE);
    await frames(page);
    await assertShows(page, 'top');
    assert.deepEqual(problems.list(), []);
  } finally {
    await page.context().close();
  }
});
