//! `cargo xtask size`: raw and gzip bytes of every file the page downloads at first from the built
//! site (the demo page, the element's entry and the chunks it imports statically, the page's
//! wasm), and apart from them the element's lazily loaded modules, the JS API module that only
//! scripts and lazy features load, and the site's other files, each against the committed figures
//! in `xtask/sizes.txt`; the suite's size stage fails when the first load is above budget.

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

/// What the page may download at first, gzipped, in bytes: everything but the posters,
/// [`REST_GZIP`], plus the posters' own bytes, [`POSTER_GZIP_ALLOWANCE`] (the size stage also
/// fails when the posters outgrow theirs). A ceiling that keeps the page from growing back, not
/// the goal: issue 14 asks for 40 KB.
pub const PAGE_BUDGET_GZIP: u64 = REST_GZIP + POSTER_GZIP_ALLOWANCE;

/// The first load without the posters, in bytes: the demo page's HTML around them, the
/// element's first-load JS and the page's wasm.
///
/// - 60,000 B in all until 2026-12-02, when issues 9, 12 and 13 landed together (the strategy
///   controls and the compare ghost, the themes, the English string table and its lookup: 65,318
///   bytes against 59,697 before), everything that waits for a click already split out: 66,000.
/// - Then 800 B more for what landed with the poster and runs before the first click: the
///   offscreen widgets' stopped frame loop, the redraw of only the views whose display list
///   changed (+324 B of wasm for its digest, about +190 B of JS), the state's modes and language
///   (+62 B), the page's `lang` followed and every word re-worded on a switch (+152 B): 66,800.
/// - Lowered to 63,800 later that day, when the element's first-load JS (-1,138 B: template.js's
///   styles and markup minified at build, the explain captions and two lazy parts' styles loaded
///   when first used) and the page's wasm (-2,104 B: the widget's solve without the input
///   warnings' formatting, wasm-opt's flatten passes, the canvas's font and alignment set from
///   JS) shrank: 63,446 B measured without the posters (67,565 with them), 354 B of margin.
pub const REST_GZIP: u64 = 63_800;

/// What the inlined poster may add to the demo page's gzipped HTML, in bytes (measured as the
/// page's gzip with it minus without it: 2,586 B on 2026-12-02, its numbers rounded to 0.5 px by
/// `svg::POSTER_STEP_PX`; it was 3,703 B as a file at 0.01 px). Without the poster the first
/// load measured 65,903 B then (the slot, the poster's styles and the table's fixed columns
/// in the element, 236 B; the styles and the sentence in the page, 349 B), within the 66,000.
///
/// Raised from 2,600 on 2026-12-02, later, for the phone's poster (issue 11: on a phone the desktop's
/// poster, scaled into the phone's view, changed 9 % of its pixels when the drawing replaced
/// it; the phone's own changes 1.1 %, `tests/e2e/poster.test.mjs`): the two posters measured
/// 4,119 B, their path data written in relative steps (`svg::PathData`: the one poster was
/// 2,392 B so, 2,608 before). The raise is 1,600 B, that and 81 B of margin.
pub const POSTER_GZIP_ALLOWANCE: u64 = 4_200;

/// One round trip of a new connection: ten TCP segments of 1,460 bytes (RFC 6928's initial
/// window). The poster and the element's reserved box (its styles, in the head) must come in it.
pub const FIRST_ROUND_TRIP_BYTES: u64 = 14_600;

/// The demo page and the page's wasm; with the element's first-load modules (its entry and the
/// chunks that imports statically, found from the built files, `build::element_modules`), what
/// the demo page downloads. Every other file of the site is listed apart.
const PAGE_FILES: [&str; 2] = ["index.html", "pkg/posture_chain_bg.wasm"];

/// The site folder that only scripts calling `solve` load; the page never requests it.
const API_DIR: &str = "api";

/// The committed figures `cargo xtask size` compares against (`--record` rewrites them).
const RECORD: &str = "xtask/sizes.txt";

/// The built site's files, measured: the page's, the element's lazily loaded modules, the JS
/// API module's, and the rest.
struct Measured {
    page: Vec<Entry>,
    lazy: Vec<Entry>,
    api: Vec<Entry>,
    other: Vec<Entry>,
}

impl Measured {
    fn page_gzip(&self) -> u64 {
        self.page.iter().map(|e| e.gzip).sum()
    }
}

