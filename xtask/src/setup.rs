//! Setting up the tools the tasks need: each is checked first and installed only when missing,
//! so a second run costs a few probes.

use std::env;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::cmd::{self, probe};
use crate::project::{find_executable, Project};
use crate::DynError;

pub const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// Where Debian's Rust (`rustc-web`, `cargo-web`) puts its programs.
const DEBIAN_BIN: &str = "/usr/bin";

/// Debian packages for the wasm32 fallback: compiler, cargo, std sources, the linker (lld-22,
/// found as `rust-lld` through rust-web-llvm), clippy.
const DEBIAN_RUST_PACKAGES: [&str; 6] = [
    "rustc-web",
    "cargo-web",
    "rust-web-src",
    "lld-22",
    "rust-web-llvm",
    "rust-web-clippy",
];

/// Set `XTASK_WASM_RUST=debian` to use the Debian fallback even when rustup works (to test it).
const FORCE_FALLBACK_VAR: &str = "XTASK_WASM_RUST";

/// Which Rust builds for wasm32.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WasmRust {
    /// The rustup toolchain that runs the xtask, with the wasm32 target added.
    Rustup,
    /// Debian's `rustc-web` with a wasm32 `std` built once from `rust-web-src`.
    Debian,
}

impl WasmRust {
    /// The PATH for wasm32 builds: Debian's bin first in fallback mode, so that `cargo` finds
    /// Debian's compiler.
    fn path_var(self, project: &Project) -> std::ffi::OsString {
        match self {
            WasmRust::Rustup => project.path_var(),
            WasmRust::Debian => {
                let mut dirs = vec![PathBuf::from(DEBIAN_BIN)];
                dirs.extend(env::split_paths(&project.path_var()));
                env::join_paths(dirs).unwrap_or_else(|_| project.path_var())
            }
        }
    }

    fn configure(self, cmd: &mut Command, project: &Project) {
        cmd.env("PATH", self.path_var(project));
        if self == WasmRust::Debian {
            cmd.env("RUSTC", Path::new(DEBIAN_BIN).join("rustc"))
                .env_remove("RUSTUP_TOOLCHAIN")
                .env_remove("RUSTC_WRAPPER");
        }
    }

    /// A `cargo` command that can build for wasm32.
    pub fn cargo(self, project: &Project) -> Command {
        let program = match self {
            WasmRust::Rustup => PathBuf::from("cargo"),
            WasmRust::Debian => Path::new(DEBIAN_BIN).join("cargo"),
        };
        let mut cmd = project.command(program);
        self.configure(&mut cmd, project);
        cmd
    }
}

/// The browser and its WebDriver, for wasm-bindgen-test and Playwright.
#[derive(Clone, Debug)]
pub struct Browser {
    pub chrome: PathBuf,
    pub chromedriver: PathBuf,
}

fn report(tool: &str, state: &str) {
    println!("setup: {tool:<22} {state}");
}

/// Everything `cargo xtask build` needs: Node.js and the npm packages (wasm-opt), the wasm32
/// target and wasm-bindgen-cli at the Cargo.lock version (no wasm-pack: the build runs cargo and
/// wasm-bindgen itself).
pub fn build_tools(project: &Project) -> Result<WasmRust, DynError> {
    ensure_node(project)?;
    ensure_node_modules(project)?;
    let wasm = ensure_wasm_target(project)?;
    ensure_wasm_bindgen(project)?;
    Ok(wasm)
}

/// Finds Node.js 20 or newer; it cannot be installed here portably, so its absence is an error
/// that says what to install.
pub fn ensure_node(project: &Project) -> Result<(), DynError> {
    let version = probe(project.command("node").arg("--version")).ok_or(
        "Node.js 20 or newer is needed and `node` is not on PATH; install it (https://nodejs.org, \
         nvm, or your package manager) and run again",
    )?;
    let major: u32 = version
        .trim_start_matches('v')
        .split('.')
        .next()
        .and_then(|m| m.parse().ok())
        .ok_or_else(|| format!("cannot read the Node.js version from `{version}`"))?;
    if major < 20 {
        return Err(
            format!("Node.js 20 or newer is needed; `node --version` says {version}").into(),
        );
    }
    if project.which("npm").is_none() {
        return Err("`npm` is not on PATH; it comes with Node.js, install it with Node".into());
    }
    report("node", &format!("{version} ok"));
    Ok(())
}

