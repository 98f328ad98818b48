//! Neutral stays neutral: neutral input gives the neutral posture for any body, its read-outs are
//! in their normal ranges, and every level is published, in order.

use posture_chain::{solve, Coupling, Level, Posture, Scenario, Sex, LEVEL_COUNT};

use crate::util::{assert_approx_eq, tilt};

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

#[test]
fn every_level_is_published_in_order() {
    let p = solve(&tilt(3.0));
    assert_eq!(p.joints.len(), LEVEL_COUNT);
    for (j, level) in p.joints.iter().zip(Level::ALL) {
        assert_eq!(j.level, level);
    }
}

#[test]
fn neutral_standing_compresses_every_joint_most_in_the_lower_lumbar_spine() {
    for s in [
        Scenario::default(),
        Scenario {
            stature_cm: 158.0,
            mass_kg: 52.0,
            sex: Sex::Female,
            ..Scenario::default()
        },
        Scenario {
            stature_cm: 220.0,
            mass_kg: 200.0,
            ..Scenario::default()
        },
    ] {
        let p = solve(&s);
        let weight_n = s.mass_kg * 9.806_65;
        for j in &p.joints {
            assert!(
                j.compression_n.is_finite() && j.compression_n > 0.0,
                "{}: {}",
                j.level,
                j.compression_n
            );
            // Standing upright is the ratio's reference: 1 everywhere.
            assert_approx_eq!(j.compression_ratio, 1.0, 1e-12, "{}", j.level);
            // At least the head's weight, at most the body's.
            assert!(j.compression_n < weight_n, "{}", j.level);
        }
        let largest = p
            .joints
            .iter()
            .max_by(|a, b| a.compression_n.total_cmp(&b.compression_n))
            .unwrap();
        assert!(
            matches!(largest.level, Level::L4L5 | Level::L5S1),
            "largest at {}",
            largest.level
        );
        // The neck carries less than the low back by several times.
        let c7 = p.joints[Level::C7T1.index()].compression_n;
        assert!(largest.compression_n > 3.0 * c7);
    }
}

#[test]
fn standing_l4_l5_compression_is_the_order_of_wilkes_converted_pressure() {
    // Wilke 1999: 0.5 MPa in one man of 70 kg; × 15-18 cm² / 1.5 is 500-600 N (docs/model.md §6).
    let p = solve(&Scenario {
        mass_kg: 70.0,
        ..Scenario::default()
    });
    let c = p.joints[Level::L4L5.index()].compression_n;
    assert!(
        (385.0..=715.0).contains(&c),
        "{c} N is not within 30% of 500-600 N"
    );
}
