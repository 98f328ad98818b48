//! The JS API module's exports: `solve(scenario)` and `solveBands`, a plain object in, a plain
//! object out, and `sceneSvg`, a view of the settled posture as SVG text (`crate::svg`).
//!
//! Only conversion lives here: the JS value becomes [`RawValue`] pairs, the model's lenient parser
//! reads them (units as the field names say: degrees, millimetres, centimetres, kilograms), the
//! model solves, and the [`Posture`](crate::model::Posture) goes back as plain JSON-like data with
//! camelCase fields and the warnings as strings (input warnings first). It never panics.

use js_sys::{Array, Object};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::{
    parse_scenario, solve as solve_model, solve_bands, Band, BandOptions, CascadeStep, Measure,
    RawValue, Scenario, MAX_SAMPLES,
};
use crate::scene::{
    Palette, Pose, SceneOptions, StepWeights, View, DEFAULT_BRAND_CSS, LIGHT, THEMES,
};

/// How deep nested objects are followed (the scenario has one nested object, `coupling`).
const MAX_DEPTH: usize = 4;

fn raw_value(v: &JsValue, depth: usize) -> RawValue {
    if let Some(n) = v.as_f64() {
        RawValue::Number(n)
    } else if let Some(s) = v.as_string() {
        RawValue::Text(s)
    } else if let Some(b) = v.as_bool() {
        RawValue::Bool(b)
    } else if v.is_null() {
        RawValue::Other("null".into())
    } else if v.is_undefined() {
        RawValue::Other("undefined".into())
    } else if Array::is_array(v) {
        RawValue::Other("an array".into())
    } else if v.is_function() {
        RawValue::Other("a function".into())
    } else if v.is_object() && depth < MAX_DEPTH {
        let obj: &Object = v.unchecked_ref();
        let fields = Object::entries(obj)
            .iter()
            .filter_map(|entry| {
                let pair: Array = entry.dyn_into().ok()?;
                let key = pair.get(0).as_string()?;
                Some((key, raw_value(&pair.get(1), depth + 1)))
            })
            .collect();
        RawValue::Object(fields)
    } else {
        RawValue::Other(
            v.js_typeof()
                .as_string()
                .unwrap_or_else(|| "a value".into()),
        )
    }
}

/// Solves the posture for a scenario object such as `{ headTiltDeg: 5, compensation: 1 }`.
/// Anything can be passed: missing fields take their defaults, bad ones are reported in
/// `warnings` with the value used.
#[wasm_bindgen]
pub fn solve(scenario: JsValue) -> JsValue {
    let (s, input_warnings) = parse_scenario(&raw_value(&scenario, 0));
    let mut posture = solve_model(&s);
    let mut warnings = input_warnings;
    warnings.append(&mut posture.warnings);
    posture.warnings = warnings;
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    posture.serialize(&serializer).unwrap_or(JsValue::NULL)
}

