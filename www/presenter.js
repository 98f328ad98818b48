// The presenter's kit of <posture-chain>, loaded on first use (a click on "Full screen" or
// "Shortcuts", or a shortcut key): full screen with a presentation layout, the keyboard shortcuts'
// actions, and the help dialog that lists them. Full screen asks the browser's Fullscreen API for
// the element; where there is none (iPhone Safari) or it is refused (an iframe without
// allow="fullscreen"), the element becomes a full-window overlay instead, closed by its button or
// Escape. Either way focus stays in the widget, the canvases are sized again (their
// ResizeObserver) and drawn larger (the element's `_fsZoom`), and every action is announced in the
// element's live region. The element's own key handler (posture-chain.js) decides which keys are
// shortcuts, synchronously; this module only acts on them.

import { addStyles } from './sheets.js';
import { addEnglish, t } from './words.js';
import PRESENTER from './locales/en-presenter.json' with { type: 'json' };
// The explain captions with it: its keys 1-5 open a step at once (captions.js).
import './captions.js';

// Every sentence this module shows or announces is in the string tables (i18n.js; its English
// in locales/en-presenter.json, which loads with this module).
addEnglish(PRESENTER);
const WORDS = {
  get enter() { return t('pres.enter'); },
  get exit() { return t('pres.exit'); },
  get on() { return t('pres.on'); },
  get off() { return t('pres.off'); },
  get playing() { return t('pres.playing'); },
  get paused() { return t('pres.paused'); },
  get reset() { return t('pres.reset'); },
};

/** The help list: the keys (a `pres.kbd.` key is worded) and what each does, by key. */
const KEYS = [
  [['[', ']'], 'pres.key.tilt'],
  [['1', '5'], 'pres.key.step'],
  [[',', '.'], 'pres.key.prevNext'],
  [['P'], 'pres.key.play'],
  [['R'], 'pres.key.reset'],
  [['F'], 'pres.key.fullscreen'],
  [['?'], 'pres.key.help'],
  [['pres.kbd.esc'], 'pres.key.esc'],
  [['pres.kbd.pageUp', 'pres.kbd.pageDown'], 'pres.key.page'],
];