fn measure(project: &Project) -> Result<Measured, DynError> {
    let site = project.site();
    let modules = build::element_modules(&site)?;
    let mut files = Vec::new();
    collect_files(&site, &mut files)?;
    let mut m = Measured {
        page: Vec::new(),
        lazy: Vec::new(),
        api: Vec::new(),
        other: Vec::new(),
    };
    for file in files
        .into_iter()
        .filter(|f| f.extension().is_none_or(|e| e != "map"))
    {
        let bytes = fs::read(&file)?;
        let relative = file.strip_prefix(&site).unwrap_or(&file);
        let path = relative.display().to_string().replace('\\', "/");
        let entry = Entry {
            raw: bytes.len() as u64,
            gzip: gzip_len(&bytes)?,
            path,
        };
        if PAGE_FILES.contains(&entry.path.as_str()) || modules.first_load.contains(&entry.path) {
            m.page.push(entry);
        } else if modules.lazy.contains(&entry.path) {
            m.lazy.push(entry);
        } else if relative.starts_with(API_DIR) {
            m.api.push(entry);
        } else {
            m.other.push(entry);
        }
    }
    if m.page.len() != PAGE_FILES.len() + modules.first_load.len() {
        return Err(format!(
            "the site in {} lacks some of the page's files ({}, {}); run `cargo xtask build`",
            site.display(),
            PAGE_FILES.join(", "),
            modules.first_load.join(", ")
        )
        .into());
    }
    Ok(m)
}

/// The name a file is recorded under: its path, except that esbuild's shared chunks, whose
/// names change with their content (`chunk-<hash>.js`), are recorded as one sum per group.
fn record_key(path: &str, group: &str) -> String {
    if path.starts_with(build::CHUNK_PREFIX) && path.ends_with(".js") {
        format!("{}*.js({group})", build::CHUNK_PREFIX)
    } else {
        path.to_string()
    }
}

/// The committed gzip figure of each file, if the record exists.
fn recorded(project: &Project) -> Vec<(String, u64)> {
    fs::read_to_string(project.root().join(RECORD))
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let (path, gzip) = l.rsplit_once(char::is_whitespace)?;
            Some((path.trim().to_string(), gzip.parse().ok()?))
        })
        .collect()
}

/// `cargo xtask size [--record]`: builds, then lists every file of the site except source maps,
/// biggest (gzipped) first, each against the committed figure; `--record` commits the new ones.
pub fn run(project: &Project, args: &[String]) -> Result<(), DynError> {
    let record = match args {
        [] => false,
        [a] if a == "--record" => true,
        other => {
            return Err(format!(
                "`cargo xtask size` takes only --record (got: {})",
                other.join(" ")
            )
            .into())
        }
    };
    build::run(project)?;
    let mut m = measure(project)?;
    let before = recorded(project);
    report(&mut m, &before);
    for problem in report_poster(&project.site())? {
        println!("size: {problem}");
    }
    if record {
        let mut text = String::from(
            "# gzip bytes of the built site's files, written by `cargo xtask size --record`;\n\
             # `cargo xtask size` and the suite's size stage print what grew against these.\n\
             # chunk-*.js(group): the sum of esbuild's shared chunks (hashed names) in that group.\n",
        );
        for (group, entries) in m.groups() {
            for (key, _, gzip, _) in rows(entries, group) {
                text.push_str(&format!("{key} {gzip}\n"));
            }
        }
        fs::write(project.root().join(RECORD), text)?;
        println!("size: recorded in {RECORD}");
    }
    Ok(())
}

/// The suite's stage: the site as built, over budget or not; returns the verdict's line.
pub fn check(project: &Project) -> Result<String, DynError> {
    let mut m = measure(project)?;
    let before = recorded(project);
    report(&mut m, &before);
    let poster = report_poster(&project.site())?;
    if !poster.is_empty() {
        return Err(poster.join("; ").into());
    }
    let gzip = m.page_gzip();
    let line = format!(
        "page {:.1} KB gzipped of its {:.1} KB budget",
        gzip as f64 / 1000.0,
        PAGE_BUDGET_GZIP as f64 / 1000.0
    );
    if gzip > PAGE_BUDGET_GZIP {
        return Err(format!("{line}: over budget by {} bytes", gzip - PAGE_BUDGET_GZIP).into());
    }
    Ok(line)
}

