//! The model's specification as native tests: neutral stays neutral, the eyes end level, mirror
//! symmetry, finite outputs, ranges, monotone cascades, Hansraj's loads, geometry, the two
//! directions of the cascade, the lenient input, the reusable solver and the model card.
//!
//! Units as the public fields say (degrees, millimetres, kilograms, newton-metres).

use posture_chain::{
    card, field_ranges, parse_scenario, parse_scenario_fields, solve, CascadeStep, Coupling, Level,
    Posture, RawValue, Scenario, Sex, Solver, Warning, LEVEL_COUNT,
};
use proptest::prelude::*;

use crate::util::{allocations, assert_approx_eq, leg, tilt};

// ---------------------------------------------------------------------------------------------
// Helpers

/// The frontal inputs negated: the subject's mirror image.
fn mirrored(s: &Scenario) -> Scenario {
    Scenario {
        head_tilt_deg: -s.head_tilt_deg,
        head_rotation_deg: -s.head_rotation_deg,
        anatomic_leg_length_diff_mm: -s.anatomic_leg_length_diff_mm,
        ..*s
    }
}

/// Every number a posture publishes, with a name for messages.
fn numbers(p: &Posture) -> Vec<(String, f64)> {
    let m = &p.measures;
    let mut out = vec![
        ("eyeLineTiltDeg".to_string(), m.eye_line_tilt_deg),
        ("shoulderTiltDeg".into(), m.shoulder_tilt_deg),
        ("shoulderHeightDiffMm".into(), m.shoulder_height_diff_mm),
        ("pelvicObliquityDeg".into(), m.pelvic_obliquity_deg),
        ("pelvicRotationDeg".into(), m.pelvic_rotation_deg),
        (
            "functionalLegLengthDiffMm".into(),
            m.functional_leg_length_diff_mm,
        ),
        ("coronalBalanceMm".into(), m.coronal_balance_mm),
        ("sagittalVerticalAxisMm".into(), m.sagittal_vertical_axis_mm),
        (
            "craniovertebralAngleDeg".into(),
            m.craniovertebral_angle_deg,
        ),
        ("headLoadKg".into(), m.head_load_kg),
        ("weightLeftPct".into(), m.weight_left_pct),
    ];
    for j in &p.joints {
        let n = j.level.name();
        out.push((format!("{n} bend"), j.lateral_bend_deg));
        out.push((format!("{n} flexion"), j.flexion_deg));
        out.push((format!("{n} rotation"), j.axial_rotation_deg));
        out.push((format!("{n} frontal moment"), j.moment_frontal_nm));
        out.push((format!("{n} sagittal moment"), j.moment_sagittal_nm));
        out.push((format!("{n} moment"), j.moment_nm));
        out.push((format!("{n} load"), j.load));
    }
    for c in &p.cascade {
        out.push((format!("{:?} share", c.step), c.share));
    }
    for (name, pt) in points(p) {
        out.push((format!("{name}.x"), pt.x));
        out.push((format!("{name}.y"), pt.y));
        out.push((format!("{name}.z"), pt.z));
    }
    out
}

