// A lazily loaded part's own styles (the explain panel's, "How certain?"'s, the compare and
// puzzle panels', the presenter's, the themes'), added to a shadow
// root when the part first shows there, so that the first load does not carry them: a
// constructable stylesheet (a strict CSP's `style-src 'self'` allows it), else a <style>, as
// for the element's own styles (element-props.js's adoptStyles).

const sheets = new Map();

/** Adds the rules `css` to the shadow root `root`, once. */
export function addStyles(root, css) {
  try {
    let sheet = sheets.get(css);
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      sheets.set(css, sheet);
    }
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } catch {
    if (![...root.querySelectorAll('style')].some((s) => s.textContent === css)) {
      root.append(Object.assign(document.createElement('style'), { textContent: css }));
    }
  }
}