// The presentation layout (a box `.fs` around everything) and the help dialog. On a wide screen
// the first screenful is a stage: the three views across its width, drawn larger (`_fsZoom`),
// and under them the explain panel and the measures as cards in large type; the controls, the
// note and the sources follow below it (the element scrolls; the shortcuts and the head's drag
// work on the stage). On a narrow one the usual layout scrolls inside the overlay.
const CSS = `
:host(:fullscreen) { background: var(--surface); overflow: auto; }
.fs { min-height: 100%; background: var(--surface); }
.fs .pc { min-height: 100%; border: 0; border-radius: 0; }
.fs .tools { display: flex; }
.fs .tools button { font-size: 16px; min-height: 40px; }
@container (min-width: 900px) {
  .fs .pc { display: grid; gap: 8px 32px; padding: 8px 24px 24px; align-content: start;
    grid-template-columns: minmax(0, 1fr) minmax(0, 1.7fr);
    grid-template-areas: "top top" "badge badge" "views views" "explain measures" "note note" "controls controls" "sources sources"; }
  .fs .badge { grid-area: badge; margin: 0; }
  .fs .tools { grid-area: top; justify-self: end; margin: 0; max-width: 320px; }
  .fs .legend { grid-area: top; justify-self: start; align-self: center; max-width: calc(100% - 320px); margin: 0; font-size: 16px; }
  .fs .views { grid-area: views; grid-template-columns: repeat(3, minmax(0, 1fr)); }
  .fs .views > .view { grid-column: auto; }
  .fs figcaption { font-size: 22px; }
  .fs figcaption span { font-size: 17px; }
  .fs .hint { display: none; }
  .fs canvas, .fs canvas.top { height: max(320px, calc(100vh - 500px), 55vh); }
  .fs .panel { display: contents; }
  .fs fieldset { grid-area: controls; zoom: 1.3; }
  .fs [part=measures] { grid-area: measures; display: grid; grid-template-columns: minmax(0, 1fr) 300px; gap: 0 28px; align-items: start; }
  .fs .explain[hidden] ~ .panel > [part=measures] { grid-column: 1 / -1; }
  .fs [part=measures] > table { grid-row: span 2; }
  .fs [part=measures] > .share { grid-column: 2; margin: 12px 0 0; }
  .fs .certainty { grid-column: 1 / -1; }
  .fs .explain { grid-area: explain; margin: 0; align-self: start; }
  .fs .explain .step { font-size: 24px; }
  .fs .explain .caption { font-size: 22px; line-height: 1.35; max-width: none; }
  .fs .explain button { font-size: 17px; }
  .fs table, .fs tbody, .fs caption { display: block; }
  .fs caption { font-size: 20px; margin-bottom: 6px; }
  .fs caption .how { font-size: 16px; }
  .fs thead { position: absolute; clip-path: inset(50%); }
  .fs tbody { display: grid; grid-template-columns: repeat(auto-fill, minmax(16em, 1fr)); gap: 8px 20px; }
  .fs tr { display: flex; flex-direction: column; border-top: 2px solid var(--line); padding-top: 2px; }
  .fs th, .fs td { border: 0; padding: 0; }
  .fs tbody th { font-size: 17px; font-weight: 600; color: var(--muted); }
  .fs td.val { font-size: 28px; font-weight: 700; line-height: 1.2; }
  .fs td.range { font-size: 16px; }
  .fs .weight, .fs .weight h3 { font-size: 20px; margin-top: 34px; }
  .fs .weight h3 { margin: 0 0 4px; }
  .fs .note { grid-area: note; font-size: 16px; margin: 0; }
  .fs .views.twin { grid-template-columns: 1fr 1fr; }
  .fs .views.twin canvas, .fs .views.twin canvas.top { height: clamp(300px, 46vh, 480px); }
  .fs .sources { grid-area: sources; font-size: 16px; }
}
dialog.help { max-width: min(92vw, 600px); max-height: 90vh; overflow: auto; padding: 16px 20px;
  color: var(--ink); background: var(--surface); border: 2px solid var(--brand); border-radius: 10px; }
dialog.help::backdrop { background: rgb(0 0 0 / 0.5); }
dialog.help h2 { font-size: 18px; margin: 0 0 6px; }
dialog.help p { margin: 0 0 10px; color: var(--muted); }
dialog.help dl { display: grid; grid-template-columns: fit-content(45%) 1fr; gap: 6px 14px; margin: 0 0 14px; }
dialog.help kbd { white-space: nowrap; }
dialog.help dd { margin: 0; }
kbd { font: 600 13px/1.6 ui-monospace, monospace; padding: 0 6px; border: 1px solid var(--line);
  border-bottom-width: 2px; border-radius: 4px; background: var(--paper); color: var(--ink); }
`;


/** Says `text` in the element's polite live region (again, if it is already there). */
function say(el, text) {
  const live = el._ui.live;
  live.textContent = live.textContent === text ? `${text}\u00a0` : text;
}

/**
 * A key the element's handler passed on is a shortcut unless Ctrl, Alt or Meta is held (AltGr,
 * which some keyboards need for [ and ], is fine) or it was typed in a text field; then the key is
 * the widget's: the host page's handlers do not see it.
 */
function shortcut(e) {
  // (The event's path may be gone when this runs after the module's first load.)
  const t = e.composedPath()[0] ?? e.target ?? {};
  const typing = t.isContentEditable || (t.localName === 'input' && !/^(range|checkbox|radio|button|submit|reset|color|file)$/.test(t.type))
    || t.localName === 'textarea' || t.localName === 'select';
  if (typing || ((e.ctrlKey || e.metaKey || e.altKey) && !e.getModifierState('AltGraph'))) return null;
  e.preventDefault();
  e.stopPropagation();
  return e.key.toLowerCase();
}

/** Runs a presenter action on `el` (a PostureChain): 'fullscreen', 'help', or a keydown event
 * (one of the shortcut keys, which the element's handler picked out). */
