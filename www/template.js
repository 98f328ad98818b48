// The shadow root of <posture-chain>: its styles (STYLE, adopted as a constructable stylesheet), its
// markup (MARKUP, with `part` names for the host page: base, tools, views, view, view-back, view-side,
// view-top, legend, explain, controls, measures, share, note) and the named parts of that markup that the
// element and the panel write to (parts). Host pages may set --posture-chain-brand and --posture-chain-ink.
// The light theme's colours come from generated.js (LIGHT_CSS); themes.js adds the others.
// The explain panel's own rules load with its captions (captions.js), those of "How certain?"'s
// words with them (bands.js).

import { SLIDERS, tidy } from './attributes.js';
import { LIGHT_CSS, STRATEGIES } from './generated.js';
import { strategyLabel, t } from './words.js';

/** The input an attribute sets (from the generated table). */
const spec = (attribute) => SLIDERS.find((s) => s.attribute === attribute);

/** A slider's range, step and starting value, from its input's spec (scaled to the slider). */
function slider(attribute) {
  const s = spec(attribute);
  const at = (v) => tidy(v * s.sliderScale);
  return `min="${at(s.min)}" max="${at(s.max)}" step="${at(s.step)}" value="${at(s.start)}"`;
}

// Under 560 px (a phone): one view at a time, chosen with the tabs, and the head-tilt slider
// right under it (views.js moves it there), the view sized so that both are on screen together,
// room left for the page's margins. The hidden views keep their size, out of sight, so that they
// are drawn and show at once. Below, the rest takes less height (the panel in one column, each
// measure's usual range under its value): the whole element is about a screen and a half.
const PHONE = `@container (width < 560px) {
::slotted(:is(svg, img):not(.phone)) { display: none; }
::slotted(.phone) { display: block; }
.pc { padding: 10px; line-height: 1.3; }
.tabs { display: flex; gap: 6px; margin: 0 0 4px; }
.tabs button { flex: 1 1 0; padding: 2px 4px; font-size: 13px; min-height: 34px; }
.views { display: block; position: relative; }
.view:not(.on) { position: absolute; left: 0; right: 0; visibility: hidden; }
figcaption { font-size: 13px; margin-bottom: 2px; }
canvas, canvas.top { height: clamp(200px, 100svh - 250px, 330px); }
.hint { font-size: 12px; margin-top: 2px; }
.views + .ctl.primary { margin: 4px 0 0; }
.ctl.primary input[type=range] { height: 30px; }
.ctl:not(.primary) .ends { display: none; }
.legend { display: block; font-size: 12px; margin-top: 6px; }
.legend li { display: inline-flex; margin-right: 8px; }
.legend .title { display: inline; }
.panel { gap: 8px; margin-top: 8px; }
h3, caption { font-size: 14px; margin-bottom: 2px; }
fieldset > legend { position: absolute; clip-path: inset(50%); }
.ctl { margin: 0 0 2px; }
.ctl .row, .check, .buttons button, table { font-size: 13px; }
input[type=range] { display: block; height: 26px; margin-top: 0; }
.check { margin-bottom: 6px; }
.buttons { gap: 5px; }
.buttons button { padding: 2px 7px; min-height: 32px; }
table, thead, tbody, caption { display: block; line-height: 1.2; }
tr { display: grid; grid-template-columns: 40% 1fr; column-gap: 8px; padding: 1px 0 2px; border-bottom: 1px solid var(--line); }
th, td { border: 0; padding: 0; }
tbody th { grid-row: span 2; }
thead tr { display: flex; }
thead th:first-child { flex: 0 0 40%; }
thead th:last-child::before { content: '/'; content: '/' / ''; margin-right: 4px; }
td.range, .note, .sources { font-size: 12px; }
.s .hint { display: none; }
.weight { display: grid; grid-template-columns: 1fr 1fr; column-gap: 12px; margin-top: 6px; font-size: 13px; }
.weight h3 { grid-column: 1 / -1; }
.bar { grid-template-columns: auto 1fr auto; margin: 0; }
.note, .sources { margin-top: 6px; }
}
`;

