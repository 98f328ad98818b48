// The phone layout of <posture-chain>: where the element is narrow, its styles (template.js) show
// one view at a time under a tab list, and this module keeps the tabs (the WAI-ARIA tabs pattern:
// a click, or Left, Right, Home and End on the tab list, shows a view) and moves the head-tilt
// slider right under the views, so that a reader who drags it sees the body move. Whether the
// layout is on is read from the tab list itself (shown only there), so the width that switches it
// is written once, in the styles.

/** Shows view i (0 back, 1 side, 2 top) and selects its tab, focusing it if `focus`. */
export function showView(ui, i, focus = false) {
  ui.tabs.forEach((tab, k) => {
    tab.setAttribute('aria-selected', String(k === i));
    tab.tabIndex = k === i ? 0 : -1;
  });
  ui.panels.forEach((panel, k) => panel.classList.toggle('on', k === i));
  if (focus) ui.tabs[i].focus();
}

/** Lays the parts out for a phone (the views as tab panels, the slider under them) or not. */
function setPhone(ui, phone) {
  const home = phone ? ui.views : ui.tryIt;
  if (home.nextElementSibling !== ui.primary) {
    const focused = ui.root.activeElement === ui.tilt;
    home.after(ui.primary);
    if (focused) ui.tilt.focus();
  }
  ui.panels.forEach((panel, k) => {
    if (phone) {
      panel.setAttribute('role', 'tabpanel');
      panel.setAttribute('aria-labelledby', ui.tabs[k].id);
      panel.tabIndex = 0;
    } else {
      for (const name of ['role', 'aria-labelledby', 'tabindex']) panel.removeAttribute(name);
    }
  });
}

/** Lays the parts out for the element's width now, before its first layout is painted: the
 * observer of wireViews follows a frame later, a layout shift where the element is on screen. */
export function layOutNow(ui) {
  setPhone(ui, ui.tabList.offsetWidth > 0);
}

/** Wires the tab list and follows the layout; `shown(i)` is told when view i comes up, to size
 * and draw it. Returns the observer that follows the layout. */
export function wireViews(ui, shown) {
  const pick = (i, focus) => {
    showView(ui, i, focus);
    shown(i);
  };
  ui.tabList.addEventListener('click', (e) => {
    const i = ui.tabs.indexOf(e.target.closest('[role=tab]'));
    if (i >= 0) pick(i, false);
  });
  ui.tabList.addEventListener('keydown', (e) => {
    const n = ui.tabs.length;
    const at = ui.tabs.indexOf(e.target.closest('[role=tab]'));
    const to = { ArrowLeft: at + n - 1, ArrowRight: at + 1, Home: 0, End: n - 1 }[e.key];
    if (at < 0 || to === undefined) return;
    e.preventDefault();
    pick(to % n, true);
  });
  const layout = new ResizeObserver(([entry]) => setPhone(ui, entry.contentRect.width > 0));
  layout.observe(ui.tabList);
  return layout;
}

/** Follows whether `el` is on screen (or within 100 px of it): `shown` says so, and `back()` is
 * called when it comes back, so that the element's frame loop, which stops while it is away,
 * starts again. Offscreen widgets then cost nothing per frame (`cargo xtask perf` counts them). */
export function watchScreen(el, back) {
  const screen = { shown: true, stop() {} };
  if (typeof IntersectionObserver === 'undefined') return screen;
  const io = new IntersectionObserver((entries) => {
    const shown = entries[entries.length - 1].isIntersecting;
    if (shown === screen.shown) return;
    screen.shown = shown;
    if (shown) back();
  }, { rootMargin: '100px 0px' });
  io.observe(el);
  screen.stop = () => io.disconnect();
  return screen;
}
