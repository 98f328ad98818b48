//! The head: compensation keeps the eyes level and the gaze forward, and the head's load on the
//! neck follows Hansraj 2014 until righting the gaze pulls the head back.

use posture_chain::{solve, Scenario};

use crate::util::{assert_approx_eq, leg, tilt};

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
    // The righting is shared: the head joints extend by the most of any one region, the trunk
    // and the pelvis take the rest back (tests/native/model/sagittal.rs).
    let upper: f64 = righted.joints[..2].iter().map(|j| j.flexion_deg).sum();
    let trunk: f64 = righted.joints[8..].iter().map(|j| j.flexion_deg).sum();
    assert!((-30.0..-10.0).contains(&upper), "head joints {upper}°");
    assert!(
        upper < trunk && trunk < 0.0,
        "head {upper}°, trunk {trunk}°"
    );
    // The bowed head drops the craniovertebral angle; righted, the trunk's lean back lifts the
    // ear over C7 again, in this model to a little above the neutral angle (docs/model.md §6).
    let neutral_cva = solve(&Scenario::default())
        .measures
        .craniovertebral_angle_deg;
    assert!(bowed.measures.craniovertebral_angle_deg < neutral_cva - 5.0);
    assert!(righted.measures.craniovertebral_angle_deg > bowed.measures.craniovertebral_angle_deg);
}