// The presenter's toolbar (presenter.js's full screen and shortcuts), not in the phone layout (no
// room there; F and ? still work), and what printing leaves (the views as drawn, the measures and
// the note, on one page). Written tight: the styles ship as they are written.
const PRESENTER = `.tools{justify-content:flex-end;margin:0 0 8px}@container (width<560px){.tools{display:none}}
@media print{.pc{border:0;padding:0;zoom:.85}.tabs,.tools,.share,fieldset,.sources,.certainty,.hint,.pc button{display:none}
.pc .views{grid-template-columns:1fr 1fr 1fr}.pc .views>.view{grid-column:auto;position:static;visibility:visible}
.pc .view canvas{height:260px;object-fit:contain}.pc .panel{grid-template-columns:1fr}}
`;

export const STYLE = `
:host { all: initial; display: block; text-align: left; ${LIGHT_CSS} --on-brand: #fff;
  color: var(--ink); font: 15px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; }
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
.cq { container-type: inline-size; }
.pc { border: 1px solid var(--line); border-radius: 10px; background: var(--surface); padding: 12px; }
.views { display: grid; grid-template-columns: 1fr; gap: 10px; margin: 0; }
figure { margin: 0; min-width: 0; }
figcaption { font-weight: 600; font-size: 14px; margin: 0 0 4px; }
figcaption span { font-weight: 400; color: var(--muted); }
figcaption b { font-weight: inherit; }
canvas { display: block; width: 100%; height: 480px; background: var(--paper);
  border: 1px solid var(--line); border-radius: 6px; }
canvas.back { touch-action: pan-y pinch-zoom; }
.cv { position: relative; }
.poster { position: absolute; inset: 1px; display: block; overflow: hidden; border-radius: 5px; }
::slotted(svg), ::slotted(img) { display: block; max-width: 100%; height: auto; }
.poster::slotted(svg), .poster::slotted(img) { width: 100%; height: 100%; object-fit: contain; }
.poster::slotted(:not(svg, img)) { display: none; }
::slotted(.phone) { display: none; }
canvas.top { height: 340px; }
.tabs { display: none; }
.view { min-width: 0; }
canvas.grab { cursor: grab; }
canvas.grabbing { cursor: grabbing; }
.hint { font-size: 13px; color: var(--muted); margin: 6px 0 0; }
.legend { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 10px; margin: 10px 0 0;
  font-size: 13px; padding: 0; list-style: none; }
.legend li { display: flex; align-items: center; gap: 5px; }
.legend .sw { width: 18px; height: 12px; border: 1px solid var(--ink); border-radius: 2px; }
.legend .title { font-weight: 600; }
.panel { display: grid; grid-template-columns: 1fr; gap: 14px; margin-top: 14px; }
fieldset { border: 0; margin: 0; padding: 0; min-width: 0; }
legend, h3 { font-size: 15px; font-weight: 700; margin: 0 0 6px; padding: 0; }
.ctl { margin: 0 0 10px; }
.ctl .row { display: flex; justify-content: space-between; align-items: baseline; gap: 8px; font-size: 14px; }
.ctl output { font-variant-numeric: tabular-nums; font-weight: 600; }
.ctl.primary .row { font-size: 16px; font-weight: 600; }
input[type=range] { width: 100%; margin: 4px 0 0; accent-color: var(--brand); height: 28px; }
.ctl.primary input[type=range] { height: 34px; }
.ends { display: flex; justify-content: space-between; font-size: 12px; color: var(--muted); }
.check { display: flex; gap: 8px; align-items: center; font-size: 14px; margin: 0 0 10px; }
.check input { width: 18px; height: 18px; accent-color: var(--brand); }
.buttons { display: flex; flex-wrap: wrap; gap: 8px; }
button { font: inherit; font-size: 14px; font-weight: 600; color: var(--ink); background: var(--surface);
  border: 2px solid var(--brand); border-radius: 6px; padding: 6px 12px; min-height: 36px; cursor: pointer; }
button[aria-pressed=true], .tabs [aria-selected=true] { background: var(--brand); color: var(--on-brand); }
button:hover { background: color-mix(in srgb, var(--brand) 10%, var(--surface)); }
button[aria-pressed=true]:hover { background: var(--brand); }
:focus-visible { outline: 3px solid var(--brand); outline-offset: 2px; }
canvas:focus-visible { outline-offset: -3px; }
table { border-collapse: collapse; width: 100%; font-size: 14px; table-layout: fixed; }
thead th:first-child { width: 36%; }
thead th:nth-child(2) { width: 31%; }
td.val:empty::before { content: '\\a0'; }
caption { text-align: left; font-weight: 700; font-size: 15px; margin-bottom: 4px; }
th, td { text-align: left; padding: 4px 6px 4px 0; border-bottom: 1px solid var(--line); vertical-align: top; }
thead th { font-size: 12px; color: var(--muted); font-weight: 600; }
td { font-variant-numeric: tabular-nums; }
td.range { color: var(--muted); }
td.range.none { font-style: italic; }
tr.out td.val { color: var(--alert); font-weight: 700; }
.flag { display: inline-block; font-size: 12px; font-weight: 700; color: var(--alert);
  border: 1px solid var(--alert); border-radius: 3px; padding: 0 4px; margin-left: 4px; }
.weight { margin-top: 10px; font-size: 14px; }
.bar { display: grid; grid-template-columns: minmax(4.2em, auto) 1fr minmax(3.2em, auto); align-items: center; gap: 6px; margin: 3px 0; }
.track { height: 12px; background: var(--track); border-radius: 3px; overflow: hidden; }
.fill { height: 100%; background: var(--muted); width: 50%; }
.fill.left { background: var(--brand); }
.bar .pct { text-align: right; font-variant-numeric: tabular-nums; font-weight: 600; }
.explain[hidden] { display: none; }
.warn { font-size: 13px; color: var(--alert); margin: 0 0 10px; }
.warn[hidden] { display: none; }
.note { font-size: 13px; color: var(--muted); margin: 12px 0 0; }
.sources { font-size: 13px; color: var(--muted); margin: 4px 0 0; }
.sources summary { cursor: pointer; color: var(--ink); }
.sources ul { margin: 4px 0 0; padding-left: 18px; }
.vh { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.fail { padding: 12px; color: var(--alert); }
caption .how { font-size: 12px; min-height: 28px; padding: 1px 8px; margin-left: 8px; vertical-align: 1px; }
.certainty { margin-top: 10px; font-size: 13px; }
.certainty[hidden] { display: none; }
.badge { margin: 0 0 8px; padding: 4px 8px; border: 2px solid var(--alert); border-radius: 6px; color: var(--alert); font-weight: 700; }
.s select { font: inherit; min-width: 0; min-height: 28px; }
.s .row { flex-wrap: wrap; }
.s:not(.tone) label { flex: none; }
.s.buttons { margin-bottom: 10px; }
.pc.puzzling .ctl:not(.s), .pc.puzzling [data-act]:not([data-act=link]), .pc.puzzling [data-strat] { display: none; }
.share { margin-top: 12px; }
.share p { flex-basis: 100%; margin: 0; font-size: 13px; }
.share p:empty { display: none; }
.share input { display: block; width: 100%; font: inherit; }
@container (width < 560px) { .share { display: none; } }
${PRESENTER}${PHONE}@container (min-width: 560px) {
  .views { grid-template-columns: 1fr 1fr; }
  .views > :last-child { grid-column: 1 / -1; }
  canvas.top { height: 320px; }
}
@container (min-width: 760px) {
  .views { grid-template-columns: 1fr 1fr 1fr; }
  .views > :last-child { grid-column: auto; }
  canvas, canvas.top { height: clamp(440px, 62vh, 640px); }
  .panel { grid-template-columns: minmax(0, 1fr) minmax(0, 1.15fr); gap: 28px; }
}
`;

