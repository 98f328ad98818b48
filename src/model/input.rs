//! Lenient reading of a scenario from loosely typed field/value pairs, as JavaScript sends them.
//!
//! Units are those of the field names (`_deg`, `_mm`, `_cm`, `_kg`). Every problem becomes a
//! [`Warning::Input`] naming the field and the value used: numbers out of range are clamped,
//! non-finite or wrongly typed values fall back to the default, unknown fields are ignored.
//! Field names are the camelCase names of the JS edge; snake_case is accepted too. An input with
//! words takes them as text too (`strategy: "chain"`, `compensation: "full"`); a choice (the
//! strategy) takes whole numbers only, and an unknown word falls back to its default.

use super::inputs::{Input, INPUT_COUNT};
use super::posture::Warning;
use super::scenario::{Coupling, Scenario, Sex};

/// A loosely typed value, as read from a JavaScript object.
#[derive(Clone, Debug, PartialEq)]
pub enum RawValue {
    Number(f64),
    Text(String),
    Bool(bool),
    Object(Vec<(String, RawValue)>),
    /// Anything else (null, undefined, an array, a function), described for the warning.
    Other(String),
}

/// The accepted range of one numeric input, with its default.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FieldRange {
    /// The name at the JS edge, such as `"headTiltDeg"` or `"coupling.lumbar"`.
    pub name: &'static str,
    pub min: f64,
    pub max: f64,
    pub default: f64,
}

/// Every numeric input with its range and default, in the order of [`Scenario`]'s fields.
pub fn field_ranges() -> [FieldRange; INPUT_COUNT] {
    Input::ALL.map(|i| FieldRange {
        name: i.key(),
        min: i.min(),
        max: i.max(),
        default: i.default_value(),
    })
}

fn number_text(v: f64) -> String {
    let mut text = String::new();
    crate::numfmt::push_number(&mut text, v);
    text
}

/// A text value in double quotes, cut to 40 characters (no `Debug`: it would add its Unicode
/// tables to the wasm).
fn quoted(t: &str) -> String {
    let mut text = String::from("\"");
    for (i, c) in t.chars().enumerate() {
        if i == 40 {
            text.push('…');
            break;
        }
        text.push(if c.is_control() { ' ' } else { c });
    }
    text.push('"');
    text
}

fn describe(v: &RawValue) -> String {
    match v {
        RawValue::Number(n) => number_text(*n),
        RawValue::Text(t) => quoted(t),
        RawValue::Bool(b) => b.to_string(),
        RawValue::Object(_) => "an object".to_string(),
        RawValue::Other(o) => o.clone(),
    }
}

fn input(field: &'static str, given: String, used: String) -> Warning {
    Warning::Input { field, given, used }
}

/// A value as a warning names the one used: a choice by its word (`"spine"`), else the number.
fn used_text(f: Input, v: f64) -> String {
    match f.words().iter().find(|(_, w)| f.is_choice() && *w == v) {
        Some((word, _)) => quoted(word),
        None => number_text(v),
    }
}

/// The value one of an input's words stands for (`"chain"`, `" Full "`), if `t` is one.
fn word_value(f: Input, t: &str) -> Option<f64> {
    let t = t.trim();
    f.words()
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(t))
        .map(|(_, v)| *v)
}

/// Checks a number against its input's range (and, for a choice, that it is whole); returns the
/// value to use. The warning names the value used as a number: this is the validation on the
/// page's path, and naming a choice by its word would keep the input table's strings in the
/// page's wasm.
fn checked(f: Input, v: f64, default: f64, warnings: &mut Vec<Warning>) -> f64 {
    let used = f.clamped(v, default);
    if used != v {
        warnings.push(input(f.key(), number_text(v), number_text(used)));
    }
    used
}

/// As [`checked`], for the lenient parser: a choice's value is named by its word.
fn checked_named(f: Input, v: f64, default: f64, warnings: &mut Vec<Warning>) -> f64 {
    let used = f.clamped(v, default);
    if used != v {
        warnings.push(input(f.key(), number_text(v), used_text(f, used)));
    }
    used
}

