//! The tables the JavaScript side needs, rendered from their one definition in Rust: the
//! read-outs ([`Measure`]), the inputs ([`Input`]), the cascade steps ([`CascadeStep`]) and the
//! load scale's colours. `cargo xtask codegen` writes [`js_tables`] to [`JS_PATH`] and refreshes the
//! model card's generated sections; with `--check` it fails when either is stale.
//!
//! Pure: text out. Numbers are written as Rust prints them, which JavaScript reads back exactly.

use std::fmt::Write;

use crate::model::{CascadeStep, Input, Measure, Scenario};
use crate::scene::{DEFAULT_BRAND_CSS, LOAD_CSS, LOAD_STEP_UPPER};

/// Where the generated JS module lives, from the project's root.
pub const JS_PATH: &str = "www/generated.js";

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
         // step.rs and src/scene/palette.rs). Do not edit by hand: change the Rust, then run\n\
         // `{COMMAND}`. `{COMMAND} --check`, a stage of `cargo xtask test`, fails when\n\
         // this file is stale.\n\n"
    );
    measures(&mut out);
    inputs(&mut out);
    steps(&mut out);
    load_scale(&mut out);
    let _ = writeln!(
        out,
        "/** The accent colour when the host page gives none. */\nexport const DEFAULT_BRAND = {};",
        js_str(DEFAULT_BRAND_CSS)
    );
    out
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
    }

    #[test]
    fn strings_are_escaped() {
        assert_eq!(js_str("it's a\\b"), "'it\\'s a\\\\b'");
    }
}
