//! Real WordPresses for the `wordpress` stage of `cargo xtask test`, all on 127.0.0.1 with one
//! MariaDB and one Apache: Debian's `wordpress` package (6.1 on Debian 12, the recipe in
//! toolchain.md), and current releases from WordPress Playground's builds on npm
//! (`@wp-playground/wordpress-builds`, fetched with `npm pack` at a pinned version whose
//! integrity npm checks and this file pins): each build is the release's PHP (comments stripped)
//! in a zip plus its static files in `public/`, installed side by side in a directory of its own
//! with a database of its own. On each site the plugin is installed from the zip `cargo xtask
//! dist` wrote and `tests/wordpress/setup.php` publishes the posts that
//! `tests/wordpress/*.test.mjs` then open in Chromium.
//!
//! Idempotent: each step is checked first (services answering, the databases there, config files
//! as written, a build unpacked from the pinned tarball), so a second run reuses the packages,
//! the databases and the sites, and only reinstalls the plugin and republishes the posts.

use std::fs;
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::cmd::{self, probe};
use crate::project::Project;
use crate::DynError;

/// The port Apache serves Debian's WordPress on, on 127.0.0.1 only (the builds follow it).
pub const PORT: u16 = 8089;
const DEBIAN_DOCROOT: &str = "/usr/share/wordpress";
const DEBIAN_CONTENT: &str = "/var/lib/wordpress/wp-content";
/// Where the builds are installed, one directory each (`6.5`, `nightly`).
const BUILDS_ROOT: &str = "/var/lib/posture-chain-wp";
const SITE_NAME: &str = "posture-chain-wp";
const DB_USER: &str = "posture_chain_wp";
const DB_PASSWORD: &str = "posture_chain_wp";

/// WordPress Playground's builds on npm, pinned: the tarball's integrity as npm reports it.
const BUILDS_PACKAGE: &str = "@wp-playground/wordpress-builds";
const BUILDS_VERSION: &str = "0.9.19";
const BUILDS_INTEGRITY: &str =
    "sha512-dlqvh/MJDpE5W68vgPPKUjpip6zMuBh59L3D18ZX+pdwurC4q4ydrTww/3sTMV69BBcoH6kF93YtAtujNC5Mpw==";

/// Where a site's WordPress comes from.
#[derive(Clone, Copy)]
enum Source {
    /// Debian's `wordpress` package (its config in /etc/wordpress, its content in /var/lib).
    Debian,
    /// A build from the npm package: `src/wordpress/wp-<name>.zip` and `public/wp-<name>/`.
    Build(&'static str),
}

/// One WordPress the stage sets up and tests.
#[derive(Clone, Copy)]
struct Site {
    source: Source,
    port: u16,
    db: &'static str,
}

/// The sites, each on its own port with its own database: Debian's 6.1 (no
/// `wp_enqueue_script_module`), Playground's 6.5 (6.5.5, the first release with it) and its
/// nightly (6.7-alpha in 0.9.19).
const SITES: [Site; 3] = [
    Site {
        source: Source::Debian,
        port: PORT,
        db: "posture_chain_wp",
    },
    Site {
        source: Source::Build("6.5"),
        port: PORT + 1,
        db: "posture_chain_wp_65",
    },
    Site {
        source: Source::Build("nightly"),
        port: PORT + 2,
        db: "posture_chain_wp_nightly",
    },
];

impl Site {
    fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Where its WordPress (wp-load.php) is.
    fn docroot(&self) -> PathBuf {
        match self.source {
            Source::Debian => PathBuf::from(DEBIAN_DOCROOT),
            Source::Build(name) => Path::new(BUILDS_ROOT).join(name),
        }
    }

    fn label(&self) -> String {
        match self.source {
            Source::Debian => "Debian's package".to_string(),
            Source::Build(name) => format!("{BUILDS_PACKAGE}@{BUILDS_VERSION} wp-{name}"),
        }
    }

    /// Its Apache virtual host.
    fn vhost(&self) -> String {
        let (port, docroot) = (self.port, self.docroot().display().to_string());
        let content = match self.source {
            Source::Debian => format!(
                "  Alias /wp-content {DEBIAN_CONTENT}\n  <Directory {DEBIAN_CONTENT}>\n    \
                 Options FollowSymLinks\n    Require all granted\n  </Directory>\n"
            ),
            Source::Build(_) => String::new(),
        };
        format!(
            "# {}\nListen 127.0.0.1:{port}\n<VirtualHost 127.0.0.1:{port}>\n  ServerName \
             127.0.0.1\n  DocumentRoot {docroot}\n  AddType application/wasm .wasm\n  <Directory \
             {docroot}>\n    Options FollowSymLinks\n    AllowOverride Limit Options FileInfo\n    \
             Require all granted\n  </Directory>\n{content}</VirtualHost>\n",
            self.label()
        )
    }

