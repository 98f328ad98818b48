//! The shadow root's styles and markup (`www/template.js`'s template literals, which esbuild
//! keeps as they are written) minified in a built bundle: CSS without its comments and the
//! spaces it needs none of, HTML without the whitespace that spans lines between tags.
//!
//! `www/template.js` stays readable and works unbundled; the build finds each literal's text
//! (between its `${…}`s) in esbuild's output, where it stands verbatim, and writes it shorter.
//! Measured 2026-12-02: the first load's `posture-chain.js` 20 924 -> 20 660 gzip bytes.

use std::fs;
use std::path::Path;

use crate::DynError;

/// The module whose literals are minified, in `www/`.
pub const TEMPLATE_FILE: &str = "template.js";
/// Its constants that hold CSS (the shadow root's constructable stylesheet and its parts).
const CSS_LITERALS: [&str; 3] = ["PHONE", "PRESENTER", "STYLE"];
/// Its constants that hold HTML (the shadow root's markup).
const HTML_LITERALS: [&str; 1] = ["MARKUP"];
/// Shorter texts between two `${…}` are left as they are: too little to gain, and esbuild's
/// output may hold them more than once.
const SHORTEST_PIECE: usize = 16;

/// Rewrites the bundle `out`, which holds `template.js` (its text `template`), with the
/// literals' texts minified; returns how many bytes it saved. A text esbuild did not print as
/// written (exactly once) is left alone, and said.
pub fn minify_template_literals(out: &Path, template: &str) -> Result<usize, DynError> {
    let mut js = fs::read_to_string(out)?;
    let before = js.len();
    let kinds = CSS_LITERALS
        .iter()
        .map(|n| (*n, minify_css as fn(&str) -> String))
        .chain(
            HTML_LITERALS
                .iter()
                .map(|n| (*n, minify_html as fn(&str) -> String)),
        );
    for (name, minify) in kinds {
        let pieces = literal_pieces(template, name).ok_or_else(|| {
            format!("www/{TEMPLATE_FILE} lost its template literal `const {name} = `…``")
        })?;
        for piece in pieces.iter().filter(|p| p.len() >= SHORTEST_PIECE) {
            if js.matches(piece).count() == 1 {
                js = js.replacen(piece, &minify(piece), 1);
            } else {
                let start: String = piece.trim_start().chars().take(40).collect();
                println!(
                    "build: {TEMPLATE_FILE}'s {name} left as written at `{start}…` \
                     (esbuild's {} does not hold it exactly once)",
                    out.file_name().unwrap_or_default().to_string_lossy()
                );
            }
        }
    }
    fs::write(out, &js)?;
    Ok(before - js.len())
}

/// The texts of the template literal `const name = `…`` in `js` (raw, escapes as written),
/// between its `${…}` interpolations (which may hold literals of their own), in order.
fn literal_pieces<'a>(js: &'a str, name: &str) -> Option<Vec<&'a str>> {
    let open = format!("const {name} = `");
    let start = js.find(&open)? + open.len();
    let bytes = js.as_bytes();
    let mut pieces = Vec::new();
    let (mut from, mut i) = (start, start);
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'`' => {
                pieces.push(&js[from..i]);
                return Some(pieces);
            }
            b'$' if bytes.get(i + 1) == Some(&b'{') => {
                pieces.push(&js[from..i]);
                i = interpolation_end(bytes, i + 2)?;
                from = i;
            }
            _ => i += 1,
        }
    }
    None
}

