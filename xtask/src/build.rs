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

/// Files wasm-pack writes for an npm package, which a page that imports the module never loads.
const PKG_EXTRAS: [&str; 4] = [".gitignore", "package.json", "README.md", "LICENSE"];

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
    let sizes = wasm_pack(project, wasm, &project.pkg(), &["--no-default-features"])?;
    let api = wasm_pack(project, wasm, &site.join("api"), &[])?;
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
/// The wasm module's file name, as wasm-pack writes it and the element asks for it.
pub const WASM_FILE: &str = "posture_chain_bg.wasm";

fn missing_npm_tool(project: &Project, tool: &std::path::Path) -> DynError {
    format!(
        "{} is missing; run `npm ci` in {}",
        tool.display(),
        project.root().display()
    )
    .into()
}

/// `wasm-pack build` into `out_dir` with extra cargo arguments, then `wasm-opt -Oz` in place.
fn wasm_pack(
    project: &Project,
    wasm: WasmRust,
    out_dir: &std::path::Path,
    cargo_args: &[&str],
) -> Result<WasmSizes, DynError> {
    let mut pack = wasm.wasm_pack(project);
    pack.args(["build", "--target", "web", "--release", "--out-dir"])
        .arg(out_dir)
        .args(["--no-typescript", "--no-pack", "--no-opt"]);
    if !cargo_args.is_empty() {
        pack.arg("--").args(cargo_args);
    }
    cmd::run(&mut pack)?;
    for extra in PKG_EXTRAS {
        let _ = fs::remove_file(out_dir.join(extra));
    }

    let module = out_dir.join(WASM_FILE);
    let before = fs::metadata(&module)
        .map_err(|e| format!("wasm-pack did not write {}: {e}", module.display()))?
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
