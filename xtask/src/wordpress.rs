//! A real WordPress for the `wordpress` stage of `cargo xtask test`: Debian's `wordpress` package
//! (6.1 on Debian 12) with MariaDB and Apache on 127.0.0.1 (the recipe in toolchain.md), the
//! plugin installed from the zip `cargo xtask dist` wrote, and three posts published by
//! `tests/wordpress/setup.php`, which `tests/wordpress/*.test.mjs` then open in Chromium.
//!
//! Idempotent: each step is checked first (services answering, the database there, config files
//! as written), so a second run reuses the packages, the database and the site, and only
//! reinstalls the plugin and republishes the posts.

use std::fs;
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::cmd::{self, probe};
use crate::project::Project;
use crate::DynError;

/// The port Apache serves the test WordPress on, on 127.0.0.1 only.
pub const PORT: u16 = 8089;
const DOCROOT: &str = "/usr/share/wordpress";
const CONTENT: &str = "/var/lib/wordpress/wp-content";
const SITE_NAME: &str = "posture-chain-wp";
const DB: &str = "posture_chain_wp";
const DB_USER: &str = "posture_chain_wp";
const DB_PASSWORD: &str = "posture_chain_wp";

/// The site's address, e.g. `http://127.0.0.1:8089`.
pub fn url() -> String {
    format!("http://127.0.0.1:{PORT}")
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

/// MariaDB running, with the site's database and user.
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
    cmd::run(project.command("mysql").arg("-e").arg(format!(
        "CREATE DATABASE IF NOT EXISTS {DB}; CREATE USER IF NOT EXISTS '{DB_USER}'@'localhost' \
         IDENTIFIED BY '{DB_PASSWORD}'; GRANT ALL ON {DB}.* TO '{DB_USER}'@'localhost'"
    )))
}

/// Debian's wp-config.php reads /etc/wordpress/config-<host>.php (the host without its port).
fn wp_config() -> Result<(), DynError> {
    let config = format!(
        "<?php\n// Written by `cargo xtask test` (the wordpress stage) for the test site on \
         127.0.0.1:{PORT}.\ndefine('DB_NAME', '{DB}');\ndefine('DB_USER', '{DB_USER}');\n\
         define('DB_PASSWORD', '{DB_PASSWORD}');\ndefine('DB_HOST', 'localhost');\n\
         define('WP_CONTENT_DIR', '{CONTENT}');\ndefine('WP_HOME', '{url}');\n\
         define('WP_SITEURL', '{url}');\ndefine('FS_METHOD', 'direct');\n",
        url = url()
    );
    let changed = write_if_changed(Path::new("/etc/wordpress/config-127.0.0.1.php"), &config)?;
    say("config", if changed { "written" } else { "as before" });
    Ok(())
}

/// An Apache site on 127.0.0.1:PORT serving WordPress, enabled and running.
fn apache(project: &Project) -> Result<(), DynError> {
    let site = format!(
        "# Written by `cargo xtask test` (the wordpress stage).\nListen 127.0.0.1:{PORT}\n\
         <VirtualHost 127.0.0.1:{PORT}>\n  ServerName 127.0.0.1\n  DocumentRoot {DOCROOT}\n  \
         Alias /wp-content {CONTENT}\n  AddType application/wasm .wasm\n  <Directory \
         {DOCROOT}>\n    Options FollowSymLinks\n    AllowOverride Limit Options FileInfo\n    \
         Require all granted\n  </Directory>\n  <Directory {CONTENT}>\n    Options \
         FollowSymLinks\n    Require all granted\n  </Directory>\n</VirtualHost>\n"
    );
    let conf = PathBuf::from(format!("/etc/apache2/sites-available/{SITE_NAME}.conf"));
    let mut changed = write_if_changed(&conf, &site)?;
    if !Path::new(&format!("/etc/apache2/sites-enabled/{SITE_NAME}.conf")).exists() {
        cmd::run(project.command("a2ensite").arg("-q").arg(SITE_NAME))?;
        changed = true;
    }
    let running = probe(project.command("pgrep").args(["-x", "apache2"])).is_some();
    if !running {
        say("apache", "starting");
        cmd::run(project.command("apache2ctl").arg("start"))?;
    } else if changed || !answers(PORT) {
        say("apache", "reloading its configuration");
        cmd::run(project.command("apache2ctl").arg("graceful"))?;
    } else {
        say("apache", "running");
    }
    for _ in 0..50 {
        if answers(PORT) {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Err(
        format!("Apache does not answer on 127.0.0.1:{PORT}; see /var/log/apache2/error.log")
            .into(),
    )
}

/// Sets the site up (services, config, WordPress installed), installs the plugin from `zip` and
/// publishes the test posts; returns what setup.php printed: a JSON object of the posts' URLs.
pub fn prepare(project: &Project, zip: &Path) -> Result<String, DynError> {
    if !Path::new(DOCROOT).join("wp-load.php").exists() {
        return Err(format!(
            "{DOCROOT}/wp-load.php is missing: is Debian's wordpress package installed?"
        )
        .into());
    }
    database(project)?;
    wp_config()?;
    apache(project)?;
    let script = project
        .root()
        .join("tests")
        .join("wordpress")
        .join("setup.php");
    let output = project
        .command("php")
        .arg(&script)
        .arg(zip)
        .arg(url())
        .output()
        .map_err(|e| format!("could not run php {}: {e}", script.display()))?;
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() {
        return Err(format!("php {} failed:\n{stdout}\n{stderr}", script.display()).into());
    }
    for line in stdout.lines().filter(|l| !l.starts_with('{')) {
        say("setup.php", line);
    }
    let json = stdout
        .lines()
        .rev()
        .find(|l| l.starts_with('{'))
        .ok_or_else(|| format!("setup.php printed no posts:\n{stdout}\n{stderr}"))?;
    say("posts", json);
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
