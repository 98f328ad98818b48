// Shared helpers for the browser tests in tests/e2e/*.test.mjs (run by `cargo xtask test`):
// a static server for the built site, the system Chromium driven by playwright-core, a page that records
// every problem, canvas pixel signatures, and screenshots under target/e2e/.
//
// Typical use in a test file:
//
//   import { before, after, test } from 'node:test';
//   import assert from 'node:assert/strict';
//   import { startServer, launchBrowser, openApp, canvasSignature } from './lib.mjs';
//   let server, browser;
//   before(async () => { server = await startServer(); browser = await launchBrowser(); });
//   after(async () => { await browser?.close(); await server?.close(); });
//   test('draws something', async () => {
//     const { page, problems } = await openApp(browser, server.url);
//     assert.ok((await canvasSignature(page)).colours > 1);
//     assert.deepEqual(problems.list(), []);
//     await page.context().close();
//   });

import { createServer } from 'node:http';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

/** Absolute path of the repository root. */
export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** The site's sources: the page, the element, and the wasm-bindgen output in `pkg/`. */
export const WWW = join(ROOT, 'www');

/**
 * The built site the tests serve, as `cargo xtask build` writes it and `cargo xtask serve`
 * serves it: the page, the element bundled and minified, the page's wasm in `pkg/`, and the JS
 * API module (with `solve`) in `api/`.
 */
export const SITE = join(ROOT, 'target', 'site');

/** Where screenshots and other test output go (git-ignored). */
export const OUTPUT_DIR = join(ROOT, 'target', 'e2e');

/**
 * Chromium flags for this network: no sandbox (root in CI), no GPU, and none of the background
 * connections Chromium would otherwise keep trying.
 */
export const CHROMIUM_ARGS = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]);

/** Content types by file extension; `.wasm` must be `application/wasm`. */
export const MIME_TYPES = Object.freeze({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
});

/**
 * Serves a directory on 127.0.0.1 at a free port (GET and HEAD only, `index.html` for
 * directories, 404 otherwise, never a file outside `root`).
 *
 * @param {{ root?: string, port?: number, headers?: Record<string, string>,
 *   pages?: Record<string, string> }} [options] `root` defaults to the built site
 *   (target/site), `port` to a free one; `headers` are sent with every response (a
 *   Content-Security-Policy, CORS); `pages` maps a path such as `/host.html` to an HTML text
 *   served there (test pages that are not files).
 * @returns {Promise<{ url: string, origin: string, port: number, close: () => Promise<void> }>}
 *   `url` ends with `/`, e.g. `http://127.0.0.1:40123/`.
 */
export async function startServer({ root = SITE, port = 0, headers = {}, pages = {} } = {}) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { 'Content-Type': 'text/plain' }).end('method not allowed\n');
        return;
      }
      const path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
      if (Object.hasOwn(pages, path)) {
        const body = Buffer.from(pages[path]);
        res.writeHead(200, { 'Content-Type': MIME_TYPES['.html'], 'Content-Length': body.length, 'Cache-Control': 'no-store', ...headers });
        res.end(req.method === 'HEAD' ? undefined : body);
        return;
      }
      let file = normalize(join(base, path));
      if (file !== base && !file.startsWith(base + sep)) {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found\n');
        return;
      }
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, {
        'Content-Type': MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': body.length,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        ...headers,
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      if (!res.headersSent) res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found\n');
    }
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', ok);
  });
  const actual = server.address().port;
  const origin = `http://127.0.0.1:${actual}`;
  return {
    url: `${origin}/`,
    origin,
    port: actual,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}

/**
 * Launches the system Chromium headless (never a downloaded browser): `CHROME` if set, else
 * /usr/bin/chromium. `cargo xtask test` sets `CHROME` to the browser it found or installed.
 *
 * @param {import('playwright-core').LaunchOptions} [options] merged over the defaults.
 * @returns {Promise<import('playwright-core').Browser>}
 */
export async function launchBrowser(options = {}) {
  return chromium.launch({
    executablePath: process.env.CHROME || '/usr/bin/chromium',
    headless: true,
    ...options,
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
  });
}

/**
 * What went wrong while a page was open. Every array holds strings, so a test can
 * `assert.deepEqual(problems.list(), [])` and see the messages when it fails.
 * The browser's own `/favicon.ico` probe is not counted.
 *
 * @typedef {object} Problems
 * @property {string[]} consoleErrors `console.error` messages and errors the browser logged.
 * @property {string[]} pageErrors uncaught exceptions and unhandled rejections.
 * @property {string[]} failedRequests requests that got no response (network error, abort).
 * @property {string[]} badResponses responses with status 400 or more.
 * @property {string[]} thirdPartyRequests requests to any origin but the test server (the page
 *   must make none; data: and blob: URLs are fine).
 * @property {() => string[]} list all of the above in one list.
 */

const isFaviconProbe = (url) => {
  try {
    return new URL(url).pathname === '/favicon.ico';
  } catch {
    return false;
  }
};