/// Installs the npm packages of `dir` (a folder with its own package.json and lock) with
/// `npm ci`, unless the copy of its lock file saved by the last install matches; `tool` is the
/// name of a binary in its `node_modules/.bin` that must be there.
pub fn ensure_npm_dir(project: &Project, dir: &Path, tool: &str) -> Result<(), DynError> {
    ensure_node(project)?;
    let lock_path = dir.join("package-lock.json");
    let lock =
        fs::read(&lock_path).map_err(|e| format!("cannot read {}: {e}", lock_path.display()))?;
    let modules = dir.join("node_modules");
    let stamp = modules.join(".xtask-package-lock.json");
    let name = format!("{tool} (npm)");
    if fs::read(&stamp).ok().as_deref() == Some(&lock[..])
        && modules.join(".bin").join(tool).exists()
    {
        report(&name, "up to date with its package-lock.json");
        return Ok(());
    }
    report(
        &name,
        &format!("installing with npm ci in {}", dir.display()),
    );
    cmd::run(project.command("npm").arg("--prefix").arg(dir).args([
        "ci",
        "--no-audit",
        "--no-fund",
    ]))?;
    fs::write(&stamp, &lock)?;
    Ok(())
}

/// Installs the npm packages from the committed package-lock.json with `npm ci`, unless the
/// copy of the lock file saved by the last install matches it.
pub fn ensure_node_modules(project: &Project) -> Result<(), DynError> {
    let lock_path = project.root().join("package-lock.json");
    let lock =
        fs::read(&lock_path).map_err(|e| format!("cannot read {}: {e}", lock_path.display()))?;
    let stamp = project.node_modules().join(".xtask-package-lock.json");
    let wasm_opt = project.node_modules().join(".bin").join("wasm-opt");
    if fs::read(&stamp).ok().as_deref() == Some(&lock[..]) && wasm_opt.exists() {
        report("node_modules", "up to date with package-lock.json");
        return Ok(());
    }
    report("node_modules", "installing with npm ci");
    cmd::run(
        project
            .command("npm")
            .args(["ci", "--no-audit", "--no-fund"]),
    )?;
    fs::write(&stamp, &lock)?;
    Ok(())
}

/// Makes sure some Rust can build for wasm32: rustup's target if possible, else Debian's.
pub fn ensure_wasm_target(project: &Project) -> Result<WasmRust, DynError> {
    if env::var(FORCE_FALLBACK_VAR).as_deref() == Ok("debian") {
        report(
            "wasm32 target",
            &format!("{FORCE_FALLBACK_VAR}=debian: using Debian's Rust"),
        );
    } else if let Some(installed) =
        probe(
            project
                .command("rustup")
                .args(["target", "list", "--installed"]),
        )
    {
        if installed.lines().any(|line| line.trim() == WASM_TARGET) {
            report("wasm32 target", "installed (rustup)");
            return Ok(WasmRust::Rustup);
        }
        if debian_std_is_current() {
            // rustup could not add it before, and its server may hang until the timeout.
            report(
                "wasm32 target",
                "not in rustup; using Debian's Rust set up by an earlier run",
            );
            return Ok(WasmRust::Debian);
        }
        report("wasm32 target", "adding with rustup (up to 2 minutes)");
        let mut add = rustup_with_timeout(project);
        match cmd::run(add.args(["target", "add", WASM_TARGET])) {
            Ok(()) => return Ok(WasmRust::Rustup),
            Err(e) => {
                println!("setup: rustup could not add {WASM_TARGET} ({e}); trying Debian's Rust")
            }
        }
    } else {
        println!("setup: rustup not found; trying Debian's Rust for {WASM_TARGET}");
    }
    ensure_debian_wasm_std(project)?;
    Ok(WasmRust::Debian)
}

/// `rustup`, under `timeout 120` when that exists: its server may be unreachable from here.
fn rustup_with_timeout(project: &Project) -> Command {
    if project.which("timeout").is_some() {
        let mut cmd = project.command("timeout");
        cmd.args(["120", "rustup"]);
        cmd
    } else {
        project.command("rustup")
    }
}

