//! Tasks that forward to code other parts of the project own: codegen, perf, benches, fuzz,
//! soak, lighthouse.

use crate::project::Project;
use crate::{build, cmd, setup, DynError};

/// `cargo xtask codegen [--check]`: writes (or checks) every file generated from the Rust
/// definitions: `www/generated.js` and the model card's generated sections.
pub fn codegen(project: &Project, args: &[String]) -> Result<(), DynError> {
    cmd::run(&mut codegen_command(project, args))
}

/// The command behind `cargo xtask codegen`, for the test stage too.
pub fn codegen_command(project: &Project, args: &[String]) -> std::process::Command {
    let mut cmd = project.command("cargo");
    cmd.args(["run", "--quiet", "--example", "codegen", "--"])
        .args(args);
    cmd
}

/// `cargo xtask perf [frame.mjs's options]`: builds, then measures frames, twenty widgets on a
/// page (failing if an offscreen one runs a frame) and the uncertainty bands in headless Chromium.
pub fn perf(project: &Project, args: &[String]) -> Result<(), DynError> {
    build::run(project)?;
    let browser = setup::ensure_browser(project)?;
    cmd::run(
        project
            .command("node")
            .arg("tests/perf/frame.mjs")
            .args(args)
            .env("CHROME", &browser.chrome),
    )?;
    cmd::run(
        project
            .command("node")
            .args(["tests/perf/many.mjs", "--check"])
            .env("CHROME", &browser.chrome),
    )?;
    cmd::run(
        project
            .command("node")
            .arg("tests/perf/bands.mjs")
            .env("CHROME", &browser.chrome),
    )
}

/// `cargo xtask bench`: the solver benchmarks.
pub fn bench(project: &Project, args: &[String]) -> Result<(), DynError> {
    cmd::run(
        project
            .command("cargo")
            .args(["bench", "--bench", "solve"])
            .args(args),
    )
}

/// The native fuzz harness (`examples/fuzz.rs`, the `fuzz` profile: optimised, panics unwind).
pub fn fuzz_native_command(project: &Project, cases: u64, seed: u64) -> std::process::Command {
    let mut cmd = project.command("cargo");
    cmd.args([
        "run",
        "--quiet",
        "--profile",
        "fuzz",
        "--example",
        "fuzz",
        "--",
    ])
    .args(["--cases", &cases.to_string(), "--seed", &seed.to_string()]);
    cmd
}

/// The browser fuzz (`tests/fuzz/browser.mjs`) on the built site.
pub fn fuzz_browser_command(
    project: &Project,
    browser: &setup::Browser,
    cases: u64,
    seed: u64,
) -> std::process::Command {
    let mut cmd = project.command("node");
    cmd.arg("tests/fuzz/browser.mjs")
        .args(["--cases", &cases.to_string(), "--seed", &seed.to_string()])
        .env("CHROME", &browser.chrome);
    cmd
}

/// `cargo xtask fuzz [--cases N] [--seed S]`: N hostile scenarios (default 100,000) through the
/// parser, the solver and the scene natively, then N / 10 hostile attribute values on the real
/// element and half as many Widget calls in Chromium.
pub fn fuzz(project: &Project, args: &[String]) -> Result<(), DynError> {
    let (mut cases, mut seed) = (100_000u64, 1u64);
    let mut rest = args.iter();
    while let Some(a) = rest.next() {
        let value = rest
            .next()
            .and_then(|v| v.replace('_', "").parse::<u64>().ok())
            .filter(|v| *v > 0 || a == "--seed");
        match (a.as_str(), value) {
            ("--cases", Some(v)) => cases = v,
            ("--seed", Some(v)) => seed = v,
            _ => {
                return Err(format!(
                    "`cargo xtask fuzz` takes --cases N (N > 0) and --seed S (got: {})",
                    args.join(" ")
                )
                .into())
            }
        }
    }
    cmd::run(&mut fuzz_native_command(project, cases, seed))?;
    build::run(project)?;
    let browser = setup::ensure_browser(project)?;
    cmd::run(&mut fuzz_browser_command(
        project,
        &browser,
        (cases / 10).max(100),
        seed,
    ))
}

/// The soak (`tests/perf/soak.mjs`) on the built site, for `minutes` of autoplay then
/// `insertions` insertions and removals.
pub fn soak_command(
    project: &Project,
    browser: &setup::Browser,
    minutes: f64,
    insertions: u64,
) -> std::process::Command {
    let mut cmd = project.command("node");
    cmd.arg("tests/perf/soak.mjs")
        .args(["--minutes", &minutes.to_string()])
        .args(["--insertions", &insertions.to_string()])
        .env("CHROME", &browser.chrome);
    cmd
}

/// `cargo xtask soak [--minutes M] [--insertions N]`: builds, then M minutes (default 10) of
/// autoplay with full-rate input and N (default 1,000) insertions and removals of the element,
/// memory sampled throughout; fails when anything grows by 1 % after the warm-up.
pub fn soak(project: &Project, args: &[String]) -> Result<(), DynError> {
    let (mut minutes, mut insertions) = (10.0f64, 1000u64);
    let mut rest = args.iter();
    while let Some(a) = rest.next() {
        let value = rest.next().and_then(|v| v.parse::<f64>().ok());
        match (a.as_str(), value) {
            ("--minutes", Some(v)) if v > 0.0 && v.is_finite() => minutes = v,
            ("--insertions", Some(v)) if v >= 1.0 && v.fract() == 0.0 => insertions = v as u64,
            _ => {
                return Err(format!(
                "`cargo xtask soak` takes --minutes M (M > 0) and --insertions N (N ≥ 1) (got: {})",
                args.join(" ")
            )
                .into())
            }
        }
    }
    build::run(project)?;
    let browser = setup::ensure_browser(project)?;
    cmd::run(&mut soak_command(project, &browser, minutes, insertions))
}

/// Installs Lighthouse into `tools/lighthouse` (its own lock file, apart from the suite's
/// packages) when it is missing.
pub fn ensure_lighthouse(project: &Project) -> Result<(), DynError> {
    setup::ensure_npm_dir(
        project,
        &project.root().join("tools").join("lighthouse"),
        "lighthouse",
    )
}

/// Lighthouse (`tests/perf/lighthouse.mjs`) on the built site's `pages` (none: the demo page and
/// `embed.html`).
pub fn lighthouse_command(
    project: &Project,
    browser: &setup::Browser,
    pages: &[String],
) -> std::process::Command {
    let mut cmd = project.command("node");
    cmd.arg("tests/perf/lighthouse.mjs")
        .args(pages)
        .env("CHROME", &browser.chrome);
    cmd
}

/// `cargo xtask lighthouse [page ...]`: builds, installs Lighthouse when missing, and runs it on
/// the site's pages.
pub fn lighthouse(project: &Project, args: &[String]) -> Result<(), DynError> {
    build::run(project)?;
    let browser = setup::ensure_browser(project)?;
    ensure_lighthouse(project)?;
    cmd::run(&mut lighthouse_command(project, &browser, args))
}
