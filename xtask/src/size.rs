//! `cargo xtask size`: raw and gzip bytes of every file the page can download from `www/`.

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

/// Builds, then lists every file under `www/` except source maps, biggest (gzipped) first.
pub fn run(project: &Project) -> Result<(), DynError> {
    build::run(project)?;
    let www = project.www();
    let mut files = Vec::new();
    collect_files(&www, &mut files)?;
    let mut entries = Vec::new();
    for file in files
        .into_iter()
        .filter(|f| f.extension().is_none_or(|e| e != "map"))
    {
        let bytes = fs::read(&file)?;
        entries.push(Entry {
            path: file
                .strip_prefix(&www)
                .unwrap_or(&file)
                .display()
                .to_string(),
            raw: bytes.len() as u64,
            gzip: gzip_len(&bytes)?,
        });
    }
    entries.sort_by(|a, b| b.gzip.cmp(&a.gzip).then_with(|| a.path.cmp(&b.path)));
    let (raw, gzip) = entries
        .iter()
        .fold((0, 0), |(r, g), e| (r + e.raw, g + e.gzip));
    println!("{:<40} {:>10} {:>10}", "www/", "raw B", "gzip B");
    for entry in &entries {
        println!("{:<40} {:>10} {:>10}", entry.path, entry.raw, entry.gzip);
    }
    println!("{:<40} {:>10} {:>10}", "total", raw, gzip);
    if let Some(top) = entries.first() {
        let share = 100.0 * top.gzip as f64 / gzip.max(1) as f64;
        println!(
            "size: {} dominates: {share:.0}% of the {gzip} gzip bytes",
            top.path
        );
    }
    Ok(())
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
