//! Writes every file generated from the Rust definitions, or checks that each is current: the JS
//! tables (`www/generated.js`, the colour themes in `www/generated-themes.js`), the model card's generated sections (`docs/model.md`), and the
//! embed kit's WordPress input table and TypeScript types (`wordpress/…/inputs.php`, `embed/*.d.ts`).
//!
//! Run through `cargo xtask codegen [--check]` from the project's root. With `--check` it writes
//! nothing and exits with status 1, naming each stale file and the command that refreshes it.

use std::path::Path;
use std::process::ExitCode;

use posture_chain::{card, codegen};

/// Makes `path` hold `contents` (rust-analyzer's `ensure_file_contents`): true if it already did.
/// With `check`, a stale file is reported, not written.
fn ensure_file_contents(path: &Path, contents: &str, check: bool) -> Result<bool, String> {
    let old = std::fs::read_to_string(path).unwrap_or_default();
    if old == contents {
        return Ok(true);
    }
    if check {
        eprintln!(
            "{}: stale, generated from the Rust definitions; run `{}`",
            path.display(),
            codegen::COMMAND
        );
    } else {
        std::fs::write(path, contents)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        println!("{}: rewritten", path.display());
    }
    Ok(false)
}

fn run(check: bool) -> Result<bool, String> {
    let card_path = Path::new("docs/model.md");
    let doc = std::fs::read_to_string(card_path)
        .map_err(|e| format!("cannot read {}: {e}", card_path.display()))?;
    let card = card::refresh(&doc).map_err(|e| format!("{}: {e}", card_path.display()))?;
    let js = codegen::js_tables();
    let mut current = ensure_file_contents(Path::new(codegen::JS_PATH), &js, check)?;
    current &= ensure_file_contents(
        Path::new(codegen::THEMES_JS_PATH),
        &codegen::theme_tables(),
        check,
    )?;
    current &= ensure_file_contents(card_path, &card, check)?;
    current &= embed_files(check)?;
    Ok(current)
}

/// The embed kit's generated files: the WordPress plugin's input table and the npm types.
fn embed_files(check: bool) -> Result<bool, String> {
    let mut current = true;
    for (path, contents) in [
        (codegen::PHP_PATH, codegen::php_table()),
        (codegen::DTS_PATH, codegen::element_dts()),
        (codegen::API_DTS_PATH, codegen::api_dts()),
    ] {
        let path = Path::new(path);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)
                .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        }
        current &= ensure_file_contents(path, &contents, check)?;
    }
    Ok(current)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let check = match args.as_slice() {
        [] => false,
        [flag] if flag == "--check" => true,
        _ => {
            eprintln!("usage: {} [--check]", codegen::COMMAND);
            return ExitCode::from(2);
        }
    };
    match run(check) {
        Ok(true) => {
            println!(
                "generated files are current ({}, {}, docs/model.md, {}, {} and {})",
                codegen::JS_PATH,
                codegen::THEMES_JS_PATH,
                codegen::PHP_PATH,
                codegen::DTS_PATH,
                codegen::API_DTS_PATH
            );
            ExitCode::SUCCESS
        }
        Ok(false) if check => ExitCode::FAILURE,
        Ok(false) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(2)
        }
    }
}
