// "Where did it begin?", the puzzle mode of <posture-chain>, loaded when a reader first asks for
// it. The element shows a compensated posture made by a cause it keeps hidden (a head tilt, a
// leg-length difference or both: at random, or the sequence an educator prepares in the `puzzle`
// attribute), with the sliders hidden; the reader answers top, bottom or both (buttons, so
// keyboard and screen readers work; the live region says each step). The reveal replays the
// cascade from where it truly began (the Widget sets off from the feet when only the leg length
// changed, from the head otherwise; for both, the leg first, then the head). The explanation is
// worked out from the model by the JS API module (fetched as bands.js fetches it): for each
// other answer, the size of its cause that comes closest to the posture shown is found by a 1-D
// search, and the read-outs it still gets visibly wrong are named. Where one of them matches
// every read-out, the puzzle says that the picture cannot tell them apart.

import { SLIDERS, tidy } from './attributes.js';
import { MEASURES, STRATEGIES } from './generated.js';
import { num, strategyLabel, t } from './words.js';
import { loadApi } from './bands.js';
import { WORDS, differing, digit, panelStyles } from './differences.js';

const spec = (key) => SLIDERS.find((s) => s.key === key);
const HEAD = spec('headTiltDeg');
const LEG = spec('anatomicLegLengthDiffMm');
/** The sliders the puzzle sets (and hides), and what it sets them to apart from the cause. */
const HELD = [HEAD, spec('forwardHeadDeg'), LEG, spec('compensation')];
const FULL = { forwardHeadDeg: 0, compensation: 1 };
/** How long the cascade takes, ms (the scene's CASCADE_MS), and a pause before the next part. */
const CASCADE_MS = 880;
const PAUSE_MS = 350;
/** How many read-outs an explanation names per answer ruled out. */
const CLUES = 3;

// Every string this module shows is in the string tables (i18n.js); `warn` is for the page's
// author (the console), in English.
const TEXT = {
  title: (n, of) => (of ? t('puz.titleOf', { n, of }) : t('puz.title', { n })),
  get ask() { return t('puz.ask'); },
  get answers() { return { top: t('puz.answer.top'), bottom: t('puz.answer.bottom'), both: t('puz.answer.both') }; },
  get next() { return t('puz.next'); },
  get again() { return t('puz.again'); },
  get close() { return t('puz.close'); },
  opened: (title) => t('puz.opened', { title }),
  get right() { return t('puz.right'); },
  get wrong() { return t('puz.wrong'); },
  get began() { return { top: t('puz.began.top'), bottom: t('puz.began.bottom'), both: t('puz.began.both') }; },
  get working() { return t('puz.working'); },
  get failed() { return t('puz.failed'); },
  under: (label) => t('puz.under', { label }),
  clue: (name, there, here) => t('puz.clue', { name, there, here }),
  ruledOut: (alt, cause) => t('puz.ruledOut', { alt, cause }),
  sameAs: (alt, cause) => t('puz.sameAs', { alt, cause }),
  tooSmall: (alt) => t(alt === TEXT.head ? 'puz.tooSmall.head' : 'puz.tooSmall.leg'),
  get none() { return t('puz.none'); },
  alone: (what) => t('puz.alone', { what }),
  gaveAway: (names) => t('puz.gaveAway', { names }),
  get honest() { return t('puz.honest'); },
  get seen() { return t('puz.seen'); },
  get head() { return t('puz.head'); },
  get leg() { return t('puz.leg'); },
  warn: (raw, problems, n) => `<posture-chain> puzzle="${raw}": ${problems.join('; ')}; ${n ? `using the ${n} good entr${n === 1 ? 'y' : 'ies'}` : 'using random puzzles'}. Write entries as head:<degrees>,leg:<mm> separated by ";", for example "head:8;leg:12;head:-6,leg:10".`,
};

