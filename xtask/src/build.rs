//! `cargo xtask build`: the release wasm, shrunk with binaryen's `wasm-opt -Oz`, and the site in
//! `target/site` that `serve`, `size` and the browser tests use.

use std::fs;

use crate::cmd;
use crate::project::Project;
use crate::setup::{self, WasmRust};
use crate::DynError;

/// The wasm features the module uses (Rust's default wasm32 features, which wasm-bindgen keeps);
/// wasm-opt must be told, or it rejects or mangles the instructions that need them.
const WASM_OPT_FEATURES: [&str; 7] = [
    "--enable-bulk-memory",
    "--enable-bulk-memory-opt",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// Sizes of the page's wasm module before and after wasm-opt, in bytes.
pub struct WasmSizes {
    pub before: u64,
    pub after: u64,
}

/// Sets the tools up, then builds.
pub fn run(project: &Project) -> Result<WasmSizes, DynError> {
    let wasm = setup::build_tools(project)?;
    build(project, wasm)
}

/// Builds with tools already set up:
/// 1. the page's module (no `api` feature) into `www/pkg`, so `www/` also works unbundled;
/// 2. the JS API module (default features, with `solve`) into `target/site/api`;
/// 3. the site in `target/site`: `index.html`, the element bundled with its glue and minified
///    into one `posture-chain.js`, and the page's wasm in `pkg/` (the element finds it there,
///    relative to its own URL, in both layouts), and the iframe page `embed.html` (embed.rs).
pub fn build(project: &Project, wasm: WasmRust) -> Result<WasmSizes, DynError> {
    let site = project.site();
    if site.exists() {
        fs::remove_dir_all(&site).map_err(|e| format!("cannot clear {}: {e}", site.display()))?;
    }
    let sizes = wasm_build(project, wasm, &project.pkg(), &["--no-default-features"])?;
    let api = wasm_build(project, wasm, &site.join("api"), &[])?;
    println!(
        "build: the JS API module (with solve) is {} bytes after wasm-opt",
        api.after
    );

    fs::create_dir_all(site.join("pkg"))?;
    fs::copy(project.wasm_module(), site.join("pkg").join(WASM_FILE))?;
    for entry in fs::read_dir(project.www())? {
        let path = entry?.path();
        let name = path.file_name().unwrap_or_default();
        let is_script = path.extension().is_some_and(|e| e == "js" || e == "mjs");
        if path.is_file() && !is_script {
            fs::copy(&path, site.join(name))?;
        }
    }
    // The string tables the element fetches when a reader's language is not English (i18n.js).
    copy_dir(&project.www().join("locales"), &site.join("locales"))?;
    // One request, minified: the element and the wasm-bindgen glue it imports.
    let esbuild = project.node_modules().join(".bin").join("esbuild");
    if !esbuild.exists() {
        return Err(missing_npm_tool(project, &esbuild));
    }
    cmd::run(
        project
            .command(&esbuild)
            .arg(project.www().join(ELEMENT_FILE))
            .args(["--bundle", "--minify", "--format=esm", "--target=es2020"])
            .arg("--log-level=warning")
            .arg(format!("--outfile={}", site.join(ELEMENT_FILE).display())),
    )?;
    // The iframe page: the element and the wasm inlined (not loaded by the demo page).
    let embed = crate::embed::write_page(project, &site)?;
    println!(
        "build: {} is {embed} bytes, self-contained",
        crate::embed::EMBED_PAGE
    );
    println!(
        "build: site in {} (serve it with `cargo xtask serve`)",
        site.strip_prefix(project.root()).unwrap_or(&site).display()
    );
    Ok(sizes)
}

/// The element's script, in `www/` and at the site's root.
pub const ELEMENT_FILE: &str = "posture-chain.js";
/// The wasm module's file name, as wasm-bindgen writes it and the element asks for it.
pub const WASM_FILE: &str = "posture_chain_bg.wasm";

/// Copies the files of `from` (not its folders) into `to`.
fn copy_dir(from: &std::path::Path, to: &std::path::Path) -> Result<(), DynError> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let path = entry?.path();
        if path.is_file() {
            fs::copy(&path, to.join(path.file_name().unwrap_or_default()))?;
        }
    }
    Ok(())
}

fn missing_npm_tool(project: &Project, tool: &std::path::Path) -> DynError {
    format!(
        "{} is missing; run `npm ci` in {}",
        tool.display(),
        project.root().display()
    )
    .into()
}

/// The wasm32 build of the library into `out_dir` (`cargo build --release` with extra cargo
/// arguments, then `wasm-bindgen --target web`), then `wasm-opt -Oz` in place. This is what
/// `wasm-pack build --target web` does, without compiling wasm-pack on a fresh machine (six of
/// the first run's minutes here).
fn wasm_build(
    project: &Project,
    wasm: WasmRust,
    out_dir: &std::path::Path,
    cargo_args: &[&str],
) -> Result<WasmSizes, DynError> {
    cmd::run(
        wasm.cargo(project)
            .args(["build", "-p", "posture-chain", "--lib", "--release"])
            .args(["--target", crate::setup::WASM_TARGET])
            .args(cargo_args),
    )?;
    let built = project
        .target()
        .join(crate::setup::WASM_TARGET)
        .join("release")
        .join("posture_chain.wasm");
    fs::create_dir_all(out_dir)?;
    cmd::run(
        project
            .command("wasm-bindgen")
            .args(["--target", "web", "--no-typescript", "--out-dir"])
            .arg(out_dir)
            .arg(&built),
    )?;

    let module = out_dir.join(WASM_FILE);
    let before = fs::metadata(&module)
        .map_err(|e| format!("wasm-bindgen did not write {}: {e}", module.display()))?
        .len();
    // binaryen from node_modules, never Debian's binaryen 108, whose output Chromium rejects.
    let wasm_opt = project.node_modules().join(".bin").join("wasm-opt");
    if !wasm_opt.exists() {
        return Err(missing_npm_tool(project, &wasm_opt));
    }
    let optimised = module.with_extension("opt.wasm");
    cmd::run(
        project
            .command(&wasm_opt)
            .arg("-Oz")
            // Repeat -Oz until it stops shrinking, and let it use the first 1 KB of memory for
            // constants (Rust's data starts at 1 MB, and its stack never reaches the bottom):
            // together about 250 gzip bytes (measured 2026-12-02, 42 133 -> 41 889).
            .args(["--converge", "--low-memory-unused"])
            .args(WASM_OPT_FEATURES)
            .args(["--strip-debug", "--strip-producers"])
            .arg(&module)
            .arg("-o")
            .arg(&optimised),
    )?;
    fs::rename(&optimised, &module)?;
    let after = fs::metadata(&module)?.len();
    let saved = 100.0 * (1.0 - after as f64 / before.max(1) as f64);
    println!(
        "build: {}: {before} bytes before wasm-opt, {after} bytes after ({saved:.0}% smaller)",
        module
            .strip_prefix(project.root())
            .unwrap_or(&module)
            .display()
    );
    Ok(WasmSizes { before, after })
}