/// Every landmark with its name.
fn points(p: &Posture) -> Vec<(String, posture_chain::PointMm)> {
    let l = &p.landmarks;
    let mut out: Vec<(String, posture_chain::PointMm)> = vec![
        ("headTop".into(), l.head_top),
        ("headCentre".into(), l.head_centre),
        ("eyeLeft".into(), l.eye_left),
        ("eyeRight".into(), l.eye_right),
        ("earLeft".into(), l.ear_left),
        ("earRight".into(), l.ear_right),
        ("c7".into(), l.c7),
        ("c7Spinous".into(), l.c7_spinous),
        ("acromionLeft".into(), l.acromion_left),
        ("acromionRight".into(), l.acromion_right),
        ("iliacCrestLeft".into(), l.iliac_crest_left),
        ("iliacCrestRight".into(), l.iliac_crest_right),
        ("sacrum".into(), l.sacrum),
        ("hipLeft".into(), l.hip_left),
        ("hipRight".into(), l.hip_right),
        ("kneeLeft".into(), l.knee_left),
        ("kneeRight".into(), l.knee_right),
        ("ankleLeft".into(), l.ankle_left),
        ("ankleRight".into(), l.ankle_right),
        ("heelLeft".into(), l.heel_left),
        ("heelRight".into(), l.heel_right),
        ("toeLeft".into(), l.toe_left),
        ("toeRight".into(), l.toe_right),
        ("centreOfMass".into(), l.centre_of_mass),
        ("headCentreOfMass".into(), l.head_centre_of_mass),
    ];
    for (i, v) in l.vertebrae.iter().enumerate() {
        out.push((format!("vertebra{i}"), *v));
    }
    out
}

fn share(p: &Posture, step: CascadeStep) -> f64 {
    p.cascade
        .iter()
        .find(|c| c.step == step)
        .map(|c| c.share)
        .unwrap()
}

fn hip_spacing_mm(p: &Posture) -> f64 {
    let (l, r) = (p.landmarks.hip_left, p.landmarks.hip_right);
    ((r.x - l.x).powi(2) + (r.y - l.y).powi(2) + (r.z - l.z).powi(2)).sqrt()
}

fn lumbosacral(p: &Posture) -> &posture_chain::JointState {
    &p.joints[Level::L5S1.index()]
}

// ---------------------------------------------------------------------------------------------
// Neutral stays neutral

#[test]
fn neutral_input_gives_the_neutral_posture_for_any_body() {
    let check = |s: Scenario| {
        let p = solve(&s);
        for j in &p.joints {
            assert_approx_eq!(j.lateral_bend_deg, 0.0, 1e-9, "{}", j.level);
            assert_approx_eq!(j.flexion_deg, 0.0, 1e-9, "{}", j.level);
            assert_approx_eq!(j.axial_rotation_deg, 0.0, 1e-9, "{}", j.level);
            assert_approx_eq!(j.moment_frontal_nm, 0.0, 1e-9, "{}", j.level);
        }
        assert_approx_eq!(p.measures.weight_left_pct, 50.0, 1e-9);
        assert_approx_eq!(p.measures.eye_line_tilt_deg, 0.0, 1e-9);
        assert_approx_eq!(p.measures.pelvic_obliquity_deg, 0.0, 1e-9);
        assert_approx_eq!(p.measures.coronal_balance_mm, 0.0, 1e-9);
        assert!(p.cascade.iter().all(|c| c.share == 0.0));
        assert!(p.warnings.is_empty(), "{:?}", p.warnings);
        assert_eq!(
            p,
            Posture::neutral_for(&Scenario {
                head_tilt_deg: 9.0,
                ..s
            })
        );
    };
    check(Scenario::default());
    check(Scenario {
        stature_cm: 158.0,
        mass_kg: 52.0,
        sex: Sex::Female,
        ..Scenario::default()
    });
    check(Scenario {
        stature_cm: 220.0,
        mass_kg: 200.0,
        compensation: 0.3,
        ..Scenario::default()
    });
    check(Scenario {
        coupling: Coupling {
            cervical: -1.0,
            thoracic: 1.0,
            lumbar: 1.0,
        },
        ..Scenario::default()
    });
}

#[test]
fn neutral_read_outs_are_in_their_normal_ranges() {
    let m = solve(&Scenario::default()).measures;
    // Schwab 2012: SVA under 4 cm is normal; Lau 2009: controls' CVA 50.6 ± 2.1°.
    assert!((0.0..40.0).contains(&m.sagittal_vertical_axis_mm), "{m:?}");
    assert_approx_eq!(m.craniovertebral_angle_deg, 50.6, 2.1);
    assert_approx_eq!(m.head_load_kg, 0.0694 * 75.0, 1e-9);
}

