// Dragging the head in the back view of <posture-chain>, by mouse, pen or touch. The canvas lets
// the page scroll vertically under a finger (`touch-action: pan-y pinch-zoom` in template.js);
// only a touch that starts on the head handle is kept from scrolling, so that it drags the head.

/** Wires the back view's canvas of `el` (a PostureChain); `stopAutoplay` ends a sweep. */
export function wirePointer(el, stopAutoplay) {
  const ui = el._ui;
  const back = ui.canvases[0];
  const local = (e) => {
    const r = back.getBoundingClientRect();
    // In the widget's CSS pixels, as the scene has them (it may draw the canvas zoomed: el._z).
    const z = el._z || 1;
    return [(e.clientX - r.left) / z, (e.clientY - r.top) / z];
  };
  back.addEventListener('touchstart', (e) => {
    const t = e.touches[0];
    if (t && el._widget?.hover(0, ...local(t))) e.preventDefault();
  }, { passive: false });
  back.addEventListener('pointerdown', (e) => {
    if (!el._widget || !el._widget.pointerDown(0, ...local(e))) return;
    stopAutoplay();
    try {
      back.setPointerCapture(e.pointerId);
    } catch {
      // A synthetic or already-ended pointer cannot be captured; the drag still works inside.
    }
    back.classList.add('grabbing');
    e.preventDefault();
    el._schedule();
  });
  back.addEventListener('pointermove', (e) => {
    if (!el._widget) return;
    const tilt = el._widget.pointerMove(...local(e));
    if (Number.isFinite(tilt)) {
      ui.tilt.value = String(Math.round(tilt * 2) / 2);
      el._showTilt(tilt);
    } else {
      back.classList.toggle('grab', el._widget.hover(0, ...local(e)));
    }
    el._schedule();
  });
  const release = () => {
    if (!el._widget) return;
    el._widget.pointerUp();
    back.classList.remove('grabbing');
    el._syncInputs('user');
  };
  back.addEventListener('pointerup', release);
  back.addEventListener('pointercancel', release);
  back.addEventListener('pointerleave', () => {
    el._widget?.hover(0, -1e6, -1e6);
    back.classList.remove('grab');
    el._schedule();
  });
}