export function present(el, event) {
  const ui = el._ui;
  addStyles(ui.root, CSS);
  if (el._help?.open) return;
  const what = typeof event === 'string' ? event : shortcut(event);
  if (!what) return;
  // A puzzle (puzzle.js) hides the sliders and the other buttons: only full screen and help then.
  if (ui.root.querySelector('.pc.puzzling') && !/^(fullscreen|help|f|\?)$/.test(what)) return;
  if (what === 'fullscreen' || what === 'f') return toggleFullscreen(el);
  if (what === 'help' || what === '?') return openHelp(el);
  if (what === '[' || what === ']') {
    ui.tilt.value = String(Number(ui.tilt.value) + (what === ']' ? 1 : -1));
    ui.tilt.dispatchEvent(new Event('input', { bubbles: true }));
    return say(el, t('pres.tilt', { v: ui.tiltOut.textContent }));
  }
  if (what === ',' || what === '.') return step(el, what === '.' ? 1 : -1);
  if (what === 'p') {
    ui.play.click();
    return say(el, ui.play.getAttribute('aria-pressed') === 'true' ? WORDS.playing : WORDS.paused);
  }
  if (what === 'r') {
    ui.root.querySelector('[data-act=reset]').click();
    return say(el, WORDS.reset);
  }
  if (/^[1-5]$/.test(what)) {
    el._setExplain(Number(what) - 1);
    say(el, t('pres.step', { title: ui.stepTitle.textContent }));
  }
}

/** The next (`by` 1) or previous (-1) explain step, as its buttons step; from outside explain
 * mode, the first. */
function step(el, by) {
  if (el._step < 0) el._setExplain(0);
  else el._ui.root.querySelector(by > 0 ? '[data-act=next]' : '[data-act=prev]').click();
  say(el, t('pres.step', { title: el._ui.stepTitle.textContent }));
}

// ---- Full screen ----

/** The widget's parts that Tab reaches, in order (the help dialog's apart). */
const tabbable = (root) => [...root.querySelectorAll('button, input, summary, [tabindex]')]
  .filter((n) => n.tabIndex >= 0 && !n.disabled && n.getClientRects().length && !n.closest('dialog'));

/** Keeps Tab inside `items` (a list of the focusable parts), wrapping at either end. */
function trapTab(e, root, items) {
  if (e.key !== 'Tab' || !items.length) return;
  const at = items.indexOf(root.activeElement);
  const to = e.shiftKey ? (at <= 0 ? items.length - 1 : -1) : (at === items.length - 1 || at < 0 ? 0 : -1);
  if (to >= 0) {
    e.preventDefault();
    items[to].focus();
  }
}

/** The host's inline styles the overlay sets, as they were before it. */
const OVERLAY = { position: 'fixed', inset: '0', 'z-index': '2147483647', margin: '0', width: 'auto',
  height: 'auto', 'max-width': 'none', 'max-height': 'none', overflow: 'auto', transform: 'none' };

async function toggleFullscreen(el) {
  if (el._fsMode || document.fullscreenElement === el) return leave(el);
  if (el.requestFullscreen && document.fullscreenEnabled !== false) {
    if (!el._fsWired) {
      el._fsWired = true;
      el.addEventListener('fullscreenchange', () => {
        if (document.fullscreenElement === el) enter(el, 'api');
        else if (el._fsMode === 'api') layoutOff(el);
      });
    }
    try {
      await el.requestFullscreen({ navigationUI: 'hide' });
      return;
    } catch {
      // Refused (no user gesture, an iframe without allow="fullscreen"): the overlay instead.
    }
  }
  enter(el, 'overlay');
}