impl Measured {
    /// The groups, each with the short name its chunks are recorded under.
    fn groups(&mut self) -> [(&'static str, &mut Vec<Entry>); 4] {
        [
            ("first load", &mut self.page),
            ("lazy", &mut self.lazy),
            ("api", &mut self.api),
            ("other", &mut self.other),
        ]
    }
}

fn report(m: &mut Measured, before: &[(String, u64)]) {
    println!(
        "{:<44} {:>10} {:>10} {:>10}",
        "the page downloads (first load)", "raw B", "gzip B", "vs record"
    );
    let (_, gzip) = table(&mut m.page, "first load", before);
    if let Some(top) = m.page.first() {
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
        "size: the page is {:.1} KB gzipped, {verdict} its {} B budget ({REST_GZIP} + the posters' \
         {POSTER_GZIP_ALLOWANCE}; {} B left)",
        gzip as f64 / 1000.0,
        PAGE_BUDGET_GZIP,
        PAGE_BUDGET_GZIP as i64 - gzip as i64
    );
    for (title, group, entries) in [
        (
            "the element's lazy modules (on first use)",
            "lazy",
            &mut m.lazy,
        ),
        ("JS API module (not loaded by the page)", "api", &mut m.api),
        (
            "other files (not loaded by the demo page)",
            "other",
            &mut m.other,
        ),
    ] {
        if !entries.is_empty() {
            println!();
            println!(
                "{title:<44} {:>10} {:>10} {:>10}",
                "raw B", "gzip B", "vs record"
            );
            table(entries, group, before);
        }
    }
}

/// The entries as rows by record key, biggest (gzipped) first: (key, raw, gzip, the files in it
/// when it is a sum of chunks). Sorts the entries the same way.
fn rows(entries: &mut [Entry], group: &str) -> Vec<(String, u64, u64, Vec<String>)> {
    entries.sort_by(|a, b| b.gzip.cmp(&a.gzip).then_with(|| a.path.cmp(&b.path)));
    let mut out: Vec<(String, u64, u64, Vec<String>)> = Vec::new();
    for e in entries.iter() {
        let key = record_key(&e.path, group);
        let member = if key == e.path {
            Vec::new()
        } else {
            vec![format!("{} {} {}", e.path, e.raw, e.gzip)]
        };
        match out.iter_mut().find(|r| r.0 == key) {
            Some(row) => {
                row.1 += e.raw;
                row.2 += e.gzip;
                row.3.extend(member);
            }
            None => out.push((key, e.raw, e.gzip, member)),
        }
    }
    out.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.0.cmp(&b.0)));
    out
}