/**
 * Opens `url` in a fresh browser context and records every problem from the first request on.
 * Close it with `await page.context().close()`.
 *
 * @param {import('playwright-core').Browser} browser
 * @param {string} url
 * @param {{ viewport?: { width: number, height: number }, waitUntil?: 'load' | 'networkidle',
 *   context?: import('playwright-core').BrowserContextOptions, initScript?: Function | string }} [options]
 *   `context` is merged into the new context's options (`hasTouch`, …); `initScript` runs in
 *   every frame before the page's own scripts (Playwright's addInitScript; CSP does not apply).
 * @returns {Promise<{ page: import('playwright-core').Page, problems: Problems,
 *   responses: import('playwright-core').Response[] }>} `responses` holds every response, in order.
 */
export async function openPage(browser, url, { viewport = { width: 1000, height: 800 }, waitUntil = 'networkidle', context: contextOptions = {}, initScript } = {}) {
  const context = await browser.newContext({ viewport, ...contextOptions });
  const page = await context.newPage();
  if (initScript) await page.addInitScript(initScript);
  page.setDefaultTimeout(15_000);
  const origin = new URL(url).origin;
  /** @type {Problems} */
  const problems = {
    consoleErrors: [],
    pageErrors: [],
    failedRequests: [],
    badResponses: [],
    thirdPartyRequests: [],
    list() {
      return [
        ...this.consoleErrors.map((m) => `console error: ${m}`),
        ...this.pageErrors.map((m) => `page error: ${m}`),
        ...this.failedRequests.map((m) => `failed request: ${m}`),
        ...this.badResponses.map((m) => `bad response: ${m}`),
        ...this.thirdPartyRequests.map((m) => `third-party request: ${m}`),
      ];
    },
  };
  const responses = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !isFaviconProbe(msg.location()?.url ?? '')) {
      problems.consoleErrors.push(msg.text());
    }
  });
  page.on('pageerror', (error) => problems.pageErrors.push(error?.stack || `${error?.name}: ${error?.message}` || String(error)));
  page.on('request', (request) => {
    const target = request.url();
    if (/^https?:/.test(target) && new URL(target).origin !== origin) {
      problems.thirdPartyRequests.push(target);
    }
  });
  page.on('requestfailed', (request) => {
    if (!isFaviconProbe(request.url())) {
      problems.failedRequests.push(`${request.url()} (${request.failure()?.errorText ?? 'failed'})`);
    }
  });
  page.on('response', (response) => {
    responses.push(response);
    if (response.status() >= 400 && !isFaviconProbe(response.url())) {
      problems.badResponses.push(`${response.status()} ${response.url()}`);
    }
  });
  await page.goto(url, { waitUntil });
  return { page, problems, responses };
}

/**
 * Opens the demo page and loads the JS API module (site/api/) into it as `window.postureApi`,
 * ready for `page.evaluate(() => window.postureApi.solve(...))`.
 *
 * @returns {Promise<{ page: import('playwright-core').Page, problems: Problems }>}
 */
export async function openApi(browser, url, options = {}) {
  const opened = await openPage(browser, url, options);
  await opened.page.evaluate(async () => {
    const api = await import('./api/posture_chain.js');
    await api.default();
    window.postureApi = api;
  });
  return opened;
}

/**
 * Opens the app and waits until its canvas has been painted (more than one colour) and has
 * stopped changing (any opening animation is over), so a later change is the test's doing.
 *
 * @param {import('playwright-core').Browser} browser
 * @param {string} url
 * @param {{ canvas?: CanvasTarget, timeout?: number }} [options] `canvas` defaults to the first
 *   canvas on the page, shadow roots included.
 * @returns {ReturnType<typeof openPage>}
 */
export async function openApp(browser, url, { canvas = 'canvas', timeout = 10_000, ...options } = {}) {
  const opened = await openPage(browser, url, options);
  const deadline = Date.now() + timeout;
  if (typeof canvas !== 'function') {
    const locator = typeof canvas === 'string' ? opened.page.locator(canvas).first() : canvas;
    await locator.waitFor({ state: 'attached', timeout }).catch((error) => {
      const problems = opened.problems.list();
      throw new Error(`no canvas (${canvas}) on ${url} after ${timeout} ms; page problems: ${problems.length ? problems.join('; ') : 'none'}`, { cause: error });
    });
  }
  while ((await canvasSignature(opened.page, canvas)).colours < 2 && Date.now() < deadline) {
    await opened.page.waitForTimeout(50);
  }
  await waitForCanvasStable(opened.page, canvas, { timeout: Math.max(0, deadline - Date.now()) });
  return opened;
}

/**
 * Which canvas to read: a CSS selector (Playwright's, which pierces open shadow roots; the
 * first match is used), a Playwright Locator, or a function run in the page that returns the
 * canvas element (for example `() => document.querySelector('posture-chain').shadowRoot
 * .querySelector('canvas')`).
 *
 * @typedef {string | import('playwright-core').Locator | (() => HTMLCanvasElement)} CanvasTarget
 */