/** The presentation layout on; `mode` 'api' (the browser's full screen) or 'overlay'. */
function enter(el, mode) {
  if (el._fsMode) return;
  const ui = el._ui;
  el._fsMode = mode;
  if (mode === 'overlay') {
    el._fsSaved = Object.keys(OVERLAY).map((p) => [p, el.style.getPropertyValue(p), el.style.getPropertyPriority(p)]);
    for (const [p, v] of Object.entries(OVERLAY)) el.style.setProperty(p, v, 'important');
    const html = document.documentElement.style;
    el._fsPageOverflow = html.overflow;
    html.overflow = 'hidden';
  }
  ui.box.classList.add('fs');
  // By key, so that a new language words it again (the element's applyWords).
  ui.fullscreen.dataset.t = 'pres.exit';
  ui.fullscreen.textContent = WORDS.exit;
  el._fsKeys = (e) => {
    if (el._help?.open) return;
    trapTab(e, ui.root, tabbable(ui.root));
    if (e.key === 'Escape' && mode === 'overlay' && el._step < 0) {
      e.preventDefault();
      leave(el);
    } else if ((e.key === 'PageDown' || e.key === 'PageUp') && e.composedPath()[0].type !== 'range') {
      e.preventDefault();
      step(el, e.key === 'PageDown' ? 1 : -1);
    }
  };
  // Capture: before the element's own Escape, which closes the explain panel first.
  ui.root.addEventListener('keydown', el._fsKeys, true);
  el._unpresent = () => leave(el);
  el._fsZoom = FULL_SCREEN_ZOOM;
  el._resize();
  say(el, WORDS.on);
}

/** In full screen the views draw strokes and labels up to 2.4 times larger, as far as each
 * canvas's size allows (the element's `_resize` works it out, again whenever a canvas changes size). */
const FULL_SCREEN_ZOOM = 2.4;

function leave(el) {
  if (document.fullscreenElement === el) {
    document.exitFullscreen().catch(() => layoutOff(el));
  } else {
    layoutOff(el);
  }
}

/** The presentation layout off, the host's styles as they were, focus on the full-screen button. */
function layoutOff(el) {
  if (!el._fsMode) return;
  const ui = el._ui;
  const inside = ui.root.activeElement !== null;
  if (el._fsMode === 'overlay') {
    for (const [p, v, priority] of el._fsSaved) {
      if (v) el.style.setProperty(p, v, priority);
      else el.style.removeProperty(p);
    }
    document.documentElement.style.overflow = el._fsPageOverflow;
  }
  el._fsMode = null;
  ui.box.classList.remove('fs');
  ui.fullscreen.dataset.t = 'pres.enter';
  ui.fullscreen.textContent = WORDS.enter;
  ui.root.removeEventListener('keydown', el._fsKeys, true);
  el._unpresent = null;
  el._fsZoom = 1;
  el._resize();
  if (inside) ui.fullscreen.focus();
  say(el, WORDS.off);
}

// ---- The help dialog ----

/** Opens the list of shortcuts: a modal dialog, focus on its Close button, kept inside it;
 * Escape or Close shuts it and focus goes back where it was. */
function openHelp(el) {
  const ui = el._ui;
  const back = ui.root.activeElement;
  let dialog = el._help;
  if (!dialog) {
    dialog = el._help = document.createElement('dialog');
    dialog.className = 'help';
    dialog.setAttribute('aria-labelledby', 'help-title');
    // Every word by its key (data-t), so that a new language words the open dialog again.
    const make = (tag, key, more) => {
      const node = Object.assign(document.createElement(tag), { textContent: t(key), ...more });
      node.dataset.t = key;
      return node;
    };
    const title = make('h2', 'pres.helpTitle', { id: 'help-title' });
    const intro = make('p', 'pres.helpIntro');
    const list = document.createElement('dl');
    for (const [keys, what] of KEYS) {
      const dt = document.createElement('dt');
      keys.forEach((k, i) => {
        if (i) dt.append(make('span', /^\d$/.test(k) ? 'pres.kbd.to' : 'pres.kbd.or'));
        dt.append(k.startsWith('pres.') ? make('kbd', k) : Object.assign(document.createElement('kbd'), { textContent: k }));
      });
      list.append(dt, make('dd', what));
    }
    const close = make('button', 'pres.close', { type: 'button' });
    close.addEventListener('click', () => dialog.close());
    dialog.append(title, intro, list, close);
    dialog.addEventListener('keydown', (e) => {
      trapTab(e, ui.root, [close]);
      // Escape closes the dialog only (the browser's doing), not the explain panel behind it.
      if (e.key === 'Escape') e.stopPropagation();
    });
    dialog.addEventListener('close', () => el._helpBack?.focus());
    ui.root.querySelector('.pc').append(dialog);
  }
  el._helpBack = back;
  dialog.showModal();
  dialog.querySelector('button').focus();
}
