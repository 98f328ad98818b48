//! `cargo xtask dist`: the embed kit in `target/dist/`, from a fresh build.
//!
//! - `posture-chain-<version>/`: a self-contained folder to upload to any static host (or a
//!   WordPress media folder), which is also the npm package (`npm pack` in it): the element as one
//!   ES module (with the chunks and lazily loaded modules esbuild split out beside it) and its
//!   wasm in `pkg/` (found relative to the module's own URL), the iframe page
//!   `embed.html` and its host helper `embed-resize.js`, the JS API in `api/`, the poster
//!   `poster.svg` (the starting posture drawn by the scene code, `examples/poster.rs`), `package.json`,
//!   the TypeScript types, `README.md` (docs/embedding.md), the licence files, and
//!   `posture-chain-offline.html`, the demo page as one file with both wasm modules inlined,
//!   that works opened from `file://` with no network (`embed::write_offline`).
//! - `posture-chain-wordpress-<version>.zip`: the WordPress plugin (`wordpress/posture-chain/`)
//!   with the element's files inside (and the JS API module its lazy features load), for the
//!   admin's "Upload plugin".

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use flate2::write::DeflateEncoder;
use flate2::{Compression, Crc};

use crate::build::{self, ELEMENT_FILE, WASM_FILE};
use crate::embed::{EMBED_PAGE, RESIZE_HELPER};
use crate::project::Project;
use crate::DynError;

/// The poster's file name (light-DOM fallback content for the element), drawn by the build.
pub const POSTER: &str = build::POSTER_FILE;
/// The phone's poster, beside it (the element shows the one that fits its width).
pub const PHONE_POSTER: &str = build::PHONE_POSTER_FILE;
/// The poster's styles (its place before the element is defined), beside it.
const POSTER_CSS: &str = build::POSTER_CSS;

/// The npm package's name, the folder's and the zip's stem.
pub const PACKAGE: &str = "posture-chain";

/// The plugin's main file, whose version marks (`DEV_VERSION`) become the crate's version.
const PLUGIN_MAIN: &str = "posture-chain.php";
const DEV_VERSION: &str = "0.0.0-dev";

/// What `dist` wrote.
pub struct Dist {
    pub folder: PathBuf,
    pub plugin_zip: PathBuf,
}

/// Builds, then writes the kit.
pub fn run(project: &Project) -> Result<(), DynError> {
    build::run(project)?;
    write(project).map(drop)
}

/// The crate's version, from the root Cargo.toml's `[package]`.
pub fn version(project: &Project) -> Result<String, DynError> {
    let path = project.root().join("Cargo.toml");
    let text = fs::read_to_string(&path)?;
    let mut in_package = false;
    for line in text.lines().map(str::trim) {
        if line.starts_with('[') {
            in_package = line == "[package]";
        } else if in_package {
            if let Some(v) = line
                .strip_prefix("version = \"")
                .and_then(|v| v.strip_suffix('"'))
            {
                return Ok(v.to_string());
            }
        }
    }
    Err(format!("{} has no [package] version", path.display()).into())
}

/// The files of the folder, as (path in the folder, source file).
fn folder_files(project: &Project) -> Result<Vec<(String, PathBuf)>, DynError> {
    let site = project.site();
    let embed = project.root().join("embed");
    let modules = build::element_modules(&site)?;
    let mut files: Vec<(String, PathBuf)> = modules
        .all()
        .cloned()
        .chain([
            format!("pkg/{WASM_FILE}"),
            EMBED_PAGE.to_string(),
            RESIZE_HELPER.to_string(),
            POSTER.to_string(),
            PHONE_POSTER.to_string(),
            POSTER_CSS.to_string(),
        ])
        .map(|f| (f.clone(), site.join(&f)))
        .collect();
    // The JS API module, whole: its glue, its wasm and any snippets wasm-bindgen wrote.
    let mut api = Vec::new();
    collect(&site, &site.join("api"), &mut api)?;
    api.sort();
    files.extend(api);
    // The string tables the element fetches for a reader's language (i18n.js).
    let mut locales = Vec::new();
    collect(&site, &site.join("locales"), &mut locales)?;
    locales.sort();
    files.extend(locales);
    for f in [
        "posture-chain.d.ts",
        "api.d.ts",
        "LICENSE-MIT",
        "LICENSE-APACHE",
    ] {
        files.push((f.to_string(), embed.join(f)));
    }
    files.push((
        "README.md".into(),
        project.root().join("docs").join("embedding.md"),
    ));
    Ok(files)
}

