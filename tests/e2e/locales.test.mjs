// The reader's language (issue 13): every key in every string table (a missing one fails with its
// name and locale, and a sentence keeps its {placeholders}); then the built page in Chromium:
// German from `lang`, from an ancestor and from a region (de-AT), in embed.html's query (nothing
// fetched), its live region after a drag,
// decimal commas in the table and on the canvas (read from what the canvas draws), no English
// label left on the canvas; switching language at run time keeps every input and mode; an
// unknown language warns once and shows English; axe-core finds nothing in any language; and in
// the pseudo-locale (every string ~40 % longer) nothing in the shadow root overflows its box and
// no canvas label runs past its canvas, at 320, 390 and 1280 px wide, in every view.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { WWW, axeViolations, launchBrowser, openApp, startServer } from './lib.mjs';
import { MOTIONS, STRATEGIES } from '../../www/generated.js';
import { canvasTemplate } from '../../www/words.js';
import { pseudo } from '../../www/pseudo.js';

const TIMEOUT = { timeout: 180_000 };
const read = async (name) => JSON.parse(await readFile(join(WWW, 'locales', `${name}.json`), 'utf8'));
// English in two files: what the element shows at once, and compare's and the puzzle's words.
// The canvas labels' English templates, for translators and this test (English needs no wording).
const EN = { ...await read('en'), ...await read('en-modes'), ...await read('en-share'), ...await read('en-certainty'), ...await read('en-presenter'), canvas: await read('en-canvas') };
const OTHERS = ['es', 'de', 'fr'];
const placeholders = (s) => [...String(s).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(',');

/** The keys every locale must have: English's, and the words Rust defines (generated.js). */
const generated = [
  ...STRATEGIES.flatMap((s) => [`strategy.${s.key}.label`, `strategy.${s.key}.description`]),
  ...MOTIONS.map((_, i) => `motion.${i}`),
];

test('every key of the English table and every Rust-defined word is in every locale, placeholders kept', async () => {
  for (const locale of OTHERS) {
    const table = await read(locale);
    const missing = [];
    for (const key of Object.keys(EN).filter((k) => k !== 'canvas' && !k.startsWith('_'))) {
      if (typeof table[key] !== 'string') missing.push(key);
      else assert.equal(placeholders(table[key]), placeholders(EN[key]), `${locale}: "${key}" has the placeholders of English`);
    }
    for (const key of generated) if (typeof table[key] !== 'string') missing.push(key);
    for (const key of EN.canvas) {
      if (typeof table.canvas?.[key] !== 'string') missing.push(`canvas["${key}"]`);
      else assert.equal(placeholders(table.canvas[key]), placeholders(key), `${locale}: canvas "${key}" keeps its numbers`);
    }
    assert.deepEqual(missing, [], `${locale} lacks: ${missing.join(', ')}`);
    for (const key of Object.keys(table)) {
      assert.ok(key in EN || generated.includes(key) || key.startsWith('_'), `${locale}: "${key}" is not a key English has`);
    }
    assert.equal(table._decimal, ',', `${locale} writes a decimal comma`);
  }
  // The strategy labels keep the "(…)" the badge strips, where English has one.
  for (const locale of OTHERS) {
    const table = await read(locale);
    for (const s of STRATEGIES) {
      assert.equal(/ \(.*\)$/.test(table[`strategy.${s.key}.label`]), / \(.*\)$/.test(s.label), `${locale}: ${s.key}'s label marks a hypothesis as English does`);
    }
  }
});

test('the pseudo-locale is made from English: longer by about 40 %, accented, placeholders kept', () => {
  for (const [key, s] of Object.entries(EN)) {
    if (key.startsWith('_') || key === 'canvas') continue;
    const p = pseudo(s);
    assert.equal(placeholders(p), placeholders(s), key);
    const bare = s.replace(/\{\w+\}/g, '').length;
    if (bare >= 10) assert.ok(p.replace(/\{\w+\}/g, '').length - 2 >= bare * 1.3, `${key}: "${p}" is about 40 % longer`);
    if (/[aeiou]/.test(s.replace(/\{\w+\}/g, ''))) assert.notEqual(p.slice(1, -1), s, key);
  }
  assert.equal(canvasTemplate('R 9 mm higher, 1.3°'), 'R {0} mm higher, {1}°');
  assert.equal(canvasTemplate('C5-C6, 1,4× standing'), '{0}, {1}× standing');
  assert.equal(canvasTemplate('C7 plumb line'), 'C7 plumb line');
});

// Every label the canvases draw, with what is needed to tell whether it fits (the backend's
// fillText calls: text, position, the canvas's CSS width, the measured and allowed width).
const RECORD = () => {
  const fill = CanvasRenderingContext2D.prototype.fillText;
  window.__labels = [];
  CanvasRenderingContext2D.prototype.fillText = function (text, x, y, maxWidth) {
    const scale = this.getTransform().a || 1;
    window.__labels.push({
      text: String(text), x, y, align: this.textAlign, view: this.canvas.className.split(' ')[0],
      cssWidth: this.canvas.width / scale, width: Math.min(this.measureText(text).width, maxWidth ?? Infinity),
    });
    if (window.__labels.length > 4000) window.__labels.splice(0, 2000);
    return maxWidth === undefined ? fill.call(this, text, x, y) : fill.call(this, text, x, y, maxWidth);
  };
};

const page = (body, lang = 'en') => `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>locales test</title>
<script type="module" src="./posture-chain.js"></script></head><body><main><h1>Locales</h1><h2>The illustration</h2>${body}</main></body></html>`;
const PAGES = {
  '/de.html': page('<posture-chain loading="eager" lang="de" head-tilt="8" leg-length="6"></posture-chain>'),
  '/de-at.html': page('<div lang="de-AT"><posture-chain loading="eager" head-tilt="8"></posture-chain></div>'),
  '/es.html': page('<posture-chain loading="eager" head-tilt="8"></posture-chain>', 'es'),
  '/fr.html': page('<posture-chain loading="eager" lang="fr" head-tilt="8"></posture-chain>'),
  '/en.html': page('<posture-chain loading="eager" head-tilt="8" leg-length="6"></posture-chain>'),
  '/xx.html': page('<posture-chain loading="eager" lang="xx" head-tilt="8"></posture-chain>'),
  '/pseudo.html': page('<posture-chain loading="eager" lang="en-XA" head-tilt="-12" leg-length="-14" forward-head="30" compensation="0.5"></posture-chain>'),
};

let server;
let browser;
before(async () => {
  server = await startServer({ pages: PAGES });
  browser = await launchBrowser();
}, TIMEOUT);
after(async () => {
  await browser?.close();
  await server?.close();
}, TIMEOUT);

const open = (path, viewport = { width: 1280, height: 900 }) =>
  openApp(browser, server.url + path.slice(1), { canvas: 'posture-chain canvas', viewport, initScript: RECORD });
const settled = (p) => p.waitForFunction(() => {
  const el = document.querySelector('posture-chain');
  return el?._widget?.isSettled() && !el._raf && el._table?._lang === el._locale;
});
const shadow = (p, fn, arg) => p.evaluate(([f, a]) => new Function('root', 'el', 'arg', `return (${f})(root, el, arg)`)(
  document.querySelector('posture-chain').shadowRoot, document.querySelector('posture-chain'), a), [fn.toString(), arg]);
const text = (p, selector) => shadow(p, (root, el, s) => root.querySelector(s).textContent, selector);
const labels = (p) => p.evaluate(() => window.__labels.slice());
const clearLabels = (p) => p.evaluate(() => { window.__labels.length = 0; });

/** Drags the head in the back view sideways by `dx` CSS pixels. */
async function dragHead(p, dx) {
  const canvas = p.locator('posture-chain canvas.back');
  const box = await canvas.boundingBox();
  const head = await p.evaluate(() => document.querySelector('posture-chain').headPoint());
  const [x, y] = [box.x + head.x, box.y + head.y];
  await p.mouse.move(x, y);
  await p.mouse.down();
  for (let k = 1; k <= 8; k++) await p.mouse.move(x + (dx * k) / 8, y);
  await p.mouse.up();
}

test('German from the lang attribute: the controls, the table, the live region after a drag, the canvas with decimal commas', TIMEOUT, async () => {
  const { page: p, problems } = await open('/de.html');
  await settled(p);
  assert.equal(await shadow(p, (root) => root.querySelector('.pc').lang), 'de');
  assert.equal(await text(p, 'label[for=head-tilt]'), 'Kopfneigung');
  assert.match(await text(p, '#head-tilt-out'), /^8,0° rechts$/);
  assert.match(await text(p, 'tbody'), /\d,\d°/, 'the table writes a decimal comma');
  assert.doesNotMatch(await text(p, 'tbody'), /\d\.\d/, 'and no decimal point');
  assert.equal(await shadow(p, (root) => root.querySelector('#head-tilt').getAttribute('aria-valuetext')), '8,0 Grad nach rechts');
  await clearLabels(p);
  await dragHead(p, 60);
  await settled(p);
  await p.waitForFunction(() => document.querySelector('posture-chain').shadowRoot.querySelector('.live').textContent.length > 0);
  const live = await text(p, '.live');
  assert.match(live, /^Kopf um \d+,\d° nach (rechts|links) geneigt; /, `the live region speaks German: ${live}`);
  assert.match(live, /Gewichts auf dem (linken|rechten) Fuß\.$/);
  const drawn = await labels(p);
  const texts = [...new Set(drawn.map((l) => l.text))];
  assert.ok(texts.some((t) => /\d,\d/.test(t)), `the canvas draws a decimal comma: ${texts.join(' | ')}`);
  assert.ok(!texts.some((t) => /\d\.\d/.test(t)), `and no decimal point: ${texts.join(' | ')}`);
  const de = await read('de');
  const english = texts.filter((t) => EN.canvas.includes(canvasTemplate(t)) && de.canvas[canvasTemplate(t)] !== canvasTemplate(t));
  assert.deepEqual(english, [], 'no canvas label is left in English');
  const untranslatable = texts.filter((t) => /[a-z]{3}/.test(t) && !Object.values(de.canvas).some((d) => canvasTemplate(t) === d));
  assert.deepEqual(untranslatable, [], 'every worded canvas label is one of the German table\'s');
  assert.deepEqual(problems.list(), []);
});

test('an ancestor\'s lang, a region (de-AT) and the page\'s own lang choose the locale', TIMEOUT, async () => {
  for (const [path, lang, word] of [['/de-at.html', 'de', 'Kopfneigung'], ['/es.html', 'es', 'Inclinación de la cabeza'], ['/fr.html', 'fr', 'Inclinaison de la tête']]) {
    const { page: p, problems } = await open(path);
    await settled(p);
    assert.equal(await shadow(p, (root) => root.querySelector('.pc').lang), lang, path);
    assert.equal(await text(p, 'label[for=head-tilt]'), word, path);
    assert.deepEqual(await axeViolations(p), [], `axe-core finds nothing in ${lang}`);
    assert.deepEqual(problems.list(), [], path);
    await p.context().close();
  }
});

test('switching language at run time words everything again and keeps the inputs, the strategy, the explain step and the modes', TIMEOUT, async () => {
  const { page: p, problems } = await open('/en.html');
  await settled(p);
  await shadow(p, (root) => {
    const set = (id, v) => {
      const input = root.getElementById(id);
      input.value = v;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    };
    set('forward-head', '20');
    set('strategy', '0');
    root.getElementById('magnify').click();
    root.querySelector('[data-act=explain]').click();
    root.querySelector('[data-act=next]').click();
  });
  await settled(p);
  const state = () => shadow(p, (root, el) => ({
    inputs: el._inputs(), step: el._step, magnify: root.getElementById('magnify').checked,
    strategy: root.getElementById('strategy').value, explainOpen: !root.querySelector('.explain').hidden,
  }));
  const before = await state();
  assert.equal(before.step, 1);
  assert.match(await text(p, '#explain-step'), /^Step 2 of 5: /);
  await p.evaluate(() => document.querySelector('posture-chain').setAttribute('lang', 'fr'));
  await settled(p);
  assert.deepEqual(await state(), before, 'nothing the reader set is lost');
  assert.match(await text(p, '#explain-step'), /^Étape 2 sur 5\s: Bas du cou et épaules$/);
  assert.equal(await text(p, '#strategy option:checked'), 'Le cou seul');
  assert.equal(await text(p, '#strategy-about'), (await read('fr'))['strategy.neck.description']);
  assert.equal(await text(p, 'label[for=forward-head]'), 'Tête projetée en avant');
  assert.match(await text(p, '#forward-head-out'), /^20°$/);
  assert.match(await text(p, 'thead'), /Plage habituelle/);
  await clearLabels(p);
  await p.evaluate(() => { const el = document.querySelector('posture-chain'); el._widget.redraw(); el._schedule(); });
  await settled(p);
  const texts = (await labels(p)).map((l) => l.text);
  assert.ok(texts.includes('Épaules'), `the canvas speaks French: ${[...new Set(texts)].join(' | ')}`);
  await p.evaluate(() => document.querySelector('posture-chain').setAttribute('lang', 'en'));
  await settled(p);
  assert.match(await text(p, '#explain-step'), /^Step 2 of 5: Lower neck and shoulders$/);
  assert.deepEqual(await state(), before);
  assert.deepEqual(problems.list(), []);
});

test('an unknown language warns once and shows English', TIMEOUT, async () => {
  const warnings = [];
  const { page: p, problems } = await openApp(browser, server.url + 'xx.html', {
    canvas: 'posture-chain canvas',
    initScript: () => {
      const warn = console.warn;
      window.__warnings = [];
      console.warn = (...a) => { window.__warnings.push(a.join(' ')); warn(...a); };
    },
  });
  await settled(p);
  warnings.push(...await p.evaluate(() => window.__warnings));
  assert.equal(warnings.filter((w) => w.includes('lang="xx"')).length, 1, warnings.join('\n'));
  assert.equal(await text(p, 'label[for=head-tilt]'), 'Head tilt');
  assert.equal(await shadow(p, (root) => root.querySelector('.pc').lang), 'en');
  assert.deepEqual(problems.list(), []);
});

/** What overflows in the shadow root: text boxes wider than their box, or out of the element. */
const overflow = (root) => {
  const pc = root.querySelector('.pc').getBoundingClientRect();
  const out = [];
  for (const el of root.querySelectorAll('*')) {
    if (!el.checkVisibility?.() || el.closest('.vh, [hidden], .view:not(.on) ~ *') || el.closest('.view:not(.on)')) continue;
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!own) continue;
    const style = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    if (style.display !== 'inline' && el.scrollWidth > el.clientWidth + 1 && el.tagName !== 'SELECT') out.push(`${el.tagName}.${el.className} "${el.textContent.slice(0, 40)}" is ${el.scrollWidth} px in ${el.clientWidth}`);
    if (r.left < pc.left - 1 || r.right > pc.right + 1) out.push(`${el.tagName}.${el.className} "${el.textContent.slice(0, 40)}" sticks out of the element (${Math.round(r.left)}–${Math.round(r.right)} in ${Math.round(pc.left)}–${Math.round(pc.right)})`);
  }
  if (document.documentElement.scrollWidth > innerWidth + 1) out.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} > ${innerWidth}`);
  return out;
};

test('in the pseudo-locale nothing clips or runs off, at 320, 390 and 1280 px, in every view, with the panels open', TIMEOUT, async () => {
  for (const width of [320, 390, 1280]) {
    const { page: p, problems } = await open('/pseudo.html', { width, height: 900 });
    await settled(p);
    assert.match(await text(p, 'label[for=head-tilt]'), /^⟦Ĥ|^⟦/);
    const found = [];
    for (const view of [0, 1, 2]) {
      await shadow(p, (root, el, v) => {
        const tabs = root.querySelectorAll('[role=tab]');
        if (tabs[v].getBoundingClientRect().width > 0) tabs[v].click();
      }, view);
      await clearLabels(p);
      await p.evaluate(() => { const el = document.querySelector('posture-chain'); el._widget.redraw(); el._schedule(); });
      await settled(p);
      found.push(...(await shadow(p, overflow)).map((s) => `${width} px, view ${view}: ${s}`));
      for (const l of await labels(p)) {
        const left = l.align === 'left' ? l.x : l.align === 'right' ? l.x - l.width : l.x - l.width / 2;
        if (left < -1 || left + l.width > l.cssWidth + 1) found.push(`${width} px: canvas ${l.view} label "${l.text}" runs from ${Math.round(left)} to ${Math.round(left + l.width)} in ${Math.round(l.cssWidth)}`);
      }
    }
    // The open panels too: explain, the certainty spans' text.
    await shadow(p, (root) => { root.querySelector('[data-act=explain]').click(); root.querySelector('.how').click(); });
    await settled(p);
    await p.waitForTimeout(300);
    found.push(...(await shadow(p, overflow)).map((s) => `${width} px, panels open: ${s}`));
    assert.deepEqual([...new Set(found)], [], `overflow at ${width} px`);
    assert.deepEqual(await axeViolations(p), [], `axe-core finds nothing in the pseudo-locale at ${width} px`);
    assert.deepEqual(problems.list(), []);
    await p.context().close();
  }
});

test('the parts loaded on first use speak the element\'s language: compare, the puzzle, "How certain?", the link, the shortcuts', TIMEOUT, async () => {
  const { page: p, problems } = await open('/de.html');
  await settled(p);
  await shadow(p, (root) => root.querySelector('[data-strat=compare]').click());
  await p.waitForFunction(() => document.querySelector('posture-chain').shadowRoot.querySelector('.cmp .sum')?.textContent);
  assert.equal(await text(p, '.cmp h3'), 'Zwei Strategien zugleich');
  assert.match(await text(p, '.cmp .sum'), /Messwert|Strategie/);
  await shadow(p, (root) => root.querySelector('[data-strat=compare]').click());
  await p.waitForFunction(() => !document.querySelector('posture-chain').shadowRoot.querySelector('.cmp'));
  await shadow(p, (root) => root.querySelector('.how').click());
  await p.waitForFunction(() => document.querySelector('posture-chain').shadowRoot.querySelector('.spans h4'), null, { timeout: 40_000 })
    .catch(async (e) => { throw new Error(`no spans: ${await text(p, '.certainty')} ${problems.list()}`, { cause: e }); });
  assert.match(await text(p, '.certainty'), /Wie sicher diese Zahlen sind.*Varianten des Modells/s);
  assert.equal(await text(p, '.spans h4'), 'Messwerte');
  assert.match(await text(p, '.spans'), /etwa \d+(,\d)?/);
  await shadow(p, (root) => root.querySelector('[data-strat=puzzle]').click());
  await p.waitForFunction(() => document.querySelector('posture-chain').shadowRoot.querySelector('#puz-title')?.textContent);
  assert.match(await text(p, '#puz-title'), /^Wo hat es angefangen\? Rätsel 1$/);
  assert.equal(await text(p, '[data-ans=top]'), 'Oben');
  await shadow(p, (root) => root.querySelector('[data-puz=close]').click());
  await shadow(p, (root) => root.querySelector('[data-act=link]').click());
  await p.waitForFunction(() => document.querySelector('posture-chain').shadowRoot.querySelector('.share p')?.textContent);
  assert.match(await text(p, '.share p'), /Link/);
  assert.doesNotMatch(await text(p, '.share p'), /could not|copied/);
  assert.equal(await text(p, '[data-tool=help]'), 'Tastenkürzel');
  await shadow(p, (root) => root.querySelector('[data-tool=help]').click());
  await p.waitForFunction(() => document.querySelector('posture-chain').shadowRoot.querySelector('#help-title'));
  assert.equal(await text(p, '#help-title'), 'Tastenkürzel');
  assert.match(await shadow(p, (root) => root.querySelector('#help-title').parentElement.textContent), /Erklärschritt 1 bis 5/);
  assert.deepEqual(problems.list(), []);
});

test('embed.html takes lang in its query and, with every table inlined, fetches none', TIMEOUT, async () => {
  const { page: p, problems, responses } = await openApp(browser, `${server.url}embed.html?lang=fr&head-tilt=8`, { canvas: 'posture-chain canvas' });
  await settled(p);
  assert.equal(await text(p, 'label[for=head-tilt]'), 'Inclinaison de la tête');
  assert.match(await text(p, '#head-tilt-out'), /^8,0° à droite$/);
  assert.deepEqual(responses.map((r) => r.url()).filter((u) => u.includes('/locales/')), [], 'no table fetched');
  assert.deepEqual(problems.list(), []);
});
