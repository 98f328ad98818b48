//! Warnings: angles beyond their range are reported once each, and bad input, lenient or built in
//! Rust, is read as far as it goes, repaired and reported.

use posture_chain::{
    parse_scenario, parse_scenario_fields, solve, Coupling, RawValue, Scenario, Sex, Warning,
};

use super::numbers;
use crate::util::{assert_approx_eq, tilt};

// ---------------------------------------------------------------------------------------------
// Beyond the range of motion

#[test]
fn angles_beyond_range_are_reported_once_each() {
    let p = solve(&Scenario {
        forward_head_deg: 60.0,
        head_tilt_deg: 20.0,
        ..Scenario::default()
    });
    let beyond: Vec<&Warning> = p
        .warnings
        .iter()
        .filter(|w| matches!(w, Warning::BeyondRange { .. }))
        .collect();
    assert!(!beyond.is_empty());
    let mut keys: Vec<String> = beyond
        .iter()
        .map(|w| match w {
            Warning::BeyondRange { level, motion, .. } => format!("{level} {motion}"),
            _ => unreachable!(),
        })
        .collect();
    let n = keys.len();
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), n, "a joint and motion reported twice");
    let text = beyond[0].to_string();
    assert!(text.contains("beyond its range of motion"), "{text}");
    let p = solve(&tilt(4.0));
    assert!(p.warnings.is_empty(), "{:?}", p.warnings);
}

// ---------------------------------------------------------------------------------------------
// Lenient input

#[test]
fn lenient_input_reads_what_it_can_and_says_what_it_did() {
    let check = |fields: Vec<(&str, RawValue)>, expected: Scenario, warnings: &[&str]| {
        let pairs: Vec<(String, RawValue)> = fields
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect();
        let (s, w) = parse_scenario_fields(&pairs);
        assert_eq!(s, expected);
        let text: Vec<String> = w.iter().map(|w| w.to_string()).collect();
        assert_eq!(text.len(), warnings.len(), "{text:?}");
        for (t, want) in text.iter().zip(warnings) {
            assert!(t.contains(want), "{t:?} lacks {want:?}");
        }
    };
    use RawValue::*;
    check(vec![], Scenario::default(), &[]);
    check(vec![("headTiltDeg", Number(7.5))], tilt(7.5), &[]);
    check(vec![("head_tilt_deg", Number(-3.0))], tilt(-3.0), &[]);
    check(
        vec![("headTiltDeg", Number(90.0))],
        tilt(20.0),
        &["headTiltDeg: 90 is not usable; using 20"],
    );
    check(
        vec![("headTiltDeg", Number(f64::NAN))],
        tilt(0.0),
        &["headTiltDeg: NaN is not usable; using 0"],
    );
    check(
        vec![("headTiltDeg", Text("5".into()))],
        tilt(0.0),
        &["headTiltDeg: \"5\" is not usable; using 0"],
    );
    check(
        vec![("headTiltDeg", Bool(true))],
        tilt(0.0),
        &["headTiltDeg: true"],
    );
    check(
        vec![("massKg", Number(1e300))],
        Scenario {
            mass_kg: 200.0,
            ..Scenario::default()
        },
        &["massKg: 1e+300 is not usable; using 200"],
    );
    check(
        vec![("wobble", Number(1.0))],
        Scenario::default(),
        &["unknown field: \"wobble\" = 1 is not usable; using nothing (ignored)"],
    );
    check(
        vec![("sex", Text("female".into()))],
        Scenario {
            sex: Sex::Female,
            ..Scenario::default()
        },
        &[],
    );
    check(
        vec![("sex", Text("robot".into()))],
        Scenario::default(),
        &["sex: \"robot\" is not usable; using \"male\""],
    );
    check(
        vec![(
            "coupling",
            Object(vec![
                ("lumbar".into(), Number(-2.0)),
                ("spin".into(), Number(1.0)),
            ]),
        )],
        Scenario {
            coupling: Coupling {
                lumbar: -1.0,
                ..Coupling::default()
            },
            ..Scenario::default()
        },
        &[
            "coupling.lumbar: -2 is not usable; using -1",
            "\"coupling.spin\" = 1",
        ],
    );
    check(
        vec![("coupling", Other("null".into()))],
        Scenario::default(),
        &["coupling: null"],
    );
}

#[test]
fn anything_that_is_not_an_object_gives_the_defaults_and_a_warning() {
    for v in [
        RawValue::Other("null".into()),
        RawValue::Other("undefined".into()),
        RawValue::Number(4.0),
        RawValue::Text("headTiltDeg=5".into()),
    ] {
        let (s, w) = parse_scenario(&v);
        assert_eq!(s, Scenario::default());
        assert_eq!(w.len(), 1);
        assert!(w[0].to_string().starts_with("scenario:"));
    }
}

#[test]
fn solve_reports_and_repairs_a_bad_scenario_built_in_rust() {
    let p = solve(&Scenario {
        head_tilt_deg: f64::NAN,
        stature_cm: 900.0,
        ..Scenario::default()
    });
    assert_eq!(p.warnings.len(), 2, "{:?}", p.warnings);
    assert_approx_eq!(p.landmarks.head_top.y, 2200.0, 1e-6);
    assert!(numbers(&p).iter().all(|(_, v)| v.is_finite()));
}
