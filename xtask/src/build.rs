//! `cargo xtask build`: the release wasm, shrunk with binaryen's `wasm-opt -Oz`, and the site in
//! `target/site` that `serve`, `size` and the browser tests use.

use std::fs;
use std::path::Path;

use crate::cmd;
use crate::project::Project;
use crate::setup::{self, WasmRust};
use crate::DynError;

/// The wasm features the module uses (Rust's default wasm32 features, which wasm-bindgen keeps);
/// wasm-opt must be told, or it rejects or mangles the instructions that need them.
const WASM_OPT_FEATURES: [&str; 7] = [
    "--enable-bulk-memory",
    "--enable-bulk-memory-opt",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// Sizes of the page's wasm module before and after wasm-opt, in bytes.
pub struct WasmSizes {
    pub before: u64,
    pub after: u64,
}

/// Sets the tools up, then builds.
pub fn run(project: &Project) -> Result<WasmSizes, DynError> {
    let wasm = setup::build_tools(project)?;
    build(project, wasm)
}

/// Builds with tools already set up:
/// 1. the page's module (no `api` feature) into `www/pkg`, so `www/` also works unbundled;
/// 2. the JS API module (default features, with `solve`) into `target/site/api`;
/// 3. the site in `target/site`: `index.html`, the element bundled with its glue and minified
///    into one `posture-chain.js`, and the page's wasm in `pkg/` (the element finds it there,
///    relative to its own URL, in both layouts), and the iframe page `embed.html` (embed.rs).
pub fn build(project: &Project, wasm: WasmRust) -> Result<WasmSizes, DynError> {
    let site = project.site();
    if site.exists() {
        fs::remove_dir_all(&site).map_err(|e| format!("cannot clear {}: {e}", site.display()))?;
    }
    let sizes = wasm_build(project, wasm, &project.pkg(), &["--no-default-features"])?;
    let api = wasm_build(project, wasm, &site.join("api"), &[])?;
    println!(
        "build: the JS API module (with solve) is {} bytes after wasm-opt",
        api.after
    );

    fs::create_dir_all(site.join("pkg"))?;
    fs::copy(project.wasm_module(), site.join("pkg").join(WASM_FILE))?;
    for entry in fs::read_dir(project.www())? {
        let path = entry?.path();
        let name = path.file_name().unwrap_or_default();
        let is_script = path.extension().is_some_and(|e| e == "js" || e == "mjs");
        if path.is_file() && !is_script && name != POSTER_CSS {
            fs::copy(&path, site.join(name))?;
        }
    }
    // The string tables the element fetches when a reader's language is not English (i18n.js).
    copy_dir(&project.www().join("locales"), &site.join("locales"))?;
    let esbuild = project.node_modules().join(".bin").join("esbuild");
    if !esbuild.exists() {
        return Err(missing_npm_tool(project, &esbuild));
    }
    let modules = bundle_element(project, &esbuild, &site)?;
    println!(
        "build: the element's first load is {}; loaded on first use: {}",
        modules.first_load.join(", "),
        if modules.lazy.is_empty() {
            "nothing".to_string()
        } else {
            modules.lazy.join(", ")
        }
    );
    preload_chunks(&site, &modules)?;
    // The iframe page: the element and the wasm inlined (not loaded by the demo page).
    let embed = crate::embed::write_page(project, &site)?;
    println!(
        "build: {} is {embed} bytes, self-contained",
        crate::embed::EMBED_PAGE
    );
    let poster = write_posters(project, &site)?;
    // Its styles as a file too, for pages that take the poster as an <img> (the kit's snippet,
    // the WordPress plugin): a stylesheet of the host's own origin, which a strict CSP allows.
    let css = fs::read_to_string(project.www().join(POSTER_CSS))?;
    fs::write(site.join(POSTER_CSS), strip_css_comments(&css) + "\n")?;
    for page in ["index.html", crate::embed::EMBED_PAGE] {
        inline_poster(project, &site.join(page), &poster)?;
    }
    println!(
        "build: the posters ({POSTER_FILE} and {PHONE_POSTER_FILE}, {} bytes) inlined in index.html and {}",
        poster.len(),
        crate::embed::EMBED_PAGE
    );
    println!(
        "build: site in {} (serve it with `cargo xtask serve`)",
        site.strip_prefix(project.root()).unwrap_or(&site).display()
    );
    Ok(sizes)
}

/// The element's script, in `www/` and at the site's root.
pub const ELEMENT_FILE: &str = "posture-chain.js";
/// How the chunks esbuild splits out of the lazily loaded modules begin (then a content hash).
pub const CHUNK_PREFIX: &str = "chunk-";

/// The element's modules in the built site, by file name (all at its root), found from the
/// built entry's imports: what a page that loads the element downloads at once, and what it
/// fetches only when a feature is first used.
pub struct Modules {
    /// The entry first, then the chunks it imports statically (transitively).
    pub first_load: Vec<String>,
    /// The modules it imports dynamically, and their static imports not already loaded.
    pub lazy: Vec<String>,
}

impl Modules {
    /// Every file, the first load's first.
    pub fn all(&self) -> impl Iterator<Item = &String> {
        self.first_load.iter().chain(&self.lazy)
    }
}

/// The modules whose state the page holds once (the element, its registration and wasm source,
/// the page's wasm glue and its canvas strings): a lazily loaded module must reach them through
/// the element it is given, never by importing them, which would copy them (the build fails).
const PAGE_STATE_MODULES: [&str; 3] = ["www/posture-chain.js", "www/element-props.js", "www/pkg/"];

/// Bundles the element into `site`, in two esbuild runs, and returns its modules:
/// 1. the entry, minified into one `posture-chain.js`, every module it imports statically inside
///    and every module that any file of `www/` imports with a literal `import('./x.js')` left out
///    (external), so the first load is one file;
/// 2. those lazily loaded modules, each its own `x.js`, split (`--splitting`): code they share
///    with each other in `chunk-<hash>.js`; modules they share with the entry are copied into
///    them. Splitting the entry as well would put that shared code in a chunk the entry imports:
///    measured 2026-12-03 with bands.js lazy, the first load then saved 31 gzip bytes (the two
///    files compress apart), against 771 for this.
fn bundle_element(project: &Project, esbuild: &Path, site: &Path) -> Result<Modules, DynError> {
    let scratch = project.target().join("xtask");
    fs::create_dir_all(&scratch)?;
    let lazy = lazy_sources(&project.www())?;
    let external: Vec<String> = lazy.iter().map(|n| format!("--external:./{n}")).collect();
    let common = ["--bundle", "--minify", "--format=esm", "--target=es2020"];
    let entry_meta = scratch.join("element.meta.json");
    cmd::run(
        project
            .command(esbuild)
            .arg(project.www().join(ELEMENT_FILE))
            .args(common)
            .args(&external)
            .arg("--log-level=warning")
            .arg(format!("--metafile={}", entry_meta.display()))
            .arg(format!("--outfile={}", site.join(ELEMENT_FILE).display())),
    )?;
    minify_template(project, &site.join(ELEMENT_FILE))?;
    if !lazy.is_empty() {
        let lazy_meta = scratch.join("lazy.meta.json");
        cmd::run(
            project
                .command(esbuild)
                .args(lazy.iter().map(|n| project.www().join(n)))
                .args(common)
                .arg("--splitting")
                .args([
                    "--entry-names=[name]",
                    &format!("--chunk-names={CHUNK_PREFIX}[hash]"),
                ])
                .args(&external)
                .arg("--log-level=warning")
                .arg(format!("--metafile={}", lazy_meta.display()))
                .arg(format!("--outdir={}", site.display())),
        )?;
        let first = metafile_inputs(&fs::read_to_string(&entry_meta)?);
        let copied: Vec<String> = metafile_inputs(&fs::read_to_string(&lazy_meta)?)
            .into_iter()
            .filter(|i| first.contains(i))
            .collect();
        if let Some(bad) = copied
            .iter()
            .find(|i| PAGE_STATE_MODULES.iter().any(|m| i.starts_with(m)))
        {
            return Err(format!(
                "a lazily loaded module ({}) imports {bad}, whose state the page holds once: \
                 reach it through the element instead",
                lazy.join(", ")
            )
            .into());
        }
        if !copied.is_empty() {
            println!(
                "build: copied into the lazily loaded modules (stateless, also in the entry): {}",
                copied.join(", ")
            );
        }
    }
    element_modules(site)
}

/// Minifies the shadow root's styles and markup in the bundle `out` (see `minify.rs`).
pub fn minify_template(project: &Project, out: &Path) -> Result<(), DynError> {
    let template = fs::read_to_string(project.www().join(crate::minify::TEMPLATE_FILE))?;
    crate::minify::minify_template_literals(out, &template)?;
    Ok(())
}

/// The modules of `www/` that some file there imports with a literal `import('./x.js')`, sorted.
fn lazy_sources(www: &Path) -> Result<Vec<String>, DynError> {
    let mut out = Vec::new();
    for entry in fs::read_dir(www)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "js") {
            for name in dynamic_imports(&fs::read_to_string(&path)?) {
                if !www.join(&name).is_file() {
                    return Err(format!(
                        "{} imports ./{name}, which is not in www/",
                        path.display()
                    )
                    .into());
                }
                if !out.contains(&name) {
                    out.push(name);
                }
            }
        }
    }
    out.sort();
    Ok(out)
}

