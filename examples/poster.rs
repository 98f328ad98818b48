//! Writes the poster, the default posture's back view drawn by the scene code through the SVG
//! backend (`posture_chain::svg`, its numbers to half a pixel), to the file given:
//! `cargo run --example poster -- out.svg`. `cargo xtask build` runs it: the site's `poster.svg`
//! (for the kit and the WordPress plugin), inlined in the light DOM of `index.html`'s and
//! `embed.html`'s `<posture-chain>`, where it paints before any script.

use std::process::ExitCode;

/// The poster's size in CSS pixels: the element's back view on a desktop (where the page shows
/// it, it is scaled to fit the view's box, the same drawing the wasm then makes at that size).
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