    /// Its configuration: Debian's wp-config.php reads /etc/wordpress/config-<host>.php (the
    /// host without its port); a build gets a wp-config.php of our own in place of Playground's
    /// (which is the sample's, for a database it does not have).
    fn config(&self) -> (PathBuf, String) {
        let url = self.url();
        let db = self.db;
        let common = format!(
            "define('DB_NAME', '{db}');\ndefine('DB_USER', '{DB_USER}');\n\
             define('DB_PASSWORD', '{DB_PASSWORD}');\ndefine('DB_HOST', 'localhost');\n\
             define('WP_HOME', '{url}');\ndefine('WP_SITEURL', '{url}');\n\
             define('FS_METHOD', 'direct');\n// The site asks no one outside for updates or \
             anything else (a loopback to itself is still allowed).\n\
             define('WP_HTTP_BLOCK_EXTERNAL', true);\ndefine('AUTOMATIC_UPDATER_DISABLED', true);\n"
        );
        let header = format!(
            "<?php\n// Written by `cargo xtask test` (the wordpress stage) for the test site on \
             127.0.0.1:{}.\n",
            self.port
        );
        match self.source {
            Source::Debian => (
                PathBuf::from("/etc/wordpress/config-127.0.0.1.php"),
                format!("{header}{common}define('WP_CONTENT_DIR', '{DEBIAN_CONTENT}');\n"),
            ),
            Source::Build(_) => (
                self.docroot().join("wp-config.php"),
                format!(
                    "{header}{common}define('DB_CHARSET', 'utf8mb4');\n$table_prefix = 'wp_';\n\
                     if (!defined('ABSPATH')) {{\n\tdefine('ABSPATH', __DIR__ . '/');\n}}\n\
                     require_once ABSPATH . 'wp-settings.php';\n"
                ),
            ),
        }
    }
}

fn answers(port: u16) -> bool {
    TcpStream::connect_timeout(&([127, 0, 0, 1], port).into(), Duration::from_millis(500)).is_ok()
}

/// Writes `path` when its contents differ; true if it changed.
fn write_if_changed(path: &Path, contents: &str) -> Result<bool, DynError> {
    if fs::read_to_string(path).ok().as_deref() == Some(contents) {
        return Ok(false);
    }
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir)?;
    }
    fs::write(path, contents).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(true)
}

fn say(step: &str, state: &str) {
    println!("wordpress: {step:<10} {state}");
}

/// MariaDB running, with each site's database and the user.
fn database(project: &Project) -> Result<(), DynError> {
    let ping = || probe(project.command("mysqladmin").args(["--silent", "ping"])).is_some();
    if ping() {
        say("mariadb", "running");
    } else {
        say("mariadb", "starting");
        cmd::run(project.command("/etc/init.d/mariadb").arg("start"))?;
        if !ping() {
            return Err("MariaDB did not answer `mysqladmin ping` after starting".into());
        }
    }
    let mut sql =
        format!("CREATE USER IF NOT EXISTS '{DB_USER}'@'localhost' IDENTIFIED BY '{DB_PASSWORD}';");
    for site in SITES {
        let db = site.db;
        sql.push_str(&format!(
            " CREATE DATABASE IF NOT EXISTS {db}; GRANT ALL ON {db}.* TO '{DB_USER}'@'localhost';"
        ));
    }
    cmd::run(project.command("mysql").arg("-e").arg(sql))
}

/// The builds' npm package unpacked in target/ (only the zips and the static files of the
/// builds the stage uses): `npm pack` fetches the tarball (from npm's cache after the first
/// time), checking it against the registry's integrity, and the integrity it reports must be
/// the pinned one. Returns the folder holding `package/`.
fn builds_package(project: &Project) -> Result<PathBuf, DynError> {
    let dir = project
        .target()
        .join("wordpress-builds")
        .join(BUILDS_VERSION);
    let stamp = dir.join(".integrity");
    if fs::read_to_string(&stamp).ok().as_deref() == Some(BUILDS_INTEGRITY) {
        say(
            "builds",
            &format!("{BUILDS_PACKAGE}@{BUILDS_VERSION} unpacked before"),
        );
        return Ok(dir);
    }
    if dir.exists() {
        fs::remove_dir_all(&dir)?;
    }
    fs::create_dir_all(&dir)?;
    say(
        "builds",
        &format!("npm pack {BUILDS_PACKAGE}@{BUILDS_VERSION} (158 MB the first time)"),
    );
    let spec = format!("{BUILDS_PACKAGE}@{BUILDS_VERSION}");
    let mut pack = project.command("npm");
    pack.args(["pack", &spec, "--json", "--pack-destination"])
        .arg(&dir);
    let line = cmd::display(&pack);
    let output = pack
        .output()
        .map_err(|e| format!("could not start `{line}`: {e}"))?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    if !output.status.success() {
        return Err(format!(
            "`{line}` failed (npm's registry is needed once, then its cache):\n{}",
            String::from_utf8_lossy(&output.stderr)
        )
        .into());
    }
    let reported = json_string(&stdout, "integrity").unwrap_or_default();
    let tarball = json_string(&stdout, "filename")
        .map(|name| dir.join(name))
        .ok_or_else(|| format!("`{line}` printed no filename:\n{stdout}"))?;
    if reported != BUILDS_INTEGRITY {
        let _ = fs::remove_file(&tarball);
        return Err(format!(
            "{spec}'s tarball has integrity {reported:?}, not the pinned {BUILDS_INTEGRITY}"
        )
        .into());
    }
    let mut untar = project.command("tar");
    untar.arg("-xzf").arg(&tarball).arg("-C").arg(&dir);
    for site in SITES {
        if let Source::Build(name) = site.source {
            untar
                .arg(format!("package/src/wordpress/wp-{name}.zip"))
                .arg(format!("package/public/wp-{name}"));
        }
    }
    cmd::run(&mut untar)?;
    fs::remove_file(&tarball)?;
    fs::write(&stamp, BUILDS_INTEGRITY)?;
    Ok(dir)
}

