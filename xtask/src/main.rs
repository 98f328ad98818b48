//! Project tasks for posture-chain, run as `cargo xtask <task>` (the cargo-xtask convention).
//!
//! Every task finds the project root from this crate's manifest directory, sets up the tools it
//! needs (checking before installing), and says what it runs.

mod build;
mod cmd;
mod dist;
mod embed;
mod forward;
mod minify;
mod project;
mod serve;
mod setup;
mod size;
mod test;
mod wordpress;

use std::process::ExitCode;

use project::Project;

/// Errors are messages for a person: what failed and what to do.
pub type DynError = Box<dyn std::error::Error>;

const TASKS: &str = "\
Usage: cargo xtask <task> [options]

Tasks:
  build                 build the release wasm (wasm-opt -Oz) and the site in target/site
  serve [--port N]      build, then serve target/site on http://127.0.0.1:8080/ (or port N)
  test                  set up the tools, then run every check: rustfmt, codegen --check,
                        clippy (native and wasm32), native tests, wasm tests in headless Chromium, the release
                        build, the embed kit (dist), the browser tests in tests/e2e/, and
                        real WordPress sites (Debian's 6.1 on 127.0.0.1:8089, 6.5 and the
                        nightly from Playground's npm builds on :8090, :8091; tests/wordpress/; needs root),
                        a quick fuzz, a one-minute soak and Lighthouse
  dist                  build, then write the embed kit in target/dist: the versioned folder
                        that is also the npm package, and the WordPress plugin's zip
  wordpress             build and dist, then only the WordPress stage of `test` (needs root)
  size [--record]       build, then list the raw and gzip bytes of what the page downloads,
                        each against the committed figures in xtask/sizes.txt (--record
                        rewrites them)
  codegen [--check]     write the files generated from the Rust definitions (www/generated.js,
                        the model card's tables in docs/model.md), or check they are current
  perf [--runs R] [--compare OLD_SITE]
                        build, then time frames (R runs; in turns with another built site),
                        20 widgets on a page (offscreen ones must run no frame) and solveBands
                        in headless Chromium (tests/perf/frame.mjs, many.mjs, bands.mjs)
  bench                 run the solver benchmarks (cargo bench --bench solve)
  fuzz [--cases N] [--seed S]
                        N hostile inputs (default 100,000) through the parser, solver and
                        scene natively, then N/10 attribute values on the real element and
                        N/20 Widget calls in headless Chromium; fails on any panic, error,
                        non-finite output or broken invariant
  lighthouse [page ...]  build, then Lighthouse (mobile) on the site's pages (index.html, and
                        embed.html if built) served gzipped: scores, LCP, CLS, TBT; fails on a
                        layout shift, a third-party request, too many requests or bytes
  soak [--minutes M] [--insertions N]
                        build, then M minutes (default 10) of autoplay with a slider moving
                        every frame and N (default 1,000) insertions and removals of the
                        element in headless Chromium: JS values, wasm memory, DOM nodes and
                        listeners must stay within 1 % after warm-up

Tools (wasm32 target, wasm-bindgen-cli, npm packages, Chromium) are installed on
first use when missing; see README.md.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let project = Project::locate();
    let (task, rest) = match args.split_first() {
        Some((task, rest)) => (task.as_str(), rest),
        None => ("help", &[][..]),
    };
    let no_args = || -> Result<(), DynError> {
        match rest {
            [] => Ok(()),
            extra => Err(format!(
                "`cargo xtask {task}` takes no arguments (got: {})",
                extra.join(" ")
            )
            .into()),
        }
    };
    let result: Result<(), DynError> = match task {
        "help" | "-h" | "--help" => {
            println!("{TASKS}");
            Ok(())
        }
        "build" => no_args().and_then(|()| build::run(&project).map(drop)),
        "serve" => serve::run(&project, rest),
        "test" => no_args().and_then(|()| test::run(&project)),
        "dist" => no_args().and_then(|()| dist::run(&project)),
        "wordpress" => no_args().and_then(|()| test::run_wordpress(&project)),
        "size" => size::run(&project, rest),
        "codegen" => forward::codegen(&project, rest),
        "perf" => forward::perf(&project, rest),
        "bench" => forward::bench(&project, rest),
        "fuzz" => forward::fuzz(&project, rest),
        "soak" => forward::soak(&project, rest),
        "lighthouse" => forward::lighthouse(&project, rest),
        unknown => {
            eprintln!("{TASKS}\n");
            Err(format!("unknown task `{unknown}`").into())
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("xtask: error: {error}");
            ExitCode::FAILURE
        }
    }
}