/// rustfmt and clippy, for the fmt and clippy stages: added with rustup when it manages Rust.
pub fn ensure_lint_tools(project: &Project) -> Result<(), DynError> {
    let works = |tool: &str| probe(project.command("cargo").args([tool, "--version"])).is_some();
    if works("fmt") && works("clippy") {
        report("rustfmt, clippy", "ok");
        return Ok(());
    }
    if project.which("rustup").is_none() {
        return Err(
            "`cargo fmt` and `cargo clippy` are needed: install rustfmt and clippy \
                    (with rustup: rustup component add rustfmt clippy) and run again"
                .into(),
        );
    }
    report("rustfmt, clippy", "adding with rustup");
    cmd::run(rustup_with_timeout(project).args(["component", "add", "rustfmt", "clippy"]))
}

pub fn is_root(project: &Project) -> bool {
    probe(project.command("id").arg("-u")).as_deref() == Some("0")
}

pub fn debian_package_installed(project: &Project, package: &str) -> bool {
    probe(
        project
            .command("dpkg-query")
            .args(["-W", "-f=${Status}", package]),
    )
    .is_some_and(|status| status.ends_with("install ok installed"))
}

/// Installs Debian packages with apt-get, or explains what to install when that is impossible.
pub fn apt_install(project: &Project, packages: &[&str], purpose: &str) -> Result<(), DynError> {
    let list = packages.join(" ");
    if project.which("apt-get").is_none() || !is_root(project) {
        return Err(format!(
            "{purpose}: cannot install `{list}` automatically (this needs apt-get and root); \
             install them, or the equivalent for your system, and run again"
        )
        .into());
    }
    static UPDATED: AtomicBool = AtomicBool::new(false);
    if !UPDATED.swap(true, Ordering::SeqCst) {
        cmd::run(project.command("apt-get").args(["update", "-q"]))?;
    }
    cmd::run(
        project
            .command("apt-get")
            .args(["install", "-y", "-q"])
            .args(packages)
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )
}

/// Written next to the wasm32 std built for Debian's rustc: that rustc's `-vV`, then the files.
const STD_STAMP: &str = ".xtask-std-stamp";

fn split_stamp(text: &str) -> (&str, &str) {
    text.split_once("\n--\n").unwrap_or(("", ""))
}

/// Debian's rustc, when installed: its `-vV` text and its wasm32 library directory.
fn debian_rustc() -> Option<(String, PathBuf)> {
    let rustc = Path::new(DEBIAN_BIN).join("rustc");
    let version = probe(Command::new(&rustc).arg("-vV"))?;
    let libdir =
        probe(Command::new(&rustc).args(["--print", "target-libdir", "--target", WASM_TARGET]))?;
    Some((version, PathBuf::from(libdir)))
}

/// Whether an earlier run built a wasm32 std for Debian's rustc as it is now.
fn debian_std_is_current() -> bool {
    debian_rustc().is_some_and(|(version, libdir)| {
        let stamp = fs::read_to_string(libdir.join(STD_STAMP)).unwrap_or_default();
        split_stamp(&stamp).0 == version
    })
}

/// The fallback from toolchain.md: Debian's rustc-web, and a wasm32 `std` built once with
/// `-Zbuild-std` in a throw-away crate and copied where that compiler looks for it.
fn ensure_debian_wasm_std(project: &Project) -> Result<(), DynError> {
    let purpose = "building for wasm32 without rustup";
    let missing: Vec<&str> = DEBIAN_RUST_PACKAGES
        .into_iter()
        .filter(|package| !debian_package_installed(project, package))
        .collect();
    if !missing.is_empty() {
        report("debian rust", &format!("installing {}", missing.join(" ")));
        apt_install(project, &missing, purpose)?;
    }
    let (version, libdir) = debian_rustc().ok_or_else(|| {
        format!("{purpose}: {DEBIAN_BIN}/rustc does not answer `-vV` or `--print target-libdir`")
    })?;
    let stamp = libdir.join(STD_STAMP);
    let stamp_text = fs::read_to_string(&stamp).unwrap_or_default();
    let (stamp_version, old_files) = split_stamp(&stamp_text);
    if stamp_version == version {
        report("wasm32 std (debian)", "built for this rustc");
        return Ok(());
    }
    report(
        "wasm32 std (debian)",
        "building std for wasm32 (about 1 minute)",
    );
    let krate = project.target().join("xtask").join("wasm-std");
    fs::create_dir_all(krate.join("src"))?;
    fs::write(
        krate.join("Cargo.toml"),
        "[package]\nname = \"xtask-wasm-std\"\nversion = \"0.0.0\"\nedition = \"2021\"\n\n\
         [workspace]\n",
    )?;
    fs::write(krate.join("src").join("lib.rs"), "#![no_std]\n")?;
    let mut build = WasmRust::Debian.cargo(project);
    build
        .current_dir(&krate)
        .env("RUSTC_BOOTSTRAP", "1")
        .env_remove("CARGO_TARGET_DIR")
        .args(["build", "--release", "--target", WASM_TARGET])
        .arg("-Zbuild-std=std,panic_abort,panic_unwind,proc_macro,test");
    cmd::run(&mut build)?;
    fs::create_dir_all(&libdir)?;
    for old in old_files.lines().filter(|name| !name.is_empty()) {
        let _ = fs::remove_file(libdir.join(old));
    }
    let deps = krate
        .join("target")
        .join(WASM_TARGET)
        .join("release")
        .join("deps");
    let mut copied = Vec::new();
    for entry in fs::read_dir(&deps)? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        if name.starts_with("lib")
            && name.ends_with(".rlib")
            && !name.starts_with("libxtask_wasm_std")
        {
            fs::copy(deps.join(&name), libdir.join(&name))?;
            copied.push(name);
        }
    }
    fs::write(&stamp, format!("{version}\n--\n{}\n", copied.join("\n")))?;
    report(
        "wasm32 std (debian)",
        &format!("{} libraries in {}", copied.len(), libdir.display()),
    );
    Ok(())
}