/// The source files an esbuild metafile lists as inputs (the keys of its `inputs` object,
/// written by esbuild one per line at four spaces' indent).
fn metafile_inputs(json: &str) -> Vec<String> {
    json.lines()
        .skip_while(|l| l.trim() != "\"inputs\": {")
        .skip(1)
        .take_while(|l| !l.starts_with("  }"))
        .filter_map(|l| l.strip_prefix("    \"")?.strip_suffix("\": {"))
        .map(String::from)
        .collect()
}

/// Reads the built entry's import graph in `site` (see [`Modules`]).
pub fn element_modules(site: &Path) -> Result<Modules, DynError> {
    let read = |name: &str| {
        fs::read_to_string(site.join(name)).map_err(|e| {
            format!(
                "cannot read {name} in {} ({e}); run `cargo xtask build`",
                site.display()
            )
        })
    };
    let mut first_load = vec![ELEMENT_FILE.to_string()];
    let mut dynamic = Vec::new();
    let mut i = 0;
    while i < first_load.len() {
        let text = read(&first_load[i])?;
        for name in static_imports(&text) {
            if !first_load.contains(&name) {
                first_load.push(name);
            }
        }
        dynamic.extend(dynamic_imports(&text));
        i += 1;
    }
    let mut lazy: Vec<String> = Vec::new();
    let mut i = 0;
    while i < dynamic.len() {
        let name = dynamic[i].clone();
        i += 1;
        if first_load.contains(&name) || lazy.contains(&name) {
            continue;
        }
        let text = read(&name)?;
        dynamic.extend(static_imports(&text));
        dynamic.extend(dynamic_imports(&text));
        lazy.push(name);
    }
    Ok(Modules { first_load, lazy })
}