/** A cause in words: "a head tilt of 8.0° to the right and the right leg 10 mm longer". */
export function causeWords({ head, leg }) {
  const h = Math.abs(head) >= 0.05 ? t(`puz.cause.head.${head > 0 ? 'r' : 'l'}`, { v: num(Math.abs(head), 1) }) : '';
  const l = Math.abs(leg) >= 0.5 ? t(`puz.cause.leg.${leg > 0 ? 'r' : 'l'}`, { v: num(Math.abs(leg), 0) }) : '';
  return h && l ? t('puz.cause.and', { a: h, b: l }) : h || l || TEXT.none;
}

/** Which end a cause begins at. */
const kindOf = ({ head, leg }) => (head && leg ? 'both' : head ? 'top' : 'bottom');

/**
 * The `puzzle` attribute: entries `head:<degrees>,leg:<mm>` separated by `;` (a field left out
 * is 0; a value is rounded to its slider's step). Returns `{ list: [{ head, leg }], problems }`,
 * the entries that make a puzzle and, in words, what was wrong with the others. Empty, or
 * "random": random puzzles.
 */
export function parsePuzzles(raw) {
  const list = [];
  const problems = [];
  const text = (raw ?? '').trim();
  if (!text || text.toLowerCase() === 'random') return { list, problems };
  text.split(';').forEach((entry, k) => {
    const body = entry.trim();
    if (!body) return;
    const cause = { head: 0, leg: 0 };
    let bad = '';
    for (const field of body.split(',')) {
      const m = /^\s*(head|leg)\s*:\s*([^\s,;]+)\s*$/i.exec(field);
      const v = m ? Number(m[2]) : NaN;
      const s = m?.[1].toLowerCase() === 'head' ? HEAD : LEG;
      if (!m || m[2] === '' || !Number.isFinite(v)) {
        bad = `"${body}" is not head:<degrees>,leg:<mm>`;
      } else if (v < s.min || v > s.max) {
        bad = `"${body}": ${m[1].toLowerCase()} must be within ${s.min}..${s.max}`;
      } else {
        cause[m[1].toLowerCase()] = tidy(Math.round(v / s.step) * s.step);
        continue;
      }
      break;
    }
    if (!bad && !cause.head && !cause.leg) bad = `"${body}" has no cause (head and leg both 0)`;
    if (bad) problems.push(`entry ${k + 1}, ${bad}`);
    else list.push(cause);
  });
  return { list, problems };
}

/** A random cause: a head tilt of 4-12°, a leg-length difference of 6-20 mm, or both. */
function randomCause() {
  const kind = Math.floor(Math.random() * 3);
  const sign = () => (Math.random() < 0.5 ? -1 : 1);
  return {
    head: kind === 1 ? 0 : sign() * (4 + Math.round(Math.random() * 16) / 2),
    leg: kind === 0 ? 0 : sign() * (6 + Math.round(Math.random() * 14)),
  };
}

/**
 * What the model says gave the cause away, for the inputs `base` (the JS API's keys) and the
 * hidden `cause`: the read-outs shown, and for each single cause (a head tilt alone, a
 * leg-length difference alone) the size of it that comes closest to them (least squares in steps
 * of each read-out's last digit: a 41-point grid over its range, then a golden-section search)
 * with the read-outs it still gets visibly wrong.
 */
