// The embed kit of `cargo xtask dist` (target/dist/, written by the `dist` stage of `cargo xtask
// test` before this one), tested the ways docs/embedding.md tells a clinic to use it: the script
// and the element from the uploaded folder (the snippet copied from the docs), the iframe page
// sandboxed with only allow-scripts (an opaque origin) with its resize helper, and the npm
// package: `npm pack`, installed offline into a fresh project, imported by its name in Chromium.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, axeViolations, canvasSignature, launchBrowser, openPage, startServer } from './lib.mjs';

const TIMEOUT = { timeout: 90_000 };
const DIST = join(ROOT, 'target', 'dist');
const DOCS = join(ROOT, 'docs', 'embedding.md');

let browser;
let folder; // e.g. posture-chain-0.1.0
before(async () => {
  const names = existsSync(DIST) ? await readdir(DIST) : [];
  folder = names.find((n) => /^posture-chain-\d/.test(n) && !n.endsWith('.zip'));
  assert.ok(folder, `no kit in ${DIST}: run \`cargo xtask dist\` first`);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** The n-th fenced block of a language in docs/embedding.md, the folder's path made real. */
async function snippet(lang, n = 0) {
  const docs = await readFile(DOCS, 'utf8');
  const blocks = [...docs.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]);
  assert.ok(blocks[n], `docs/embedding.md has a ${lang} block #${n}`);
  return blocks[n].replaceAll('/posture-chain-0.1.0/', `/${folder}/`);
}

const page = (title, body) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>${title}</title></head><body><main><h1>${title}</h1><h2>An illustration</h2>${body}</main></body></html>`;

/** Runs in every frame, sandboxed ones too: keeps console warnings where a test can read them. */
function keepWarnings() {
  window.warnings = [];
  const warn = console.warn;
  console.warn = (...args) => {
    window.warnings.push(args.map(String).join(' '));
    warn.apply(console, args);
  };
}

/** Waits until the element (in a page or a frame) has drawn its back view. */
async function drawn(target, selector = 'posture-chain') {
  await target.locator(`${selector} canvas.back`).first().waitFor();
  await target.waitForFunction((s) => document.querySelector(s)?._widget?.isSettled(), selector, { timeout: 15_000 });
  const sig = await canvasSignature(target, target.locator(`${selector} canvas.back`).first());
  assert.ok(sig.colours > 20, `drawn: ${JSON.stringify(sig)}`);
}

test('script + element: the docs snippet on a static host, twice on a page, loads the module and the wasm once', TIMEOUT, async () => {
  const html = await snippet('html', 0);
  const server = await startServer({ root: DIST, pages: { '/post.html': page('A blog post', `${html}<p>Between.</p>${html.replace('head-tilt="5"', 'head-tilt="-7"')}`) } });
  const { page: p, problems, responses } = await openPage(browser, `${server.url}post.html`);
  try {
    await drawn(p, 'posture-chain:nth-of-type(1)');
    const second = p.locator('posture-chain').nth(1);
    await second.scrollIntoViewIfNeeded();
    await p.waitForFunction(() => document.querySelectorAll('posture-chain')[1]._widget?.isSettled());
    assert.equal(await second.locator('#head-tilt').inputValue(), '-7');
    const urls = responses.map((r) => new URL(r.url()).pathname);
    assert.equal(urls.filter((u) => u.endsWith('/posture-chain.js')).length, 1, urls.join(' '));
    assert.equal(urls.filter((u) => u.endsWith('.wasm')).length, 1, urls.join(' '));
    assert.equal(await p.locator('posture-chain > p').first().isVisible(), false, 'the fallback text hides once the element runs');
    assert.deepEqual(await axeViolations(p), []);
    assert.deepEqual(problems.list(), []);
  } finally {
    await p.context().close();
    await server.close();
  }
});

test('script + element with scripts off: the poster and the sentence show', TIMEOUT, async () => {
  const html = await snippet('html', 0);
  const server = await startServer({ root: DIST, pages: { '/post.html': page('A blog post', html) } });
  const { page: p, problems } = await openPage(browser, `${server.url}post.html`, { context: { javaScriptEnabled: false } });
  try {
    const poster = p.locator('posture-chain img:not(.phone)');
    await poster.scrollIntoViewIfNeeded();
    await p.waitForFunction(() => document.querySelector('posture-chain img:not(.phone)').complete);
    assert.equal(await poster.evaluate((img) => img.naturalWidth), 360, 'the poster loads');
    assert.equal(await p.locator('posture-chain img.phone').isVisible(), false, 'the phone\'s poster is not shown on a desktop');
    assert.equal(await p.locator('posture-chain > p').isVisible(), true);
    assert.deepEqual(problems.list(), []);
    // On a phone, the phone's poster, and only it is fetched (lazy and not displayed, the other is not).
    await p.setViewportSize({ width: 390, height: 740 });
    const phone = p.locator('posture-chain img.phone');
    await phone.scrollIntoViewIfNeeded();
    await p.waitForFunction(() => document.querySelector('posture-chain img.phone').complete);
    assert.equal(await phone.evaluate((img) => img.naturalWidth), 300, 'the phone\'s poster loads');
    assert.equal(await poster.isVisible(), false, 'the desktop\'s poster is not shown on a phone');
    // (With scripts off a browser loads lazy images at once; with them on, the element's script
    // held back, the poster stays in the light DOM.)
    const context = await browser.newContext({ viewport: { width: 390, height: 740 } });
    const fresh = await context.newPage();
    await fresh.route('**/posture-chain.js', (route) => route.abort());
    await fresh.goto(`${server.url}post.html`, { waitUntil: 'domcontentloaded' });
    try {
      await fresh.locator('posture-chain img.phone').scrollIntoViewIfNeeded();
      await fresh.waitForFunction(() => document.querySelector('posture-chain img.phone').complete && document.querySelector('posture-chain img.phone').naturalWidth > 0);
      const fetched = await fresh.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname.split('/').pop()).filter((f) => f.startsWith('poster')));
      assert.deepEqual(fetched.filter((f) => f.endsWith('.svg')), ['poster-phone.svg'], `only the phone's poster is fetched on a phone: ${fetched}`);
    } finally {
      await fresh.context().close();
    }
  } finally {
    await p.context().close();
    await server.close();
  }
});