/// A relative specifier of a module beside this one (`./x.js`), as its file name.
fn sibling(spec: &str) -> Option<String> {
    let name = spec.strip_prefix("./")?;
    let ok = name.ends_with(".js") && !name.contains('/');
    ok.then(|| name.to_string())
}

/// The modules a minified esbuild module imports statically: its leading `import …"./x.js";`
/// statements (esbuild hoists them all to the top).
fn static_imports(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text.trim_start();
    while let Some(after) = rest.strip_prefix("import") {
        if !after.starts_with(['{', '*', '"', '\'', ' ']) {
            break; // `import(` or `import.meta`: code, not a statement
        }
        let end = after.find([';', '\n']).unwrap_or(after.len());
        let statement = &after[..end];
        let quote = statement.trim_end().chars().last().unwrap_or('"');
        let spec = statement
            .trim_end()
            .strip_suffix(quote)
            .and_then(|s| s.rsplit_once(quote))
            .map(|(_, spec)| spec);
        out.extend(spec.and_then(sibling));
        rest = after[end..].trim_start_matches([';', '\n']).trim_start();
    }
    out
}

/// The modules a built module imports with `import("./x.js")` (a literal specifier: esbuild
/// rewrites those to the split files; a computed one, such as the JS API's URL, is not its).
fn dynamic_imports(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for quote in ['"', '\''] {
        let open = format!("import({quote}./");
        let mut from = 0;
        while let Some(at) = text[from..].find(&open) {
            let start = from + at + "import(".len() + 1;
            let end = text[start..].find(quote).map_or(text.len(), |e| start + e);
            out.extend(sibling(&text[start..end]));
            from = end;
        }
    }
    out
}