export function fitCauses(api, base, cause) {
  const readouts = (head, leg) => {
    const p = api.solve({ ...base, headTiltDeg: head, anatomicLegLengthDiffMm: leg });
    return { values: MEASURES.map((m) => p.measures[m.key]), strategy: p.strategy };
  };
  const target = readouts(cause.head, cause.leg);
  const cost = (r) => r.values.reduce((sum, v, i) => sum + ((v - target.values[i]) / digit(i)) ** 2, 0);
  const fit = (s, at) => {
    const n = 40;
    const stepX = (s.max - s.min) / n;
    let best = s.min;
    let bestCost = Infinity;
    for (let k = 0; k <= n; k++) {
      const x = s.min + stepX * k;
      const c = cost(at(x));
      if (c < bestCost) [best, bestCost] = [x, c];
    }
    let lo = Math.max(s.min, best - stepX);
    let hi = Math.min(s.max, best + stepX);
    const g = (Math.sqrt(5) - 1) / 2;
    let x1 = hi - g * (hi - lo);
    let x2 = lo + g * (hi - lo);
    let f1 = cost(at(x1));
    let f2 = cost(at(x2));
    for (let k = 0; k < 30; k++) {
      if (f1 < f2) {
        [hi, x2, f2] = [x2, x1, f1];
        x1 = hi - g * (hi - lo);
        f1 = cost(at(x1));
      } else {
        [lo, x1, f1] = [x1, x2, f2];
        x2 = lo + g * (hi - lo);
        f2 = cost(at(x2));
      }
    }
    // The grid point wins if the search ended no better (a kink at the range's end).
    const x = cost(at((lo + hi) / 2)) <= bestCost ? (lo + hi) / 2 : best;
    const r = at(x);
    return { x, values: r.values, diffs: differing(target.values, r.values, true) };
  };
  const top = fit(HEAD, (h) => readouts(h, 0));
  const bottom = fit(LEG, (l) => readouts(0, l));
  return {
    target: target.values,
    strategy: target.strategy,
    top: { ...top, cause: { head: top.x, leg: 0 } },
    bottom: { ...bottom, cause: { head: 0, leg: bottom.x } },
  };
}

/**
 * The explanation in words: `{ parts, honest }`, `parts` a list of `[sentence, clues]` (clues:
 * `{ key, text }`, the read-outs a ruled-out cause would give differently, by measure key and in
 * words), `honest` true when some other answer makes the same read-outs.
 */
export function explanation(fits, cause) {
  const kind = kindOf(cause);
  const index = STRATEGIES.findIndex((s) => s.key === fits.strategy?.name);
  const label = index >= 0 ? strategyLabel(index) : fits.strategy?.name ?? '';
  const parts = [[TEXT.under(label), []]];
  let honest = false;
  const named = new Set();
  const alternative = (what, fit) => {
    if (!fit.diffs.length) {
      const size = causeWords(fit.cause);
      parts.push([size === TEXT.none ? TEXT.tooSmall(what) : TEXT.sameAs(what, size), []]);
      honest = true;
      return;
    }
    const clues = fit.diffs.slice(0, CLUES).map(({ i, key }) => {
      const [name, say] = WORDS[i];
      named.add(name);
      return { key, text: TEXT.clue(name, say(fit.values[i]), say(fits.target[i])) };
    });
    parts.push([TEXT.ruledOut(what, causeWords(fit.cause)), clues]);
  };
  if (kind === 'top') {
    alternative(TEXT.leg, fits.bottom);
    if (!fits.top.diffs.length) parts.push([TEXT.alone(TEXT.head), []]);
  } else if (kind === 'bottom') {
    alternative(TEXT.head, fits.top);
    if (!fits.bottom.diffs.length) parts.push([TEXT.alone(TEXT.leg), []]);
  } else {
    alternative(TEXT.head, fits.top);
    alternative(TEXT.leg, fits.bottom);
  }
  if (honest) parts.push([TEXT.honest, []]);
  else if (named.size) parts.push([TEXT.gaveAway([...named].join('; ')), []]);
  parts.push([TEXT.seen, []]);
  return { parts, honest };
}

