// The pseudo-locale en-XA of <posture-chain> (i18n.js loads this module only when an element
// asks for it): made from English, every letter accented, about 40 % longer in filler words, the
// whole in ⟦ ⟧ so that a clipped end shows, {placeholders} kept. It finds words that would not
// fit in a longer language (tests/e2e/locales.test.mjs looks for any that overflow).

const ACCENT = { a: 'á', e: 'ë', i: 'ï', o: 'ö', u: 'ü', c: 'ç', n: 'ñ', y: 'ý', s: 'š', z: 'ž', A: 'Å', E: 'É', I: 'Î', O: 'Ø', U: 'Û', C: 'Ç', N: 'Ñ', S: 'Š' };
const FILLER = 'ļörëm ïpšüm dölör šït ámët çöñšëçtëtür';

/** One string in the pseudo-locale. */
export function pseudo(s) {
  if (typeof s !== 'string' || !s) return s;
  const body = s.split(/(\{\w+\})/).map((p, i) => (i % 2 ? p : p.replace(/[a-zA-Z]/g, (c) => ACCENT[c] ?? c))).join('');
  const extra = Math.round(s.replace(/\{\w+\}/g, '').length * 0.4);
  const pad = `${FILLER} `.repeat(Math.ceil(extra / FILLER.length) + 1).slice(0, extra - 1).trim();
  return extra < 2 ? `⟦${body}⟧` : `⟦${body} ${pad}⟧`;
}

/** The pseudo-locale's table from English's; `_pseudo` words what it lacks (words added later,
 * the Rust-defined ones, the canvas labels). */
export function pseudoTable(en) {
  const out = { _pseudo: pseudo };
  for (const [k, v] of Object.entries(en)) {
    if (k.startsWith('_')) out[k] = k === '_lang' ? 'en-XA' : v;
    else if (k === 'canvas') continue;
    else out[k] = pseudo(v);
  }
  return out;
}