/// The demo page's `<link rel="modulepreload">` of the entry gets one for each static chunk
/// after it, so the browser fetches them together rather than one after the other.
fn preload_chunks(site: &Path, modules: &Modules) -> Result<(), DynError> {
    let page = site.join("index.html");
    let html = fs::read_to_string(&page)?;
    let link = |name: &str| format!("<link rel=\"modulepreload\" href=\"./{name}\">");
    let entry = link(ELEMENT_FILE);
    if !html.contains(&entry) {
        return Err(format!("www/index.html lost its `{entry}`").into());
    }
    let mut links = entry.clone();
    for chunk in &modules.first_load[1..] {
        links.push('\n');
        links.push_str(&link(chunk));
    }
    fs::write(page, html.replacen(&entry, &links, 1))?;
    Ok(())
}
/// The poster, the starting posture's back view drawn by the scene code through the SVG backend
/// (`examples/poster.rs`), as the site holds it (for `<img>` fallbacks: the kit, the plugin).
pub const POSTER_FILE: &str = "poster.svg";
/// The phone's poster (`svg::PHONE_POSTER_PX`: the back view as a phone shows it), beside it.
pub const PHONE_POSTER_FILE: &str = "poster-phone.svg";
/// The class that tells the phone's poster from the desktop's in the light DOM: `www/poster.css`
/// and the element's styles (`template.js`) show one of them by the element's width.
pub const PHONE_POSTER_CLASS: &str = "phone";
/// Where a page of `www/` takes the poster (inside its `<posture-chain>`, in the light DOM) and
/// the styles that put it where the element will show it (`www/poster.css`, in its `<style>`).
pub const POSTER_MARK: &str = "<!-- posture-chain:poster -->";
const POSTER_CSS_MARK: &str = "/* posture-chain:poster.css */";
/// The poster's place before the element is defined (`www/poster.css`), also a file in the site.
pub const POSTER_CSS: &str = "poster.css";

/// Draws the desktop's and the phone's posters into `site` (`cargo run --example poster`) and
/// returns what the pages inline: both, the phone's marked with [`PHONE_POSTER_CLASS`].
fn write_posters(project: &Project, site: &Path) -> Result<String, DynError> {
    for (file, fit) in [(POSTER_FILE, None), (PHONE_POSTER_FILE, Some("phone"))] {
        let file = site.join(file);
        let mut command = project.command("cargo");
        command
            .args(["run", "--quiet", "--example", "poster", "--"])
            .arg(&file)
            .args(fit);
        cmd::run(&mut command)?;
    }
    posters_in(site)
}

