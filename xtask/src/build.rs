//! `cargo xtask build`: the release wasm in `www/pkg`, shrunk with binaryen's `wasm-opt -Oz`.

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

/// Sizes of the wasm module before and after wasm-opt, in bytes.
pub struct WasmSizes {
    pub before: u64,
    pub after: u64,
}

/// Sets the tools up, then builds.
pub fn run(project: &Project) -> Result<WasmSizes, DynError> {
    let wasm = setup::build_tools(project)?;
    build(project, wasm)
}

/// Builds with tools already set up.
pub fn build(project: &Project, wasm: WasmRust) -> Result<WasmSizes, DynError> {
    let mut pack = wasm.wasm_pack(project);
    pack.args([
        "build",
        "--target",
        "web",
        "--release",
        "--out-dir",
        "www/pkg",
    ])
    .args(["--no-typescript", "--no-pack", "--no-opt"]);
    cmd::run(&mut pack)?;
    for extra in PKG_EXTRAS {
        let _ = fs::remove_file(project.pkg().join(extra));
    }

    let module = project.wasm_module();
    let before = fs::metadata(&module)
        .map_err(|e| format!("wasm-pack did not write {}: {e}", module.display()))?
        .len();
    // binaryen from node_modules, never Debian's binaryen 108, whose output Chromium rejects.
    let wasm_opt = project.node_modules().join(".bin").join("wasm-opt");
    if !wasm_opt.exists() {
        return Err(format!(
            "{} is missing; run `npm ci` in {}",
            wasm_opt.display(),
            project.root().display()
        )
        .into());
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