/// Prints the entries, biggest (gzipped) first, each with its change against the record (the
/// shared chunks as one row with its files below), and their total; returns (raw, gzip).
fn table(entries: &mut [Entry], group: &str, before: &[(String, u64)]) -> (u64, u64) {
    let rows = rows(entries, group);
    let (raw, gzip) = rows.iter().fold((0, 0), |(r, g), e| (r + e.1, g + e.2));
    let change = |now: u64, was: Option<u64>| match was {
        Some(was) if was == now => "=".to_string(),
        Some(was) => format!("{:+}", now as i64 - was as i64),
        None => "new".to_string(),
    };
    let mut total_was = Some(0);
    for (key, raw, gzip, members) in &rows {
        let was = before.iter().find(|(p, _)| p == key).map(|(_, g)| *g);
        total_was = total_was.zip(was).map(|(t, w)| t + w);
        println!(
            "{:<44} {:>10} {:>10} {:>10}",
            key,
            raw,
            gzip,
            change(*gzip, was)
        );
        for member in members {
            let mut parts = member.split(' ');
            let (name, raw, gzip) = (
                parts.next().unwrap_or(""),
                parts.next().unwrap_or(""),
                parts.next().unwrap_or(""),
            );
            println!("{:<44} {raw:>10} {gzip:>10}", format!("  {name}"));
        }
    }
    println!(
        "{:<44} {:>10} {:>10} {:>10}",
        "total",
        raw,
        gzip,
        change(gzip, total_was)
    );
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

/// Where a built page's posters are (the desktop's and the phone's, one after the other): the
/// byte range from the first `<svg` inside its first `<posture-chain` to the last `</svg>` in
/// it, if it has one.
fn poster_range(html: &str) -> Option<std::ops::Range<usize>> {
    let element = html.find("<posture-chain")?;
    let closes = element + html[element..].find("</posture-chain>")?;
    let inside = &html[element..closes];
    let start = element + inside.find("<svg")?;
    let end = element + inside.rfind("</svg>")? + "</svg>".len();
    (start < end).then_some(start..end)
}

/// A page's poster, measured: its bytes in the gzipped page (the page with it minus without it)
/// and the gzipped bytes of the page up to the poster's end (all the head's styles, the
/// element's reserved box among them, before it).
struct PosterFigures {
    page: String,
    in_page_gzip: u64,
    prefix_gzip: u64,
}

fn poster_figures(site: &Path, page: &str) -> Result<Option<PosterFigures>, DynError> {
    let html = fs::read_to_string(site.join(page))?;
    let Some(range) = poster_range(&html) else {
        return Ok(None);
    };
    let without = format!("{}{}", &html[..range.start], &html[range.end..]);
    let whole = gzip_len(html.as_bytes())?;
    Ok(Some(PosterFigures {
        page: page.to_string(),
        in_page_gzip: whole.saturating_sub(gzip_len(without.as_bytes())?),
        prefix_gzip: gzip_len(&html.as_bytes()[..range.end])?,
    }))
}

/// The pages that inline the poster: the demo page and the iframe page.
const POSTER_PAGES: [&str; 2] = ["index.html", "embed.html"];

/// Prints where each page's poster ends in its gzipped bytes against the first round trip, and
/// what it costs; returns the problems (no poster, past the round trip, over its allowance).
fn report_poster(site: &Path) -> Result<Vec<String>, DynError> {
    let mut problems = Vec::new();
    for page in POSTER_PAGES {
        let Some(f) = poster_figures(site, page)? else {
            problems.push(format!("{page} has no poster in its <posture-chain>"));
            continue;
        };
        let within = f.prefix_gzip <= FIRST_ROUND_TRIP_BYTES;
        println!(
            "size: first 14.6 KB: {} up to the end of its poster (and the element's reserved box, \
             styled in its head) is {} B gzipped, {} the first round trip's {} B; the poster is {} B of it",
            f.page,
            f.prefix_gzip,
            if within { "within" } else { "OVER" },
            FIRST_ROUND_TRIP_BYTES,
            f.in_page_gzip
        );
        if !within {
            problems.push(format!(
                "{}'s poster ends at {} gzipped bytes, past the first round trip ({FIRST_ROUND_TRIP_BYTES})",
                f.page, f.prefix_gzip
            ));
        }
        if page == "index.html" && f.in_page_gzip > POSTER_GZIP_ALLOWANCE {
            problems.push(format!(
                "the demo page's poster is {} gzipped bytes, over its allowance of {POSTER_GZIP_ALLOWANCE}",
                f.in_page_gzip
            ));
        }
    }
    Ok(problems)
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

    #[test]
    fn the_posters_are_the_svgs_inside_the_first_element() {
        let html = "<svg>icon</svg><posture-chain a><svg>P</svg><p>x</p></posture-chain>";
        assert_eq!(&html[poster_range(html).unwrap()], "<svg>P</svg>");
        let both =
            "<posture-chain><svg>P</svg><svg class=phone>Q</svg><p>x</p></posture-chain><svg>";
        assert_eq!(
            &both[poster_range(both).unwrap()],
            "<svg>P</svg><svg class=phone>Q</svg>"
        );
        assert_eq!(
            poster_range("<posture-chain></posture-chain><svg></svg>"),
            None
        );
        assert_eq!(poster_range("<p>no element</p>"), None);
    }

    #[test]
    fn hashed_chunks_are_recorded_as_one_sum_per_group() {
        let e = |path: &str, gzip| Entry {
            path: path.into(),
            raw: 2 * gzip,
            gzip,
        };
        let mut entries = vec![
            e("posture-chain.js", 900),
            e("chunk-AAAA.js", 300),
            e("chunk-BBBB.js", 700),
        ];
        let rows = rows(&mut entries, "first load");
        let keys: Vec<_> = rows.iter().map(|r| (r.0.as_str(), r.2)).collect();
        assert_eq!(
            keys,
            [("chunk-*.js(first load)", 1000), ("posture-chain.js", 900)]
        );
        assert_eq!(rows[0].3.len(), 2);
    }
}