/// The index just after the `}` that closes an interpolation whose code starts at `i`.
fn interpolation_end(bytes: &[u8], mut i: usize) -> Option<usize> {
    let mut depth = 1;
    while depth > 0 {
        match *bytes.get(i)? {
            b'{' => depth += 1,
            b'}' => depth -= 1,
            quote @ (b'`' | b'\'' | b'"') => {
                i += 1;
                while *bytes.get(i)? != quote {
                    if bytes[i] == b'\\' {
                        i += 1;
                    } else if quote == b'`' && bytes[i] == b'$' && bytes.get(i + 1) == Some(&b'{') {
                        i = interpolation_end(bytes, i + 2)? - 1;
                    }
                    i += 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    Some(i)
}

/// CSS without comments, each run of whitespace one space, and none around `{ } ; , >` or after
/// `:`, nor a `;` before `}`; quoted strings as they are. (Spaces before `:`, around `+`, `-`,
/// `<` and between values stay: they can mean something.)
fn minify_css(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let tight = |c: char| matches!(c, '{' | '}' | ';' | ',' | '>');
    let mut space = false;
    while let Some(c) = chars.next() {
        if c == '/' && chars.peek() == Some(&'*') {
            chars.next();
            let mut last = ' ';
            for d in chars.by_ref() {
                if last == '*' && d == '/' {
                    break;
                }
                last = d;
            }
            space = true;
            continue;
        }
        if c.is_whitespace() {
            space = true;
            continue;
        }
        let prev = out.chars().last();
        if space && !tight(c) && !prev.is_some_and(|p| tight(p) || p == ':') {
            out.push(' ');
        }
        space = false;
        if c == '}' && out.ends_with(';') {
            out.pop();
        }
        out.push(c);
        if c == '\'' || c == '"' {
            while let Some(d) = chars.next() {
                out.push(d);
                if d == '\\' {
                    out.extend(chars.next());
                } else if d == c {
                    break;
                }
            }
        }
    }
    if space && !out.ends_with(|p| tight(p) || p == ':') {
        out.push(' ');
    }
    out
}

/// HTML without the whitespace between a tag's `>` and the next `<` where it spans lines (it
/// renders as nothing there: every such gap in the markup is between blocks, or at a line's
/// start or end), nor at the start before a `<`; spaces within a line stay.
fn minify_html(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(|c: char| c.is_whitespace()) {
        out.push_str(&rest[..at]);
        let gap_len = rest[at..]
            .find(|c: char| !c.is_whitespace())
            .unwrap_or(rest.len() - at);
        let gap = &rest[at..at + gap_len];
        let after = &rest[at + gap_len..];
        let between_tags = (out.is_empty() || out.ends_with('>')) && after.starts_with('<');
        if !(between_tags && gap.contains('\n')) {
            out.push_str(gap);
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn css_keeps_what_means_something() {
        assert_eq!(
            minify_css(
                "\n:host { a: 1px  2px; /* note */ b: x, y; }\n.v > :last-child {\n  c: 0; }\n"
            ),
            " :host{a:1px 2px;b:x,y}.v>:last-child{c:0}"
        );
        assert_eq!(
            minify_css(".a :hover { content: '/ ; {' / ''; w: calc(1px + 2px); }"),
            ".a :hover{content:'/ ; {' / '';w:calc(1px + 2px)}"
        );
        assert_eq!(
            minify_css("@container (width < 560px) { .s { x: '\\\\a0'; } }"),
            "@container (width < 560px){.s{x:'\\\\a0'}}"
        );
        // Next to an interpolation: the space that parts it from a word stays.
        assert_eq!(
            minify_css(" --on: #fff;\n  color: red; "),
            " --on:#fff;color:red;"
        );
        assert_eq!(minify_css("left "), "left ");
    }

    #[test]
    fn html_loses_only_whitespace_that_spans_lines_between_tags() {
        assert_eq!(
            minify_html("\n<div>\n  <b>x</b> <span>y</span>\n  <input type=\"range\" "),
            "<div><b>x</b> <span>y</span><input type=\"range\" "
        );
        assert_eq!(minify_html("a\n  <b>"), "a\n  <b>");
    }

    #[test]
    fn pieces_are_the_texts_between_interpolations() {
        let js = "const A = 1;\nexport const STYLE = `a ${X} b ${f(`c ${y}`, '}')}d\\`e`;\n";
        assert_eq!(literal_pieces(js, "STYLE").unwrap(), ["a ", " b ", "d\\`e"]);
        assert!(literal_pieces(js, "MARKUP").is_none());
    }
}
