// The attributes of <posture-chain>: parsing and validation, pure, and the colour maths for the brand.

/** The brand colour when brand-color is missing or not a colour. */
export const DEFAULT_BRAND = '#1d5f8a';

// Attribute validation: each returns [value, what was wrong with the attribute or null]; the
// element logs the message. A bad value gives a safe one: the nearest in range, or the default.
export const ATTRS = {
  'head-tilt': { min: -20, max: 20, fallback: 5, unit: '°' },
  'forward-head': { min: 0, max: 60, fallback: 0, unit: '°' },
  'leg-length': { min: -30, max: 30, fallback: 0, unit: ' mm' },
};
const COMPENSATION_WORDS = { none: 0, partial: 0.5, full: 1 };

export function parseRanged(name, raw) {
  const spec = ATTRS[name];
  const v = Number(raw);
  if (raw === null) return [spec.fallback, null];
  if (raw.trim() === '' || !Number.isFinite(v)) {
    return [spec.fallback, `${name}="${raw}" is not a number; using ${spec.fallback}${spec.unit}.`];
  }
  if (v < spec.min || v > spec.max) {
    const used = Math.min(spec.max, Math.max(spec.min, v));
    return [used, `${name}="${raw}" is outside ${spec.min}..${spec.max}${spec.unit}; using ${used}${spec.unit}.`];
  }
  return [v, null];
}

export function parseCompensation(raw) {
  if (raw === null) return [1, null];
  const word = COMPENSATION_WORDS[raw.trim().toLowerCase()];
  if (word !== undefined) return [word, null];
  const pct = raw.trim().endsWith('%');
  const v = Number(pct ? raw.trim().slice(0, -1) : raw) / (pct ? 100 : 1);
  if (raw.trim() === '' || !Number.isFinite(v) || v < 0 || v > 1) {
    return [1, `compensation="${raw}" should be none, partial, full, 0..1 or 0%..100%; using full.`];
  }
  return [v, null];
}

export function parseBrand(raw) {
  if (raw === null || raw.trim() === '') return [DEFAULT_BRAND, null];
  if (typeof CSS !== 'undefined' && CSS.supports('color', raw) && !/var\(|currentcolor|inherit|initial|unset/i.test(raw)) {
    return [raw.trim(), null];
  }
  return [DEFAULT_BRAND, `brand-color="${raw}" is not a CSS colour; using ${DEFAULT_BRAND}.`];
}

/** A slider's attribute as the slider's value (compensation in percent), and what was wrong or null. */
export function sliderValue(name, raw) {
  if (name !== 'compensation') {
    const [v, problem] = parseRanged(name, raw);
    return [String(v), problem];
  }
  const [share, problem] = parseCompensation(raw);
  return [String(Math.round(share * 100)), problem];
}

/** Black or white, whichever reads better on the colour (for text on brand-coloured buttons). */
export function inkOn(el, colour) {
  const probe = document.createElement('span');
  probe.style.color = colour;
  probe.style.display = 'none';
  el.append(probe);
  const m = getComputedStyle(probe).color.match(/[\d.]+/g) ?? ['0', '0', '0'];
  probe.remove();
  const lin = (c) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  const L = 0.2126 * lin(+m[0]) + 0.7152 * lin(+m[1]) + 0.0722 * lin(+m[2]);
  return (1.05) / (L + 0.05) >= (L + 0.05) / 0.05 ? '#fff' : '#000';
}