/// Validates a scenario built in Rust: the same ranges as the JS edge, with warnings.
/// A valid scenario comes back unchanged and pushes nothing (and allocates nothing).
pub(crate) fn validated(s: &Scenario, warnings: &mut Vec<Warning>) -> Scenario {
    let mut out = *s;
    for f in Input::ALL {
        let v = checked(f, f.get(s), f.default_value(), warnings);
        f.set(&mut out, v);
    }
    out
}

/// [`validated`]'s numbers without its warnings, for a caller that brings its inputs into range
/// itself and words nothing about them (the widget): no warning text, so no number formatting.
pub(crate) fn clamped(s: &Scenario) -> Scenario {
    let mut out = *s;
    for f in Input::ALL {
        f.set(&mut out, f.clamped(f.get(s), f.default_value()));
    }
    out
}

fn parse_number(f: Input, v: &RawValue, s: &mut Scenario, warnings: &mut Vec<Warning>) {
    let default = f.default_value();
    let used = match v {
        RawValue::Number(n) => checked_named(f, *n, default, warnings),
        RawValue::Text(t) if word_value(f, t).is_some() => word_value(f, t).unwrap_or(default),
        other => {
            warnings.push(input(f.key(), describe(other), used_text(f, default)));
            default
        }
    };
    f.set(s, used);
}

fn parse_sex(v: &RawValue, s: &mut Scenario, warnings: &mut Vec<Warning>) {
    let parsed = match v {
        RawValue::Text(t) => match t.trim().to_ascii_lowercase().as_str() {
            "female" | "f" => Some(Sex::Female),
            "male" | "m" => Some(Sex::Male),
            _ => None,
        },
        _ => None,
    };
    s.sex = parsed.unwrap_or_else(|| {
        warnings.push(input("sex", describe(v), "\"male\"".to_string()));
        Sex::default()
    });
}

fn unknown(name: &str, v: &RawValue, warnings: &mut Vec<Warning>) {
    warnings.push(input(
        "unknown field",
        quoted(name) + " = " + &describe(v),
        "nothing (ignored)".to_string(),
    ));
}

/// Reads a scenario from field/value pairs. Never fails: see the module documentation.
///
/// ```
/// use posture_chain::{parse_scenario_fields, RawValue};
/// let (s, warnings) = parse_scenario_fields(&[
///     ("headTiltDeg".into(), RawValue::Number(45.0)),
///     ("colour".into(), RawValue::Text("red".into())),
/// ]);
/// assert_eq!(s.head_tilt_deg, 20.0);
/// assert_eq!(warnings.len(), 2);
/// ```
pub fn parse_scenario_fields(fields: &[(String, RawValue)]) -> (Scenario, Vec<Warning>) {
    let mut s = Scenario::default();
    let mut warnings = Vec::new();
    for (name, value) in fields {
        if let Some(f) = Input::find(name, "") {
            parse_number(f, value, &mut s, &mut warnings);
        } else if name == "sex" {
            parse_sex(value, &mut s, &mut warnings);
        } else if name == "coupling" {
            match value {
                RawValue::Object(inner) => {
                    for (sub, v) in inner {
                        match Input::find(sub, "coupling.") {
                            Some(f) => parse_number(f, v, &mut s, &mut warnings),
                            None => unknown(&("coupling.".to_string() + sub), v, &mut warnings),
                        }
                    }
                }
                other => {
                    warnings.push(input(
                        "coupling",
                        describe(other),
                        "the default coupling".into(),
                    ));
                    s.coupling = Coupling::default();
                }
            }
        } else {
            unknown(name, value, &mut warnings);
        }
    }
    (s, warnings)
}

