//! `cargo xtask test`: set the tools up, then run every check in order and stop at the first
//! failure, with one summary line per stage and a closing `xtask test: N passed, 0 failed`.

use std::fs;
use std::path::PathBuf;
use std::time::Instant;

use crate::project::Project;
use crate::setup::{self, Browser, WasmRust, WASM_TARGET};
use crate::{build, cmd, dist, wordpress, DynError};

/// Test counts of one stage.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub passed: u64,
    pub failed: u64,
}

impl std::ops::AddAssign for Counts {
    fn add_assign(&mut self, other: Counts) {
        self.passed += other.passed;
        self.failed += other.failed;
    }
}

/// What a finished stage reports: its test counts, if it runs tests, and a short note.
struct Outcome {
    counts: Option<Counts>,
    note: String,
}

impl Outcome {
    fn note(note: impl Into<String>) -> Outcome {
        Outcome {
            counts: None,
            note: note.into(),
        }
    }

    fn counts(counts: Counts) -> Outcome {
        Outcome {
            counts: Some(counts),
            note: String::new(),
        }
    }
}

/// One summary line.
struct Line {
    ok: bool,
    stage: &'static str,
    secs: f64,
    text: String,
}

/// The stages run so far, printed as the summary.
#[derive(Default)]
struct Report {
    lines: Vec<Line>,
    total: Counts,
}

impl Report {
    /// Runs one stage; on failure prints the summary and returns an error naming the stage.
    fn stage<T>(
        &mut self,
        stage: &'static str,
        rerun: &str,
        body: impl FnOnce() -> Result<(T, Outcome), (DynError, Counts)>,
    ) -> Result<T, DynError> {
        println!("\n==> xtask test: {stage}");
        let started = Instant::now();
        let result = body();
        let secs = started.elapsed().as_secs_f64();
        match result {
            Ok((value, outcome)) => {
                let text = match outcome.counts {
                    Some(counts) => {
                        self.total += counts;
                        let note = if outcome.note.is_empty() {
                            String::new()
                        } else {
                            format!("; {}", outcome.note)
                        };
                        format!("{} passed, {} failed{note}", counts.passed, counts.failed)
                    }
                    None => outcome.note,
                };
                self.lines.push(Line {
                    ok: true,
                    stage,
                    secs,
                    text,
                });
                Ok(value)
            }
            Err((error, counts)) => {
                self.total += counts;
                let text = format!("{error} (re-run alone: {rerun})");
                self.lines.push(Line {
                    ok: false,
                    stage,
                    secs,
                    text,
                });
                self.print();
                println!(
                    "xtask test: FAILED at stage `{stage}`; {} passed, {} failed before it stopped",
                    self.total.passed, self.total.failed
                );
                Err(format!("stage `{stage}` failed: {error}").into())
            }
        }
    }

    fn print(&self) {
        println!("\n==> xtask test: summary");
        for line in &self.lines {
            let mark = if line.ok { "ok  " } else { "FAIL" };
            println!(
                "{mark} {:<18} {:>6.1} s  {}",
                line.stage, line.secs, line.text
            );
        }
    }
}

/// Reads libtest's `test result: ok. 3 passed; 0 failed; ...` lines (cargo test, doc tests and
/// wasm-bindgen-test-runner all print them) and sums them.
pub fn cargo_counts(output: &str) -> Counts {
    let mut counts = Counts::default();
    for line in output.lines() {
        let Some(rest) = line.trim().strip_prefix("test result: ") else {
            continue;
        };
        let rest = rest.split_once(". ").map_or(rest, |(_, after)| after);
        for part in rest.split(';') {
            let mut words = part.split_whitespace();
            let (Some(number), Some(word)) = (words.next(), words.next()) else {
                continue;
            };
            let Ok(number) = number.parse::<u64>() else {
                continue;
            };
            match word {
                "passed" => counts.passed += number,
                "failed" => counts.failed += number,
                _ => {}
            }
        }
    }
    counts
}

/// Reads the `# pass N` and `# fail N` lines of node's TAP reporter.
pub fn tap_counts(output: &str) -> Counts {
    let mut counts = Counts::default();
    for line in output.lines() {
        let mut words = line.split_whitespace();
        if words.next() != Some("#") {
            continue;
        }
        let (Some(word), Some(number)) = (
            words.next(),
            words.next().and_then(|n| n.parse::<u64>().ok()),
        ) else {
            continue;
        };
        match word {
            "pass" => counts.passed += number,
            "fail" => counts.failed += number,
            _ => {}
        }
    }
    counts
}

