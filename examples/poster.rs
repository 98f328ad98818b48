//! Writes the poster, the default posture's back view drawn by the scene code through the SVG
//! backend (`posture_chain::svg`), to the file given: `cargo run --example poster -- out.svg`.
//! `cargo xtask dist` runs it for the kit and the WordPress plugin.

use std::process::ExitCode;

/// The poster's size in CSS pixels: the element's back view on a desktop.
const SIZE_PX: (f64, f64) = (360.0, 480.0);

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: cargo run --example poster -- <out.svg>");
        return ExitCode::from(2);
    };
    let svg = posture_chain::svg::poster(SIZE_PX.0, SIZE_PX.1);
    match std::fs::write(&path, svg) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("cannot write {path}: {e}");
            ExitCode::FAILURE
        }
    }
}