/// Reads a scenario from any value: an object is read field by field; anything else gives the
/// neutral defaults and a warning.
pub fn parse_scenario(value: &RawValue) -> (Scenario, Vec<Warning>) {
    match value {
        RawValue::Object(fields) => parse_scenario_fields(fields),
        other => (
            Scenario::default(),
            vec![input(
                "scenario",
                describe(other),
                "the neutral defaults".to_string(),
            )],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(pairs: &[(&str, RawValue)]) -> Vec<(String, RawValue)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect()
    }

    #[test]
    fn a_clean_object_reads_without_warnings() {
        let (s, w) = parse_scenario(&RawValue::Object(fields(&[
            ("headTiltDeg", RawValue::Number(5.0)),
            ("forward_head_deg", RawValue::Number(15.0)),
            ("sex", RawValue::Text("Female".into())),
            (
                "coupling",
                RawValue::Object(fields(&[("lumbar", RawValue::Number(0.1))])),
            ),
        ])));
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(s.head_tilt_deg, 5.0);
        assert_eq!(s.forward_head_deg, 15.0);
        assert_eq!(s.sex, Sex::Female);
        assert_eq!(s.coupling.lumbar, 0.1);
        assert_eq!(s.coupling.cervical, Coupling::default().cervical);
    }

    #[test]
    fn each_bad_value_is_named_with_the_value_used() {
        let (s, w) = parse_scenario_fields(&fields(&[
            ("massKg", RawValue::Number(f64::NAN)),
            ("statureCm", RawValue::Number(500.0)),
            ("compensation", RawValue::Text("lots".into())),
            ("sex", RawValue::Bool(true)),
            ("coupling", RawValue::Number(1.0)),
        ]));
        assert_eq!(s.mass_kg, 75.0);
        assert_eq!(s.stature_cm, 220.0);
        assert_eq!(s.compensation, 1.0);
        let text: Vec<String> = w.iter().map(|w| w.to_string()).collect();
        assert_eq!(text.len(), 5, "{text:?}");
        assert!(text[0].starts_with("massKg: NaN") && text[0].ends_with("using 75"));
        assert!(text[1].starts_with("statureCm: 500") && text[1].ends_with("using 220"));
        assert!(text[2].contains("\"lots\""));
    }

    #[test]
    fn the_strategy_is_read_by_name_or_index_and_falls_back_to_spine() {
        use crate::model::strategy::Strategy;
        let read = |v: RawValue| {
            let (s, w) = parse_scenario_fields(&fields(&[("strategy", v)]));
            let text: Vec<String> = w.iter().map(|w| w.to_string()).collect();
            (s.strategy, text)
        };
        assert_eq!(
            read(RawValue::Text("chain".into())),
            (Strategy::Chain, vec![])
        );
        assert_eq!(
            read(RawValue::Text(" Neck".into())),
            (Strategy::Neck, vec![])
        );
        assert_eq!(read(RawValue::Number(2.0)), (Strategy::Chain, vec![]));
        assert_eq!(
            read(RawValue::Number(1.4)),
            (
                Strategy::Spine,
                vec!["strategy: 1.4 is not usable; using \"spine\"".to_string()]
            )
        );
        assert_eq!(
            read(RawValue::Text("diagonal".into())),
            (
                Strategy::Spine,
                vec!["strategy: \"diagonal\" is not usable; using \"spine\"".to_string()]
            )
        );
        assert_eq!(read(RawValue::Bool(true)).0, Strategy::Spine);
        let (s, w) = parse_scenario_fields(&fields(&[("tone_spread", RawValue::Number(2.0))]));
        assert_eq!((s.tone_spread, w.len()), (1.0, 1));
    }

    #[test]
    fn non_objects_give_defaults_and_one_warning() {
        for v in [
            RawValue::Other("null".into()),
            RawValue::Number(3.0),
            RawValue::Text("x".into()),
            RawValue::Bool(false),
        ] {
            let (s, w) = parse_scenario(&v);
            assert_eq!(s, Scenario::default());
            assert_eq!(w.len(), 1);
        }
    }

    #[test]
    fn validation_leaves_a_valid_scenario_alone_and_clamps_the_rest() {
        let mut w = Vec::new();
        let s = Scenario {
            head_tilt_deg: 7.0,
            ..Scenario::default()
        };
        assert_eq!(validated(&s, &mut w), s);
        assert!(w.is_empty());
        let bad = Scenario {
            head_tilt_deg: f64::INFINITY,
            mass_kg: 1.0,
            ..Scenario::default()
        };
        let fixed = validated(&bad, &mut w);
        assert_eq!(fixed.head_tilt_deg, 0.0);
        assert_eq!(fixed.mass_kg, 30.0);
        assert_eq!(w.len(), 2);
    }
}
