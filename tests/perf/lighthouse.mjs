// Lighthouse (mobile profile, simulated throttling) on the built site's pages, driving the system
// Chromium (`cargo xtask lighthouse`). The site is served here with gzip, as a host configured for
// size would serve it. Prints, per page, the four category scores and LCP, CLS, TBT, the request
// count and the bytes transferred; fails only on what does not depend on the machine's speed: a
// layout shift, a request to another origin, more requests or more bytes than the page's budget.
// (The size stage holds the files' exact gzip bytes; the byte budget here is a backstop for what
// the browser really fetched on load, HTTP headers included.)
//
//   node tests/perf/lighthouse.mjs [page ...]      (default: index.html, and embed.html if built)
//   LIGHTHOUSE_SITE=/tmp/old-site node tests/perf/lighthouse.mjs index.html   (another build)

import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
// The built site, or another (LIGHTHOUSE_SITE=/tmp/old-site), to compare two builds in turns.
const SITE = process.env.LIGHTHOUSE_SITE || join(ROOT, 'target', 'site');
const LIGHTHOUSE = join(ROOT, 'tools', 'lighthouse', 'node_modules', '.bin', 'lighthouse');
const CHROME = process.env.CHROME || '/usr/bin/chromium';
/** What a page may ask for: the HTML, the element, its wasm (and, for the iframe page, itself). */
const MAX_REQUESTS = 6;
/** Bytes transferred on load, HTTP headers included: the demo page's first load is held to its
 * gzip budget by the size stage (67,236 transferred before the poster, 2026-12-02; the inlined
 * poster adds about 2.6 KB), embed.html is one self-contained file (111,230 before the poster). */
const MAX_BYTES = { 'index.html': 75_000, 'embed.html': 125_000 };
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.json': 'application/json',
  '.png': 'image/png', '.ico': 'image/x-icon',
};

const pages = process.argv.slice(2);
if (pages.length === 0) {
  pages.push('index.html');
  if (existsSync(join(SITE, 'embed.html'))) pages.push('embed.html');
}
if (!existsSync(LIGHTHOUSE)) {
  console.error(`lighthouse: ${LIGHTHOUSE} is missing; run \`cargo xtask lighthouse\`, which installs it`);
  process.exit(2);
}

const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  let file = join(SITE, path);
  if (file.endsWith('/') || path === '/') file = join(file, 'index.html');
  if (!file.startsWith(SITE) || !existsSync(file)) {
    res.writeHead(404).end();
    return;
  }
  const body = readFileSync(file);
  const gzip = /gzip/.test(req.headers['accept-encoding'] ?? '') && extname(file) !== '.png';
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': 'public, max-age=31536000',
    'x-content-type-options': 'nosniff',
    ...(gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
  });
  res.end(gzip ? gzipSync(body, { level: 9 }) : body);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;

const run = (url) => new Promise((resolvePromise, reject) => {
  const child = spawn(LIGHTHOUSE, [url, '--output=json', '--output-path=stdout', '--quiet',
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu'], { env: { ...process.env, CHROME_PATH: CHROME } });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => { out += d; });
  child.stderr.on('data', (d) => { err += d; });
  child.on('error', reject);
  child.on('close', (code) => (code === 0 ? resolvePromise(JSON.parse(out)) : reject(new Error(`lighthouse exit ${code}: ${err.slice(-2000)}`))));
});

const problems = [];
try {
  for (const page of pages) {
    const report = await run(`${origin}/${page}`);
    const a = report.audits;
    const scores = Object.values(report.categories).map((c) => `${c.title.toLowerCase()} ${Math.round(c.score * 100)}`);
    const requests = a['network-requests']?.details?.items ?? [];
    const transfer = requests.reduce((s, r) => s + (r.transferSize ?? 0), 0);
    const foreign = requests.filter((r) => /^https?:/.test(r.url) && !r.url.startsWith(origin)).map((r) => r.url);
    const cls = a['cumulative-layout-shift'].numericValue;
    console.log(`lighthouse: ${page}: ${scores.join(', ')}`);
    console.log(`  LCP ${(a['largest-contentful-paint'].numericValue / 1000).toFixed(2)} s, CLS ${cls.toFixed(3)}, TBT ${Math.round(a['total-blocking-time'].numericValue)} ms, FCP ${(a['first-contentful-paint'].numericValue / 1000).toFixed(2)} s; ${requests.length} requests, ${transfer} bytes transferred`);
    for (const [id, audit] of Object.entries(a)) {
      if (audit.score !== null && audit.score < 1 && !['informative', 'notApplicable', 'manual'].includes(audit.scoreDisplayMode)) {
        console.log(`  below full marks: ${id} (${audit.displayValue ?? audit.score})`);
        // The elements an audit names (accessibility's), so that a failure says where it is.
        for (const item of (audit.details?.items ?? []).filter((i) => i.node).slice(0, 3)) {
          console.log(`    at ${item.node.selector ?? ''}: ${item.node.snippet ?? ''} ${item.node.explanation ? `(${item.node.explanation.split('\n')[0]})` : ''}`);
        }
      }
    }
    if (cls > 0) problems.push(`${page}: layout shift ${cls.toFixed(4)} (must be 0)`);
    const maxBytes = MAX_BYTES[page.split('?')[0]];
    if (maxBytes !== undefined && transfer > maxBytes) problems.push(`${page}: ${transfer} bytes transferred (at most ${maxBytes})`);
    if (foreign.length) problems.push(`${page}: requests to other origins: ${foreign.join(', ')}`);
    if (requests.length > MAX_REQUESTS) problems.push(`${page}: ${requests.length} requests (at most ${MAX_REQUESTS})`);
  }
} finally {
  server.close();
}
for (const p of problems) console.log(`lighthouse: FAILED: ${p}`);
process.exit(problems.length ? 1 : 0);
