// The widget under a strict Content-Security-Policy, sent as a header with every file:
// `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'` (the policy
// docs/embedding.md gives the clinic's host). It must draw, be styled (its styles are an adopted
// constructable stylesheet, not a <style> element) and respond, with no `securitypolicyviolation`
// and no console message about the policy.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, canvasSignature, launchBrowser, openPage, startServer } from './lib.mjs';

const TIMEOUT = { timeout: 60_000 };
export const POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

let server;
let browser;
before(async () => {
  server = await startServer({
    headers: { 'Content-Security-Policy': POLICY },
    pages: {
      '/csp.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Strict CSP</title>
<script type="module" src="./posture-chain.js"></script></head>
<body><main><h1>Under a strict policy</h1><h2>An illustration</h2>
<posture-chain head-tilt="-6" brand-color="#8a1d5f"></posture-chain></main></body></html>`,
    },
  });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test(`works under "${POLICY}" with no violation`, TIMEOUT, async () => {
  const { page, problems, responses } = await openPage(browser, `${server.url}csp.html`, {
    initScript: () => {
      window.violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
    },
  });
  try {
    assert.equal(responses[0].headers()['content-security-policy'], POLICY);
    await page.waitForFunction(() => document.querySelector('posture-chain')._widget?.isSettled());
    const back = 'posture-chain canvas.back';
    assert.ok((await canvasSignature(page, back)).colours > 20, 'drawn');
    const radius = await page.locator('posture-chain .pc').evaluate((e) => getComputedStyle(e).borderTopLeftRadius);
    assert.equal(radius, '10px', 'the shadow styles apply');
    assert.equal(await page.locator('posture-chain').evaluate((e) => e.shadowRoot.querySelector('style')), null);
    const table = await page.locator('posture-chain tbody').innerText();
    await page.locator('#head-tilt').focus();
    for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowRight');
    await page.waitForFunction((t) => document.querySelector('posture-chain')._widget.isSettled()
      && document.querySelector('posture-chain').shadowRoot.querySelector('tbody').innerText !== t, table);
    await page.locator('posture-chain').evaluate((e) => e.setAttribute('brand-color', '#1d5f8a'));
    await page.locator('[data-act=explain]').click();
    assert.deepEqual(await axeViolations(page), []);
    await page.waitForTimeout(300);
    assert.deepEqual(await page.evaluate(() => window.violations), []);
    assert.deepEqual(problems.list(), []);
  } finally {
    await page.context().close();
  }
});
