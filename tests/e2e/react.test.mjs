// The React example of docs/embedding.md ("npm (for developers)"), run as a developer would: the
// kit's npm tarball (`npm pack` in target/dist/, written by the `dist` stage of `cargo xtask
// test`) and React installed from npm into a fresh project (from npm's cache after the first
// time), the docs' component copied verbatim into it, bundled with the project's esbuild (the
// wasm copied beside the bundle, as the docs tell a bundler without `new URL(…, import.meta.url)`
// support), opened in Chromium: the attribute React sets reaches the widget, and dragging the
// slider sends a `change` whose measures end up in React's state and on the page.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { ROOT, launchBrowser, openPage, startServer } from './lib.mjs';

const TIMEOUT = { timeout: 120_000 };
const DIST = join(ROOT, 'target', 'dist');
/** React as the example is tested with, pinned (npm checks each tarball's integrity). */
const REACT = ['react@19.2.9', 'react-dom@19.2.9'];

/** The docs' React example: the first ```jsx block of docs/embedding.md, as it is. */
async function reactSnippet() {
  const docs = await readFile(join(ROOT, 'docs', 'embedding.md'), 'utf8');
  const block = /```jsx\n([\s\S]*?)```/.exec(docs)?.[1];
  assert.ok(block, 'docs/embedding.md has a ```jsx block');
  return block;
}

// The app around the docs' component: React state that the component's onMeasures sets.
const APP = `import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Posture } from './Posture.jsx';

function App() {
  const [measures, setMeasures] = useState(null);
  return (
    <main>
      <h1>A clinic's app</h1>
      <Posture tilt={8} onMeasures={setMeasures} />
      <p>Shoulder height difference: <output id="shoulders">{measures ? String(measures.shoulderHeightDiffMm) : 'none yet'}</output></p>
    </main>
  );
}
createRoot(document.getElementById('root')).render(<App />);
`;

test('npm + React: the docs example, bundled against the packed tarball, gets the change event into React state', TIMEOUT, async () => {
  const folder = (await readdir(DIST).catch(() => [])).find((n) => /^posture-chain-\d/.test(n) && !n.endsWith('.zip'));
  assert.ok(folder, `no kit in ${DIST}: run \`cargo xtask dist\` first`);
  const work = await mkdtemp(join(tmpdir(), 'posture-chain-react-'));
  let browser;
  try {
    const packed = execFileSync('npm', ['pack', '--pack-destination', work, '--silent'], { cwd: join(DIST, folder), encoding: 'utf8' }).trim().split('\n').pop();
    const app = join(work, 'app');
    await mkdir(app);
    await writeFile(join(app, 'package.json'), JSON.stringify({ name: 'clinic-react-app', private: true, type: 'module' }));
    execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', ...REACT, join(work, packed)], { cwd: app, stdio: 'pipe' });
    await writeFile(join(app, 'Posture.jsx'), await reactSnippet());
    await writeFile(join(app, 'main.jsx'), APP);
    const out = join(app, 'dist');
    await build({
      entryPoints: [join(app, 'main.jsx')],
      bundle: true,
      format: 'esm',
      splitting: true,
      outdir: out,
      jsx: 'automatic',
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'silent',
    });
    await cp(join(app, 'node_modules', 'posture-chain', 'pkg'), join(out, 'pkg'), { recursive: true });

    browser = await launchBrowser();
    const server = await startServer({
      root: out,
      pages: {
        '/index.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A clinic's app</title></head>
<body><div id="root"></div><script type="module" src="/main.js"></script></body></html>`,
      },
    });
    const { page, problems } = await openPage(browser, `${server.url}index.html`, { viewport: { width: 1100, height: 900 } });
    try {
      const el = page.locator('posture-chain');
      await page.waitForFunction(() => document.querySelector('posture-chain')?._widget?.isSettled(), null, { timeout: 20_000 });
      assert.equal(await el.getAttribute('head-tilt'), '8', 'React set the attribute');
      const slider = el.locator('#head-tilt');
      assert.equal(await slider.inputValue(), '8', 'the widget starts at it');
      // What the element itself sends, to compare with what React shows.
      await page.evaluate(() => document.querySelector('posture-chain').addEventListener('change', (e) => {
        window.last = { source: e.detail.source, shoulders: e.detail.measures.shoulderHeightDiffMm };
      }));
      await slider.scrollIntoViewIfNeeded();
      const box = await slider.boundingBox();
      await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * 0.9, box.y + box.height / 2, { steps: 8 });
      await page.mouse.up();
      assert.ok(Number(await slider.inputValue()) > 10, `dragged right: ${await slider.inputValue()}`);
      await page.waitForFunction(() => window.last?.source === 'user' && document.querySelector('posture-chain')._widget.isSettled());
      await page.waitForFunction(() => document.getElementById('shoulders').textContent === String(window.last.shoulders), null, { timeout: 5_000 });
      const shown = await page.locator('#shoulders').textContent();
      assert.ok(Number.isFinite(Number(shown)), `React shows the measure: ${shown}`);
      assert.deepEqual(problems.list(), []);
    } finally {
      await page.context().close();
      await server.close();
    }
  } finally {
    await browser?.close();
    await rm(work, { recursive: true, force: true });
  }
});