/// The string value of the first `"key": "..."` in npm's JSON (no escapes in the values read).
fn json_string(json: &str, key: &str) -> Option<String> {
    let at = json.find(&format!("\"{key}\""))?;
    let rest = json[at + key.len() + 2..].trim_start().strip_prefix(':')?;
    let rest = rest.trim_start().strip_prefix('"')?;
    Some(rest[..rest.find('"')?].to_string())
}

/// A build installed in its directory: the zip unpacked, its static files copied over it, and
/// the SQLite database Playground ships (which nothing here reads) removed. Skipped when the
/// directory holds the same build already.
fn install_build(
    project: &Project,
    package: &Path,
    site: &Site,
    name: &str,
) -> Result<(), DynError> {
    let docroot = site.docroot();
    let stamp = docroot.join(".posture-chain-build");
    let built = format!("{BUILDS_PACKAGE}@{BUILDS_VERSION} {BUILDS_INTEGRITY} wp-{name}\n");
    if fs::read_to_string(&stamp).ok().as_deref() == Some(built.as_str()) {
        return Ok(());
    }
    say(
        "install",
        &format!("{} into {}", site.label(), docroot.display()),
    );
    if docroot.exists() {
        fs::remove_dir_all(&docroot)?;
    }
    fs::create_dir_all(&docroot)?;
    let source = package.join("package");
    cmd::run(
        project
            .command("unzip")
            .arg("-q")
            .arg(
                source
                    .join("src")
                    .join("wordpress")
                    .join(format!("wp-{name}.zip")),
            )
            .arg("-d")
            .arg(&docroot),
    )?;
    cmd::run(
        project
            .command("cp")
            .arg("-a")
            .arg(source.join("public").join(format!("wp-{name}")).join("."))
            .arg(&docroot),
    )?;
    let sqlite = docroot.join("wp-content").join("database");
    if sqlite.exists() {
        fs::remove_dir_all(&sqlite)?;
    }
    fs::write(&stamp, built)?;
    Ok(())
}