/** Opens the puzzle on element `el` (a PostureChain; `hooks` from strategy.js). */
export function start(el, hooks) {
  if (hooks.puzzle) return;
  if (!el._widget) return el.addEventListener('load', () => start(el, hooks), { once: true });
  const ui = el._ui;
  const root = ui.root;
  const pc = root.querySelector('.pc');
  const opener = root.querySelector('[data-strat=puzzle]');
  panelStyles(root);
  hooks.closeCompare?.();
  // What the reader had, to give back on closing; a sweep or the steps stop first.
  if (el._widget.autoplay()) ui.play.click();
  if (el._step >= 0) root.querySelector('[data-act=close]').click();
  if (!ui.certainty.hidden) ui.how.click();
  const saved = HELD.map((s) => root.getElementById(s.attribute).value);

  const raw = el.getAttribute('puzzle');
  const { list, problems } = parsePuzzles(raw);
  if (problems.length && hooks.puzzleWarned !== raw) {
    hooks.puzzleWarned = raw;
    console.warn(TEXT.warn(raw, problems, list.length));
  }
  let at = 0;
  let cause = null;
  let timers = [];
  let run = 0;

  const panel = document.createElement('section');
  panel.className = 'puz';
  panel.setAttribute('part', 'puzzle');
  panel.setAttribute('aria-labelledby', 'puz-title');
  panel.innerHTML = `<h3 id="puz-title"></h3><p id="puz-ask">${TEXT.ask}</p>
    <div class="buttons answers" role="group" aria-labelledby="puz-title" aria-describedby="puz-ask">${Object.entries(TEXT.answers).map(([k, t]) => `<button type="button" data-ans="${k}">${t}</button>`).join('')}</div>
    <div class="result" hidden><p class="verdict"></p><div class="why"></div></div>
    <div class="buttons"><button type="button" data-puz="next" hidden></button><button type="button" data-puz="close">${TEXT.close}</button></div>`;
  ui.legend.before(panel);
  const [title, answers, result, verdict, why, next] = ['h3', '.answers', '.result', '.verdict', '.why', '[data-puz=next]'].map((s) => panel.querySelector(s));

  const say = (text) => { ui.live.textContent = text; };
  const setCause = (head, leg) => {
    root.getElementById(HEAD.attribute).value = String(head);
    root.getElementById(LEG.attribute).value = String(leg);
    el._syncInputs();
  };
  const later = (ms, fn) => timers.push(setTimeout(fn, ms));
  // Shows the inputs' posture at once, as reduced motion does: an animation would show where the
  // change sets off from.
  const settle = () => {
    const w = el._widget;
    if (!w) return;
    w.setReducedMotion(true);
    w.frame(performance.now(), ...el._ctxs);
    w.setReducedMotion(matchMedia('(prefers-reduced-motion: reduce)').matches);
  };

  /** Shows puzzle `k` (in the prepared list, or a random one). */
  const show = (k) => {
    timers.forEach(clearTimeout);
    timers = [];
    run++;
    at = k;
    cause = list.length ? list[k % list.length] : randomCause();
    for (const s of HELD) root.getElementById(s.attribute).value = String(tidy((FULL[s.key] ?? 0) * s.sliderScale));
    setCause(cause.head, cause.leg);
    settle();
    el._schedule();
    const heading = TEXT.title(list.length ? (k % list.length) + 1 : k + 1, list.length);
    title.textContent = heading;
    next.textContent = list.length && k % list.length === list.length - 1 ? TEXT.again : TEXT.next;
    answers.hidden = false;
    result.hidden = true;
    next.hidden = true;
    why.replaceChildren();
    answers.querySelector('button').focus();
    say(TEXT.opened(heading));
  };

  /** Works out and shows what gave the cause away, under the strategy now chosen. */
  const explain = async () => {
    const mine = ++run;
    why.replaceChildren(Object.assign(document.createElement('p'), { textContent: TEXT.working }));
    try {
      const api = await loadApi(hooks.api);
      el._lang?.();
      const base = { ...el._inputs(), ...FULL };
      const { parts } = explanation(fitCauses(api, base, cause), cause);
      if (mine !== run) return;
      const make = (tag, text) => Object.assign(document.createElement(tag), { textContent: text });
      why.replaceChildren(...parts.flatMap(([sentence, clues]) => {
        if (!clues.length) return [make('p', sentence)];
        const ul = make('ul', '');
        ul.className = 'clues';
        ul.append(...clues.map(({ key, text }) => {
          const li = make('li', text);
          li.dataset.key = key;
          return li;
        }));
        return [make('p', sentence), ul];
      }));
      say(`${verdict.textContent} ${parts.map(([sentence, clues]) => (clues.length ? t('puz.said', { sentence, clues: clues.map((c) => c.text).join(t('list.sep')) }) : sentence)).join(' ')}`);
    } catch (error) {
      if (mine !== run) return;
      el._lang?.();
      console.warn('<posture-chain> could not work out the puzzle\u2019s explanation:', error);
      why.replaceChildren(Object.assign(document.createElement('p'), { textContent: TEXT.failed }));
    }
  };

  /** The reader's answer: the verdict, the cascade replayed from its origin, the explanation. */
  const answer = (answered) => {
    given = answered;
    const kind = kindOf(cause);
    verdict.textContent = t('puz.verdict', { judged: given === kind ? TEXT.right : TEXT.wrong, began: TEXT.began[kind], cause: causeWords(cause) });
    answers.hidden = true;
    result.hidden = false;
    next.hidden = false;
    next.focus();
    say(verdict.textContent);
    // From no cause at all, the cause comes in where it begins.
    setCause(0, 0);
    settle();
    const { head, leg } = cause;
    later(PAUSE_MS, () => {
      if (leg) setCause(0, leg);
      else setCause(head, 0);
      el._schedule();
      if (head && leg) {
        later(CASCADE_MS + PAUSE_MS, () => {
          setCause(head, leg);
          el._schedule();
        });
      }
    });
    explain();
  };

  const onClick = (e) => {
    const b = e.target.closest?.('button');
    if (b?.dataset.ans) answer(b.dataset.ans);
    else if (b?.dataset.puz === 'next') show(at + 1);
    else if (b?.dataset.puz === 'close') close();
  };
  const onKey = (e) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      close();
    }
  };
  // A new strategy: the posture changes at once (no giveaway), and a shown explanation follows.
  const onInput = (e) => {
    if (e.target.id !== 'strategy' && e.target.id !== 'tone-spread') return;
    settle();
    if (!result.hidden) explain();
  };
  // The head is not to be dragged while its tilt is the secret.
  const block = (e) => e.stopImmediatePropagation();
  const back = ui.canvases[0];
  const blocked = ['pointerdown', 'pointermove', 'touchstart'];
  blocked.forEach((t) => back.addEventListener(t, block, { capture: true }));
  panel.addEventListener('click', onClick);
  panel.addEventListener('keydown', onKey);
  root.addEventListener('input', onInput);

  const close = () => {
    timers.forEach(clearTimeout);
    run++;
    blocked.forEach((t) => back.removeEventListener(t, block, { capture: true }));
    root.removeEventListener('input', onInput);
    panel.remove();
    pc.classList.remove('puzzling');
    Object.assign(hooks, { quiet: false, puzzle: null, stop: null, words: null, shown: null, own: null });
    HELD.forEach((s, k) => { root.getElementById(s.attribute).value = saved[k]; });
    el._syncInputs('user');
    opener.focus();
  };
  // A new language: the panel's words again (an answer's verdict and explanation too).
  let given = '';
  const words = () => {
    title.textContent = TEXT.title(list.length ? (at % list.length) + 1 : at + 1, list.length);
    panel.querySelector('#puz-ask').textContent = TEXT.ask;
    answers.querySelectorAll('button').forEach((b) => { b.textContent = TEXT.answers[b.dataset.ans]; });
    next.textContent = list.length && at % list.length === list.length - 1 ? TEXT.again : TEXT.next;
    panel.querySelector('[data-puz=close]').textContent = TEXT.close;
    if (!result.hidden) {
      verdict.textContent = t('puz.verdict', { judged: given === kindOf(cause) ? TEXT.right : TEXT.wrong, began: TEXT.began[kindOf(cause)], cause: causeWords(cause) });
      explain();
    }
  };
  // For a state (state.js, share.js): the puzzle shown (1, 2, …), the reader's own value of an
  // input it holds (by key; undefined for the others), and showing puzzle k (0, 1, …).
  const own = (key) => {
    const k = HELD.findIndex((s) => s.key === key);
    return k < 0 ? undefined : Number(saved[k]) / HELD[k].sliderScale;
  };
  Object.assign(hooks, { quiet: true, puzzle: close, stop: close, words, shown: () => (list.length ? at % list.length : at) + 1, own, show });
  pc.classList.add('puzzling');
  show(0);
}
