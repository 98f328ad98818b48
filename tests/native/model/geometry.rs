//! Geometry: the leg-length read-outs agree with the pelvis, the pelvic slope is near the measured
//! one, and the body stands at its stature with its landmarks where a drawing needs them.

use posture_chain::{solve, Posture, Scenario, Sex};

use crate::util::{assert_approx_eq, leg};

fn hip_spacing_mm(p: &Posture) -> f64 {
    let (l, r) = (p.landmarks.hip_left, p.landmarks.hip_right);
    ((r.x - l.x).powi(2) + (r.y - l.y).powi(2) + (r.z - l.z).powi(2)).sqrt()
}

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
