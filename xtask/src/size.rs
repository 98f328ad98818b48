//! `cargo xtask size`: raw and gzip bytes of every file the page downloads from the built site,
//! and apart from them the JS API module that only scripts load.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use flate2::write::GzEncoder;
use flate2::Compression;

use crate::build;
use crate::project::Project;
use crate::DynError;

/// One served file and its sizes in bytes.
struct Entry {
    path: String,
    raw: u64,
    gzip: u64,
}

/// What the page may download, gzipped, in bytes: 60 KB, counted strictly as 60,000.
const PAGE_BUDGET_GZIP: u64 = 60_000;

/// The site folder that only scripts calling `solve` load; the page never requests it.
const API_DIR: &str = "api";

/// The iframe page (self-contained: the element and the wasm inlined) and its host helper, which
/// only pages that embed the widget in an iframe load.
const EMBED_FILES: [&str; 2] = [crate::embed::EMBED_PAGE, crate::embed::RESIZE_HELPER];

/// Builds, then lists every file of the site except source maps, biggest (gzipped) first: the
/// page's files with their total, then the JS API module's.
pub fn run(project: &Project) -> Result<(), DynError> {
    build::run(project)?;
    let site = project.site();
    let mut files = Vec::new();
    collect_files(&site, &mut files)?;
    let mut page = Vec::new();
    let mut api = Vec::new();
    let mut embed = Vec::new();
    for file in files
        .into_iter()
        .filter(|f| f.extension().is_none_or(|e| e != "map"))
    {
        let bytes = fs::read(&file)?;
        let relative = file.strip_prefix(&site).unwrap_or(&file);
        let entry = Entry {
            path: relative.display().to_string(),
            raw: bytes.len() as u64,
            gzip: gzip_len(&bytes)?,
        };
        if relative.starts_with(API_DIR) {
            api.push(entry);
        } else if EMBED_FILES.iter().any(|f| relative == Path::new(f)) {
            embed.push(entry);
        } else {
            page.push(entry);
        }
    }
    println!(
        "{:<40} {:>10} {:>10}",
        "the page downloads", "raw B", "gzip B"
    );
    let (_, gzip) = table(&mut page);
    if let Some(top) = page.first() {
        let share = 100.0 * top.gzip as f64 / gzip.max(1) as f64;
        println!(
            "size: {} dominates: {share:.0}% of the page's {gzip} gzip bytes",
            top.path
        );
    }
    let verdict = if gzip <= PAGE_BUDGET_GZIP {
        "within"
    } else {
        "OVER"
    };
    println!(
        "size: the page is {:.1} KB gzipped, {verdict} its {} KB budget",
        gzip as f64 / 1000.0,
        PAGE_BUDGET_GZIP / 1000
    );
    println!();
    println!(
        "{:<40} {:>10} {:>10}",
        "JS API module (not loaded by the page)", "raw B", "gzip B"
    );
    table(&mut api);
    println!();
    println!(
        "{:<40} {:>10} {:>10}",
        "iframe page (not loaded by the page)", "raw B", "gzip B"
    );
    table(&mut embed);
    Ok(())
}

/// Prints the entries, biggest (gzipped) first, and their total; returns (raw, gzip).
fn table(entries: &mut [Entry]) -> (u64, u64) {
    entries.sort_by(|a, b| b.gzip.cmp(&a.gzip).then_with(|| a.path.cmp(&b.path)));
    let (raw, gzip) = entries
        .iter()
        .fold((0, 0), |(r, g), e| (r + e.raw, g + e.gzip));
    for entry in entries.iter() {
        println!("{:<40} {:>10} {:>10}", entry.path, entry.raw, entry.gzip);
    }
    println!("{:<40} {:>10} {:>10}", "total", raw, gzip);
    (raw, gzip)
}

fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), DynError> {
    for entry in fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))? {
        let path = entry?.path();
        if path.is_dir() {
            collect_files(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

/// Bytes after gzip at the highest level, as a server configured for size would send them.
fn gzip_len(bytes: &[u8]) -> Result<u64, DynError> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(bytes)?;
    Ok(encoder.finish()?.len() as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gzip_shrinks_repetitive_text() {
        let text = "posture ".repeat(1000);
        let gzip = gzip_len(text.as_bytes()).unwrap();
        assert!(gzip > 0 && gzip < 100, "{gzip}");
    }
}