test('iframe: embed.html sandboxed with allow-scripts (opaque origin) takes its URL parameters and sizes itself with the helper', TIMEOUT, async () => {
  const html = await snippet('html', 1);
  assert.match(html, /sandbox="allow-scripts"/);
  const bad = `<iframe src="/${folder}/embed.html?head-tilt=lots&colour=red" title="A second illustration" sandbox="allow-scripts" style="width: 100%; height: 300px; border: 0"></iframe>`;
  const server = await startServer({ root: DIST, pages: { '/course.html': page('A course page', `<p>Before.</p>${html}${bad}`) } });
  const { page: p, problems, responses } = await openPage(browser, `${server.url}course.html`, { viewport: { width: 900, height: 900 }, initScript: keepWarnings });
  try {
    const frames = () => p.frames().filter((f) => f.url().includes('embed.html'));
    await p.waitForFunction(() => document.querySelectorAll('iframe').length === 2);
    const good = frames().find((f) => !f.url().includes('lots'));
    const worse = frames().find((f) => f.url().includes('lots'));
    await drawn(good);
    assert.equal(await good.evaluate(() => origin), 'null', 'the sandboxed frame has an opaque origin');
    assert.equal(await good.locator('#head-tilt').inputValue(), '8');
    assert.equal(await good.locator('#leg-length').inputValue(), '5');
    // The helper sizes the frame to its page (the snippet starts it at 1400 px).
    const fit = async () => p.evaluate(() => document.querySelector('iframe').getBoundingClientRect().height);
    await p.waitForFunction(() => document.querySelector('iframe').style.height !== '');
    const inner = await good.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    assert.ok(Math.abs((await fit()) - inner) <= 1, `frame ${await fit()} px, its page ${inner} px`);
    // Bad parameters warn and fall back.
    await worse.locator('#head-tilt').waitFor({ state: 'attached' });
    await p.waitForFunction(() => document.querySelectorAll('iframe')[1].style.height !== '');
    assert.equal(await worse.locator('#head-tilt').inputValue(), '5');
    await p.waitForTimeout(200);
    const inFrame = await worse.evaluate(() => window.warnings);
    assert.ok(inFrame.some((w) => w.includes('head-tilt="lots"')), `a warning names the bad value: ${inFrame}`);
    assert.ok(inFrame.some((w) => w.includes('"colour"')), `a warning names the unknown parameter: ${inFrame}`);
    // A hostile or broken message changes nothing: a bad height from the frame, one from elsewhere.
    const before = await fit();
    await good.evaluate(() => parent.postMessage({ type: 'posture-chain:height', height: 1e9 }, '*'));
    await p.evaluate(() => window.postMessage({ type: 'posture-chain:height', height: 200 }, '*'));
    await p.waitForTimeout(200);
    assert.equal(await fit(), before);
    const onHost = await p.evaluate(() => window.warnings);
    assert.ok(onHost.some((w) => w.includes('ignored a height of 1000000000')), `${onHost}`);
    // The frame fetched nothing but itself.
    const fetched = responses.map((r) => new URL(r.url()).pathname).filter((u) => !u.endsWith('course.html'));
    assert.deepEqual([...new Set(fetched)].sort(), [`/${folder}/embed-resize.js`, `/${folder}/embed.html`]);
    assert.deepEqual(await axeViolations(p), []);
    assert.deepEqual(problems.list(), []);
  } finally {
    await p.context().close();
    await server.close();
  }
});

