//! Tasks that forward to code other parts of the project own: codegen, perf, benches.

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

/// `cargo xtask perf`: builds, then measures frames and the uncertainty bands in headless
/// Chromium.
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