/// The version Cargo.lock pins for `package` (the first entry with that name).
pub fn locked_version(project: &Project, package: &str) -> Result<String, DynError> {
    let path = project.root().join("Cargo.lock");
    let lock =
        fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    locked_version_in(&lock, package)
        .ok_or_else(|| format!("{} has no entry for `{package}`", path.display()).into())
}

fn locked_version_in(lock: &str, package: &str) -> Option<String> {
    let wanted = format!("name = \"{package}\"");
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == wanted {
            let version = lines
                .next()?
                .trim()
                .strip_prefix("version = \"")?
                .strip_suffix('"')?;
            return Some(version.to_string());
        }
    }
    None
}

/// wasm-bindgen-cli must match the wasm-bindgen in Cargo.lock exactly.
pub fn ensure_wasm_bindgen(project: &Project) -> Result<(), DynError> {
    let wanted = locked_version(project, "wasm-bindgen")?;
    let installed = || probe(project.command("wasm-bindgen").arg("--version"));
    let matches = |found: &Option<String>| {
        found.as_deref().and_then(|v| v.split_whitespace().nth(1)) == Some(wanted.as_str())
            && project.which("wasm-bindgen-test-runner").is_some()
    };
    let found = installed();
    if matches(&found) {
        report("wasm-bindgen-cli", &format!("{wanted} ok"));
        return Ok(());
    }
    let was = found.unwrap_or_else(|| "not installed".into());
    report(
        "wasm-bindgen-cli",
        &format!("installing {wanted} (was: {was}; about 2 minutes)"),
    );
    // No --locked: one of its locked dependencies is not on the registry (toolchain.md).
    cmd::run(
        project
            .command("cargo")
            .args(["install", "wasm-bindgen-cli", "--version", &wanted]),
    )?;
    let found = installed();
    if !matches(&found) {
        return Err(format!(
            "after installing wasm-bindgen-cli {wanted}, `wasm-bindgen --version` on PATH says {}; \
             remove the other wasm-bindgen from PATH",
            found.unwrap_or_else(|| "nothing".into())
        )
        .into());
    }
    Ok(())
}

const CHROME_NAMES: [&str; 4] = [
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
];

/// The program an environment variable names, if it is set: an error when it is not executable.
fn from_env(project: &Project, var: &str) -> Result<Option<PathBuf>, DynError> {
    match env::var(var) {
        Ok(value) if !value.is_empty() => find_executable(&value, &project.path_var())
            .map(Some)
            .ok_or_else(|| format!("{var}={value} is not an executable program").into()),
        _ => Ok(None),
    }
}

fn find_browser(project: &Project) -> Result<(Option<PathBuf>, Option<PathBuf>), DynError> {
    let chrome = match from_env(project, "CHROME")? {
        Some(chrome) => Some(chrome),
        None => CHROME_NAMES.iter().find_map(|name| project.which(name)),
    };
    let driver = match from_env(project, "CHROMEDRIVER")? {
        Some(driver) => Some(driver),
        None => project.which("chromedriver"),
    };
    Ok((chrome, driver))
}

