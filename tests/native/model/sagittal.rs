//! The sagittal response to a forward head: the head joints, the thoracic and lumbar curves and
//! the pelvis's tilt on the hips take the bowed gaze back to horizontal, while the lower neck
//! keeps the imposed flexion and the centre of mass stays over the feet.
//!
//! Degrees, millimetres and newtons, as the public fields say.

use posture_chain::{solve, Posture, Scenario};

use crate::util::assert_approx_eq;

fn forward(deg: f64) -> Posture {
    solve(&Scenario {
        forward_head_deg: deg,
        ..Scenario::default()
    })
}

/// The pelvis's sagittal tilt from the landmarks: the top of S1 about the hip midpoint, in degrees
/// from the same body's neutral, positive anterior (the sacrum's top forward).
pub(crate) fn pelvic_tilt_deg(p: &Posture) -> f64 {
    let angle = |p: &Posture| {
        let l = &p.landmarks;
        let (hy, hz) = (
            0.5 * (l.hip_left.y + l.hip_right.y),
            0.5 * (l.hip_left.z + l.hip_right.z),
        );
        (l.sacrum.z - hz).atan2(l.sacrum.y - hy).to_degrees()
    };
    angle(p) - angle(&forward(0.0))
}

fn sum(
    p: &Posture,
    joints: std::ops::Range<usize>,
    f: fn(&posture_chain::JointState) -> f64,
) -> f64 {
    p.joints[joints].iter().map(f).sum()
}

#[test]
fn the_whole_sagittal_chain_rights_the_gaze_and_the_lower_neck_keeps_the_forward_head() {
    for deg in [10.0, 20.0, 40.0, 60.0] {
        let p = forward(deg);
        // In the sagittal plane the joints' flexion axes are parallel: the gaze's pitch is the sum
        // of every flexion and the pelvis's tilt, and level gaze makes it zero.
        let flexion = sum(&p, 0..25, |j| j.flexion_deg);
        assert_approx_eq!(flexion + pelvic_tilt_deg(&p), 0.0, 1e-6, "at {deg}°");
        assert_approx_eq!(sum(&p, 2..8, |j| j.flexion_deg), deg, 1e-9, "lower neck");
        // Every region extends; the head joints most.
        let head = sum(&p, 0..2, |j| j.flexion_deg);
        let thoracic = sum(&p, 8..20, |j| j.flexion_deg);
        let lumbar = sum(&p, 20..25, |j| j.flexion_deg);
        assert!(
            head < lumbar && lumbar < 0.0 && thoracic < 0.0,
            "{head} {thoracic} {lumbar}"
        );
        assert!(p.measures.eye_line_tilt_deg.abs() < 0.1);
    }
}

#[test]
fn the_response_grows_with_the_forward_head_and_stays_within_reach() {
    let mut last = (0.0, 0.0);
    for deg in [5.0, 15.0, 30.0, 45.0, 60.0] {
        let p = forward(deg);
        let trunk = sum(&p, 8..25, |j| j.flexion_deg);
        let tilt = pelvic_tilt_deg(&p);
        assert!(trunk < last.0, "trunk extension grows: {trunk}° at {deg}°");
        assert!(tilt.abs() > last.1, "pelvic tilt grows: {tilt}° at {deg}°");
        // Within the pelvis's range (8° each way, docs/model.md §8), and every joint's flexion
        // within its own or reported.
        assert!(tilt.abs() < 8.0, "pelvic tilt {tilt}° at {deg}°");
        last = (trunk, tilt.abs());
    }
}

#[test]
fn the_body_stays_balanced_over_the_feet() {
    let upright = forward(0.0);
    for deg in [20.0, 40.0, 60.0] {
        let p = forward(deg);
        let dz = p.landmarks.centre_of_mass.z - upright.landmarks.centre_of_mass.z;
        // The balance goal's range is 8.8 mm: the centre of mass ends within a few of them.
        assert!(dz.abs() < 10.0, "{deg}°: centre of mass moved {dz} mm");
    }
}

#[test]
fn the_base_of_the_neck_carries_more_than_standing_and_less_than_the_bowed_head() {
    for deg in [20.0, 40.0] {
        let righted = forward(deg);
        let bowed = solve(&Scenario {
            forward_head_deg: deg,
            compensation: 0.0,
            ..Scenario::default()
        });
        let (r, b) = (
            righted.joints[7].compression_ratio,
            bowed.joints[7].compression_ratio,
        );
        assert!(
            1.0 < r && r < b,
            "C7-T1 at {deg}°: righted × {r}, bowed × {b}"
        );
    }
}