/// package.json for the folder; `modules` are the element's files after its entry (its chunks
/// and lazily loaded modules, all beside it).
fn package_json(version: &str, modules: &[String]) -> String {
    let modules: String = modules.iter().map(|m| format!("\n    \"{m}\",")).collect();
    format!(
        r#"{{
  "name": "{PACKAGE}",
  "version": "{version}",
  "description": "An interactive <posture-chain> custom element: how a small head tilt cascades down the body, a biomechanical model in Rust drawn live through WebAssembly. Educational, not medical advice.",
  "type": "module",
  "main": "./{ELEMENT_FILE}",
  "module": "./{ELEMENT_FILE}",
  "types": "./posture-chain.d.ts",
  "exports": {{
    ".": {{
      "types": "./posture-chain.d.ts",
      "default": "./{ELEMENT_FILE}"
    }},
    "./api": {{
      "types": "./api.d.ts",
      "default": "./api/posture_chain.js"
    }},
    "./pkg/{WASM_FILE}": "./pkg/{WASM_FILE}",
    "./{EMBED_PAGE}": "./{EMBED_PAGE}",
    "./{RESIZE_HELPER}": "./{RESIZE_HELPER}",
    "./{POSTER}": "./{POSTER}",
    "./{PHONE_POSTER}": "./{PHONE_POSTER}",
    "./{POSTER_CSS}": "./{POSTER_CSS}",
    "./package.json": "./package.json"
  }},
  "files": [
    "{ELEMENT_FILE}",{modules}
    "posture-chain.d.ts",
    "pkg/",
    "api/",
    "api.d.ts",
    "{EMBED_PAGE}",
    "{RESIZE_HELPER}",
    "{POSTER}",
    "{PHONE_POSTER}",
    "{POSTER_CSS}",
    "README.md",
    "LICENSE-MIT",
    "LICENSE-APACHE"
  ],
  "sideEffects": [
    "./{ELEMENT_FILE}"
  ],
  "keywords": ["web-component", "custom-element", "webassembly", "biomechanics", "posture", "education"],
  "license": "MIT OR Apache-2.0"
}}
"#
    )
}

/// Writes `target/dist/`: the versioned folder and the plugin's zip (the build must be current).
pub fn write(project: &Project) -> Result<Dist, DynError> {
    let version = version(project)?;
    let dist = project.target().join("dist");
    if dist.exists() {
        fs::remove_dir_all(&dist).map_err(|e| format!("cannot clear {}: {e}", dist.display()))?;
    }
    let folder = dist.join(format!("{PACKAGE}-{version}"));
    for (name, source) in folder_files(project)? {
        let to = folder.join(&name);
        fs::create_dir_all(to.parent().unwrap_or(&folder))?;
        fs::copy(&source, &to)
            .map_err(|e| format!("cannot copy {} to {}: {e}", source.display(), to.display()))?;
    }
    let modules = build::element_modules(&project.site())?;
    let after_entry: Vec<String> = modules.all().skip(1).cloned().collect();
    fs::write(
        folder.join("package.json"),
        package_json(&version, &after_entry),
    )?;
    // One file for a lecture hall with no network or a USB stick: the demo page, both wasm
    // modules inlined, working from file://.
    let offline = crate::embed::write_offline(
        project,
        &project.site(),
        &folder.join(crate::embed::OFFLINE_PAGE),
    )?;
    println!(
        "dist: {} is {offline} bytes, the demo page in one file (opens from file://, no network)",
        crate::embed::OFFLINE_PAGE
    );
    // The offline page's poster, as the demo page's (the build drew it into the site).
    build::inline_poster(
        project,
        &folder.join(crate::embed::OFFLINE_PAGE),
        &build::posters_in(&folder)?,
    )?;

    // The plugin: its own files, then the element's, under one `posture-chain/` folder.
    let plugin_dir = project.root().join("wordpress").join(PACKAGE);
    let mut entries: Vec<(String, Vec<u8>)> = Vec::new();
    let mut own = Vec::new();
    collect(&plugin_dir, &plugin_dir, &mut own)?;
    own.sort();
    for (name, path) in own {
        let mut bytes = fs::read(path)?;
        if name == PLUGIN_MAIN {
            let text = String::from_utf8(bytes)?;
            if !text.contains(DEV_VERSION) {
                return Err(format!(
                    "wordpress/{PACKAGE}/{PLUGIN_MAIN} lost its `{DEV_VERSION}` version marks"
                )
                .into());
            }
            bytes = text.replace(DEV_VERSION, &version).into_bytes();
        }
        entries.push((format!("{PACKAGE}/{name}"), bytes));
    }
    // The element (its entry, chunks and lazily loaded modules), its wasm, the JS API module
    // that its lazily loaded features ("How certain?", the SVG picture) load from `api/`, and
    // its string tables in `locales/`.
    let mut api = Vec::new();
    collect(&folder, &folder.join("api"), &mut api)?;
    api.sort();
    // The string tables it fetches for a reader's language (a site's <html lang="de-DE"> too).
    let mut locales = Vec::new();
    collect(&folder, &folder.join("locales"), &mut locales)?;
    locales.sort();
    api.extend(locales);
    for name in modules
        .all()
        .cloned()
        .chain([
            format!("pkg/{WASM_FILE}"),
            POSTER.into(),
            PHONE_POSTER.into(),
            POSTER_CSS.into(),
            "LICENSE-MIT".into(),
            "LICENSE-APACHE".into(),
        ])
        .chain(api.into_iter().map(|(name, _)| name))
    {
        entries.push((format!("{PACKAGE}/{name}"), fs::read(folder.join(&name))?));
    }
    let plugin_zip = dist.join(format!("{PACKAGE}-wordpress-{version}.zip"));
    fs::write(&plugin_zip, zip(&entries)?)?;

    let shown = |p: &Path| {
        p.strip_prefix(project.root())
            .unwrap_or(p)
            .display()
            .to_string()
    };
    let mut shipped = Vec::new();
    collect(&folder, &folder, &mut shipped)?;
    let mut total = 0;
    for (_, path) in &shipped {
        total += fs::metadata(path)?.len();
    }
    println!(
        "dist: {} ({total} bytes; npm pack in it makes the package)",
        shown(&folder)
    );
    println!(
        "dist: {} ({} bytes, {} files; WordPress: Plugins > Add New > Upload Plugin)",
        shown(&plugin_zip),
        fs::metadata(&plugin_zip)?.len(),
        entries.len()
    );
    Ok(Dist { folder, plugin_zip })
}

