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

use crate::model::{parse_scenario, solve as solve_model, RawValue};

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