/// The posters of the folder `dir` (the site, or the kit) as a page inlines them: the desktop's,
/// then the phone's, marked with [`PHONE_POSTER_CLASS`].
pub fn posters_in(dir: &Path) -> Result<String, DynError> {
    let desktop = fs::read_to_string(dir.join(POSTER_FILE))?;
    let phone = fs::read_to_string(dir.join(PHONE_POSTER_FILE))?;
    let Some(phone) = phone.trim_end().strip_prefix("<svg ") else {
        return Err(format!("{PHONE_POSTER_FILE} does not start with <svg").into());
    };
    Ok(format!(
        "{}<svg class=\"{PHONE_POSTER_CLASS}\" {phone}",
        desktop.trim_end()
    ))
}

/// Puts the poster and its styles (their comments left out) in the built page `page` at its
/// marks, each of which it must hold once: the poster paints with the page's first bytes,
/// before any script (so it is a real `<svg>` in the HTML, not a file to fetch).
pub fn inline_poster(project: &Project, page: &Path, poster: &str) -> Result<(), DynError> {
    let html = fs::read_to_string(page)?;
    let name = page.file_name().unwrap_or_default().to_string_lossy();
    for mark in [POSTER_MARK, POSTER_CSS_MARK] {
        if html.matches(mark).count() != 1 {
            return Err(format!("{name} must hold `{mark}` exactly once").into());
        }
    }
    let css = fs::read_to_string(project.www().join(POSTER_CSS))?;
    let html = html
        .replacen(POSTER_CSS_MARK, &strip_css_comments(&css), 1)
        // HTML's parser puts an <svg> in the SVG namespace by itself.
        .replacen(
            POSTER_MARK,
            &poster.replace(" xmlns=\"http://www.w3.org/2000/svg\"", ""),
            1,
        );
    fs::write(page, html)?;
    Ok(())
}

/// CSS without its `/* */` comments and blank lines.
fn strip_css_comments(css: &str) -> String {
    let mut out = String::new();
    let mut rest = css;
    while let Some(at) = rest.find("/*") {
        out.push_str(&rest[..at]);
        rest = rest[at..]
            .find("*/")
            .map_or("", |end| &rest[at + end + 2..]);
    }
    out.push_str(rest);
    let lines: Vec<&str> = out.lines().filter(|l| !l.trim().is_empty()).collect();
    lines.join("\n")
}

/// The wasm module's file name, as wasm-bindgen writes it and the element asks for it.
pub const WASM_FILE: &str = "posture_chain_bg.wasm";

/// Copies the files of `from` (not its folders) into `to`.
fn copy_dir(from: &std::path::Path, to: &std::path::Path) -> Result<(), DynError> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let path = entry?.path();
        if path.is_file() {
            fs::copy(&path, to.join(path.file_name().unwrap_or_default()))?;
        }
    }
    Ok(())
}

fn missing_npm_tool(project: &Project, tool: &std::path::Path) -> DynError {
    format!(
        "{} is missing; run `npm ci` in {}",
        tool.display(),
        project.root().display()
    )
    .into()
}