test('npm: the packed tarball installs offline into a fresh project and its name imports and draws', TIMEOUT, async () => {
  const work = await mkdtemp(join(tmpdir(), 'posture-chain-npm-'));
  try {
    const packed = execFileSync('npm', ['pack', '--pack-destination', work, '--silent'], { cwd: join(DIST, folder), encoding: 'utf8' }).trim().split('\n').pop();
    const tarball = join(work, packed);
    const listing = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' });
    for (const f of ['package.json', 'posture-chain.js', 'pkg/posture_chain_bg.wasm', 'posture-chain.d.ts', 'api.d.ts', 'api/posture_chain.js', 'embed.html', 'embed-resize.js', 'poster.svg', 'poster-phone.svg', 'poster.css', 'README.md', 'LICENSE-MIT', 'LICENSE-APACHE']) {
      assert.match(listing, new RegExp(`^package/${f.replace('.', '\\.')}$`, 'm'), `the tarball has ${f}`);
    }
    const app = join(work, 'app');
    execFileSync('mkdir', ['-p', app]);
    await writeFile(join(app, 'package.json'), JSON.stringify({ name: 'clinic-app', private: true, type: 'module' }));
    execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], { cwd: app, stdio: 'pipe' });
    const resolved = execFileSync('node', ['--input-type=module', '-e', "console.log(import.meta.resolve('posture-chain')); console.log(import.meta.resolve('posture-chain/api'))"], { cwd: app, encoding: 'utf8' });
    assert.match(resolved, /node_modules\/posture-chain\/posture-chain\.js\n.*node_modules\/posture-chain\/api\/posture_chain\.js/);
    const meta = JSON.parse(await readFile(join(app, 'node_modules', 'posture-chain', 'package.json'), 'utf8'));
    assert.equal(meta.type, 'module');
    assert.equal(meta.types, './posture-chain.d.ts');

    const js = await snippet('js', 0);
    const server = await startServer({
      root: app,
      pages: {
        '/index.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>An app</title>
<script type="importmap">{ "imports": { "posture-chain": "/node_modules/posture-chain/posture-chain.js",
  "posture-chain/api": "/node_modules/posture-chain/api/posture_chain.js" } }</script></head>
<body><main><h1>An app</h1></main><script type="module">
window.changes = [];
const log = console.log;
console.log = (...a) => { window.changes.push(a); log(...a); };
${js}
document.querySelector('posture-chain').addEventListener('load', () => { window.loaded = true; });
</script></body></html>`,
      },
    });
    const { page: p, problems } = await openPage(browser, `${server.url}index.html`);
    try {
      await p.waitForFunction(() => window.loaded === true, null, { timeout: 15_000 });
      await drawn(p);
      assert.equal(await p.locator('#head-tilt').inputValue(), '8', 'el.headTilt = 8 before it was added');
      await p.locator('#head-tilt').focus();
      await p.keyboard.press('ArrowRight');
      await p.waitForFunction(() => window.changes.some((c) => c[1] === 'user'));
      const api = await p.evaluate(async () => {
        const { default: init, solve } = await import('posture-chain/api');
        await init();
        return solve({ headTiltDeg: 5 }).measures.shoulderHeightDiffMm;
      });
      assert.ok(Number.isFinite(api), `the JS API answers: ${api}`);
      assert.deepEqual(problems.list(), []);
    } finally {
      await p.context().close();
      await server.close();
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});
