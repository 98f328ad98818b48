// What makes <posture-chain> behave like a built-in element, kept out of the element's class:
// its properties reflected from the attributes (camelCase, from the input table), its events,
// its styles adopted as a constructable stylesheet (so a strict `style-src 'self'` policy lets
// them in), its lazy start near the viewport, and where its wasm comes from.

import { SLIDERS, parseInput } from './attributes.js';

/** `head-tilt` -> `headTilt`: an attribute's property name. */
export const camel = (name) => name.replace(/-(.)/g, (_, c) => c.toUpperCase());

/**
 * Where the wasm comes from: null for the file beside the module (pkg/), or the module's bytes
 * (the self-contained iframe page sets them, as its frame may not fetch anything).
 */
export const wasm = { source: null };

let sheet;
/** Gives a shadow root its styles: one shared constructable stylesheet, else a <style>. */
export function adoptStyles(root, css) {
  try {
    if (!sheet) (sheet = new CSSStyleSheet()).replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } catch {
    root.prepend(Object.assign(document.createElement('style'), { textContent: css }));
  }
}

/**
 * Adds the reflected properties: one per slider (its value in the input's unit; setting it sets
 * the attribute, null removes it), and `brandColor`, `puzzle`, `theme` and `loading` as strings.
 */
export function defineProps(cls) {
  const reflect = (attr, get) => Object.defineProperty(cls.prototype, camel(attr), {
    configurable: true,
    get() { return get(this); },
    set(v) { v == null ? this.removeAttribute(attr) : this.setAttribute(attr, String(v)); },
  });
  for (const spec of SLIDERS) {
    reflect(spec.attribute, (el) => {
      const slider = el.shadowRoot?.getElementById(spec.attribute);
      return slider ? Number(slider.value) / spec.sliderScale : parseInput(spec, el.getAttribute(spec.attribute));
    });
  }
  reflect('brand-color', (el) => el.getAttribute('brand-color'));
  reflect('puzzle', (el) => el.getAttribute('puzzle'));
  reflect('theme', (el) => el.getAttribute('theme'));
  reflect('loading', (el) => (el.getAttribute('loading') === 'eager' ? 'eager' : 'lazy'));
}

/** Dispatches a CustomEvent on the element (not bubbling, like a built-in `load`). */
export const emit = (el, type, detail) => el.dispatchEvent(new CustomEvent(type, { detail }));

/**
 * Calls `go` once the element is within about a screen of the viewport (`loading="lazy"`, the
 * default) or at once (`"eager"`); returns a function that stops waiting.
 */
export function whenNear(el, go, warn) {
  const loading = el.getAttribute('loading');
  if (loading !== null && loading !== 'lazy' && loading !== 'eager') {
    warn(`loading="${loading}" should be lazy or eager; using lazy.`);
  }
  if (loading === 'eager' || typeof IntersectionObserver === 'undefined') {
    go();
    return () => {};
  }
  const io = new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting)) {
      io.disconnect();
      go();
    }
  }, { rootMargin: '100% 0px' });
  io.observe(el);
  return () => io.disconnect();
}