/// The wasm32 build of the library into `out_dir` (`cargo build --release` with extra cargo
/// arguments, then `wasm-bindgen --target web`), then `wasm-opt -Oz` in place. This is what
/// `wasm-pack build --target web` does, without compiling wasm-pack on a fresh machine (six of
/// the first run's minutes here).
fn wasm_build(
    project: &Project,
    wasm: WasmRust,
    out_dir: &std::path::Path,
    cargo_args: &[&str],
) -> Result<WasmSizes, DynError> {
    cmd::run(
        wasm.cargo(project)
            .args(["build", "-p", "posture-chain", "--lib", "--release"])
            .args(["--target", crate::setup::WASM_TARGET])
            .args(cargo_args),
    )?;
    let built = project
        .target()
        .join(crate::setup::WASM_TARGET)
        .join("release")
        .join("posture_chain.wasm");
    fs::create_dir_all(out_dir)?;
    cmd::run(
        project
            .command("wasm-bindgen")
            .args(["--target", "web", "--no-typescript", "--out-dir"])
            .arg(out_dir)
            .arg(&built),
    )?;

    let module = out_dir.join(WASM_FILE);
    let before = fs::metadata(&module)
        .map_err(|e| format!("wasm-bindgen did not write {}: {e}", module.display()))?
        .len();
    // binaryen from node_modules, never Debian's binaryen 108, whose output Chromium rejects.
    let wasm_opt = project.node_modules().join(".bin").join("wasm-opt");
    if !wasm_opt.exists() {
        return Err(missing_npm_tool(project, &wasm_opt));
    }
    let optimised = module.with_extension("opt.wasm");
    cmd::run(
        project
            .command(&wasm_opt)
            // Twice over, the optimised code flattened and its control flow rebuilt
            // (`--flatten --rereloop`), then -Oz again: binaryen then finds shapes that -Oz alone
            // leaves, about 450 gzip bytes of the page's wasm (measured 2026-12-02,
            // 41 486 -> 41 040; once: 41 105), for 6 s more of wasm-opt.
            .args([
                "-Oz",
                "--flatten",
                "--rereloop",
                "-Oz",
                "--flatten",
                "--rereloop",
                "-Oz",
            ])
            // Repeat the passes until they stop shrinking, and let them use the first 1 KB of
            // memory for constants (Rust's data starts at 1 MB, and its stack never reaches the
            // bottom): together about 250 gzip bytes (measured 2026-12-02, 42 133 -> 41 889).
            .args(["--converge", "--low-memory-unused"])
            .args(WASM_OPT_FEATURES)
            // The target-features section only tells tools which features the code uses (the
            // flags above say so to wasm-opt); browsers ignore it: 130 gzip bytes.
            .args([
                "--strip-debug",
                "--strip-producers",
                "--strip-target-features",
            ])
            .arg(&module)
            .arg("-o")
            .arg(&optimised),
    )?;
    fs::rename(&optimised, &module)?;
    let after = fs::metadata(&module)?.len();
    let saved = 100.0 * (1.0 - after as f64 / before.max(1) as f64);
    println!(
        "build: {}: {before} bytes before wasm-opt, {after} bytes after ({saved:.0}% smaller)",
        module
            .strip_prefix(project.root())
            .unwrap_or(&module)
            .display()
    );
    Ok(WasmSizes { before, after })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn static_imports_are_the_leading_statements() {
        let js = "import{a as b,c}from\"./chunk-AB12.js\";import\"./side.js\";\
                  import*as m from'./m.js';import.meta.url;import\"./not-a-statement.js\";";
        assert_eq!(
            static_imports(js),
            ["chunk-AB12.js", "side.js", "m.js"].map(String::from)
        );
        assert!(static_imports("var x=1;import\"./late.js\";").is_empty());
        assert!(static_imports("import{x}from\"https://cdn.example/x.js\";").is_empty());
    }

    #[test]
    fn dynamic_imports_are_literal_siblings_only() {
        let js = "a.onclick=()=>import(\"./bands.js\").then(m=>m.x());import(u);\
                  import('./export.js');import(\"../up.js\")";
        assert_eq!(
            dynamic_imports(js),
            ["bands.js", "export.js"].map(String::from)
        );
    }

    #[test]
    fn poster_styles_lose_their_comments() {
        assert_eq!(
            strip_css_comments("/* a\nb */\nx { y: 1; } /* c */\n\nz { }\n"),
            "x { y: 1; } \nz { }"
        );
    }

    #[test]
    fn metafile_inputs_are_the_inputs_keys() {
        let json = "{\n  \"inputs\": {\n    \"www/a.js\": {\n      \"bytes\": 1,\n      \"imports\": [\n        {\n          \"path\": \"www/b.js\"\n        }\n      ]\n    },\n    \"www/b.js\": {\n      \"bytes\": 2\n    }\n  },\n  \"outputs\": {\n    \"out.js\": {\n    }\n  }\n}\n";
        assert_eq!(metafile_inputs(json), ["www/a.js", "www/b.js"]);
    }
}
