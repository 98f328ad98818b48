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
const EN = { ...await read('en'), ...await read('en-modes'), ...await read('en-share'), ...await read('en-certainty'), ...await read('en-explain'), ...await read('en-presenter'), canvas: await read('en-canvas') };
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

// What the review of the tables (docs/locales.md) settled, kept: the hypothesis is called one
// wherever it is named, and the reader is addressed formally (Sie, vous, usted) throughout.
const HYPOTHESIS = { de: /Hypothese/, fr: /hypothèse/, es: /hipótesis/ };
const INFORMAL = { de: /\b(du|dich|dir|dein\w*)\b/i, fr: /\b(tu|toi|ton|ta|tes)\b/i, es: /\b(tú|tu|tus|puedes|elige|mira|prueba|arrastra|responde|copia)\b/i };
test('every locale calls the hypothesis a hypothesis and addresses the reader formally', async () => {
  for (const locale of OTHERS) {
    const table = await read(locale);
    for (const key of ['hypothesis.badge', 'strategy.chain.label', 'strategy.chain.description', 'cmp.short.hypothesis']) {
      assert.match(table[key], HYPOTHESIS[locale], `${locale}: "${key}" says it is a hypothesis`);
    }
    for (const [key, v] of Object.entries(table)) {
      if (typeof v === 'string') assert.doesNotMatch(v, INFORMAL[locale], `${locale}: "${key}" addresses the reader formally`);
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

// Every label the canvases draw, with what is needed to tell whether it fits and whether it
// meets another (the backend's fillText calls: text, position, box, the canvas's CSS size, and
// which of that canvas's frames drew it: a frame starts with the backend's clearRect).
const RECORD = () => {
  const proto = CanvasRenderingContext2D.prototype;
  const [fill, clear] = [proto.fillText, proto.clearRect];
  let ids = 0;
  window.__labels = [];
  proto.clearRect = function (...a) {
    this.canvas.__frame = (this.canvas.__frame ?? 0) + 1;
    return clear.apply(this, a);
  };
  proto.fillText = function (text, x, y, maxWidth) {
    const c = this.canvas;
    const scale = this.getTransform().a || 1;
    const m = this.measureText(text);
    c.__id ??= ++ids;
    window.__labels.push({
      text: String(text), x, y, align: this.textAlign, view: `${c.closest?.('.tw') ? 'compare ' : ''}${c.className.split(' ')[0]}`,
      canvas: c.__id, frame: c.__frame ?? 0, shown: c.isConnected,
      cssWidth: c.width / scale, cssHeight: c.height / scale, width: Math.min(m.width, maxWidth ?? Infinity),
      top: y - m.actualBoundingBoxAscent, bottom: y + m.actualBoundingBoxDescent,
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
  '/pseudo.html': page('<posture-chain loading="eager" lang="en-XA" head-tilt="-12" leg-length="-14" forward-head="30" compensation="0.5" puzzle="head:-9,leg:14"></posture-chain>'),
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

/**
 * What clips, runs off or overlaps in the shadow root (every box the reader can see, the help
 * dialog's too): a text box wider than its box (scrollWidth > clientWidth), or taller where it
 * clips; a text box outside its parent's box, or outside the element (or the open dialog); two
 * sibling boxes in the flow that overlap (laid-out children: display: contents is looked
 * through); the page scrolling sideways.
 */
const overflow = (root) => {
  const out = [];
  const pc = root.querySelector('.pc').getBoundingClientRect();
  const name = (el) => `${el.localName}${el.id ? `#${el.id}` : ''}${typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : ''} "${el.textContent.trim().slice(0, 48)}"`;
  const style = (el) => getComputedStyle(el);
  // Visible and not clipped away on purpose (the visually hidden text, fs's hidden thead).
  const shown = (el) => {
    if (!el.checkVisibility({ visibilityProperty: true })) return false;
    for (let a = el; a; a = a.parentElement) if (a.classList.contains('vh') || style(a).clipPath !== 'none') return false;
    return true;
  };
  const inFlow = (el) => {
    const s = style(el);
    return s.display !== 'inline' && s.display !== 'contents' && s.position !== 'absolute' && s.position !== 'fixed';
  };
  const laidOut = (el) => [...el.children].flatMap((k) => (style(k).display === 'contents' ? laidOut(k) : [k]));
  const boxOf = (el) => {
    let p = el.parentElement;
    while (p && style(p).display === 'contents') p = p.parentElement;
    return p;
  };
  const rect = (r) => `${Math.round(r.left)}–${Math.round(r.right)} × ${Math.round(r.top)}–${Math.round(r.bottom)}`;
  const outside = (r, q) => r.left < q.left - 1 || r.right > q.right + 1 || r.top < q.top - 1 || r.bottom > q.bottom + 1;
  const dialog = root.querySelector('dialog[open]');
  const measure = document.createElement('canvas').getContext('2d');
  const seen = new Set();
  for (const el of root.querySelectorAll('*')) {
    if (el.localName === 'style' || !shown(el)) continue;
    const s = style(el);
    const r = el.getBoundingClientRect();
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (own) {
      if (s.display !== 'inline' && el.localName !== 'select' && el.scrollWidth > el.clientWidth + 1) out.push(`${name(el)} is ${el.scrollWidth} px wide in ${el.clientWidth}`);
      if (/hidden|clip/.test(s.overflowY) && el.scrollHeight > el.clientHeight + 1) out.push(`${name(el)} is ${el.scrollHeight} px high in ${el.clientHeight}, clipped`);
      const whole = el.closest('dialog') ? dialog.getBoundingClientRect() : pc;
      if (r.left < whole.left - 1 || r.right > whole.right + 1) out.push(`${name(el)} sticks out of the ${el.closest('dialog') ? 'dialog' : 'element'} (${rect(r)} in ${rect(whole)})`);
      // Out of its parent's box (only sideways where the parent scrolls up and down).
      const p = boxOf(el);
      const q = p?.getBoundingClientRect();
      const scrolls = p && /auto|scroll/.test(style(p).overflowY);
      if (p && inFlow(el) && (scrolls ? r.left < q.left - 1 || r.right > q.right + 1 : outside(r, q))) out.push(`${name(el)} runs out of ${name(p)} (${rect(r)} in ${rect(q)})`);
    }
    // A select shows its chosen option: clipped when the option's words are wider than the box
    // less its padding and arrow (measured in its own font).
    if (el.localName === 'select' && el.selectedOptions[0]) {
      measure.font = `${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
      const need = measure.measureText(el.selectedOptions[0].text).width;
      const room = el.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight) - 16;
      if (need > room + 1) out.push(`${name(el)} shows "${el.selectedOptions[0].text.slice(0, 40)}", ${Math.round(need)} px wide, in ${Math.round(room)} px`);
    }
    if (s.display === 'contents') continue;
    const kids = laidOut(el).filter((k) => !seen.has(k) && k.localName !== 'style' && shown(k) && inFlow(k));
    kids.forEach((k) => seen.add(k));
    for (let i = 0; i < kids.length; i++) {
      const a = kids[i].getBoundingClientRect();
      for (let j = i + 1; j < kids.length; j++) {
        const b = kids[j].getBoundingClientRect();
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (w > 1 && h > 1) out.push(`${name(kids[i])} and ${name(kids[j])} overlap (${rect(a)} and ${rect(b)})`);
      }
    }
  }
  if (document.documentElement.scrollWidth > innerWidth + 1) {
    const wide = [...root.querySelectorAll('*')].filter((el) => el.getBoundingClientRect().right > innerWidth + 1 && ![...el.children].some((k) => k.getBoundingClientRect().right > innerWidth + 1));
    out.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} > ${innerWidth}, past its edge: ${wide.slice(0, 3).map(name).join(', ')}`);
  }
  return out;
};

/** The canvas labels of each canvas's last frame that run off their canvas or meet another. */
const labelProblems = (list) => {
  const last = new Map();
  for (const l of list) if (l.shown) last.set(l.canvas, Math.max(last.get(l.canvas) ?? 0, l.frame));
  const frame = list.filter((l) => l.shown && l.frame === last.get(l.canvas));
  const out = [];
  const box = (l) => {
    const left = l.align === 'left' || l.align === 'start' ? l.x : l.align === 'right' || l.align === 'end' ? l.x - l.width : l.x - l.width / 2;
    return { left, right: left + l.width, top: l.top, bottom: l.bottom };
  };
  frame.forEach((l, i) => {
    const a = box(l);
    if (a.left < -1 || a.right > l.cssWidth + 1 || a.top < -1 || a.bottom > l.cssHeight + 1) {
      out.push(`canvas ${l.view} label "${l.text}" runs off its canvas (${Math.round(a.left)}–${Math.round(a.right)} × ${Math.round(a.top)}–${Math.round(a.bottom)} in ${Math.round(l.cssWidth)} × ${Math.round(l.cssHeight)})`);
    }
    for (const m of frame.slice(i + 1)) {
      if (m.canvas !== l.canvas || (m.text === l.text && m.x === l.x && m.y === l.y)) continue;
      const b = box(m);
      const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (w > 1 && h > 1) out.push(`canvas ${l.view} labels "${l.text}" and "${m.text}" overlap by ${Math.round(w)} × ${Math.round(h)} px`);
    }
  });
  return out;
};

/** Waits for the element to settle, its lazily opened panels to have drawn, and two frames. */
const calm = async (p) => {
  await settled(p);
  await p.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  await settled(p);
};
/** Draws every canvas of the element again (its own; compare's draw after each of its frames). */
const redraw = (p) => p.evaluate(() => { const el = document.querySelector('posture-chain'); el._widget.redraw(); el._schedule(); });
const inRoot = (p, selector) => p.waitForFunction((s) => document.querySelector('posture-chain').shadowRoot.querySelector(s), selector, { timeout: 40_000 });
/** A presenter's tool: its button where the toolbar shows (a wide element), else its key. */
const tool = async (p, name, key) => {
  const button = p.locator(`posture-chain [data-tool=${name}]`);
  if (await button.isVisible()) return button.click();
  await p.locator('posture-chain #compensation').focus();
  await p.keyboard.press(key);
};
const click = (p, selector) => shadow(p, (root, el, s) => root.querySelector(s).click(), selector);

/**
 * Every panel a reader can open, one after another on one element: each `[name, open]`, where
 * `open(p, width)` opens it (and what it leaves open stays for the next). Used by the
 * pseudo-locale's clipping check and by the language switch's stale-word check.
 */
const PANELS = [
  ['the explain panel and "How certain?"', async (p) => {
    await click(p, '[data-act=explain]');
    await click(p, '[data-act=next]');
    await click(p, '.how');
    await inRoot(p, '.spans h4');
  }],
  ['compare', async (p) => {
    await click(p, '[data-strat=compare]');
    await p.waitForFunction(() => document.querySelector('posture-chain').shadowRoot.querySelector('.cmp .sum')?.textContent);
  }],
  ['the puzzle, answered', async (p) => {
    await click(p, '[data-strat=puzzle]');
    await inRoot(p, '#puz-title');
    await click(p, '[data-ans=both]');
    await p.waitForFunction(() => document.querySelector('posture-chain').shadowRoot.querySelector('.puz .why')?.childElementCount > 1, null, { timeout: 40_000 });
    // The reveal: the leg's part, a pause, then the head's (puzzle.js's timers), then settled.
    await p.waitForTimeout(2000);
    await settled(p);
  }],
  ['the link and the picture (beside the table, where the element is wide)', async (p) => {
    await click(p, '[data-puz=close]');
    await p.waitForFunction(() => !document.querySelector('posture-chain').shadowRoot.querySelector('.puz'));
    if (!await shadow(p, (root) => root.querySelector('.share').checkVisibility())) return;
    await click(p, '[data-act=link]');
    await p.waitForFunction(() => document.querySelector('posture-chain').shadowRoot.querySelector('.share p')?.textContent);
    await click(p, '[data-act=png]');
    await p.waitForFunction(() => /posture-chain\.png/.test(document.querySelector('posture-chain').shadowRoot.querySelector('.share p')?.textContent));
    await click(p, '[data-act=link]');
    await p.waitForFunction(() => !/posture-chain\.png/.test(document.querySelector('posture-chain').shadowRoot.querySelector('.share p')?.textContent));
  }],
  ['full screen, with compare and the explain panel', async (p) => {
    await click(p, '[data-strat=compare]');
    await p.waitForFunction(() => document.querySelector('posture-chain').shadowRoot.querySelector('.cmp .sum')?.textContent);
    await tool(p, 'fullscreen', 'f');
    await p.waitForFunction(() => document.querySelector('posture-chain')._fsMode);
    await p.waitForTimeout(200);
  }],
  ['the shortcuts\' help dialog, over full screen', async (p) => {
    await tool(p, 'help', '?');
    await p.waitForFunction(() => document.querySelector('posture-chain').shadowRoot.querySelector('dialog.help')?.open);
  }],
];

test('in the pseudo-locale nothing clips, runs off or overlaps, at 320, 390 and 1280 px, in every view and every panel', { timeout: 600_000 }, async () => {
  const found = [];
  for (const width of [320, 390, 1280]) {
    const { page: p, problems } = await open('/pseudo.html', { width, height: 900 });
    await settled(p);
    assert.match(await text(p, 'label[for=head-tilt]'), /^⟦/);
    const check = async (where) => {
      await clearLabels(p);
      await redraw(p);
      await calm(p);
      found.push(...(await shadow(p, overflow)).map((s) => `${width} px, ${where}: ${s}`));
      found.push(...labelProblems(await labels(p)).map((s) => `${width} px, ${where}: ${s}`));
    };
    // The phone layout's three views, one at a time (on a wide element the tabs are hidden).
    for (const view of [0, 1, 2]) {
      await shadow(p, (root, el, v) => {
        const tabs = root.querySelectorAll('[role=tab]');
        if (tabs[v].getBoundingClientRect().width > 0) tabs[v].click();
      }, view);
      await check(`view ${view}`);
    }
    for (const [name, openIt] of PANELS) {
      await openIt(p, width);
      await check(name);
    }
    assert.deepEqual(await axeViolations(p), [], `axe-core finds nothing in the pseudo-locale at ${width} px, the help dialog open`);
    assert.deepEqual(problems.list(), []);
    await p.context().close();
  }
  assert.deepEqual([...new Set(found)], [], 'nothing clips, runs off or overlaps');
});

// ---- Switching language with every panel open: no stale word ----

/** The words of a string (two letters or more, lower case), its {placeholders} left out. */
const wordsOf = (s) => String(s).replace(/\{\w+\}/g, ' ').toLowerCase().match(/\p{L}{2,}/gu) ?? [];
/** Every word of a table's strings (its canvas section's too). */
const vocabulary = (table) => new Set(Object.entries(table).filter(([k]) => !k.startsWith('_'))
  .flatMap(([, v]) => (typeof v === 'string' ? [v] : Object.values(v))).flatMap(wordsOf));
/** English's words: its tables, the canvas templates, the words Rust defines. */
const ENGLISH = new Set([...vocabulary(EN), ...STRATEGIES.flatMap((s) => [s.label, s.description]).flatMap(wordsOf), ...MOTIONS.flatMap(wordsOf)]);

/** Everything the reader can see or hear in the shadow root: visible text (a select's options
 * too, and the polite live regions), the names and values given to assistive technology. */
const readable = (root) => {
  const out = [];
  const seen = (el) => (el.localName === 'option' ? el.parentElement : el).checkVisibility({ visibilityProperty: true });
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n; (n = walker.nextNode());) {
    const el = n.parentElement;
    if (!el || el.closest('style') || !n.textContent.trim() || !seen(el)) continue;
    out.push(n.textContent.trim());
  }
  for (const el of root.querySelectorAll('[aria-label], [aria-valuetext], [title], [placeholder], [alt], [aria-roledescription]')) {
    if (!seen(el)) continue;
    for (const a of ['aria-label', 'aria-valuetext', 'title', 'placeholder', 'alt', 'aria-roledescription']) if (el.hasAttribute(a)) out.push(el.getAttribute(a));
  }
  return out;
};

/** Opens the host page's language as `lang` on its <html> and waits for the element to follow. */
const switchTo = async (p, lang) => {
  await p.evaluate((l) => { document.documentElement.lang = l; }, lang);
  await p.waitForFunction((l) => document.querySelector('posture-chain')._table?._lang === l, lang);
  await calm(p);
  await p.waitForTimeout(300);
  await calm(p);
};

/** What is left of English (or of a decimal point) after a switch to `locale`: every text the
 * reader can see or hear and every canvas's last-drawn labels, each with its English words that
 * the locale's table does not use itself. */
async function stale(p, locale) {
  const table = await read(locale);
  const own = vocabulary(table);
  const found = [];
  const look = (where, t) => {
    const english = [...new Set(wordsOf(t).filter((w) => ENGLISH.has(w) && !own.has(w)))];
    if (english.length) found.push(`${where} "${t.slice(0, 90)}": ${english.join(', ')}`);
    if (/\d\.\d/.test(t)) found.push(`${where} "${t.slice(0, 90)}" has a decimal point`);
  };
  for (const t of await shadow(p, readable)) look('text', t);
  const list = await labels(p);
  const last = new Map();
  for (const l of list) if (l.shown) last.set(l.canvas, Math.max(last.get(l.canvas) ?? 0, l.frame));
  const canvases = new Set();
  for (const l of list) {
    if (!l.shown || l.frame !== last.get(l.canvas)) continue;
    canvases.add(l.canvas);
    look(`canvas ${l.view}`, l.text);
  }
  return { found: [...new Set(found)], canvases: canvases.size };
}

/** A host page in English around the element (no lang of its own): the page's lang decides. */
PAGES['/host.html'] = page('<posture-chain loading="eager" head-tilt="8" leg-length="6" forward-head="20" puzzle="head:6,leg:10"></posture-chain>');

/** The element's state a switch must keep (inputs, the explain step, modes). */
const kept = (p) => shadow(p, (root, el) => ({
  inputs: el._inputs(), step: el._step, fullscreen: el._fsMode ?? null,
  compare: !!root.querySelector('.cmp'), puzzle: !!root.querySelector('.puz'), help: !!root.querySelector('dialog.help')?.open,
  certainty: !root.querySelector('.certainty').hidden,
}));

const SWITCH_RUNS = [
  ['1280 px: sources, explain, "How certain?", compare side by side, the link copied, full screen, the help dialog', 1280, async (p) => {
    await shadow(p, (root) => { root.querySelector('.sources').open = true; });
    await PANELS[0][1](p);
    await PANELS[1][1](p);
    await click(p, '[data-act=link]');
    await p.waitForFunction(() => document.querySelector('posture-chain').shadowRoot.querySelector('.share p')?.textContent);
    await tool(p, 'fullscreen', 'f');
    await p.waitForFunction(() => document.querySelector('posture-chain')._fsMode);
    await tool(p, 'help', '?');
    await p.waitForFunction(() => document.querySelector('posture-chain').shadowRoot.querySelector('dialog.help')?.open);
  }, 6],
  ['1280 px: a picture saved, then the puzzle answered', 1280, async (p) => {
    await click(p, '[data-act=png]');
    await p.waitForFunction(() => /posture-chain\.png/.test(document.querySelector('posture-chain').shadowRoot.querySelector('.share p')?.textContent));
    await PANELS[2][1](p);
  }, 3],
  ['390 px: compare as the ghost, explain, "How certain?", the side view', 390, async (p) => {
    await PANELS[0][1](p);
    await PANELS[1][1](p);
    await click(p, '#tab-side');
  }, 3],
];

const TABLES = Object.fromEntries(await Promise.all(['de', 'fr'].map(async (l) => [l, await read(l)])));
const table = (l) => TABLES[l];
for (const [name, width, openAll, canvases] of SWITCH_RUNS) {
  test(`switching the page's language en → de → fr leaves no English word and no decimal point, nothing lost: ${name}`, TIMEOUT, async () => {
    const { page: p, problems } = await open('/host.html', { width, height: 900 });
    await settled(p);
    await openAll(p);
    await calm(p);
    const before = await kept(p);
    for (const locale of ['de', 'fr']) {
      await switchTo(p, locale);
      assert.equal(await shadow(p, (root) => root.querySelector('.pc').lang), locale);
      const { found, canvases: drawn } = await stale(p, locale);
      assert.deepEqual(found, [], `in ${locale}, nothing is left of English`);
      assert.ok(drawn >= canvases, `${drawn} canvases drew labels, at least ${canvases}`);
      assert.deepEqual(await kept(p), before, `in ${locale}, nothing the reader opened or set is lost`);
      // A word that is the locale's but says the wrong thing: the full-screen button in full screen.
      if (before.fullscreen) assert.equal(await text(p, '[data-tool=fullscreen]'), table(locale)['pres.exit'], `in ${locale}, the full-screen button says how to leave it`);
    }
    assert.deepEqual(problems.list(), []);
    await p.context().close();
  });
}

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
