// The attributes of <posture-chain>: parsing and validation from the generated input table, and
// the colour maths for the brand. The parsers have no side effects of their own: each returns the
// value to use (for a bad one, the nearest in range or the element's start value) and tells
// warn(message), if given, what was wrong; the element logs that. Without warn they are quiet
// (reset uses that).

import { ATTRIBUTES, DEFAULT_BRAND } from './generated.js';

export { DEFAULT_BRAND };

/** The inputs that have an attribute, each with its index: the element's sliders, in order. */
export const SLIDERS = ATTRIBUTES;

/** The index of an attribute's input in the Widget's setInput, by the input's key. */
export const inputIndex = (key) => SLIDERS.find((i) => i.key === key).index;

/** How a unit follows a number in messages and labels. */
export const UNIT = { deg: '°', mm: '\u00a0mm', cm: '\u00a0cm', kg: '\u00a0kg', pct: '%', '': '' };

/** A number rounded for attributes and messages (no binary-fraction tails). */
export const tidy = (v) => +v.toFixed(6);

/** The value an attribute asks for, in the input's unit. */
export function parseInput(spec, raw, warn) {
  if (raw === null) return spec.start;
  const text = raw.trim();
  const names = Object.keys(spec.words);
  const unit = UNIT[spec.unit];
  if (names.length) {
    // Words, a number in the input's range, or a percentage of its scale.
    const word = spec.words[text.toLowerCase()];
    if (word !== undefined) return word;
    const pct = spec.sliderScale === 100 && text.endsWith('%');
    const v = Number(pct ? text.slice(0, -1) : text) / (pct ? 100 : 1);
    // A choice (the strategy: whole steps) takes its words or a whole number.
    const choice = spec.step === 1;
    if (text === '' || !Number.isFinite(v) || v < spec.min || v > spec.max || (choice && !Number.isInteger(v))) {
      const start = names.find((w) => spec.words[w] === spec.start) ?? spec.start;
      const ways = choice ? `${names.join(', ')} (or ${spec.min}..${spec.max})` : `${names.join(', ')}, ${spec.min}..${spec.max} or ${spec.min * spec.sliderScale}%..${spec.max * spec.sliderScale}%`;
      warn?.(`${spec.attribute}="${raw}" should be ${ways}; using ${start}.`);
      return spec.start;
    }
    return v;
  }
  const v = Number(raw);
  if (text === '' || !Number.isFinite(v)) {
    warn?.(`${spec.attribute}="${raw}" is not a number; using ${spec.start}${unit}.`);
    return spec.start;
  }
  if (v < spec.min || v > spec.max) {
    const used = Math.min(spec.max, Math.max(spec.min, v));
    warn?.(`${spec.attribute}="${raw}" is outside ${spec.min}..${spec.max}${unit}; using ${used}${unit}.`);
    return used;
  }
  return v;
}

/** A slider's attribute as the slider's value, a string (scaled: compensation in percent). */
export const sliderValue = (spec, raw, warn) => String(tidy(parseInput(spec, raw, warn) * spec.sliderScale));

export function parseBrand(raw, warn) {
  if (raw === null || raw.trim() === '') return DEFAULT_BRAND;
  if (typeof CSS !== 'undefined' && CSS.supports('color', raw) && !/var\(|currentcolor|inherit|initial|unset/i.test(raw)) {
    return raw.trim();
  }
  warn?.(`brand-color="${raw}" is not a CSS colour; using ${DEFAULT_BRAND}.`);
  return DEFAULT_BRAND;
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
