//! Tasks that forward to code other parts of the project own: the model card, perf, benches.

use crate::project::Project;
use crate::{build, cmd, setup, DynError};

/// `cargo xtask model-card [--check]`: regenerates (or checks) `docs/model.md` from the model.
pub fn model_card(project: &Project, args: &[String]) -> Result<(), DynError> {
    cmd::run(
        project
            .command("cargo")
            .args(["run", "--release", "--example", "model_card", "--"])
            .args(args)
            .arg("docs/model.md"),
    )
}

/// `cargo xtask perf`: builds, then measures frames in headless Chromium.
pub fn perf(project: &Project, args: &[String]) -> Result<(), DynError> {
    build::run(project)?;
    let browser = setup::ensure_browser(project)?;
    cmd::run(
        project
            .command("node")
            .arg("tests/perf/frame.mjs")
            .args(args)
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