// ---------------------------------------------------------------------------------------------
// Keeping the eyes level

#[test]
fn compensation_sets_how_much_of_the_tilt_the_eyes_keep() {
    // Rigid pelvic tilt for a leg-length difference, from the hip spacing alone.
    let rigid_leg_deg = |mm: f64| (mm / 170.0f64).asin().to_degrees();
    let check = |s: Scenario, expected_eye_deg: f64| {
        let p = solve(&s);
        assert_approx_eq!(
            p.measures.eye_line_tilt_deg,
            expected_eye_deg,
            1e-6,
            "{s:?}"
        );
    };
    check(tilt(10.0), 0.0);
    check(
        Scenario {
            compensation: 0.0,
            ..tilt(10.0)
        },
        -10.0,
    );
    check(
        Scenario {
            compensation: 0.0,
            ..tilt(-7.0)
        },
        7.0,
    );
    check(
        Scenario {
            compensation: 0.5,
            ..tilt(10.0)
        },
        -5.0,
    );
    check(
        Scenario {
            compensation: 0.25,
            ..tilt(-20.0)
        },
        15.0,
    );
    check(leg(10.0), 0.0);
    check(
        Scenario {
            compensation: 0.0,
            ..leg(10.0)
        },
        rigid_leg_deg(10.0),
    );
    check(
        Scenario {
            compensation: 0.0,
            ..leg(-25.0)
        },
        rigid_leg_deg(-25.0),
    );
}

#[test]
fn without_compensation_nothing_but_the_misalignment_moves() {
    let s = Scenario {
        compensation: 0.0,
        ..tilt(12.0)
    };
    let p = solve(&s);
    for j in &p.joints[2..] {
        assert_approx_eq!(j.lateral_bend_deg, 0.0, 1e-12, "{}", j.level);
    }
    let imposed: f64 = p.joints[..2].iter().map(|j| j.lateral_bend_deg).sum();
    assert_approx_eq!(imposed, 12.0, 1e-12);
    assert!(p.cascade.iter().all(|c| c.share == 0.0));
}

#[test]
fn gaze_stays_forward_when_the_head_is_turned() {
    let p = solve(&Scenario {
        head_rotation_deg: 20.0,
        ..Scenario::default()
    });
    // The eyes stay level and the chain below turns the other way.
    assert_approx_eq!(p.measures.eye_line_tilt_deg, 0.0, 1e-9);
    let below: f64 = p.joints[2..].iter().map(|j| j.axial_rotation_deg).sum();
    let head: f64 = p.joints[..2].iter().map(|j| j.axial_rotation_deg).sum();
    assert!(head > 19.0, "head joints turn {head}");
    assert!(
        below + p.measures.pelvic_rotation_deg < -15.0,
        "below {below}"
    );
    let l = &p.landmarks;
    // Eyes face forward: equal depth.
    assert_approx_eq!(l.eye_right.z - l.eye_left.z, 0.0, 1e-6);
}

// ---------------------------------------------------------------------------------------------
// Hansraj 2014

#[test]
fn head_load_follows_hansraj_for_the_default_body() {
    // Hansraj drew the head bowed with the eyes following it: no righting of the gaze.
    let check = |flexion_deg: f64, hansraj_kg: f64| {
        let s = Scenario {
            forward_head_deg: flexion_deg,
            compensation: 0.0,
            ..Scenario::default()
        };
        let kg = solve(&s).measures.head_load_kg;
        assert_approx_eq!(kg, hansraj_kg, 0.15 * hansraj_kg, "at {flexion_deg}°");
    };
    check(0.0, 5.0);
    check(15.0, 12.2);
    check(30.0, 18.1);
    check(45.0, 22.2);
    check(60.0, 27.2);
}

