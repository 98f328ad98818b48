//! The iframe page of the built site, `embed.html`: the element bundled with `www/embed.js` and
//! the page's wasm, both inlined, so that a frame sandboxed with only `allow-scripts` (an opaque
//! origin, for which every fetch is cross-origin and needs CORS) loads nothing but the page
//! itself. Its optional helper for the host page, `embed-resize.js`, is copied beside it.

use std::fs;
use std::path::Path;

use crate::build::WASM_FILE;
use crate::cmd;
use crate::project::Project;
use crate::DynError;

/// The iframe page and its helper, as they are named in `www/` and in the site.
pub const EMBED_PAGE: &str = "embed.html";
pub const RESIZE_HELPER: &str = "embed-resize.js";
const EMBED_SCRIPT: &str = "embed.js";
const WASM_MARK: &str = "<!-- posture-chain:wasm -->";
const SCRIPT_MARK: &str = "<!-- posture-chain:script -->";

/// Writes `site/embed.html` (from `www/embed.html`, its two marks replaced by the bundled script
/// and the wasm in base64) and `site/embed-resize.js`; returns the page's size in bytes.
pub fn write_page(project: &Project, site: &Path) -> Result<u64, DynError> {
    let esbuild = project.node_modules().join(".bin").join("esbuild");
    let scratch = project.target().join("xtask");
    fs::create_dir_all(&scratch)?;
    let bundle = scratch.join(EMBED_SCRIPT);
    cmd::run(
        project
            .command(&esbuild)
            .arg(project.www().join(EMBED_SCRIPT))
            .args(["--bundle", "--minify", "--format=esm", "--target=es2020"])
            .arg("--log-level=warning")
            .arg(format!("--outfile={}", bundle.display())),
    )?;
    let script = fs::read_to_string(&bundle)?;
    if script.to_ascii_lowercase().contains("</script") {
        return Err(format!(
            "{} contains `</script`: it cannot be inlined",
            bundle.display()
        )
        .into());
    }
    let wasm = fs::read(site.join("pkg").join(WASM_FILE))?;
    let template = fs::read_to_string(project.www().join(EMBED_PAGE))?;
    for mark in [WASM_MARK, SCRIPT_MARK] {
        if template.matches(mark).count() != 1 {
            return Err(format!("www/{EMBED_PAGE} must hold `{mark}` exactly once").into());
        }
    }
    let page = template
        .replace(
            WASM_MARK,
            &format!(
                "<script type=\"application/wasm\" id=\"posture-chain-wasm\">{}</script>",
                base64(&wasm)
            ),
        )
        .replace(
            SCRIPT_MARK,
            &format!("<script type=\"module\">{}</script>", script.trim_end()),
        );
    fs::write(site.join(EMBED_PAGE), &page)?;
    fs::copy(project.www().join(RESIZE_HELPER), site.join(RESIZE_HELPER))?;
    Ok(page.len() as u64)
}

/// Standard base64 with padding (RFC 4648), as `atob` reads it.
pub fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(char::from(ABC[(n >> (18 - 6 * k)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc_4648() {
        for (input, expected) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(input.as_bytes()), expected, "{input}");
        }
    }
}