/// What `solveBands` returns: the percentiles by read-out key and by cascade step.
#[derive(Serialize)]
struct BandsOut {
    measures: std::collections::BTreeMap<&'static str, Band>,
    cascade: Vec<StepBand>,
    samples: usize,
    seed: f64,
    warnings: Vec<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct StepBand {
    step: CascadeStep,
    p5: f64,
    p50: f64,
    p95: f64,
}

/// Reads `{ samples, seed }`: whole numbers, samples 1..=MAX_SAMPLES (default 200), seed
/// 0..=2^53 (default 1); anything else is named in `warnings` and the default used.
fn band_options(v: &RawValue, warnings: &mut Vec<String>) -> BandOptions {
    let mut o = BandOptions::default();
    let RawValue::Object(fields) = v else {
        if !matches!(v, RawValue::Other(_)) {
            warnings.push("options: not an object; using { samples: 200, seed: 1 }".into());
        }
        return o;
    };
    for (key, value) in fields {
        let n = match value {
            RawValue::Number(n) if n.is_finite() && n.fract() == 0.0 && *n >= 0.0 => Some(*n),
            _ => None,
        };
        match (key.as_str(), n) {
            ("samples", Some(n)) if (1.0..=MAX_SAMPLES as f64).contains(&n) => {
                o.samples = n as usize
            }
            ("seed", Some(n)) if n <= 9_007_199_254_740_992.0 => o.seed = n as u64,
            ("samples", _) => warnings.push(format!(
                "samples: must be a whole number 1..{MAX_SAMPLES}; using 200"
            )),
            ("seed", _) => {
                warnings.push("seed: must be a whole number 0..2^53; using 1".to_string())
            }
            (other, _) => warnings.push(format!("unknown option \"{other}\" ignored")),
        }
    }
    o
}

/// The 5th, 50th and 95th percentiles of every read-out and cascade share over a seeded
/// Monte-Carlo of the model's uncertain parameters, e.g.
/// `solveBands({ headTiltDeg: 10 }, { samples: 200, seed: 1 })`. Deterministic for a seed.
#[wasm_bindgen(js_name = solveBands)]
pub fn solve_bands_js(scenario: JsValue, options: JsValue) -> JsValue {
    let (s, input_warnings) = parse_scenario(&raw_value(&scenario, 0));
    let mut warnings: Vec<String> = input_warnings.into_iter().map(String::from).collect();
    let opts = band_options(&raw_value(&options, 0), &mut warnings);
    let b = solve_bands(&s, &opts);
    let out = BandsOut {
        measures: Measure::ALL
            .iter()
            .map(|m| (m.key(), b.measure(*m)))
            .collect(),
        cascade: CascadeStep::ALL
            .iter()
            .map(|st| {
                let band = b.step(*st);
                StepBand {
                    step: *st,
                    p5: band.p5,
                    p50: band.p50,
                    p95: band.p95,
                }
            })
            .collect(),
        samples: b.samples,
        seed: b.seed as f64,
        warnings,
    };
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    out.serialize(&serializer).unwrap_or(JsValue::NULL)
}

/// What `sceneSvg` returns: the SVG document and what was wrong with the arguments.
#[derive(Serialize)]
struct SvgOut {
    svg: String,
    warnings: Vec<String>,
}

/// The size a view is drawn at when none (or a bad one) is given, in CSS pixels: the element's
/// back view on a desktop, as the poster.
const DEFAULT_SIZE_PX: (f64, f64) = (360.0, 480.0);
/// The sizes a view may be drawn at, in CSS pixels.
const SIZE_RANGE_PX: std::ops::RangeInclusive<f64> = 16.0..=8192.0;

/// Reads the view: `"back"`, `"side"`, `"top"` or its index 0..=2; anything else the back view.
fn scene_view(v: &RawValue, warnings: &mut Vec<String>) -> View {
    let found = match v {
        RawValue::Text(t) => View::ALL
            .into_iter()
            .find(|view| view_name(*view) == t.as_str()),
        RawValue::Number(n) if n.fract() == 0.0 && *n >= 0.0 => View::from_index(*n as usize),
        _ => None,
    };
    found.unwrap_or_else(|| {
        warnings.push("view: must be \"back\", \"side\" or \"top\"; using \"back\"".into());
        View::Back
    })
}

fn view_name(view: View) -> &'static str {
    match view {
        View::Back => "back",
        View::Side => "side",
        View::Top => "top",
    }
}

/// Reads a width or height in CSS pixels, 16..=8192; else `default`.
fn scene_px(v: &RawValue, name: &str, default: f64, warnings: &mut Vec<String>) -> f64 {
    match v {
        RawValue::Number(n) if SIZE_RANGE_PX.contains(n) => *n,
        RawValue::Other(t) if t == "undefined" => default,
        _ => {
            // Whole pixels: `std::fmt`'s float code would add kilobytes to this module.
            warnings.push(format!(
                "{name}: must be a number of CSS pixels, 16..8192; using {}",
                default as u32
            ));
            default
        }
    }
}

/// How `sceneSvg` draws, apart from the posture.
struct SvgOptions {
    scene: SceneOptions,
    brand: String,
    title: String,
    palette: &'static Palette,
    /// The labels' decimal sign (the reader's locale), as the Widget's `setNumberFormat` takes it.
    decimal: char,
}

/// Reads `{ explain, magnify, brand, title, theme, decimal }`: `explain` 0 (off) or a step
/// 1..=5 as the element numbers them, `magnify` 1..=5 (or true for the element's 3), `brand` a
/// CSS colour (letters, digits, `#(),.%/+-` and spaces), `title` any text, `theme` "light",
/// "dark" or "projector" (the element's themes: their canvas colours and paper), `decimal` the
/// labels' decimal sign, one character such as "," (a locale's); anything else is named in
/// `warnings` and the default used.
fn svg_options(v: &RawValue, warnings: &mut Vec<String>) -> SvgOptions {
    let mut o = SvgOptions {
        scene: SceneOptions::default(),
        brand: DEFAULT_BRAND_CSS.to_string(),
        title: String::new(),
        palette: &LIGHT,
        decimal: '.',
    };
    let RawValue::Object(fields) = v else {
        if !matches!(v, RawValue::Other(_)) {
            warnings.push("options: not an object; using the defaults".into());
        }
        return o;
    };
    let steps = CascadeStep::ALL.len();
    for (key, value) in fields {
        match (key.as_str(), value) {
            ("explain", RawValue::Number(n))
                if n.fract() == 0.0 && (0.0..=steps as f64).contains(n) =>
            {
                o.scene.highlight = (*n as usize).checked_sub(1);
            }
            ("explain", _) => warnings.push(format!(
                "explain: must be 0 (off) or a step 1..{steps}; using 0"
            )),
            ("magnify", RawValue::Bool(on)) => o.scene.magnify = if *on { 3.0 } else { 1.0 },
            ("magnify", RawValue::Number(n)) if (1.0..=5.0).contains(n) => o.scene.magnify = *n,
            ("magnify", _) => {
                warnings.push("magnify: must be true, false or a factor 1..5; using 1".into())
            }
            ("brand", RawValue::Text(t)) if is_plain_colour(t) => o.brand = t.trim().to_string(),
            ("brand", _) => warnings.push(format!(
                "brand: must be a CSS colour such as \"#1d5f8a\"; using {DEFAULT_BRAND_CSS}"
            )),
            ("title", RawValue::Text(t)) => o.title = t.clone(),
            ("title", _) => warnings.push("title: must be text; using none".into()),
            ("theme", RawValue::Text(t)) if THEMES.iter().any(|p| p.key == t.as_str()) => {
                o.palette = THEMES
                    .into_iter()
                    .find(|p| p.key == t.as_str())
                    .unwrap_or(&LIGHT);
            }
            ("theme", _) => warnings.push(
                "theme: must be \"light\", \"dark\" or \"projector\"; using \"light\"".into(),
            ),
            ("decimal", RawValue::Text(t)) if is_decimal_sign(t) => {
                o.decimal = t.chars().next().unwrap_or('.');
            }
            ("decimal", _) => warnings
                .push("decimal: must be one sign such as \".\" or \",\"; using \".\"".into()),
            (other, _) => warnings.push(format!("unknown option \"{other}\" ignored")),
        }
    }
    o
}