fn major_version(text: &str) -> Option<u32> {
    text.split_whitespace().find_map(|word| {
        word.split('.')
            .next()
            .filter(|_| word.contains('.'))?
            .parse()
            .ok()
    })
}

/// Finds Chromium (or Chrome) and chromedriver: from `CHROME` / `CHROMEDRIVER`, on PATH, or
/// installed with apt.
pub fn ensure_browser(project: &Project) -> Result<Browser, DynError> {
    let (mut chrome, mut driver) = find_browser(project)?;
    if chrome.is_none() || driver.is_none() {
        report(
            "chromium",
            "installing chromium and chromium-driver with apt",
        );
        apt_install(
            project,
            &["chromium", "chromium-driver"],
            "the browser tests need Chromium",
        )?;
        (chrome, driver) = find_browser(project)?;
    }
    let (Some(chrome), Some(chromedriver)) = (chrome, driver) else {
        return Err(
            "the browser tests need Chromium and chromedriver: install them, or set CHROME \
                    and CHROMEDRIVER to their paths"
                .into(),
        );
    };
    let chrome_version = probe(Command::new(&chrome).arg("--version")).unwrap_or_default();
    let driver_version = probe(Command::new(&chromedriver).arg("--version")).unwrap_or_default();
    let chrome_line = chrome_version.lines().last().unwrap_or("").to_string();
    if let (Some(a), Some(b)) = (major_version(&chrome_line), major_version(&driver_version)) {
        if a != b {
            println!(
                "setup: warning: {} is version {a} but {} is version {b}; the wasm tests may fail",
                chrome.display(),
                chromedriver.display()
            );
        }
    }
    report("chromium", &format!("{} ({chrome_line})", chrome.display()));
    report("chromedriver", &chromedriver.display().to_string());
    Ok(Browser {
        chrome,
        chromedriver,
    })
}

/// Debian's packages for the WordPress stage: WordPress itself (6.1 on Debian 12), its database,
/// and Apache with PHP (toolchain.md); unzip for the newer WordPress builds from npm.
pub const WORDPRESS_PACKAGES: [&str; 6] = [
    "wordpress",
    "mariadb-server",
    "apache2",
    "libapache2-mod-php",
    "php-mysql",
    "unzip",
];

/// Makes sure Debian's WordPress, MariaDB, Apache and PHP are installed (about 30 s with apt the
/// first time). The stage needs root anyway (it starts the services and writes their config), so
/// without root or apt it fails here, saying so.
pub fn ensure_wordpress(project: &Project) -> Result<(), DynError> {
    let purpose = "the WordPress stage needs Debian's wordpress, mariadb and apache2 and root                    to start them";
    if project.which("dpkg-query").is_none() || project.which("apt-get").is_none() {
        return Err(
            format!("{purpose}: this system has no apt-get/dpkg (not Debian or Ubuntu)").into(),
        );
    }
    if !is_root(project) {
        return Err(format!("{purpose}: run as root (id -u is not 0)").into());
    }
    let missing: Vec<&str> = WORDPRESS_PACKAGES
        .into_iter()
        .filter(|package| !debian_package_installed(project, package))
        .collect();
    if missing.is_empty() {
        report("wordpress", "installed (Debian's packages)");
        return Ok(());
    }
    report(
        "wordpress",
        &format!("installing {} with apt", missing.join(" ")),
    );
    apt_install(project, &missing, purpose)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_locked_version() {
        let lock =
            "[[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.130\"\nsource = \"x\"\n\n\
                    [[package]]\nname = \"wasm-bindgen-test\"\nversion = \"0.3.80\"\n";
        assert_eq!(
            locked_version_in(lock, "wasm-bindgen").as_deref(),
            Some("0.2.130")
        );
        assert_eq!(
            locked_version_in(lock, "wasm-bindgen-test").as_deref(),
            Some("0.3.80")
        );
        assert_eq!(locked_version_in(lock, "serde"), None);
    }

    #[test]
    fn reads_browser_major_versions() {
        assert_eq!(
            major_version("Chromium 131.0.6778.85 built on Debian"),
            Some(131)
        );
        assert_eq!(major_version("ChromeDriver 131.0.6778.85 (abc)"), Some(131));
        assert_eq!(major_version("nothing here"), None);
    }
}