#[test]
fn righting_the_gaze_pulls_the_head_back_and_lightens_the_neck() {
    let bowed = solve(&Scenario {
        forward_head_deg: 30.0,
        compensation: 0.0,
        ..Scenario::default()
    });
    let righted = solve(&Scenario {
        forward_head_deg: 30.0,
        ..Scenario::default()
    });
    assert!(righted.measures.head_load_kg < bowed.measures.head_load_kg);
    assert!(righted.measures.head_load_kg > 5.5);
    // The righting is suboccipital extension.
    let upper: f64 = righted.joints[..2].iter().map(|j| j.flexion_deg).sum();
    assert_approx_eq!(upper, -30.0, 1.0);
    assert!(
        righted.measures.craniovertebral_angle_deg
            < solve(&Scenario::default())
                .measures
                .craniovertebral_angle_deg
    );
}

// ---------------------------------------------------------------------------------------------
// Geometry

#[test]
fn leg_length_read_outs_agree_geometrically() {
    let check = |mm: f64| {
        let p = solve(&leg(mm));
        let m = &p.measures;
        let spacing = hip_spacing_mm(&p);
        let expected = spacing * m.pelvic_obliquity_deg.to_radians().sin();
        assert_approx_eq!(
            m.functional_leg_length_diff_mm,
            expected,
            1e-6,
            "at {mm} mm"
        );
        let hips = p.landmarks.hip_right.y - p.landmarks.hip_left.y;
        assert_approx_eq!(m.functional_leg_length_diff_mm, hips, 1e-9);
        // The legs absorb part, never more than all, and never reverse it.
        assert!(m.functional_leg_length_diff_mm * mm >= 0.0);
        assert!(m.functional_leg_length_diff_mm.abs() < mm.abs() + 1e-9);
    };
    for mm in [-30.0, -12.0, -5.0, 0.0, 3.0, 10.0, 22.0, 30.0] {
        check(mm);
    }
}

#[test]
fn pelvic_obliquity_is_near_the_measured_slope() {
    // Cummings 1993, Young 2000: about 0.8° per cm of leg-length difference, far below the
    // 3.4° per cm of a rigid pelvis on rigid legs.
    let per_cm = solve(&leg(10.0)).measures.pelvic_obliquity_deg;
    assert_approx_eq!(per_cm, 0.8, 0.15);
    let rigid = solve(&Scenario {
        compensation: 0.0,
        ..leg(10.0)
    })
    .measures
    .pelvic_obliquity_deg;
    assert_approx_eq!(rigid, (10.0f64 / 170.0).asin().to_degrees(), 1e-9);
}

#[test]
fn body_stands_at_its_stature_and_landmarks_are_where_a_drawing_needs_them() {
    for (stature_cm, sex) in [(175.0, Sex::Male), (150.0, Sex::Female), (210.0, Sex::Male)] {
        let p = solve(&Scenario {
            stature_cm,
            sex,
            ..Scenario::default()
        });
        let l = &p.landmarks;
        assert_approx_eq!(l.head_top.y, stature_cm * 10.0, 1e-6);
        let h = stature_cm * 10.0;
        assert_approx_eq!(l.acromion_right.y, 0.818 * h, 1e-6);
        assert_approx_eq!(l.acromion_right.x - l.acromion_left.x, 0.259 * h, 1e-6);
        assert_approx_eq!(l.hip_right.y, 0.530 * h, 1e-6);
        assert_approx_eq!(l.knee_right.y, 0.285 * h, 1e-6);
        assert_approx_eq!(l.ankle_right.y, 0.039 * h, 1e-6);
        // Vertebrae run down from C1 to L5 and sit between the head and the sacrum.
        assert!(l.vertebrae.windows(2).all(|w| w[0].y > w[1].y));
        assert!(l.vertebrae[0].y < l.eye_left.y && l.vertebrae[23].y > l.sacrum.y);
        assert!(l.eye_left.x < 0.0 && l.eye_right.x > 0.0);
        assert!(l.toe_left.z > l.heel_left.z);
        assert!((l.heel_left.z..l.toe_left.z).contains(&l.centre_of_mass.z));
    }
}

