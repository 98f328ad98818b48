// The attributes of <posture-chain>: parsing and validation, and the colour maths for the brand.

/** The brand colour when brand-color is missing or not a colour. */
export const DEFAULT_BRAND = '#1d5f8a';

// Attribute validation, with no side effects of its own: each parser returns the value to use
// (for a bad one, the nearest in range or the default) and tells warn(message), if given, what
// was wrong; the element logs that. Without warn the parsers are quiet (reset uses that).
export const ATTRS = {
  'head-tilt': { min: -20, max: 20, fallback: 5, unit: '°' },
  'forward-head': { min: 0, max: 60, fallback: 0, unit: '°' },
  'leg-length': { min: -30, max: 30, fallback: 0, unit: ' mm' },
};
const COMPENSATION_WORDS = { none: 0, partial: 0.5, full: 1 };

export function parseRanged(name, raw, warn) {
  const spec = ATTRS[name];
  const v = Number(raw);
  if (raw === null) return spec.fallback;
  if (raw.trim() === '' || !Number.isFinite(v)) {
    warn?.(`${name}="${raw}" is not a number; using ${spec.fallback}${spec.unit}.`);
    return spec.fallback;
  }
  if (v < spec.min || v > spec.max) {
    const used = Math.min(spec.max, Math.max(spec.min, v));
    warn?.(`${name}="${raw}" is outside ${spec.min}..${spec.max}${spec.unit}; using ${used}${spec.unit}.`);
    return used;
  }
  return v;
}

export function parseCompensation(raw, warn) {
  if (raw === null) return 1;
  const word = COMPENSATION_WORDS[raw.trim().toLowerCase()];
  if (word !== undefined) return word;
  const pct = raw.trim().endsWith('%');
  const v = Number(pct ? raw.trim().slice(0, -1) : raw) / (pct ? 100 : 1);
  if (raw.trim() === '' || !Number.isFinite(v) || v < 0 || v > 1) {
    warn?.(`compensation="${raw}" should be none, partial, full, 0..1 or 0%..100%; using full.`);
    return 1;
  }
  return v;
}

export function parseBrand(raw, warn) {
  if (raw === null || raw.trim() === '') return DEFAULT_BRAND;
  if (typeof CSS !== 'undefined' && CSS.supports('color', raw) && !/var\(|currentcolor|inherit|initial|unset/i.test(raw)) {
    return raw.trim();
  }
  warn?.(`brand-color="${raw}" is not a CSS colour; using ${DEFAULT_BRAND}.`);
  return DEFAULT_BRAND;
}

/** A slider's attribute as the slider's value, a string (compensation in percent). */
export function sliderValue(name, raw, warn) {
  if (name !== 'compensation') return String(parseRanged(name, raw, warn));
  return String(Math.round(parseCompensation(raw, warn) * 100));
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
