//! Properties over the whole input box (proptest): every output finite and every range kept or
//! reported, the solution near the stance it corrects, the eyes levelled by full compensation and
//! left at the head tilt by none, and the mirror image mirroring every output, each under every
//! righting strategy.

use posture_chain::{
    field_ranges, solve, Coupling, Input, Posture, Scenario, Sex, Strategy as Righting, Warning,
};
use proptest::prelude::*;

use super::numbers;

/// Any scenario in the input box: every field across its whole range, both sexes.
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
        (
            range(7),
            range(8),
            range(9),
            range(Input::ToneSpread.index()),
        ),
    )
        .prop_map(
            |((t, rot, fwd, lld, c), (h, m, sex), (cc, ct, cl, spread))| Scenario {
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
                tone_spread: spread,
                ..Scenario::default()
            },
        )
}

/// The scenario under each righting strategy.
fn every_strategy(s: &Scenario) -> [Scenario; 3] {
    Righting::ALL.map(|strategy| Scenario { strategy, ..*s })
}

/// The frontal inputs negated: the subject's mirror image.
fn mirrored(s: &Scenario) -> Scenario {
    Scenario {
        head_tilt_deg: -s.head_tilt_deg,
        head_rotation_deg: -s.head_rotation_deg,
        anatomic_leg_length_diff_mm: -s.anatomic_leg_length_diff_mm,
        ..*s
    }
}

/// Every joint angle beyond its range of motion has its warning, and no angle within it has one.
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

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn every_output_is_finite_and_ranges_are_kept_or_reported(s in scenario()) {
        for s in every_strategy(&s) {
            finite_and_kept(&s)?;
        }
    }

    #[test]
    fn the_solution_stays_near_the_stance_it_corrects(s in scenario()) {
        for s in every_strategy(&s) {
            near_the_stance(&s)?;
        }
    }

    #[test]
    fn full_compensation_levels_the_eyes_everywhere(s in scenario()) {
        for s in every_strategy(&Scenario { compensation: 1.0, ..s }) {
            let p = solve(&s);
            prop_assert!(p.measures.eye_line_tilt_deg.abs() < 0.1, "{:?} for {s:?}", p.measures);
            prop_assert_eq!(p.strategy.name, s.strategy);
        }
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
        for s in every_strategy(&s) {
            let p = solve(&s);
            prop_assert!((p.measures.eye_line_tilt_deg + s.head_tilt_deg).abs() < 1e-9);
        }
    }

    #[test]
    fn the_mirror_image_mirrors_every_output(s in scenario()) {
        for s in every_strategy(&s) {
            mirrors(&s)?;
        }
    }
}

fn finite_and_kept(s: &Scenario) -> Result<(), TestCaseError> {
    let s = *s;
    let p = solve(&s);
    for (name, v) in numbers(&p) {
        prop_assert!(v.is_finite(), "{name} = {v} for {s:?}");
    }
    check_ranges(&p);
    prop_assert!((0.0..=100.0).contains(&p.measures.weight_left_pct));
    let total: f64 = p.cascade.iter().map(|c| c.share).sum();
    prop_assert!(total == 0.0 || (total - 1.0).abs() < 1e-9);
    prop_assert!(p.cascade.iter().all(|c| (0.0..=1.0).contains(&c.share)));
    Ok(())
}

fn near_the_stance(s: &Scenario) -> Result<(), TestCaseError> {
    let s = *s;
    // Guards against Newton leaping to a far-off solution of the same goals: the head stays
    // above the shoulders and the trunk over the pelvis.
    let p = solve(&s);
    let m = &p.measures;
    prop_assert!(m.craniovertebral_angle_deg > 10.0, "{m:?}");
    prop_assert!(
        m.coronal_balance_mm.abs() < 0.1 * s.stature_cm * 10.0,
        "{m:?}"
    );
    prop_assert!(p.landmarks.head_top.y > p.landmarks.eye_left.y);
    let upper: f64 = p.joints[..2].iter().map(|j| j.flexion_deg).sum();
    if s.compensation > 0.5 && s.forward_head_deg > 5.0 {
        prop_assert!(
            upper < 0.0,
            "the head joints flex by {upper}° instead of extending"
        );
    }
    prop_assert!(upper <= 1e-9 || s.compensation < 1.0 || s.forward_head_deg == 0.0);
    Ok(())
}

fn mirrors(s: &Scenario) -> Result<(), TestCaseError> {
    let s = *s;
    let a = solve(&s);
    let b = solve(&mirrored(&s));
    // Equal up to the solver's convergence (steps below 1e-9 rad).
    let near = |x: f64, y: f64| (x - y).abs() <= 1e-6 * (1.0 + x.abs());
    for (ja, jb) in a.joints.iter().zip(&b.joints) {
        prop_assert!(
            near(ja.lateral_bend_deg, -jb.lateral_bend_deg),
            "{}",
            ja.level
        );
        prop_assert!(
            near(ja.axial_rotation_deg, -jb.axial_rotation_deg),
            "{}",
            ja.level
        );
        prop_assert!(near(ja.flexion_deg, jb.flexion_deg), "{}", ja.level);
        prop_assert!(
            near(ja.moment_frontal_nm, -jb.moment_frontal_nm),
            "{}",
            ja.level
        );
        prop_assert!(
            near(ja.moment_sagittal_nm, jb.moment_sagittal_nm),
            "{}",
            ja.level
        );
        prop_assert!(near(ja.compression_n, jb.compression_n), "{}", ja.level);
        prop_assert!(
            near(ja.compression_ratio, jb.compression_ratio),
            "{}",
            ja.level
        );
    }
    let (ma, mb) = (&a.measures, &b.measures);
    for (x, y) in [
        (ma.eye_line_tilt_deg, -mb.eye_line_tilt_deg),
        (ma.shoulder_tilt_deg, -mb.shoulder_tilt_deg),
        (ma.shoulder_height_diff_mm, -mb.shoulder_height_diff_mm),
        (
            ma.shoulder_elevation_diff_mm,
            -mb.shoulder_elevation_diff_mm,
        ),
        (ma.pelvic_obliquity_deg, -mb.pelvic_obliquity_deg),
        (ma.pelvic_rotation_deg, -mb.pelvic_rotation_deg),
        (
            ma.functional_leg_length_diff_mm,
            -mb.functional_leg_length_diff_mm,
        ),
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
    pairs.extend(
        la.vertebrae
            .iter()
            .copied()
            .zip(lb.vertebrae.iter().copied()),
    );
    for (p, q) in pairs {
        prop_assert!(
            near(p.x, -q.x) && near(p.y, q.y) && near(p.z, q.z),
            "{p:?} vs {q:?}"
        );
    }
    Ok(())
}
