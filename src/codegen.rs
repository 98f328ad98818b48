//! The tables the JavaScript side needs, rendered from their one definition in Rust: the
//! read-outs ([`Measure`]), the inputs ([`Input`]), the cascade steps ([`CascadeStep`]) and the
//! load scale's colours. `cargo xtask codegen` writes [`js_tables`] to [`JS_PATH`] and refreshes the
//! model card's generated sections; with `--check` it fails when either is stale.
//!
//! Pure: text out. Numbers are written as Rust prints them, which JavaScript reads back exactly.

use std::fmt::Write;

use crate::model::{CascadeStep, Input, Level, Measure, Scenario, Strategy, MOTIONS};
use crate::scene::{Colour, DEFAULT_BRAND_CSS, LIGHT, LOAD_CSS, LOAD_STEP_UPPER, THEMES};

/// Where the generated JS module lives, from the project's root.
pub const JS_PATH: &str = "www/generated.js";

/// Where the colour themes other than light live (src/scene/palette.rs): a module of its own,
/// which the page loads only when a theme other than light is asked for.
pub const THEMES_JS_PATH: &str = "www/generated-themes.js";

/// The command that writes the generated files, named in their headers and in every stale check.
pub const COMMAND: &str = "cargo xtask codegen";

/// A JavaScript string literal in single quotes.
fn js_str(s: &str) -> String {
    let mut out = String::from("'");
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// A number as JavaScript reads it (`Infinity` has no literal in JSON, but does in JS).
fn js_num(v: f64) -> String {
    if v == f64::INFINITY {
        "Infinity".to_string()
    } else {
        format!("{v}")
    }
}

fn measures(out: &mut String) {
    out.push_str(
        "/**\n * The read-outs, by the index the Widget's `readout(index, settled)` takes.\n * \
         `range.kind`: 'none' (no agreed range: never judged), 'within' (|v| <= limits[0]),\n * \
         'below' (v < limits[0]), 'atLeast' (v >= limits[0]), 'reference' (a band to compare \
         with,\n * never judged). `cite`: the short source a reader is shown, or '' where none is \
         named.\n */\nexport const MEASURES = [\n",
    );
    for m in Measure::ALL {
        let r = m.usual();
        let limits: Vec<String> = r.bound.limits().into_iter().map(js_num).collect();
        let _ = writeln!(
            out,
            "  {{ key: {}, unit: {}, decimals: {}, step: {}, range: {{ kind: {}, limits: [{}] }}, \
             cite: {} }},",
            js_str(m.key()),
            js_str(m.unit().key()),
            m.decimals(),
            m.step().index(),
            js_str(r.bound.kind()),
            limits.join(", "),
            js_str(r.cite),
        );
    }
    out.push_str("];\n\n");
}

/// One input as a JS object; `index` is its place in `Input::ALL` (the Widget's `setInput`).
fn input(out: &mut String, index: usize, i: Input) {
    let start = Scenario::page_start();
    let words: Vec<String> = i
        .words()
        .iter()
        .map(|(w, v)| format!(" {w}: {}", js_num(*v)))
        .collect();
    let _ = writeln!(
        out,
        "  {{ index: {index}, key: {}, attribute: {}, unit: {}, min: {}, max: {}, default: {}, \
         start: {}, step: {}, sliderScale: {}, words: {{{}{}}} }},",
        js_str(i.key()),
        i.attribute().map_or("null".to_string(), js_str),
        js_str(i.unit().key()),
        js_num(i.min()),
        js_num(i.max()),
        js_num(i.default_value()),
        js_num(i.get(&start)),
        js_num(i.step()),
        js_num(i.slider_scale()),
        words.join(","),
        if words.is_empty() { "" } else { " " },
    );
}

fn inputs(out: &mut String) {
    out.push_str(
        "/**\n * Every numeric input of the model, in the order of `Input::ALL`: `index` is the one the \
         Widget's\n * `setInput(index, value)` takes. `default`: the model's neutral value; `start`: \
         where the\n * element starts without the attribute; a slider shows value × `sliderScale`; \
         `words`: names\n * the attribute accepts for values. (The page bundles only ATTRIBUTES.)\n \
         */\nexport const INPUTS = [\n",
    );
    for (k, i) in Input::ALL.into_iter().enumerate() {
        input(out, k, i);
    }
    out.push_str(
        "];\n\n/** The inputs the `<posture-chain>` element has an attribute and a slider for, as \
         in INPUTS. */\nexport const ATTRIBUTES = [\n",
    );
    for (k, i) in Input::ALL.into_iter().enumerate() {
        if i.attribute().is_some() {
            input(out, k, i);
        }
    }
    out.push_str("];\n\n");
}

fn steps(out: &mut String) {
    out.push_str(
        "/** The steps of the cascade, top to bottom (their joints: docs/model.md §7). */\n\
         export const STEPS = [\n",
    );
    for s in CascadeStep::ALL {
        let _ = writeln!(out, "  {{ key: {} }},", js_str(s.key()));
    }
    out.push_str("];\n\n");
}

fn strategies(out: &mut String) {
    out.push_str(
        "/**\n * The righting strategies, by the value of the `strategy` input (its words). \
         `established`: false\n * for a hypothesis, which the page must label as one; `label` and \
         `description`: for readers.\n */\nexport const STRATEGIES = [\n",
    );
    for s in Strategy::ALL {
        let _ = writeln!(
            out,
            "  {{ key: {}, established: {}, label: {}, description: {} }},",
            js_str(s.name()),
            s.established(),
            js_str(s.label()),
            js_str(s.description()),
        );
    }
    out.push_str("];\n\n");
}

fn levels(out: &mut String) {
    out.push_str(
        "/** The joints, head to sacrum, by the index the Widget's `warning(i, 0)` gives. */\n\
         export const LEVELS = [",
    );
    for (k, l) in Level::ALL.into_iter().enumerate() {
        let _ = write!(
            out,
            "{}{}",
            if k == 0 { "" } else { ", " },
            js_str(l.name())
        );
    }
    out.push_str("];\n\n");
    out.push_str(
        "/** The motions a range warning names, by the code the Widget's `warning(i, 1)` gives. */\n\
         export const MOTIONS = [",
    );
    for (k, m) in MOTIONS.into_iter().enumerate() {
        let _ = write!(out, "{}{}", if k == 0 { "" } else { ", " }, js_str(m));
    }
    out.push_str("];\n\n");
}

fn load_scale(out: &mut String) {
    out.push_str(
        "/** The load scale's colours, light to dark, each up to a joint's compression over its \
         neutral standing value (the last is open). */\nexport const LOAD_SCALE = [\n",
    );
    for (css, upper) in LOAD_CSS.iter().zip(LOAD_STEP_UPPER) {
        let _ = writeln!(
            out,
            "  {{ colour: {}, upTo: {} }},",
            js_str(css),
            js_num(upper)
        );
    }
    out.push_str("];\n\n");
}

/// The whole generated JS module.
///
/// ```
/// let js = posture_chain::codegen::js_tables();
/// assert!(js.starts_with("// Generated by `cargo xtask codegen`"));
/// assert!(js.contains("key: 'sagittalVerticalAxisMm'") && js.contains("attribute: 'head-tilt'"));
/// ```
pub fn js_tables() -> String {
    let mut out = format!(
        "// Generated by `{COMMAND}` from the Rust definitions (src/model/measure.rs, inputs.rs,\n\
         // step.rs, strategy.rs and src/scene/palette.rs). Do not edit by hand: change the Rust, then run\n\
         // `{COMMAND}`. `{COMMAND} --check`, a stage of `cargo xtask test`, fails when\n\
         // this file is stale.\n\n"
    );
    measures(&mut out);
    inputs(&mut out);
    steps(&mut out);
    strategies(&mut out);
    levels(&mut out);
    load_scale(&mut out);
    let _ = writeln!(
        out,
        "/** The accent colour when the host page gives none. */\nexport const DEFAULT_BRAND = {};",
        js_str(DEFAULT_BRAND_CSS)
    );
    let _ = writeln!(
        out,
        "\n/** The light theme's colours of the controls, as the element's custom properties \
         (the other themes: generated-themes.js). */\nexport const LIGHT_CSS = {};",
        js_str(&LIGHT.page_css())
    );
    out
}

/// The colour themes but light, as the page's themes module (www/themes.js) reads them: by the
/// `theme` attribute's value, the controls' custom properties (`css`), the canvas's colours by
/// slot (`canvas`, as `Colour::slot` numbers them; the brand's slots hold the default brand), the
/// default brand, and the scale strokes and labels are drawn at.
///
/// ```
/// let js = posture_chain::codegen::theme_tables();
/// assert!(js.contains("dark: {") && js.contains("projector: {") && !js.contains("light: {"));
/// ```
pub fn theme_tables() -> String {
    let mut out = format!(
        "// Generated by `{COMMAND}` from src/scene/palette.rs. Do not edit by hand: change the \
         Rust,\n// then run `{COMMAND}`. The light theme is in the wasm and in generated.js; \
         themes.js\n// loads this module only when another theme is asked for.\n\n/**\n * The \
         colour themes besides light, by the `theme` attribute's value: `css`, the controls'\n * \
         custom properties; `canvas`, the canvas's colours by slot; `brand`, the accent when \
         the\n * host page gives none; `scale`, how much thicker and larger strokes and labels \
         are drawn.\n */\nexport const THEMES = {{\n"
    );
    for theme in THEMES.into_iter().filter(|t| t.key != LIGHT.key) {
        let canvas: Vec<String> = Colour::slots()
            .map(|c| js_str(theme.css(c, theme.brand)))
            .collect();
        let _ = writeln!(
            out,
            "  {}: {{\n    css: {},\n    canvas: [{}],\n    brand: {},\n    scale: {},\n  }},",
            theme.key,
            js_str(&theme.page_css()),
            canvas.join(", "),
            js_str(theme.brand),
            js_num(theme.scale),
        );
    }
    out.push_str("};\n");
    out
}

// ---- The embed kit: the WordPress plugin's PHP table and the npm package's TypeScript types ----

/// Where the WordPress plugin's input table lives (the plugin validates shortcode and block
/// attributes with it, server-side).
pub const PHP_PATH: &str = "wordpress/posture-chain/inputs.php";

/// Where the npm package's types for the element live (`cargo xtask dist` copies them).
pub const DTS_PATH: &str = "embed/posture-chain.d.ts";

/// Where the npm package's types for the JS API (`posture-chain/api`) live.
pub const API_DTS_PATH: &str = "embed/api.d.ts";

/// An attribute's property name, as the element reflects it (`head-tilt` -> `headTilt`).
pub fn camel(attribute: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in attribute.chars() {
        if c == '-' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// A PHP single-quoted string literal.
fn php_str(s: &str) -> String {
    format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'"))
}

/// The plugin's table of the element's attributes: one array per input with an attribute.
///
/// ```
/// let php = posture_chain::codegen::php_table();
/// assert!(php.starts_with("<?php\n// Generated by `cargo xtask codegen`"));
/// assert!(php.contains("'head-tilt' => array('property' => 'headTilt'"));
/// ```
pub fn php_table() -> String {
    let start = Scenario::page_start();
    let mut out = format!(
        "<?php\n// Generated by `{COMMAND}` from src/model/inputs.rs. Do not edit by hand: change \
         the Rust,\n// then run `{COMMAND}`. The element's attributes with their ranges, in the \
         units the\n// attributes take; `scale`: a slider shows value x scale (the element also \
         takes a\n// percentage where it is 100); `words`: names the attribute accepts.\n\n\
         defined('ABSPATH') || exit;\n\nreturn array(\n"
    );
    for i in Input::ALL {
        let Some(attribute) = i.attribute() else {
            continue;
        };
        let words: Vec<String> = i
            .words()
            .iter()
            .map(|(w, v)| format!("{} => {}", php_str(w), js_num(*v)))
            .collect();
        let _ = writeln!(
            out,
            "  {} => array('property' => {}, 'key' => {}, 'unit' => {}, 'min' => {}, 'max' => {}, \
             'start' => {}, 'step' => {}, 'scale' => {}, 'words' => array({})),",
            php_str(attribute),
            php_str(&camel(attribute)),
            php_str(i.key()),
            php_str(i.unit().key()),
            js_num(i.min()),
            js_num(i.max()),
            js_num(i.get(&start)),
            js_num(i.step()),
            js_num(i.slider_scale()),
            words.join(", "),
        );
    }
    out.push_str(");\n");
    out
}

/// The npm package's types for `<posture-chain>`: its attributes, properties, methods and events,
/// the `HTMLElementTagNameMap` entry, and a JSX recipe.
pub fn element_dts() -> String {
    let start = Scenario::page_start();
    let mut out = format!(
        "// Generated by `{COMMAND}` from src/model/inputs.rs and measure.rs. Do not edit by \
         hand.\n// Types for the <posture-chain> custom element (import 'posture-chain' defines \
         it).\n\n/** The inputs the element's attributes set, in the units their names say. */\n\
         export interface PostureChainInputs {{\n"
    );
    for i in Input::ALL.into_iter().filter(|i| i.attribute().is_some()) {
        let _ = writeln!(out, "  {}: number;", i.key());
    }
    out.push_str(
        "}\n\n/** The read-outs, by key, in the units their names say (docs/model.md). */\n\
         export interface PostureChainMeasures {\n",
    );
    for m in Measure::ALL {
        let _ = writeln!(out, "  {}: number;", m.key());
    }
    out.push_str(
        "}\n\nexport interface PostureChainChangeDetail {\n  inputs: PostureChainInputs;\n  \
         measures: PostureChainMeasures;\n  /** What changed the inputs. */\n  source: 'user' | \
         'autoplay' | 'attribute';\n}\n\nexport interface PostureChainErrorDetail {\n  /** 'wasm': \
         the WebAssembly module could not load; 'canvas': no 2-D canvas. */\n  type: 'wasm' | \
         'canvas';\n  error?: unknown;\n}\n\nexport interface PostureChainEventMap extends \
         Omit<HTMLElementEventMap, 'load' | 'change' | 'error'> {\n  /** Ready: the wasm has \
         loaded and the views are drawn. */\n  load: CustomEvent<undefined>;\n  change: \
         CustomEvent<PostureChainChangeDetail>;\n  error: CustomEvent<PostureChainErrorDetail>;\n}\
         \n\n",
    );
    let themes: String = THEMES.iter().map(|t| format!("'{}' | ", t.key)).collect();
    let _ = writeln!(
        out,
        "/** The colour themes ('auto': light or dark, as the reader's system is). */\n\
         export type PostureChainTheme = {themes}'auto';\n"
    );
    out.push_str(
        "/** The attributes, as HTML (and JSX) take them. */\nexport interface \
         PostureChainAttributes {\n",
    );
    for i in Input::ALL {
        if let Some(attribute) = i.attribute() {
            let words: String = i.words().iter().map(|(w, _)| format!(" | '{w}'")).collect();
            let unit = if i.is_choice() {
                "(a choice, by index or name)"
            } else if i.unit().key().is_empty() {
                "(a fraction)"
            } else {
                i.unit().key()
            };
            let _ = writeln!(
                out,
                "  /** {} to {} {unit} (start {}). */\n  '{attribute}'?: number | string{words};",
                js_num(i.min()),
                js_num(i.max()),
                js_num(i.get(&start)),
            );
        }
    }
    out.push_str(
        "  /** Any CSS colour but var(); the accent of the controls and the drawing. */\n  \
         'brand-color'?: string;\n  /** The colour theme (default 'light'); 'auto' follows \
         prefers-color-scheme. */\n  theme?: PostureChainTheme;\n  /** 'lazy' (default): the wasm loads when the element nears \
         the viewport. */\n  loading?: 'lazy' | 'eager';\n  /** The puzzle's prepared causes, \
         `head:<degrees>,leg:<mm>` separated by ';' (none or 'random': random ones). */\n  \
         puzzle?: string;\n}\n\n",
    );
    out.push_str(&state_dts());
    out.push_str("export interface PostureChainElement extends HTMLElement {\n");
    for i in Input::ALL {
        if let Some(attribute) = i.attribute() {
            let _ = writeln!(
                out,
                "  /** Reflects `{attribute}`: the current value, {} to {}; null removes the \
                 attribute. */\n  {}: number;",
                js_num(i.min()),
                js_num(i.max()),
                camel(attribute),
            );
        }
    }
    out.push_str(
        "  /** Reflects `brand-color`. */\n  brandColor: string | null;\n  /** Reflects `theme` \
         (null: none, the light theme). */\n  theme: string | null;\n  /** Reflects `puzzle`. \
         */\n  puzzle: string | null;\n  /** Reflects `loading`. */\n  loading: 'lazy' | \
         'eager';\n  /** Milliseconds of wasm work in the last \
         frame. */\n  readonly lastFrameMs: number;\n  /** Where the draggable head is drawn, in \
         CSS px from the back view's top-left corner. */\n  headPoint(): {{ x: number; y: number \
         }} | null;\n  /** Timing hook: one head-tilt step and one frame, synchronously; returns \
         ms. */\n  measureFrame(tiltDeg: number): number;\n  /** The state: every input, the \
         explain step, the mode, the theme and language; null before the wasm runs. */\n  \
         getState(): PostureChainState | null;\n  /** Applies the fields given, the others left \
         as they are (numbers may come as text, a choice by its word); a bad field warns on the \
         console and keeps its value. Resolves once applied (a mode's code fetched). */\n  \
         setState(state: PostureChainStateInput): Promise<void>;\n  /** The picture: PNG \
         (default), JPEG, WebP, or the SVG as a Blob; one view or the whole widget, in the \
         element's theme and language. */\n  toBlob(type?: 'image/png' | 'image/jpeg' | \
         'image/webp' | 'image/svg+xml', options?: PostureChainPictureOptions): Promise<Blob>;\n  \
         /** The picture as SVG text (vector, text as text): one view at its size on screen, or \
         the whole widget at 1280 x 720. */\n  toSVG(options?: {{ view?: PostureChainView }}): \
         Promise<string>;\n  addEventListener<K extends keyof \
         PostureChainEventMap>(type: K, listener: (this: PostureChainElement, ev: \
         PostureChainEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): \
         void;\n  addEventListener(type: string, listener: EventListenerOrEventListenerObject, \
         options?: boolean | AddEventListenerOptions): void;\n  removeEventListener<K extends \
         keyof PostureChainEventMap>(type: K, listener: (this: PostureChainElement, ev: \
         PostureChainEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;\n  \
         removeEventListener(type: string, listener: EventListenerOrEventListenerObject, \
         options?: boolean | EventListenerOptions): void;\n}\n\ndeclare global {\n  interface \
         HTMLElementTagNameMap {\n    'posture-chain': PostureChainElement;\n  }\n}\n\n/*\n * \
         JSX (React 19 with @types/react): put this in a .d.ts of your app.\n *\n *   import type \
         { PostureChainAttributes } from 'posture-chain';\n *   declare module 'react' {\n *     \
         namespace JSX {\n *       interface IntrinsicElements {\n *         'posture-chain': \
         React.HTMLAttributes<HTMLElement> & PostureChainAttributes & { ref?: \
         React.Ref<HTMLElement> };\n *       }\n *     }\n *   }\n */\n\nexport {};\n",
    );
    out.replace("{{", "{").replace("}}", "}")
}

/// The element's state types (its getState() and setState()), and its pictures' options: every
/// input by key, then the fields share.js and state.js add.
fn state_dts() -> String {
    let mut out = String::from(
        "/** The views, by name. */\nexport type PostureChainView = 'back' | 'side' | 'top';\n\n\
         /** toBlob's options: one view (else the whole widget), 'slide' (1920 x 1080, the \
         default) or '2x' (twice the pixels of its size on screen). */\nexport interface \
         PostureChainPictureOptions {\n  view?: PostureChainView;\n  size?: 'slide' | '2x';\n}\n\n\
         /** What getState() returns and a link carries (docs/embedding.md): every input by key, \
         in the units the keys say. */\nexport interface PostureChainState {\n",
    );
    for i in Input::ALL {
        let _ = writeln!(
            out,
            "  /** {} to {}. */\n  '{}': number;",
            js_num(i.min()),
            js_num(i.max()),
            i.key()
        );
    }
    let strategies = Strategy::ALL.len() - 1;
    let _ = writeln!(
        out,
        "  /** The explain step shown, 1 to {steps}; 0: none. */\n  explain: number;\n  /** \
         Shifts drawn three times larger. */\n  magnify: boolean;\n  /** Compare mode: the \
         strategy compared with, 0 to {strategies}; -1: off. */\n  compare: number;\n  /** The \
         puzzle shown, 1, 2, ... (of the `puzzle` attribute's list); 0: none. While a puzzle is \
         shown the inputs are the reader's own, not its hidden cause. */\n  puzzleNumber: \
         number;\n  /** The colour theme. */\n  theme: PostureChainTheme;\n  /** The language \
         shown (a locale the element has strings for, such as 'de'). */\n  lang: string;\n}}\n\n\
         /** What setState() takes: any of the fields, numbers also as text, a choice also by its \
         word. */\nexport type PostureChainStateInput = {{ [K in keyof PostureChainState]?: \
         PostureChainState[K] | string }};",
        steps = CascadeStep::ALL.len(),
    );
    out.push('\n');
    out
}

/// The npm package's types for the JS API (`posture-chain/api`): `init`, `solve`, `solveBands`,
/// `sceneSvg`.
pub fn api_dts() -> String {
    let mut out = format!(
        "// Generated by `{COMMAND}` from src/model/inputs.rs and measure.rs. Do not edit by \
         hand.\n// Types for the JS API module (import init, {{ solve }} from \
         'posture-chain/api').\n\nimport type {{ PostureChainMeasures }} from \
         './posture-chain.js';\n\n/** A scenario: every field optional; bad values are clamped \
         or defaulted and named in `warnings`. */\nexport interface Scenario {{\n"
    );
    let mut coupling = Vec::new();
    for i in Input::ALL {
        let range = format!("{} to {}", js_num(i.min()), js_num(i.max()));
        match i.key().split_once('.') {
            Some((_, part)) => coupling.push(format!("    /** {range}. */\n    {part}?: number;")),
            None => {
                let words: String = i.words().iter().map(|(w, _)| format!(" | '{w}'")).collect();
                let _ = writeln!(out, "  /** {range}. */\n  {}?: number{words};", i.key());
            }
        }
    }
    let _ = writeln!(
        out,
        "  sex?: 'female' | 'male';\n  coupling?: {{\n{}\n  }};\n}}\n",
        coupling.join("\n")
    );
    out.push_str(
        "/** The solved posture (the other fields, joints, cascade and landmarks: \
         docs/model.md). */\nexport interface Posture {\n  measures: PostureChainMeasures;\n  \
         /** The strategy that produced it; `established: false` marks a hypothesis. */\n  \
         strategy: { name: STRATEGY_NAMES; established: boolean };\n  \
         warnings: string[];\n  [field: string]: unknown;\n}\n\nexport interface Band { p5: \
         number; p50: number; p95: number }\n\nexport interface Bands {\n  measures: Record<keyof \
         PostureChainMeasures, Band>;\n  cascade: Array<Band & { step: string }>;\n}\n\n/** Loads \
         the wasm (beside the module unless given). Call once before solve. */\nexport default \
         function init(options?: { module_or_path?: RequestInfo | URL | Response | BufferSource | \
         WebAssembly.Module }): Promise<unknown>;\nexport function solve(scenario: Scenario): \
         Posture;\nexport function solveBands(scenario: Scenario, options?: { samples?: number; \
         seed?: number }): Bands;\n/** Loads the wasm from bytes or a compiled module, \
         synchronously. */\nexport function initSync(module: { module: BufferSource | \
         WebAssembly.Module } | BufferSource | WebAssembly.Module): unknown;\n\n/** How sceneSvg \
         draws: `explain` 0 (off) or a step 1 to 5, `magnify` true or a factor 1 to 5, `brand` a \
         CSS colour, `title` the SVG's title, `theme` the element's colours, `decimal` the \
         labels' decimal sign (',' for German). */\nexport interface SceneSvgOptions {\n  \
         explain?: number;\n  magnify?: boolean | number;\n  brand?: string;\n  title?: \
         string;\n  theme?: THEME_NAMES;\n  decimal?: string;\n}\n\n/** One view of the settled \
         posture as an SVG document (vector, text as text, the labels in English), `widthPx` x \
         `heightPx` CSS px (16 to 8192; default 360 x 480); bad arguments are named in \
         `warnings`. */\nexport function sceneSvg(scenario: Scenario, view?: 'back' | 'side' | \
         'top' | 0 | 1 | 2, widthPx?: number, heightPx?: number, options?: SceneSvgOptions): { \
         svg: string; warnings: string[] };\n",
    );
    let themes: Vec<String> = THEMES.iter().map(|t| format!("'{}'", t.key)).collect();
    let out = out.replace("THEME_NAMES", &themes.join(" | "));
    let names: Vec<String> = Strategy::ALL
        .iter()
        .map(|s| format!("'{}'", s.name()))
        .collect();
    let out = out.replace("STRATEGY_NAMES", &names.join(" | "));
    out.replace("{{", "{").replace("}}", "}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_measure_input_and_step_is_written_in_order() {
        let js = js_tables();
        let mut at = 0;
        let keys = Measure::ALL
            .iter()
            .map(|m| (m.key(), 1))
            .chain(Input::ALL.iter().map(|i| {
                // Those with an attribute stand in ATTRIBUTES too.
                (i.key(), 1 + usize::from(i.attribute().is_some()))
            }))
            .chain(CascadeStep::ALL.iter().map(|s| (s.key(), 1)));
        for (key, times) in keys {
            let needle = format!("key: '{key}'");
            assert_eq!(js.matches(&needle).count(), times, "{key}");
            let here = js.find(&needle).unwrap();
            assert!(here > at, "{key} is in order");
            at = here;
        }
        assert!(js.contains("index: 4, key: 'compensation', attribute: 'compensation'"));
        assert!(js.contains("upTo: Infinity"));
        assert!(js.contains("words: { none: 0, partial: 0.5, full: 1 }"));
        assert!(js.contains("words: { neck: 0, spine: 1, chain: 2 }"));
        let strategies = &js[js.find("export const STRATEGIES").unwrap()..];
        for (k, s) in Strategy::ALL.iter().enumerate() {
            let needle = format!("{{ key: '{}', established: {}", s.name(), s.established());
            let at = strategies.find(&needle).unwrap();
            assert!(k == 0 || at > strategies.find(Strategy::ALL[k - 1].name()).unwrap());
        }
    }

    #[test]
    fn the_plugin_and_the_types_name_every_attribute_once() {
        let php = php_table();
        let dts = element_dts();
        for i in Input::ALL {
            let Some(attribute) = i.attribute() else {
                assert!(!php.contains(i.key()), "{} has no attribute", i.key());
                continue;
            };
            assert_eq!(php.matches(&format!("'{attribute}' => array(")).count(), 1);
            assert!(dts.contains(&format!("'{attribute}'?: number | string")));
            assert!(dts.contains(&format!("  {}: number;", camel(attribute))));
        }
        // The state (getState, setState, a link) has every input, with or without an attribute.
        let state = &dts[dts.find("export interface PostureChainState {").unwrap()..];
        let state = &state[..state.find("\n}\n").unwrap()];
        for i in Input::ALL {
            assert!(
                state.contains(&format!("  '{}': number;", i.key())),
                "{}",
                i.key()
            );
        }
        for method in [
            "getState(): PostureChainState | null;",
            "setState(state: ",
            "toBlob(",
            "toSVG(",
        ] {
            assert!(dts.contains(&format!("\n  {method}")), "{method}");
        }
        assert!(api_dts().contains("theme?: 'light' | 'dark' | 'projector';"));
        assert!(php.contains("'words' => array('none' => 0, 'partial' => 0.5, 'full' => 1)"));
        assert_eq!(camel("brand-color"), "brandColor");
        assert!(api_dts().contains("coupling?: {\n    /** -1 to 1. */\n    cervical?: number;"));
        assert_eq!(php_str("it's"), "'it\\'s'");
    }

    #[test]
    fn strings_are_escaped() {
        assert_eq!(js_str("it's a\\b"), "'it\\'s a\\\\b'");
    }
}