/// A CSS colour's characters only (a name, `#hex`, `rgb(…)`, `hsl(…)`, …), at most 64 of them:
/// nothing that could leave an SVG attribute.
fn is_plain_colour(t: &str) -> bool {
    let t = t.trim();
    // Bytes and a byte slice: `str::contains(char)`'s searcher costs 5 KB of gzipped wasm.
    !t.is_empty()
        && t.len() <= 64
        && t.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"#(),.%/+- ".contains(&b))
}

/// One character that can be a decimal sign: not an ASCII letter, digit, space or control (ASCII
/// tests only: `char::is_alphanumeric`'s Unicode tables cost kilobytes of wasm).
fn is_decimal_sign(t: &str) -> bool {
    let mut chars = t.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if !c.is_ascii_alphanumeric() && !c.is_ascii_whitespace() && !c.is_ascii_control())
}

/// The posture the element shows once its animation has arrived, for `scenario` and explain
/// step `highlight` (as `Widget::resolve` makes it: in explain mode the uncompensated posture
/// with the corrections of the steps up to this one applied).
fn settled_pose(scenario: &Scenario, highlight: Option<usize>) -> Pose {
    let compensated = Pose::of(&solve_model(scenario));
    let Some(step) = highlight else {
        return compensated;
    };
    let bare = Pose::of(&solve_model(&Scenario {
        compensation: 0.0,
        ..*scenario
    }));
    let mut w: StepWeights = [0.0; CascadeStep::COUNT];
    for (k, wk) in w.iter_mut().enumerate() {
        *wk = if k <= step { 1.0 } else { 0.0 };
    }
    Pose::mix(&bare, &compensated, &w)
}

/// One view of the settled posture for a scenario as an SVG document (vector, text as text),
/// drawn by the display list's SVG backend as the element draws it on its canvas, e.g.
/// `sceneSvg({ headTiltDeg: 8 }, 'back', 360, 480, { explain: 2, brand: '#8a1d5f', theme: 'dark',
/// decimal: ',' })`.
/// Returns `{ svg, warnings }`; never throws.
#[wasm_bindgen(js_name = sceneSvg)]
pub fn scene_svg(
    scenario: JsValue,
    view: JsValue,
    width_px: JsValue,
    height_px: JsValue,
    options: JsValue,
) -> JsValue {
    let (s, input_warnings) = parse_scenario(&raw_value(&scenario, 0));
    let mut warnings: Vec<String> = input_warnings.into_iter().map(String::from).collect();
    let view = scene_view(&raw_value(&view, 0), &mut warnings);
    let w = scene_px(
        &raw_value(&width_px, 0),
        "widthPx",
        DEFAULT_SIZE_PX.0,
        &mut warnings,
    );
    let h = scene_px(
        &raw_value(&height_px, 0),
        "heightPx",
        DEFAULT_SIZE_PX.1,
        &mut warnings,
    );
    let o = svg_options(&raw_value(&options, 0), &mut warnings);
    let pose = settled_pose(&s, o.scene.highlight);
    let title = if o.title.is_empty() {
        format!(
            "The {} view of the posture-chain illustration",
            view_name(view)
        )
    } else {
        o.title
    };
    // The labels' numbers in the reader's format, for this drawing only.
    crate::numfmt::set_separators(o.decimal as u32, '−' as u32);
    let svg = crate::svg::view_svg_in(o.palette, view, &pose, &o.scene, &o.brand, (w, h), &title);
    crate::numfmt::set_separators('.' as u32, '−' as u32);
    let out = SvgOut { svg, warnings };
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    out.serialize(&serializer).unwrap_or(JsValue::NULL)
}