export const MARKUP = `
<div class="cq"><div class="pc" part="base" lang="en" dir="ltr">
  <div class="buttons tools" part="tools"><button type="button" data-tool="fullscreen" aria-keyshortcuts="f" data-t="tools.fullscreen"></button><button type="button" data-tool="help" aria-haspopup="dialog" aria-keyshortcuts="?" data-t="tools.help"></button></div>
  <div class="tabs" role="tablist" data-t-label="views">
    <button type="button" role="tab" id="tab-back" data-view="back" aria-controls="view-back" aria-selected="true" data-t="view.back"></button>
    <button type="button" role="tab" id="tab-side" data-view="side" aria-controls="view-side" aria-selected="false" tabindex="-1" data-t="view.side"></button>
    <button type="button" role="tab" id="tab-top" data-view="top" aria-controls="view-top" aria-selected="false" tabindex="-1" data-t="view.top"></button>
  </div>
  <p class="badge" part="badge" hidden></p>
  <div class="views" part="views">
    <div class="view on" id="view-back"><figure><figcaption id="cap-back"><b data-t="view.back"></b> <span data-t="view.back.from"></span></figcaption>
      <div class="cv"><canvas class="back" part="view view-back" role="img" aria-labelledby="cap-back desc-back"></canvas><slot class="poster"></slot></div>
      <p class="hint" id="desc-back" data-t="hint.back"></p></figure></div>
    <div class="view" id="view-side"><figure><figcaption id="cap-side"><b data-t="view.side"></b> <span data-t="view.side.from"></span></figcaption>
      <canvas class="side" part="view view-side" role="img" aria-labelledby="cap-side desc-side"></canvas>
      <p class="hint" id="desc-side" data-t="hint.side"></p></figure></div>
    <div class="view" id="view-top"><figure><figcaption id="cap-top"><b data-t="view.top"></b> <span data-t="view.top.from"></span></figcaption>
      <canvas class="top" part="view view-top" role="img" aria-labelledby="cap-top desc-top"></canvas>
      <p class="hint" id="desc-top" data-t="hint.top"></p></figure></div>
  </div>
  <ul class="legend" part="legend" data-t-label="legend.label"></ul>
  <section class="explain" part="explain" hidden aria-labelledby="explain-step">
    <p class="step" id="explain-step"></p>
    <p class="caption" aria-live="polite"></p>
    <div class="buttons">
      <button type="button" data-act="prev" data-t="explain.prev"></button>
      <button type="button" data-act="next" data-t="explain.next"></button>
      <button type="button" data-act="steps" aria-pressed="false" data-t="explain.play"></button>
      <button type="button" data-act="close" data-t="explain.close"></button>
    </div>
  </section>
  <div class="panel">
    <fieldset part="controls">
      <legend data-t="controls"></legend>
      <div class="ctl primary">
        <div class="row"><label for="head-tilt" data-t="headTilt"></label><output id="head-tilt-out" for="head-tilt"></output></div>
        <input id="head-tilt" type="range" ${slider('head-tilt')}>
        <div class="ends" aria-hidden="true"><span data-t="headTilt.left"></span><span data-t="headTilt.right"></span></div>
      </div>
      <div class="ctl">
        <div class="row"><label for="forward-head" data-t="forwardHead"></label><output id="forward-head-out" for="forward-head"></output></div>
        <input id="forward-head" type="range" ${slider('forward-head')}>
      </div>
      <div class="ctl">
        <div class="row"><label for="leg-length" data-t="legLength"></label><output id="leg-length-out" for="leg-length"></output></div>
        <input id="leg-length" type="range" ${slider('leg-length')}>
        <div class="ends" aria-hidden="true"><span data-t="legLength.left"></span><span data-t="legLength.right"></span></div>
      </div>
      <div class="ctl">
        <div class="row"><label for="compensation" data-t="compensation"></label><output id="compensation-out" for="compensation"></output></div>
        <input id="compensation" type="range" ${slider('compensation')}>
        <div class="ends" aria-hidden="true"><span data-t="compensation.none"></span><span data-t="compensation.full"></span></div>
      </div>
      <div class="ctl s" part="strategy"><div class="row"><label for="strategy" data-t="strategy"></label><select id="strategy" aria-describedby="strategy-about">${STRATEGIES.map((s, i) => `<option value="${i}"${i === spec('strategy').start ? ' selected' : ''}>${s.label}</option>`).join('')}</select></div><p class="hint" id="strategy-about"></p></div>
      <div class="ctl s tone" hidden><div class="row"><label for="tone-spread" data-t="toneSpread"></label><output id="tone-spread-out" for="tone-spread"></output></div><input id="tone-spread" type="range" ${slider('tone-spread')}></div>
      <div class="buttons s"><button type="button" data-strat="compare" aria-pressed="false" data-t="compare.open"></button><button type="button" data-strat="puzzle" data-t="puzzle.open"></button></div>
      <p class="warn" hidden></p>
      <label class="check"><input id="magnify" type="checkbox"> <span data-t="magnify"></span></label>
      <div class="buttons">
        <button type="button" data-act="play" aria-pressed="false" data-t="sweep.play"></button>
        <button type="button" data-act="explain" aria-pressed="false" data-t="explain.open"></button>
        <button type="button" data-act="reset" data-t="reset"></button>
      </div>
    </fieldset>
    <div part="measures">
      <table>
        <caption><span data-t="measures"></span> <button type="button" class="how" aria-expanded="false" aria-controls="certainty" data-t="how"></button></caption>
        <thead><tr><th scope="col" data-t="col.measure"></th><th scope="col" data-t="col.now"></th><th scope="col" data-t="col.range"></th></tr></thead>
        <tbody></tbody>
      </table>
      <div class="weight" role="group" aria-labelledby="weight-title">
        <h3 id="weight-title" data-t="weight"></h3>
        <div class="bar"><span data-t="weight.left"></span><div class="track"><div class="fill left"></div></div><span class="pct">50%</span></div>
        <div class="bar"><span data-t="weight.right"></span><div class="track"><div class="fill right"></div></div><span class="pct">50%</span></div>
      </div>
      <section class="certainty" id="certainty" part="certainty" hidden aria-labelledby="certainty-title">
        <h3 id="certainty-title" data-t="certainty.title"></h3>
      </section>
      <div class="share buttons" part="share" role="group" data-t-label="share.label">
        <button type="button" data-act="link" data-t="share.link"></button>
        <button type="button" data-act="png" data-t="share.png"></button>
        <button type="button" data-act="svg" data-t="share.svg"></button>
        <p aria-live="polite"></p>
      </div>
    </div>
  </div>
  <p class="note" part="note" data-t="note"></p>
  <details class="sources"><summary data-t="sources"></summary><ul>
  </ul></details>
  <p class="vh live" aria-live="polite" aria-atomic="true"></p>
</div></div>`;

