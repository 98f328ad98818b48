// The presenter's kit of <posture-chain> in Chromium (www/presenter.js, www/themes.js): full
// screen through the Fullscreen API and, without it (as on iPhone Safari), as a full-window
// overlay, with the presentation layout's type measured at 1920x1080; the colour themes on the
// controls (their computed colours' contrast) and on the canvas (its pixels), "auto" following the
// emulated colour scheme live, forced colours; the shortcuts with focus inside the widget and not
// outside it; the help dialog; printing to one A4 and one Letter page; axe-core in every theme and
// in full screen. Screenshots go to target/e2e/presenter-*.png.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  OUTPUT_DIR, axeViolations, canvasSignature, launchBrowser, openApp, screenshot, startServer, waitForCanvasChange,
  waitForCanvasStable,
} from './lib.mjs';

const TIMEOUT = { timeout: 120_000 };
const BACK = 'posture-chain canvas.back';
const PROJECTOR_SCREEN = { width: 1920, height: 1080 };

// A page with the element alone, for printing and for the keys' host page: a button and a text
// field of the host's own, and a record of the keys the host page's own handler sees.
const HOST = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title>
<script type="module" src="/posture-chain.js"></script></head><body>
<h1>A lesson</h1><button id="host-button">Host button</button> <input id="host-field" aria-label="Host field">
<posture-chain loading="eager"></posture-chain></body></html>`;

/** The host page's own key handler (an init script: it runs before the page's scripts). */
const HOST_KEYS = () => {
  window.hostKeys = [];
  document.addEventListener('keydown', (e) => window.hostKeys.push(e.key));
};

let server;
let browser;

before(async () => {
  server = await startServer({ pages: { '/host.html': HOST } });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Waits until the element's posture has reached its inputs and no frame is pending. */
const settle = (page) => page.waitForFunction(() => {
  const el = document.querySelector('posture-chain');
  return el?._widget?.isSettled() && !el._raf;
}, null, { timeout: 10_000 });

/** Opens a page with the widget drawn and settled. */
async function open(path = '', options = {}) {
  const opened = await openApp(browser, server.url + path, { canvas: BACK, ...options });
  await settle(opened.page);
  return opened;
}

/** What the shadow root has in focus (its id, data-act or tag), or null when focus is outside it. */
const focused = (page) => page.evaluate(() => {
  const el = document.querySelector('posture-chain');
  if (document.activeElement !== el) return null;
  const a = el.shadowRoot.activeElement;
  return a ? a.id || a.dataset.act || a.dataset.tool || a.localName : 'host';
});

/** The element's state as a reader would see it. */
const state = (page) => page.evaluate(() => {
  const el = document.querySelector('posture-chain');
  const r = el.shadowRoot;
  return {
    tilt: Number(r.getElementById('head-tilt').value),
    explain: r.querySelector('.explain').hidden ? null : r.getElementById('explain-step').textContent,
    playing: r.querySelector('[data-act=play]').getAttribute('aria-pressed') === 'true',
    help: Boolean(r.querySelector('dialog.help')?.open),
    fullscreen: el._fsMode ?? null,
    live: r.querySelector('.live').textContent,
  };
});

// ---- Full screen ----

/** The presentation layout's sizes: the views' canvases and the drawn label sizes (the scene's
 * 12, 13 and 16 px type times the zoom), the read-outs', captions' and step captions' type. */
const presentationSizes = (page) => page.evaluate(() => {
  const el = document.querySelector('posture-chain');
  const r = el.shadowRoot;
  const px = (sel) => {
    const n = r.querySelector(sel);
    return parseFloat(getComputedStyle(n).fontSize) * (n.currentCSSZoom ?? 1);
  };
  return {
    views: el._ui.canvases.map((c) => [c.clientWidth, c.clientHeight]),
    zoom: el._z,
    labelsPx: [12, 13, 16].map((s) => Math.round(s * el._z * 10) / 10),
    readoutPx: px('td.val'),
    readoutNamePx: px('tbody th'),
    captionPx: px('figcaption'),
    stepPx: px('.explain .caption'),
  };
});

test('full screen by its button and by F: the Fullscreen API, a presentation layout in large type at 1920x1080, focus kept', TIMEOUT, async (t) => {
  const { page, problems } = await open('', { viewport: PROJECTOR_SCREEN });
  try {
    const before = await canvasSignature(page, BACK);
    const small = await page.evaluate(() => document.querySelector('posture-chain')._ui.canvases[0].clientWidth);
    const button = page.locator('posture-chain [data-tool=fullscreen]');
    await button.click();
    await page.waitForFunction(() => document.fullscreenElement === document.querySelector('posture-chain'));
    await settle(page);
    assert.equal((await state(page)).fullscreen, 'api');
    assert.equal(await button.textContent(), 'Exit full screen');
    assert.equal(await focused(page), 'fullscreen', 'focus stays on the button');
    assert.match((await state(page)).live, /^Full screen/);
    // Explain open, so that its caption is measured too.
    await page.keyboard.press('2');
    await settle(page);
    const sizes = await presentationSizes(page);
    t.diagnostic(`at 1920x1080 full screen: views ${sizes.views.map(([w, h]) => `${w}x${h}`).join(', ')} CSS px, drawn zoom ${sizes.zoom.toFixed(2)} (canvas labels ${sizes.labelsPx.join(', ')} px), read-out values ${sizes.readoutPx} px, their names ${sizes.readoutNamePx} px, view captions ${sizes.captionPx} px, the explain caption ${sizes.stepPx} px`);
    for (const [w, h] of sizes.views) {
      assert.ok(w >= 600 && h >= 550, `each view is large: ${w}x${h}`);
      assert.ok(w > small, 'larger than on the page');
    }
    assert.ok(sizes.labelsPx[0] >= 20, `the smallest canvas label is at least 20 px: ${sizes.labelsPx[0]}`);
    assert.ok(sizes.readoutPx >= 26 && sizes.stepPx >= 20 && sizes.captionPx >= 20, 'read-outs and captions in large type');
    // The read-outs and the step caption are on the first screen with the views.
    const onScreen = await page.evaluate(() => {
      const r = document.querySelector('posture-chain').shadowRoot;
      return ['canvas.top', 'tbody tr:last-child', '.explain .caption', '.note'].map((s) => r.querySelector(s).getBoundingClientRect().bottom);
    });
    for (const bottom of onScreen) assert.ok(bottom <= 1080, `on the first screen: ${bottom}`);
    const zoomed = await waitForCanvasChange(page, BACK, before);
    assert.notEqual(zoomed.hash, before.hash, 'the views are drawn again at their new size');
    assert.ok(zoomed.width > before.width, 'the canvas backing store follows the new size');
    await screenshot(page, 'presenter-fullscreen');
    assert.deepEqual(await axeViolations(page), [], 'axe in full screen');
    // Tab stays inside the widget.
    for (let i = 0; i < 45; i++) {
      await page.keyboard.press(i % 9 === 8 ? 'Shift+Tab' : 'Tab');
      assert.notEqual(await focused(page), null, `Tab ${i} stays in the widget`);
    }
    // Page Down, as a presentation clicker sends it, steps the explanation.
    await page.locator('posture-chain [data-tool=fullscreen]').focus();
    await page.keyboard.press('PageDown');
    assert.match((await state(page)).explain, /^Step 3 of 5/);
    await page.keyboard.press('PageUp');
    assert.match((await state(page)).explain, /^Step 2 of 5/);
    // Out by the button: the layout and the canvases as they were, focus on the button.
    await button.click();
    await page.waitForFunction(() => !document.fullscreenElement && !document.querySelector('posture-chain')._fsMode);
    await settle(page);
    assert.equal(await button.textContent(), 'Full screen');
    assert.equal(await focused(page), 'fullscreen');
    assert.equal(await page.evaluate(() => document.querySelector('posture-chain')._ui.canvases[0].clientWidth), small);
    // In and out again with F, the focus anywhere in the widget.
    await page.locator('#head-tilt').focus();
    await page.keyboard.press('f');
    await page.waitForFunction(() => document.querySelector('posture-chain')._fsMode === 'api');
    assert.equal(await focused(page), 'head-tilt', 'focus stays where it was');
    await page.keyboard.press('f');
    await page.waitForFunction(() => !document.fullscreenElement && !document.querySelector('posture-chain')._fsMode);
    assert.deepEqual(problems.list(), []);
  } finally {
    await page.context().close();
  }
});

test('without the Fullscreen API (as on iPhone Safari) full screen is a full-window overlay, closed by its button or Escape', TIMEOUT, async (t) => {
  const { page, problems } = await open('', {
    viewport: PROJECTOR_SCREEN,
    initScript: () => { delete Element.prototype.requestFullscreen; },
  });
  try {
    const styleBefore = await page.evaluate(() => document.querySelector('posture-chain').getAttribute('style'));
    const button = page.locator('posture-chain [data-tool=fullscreen]');
    for (const close of ['button', 'Escape']) {
      await button.click();
      await page.waitForFunction(() => document.querySelector('posture-chain')._fsMode === 'overlay');
      await settle(page);
      const overlay = await page.evaluate(() => {
        const el = document.querySelector('posture-chain');
        const box = el.getBoundingClientRect();
        return {
          box: [box.left, box.top, box.width, box.height].map(Math.round),
          position: getComputedStyle(el).position,
          onTop: document.elementFromPoint(960, 540) === el && document.elementFromPoint(5, 1075) === el,
          pageScroll: getComputedStyle(document.documentElement).overflow,
        };
      });
      assert.deepEqual(overlay.box, [0, 0, 1920, 1080], 'the overlay fills the window');
      assert.equal(overlay.position, 'fixed');
      assert.ok(overlay.onTop, 'nothing of the page shows over it');
      assert.equal(overlay.pageScroll, 'hidden', 'the page behind does not scroll');
      assert.equal(await focused(page), 'fullscreen');
      assert.equal(await button.textContent(), 'Exit full screen');
      const sizes = await presentationSizes(page);
      assert.ok(sizes.labelsPx[0] >= 20 && sizes.readoutPx >= 26, 'the same large type as in full screen');
      if (close === 'button') {
        // Smaller projectors: the views draw larger as far as their size allows.
        for (const [width, height, least] of [[1280, 800, 1.3], [1024, 768, 1]]) {
          await page.setViewportSize({ width, height });
          await page.waitForTimeout(300);
          await settle(page);
          const at = await presentationSizes(page);
          t.diagnostic(`at ${width}x${height} full screen: views ${at.views[0].join('x')} CSS px, zoom ${at.zoom.toFixed(2)} (canvas labels ${at.labelsPx.join(', ')} px), read-out values ${at.readoutPx} px`);
          assert.ok(at.zoom >= least, `${width}x${height}: zoom ${at.zoom}`);
        }
        await page.setViewportSize(PROJECTOR_SCREEN);
        await page.waitForTimeout(300);
        await screenshot(page, 'presenter-overlay');
        assert.deepEqual(await axeViolations(page), [], 'axe in the overlay');
        await button.click();
      } else {
        await page.locator('#head-tilt').focus();
        await page.keyboard.press('Escape');
      }
      await page.waitForFunction(() => !document.querySelector('posture-chain')._fsMode);
      assert.equal(await focused(page), 'fullscreen', `closed by ${close}: focus on the button`);
      const after = await page.evaluate(() => ({
        style: document.querySelector('posture-chain').getAttribute('style'),
        overflow: document.documentElement.style.overflow,
      }));
      assert.equal(after.style, styleBefore, 'the host element\'s own styles are back');
      assert.equal(after.overflow, '', 'the page scrolls again');
    }
    // Escape with the explain panel open closes the panel first, then the overlay.
    await button.click();
    await page.waitForFunction(() => document.querySelector('posture-chain')._fsMode === 'overlay');
    await page.keyboard.press('3');
    await page.keyboard.press('Escape');
    let s = await state(page);
    assert.equal(s.explain, null);
    assert.equal(s.fullscreen, 'overlay');
    await page.keyboard.press('Escape');
    s = await state(page);
    assert.equal(s.fullscreen, null);
    assert.deepEqual(problems.list(), []);
  } finally {
    await page.context().close();
  }
});

// ---- Themes ----

/** Every piece of text the controls show, with its colour and the background it stands on
 * (the nearest box with a background colour), and their contrast. */
const controlContrasts = (page) => page.evaluate(() => {
  const root = document.querySelector('posture-chain').shadowRoot;
  // Computed colours come as rgb()/rgba() (0-255), or as color(srgb ...) (0-1) for a color-mix().
  const rgba = (s) => {
    const m = s.match(/[\d.]+/g).map(Number);
    const scale = s.startsWith('color(') ? 255 : 1;
    return { c: m.slice(0, 3).map((v) => v * scale), a: m.length > 3 ? m[3] : 1 };
  };
  const lum = ([r, g, b]) => {
    const l = (v) => ((v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * l(r) + 0.7152 * l(g) + 0.0722 * l(b);
  };
  const ratio = (a, b) => (Math.max(lum(a), lum(b)) + 0.05) / (Math.min(lum(a), lum(b)) + 0.05);
  const background = (n) => {
    for (let e = n; e; e = e.parentElement ?? e.getRootNode().host) {
      const bg = rgba(getComputedStyle(e).backgroundColor);
      if (bg.a > 0.5) return bg.c;
    }
    return [255, 255, 255];
  };
  const texts = root.querySelectorAll('label, output, button, th, td, caption, figcaption, figcaption span, .hint, .ends span, .legend li, .note, summary, .explain p, h3, legend');
  return [...texts].filter((n) => n.getClientRects().length && n.textContent.trim()).map((n) => {
    const fg = rgba(getComputedStyle(n).color).c;
    const bg = background(n);
    const pressed = n.getAttribute('aria-pressed') === 'true';
    return { what: `${n.localName}.${n.className} "${n.textContent.trim().slice(0, 24)}"`, pressed, fg, bg, ratio: ratio(fg, bg) };
  });
});

async function setTheme(page, theme) {
  await page.evaluate((t) => {
    const el = document.querySelector('posture-chain');
    if (t === null) el.removeAttribute('theme');
    else el.theme = t;
  }, theme);
  await page.waitForTimeout(300);
  await settle(page);
  return waitForCanvasStable(page, BACK);
}

test('each theme colours the controls with readable text (AA, AAA in projector) and the drawing; axe finds nothing', TIMEOUT, async (t) => {
  const { page, problems } = await open('', { viewport: { width: 1280, height: 900 } });
  try {
    // The drawing: each theme's differs from the others', and light's is today's again. (Compared
    // before the explain panel is opened: closing it leaves the drawing a few pixels different.)
    const light = await canvasSignature(page, BACK);
    const seen = new Map([['light', light.hash]]);
    for (const theme of ['dark', 'projector', 'light']) {
      const sig = await setTheme(page, theme);
      const box = await page.evaluate(() => document.querySelector('posture-chain').shadowRoot.querySelector('.cq').dataset.theme ?? 'light');
      assert.equal(box, theme);
      if (theme === 'light') assert.equal(sig.hash, light.hash, 'back to light draws as before');
      else assert.ok(![...seen.values()].includes(sig.hash), `${theme} draws differently`);
      seen.set(theme, sig.hash);
      t.diagnostic(`${theme}: canvas ${sig.hash}, ${sig.colours} colours`);
    }
    // The controls' text, also in the explain panel and on a pressed button (text on the brand).
    for (const theme of ['light', 'dark', 'projector']) {
      await setTheme(page, theme);
      const least = theme === 'projector' ? 7 : 4.5;
      const low = (await controlContrasts(page)).filter((c) => c.ratio < least);
      assert.deepEqual(low.map((c) => `${c.what}: ${c.ratio.toFixed(2)}:1`), [], `${theme}: text at least ${least}:1`);
      await page.locator('posture-chain [data-act=explain]').click();
      await settle(page);
      const pressed = (await controlContrasts(page)).filter((c) => c.ratio < least);
      assert.deepEqual(pressed.map((c) => `${c.what}: ${c.ratio.toFixed(2)}:1`), [], `${theme}, explaining: text at least ${least}:1`);
      assert.deepEqual(await axeViolations(page), [], `axe in ${theme}`);
      await page.locator('posture-chain [data-act=close]').click();
      await page.locator('posture-chain').screenshot({ path: `${OUTPUT_DIR}/presenter-theme-${theme}.png` });
    }
    // The projector theme draws thicker and larger: the scene is given a smaller canvas.
    await setTheme(page, 'projector');
    assert.ok(await page.evaluate(() => document.querySelector('posture-chain')._z) > 1.2);
    // The host's brand colour still applies in a theme, with readable ink on it.
    await page.evaluate(() => document.querySelector('posture-chain').setAttribute('brand-color', '#ffb000'));
    await setTheme(page, 'dark');
    const brand = await page.evaluate(() => {
      const el = document.querySelector('posture-chain');
      return { canvas: el._ui.canvases[0].dataset.brand, ink: el.style.getPropertyValue('--on-brand') };
    });
    assert.deepEqual(brand, { canvas: '#ffb000', ink: '#000' });
    await page.locator('posture-chain [data-act=play]').click();
    const onBrand = (await controlContrasts(page)).filter((c) => c.pressed);
    assert.ok(onBrand.length && onBrand.every((c) => c.ratio >= 4.5), 'the pressed button\'s text reads on the brand');
    await page.locator('posture-chain [data-act=play]').click();
    assert.deepEqual(problems.list(), []);
  } finally {
    await page.context().close();
  }
});

test('"auto" follows the emulated colour scheme, live; a bad theme warns once and draws light', TIMEOUT, async () => {
  const { page, problems } = await open('', { viewport: { width: 1280, height: 900 } });
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  try {
    const light = await canvasSignature(page, BACK);
    const dark = await setTheme(page, 'dark');
    await setTheme(page, 'auto');
    const theme = () => page.evaluate(() => document.querySelector('posture-chain').shadowRoot.querySelector('.cq').dataset.theme ?? 'light');
    assert.equal(await theme(), 'light', 'auto in a light scheme');
    assert.equal((await waitForCanvasStable(page, BACK)).hash, light.hash);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForFunction(() => document.querySelector('posture-chain').shadowRoot.querySelector('.cq').dataset.theme === 'dark');
    await settle(page);
    assert.equal((await waitForCanvasStable(page, BACK)).hash, dark.hash, 'auto in a dark scheme draws the dark theme');
    assert.deepEqual(await axeViolations(page), [], 'axe in auto, dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.waitForFunction(() => !document.querySelector('posture-chain').shadowRoot.querySelector('.cq').dataset.theme);
    await settle(page);
    assert.equal((await waitForCanvasStable(page, BACK)).hash, light.hash, 'and back');
    // A bad value: one warning, the light theme.
    warnings.length = 0;
    await setTheme(page, 'neon');
    await page.waitForTimeout(300);
    assert.equal(await theme(), 'light');
    assert.equal((await waitForCanvasStable(page, BACK)).hash, light.hash);
    assert.deepEqual(warnings.filter((w) => w.includes('theme')), ['<posture-chain> theme="neon" should be light, dark, auto, projector; using light.']);
    assert.equal(warnings.length, 1);
    await setTheme(page, 'dark');
    await setTheme(page, 'neon');
    assert.equal(warnings.length, 2, 'a bad value set again warns again');
    assert.equal(await page.evaluate(() => document.querySelector('posture-chain').theme), 'neon', 'the property reflects the attribute');
    assert.deepEqual(problems.list(), []);
  } finally {
    await page.context().close();
  }
});

test('forced colours: the drawing takes the system colours, the controls keep theirs readable', TIMEOUT, async () => {
  const { page, problems } = await open('', { viewport: { width: 1280, height: 900 }, context: { forcedColors: 'active' } });
  try {
    const forced = await page.evaluate(() => {
      const el = document.querySelector('posture-chain');
      const probe = document.createElement('span');
      probe.style.color = 'CanvasText';
      document.body.append(probe);
      const text = getComputedStyle(probe).color;
      probe.remove();
      return { ink: el._ui.canvases[0].pcStyles?.[0], text, brand: el._ui.canvases[0].dataset.brand, matches: matchMedia('(forced-colors: active)').matches };
    });
    assert.ok(forced.matches);
    assert.equal(forced.ink, forced.text, 'the canvas writes in CanvasText');
    assert.match(forced.brand, /^rgb/, 'the brand is the system highlight');
    assert.ok((await canvasSignature(page, BACK)).colours > 2, 'drawn');
    assert.deepEqual(await axeViolations(page), [], 'axe under forced colours');
    await screenshot(page, 'presenter-forced-colours');
    assert.deepEqual(problems.list(), []);
  } finally {
    await page.context().close();
  }
});

test('compare\'s second views take the theme; a puzzle leaves only full screen and help to the keys', TIMEOUT, async () => {
  const { page, problems } = await open('', { viewport: { width: 1280, height: 900 } });
  try {
    await setTheme(page, 'projector');
    await page.locator('posture-chain [data-strat=compare]').click();
    await page.waitForFunction(() => document.querySelector('posture-chain').shadowRoot.querySelectorAll('.tw canvas').length === 3);
    await settle(page);
    await page.waitForTimeout(300);
    const twin = await page.evaluate(() => {
      const el = document.querySelector('posture-chain');
      const c = el.shadowRoot.querySelector('.tw canvas');
      return { same: c.pcStyles === el._ui.canvases[0].pcStyles && Boolean(c.pcStyles), brand: c.dataset.brand === el._ui.canvases[0].dataset.brand };
    });
    assert.deepEqual(twin, { same: true, brand: true }, 'the second views draw in the projector theme');
    assert.deepEqual(await axeViolations(page), [], 'axe comparing, in projector');
    await page.locator('posture-chain [data-strat=compare]').click();
    await setTheme(page, null);
    // The puzzle hides the sliders: the keys that would move or reveal them rest.
    await page.locator('posture-chain [data-strat=puzzle]').click();
    await page.waitForFunction(() => document.querySelector('posture-chain').shadowRoot.querySelector('.pc.puzzling'));
    await page.locator('posture-chain [data-tool=help]').focus();
    const before = await state(page);
    for (const key of [']', '2', 'p', 'r', '.']) await page.keyboard.press(key);
    const after = await state(page);
    assert.deepEqual({ ...after, live: '' }, { ...before, live: '' }, 'no shortcut moves the hidden posture');
    assert.ok(await page.locator('posture-chain [data-tool=fullscreen]').isVisible(), 'the toolbar stays');
    await page.keyboard.press('?');
    // (presenter.js, fetched by the first key, may still be arriving on a loaded machine.)
    await page.waitForFunction(() => document.querySelector('posture-chain').shadowRoot.querySelector('dialog.help')?.open, null, { timeout: 5000 }).catch(() => {});
    assert.ok((await state(page)).help, '? still opens the list');
    await page.keyboard.press('Escape');
    assert.deepEqual(problems.list(), []);
  } finally {
    await page.context().close();
  }
});

// ---- Shortcuts and help ----

test('the shortcuts act only with focus in the widget, not outside it, not with modifiers; each is announced; the slider keeps its arrows', TIMEOUT, async () => {
  const { page, problems } = await open('host.html', { viewport: { width: 1280, height: 900 }, initScript: HOST_KEYS });
  try {
    const press = async (key) => {
      await page.keyboard.press(key);
      await page.waitForTimeout(50);
      return state(page);
    };
    // Outside the widget: on the body, a host button and a host text field, nothing happens and
    // the host page sees every key.
    const start = await state(page);
    for (const where of ['body', '#host-button', '#host-field']) {
      if (where === 'body') await page.evaluate(() => document.activeElement?.blur());
      else await page.locator(where).focus();
      for (const key of [']', '2', 'p', 'r', 'f', '?', '.']) await press(key);
      const s = await state(page);
      assert.deepEqual({ ...s, live: '' }, { ...start, live: '' }, `keys on ${where} leave the widget alone`);
    }
    assert.equal(await page.inputValue('#host-field'), ']2prf?.', 'the host\'s field got its typing');
    assert.equal((await page.evaluate(() => window.hostKeys)).length, 21);
    // Inside: the head-tilt slider has focus.
    await page.locator('#head-tilt').focus();
    await page.keyboard.press(']');
    // The first shortcut fetches presenter.js, which on a loaded machine takes longer than 50 ms.
    await page.waitForFunction((t) => Number(document.querySelector('posture-chain').shadowRoot.getElementById('head-tilt').value) !== t, start.tilt);
    let s = await state(page);
    assert.equal(s.tilt, start.tilt + 1);
    assert.equal(s.live, 'Head tilt 6.0° right.');
    await settle(page);
    s = await press('[');
    assert.equal(s.tilt, start.tilt);
    s = await press('ArrowRight');
    assert.equal(s.tilt, start.tilt + 0.5, 'the slider\'s own arrow key');
    s = await press('ArrowLeft');
    s = await press('2');
    assert.match(s.explain, /^Step 2 of 5: Lower neck/);
    assert.match(s.live, /^Step 2 of 5/);
    s = await press('.');
    assert.match(s.explain, /^Step 3 of 5/);
    s = await press(',');
    assert.match(s.explain, /^Step 2 of 5/);
    s = await press('5');
    assert.match(s.explain, /^Step 5 of 5/);
    s = await press('.');
    assert.match(s.explain, /^Step 5 of 5/, 'the last step stays');
    s = await press('p');
    assert.ok(s.playing);
    assert.equal(s.live, 'Sweep playing.');
    s = await press('P');
    assert.ok(!s.playing, 'P with Shift or Caps Lock too');
    assert.equal(s.live, 'Sweep paused.');
    await page.locator('#head-tilt').fill('12');
    s = await press('r');
    assert.equal(s.tilt, start.tilt);
    assert.equal(s.explain, null);
    assert.equal(s.live, 'Reset to the starting posture.');
    // The keys the widget acted on did not reach the host page's handler (but the first, which
    // went on while the shortcuts' module loaded: docs/embedding.md says so).
    const hostSaw = await page.evaluate(() => window.hostKeys.slice(22));
    assert.deepEqual(hostSaw.filter((k) => /^[[\],.1-5pPrf?]$/.test(k)), [], `the host saw ${hostSaw}`);
    // With Ctrl, Alt or Meta held, nothing.
    for (const key of ['Control+2', 'Alt+2', 'Meta+2', 'Control+p', 'Alt+]']) {
      s = await press(key);
      assert.equal(s.explain, null, key);
      assert.equal(s.tilt, start.tilt, key);
      assert.ok(!s.playing, key);
    }
    // From a button and the check box too.
    await page.locator('posture-chain #magnify').focus();
    s = await press('1');
    assert.match(s.explain, /^Step 1 of 5/);
    await page.locator('posture-chain [data-act=reset]').focus();
    s = await press('Escape');
    assert.equal(s.explain, null, 'Escape closes the explain panel');
    assert.deepEqual(problems.list(), []);
  } finally {
    await page.context().close();
  }
});

test('? opens the shortcuts dialog: modal, focus kept inside, Escape closes it and focus returns', TIMEOUT, async () => {
  const { page, problems } = await open('', { viewport: { width: 1280, height: 900 } });
  try {
    await page.locator('#head-tilt').focus();
    await page.keyboard.press('3');
    await page.keyboard.press('?');
    await page.waitForFunction(() => document.querySelector('posture-chain').shadowRoot.querySelector('dialog.help')?.open);
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    assert.ok(await dialog.isVisible());
    const rows = await dialog.locator('dt').allTextContents();
    assert.deepEqual(rows, ['[ or ]', '1 to 5', ', or .', 'P', 'R', 'F', '?', 'Esc', 'Page Up or Page Down']);
    assert.equal(await focused(page), 'button', 'focus on Close');
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press(i % 2 ? 'Shift+Tab' : 'Tab');
      assert.ok(await page.evaluate(() => document.querySelector('posture-chain').shadowRoot.activeElement?.closest('dialog') !== null), 'focus stays in the dialog');
    }
    // The shortcuts rest while it is open.
    await page.keyboard.press('2');
    assert.match((await state(page)).explain, /^Step 3 of 5/);
    await screenshot(page, 'presenter-help');
    assert.deepEqual(await axeViolations(page), [], 'axe with the dialog open');
    await page.keyboard.press('Escape');
    assert.equal((await state(page)).help, false);
    assert.equal(await focused(page), 'head-tilt', 'focus returns to the slider');
    assert.match((await state(page)).explain, /^Step 3 of 5/, 'Escape closed the dialog, not the explain panel behind it');
    // From its button, and closed by Close.
    await page.locator('posture-chain [data-tool=help]').click();
    await page.waitForFunction(() => document.querySelector('posture-chain').shadowRoot.querySelector('dialog.help')?.open);
    await dialog.getByRole('button', { name: 'Close' }).click();
    assert.equal((await state(page)).help, false);
    assert.equal(await focused(page), 'help');
    assert.deepEqual(problems.list(), []);
  } finally {
    await page.context().close();
  }
});

// ---- Print ----

/** Chromium's print dialog's default margins. */
const PRINT_MARGINS = { top: '0.4in', right: '0.4in', bottom: '0.4in', left: '0.4in' };

/** The number of pages in a PDF: its /Type /Page objects. */
const pageCount = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;

test('printing puts the three views, the measures and the note on one A4 and one Letter page, the controls left out', TIMEOUT, async () => {
  for (const path of ['host.html', '']) {
    const { page, problems } = await open(path, { viewport: { width: 1280, height: 900 } });
    try {
      for (const format of ['A4', 'Letter']) {
        // With the margins a browser's print dialog gives by default.
        const pdf = await page.pdf({ format, printBackground: true, margin: PRINT_MARGINS });
        assert.equal(pageCount(pdf), 1, `${path || 'the demo page'} on ${format}: one page`);
        if (format === 'A4') {
          // Chromium's own PDF viewer shows the page, for a person to look at.
          await mkdir(OUTPUT_DIR, { recursive: true });
          const file = join(OUTPUT_DIR, `presenter-print-${path ? 'element' : 'demo'}.pdf`);
          await writeFile(file, pdf);
          const viewer = await page.context().newPage();
          await viewer.setViewportSize({ width: 1100, height: 1500 });
          await viewer.goto(pathToFileURL(file).href);
          await viewer.waitForTimeout(4000);
          await viewer.screenshot({ path: join(OUTPUT_DIR, `presenter-print-${path ? 'element' : 'demo'}-pdf.png`) });
          await viewer.close();
        }
      }
      // What the PDF lays out: A4's width less Chromium's default margins (0.4 in each side).
      await page.emulateMedia({ media: 'print' });
      await page.setViewportSize({ width: 718, height: 1046 });
      await page.waitForTimeout(300);
      const shown = await page.evaluate(() => {
        const r = document.querySelector('posture-chain').shadowRoot;
        const visible = (s) => [...r.querySelectorAll(s)].every((n) => n.getClientRects().length > 0 && getComputedStyle(n).visibility !== 'hidden');
        const box = document.querySelector('posture-chain').getBoundingClientRect();
        return {
          views: visible('canvas'), measures: visible('tbody tr'), note: visible('.note'),
          controls: r.querySelector('fieldset').getClientRects().length, tools: r.querySelector('.tools').getClientRects().length,
          buttons: [...r.querySelectorAll('button')].filter((b) => b.getClientRects().length).map((b) => b.textContent),
          bottom: box.bottom,
          drawn: [...r.querySelectorAll('canvas')].every((c) => c.width > 0),
        };
      });
      assert.deepEqual({ ...shown, bottom: 0 }, { views: true, measures: true, note: true, controls: 0, tools: 0, buttons: [], bottom: 0, drawn: true });
      await screenshot(page, `presenter-print-${path ? 'element' : 'demo'}`);
      assert.deepEqual(problems.list(), []);
    } finally {
      await page.context().close();
    }
  }
});