type StageResult<T> = Result<(T, Outcome), (DynError, Counts)>;

/// A check with no test counts: passes when the command succeeds.
fn check(mut cmd: std::process::Command) -> StageResult<()> {
    cmd::run(&mut cmd)
        .map(|()| ((), Outcome::note("clean")))
        .map_err(|e| (e, Counts::default()))
}

/// A test command whose libtest output is counted.
fn cargo_tests(mut cmd: std::process::Command) -> StageResult<()> {
    let (ok, output) = cmd::run_teed(&mut cmd).map_err(|e| (e, Counts::default()))?;
    let counts = cargo_counts(&output);
    if ok && counts.failed == 0 {
        Ok(((), Outcome::counts(counts)))
    } else {
        let error = format!(
            "{} passed, {} failed, exit {}",
            counts.passed,
            counts.failed,
            if ok { "ok" } else { "failure" }
        );
        Err((error.into(), counts))
    }
}

/// Runs node's test runner on browser test files, counting its TAP output.
fn node_tests(
    project: &Project,
    browser: &Browser,
    files: &[PathBuf],
    env: &[(&str, &str)],
) -> StageResult<()> {
    let mut cmd = project.command("node");
    // Two files at a time, each in its own Chromium: node's default on two cores is one, and the
    // browser tests mostly wait on frames and timers (e2e: 5 min 19 s against 8 min 40 s,
    // 2026-12-02, 108 tests passing either way). One file (the WordPress stage) runs alone.
    cmd.args(["--test", "--test-reporter=tap", "--test-concurrency=2"])
        .args(files)
        .env("CHROME", &browser.chrome);
    for (key, value) in env {
        cmd.env(key, value);
    }
    let (ok, output) = cmd::run_teed(&mut cmd).map_err(|e| (e, Counts::default()))?;
    let counts = tap_counts(&output);
    if ok && counts.failed == 0 && counts.passed > 0 {
        let plural = if files.len() == 1 { "" } else { "s" };
        let note = format!("{} test file{plural}", files.len());
        Ok((
            (),
            Outcome {
                counts: Some(counts),
                note,
            },
        ))
    } else {
        let error = format!(
            "{} passed, {} failed, node exit {}",
            counts.passed,
            counts.failed,
            if ok { "ok" } else { "failure" }
        );
        Err((error.into(), counts))
    }
}

/// The browser test files of `tests/<dir>/`: every `*.test.mjs`, in name order.
fn test_files(project: &Project, dir: &str) -> Result<Vec<PathBuf>, DynError> {
    let dir = project.root().join("tests").join(dir);
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .map_err(|e| format!("cannot list {}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| {
            path.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.ends_with(".test.mjs"))
        })
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(format!("no *.test.mjs files in {}", dir.display()).into());
    }
    Ok(files
        .into_iter()
        .map(|f| {
            f.strip_prefix(project.root())
                .map(PathBuf::from)
                .unwrap_or(f)
        })
        .collect())
}

fn kit_name(folder: &std::path::Path) -> String {
    folder
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
}