// ---------------------------------------------------------------------------------------------
// Top-down and bottom-up

#[test]
fn top_down_and_bottom_up_both_end_level_and_balanced_but_spread_differently() {
    let check = |s: Scenario| {
        let p = solve(&s);
        let m = &p.measures;
        assert_approx_eq!(m.eye_line_tilt_deg, 0.0, 0.1, "{s:?}");
        // Coronal balance within 2 cm is normal; weight nearly even.
        assert!(m.coronal_balance_mm.abs() < 20.0, "{m:?}");
        assert_approx_eq!(m.weight_left_pct, 50.0, 3.0);
        let total: f64 = p.cascade.iter().map(|c| c.share).sum();
        assert_approx_eq!(total, 1.0, 1e-12);
        p
    };
    let top_down = check(tilt(10.0));
    let bottom_up = check(leg(15.0));
    let pelvis = CascadeStep::PelvisAndLegs;
    let neck = CascadeStep::LowerNeckAndShoulders;
    assert!(share(&bottom_up, pelvis) > 0.5, "{:?}", bottom_up.cascade);
    assert!(share(&top_down, pelvis) < 0.2, "{:?}", top_down.cascade);
    assert!(share(&top_down, neck) > 3.0 * share(&bottom_up, neck));
    // From the top the tilt is worked off downward: the neck bends against it.
    let neck_bend: f64 = top_down.joints[2..8]
        .iter()
        .map(|j| j.lateral_bend_deg)
        .sum();
    assert!(neck_bend < -2.0);
    // From the bottom the spine bends toward the long leg above a pelvis tilted away from it.
    let spine_bend: f64 = bottom_up.joints.iter().map(|j| j.lateral_bend_deg).sum();
    assert!(spine_bend > 0.0 && bottom_up.measures.pelvic_obliquity_deg > 0.0);
}

// ---------------------------------------------------------------------------------------------
// Bigger causes, bigger effects

#[test]
fn effects_grow_with_the_head_tilt() {
    let tilts: Vec<f64> = (0..=40).map(|k| k as f64 * 0.5).collect();
    let postures: Vec<Posture> = tilts.iter().map(|t| solve(&tilt(*t))).collect();
    let grows = |name: &str, f: &dyn Fn(&Posture) -> f64| {
        for (w, t) in postures.windows(2).zip(&tilts) {
            let (a, b) = (f(&w[0]), f(&w[1]));
            assert!(b >= a - 1e-9, "{name} falls from {a} to {b} after {t}°");
        }
        assert!(f(&postures[40]) > f(&postures[0]), "{name} does not grow");
    };
    grows("shoulder tilt", &|p| p.measures.shoulder_tilt_deg.abs());
    grows("neck bend", &|p| {
        p.joints[2..8]
            .iter()
            .map(|j| j.lateral_bend_deg.abs())
            .sum()
    });
    grows("thoracic bend", &|p| {
        p.joints[8..20]
            .iter()
            .map(|j| j.lateral_bend_deg.abs())
            .sum()
    });
    grows("lumbar bend", &|p| {
        p.joints[20..]
            .iter()
            .map(|j| j.lateral_bend_deg.abs())
            .sum()
    });
    grows("coronal shift", &|p| p.measures.coronal_balance_mm.abs());
    grows("lumbosacral frontal moment", &|p| {
        lumbosacral(p).moment_frontal_nm.abs()
    });
    grows("lumbosacral load", &|p| lumbosacral(p).load);
}

#[test]
fn effects_grow_with_the_leg_length_difference() {
    let mut last = solve(&leg(0.0));
    for k in 1..=30 {
        let p = solve(&leg(k as f64));
        let (a, b) = (&last.measures, &p.measures);
        assert!(b.pelvic_obliquity_deg > a.pelvic_obliquity_deg, "at {k} mm");
        assert!(
            b.functional_leg_length_diff_mm > a.functional_leg_length_diff_mm,
            "at {k} mm"
        );
        let bend = |p: &Posture| {
            p.joints[20..]
                .iter()
                .map(|j| j.lateral_bend_deg)
                .sum::<f64>()
        };
        assert!(bend(&p) > bend(&last), "at {k} mm");
        last = p;
    }
}