/**
 * A summary of a canvas's pixels. Equal `hash`es mean (almost surely) equal pixels.
 *
 * @typedef {object} CanvasSignature
 * @property {number} width in device pixels.
 * @property {number} height
 * @property {string} hash FNV-1a of the RGBA bytes, 8 hex digits.
 * @property {number} colours distinct RGBA values (1 means blank, counting stops at 4096).
 * @property {number} inkFraction share of pixels that differ from the top-left pixel, 0..1.
 */

/** Runs in the page: copies any canvas (2-D or WebGL) and summarises its pixels. */
function summariseCanvas(canvas) {
  if (!(canvas instanceof HTMLCanvasElement)) throw new Error(`not a canvas: ${canvas}`);
  const { width, height } = canvas;
  if (width === 0 || height === 0) return { width, height, hash: '00000000', colours: 0, inkFraction: 0 };
  const copy = document.createElement('canvas');
  copy.width = width;
  copy.height = height;
  const ctx = copy.getContext('2d', { willReadFrequently: true });
  ctx.drawImage(canvas, 0, 0);
  const data = ctx.getImageData(0, 0, width, height).data;
  let hash = 0x811c9dc5;
  const seen = new Set();
  const view = new Uint32Array(data.buffer, data.byteOffset, data.length / 4);
  const first = view[0];
  let ink = 0;
  for (let i = 0; i < view.length; i++) {
    const px = view[i];
    if (px !== first) ink++;
    if (seen.size < 4096) seen.add(px);
    for (let s = 0; s < 32; s += 8) {
      hash ^= (px >>> s) & 0xff;
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
  }
  return { width, height, hash: hash.toString(16).padStart(8, '0'), colours: seen.size, inkFraction: ink / view.length };
}

/**
 * Summarises the pixels of a canvas, wherever it lives (light DOM or an open shadow root).
 *
 * @param {import('playwright-core').Page} page
 * @param {CanvasTarget} [target] defaults to the first canvas on the page.
 * @returns {Promise<CanvasSignature>}
 */
export async function canvasSignature(page, target = 'canvas') {
  if (typeof target === 'function') {
    const handle = await page.evaluateHandle(target);
    try {
      return await handle.evaluate(summariseCanvas);
    } finally {
      await handle.dispose();
    }
  }
  const locator = typeof target === 'string' ? page.locator(target).first() : target;
  return locator.evaluate(summariseCanvas);
}

/**
 * Waits until the canvas differs from `before` (the page may redraw on the next animation
 * frame), and returns the new signature, or the unchanged one after `timeout` ms.
 *
 * @param {import('playwright-core').Page} page
 * @param {CanvasTarget} target
 * @param {CanvasSignature} before
 * @param {{ timeout?: number }} [options]
 * @returns {Promise<CanvasSignature>}
 */
export async function waitForCanvasChange(page, target, before, { timeout = 5_000 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const now = await canvasSignature(page, target);
    if (now.hash !== before.hash || Date.now() >= deadline) return now;
    await page.waitForTimeout(30);
  }
}

/**
 * Waits until the canvas shows the same pixels for `quietMs` (an animation has ended), and
 * returns that signature, or the latest one after `timeout` ms.
 *
 * @param {import('playwright-core').Page} page
 * @param {CanvasTarget} [target] defaults to the first canvas on the page.
 * @param {{ quietMs?: number, timeout?: number }} [options]
 * @returns {Promise<CanvasSignature>}
 */
export async function waitForCanvasStable(page, target = 'canvas', { quietMs = 250, timeout = 5_000 } = {}) {
  const deadline = Date.now() + timeout;
  let last = await canvasSignature(page, target);
  let since = Date.now();
  while (Date.now() < deadline) {
    await page.waitForTimeout(50);
    const now = await canvasSignature(page, target);
    if (now.hash !== last.hash) {
      last = now;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) {
      break;
    }
  }
  return last;
}

/**
 * Saves a full-page screenshot as target/e2e/<name>.png.
 *
 * @param {import('playwright-core').Page} page
 * @param {string} name file name without extension.
 * @returns {Promise<string>} the path written.
 */
export async function screenshot(page, name) {
  await mkdir(OUTPUT_DIR, { recursive: true });
  const path = join(OUTPUT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * Runs axe-core in a page or frame and returns its violations as strings (empty: none). The
 * script goes in through the DevTools protocol, so a page's Content-Security-Policy does not
 * stop it.
 *
 * @param {import('playwright-core').Page | import('playwright-core').Frame} target
 * @returns {Promise<string[]>}
 */
export async function axeViolations(target) {
  const { readFile: read } = await import('node:fs/promises');
  const { createRequire } = await import('node:module');
  const source = await read(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await target.evaluate(source);
  return target.evaluate(async () => {
    // WCAG 2.2's target size too (off in axe by default; Lighthouse's accessibility audit has it).
    const result = await window.axe.run(document, { rules: { 'target-size': { enabled: true } } });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}