/// Runs the whole suite.
pub fn run(project: &Project) -> Result<(), DynError> {
    let started = Instant::now();
    let mut report = Report::default();
    let no_counts = |e: DynError| (e, Counts::default());

    let (wasm, browser): (WasmRust, Browser) = report.stage("setup", "cargo xtask test", || {
        setup::ensure_lint_tools(project).map_err(no_counts)?;
        let wasm = setup::build_tools(project).map_err(no_counts)?;
        let browser = setup::ensure_browser(project).map_err(no_counts)?;
        setup::ensure_wordpress(project).map_err(no_counts)?;
        let note = match wasm {
            WasmRust::Rustup => "tools ready (wasm32 via rustup)",
            WasmRust::Debian => "tools ready (wasm32 via Debian's rustc-web)",
        };
        Ok(((wasm, browser), Outcome::note(note)))
    })?;

    report.stage(
        "fmt",
        "cargo fmt --all --check; fix with: cargo fmt --all",
        || {
            let mut cmd = project.command("cargo");
            cmd.args(["fmt", "--all", "--check"]);
            check(cmd)
        },
    )?;

    report.stage(
        "codegen",
        "cargo xtask codegen --check; fix with: cargo xtask codegen",
        || {
            check(crate::forward::codegen_command(
                project,
                &["--check".to_string()],
            ))
        },
    )?;

    report.stage(
        "clippy (native)",
        "cargo clippy --workspace --all-targets -- -D warnings",
        || {
            let mut cmd = project.command("cargo");
            cmd.args([
                "clippy",
                "--workspace",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ]);
            check(cmd)
        },
    )?;

    let wasm_clippy = format!(
        "cargo clippy -p posture-chain --target {WASM_TARGET} --lib --tests -- -D warnings"
    );
    report.stage("clippy (wasm32)", &wasm_clippy, || {
        let mut cmd = wasm.cargo(project);
        cmd.args([
            "clippy",
            "-p",
            "posture-chain",
            "--target",
            WASM_TARGET,
            "--lib",
            "--tests",
        ])
        .args(["--", "-D", "warnings"]);
        check(cmd)
    })?;

    report.stage("cargo test", "cargo test --workspace", || {
        let mut cmd = project.command("cargo");
        cmd.args(["test", "--workspace"]);
        cargo_tests(cmd)
    })?;

    let wasm_tests = format!(
        "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner CHROMEDRIVER={} \
         cargo test --target {WASM_TARGET} --test wasm",
        browser.chromedriver.display()
    );
    report.stage("wasm tests", &wasm_tests, || {
        let mut cmd = wasm.cargo(project);
        cmd.args([
            "test",
            "-p",
            "posture-chain",
            "--target",
            WASM_TARGET,
            "--test",
            "wasm",
        ])
        .env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
            "wasm-bindgen-test-runner",
        )
        .env("CHROMEDRIVER", &browser.chromedriver)
        .env_remove("GECKODRIVER")
        .env_remove("SAFARIDRIVER");
        cargo_tests(cmd)
    })?;

    report.stage("release build", "cargo xtask build", || {
        let sizes = build::build(project, wasm).map_err(no_counts)?;
        Ok((
            (),
            Outcome::note(format!(
                "wasm {} -> {} bytes after wasm-opt -Oz",
                sizes.before, sizes.after
            )),
        ))
    })?;

    report.stage("size", "cargo xtask size", || {
        crate::size::check(project)
            .map(|line| ((), Outcome::note(line)))
            .map_err(no_counts)
    })?;

    let kit = report.stage("dist", "cargo xtask dist", || {
        let kit = dist::write(project).map_err(no_counts)?;
        let size = |p: &std::path::Path| fs::metadata(p).map(|m| m.len()).unwrap_or(0);
        let note = format!(
            "{} and the plugin's zip ({} bytes) in target/dist",
            kit_name(&kit.folder),
            size(&kit.plugin_zip)
        );
        Ok((kit, Outcome::note(note)))
    })?;

    report.stage("e2e", "cargo xtask build && node --test tests/e2e/", || {
        let files = test_files(project, "e2e").map_err(no_counts)?;
        node_tests(project, &browser, &files, &[])
    })?;

    let wordpress_rerun = format!(
        "cargo xtask wordpress (sets WordPress 6.1, 6.5 and nightly up on 127.0.0.1:{}-{}, then \
         runs node --test tests/wordpress/ with WP_SITES)",
        wordpress::PORT,
        wordpress::PORT + 2
    );
    report.stage("wordpress", &wordpress_rerun, || {
        wordpress_stage(project, &browser, &kit.plugin_zip)
    })?;

    // A quick count of the fuzz (`cargo xtask fuzz` runs 100,000 and 10,000).
    let (native_cases, browser_cases) = (5_000, 1_000);
    report.stage(
        "fuzz",
        "cargo xtask fuzz --cases 5000 (quick: 5,000 native, 1,000 in the browser)",
        || {
            check(crate::forward::fuzz_native_command(project, native_cases, 1))?;
            check(crate::forward::fuzz_browser_command(
                project,
                &browser,
                browser_cases,
                1,
            ))?;
            Ok((
                (),
                Outcome::note(format!(
                    "{native_cases} native cases, {browser_cases} browser values: no panic, no invariant broken"
                )),
            ))
        },
    )?;

    // The soak's one-minute version (`cargo xtask soak` runs ten minutes and 1,000 insertions).
    report.stage(
        "soak",
        "cargo xtask soak --minutes 0.75 --insertions 150",
        || {
            check(crate::forward::soak_command(project, &browser, 0.75, 150))?;
            Ok((
                (),
                Outcome::note("45 s of autoplay, 150 insertions: memory flat within 1 %"),
            ))
        },
    )?;

    // Lighthouse on the demo page and embed.html (`cargo xtask lighthouse`): fails on what does
    // not depend on the machine's speed (a layout shift, a request to another origin, requests or
    // bytes over budget), never on its timings or scores, which it prints.
    report.stage("lighthouse", "cargo xtask lighthouse", || {
        crate::forward::ensure_lighthouse(project).map_err(|e| (e, Counts::default()))?;
        check(crate::forward::lighthouse_command(project, &browser, &[]))?;
        Ok((
            (),
            Outcome::note(
                "index.html, embed.html: no layout shift, no third-party request, within budget",
            ),
        ))
    })?;

    report.print();
    println!("(whole run: {:.0} s)", started.elapsed().as_secs_f64());
    println!(
        "xtask test: {} passed, {} failed",
        report.total.passed, report.total.failed
    );
    Ok(())
}

