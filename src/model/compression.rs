//! Compression along each joint's axis, in newtons: a static single-equivalent-muscle model, as
//! simple ergonomics models of the low back use (the University of Michigan's 3DSSPP in its
//! sagittal form; Chaffin, Andersson and Martin).
//!
//! At joint *i*, everything above it weighs *W* and has a gravitational moment *M* about the joint
//! (frontal and sagittal, N·m). A pair of extensors, left and right, each `a` behind the joint and
//! `k · a` to its side, balances it: together they pull `|M_sagittal| / a`, and one of them alone
//! must pull `|M_frontal| / (k a)`, so the pair's force is the larger of the two. The muscle force
//! acts along the joint's axis (the mean of the axes of the two segments it joins), and so does
//! the weight's component on that axis:
//!
//! &nbsp;&nbsp;&nbsp;&nbsp;C = max(|M_s| / a, |M_f| / (k a)) + W · (axis · up).
//!
//! Left out: the flexors' co-contraction, intra-abdominal pressure, ligaments, passive tissue
//! and the shear across the joint. SI units: metres, kilograms, newtons.

use super::body::Body;
use super::chain::Pose;
use super::level::LEVEL_COUNT;
use super::math::Vec3;
use super::params::GRAVITY;

/// One joint's gravitational load: `[frontal moment (N·m), sagittal moment (N·m), compression (N)]`.
/// Frontal: positive bends the part above to the right; sagittal: positive flexes it forward.
pub(crate) fn joint_load(body: &Body, p: &Pose, i: usize) -> [f64; 3] {
    let lever = p.moment_sum_above[i] - p.joint[i] * p.mass_above_kg[i];
    let frontal = GRAVITY * lever.x;
    let sagittal = GRAVITY * lever.z;
    let arm = body.extensor_arm_m[i];
    let muscle = (sagittal.abs() / arm).max(frontal.abs() / (arm * body.extensor_lateral_factor));
    let axis = unit(segment_axis_above(p, i)) + unit(segment_axis_below(body, p, i));
    let along = unit(axis).y;
    let weight = GRAVITY * p.mass_above_kg[i] * along;
    [frontal, sagittal, muscle + weight]
}

/// The compression of every joint (N), head to sacrum.
pub(crate) fn compression_n(body: &Body, p: &Pose) -> [f64; LEVEL_COUNT] {
    std::array::from_fn(|i| joint_load(body, p, i)[2])
}

/// The long axis of the part above joint `i`: the head's up for C0-C1, else the vertebra's.
fn segment_axis_above(p: &Pose, i: usize) -> Vec3 {
    if i == 0 {
        p.head().col(1)
    } else {
        p.joint[i - 1] - p.joint[i]
    }
}

/// The long axis of the part below joint `i`: the vertebra's, or the S1 endplate's normal.
fn segment_axis_below(body: &Body, p: &Pose, i: usize) -> Vec3 {
    if i + 1 < LEVEL_COUNT {
        p.joint[i] - p.joint[i + 1]
    } else {
        p.legs.rot.0 * body.sacral_normal
    }
}

fn unit(v: Vec3) -> Vec3 {
    let n = v.norm();
    if n > 0.0 {
        v * (1.0 / n)
    } else {
        Vec3::new(0.0, 1.0, 0.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::chain::{self, Config};
    use crate::model::level::Level;
    use crate::model::scenario::{Coupling, Sex};

    #[test]
    fn neutral_standing_compresses_every_joint_by_at_least_the_weight_on_its_axis() {
        let b = Body::new(1.75, 75.0, Sex::Male, Coupling::default());
        let p = chain::pose(&b, &Config::default());
        let above = b.mass_above_kg();
        for (i, mass) in above.iter().enumerate() {
            let [_, sagittal, c] = joint_load(&b, &p, i);
            let weight = mass * GRAVITY;
            assert!(c.is_finite() && c > 0.8 * weight, "{}: {c}", Level::ALL[i]);
            // The muscle part is exactly the sagittal moment over the arm (no frontal moment).
            assert!(c <= weight + sagittal.abs() / b.extensor_arm_m[i] + 1e-9);
        }
    }

    #[test]
    fn a_frontal_moment_loads_one_extensor_alone() {
        let b = Body::new(1.75, 75.0, Sex::Male, Coupling::default());
        let mut cfg = Config::default();
        cfg.bend[Level::L4L5.index()] = 0.2;
        let bent = chain::pose(&b, &cfg);
        let straight = chain::pose(&b, &Config::default());
        let i = Level::L4L5.index();
        let [frontal, _, c] = joint_load(&b, &bent, i);
        assert!(frontal > 1.0, "{frontal}");
        assert!(c > joint_load(&b, &straight, i)[2]);
    }
}
