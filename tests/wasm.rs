//! The model compiled to wasm32 and run in headless Chromium (wasm-bindgen-test).
//!
//! Run with `cargo xtask test`, or alone with
//! `CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner CHROMEDRIVER=/usr/bin/chromedriver
//! cargo test --target wasm32-unknown-unknown --test wasm`.
#![cfg(target_arch = "wasm32")]

use posture_chain::{
    solve, Level, Pose, Posture, Scenario, Scene, SceneOptions, Solver, View, LEVEL_COUNT,
};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn tilted(head_tilt_deg: f64) -> Scenario {
    Scenario {
        head_tilt_deg,
        ..Scenario::default()
    }
}

/// Every number the page draws or prints, in one list.
fn numbers(posture: &Posture) -> Vec<f64> {
    let m = &posture.measures;
    let mut values = vec![
        m.eye_line_tilt_deg,
        m.shoulder_tilt_deg,
        m.shoulder_height_diff_mm,
        m.pelvic_obliquity_deg,
        m.pelvic_rotation_deg,
        m.functional_leg_length_diff_mm,
        m.coronal_balance_mm,
        m.sagittal_vertical_axis_mm,
        m.craniovertebral_angle_deg,
        m.head_load_kg,
        m.weight_left_pct,
    ];
    for joint in &posture.joints {
        values.extend([
            joint.lateral_bend_deg,
            joint.flexion_deg,
            joint.axial_rotation_deg,
            joint.moment_nm,
            joint.compression_n,
            joint.compression_ratio,
        ]);
    }
    let lm = &posture.landmarks;
    for p in lm
        .vertebrae
        .iter()
        .chain([&lm.head_centre, &lm.eye_left, &lm.eye_right, &lm.sacrum])
    {
        values.extend([p.x, p.y, p.z]);
    }
    values.extend(posture.cascade.iter().map(|c| c.share));
    values
}

#[wasm_bindgen_test]
fn a_head_tilt_solves_to_finite_values_inside_wasm() {
    for tilt_deg in [-20.0, -5.0, 0.0, 5.0, 20.0] {
        let posture = solve(&tilted(tilt_deg));
        for (i, value) in numbers(&posture).into_iter().enumerate() {
            assert!(value.is_finite(), "tilt {tilt_deg}: number {i} is {value}");
        }
    }
}

#[wasm_bindgen_test]
fn the_chain_has_every_level_head_to_sacrum() {
    let posture = solve(&tilted(5.0));
    assert_eq!(posture.joints.len(), LEVEL_COUNT);
    for (joint, level) in posture.joints.iter().zip(Level::ALL) {
        assert_eq!(joint.level, level);
    }
    assert_eq!(Level::ALL[0].name(), "C0-C1");
    assert_eq!(Level::ALL[LEVEL_COUNT - 1].name(), "L5-S1");
}

#[wasm_bindgen_test]
fn solving_is_deterministic_in_wasm() {
    let scenario = tilted(7.5);
    assert_eq!(solve(&scenario), solve(&scenario));
}

#[wasm_bindgen_test]
fn bad_input_does_not_panic_and_still_gives_finite_values() {
    // A panic would abort the wasm instance (panic = "abort") and fail the test.
    for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 1e300, -1e300] {
        let scenarios = [
            tilted(bad),
            Scenario {
                stature_cm: bad,
                mass_kg: bad,
                ..Scenario::default()
            },
            Scenario {
                compensation: bad,
                forward_head_deg: bad,
                ..Scenario::default()
            },
        ];
        for scenario in scenarios {
            let posture = solve(&scenario);
            for (i, value) in numbers(&posture).into_iter().enumerate() {
                assert!(value.is_finite(), "{scenario:?}: number {i} is {value}");
            }
        }
    }
}

#[wasm_bindgen_test]
fn every_view_builds_a_labelled_display_list_inside_wasm() {
    let mut solver = Solver::new();
    let neutral = Pose::of(solver.solve(&Scenario::default()));
    let tilted = Pose::of(solver.solve(&tilted(5.0)));
    let mut scene = Scene::new();
    for view in View::ALL {
        scene.set_size_px(view, 400.0, 600.0);
    }
    scene.build(&tilted, &neutral, &SceneOptions::default());
    for view in View::ALL {
        let list = scene.list(view);
        assert!(!list.cmds().is_empty(), "{view:?}: empty display list");
        assert!(
            list.texts().any(|(_, text)| !text.is_empty()),
            "{view:?}: no labels"
        );
    }
}