/// The wordpress stage: the sites set up with the plugin from `zip`, tests/wordpress/ run on
/// each (the sites in `WP_SITES`), PHP's log read for the plugin's warnings; the note names the
/// WordPress versions that ran.
fn wordpress_stage(project: &Project, browser: &Browser, zip: &std::path::Path) -> StageResult<()> {
    let no_counts = |e: DynError| (e, Counts::default());
    let mark = wordpress::error_log_mark();
    let sites = wordpress::prepare(project, zip).map_err(no_counts)?;
    let files = test_files(project, "wordpress").map_err(no_counts)?;
    let ((), mut outcome) = node_tests(project, browser, &files, &[("WP_SITES", &sites.json)])?;
    wordpress::check_error_log(mark).map_err(no_counts)?;
    outcome.note = format!("{}; WordPress {}", outcome.note, sites.versions.join(", "));
    Ok(((), outcome))
}

/// `cargo xtask wordpress`: only what the wordpress stage needs (set-up, build, dist), then it.
pub fn run_wordpress(project: &Project) -> Result<(), DynError> {
    let mut report = Report::default();
    let no_counts = |e: DynError| (e, Counts::default());
    let browser = report.stage("setup", "cargo xtask wordpress", || {
        let browser = setup::ensure_browser(project).map_err(no_counts)?;
        setup::ensure_wordpress(project).map_err(no_counts)?;
        Ok((browser, Outcome::note("tools ready")))
    })?;
    let kit = report.stage("dist", "cargo xtask dist", || {
        build::run(project).map_err(no_counts)?;
        let kit = dist::write(project).map_err(no_counts)?;
        Ok((kit, Outcome::note("built")))
    })?;
    report.stage("wordpress", "cargo xtask wordpress", || {
        wordpress_stage(project, &browser, &kit.plugin_zip)
    })?;
    report.print();
    println!(
        "xtask wordpress: {} passed, {} failed",
        report.total.passed, report.total.failed
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_cargo(output: &str, passed: u64, failed: u64) {
        assert_eq!(
            cargo_counts(output),
            Counts { passed, failed },
            "{output:?}"
        );
    }

    #[test]
    fn counts_libtest_results() {
        check_cargo(
            "test result: ok. 3 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out",
            3,
            0,
        );
        check_cargo("test result: FAILED. 2 passed; 1 failed; 0 ignored", 2, 1);
        check_cargo("running 1 test\ntest result: ok. 1 passed; 0 failed\n\ntest result: ok. 4 passed; 0 failed", 5, 0);
        check_cargo("no results here", 0, 0);
    }

    #[test]
    fn counts_node_tap_results() {
        let tap = "TAP version 13\nok 1 - loads\n1..2\n# tests 2\n# suites 0\n# pass 2\n# fail 0\n# cancelled 0\n";
        assert_eq!(
            tap_counts(tap),
            Counts {
                passed: 2,
                failed: 0
            }
        );
        assert_eq!(
            tap_counts("# pass 1\n# fail 3\n"),
            Counts {
                passed: 1,
                failed: 3
            }
        );
        assert_eq!(tap_counts("# Subtest: pass 5\n"), Counts::default());
    }
}