#[test]
fn lower_back_load_rises_with_head_tilt_by_the_moment_the_model_computes() {
    let neutral = solve(&tilt(0.0));
    let tilted = solve(&tilt(15.0));
    let (a, b) = (lumbosacral(&neutral), lumbosacral(&tilted));
    assert!(b.load > a.load, "{} -> {}", a.load, b.load);
    // The rise is the moment's own rise over one fixed capacity (no other factor hides in it).
    let capacity = a.moment_nm / a.load;
    assert_approx_eq!(b.moment_nm / b.load, capacity, 1e-9 * capacity);
    assert_approx_eq!(
        b.moment_nm,
        b.moment_frontal_nm.hypot(b.moment_sagittal_nm),
        1e-9
    );
    // The trunk above shifts away from the tilt: the frontal moment turns toward the left.
    assert!(b.moment_frontal_nm < -0.5, "{}", b.moment_frontal_nm);
}

// ---------------------------------------------------------------------------------------------
// Warnings and ranges

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

fn check_ranges(p: &Posture) {
    for j in &p.joints {
        let rom = j.level.range_of_motion();
        let motions = [
            (
                if j.flexion_deg >= 0.0 {
                    "flexion"
                } else {
                    "extension"
                },
                j.flexion_deg,
                rom.flexion_extension_deg / 2.0,
            ),
            ("lateral bend", j.lateral_bend_deg, rom.lateral_bend_deg),
            (
                "axial rotation",
                j.axial_rotation_deg,
                rom.axial_rotation_deg,
            ),
        ];
        for (motion, angle, range) in motions {
            let warned = p.warnings.iter().any(|w| {
                matches!(w, Warning::BeyondRange { level, motion: m, .. } if *level == j.level && *m == motion)
            });
            assert_eq!(
                angle.abs() > range * (1.0 + 1e-9),
                warned,
                "{} {motion} {angle} of {range}",
                j.level
            );
        }
    }
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

// ---------------------------------------------------------------------------------------------
// The reusable solver

#[test]
fn the_reusable_solver_gives_what_solve_gives_and_allocates_nothing_in_steady_state() {
    let mut solver = Solver::new();
    let frames: Vec<Scenario> = (0..60)
        .map(|k| {
            let t = k as f64 / 59.0;
            Scenario {
                head_tilt_deg: 20.0 * (3.0 * t).sin(),
                forward_head_deg: 60.0 * t,
                anatomic_leg_length_diff_mm: -10.0 * t,
                compensation: 1.0 - 0.5 * t,
                ..Scenario::default()
            }
        })
        .collect();
    solver.solve(&frames[0]);
    let before = allocations();
    let mut warned = 0;
    for f in &frames {
        warned += solver.solve(f).warnings.len();
    }
    let during = allocations() - before;
    assert!(warned > 0, "the sweep should pass beyond some ranges");
    assert_eq!(during, 0, "{during} allocations in 60 frames");
    // The solver starts each frame from the last one, so it agrees with a cold `solve` to the
    // solver's tolerance rather than bit for bit.
    for f in frames.iter().rev().step_by(7) {
        let (warm, cold) = (solver.solve(f).clone(), solve(f));
        let which = |p: &Posture| -> Vec<(Level, &'static str)> {
            p.warnings
                .iter()
                .filter_map(|w| match w {
                    Warning::BeyondRange { level, motion, .. } => Some((*level, *motion)),
                    _ => None,
                })
                .collect()
        };
        assert_eq!(which(&warm), which(&cold));
        for ((name, a), (_, b)) in numbers(&warm).into_iter().zip(numbers(&cold)) {
            assert_approx_eq!(a, b, 1e-6 * (1.0 + b.abs()), "{name}");
        }
    }
    // A neutral frame after a busy one is exactly neutral again.
    let neutral = solver.solve(&Scenario::default()).clone();
    assert_eq!(neutral, solve(&Scenario::default()));
}

// ---------------------------------------------------------------------------------------------
// The model card

#[test]
fn the_model_card_is_up_to_date() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/model.md");
    let doc = std::fs::read_to_string(path).expect("docs/model.md");
    let fresh = card::refresh(&doc).expect("every generated section has its end marker");
    assert!(
        fresh == doc,
        "docs/model.md is stale: run `cargo run --release --example model_card -- docs/model.md`"
    );
    for name in card::SECTIONS {
        assert!(
            doc.contains(&format!("<!-- generated:{name} -->")),
            "section {name} missing"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Properties over the whole input box

fn scenario() -> impl Strategy<Value = Scenario> {
    let r = field_ranges();
    let range = |i: usize| r[i].min..=r[i].max;
    (
        (range(0), range(1), range(2), range(3), range(4)),
        (
            range(5),
            range(6),
            prop_oneof![Just(Sex::Male), Just(Sex::Female)],
        ),
        (range(7), range(8), range(9)),
    )
        .prop_map(
            |((t, rot, fwd, lld, c), (h, m, sex), (cc, ct, cl))| Scenario {
                head_tilt_deg: t,
                head_rotation_deg: rot,
                forward_head_deg: fwd,
                anatomic_leg_length_diff_mm: lld,
                compensation: c,
                stature_cm: h,
                mass_kg: m,
                sex,
                coupling: Coupling {
                    cervical: cc,
                    thoracic: ct,
                    lumbar: cl,
                },
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn every_output_is_finite_and_ranges_are_kept_or_reported(s in scenario()) {
        let p = solve(&s);
        for (name, v) in numbers(&p) {
            prop_assert!(v.is_finite(), "{name} = {v} for {s:?}");
        }
        check_ranges(&p);
        prop_assert!((0.0..=100.0).contains(&p.measures.weight_left_pct));
        let total: f64 = p.cascade.iter().map(|c| c.share).sum();
        prop_assert!(total == 0.0 || (total - 1.0).abs() < 1e-9);
        prop_assert!(p.cascade.iter().all(|c| (0.0..=1.0).contains(&c.share)));
    }

    #[test]
    fn the_solution_stays_near_the_stance_it_corrects(s in scenario()) {
        // Guards against Newton leaping to a far-off solution of the same goals: the head stays
        // above the shoulders and the trunk over the pelvis.
        let p = solve(&s);
        let m = &p.measures;
        prop_assert!(m.craniovertebral_angle_deg > 10.0, "{m:?}");
        prop_assert!(m.coronal_balance_mm.abs() < 0.1 * s.stature_cm * 10.0, "{m:?}");
        prop_assert!(p.landmarks.head_top.y > p.landmarks.eye_left.y);
        let upper: f64 = p.joints[..2].iter().map(|j| j.flexion_deg).sum();
        if s.compensation > 0.5 && s.forward_head_deg > 5.0 {
            prop_assert!(upper < 0.0, "the head joints flex by {upper}° instead of extending");
        }
        prop_assert!(upper <= 1e-9 || s.compensation < 1.0 || s.forward_head_deg == 0.0);
    }

    #[test]
    fn full_compensation_levels_the_eyes_everywhere(s in scenario()) {
        let p = solve(&Scenario { compensation: 1.0, ..s });
        prop_assert!(p.measures.eye_line_tilt_deg.abs() < 0.1, "{:?} for {s:?}", p.measures);
    }

    #[test]
    fn no_compensation_leaves_the_eye_line_at_the_head_tilt(s in scenario()) {
        let s = Scenario {
            compensation: 0.0,
            head_rotation_deg: 0.0,
            forward_head_deg: 0.0,
            anatomic_leg_length_diff_mm: 0.0,
            ..s
        };
        let p = solve(&s);
        prop_assert!((p.measures.eye_line_tilt_deg + s.head_tilt_deg).abs() < 1e-9);
    }

    #[test]
    fn the_mirror_image_mirrors_every_output(s in scenario()) {
        let a = solve(&s);
        let b = solve(&mirrored(&s));
        // Equal up to the solver's convergence (steps below 1e-9 rad).
        let near = |x: f64, y: f64| (x - y).abs() <= 1e-6 * (1.0 + x.abs());
        for (ja, jb) in a.joints.iter().zip(&b.joints) {
            prop_assert!(near(ja.lateral_bend_deg, -jb.lateral_bend_deg), "{}", ja.level);
            prop_assert!(near(ja.axial_rotation_deg, -jb.axial_rotation_deg), "{}", ja.level);
            prop_assert!(near(ja.flexion_deg, jb.flexion_deg), "{}", ja.level);
            prop_assert!(near(ja.moment_frontal_nm, -jb.moment_frontal_nm), "{}", ja.level);
            prop_assert!(near(ja.moment_sagittal_nm, jb.moment_sagittal_nm), "{}", ja.level);
            prop_assert!(near(ja.load, jb.load), "{}", ja.level);
        }
        let (ma, mb) = (&a.measures, &b.measures);
        for (x, y) in [
            (ma.eye_line_tilt_deg, -mb.eye_line_tilt_deg),
            (ma.shoulder_tilt_deg, -mb.shoulder_tilt_deg),
            (ma.shoulder_height_diff_mm, -mb.shoulder_height_diff_mm),
            (ma.pelvic_obliquity_deg, -mb.pelvic_obliquity_deg),
            (ma.pelvic_rotation_deg, -mb.pelvic_rotation_deg),
            (ma.functional_leg_length_diff_mm, -mb.functional_leg_length_diff_mm),
            (ma.coronal_balance_mm, -mb.coronal_balance_mm),
            (ma.sagittal_vertical_axis_mm, mb.sagittal_vertical_axis_mm),
            (ma.craniovertebral_angle_deg, mb.craniovertebral_angle_deg),
            (ma.head_load_kg, mb.head_load_kg),
            (ma.weight_left_pct, 100.0 - mb.weight_left_pct),
        ] {
            prop_assert!(near(x, y), "{x} vs {y}");
        }
        for (ca, cb) in a.cascade.iter().zip(&b.cascade) {
            prop_assert!(near(ca.share, cb.share));
        }
        // Landmarks: left and right swap, x changes sign.
        let (la, lb) = (&a.landmarks, &b.landmarks);
        let mut pairs = vec![
            (la.eye_left, lb.eye_right),
            (la.ear_left, lb.ear_right),
            (la.acromion_left, lb.acromion_right),
            (la.iliac_crest_left, lb.iliac_crest_right),
            (la.hip_left, lb.hip_right),
            (la.knee_left, lb.knee_right),
            (la.ankle_left, lb.ankle_right),
            (la.toe_left, lb.toe_right),
            (la.heel_left, lb.heel_right),
            (la.c7, lb.c7),
            (la.c7_spinous, lb.c7_spinous),
            (la.sacrum, lb.sacrum),
            (la.head_top, lb.head_top),
            (la.centre_of_mass, lb.centre_of_mass),
        ];
        pairs.extend(la.vertebrae.iter().copied().zip(lb.vertebrae.iter().copied()));
        for (p, q) in pairs {
            prop_assert!(near(p.x, -q.x) && near(p.y, q.y) && near(p.z, q.z), "{p:?} vs {q:?}");
        }
    }
}

#[test]
fn every_level_is_published_in_order() {
    let p = solve(&tilt(3.0));
    assert_eq!(p.joints.len(), LEVEL_COUNT);
    for (j, level) in p.joints.iter().zip(Level::ALL) {
        assert_eq!(j.level, level);
    }
}