const VIEW_NAMES = ['back', 'side', 'top'];

/** Words every `data-t` element of `root` (its text) and `data-t-label` one (its aria-label) in
 * the active locale (i18n.js), their `{name}`s filled from `values`; and the strategies' names. */
export function applyWords(root, values) {
  for (const el of root.querySelectorAll('[data-t]')) el.textContent = t(el.dataset.t, values);
  for (const el of root.querySelectorAll('[data-t-label]')) el.setAttribute('aria-label', t(el.dataset.tLabel, values));
  root.querySelectorAll('#strategy option').forEach((o, i) => { o.textContent = strategyLabel(i); });
  // The share line's message (share.js, export.js) told of a moment before these words: it goes,
  // but for a link's field to copy by hand, labelled again.
  const line = root.querySelector('.share p');
  const field = line.querySelector('label');
  line.replaceChildren(...(field ? [field] : []));
  field?.firstChild.replaceWith(t('share.field'));
}

/** The values the markup's words name: the head-tilt slider's ends. */
export const markupValues = () => ({ left: -spec('head-tilt').min, right: spec('head-tilt').max });

/** The parts of a shadow root filled with MARKUP, by name; canvases in view order. */
export function parts(root) {
  const $ = (s) => root.querySelector(s);
  return {
    root,
    canvases: VIEW_NAMES.map((n) => $(`canvas.${n}`)),
    tilt: $('#head-tilt'), tiltOut: $('#head-tilt-out'),
    fwd: $('#forward-head'), fwdOut: $('#forward-head-out'),
    leg: $('#leg-length'), legOut: $('#leg-length-out'),
    comp: $('#compensation'), compOut: $('#compensation-out'),
    magnify: $('#magnify'),
    play: $('[data-act=play]'), explainBtn: $('[data-act=explain]'), steps: $('[data-act=steps]'),
    explain: $('.explain'), stepTitle: $('#explain-step'), stepCaption: $('.explain .caption'),
    tbody: $('tbody'), legend: $('.legend'),
    pcts: root.querySelectorAll('.bar .pct'), fills: root.querySelectorAll('.bar .fill'),
    live: $('.live'), sources: $('.sources ul'), warnings: $('.warn'),
    tabList: $('[role=tablist]'), tabs: [...root.querySelectorAll('[role=tab]')],
    views: $('.views'), panels: [...root.querySelectorAll('.view')],
    primary: $('.ctl.primary'), tryIt: $('fieldset > legend'),
    how: $('caption .how'), certainty: $('.certainty'),
    box: $('.cq'), fullscreen: $('[data-tool=fullscreen]'), poster: $('.poster'),
  };
}
