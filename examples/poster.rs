//! Writes a poster, the default posture's back view drawn by the scene code through the SVG
//! backend (`posture_chain::svg`, its numbers to half a pixel), to the file given:
//! `cargo run --example poster -- out.svg [phone]`, the desktop's (`svg::POSTER_PX`) or the
//! phone's (`svg::PHONE_POSTER_PX`). `cargo xtask build` runs it for both: the site's
//! `poster.svg` and `poster-phone.svg` (for the kit and the WordPress plugin), both inlined in
//! the light DOM of `index.html`'s and `embed.html`'s `<posture-chain>`, where they paint before
//! any script (`www/poster.css` shows the one that fits the element's width).

use std::process::ExitCode;

use posture_chain::svg::{poster, PHONE_POSTER_PX, POSTER_PX};

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (Some(path), fit, None) = (args.next(), args.next(), args.next()) else {
        eprintln!("usage: cargo run --example poster -- <out.svg> [phone]");
        return ExitCode::from(2);
    };
    let (width_px, height_px) = match fit.as_deref() {
        None => POSTER_PX,
        Some("phone") => PHONE_POSTER_PX,
        Some(other) => {
            eprintln!("poster: {other:?} is not a poster; say nothing for the desktop's, or phone");
            return ExitCode::from(2);
        }
    };
    match std::fs::write(&path, poster(width_px, height_px)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("cannot write {path}: {e}");
            ExitCode::FAILURE
        }
    }
}
