//! The JS `solve(scenario)` export: a plain object in, a plain object out.
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
    RawValue, MAX_SAMPLES,
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