/// Apache serving every site on its port, enabled and running.
fn apache(project: &Project) -> Result<(), DynError> {
    let mut conf_text = String::from("# Written by `cargo xtask test` (the wordpress stage).\n");
    for site in SITES {
        conf_text.push_str(&site.vhost());
    }
    let conf = PathBuf::from(format!("/etc/apache2/sites-available/{SITE_NAME}.conf"));
    let mut changed = write_if_changed(&conf, &conf_text)?;
    if !Path::new(&format!("/etc/apache2/sites-enabled/{SITE_NAME}.conf")).exists() {
        cmd::run(project.command("a2ensite").arg("-q").arg(SITE_NAME))?;
        changed = true;
    }
    let all_answer = || SITES.iter().all(|site| answers(site.port));
    let running = probe(project.command("pgrep").args(["-x", "apache2"])).is_some();
    if !running {
        say("apache", "starting");
        cmd::run(project.command("apache2ctl").arg("start"))?;
    } else if changed || !all_answer() {
        say("apache", "reloading its configuration");
        cmd::run(project.command("apache2ctl").arg("graceful"))?;
    } else {
        say("apache", "running");
    }
    for _ in 0..50 {
        if all_answer() {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let ports: Vec<String> = SITES.iter().map(|s| s.port.to_string()).collect();
    Err(format!(
        "Apache does not answer on 127.0.0.1 ports {}; see /var/log/apache2/error.log",
        ports.join(", ")
    )
    .into())
}

/// What the sites are, once set up: the JSON array the tests read from `WP_SITES` (each
/// site's version and posts' URLs), and the versions for the stage's note.
pub struct Prepared {
    pub json: String,
    pub versions: Vec<String>,
}

/// Sets the sites up (services, builds, config, WordPress installed), installs the plugin from
/// `zip` on each and publishes the test posts.
pub fn prepare(project: &Project, zip: &Path) -> Result<Prepared, DynError> {
    if !Path::new(DEBIAN_DOCROOT).join("wp-load.php").exists() {
        return Err(format!(
            "{DEBIAN_DOCROOT}/wp-load.php is missing: is Debian's wordpress package installed?"
        )
        .into());
    }
    let package = builds_package(project)?;
    for site in &SITES {
        if let Source::Build(name) = site.source {
            install_build(project, &package, site, name)?;
        }
        let (path, config) = site.config();
        let changed = write_if_changed(&path, &config)?;
        say(
            "config",
            &format!(
                "{} {}",
                path.display(),
                if changed { "written" } else { "as before" }
            ),
        );
    }
    database(project)?;
    apache(project)?;
    let mut sites = Vec::new();
    let mut versions = Vec::new();
    for site in &SITES {
        let json = setup_site(project, site, zip)?;
        let version = json_string(&json, "version")
            .ok_or_else(|| format!("setup.php printed no version: {json}"))?;
        versions.push(format!("{version} ({})", site.label()));
        sites.push(json);
    }
    Ok(Prepared {
        json: format!("[{}]", sites.join(",")),
        versions,
    })
}

/// Runs setup.php for one site; returns the JSON object it printed last.
fn setup_site(project: &Project, site: &Site, zip: &Path) -> Result<String, DynError> {
    let script = project
        .root()
        .join("tests")
        .join("wordpress")
        .join("setup.php");
    let output = project
        .command("php")
        .arg(&script)
        .arg(zip)
        .arg(site.url())
        .arg(site.docroot())
        .output()
        .map_err(|e| format!("could not run php {}: {e}", script.display()))?;
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() {
        return Err(format!("php {} failed:\n{stdout}\n{stderr}", script.display()).into());
    }
    let step = format!(":{}", site.port);
    for line in stdout.lines().filter(|l| !l.starts_with('{')) {
        say(&step, line);
    }
    let json = stdout
        .lines()
        .rev()
        .find(|l| l.starts_with('{'))
        .ok_or_else(|| format!("setup.php printed no posts:\n{stdout}\n{stderr}"))?;
    say(&step, json);
    Ok(json.to_string())
}

/// Apache's error log, where PHP's warnings and notices from the site's pages go.
const ERROR_LOG: &str = "/var/log/apache2/error.log";

/// How long the error log is now, to read only what a stage adds to it.
pub fn error_log_mark() -> u64 {
    fs::metadata(ERROR_LOG).map(|m| m.len()).unwrap_or(0)
}

/// PHP's complaints about the plugin logged since `mark` (an error if there are any).
pub fn check_error_log(mark: u64) -> Result<(), DynError> {
    let bytes = fs::read(ERROR_LOG).unwrap_or_default();
    let added = String::from_utf8_lossy(bytes.get(mark as usize..).unwrap_or_default());
    let ours: Vec<&str> = added
        .lines()
        .filter(|l| l.contains("PHP") && l.contains("posture-chain"))
        .collect();
    if ours.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "PHP logged about the plugin in {ERROR_LOG}:\n{}",
            ours.join("\n")
        )
        .into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_npm_pack_json() {
        let json = "[\n  {\n    \"id\": \"@wp-playground/wordpress-builds@0.9.19\",\n    \
                    \"integrity\": \"sha512-abc+/==\",\n    \"filename\": \"x-0.9.19.tgz\",\n    \
                    \"files\": []\n  }\n]\n";
        assert_eq!(
            json_string(json, "integrity").as_deref(),
            Some("sha512-abc+/==")
        );
        assert_eq!(
            json_string(json, "filename").as_deref(),
            Some("x-0.9.19.tgz")
        );
        assert_eq!(json_string(json, "missing"), None);
        let setup = r#"{"version":"6.5.5","posts":{"editor":"http:\/\/127.0.0.1:8090\/"}}"#;
        assert_eq!(json_string(setup, "version").as_deref(), Some("6.5.5"));
    }

    #[test]
    fn sites_have_their_own_port_database_and_directory() {
        for (i, a) in SITES.iter().enumerate() {
            for b in &SITES[i + 1..] {
                assert_ne!(a.port, b.port);
                assert_ne!(a.db, b.db);
                assert_ne!(a.docroot(), b.docroot());
            }
            assert!(a.vhost().contains(&format!("Listen 127.0.0.1:{}", a.port)));
        }
    }
}