/// Every file under `dir`, as (path relative to `base` with `/`, path).
fn collect(base: &Path, dir: &Path, out: &mut Vec<(String, PathBuf)>) -> Result<(), DynError> {
    for entry in fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))? {
        let path = entry?.path();
        if path.is_dir() {
            collect(base, &path, out)?;
        } else {
            let rel = path
                .strip_prefix(base)?
                .to_string_lossy()
                .replace('\\', "/");
            out.push((rel, path));
        }
    }
    Ok(())
}

/// A zip archive (PKZIP 2.0: deflate, no extras), its entries in the order given, every date
/// 1980-01-01 so that the same files give the same bytes.
pub fn zip(entries: &[(String, Vec<u8>)]) -> Result<Vec<u8>, DynError> {
    const DOS_DATE: u16 = (1 << 5) | 1; // 1980-01-01
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in entries {
        let mut crc = Crc::new();
        crc.update(data);
        let mut deflate = DeflateEncoder::new(Vec::new(), Compression::best());
        deflate.write_all(data)?;
        let packed = deflate.finish()?;
        let offset = u32::try_from(out.len())?;
        let sizes = [
            crc.sum(),
            u32::try_from(packed.len())?,
            u32::try_from(data.len())?,
        ];
        let name_len = u16::try_from(name.len())?;
        // Local file header.
        out.extend(0x0403_4b50u32.to_le_bytes());
        out.extend(
            [20u16, 0, 8, 0, DOS_DATE]
                .iter()
                .flat_map(|v| v.to_le_bytes()),
        );
        out.extend(sizes.iter().flat_map(|v| v.to_le_bytes()));
        out.extend(name_len.to_le_bytes());
        out.extend(0u16.to_le_bytes());
        out.extend(name.as_bytes());
        out.extend(&packed);
        // Its central directory record.
        central.extend(0x0201_4b50u32.to_le_bytes());
        central.extend(
            [0x0314u16, 20, 0, 8, 0, DOS_DATE]
                .iter()
                .flat_map(|v| v.to_le_bytes()),
        );
        central.extend(sizes.iter().flat_map(|v| v.to_le_bytes()));
        central.extend([name_len, 0, 0, 0, 0].iter().flat_map(|v| v.to_le_bytes()));
        central.extend((0o100644u32 << 16).to_le_bytes());
        central.extend(offset.to_le_bytes());
        central.extend(name.as_bytes());
    }
    let count = u16::try_from(entries.len())?;
    let central_at = u32::try_from(out.len())?;
    let central_len = u32::try_from(central.len())?;
    out.extend(central);
    out.extend(0x0605_4b50u32.to_le_bytes());
    out.extend([0u16, 0, count, count].iter().flat_map(|v| v.to_le_bytes()));
    out.extend(central_len.to_le_bytes());
    out.extend(central_at.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zip_is_read_back_by_unzip() {
        let entries = vec![
            ("a/one.txt".to_string(), b"hello hello hello".to_vec()),
            ("a/b/two.bin".to_string(), (0..=255u8).collect()),
        ];
        let bytes = zip(&entries).unwrap();
        assert_eq!(&bytes[..4], b"PK\x03\x04");
        assert_eq!(&bytes[bytes.len() - 22..bytes.len() - 18], b"PK\x05\x06");
        if std::process::Command::new("unzip")
            .arg("-v")
            .output()
            .is_err()
        {
            return; // no unzip here: the structure checks above must do
        }
        let dir = std::env::temp_dir().join(format!("xtask-zip-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let file = dir.join("t.zip");
        fs::write(&file, &bytes).unwrap();
        let status = std::process::Command::new("unzip")
            .args(["-q", "-o"])
            .arg(&file)
            .arg("-d")
            .arg(&dir)
            .status()
            .unwrap();
        assert!(status.success());
        assert_eq!(fs::read(dir.join("a/one.txt")).unwrap(), entries[0].1);
        assert_eq!(fs::read(dir.join("a/b/two.bin")).unwrap(), entries[1].1);
        let _ = fs::remove_dir_all(&dir);
    }
}
