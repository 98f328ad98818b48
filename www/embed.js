// The script of the iframe page, embed.html: one <posture-chain> whose attributes come from the
// page's URL (embed.html?head-tilt=8&leg-length=5, the attributes' names), and the rest of its
// state too (explain=2, statureCm=180, theme=dark: share.js, whose "Copy link" writes this page's
// query), and its height posted
// to the parent page for the optional embed-resize.js. `cargo xtask build` bundles this file and
// the page's wasm into embed.html itself, so the frame loads nothing else: it works in a frame
// sandboxed with only `allow-scripts`, whose opaque origin makes every fetch cross-origin.

import { SLIDERS } from './attributes.js';
import { wasm } from './element-props.js';
import { linkNames, place } from './share.js';
import './posture-chain.js';
import { provide } from './i18n.js';
import DE from './locales/de.json' with { type: 'json' };
import ES from './locales/es.json' with { type: 'json' };
import FR from './locales/fr.json' with { type: 'json' };

// The frame fetches nothing: every language's strings are inlined (about 5 KB gzip each).
provide('de', DE);
provide('es', ES);
provide('fr', FR);

const NAMES = [...SLIDERS.map((s) => s.attribute), 'brand-color', 'loading', 'puzzle', 'lang'];
// The rest of a state (share.js): the inputs without an attribute (by key), the explain step,
// magnify and the presentation attributes, which "Copy link" writes into this page's query.
const FIELDS = linkNames().filter((n) => !NAMES.includes(n));
place.query = true;
const inline = document.getElementById('posture-chain-wasm');
if (inline) wasm.source = Uint8Array.from(atob(inline.textContent.trim()), (c) => c.charCodeAt(0));

// The page's element, its poster already painted (cargo xtask build puts it in the light DOM).
const el = document.querySelector('main > posture-chain') ?? document.createElement('posture-chain');
const state = {};
for (const [name, value] of new URLSearchParams(location.search)) {
  if (NAMES.includes(name)) {
    el.setAttribute(name, value); // the element warns about a bad value and uses a safe one
  } else if (FIELDS.includes(name)) {
    state[name] = value; // setState checks it
  } else {
    console.warn(`<posture-chain> embed.html: unknown parameter "${name}" ignored; it takes ${[...NAMES, ...FIELDS].join(', ')}.`);
  }
}
// Appended again (it may be there already): it reads `loading` as it connects.
document.querySelector('main').append(el);
if (Object.keys(state).length) el.setState(state);

// The height of the page, to the parent, whenever it changes (nothing when not in a frame).
if (parent !== window) {
  let last = 0;
  new ResizeObserver(() => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    parent.postMessage({ type: 'posture-chain:height', height }, '*');
  }).observe(document.documentElement);
}
