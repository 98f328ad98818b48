// "How certain?": the model's uncertainty bands on the widget, in words. The JS API module is
// fetched only when a reader asks; the spans are worked out for the inputs on screen, follow them
// when they change, and every span reads "about A–B unit" with A ≤ B.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, launchBrowser, openApp, startServer } from './lib.mjs';

const TIMEOUT = { timeout: 90_000 };

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

/** The spans shown, as [name, words] pairs (group headings left out). */
const spans = (page) => page.evaluate(() => {
  const nodes = [...document.querySelector('posture-chain').shadowRoot.querySelectorAll('.spans dt, .spans dd')];
  const pairs = [];
  for (let i = 0; i + 1 < nodes.length; i += 2) pairs.push([nodes[i].textContent, nodes[i + 1].textContent]);
  return pairs;
});

/** The numbers of "about A–B unit", "about A to B unit" or "about A unit". */
function range(words) {
  const m = /^about (−?[\d.]+)(?:(?:–| to )(−?[\d.]+))?(?:°|%|\u00a0mm|\u00a0kg)$/.exec(words);
  assert.ok(m, `a span in words: ${JSON.stringify(words)}`);
  const n = (t) => Number(t.replace('−', '-'));
  return [n(m[1]), n(m[2] ?? m[1])];
}

test('the spans load only when asked, fit their words, and follow the inputs', TIMEOUT, async () => {
  const { page, problems, responses } = await openApp(browser, server.url, { canvas: 'posture-chain canvas' });
  try {
    const el = page.locator('posture-chain');
    const asked = () => responses.filter((r) => r.url().includes('/api/')).length;
    assert.equal(asked(), 0, 'no request for the JS API module before a reader asks');
    const how = el.locator('caption .how');
    assert.equal(await how.getAttribute('aria-expanded'), 'false');
    await how.click();
    assert.equal(await how.getAttribute('aria-expanded'), 'true');
    await page.waitForFunction(() => document.querySelector('posture-chain').shadowRoot.querySelectorAll('.spans dd').length > 10);
    assert.ok(asked() > 0, 'the JS API module is fetched once asked');
    const first = await spans(page);
    const names = first.map(([name]) => name);
    for (const name of ['Shoulder height difference', 'Load on the neck', 'Lower neck and shoulders', 'Pelvis and legs']) {
      assert.ok(names.includes(name), `a span for ${name} in ${names.join(', ')}`);
    }
    for (const [name, words] of first) {
      const [lo, hi] = range(words);
      assert.ok(lo <= hi, `${name}: ${words}`);
    }
    // The shares of the correcting are percentages of one whole.
    const shares = first.slice(-5).map(([, w]) => range(w));
    assert.ok(shares.every(([lo, hi]) => lo >= 0 && hi <= 100), JSON.stringify(shares));
    assert.ok(shares.reduce((s, [lo]) => s + lo, 0) <= 100 && shares.reduce((s, [, hi]) => s + hi, 0) >= 100, JSON.stringify(shares));

    // A bigger tilt: the shoulder span moves once the inputs rest.
    const shoulders = (pairs) => pairs.find(([n]) => n === 'Shoulder height difference')[1];
    const before = shoulders(first);
    const tilt = el.locator('#head-tilt');
    await tilt.focus();
    for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowRight');
    await page.waitForFunction((b) => {
      const root = document.querySelector('posture-chain').shadowRoot;
      const dts = [...root.querySelectorAll('.spans dt')];
      const i = dts.findIndex((d) => d.textContent === 'Shoulder height difference');
      return i >= 0 && dts[i].nextElementSibling.textContent !== b;
    }, before, { timeout: 20_000 });
    const after = shoulders(await spans(page));
    assert.ok(range(after)[1] >= range(before)[1], `a bigger tilt, a shoulder span at least as high: ${before} -> ${after}`);
    const text = await el.evaluate((e) => e.shadowRoot.querySelector('.certainty').textContent);
    assert.deepEqual(await axeViolations(page), [], 'axe-core finds nothing with the spans open');
    assert.doesNotMatch(text, /NaN|undefined|Infinity/);
    await how.click();
    assert.equal(await el.locator('.certainty').isHidden(), true, 'closes again');
    assert.deepEqual(problems.list(), []);
  } finally {
    await page.context().close();
  }
});
