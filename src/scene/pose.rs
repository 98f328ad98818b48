//! A drawable snapshot of a posture (landmarks, joints, measures) that can be blended region by region.

use crate::model::{
    CascadeStep, JointState, Landmarks, Measure, Measures, PointMm, Posture, LEVEL_COUNT,
};

/// How many regions the cascade moves one after another (see [`CascadeStep::ALL`]).
pub const STEPS: usize = CascadeStep::COUNT;

/// Per-region blend weights, 0 = `from`, 1 = `to`, in the order of [`CascadeStep::ALL`].
pub type StepWeights = [f64; STEPS];

/// What the scene needs of a [`Posture`], without its warnings, so it is `Copy`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pose {
    pub landmarks: Landmarks,
    pub joints: [JointState; LEVEL_COUNT],
    pub measures: Measures,
}

impl Pose {
    pub fn of(posture: &Posture) -> Pose {
        Pose {
            landmarks: posture.landmarks,
            joints: posture.joints,
            measures: posture.measures,
        }
    }

    /// Blends `from` towards `to`, each part by the weight of the cascade step it belongs to.
    pub fn mix(from: &Pose, to: &Pose, w: &StepWeights) -> Pose {
        let mut out = *to;
        for_each_point(
            &mut out.landmarks,
            &from.landmarks,
            &to.landmarks,
            |step, a, b| lerp_point(a, b, w[step]),
        );
        for (i, joint) in out.joints.iter_mut().enumerate() {
            let step = CascadeStep::of(joint.level).index();
            *joint = lerp_joint(&from.joints[i], &to.joints[i], w[step]);
        }
        out.measures = mix_measures(&from.measures, &to.measures, w);
        out
    }

    /// The largest gain, up to `gain` and at least 1, that moves no landmark further than
    /// `limit_mm` from `neutral` across the frontal plane.
    pub fn magnify_within(&self, neutral: &Pose, gain: f64, limit_mm: f64) -> f64 {
        if gain.is_nan() || gain <= 1.0 {
            return 1.0;
        }
        let mut largest: f64 = 0.0;
        let mut scratch = self.landmarks;
        for_each_point(
            &mut scratch,
            &neutral.landmarks,
            &self.landmarks,
            |_, n, p| {
                largest = largest.max((p.x - n.x).abs()).max((p.y - n.y).abs());
                p
            },
        );
        if largest * gain <= limit_mm || !largest.is_finite() {
            gain
        } else {
            // Not `clamp`: with a bound that is not a constant, its assertion drags float
            // formatting (about 8 KB gzipped) into the wasm.
            (limit_mm / largest).max(1.0).min(gain)
        }
    }

    /// Landmarks moved `gain` times further from `neutral` across the frontal plane (x and y), to
    /// make side-to-side millimetres visible; depth (z), joints and measures are left as they are,
    /// since forward head posture is large already.
    pub fn magnified(&self, neutral: &Pose, gain: f64) -> Pose {
        let mut out = *self;
        if gain == 1.0 {
            return out;
        }
        for_each_point(
            &mut out.landmarks,
            &neutral.landmarks,
            &self.landmarks,
            |_, n, p| PointMm::new(n.x + gain * (p.x - n.x), n.y + gain * (p.y - n.y), p.z),
        );
        out
    }
}

/// Exact at both ends, so a finished region is exactly its target. Never inlined, nor is
/// `lerp_point`: `mix` calls them for every landmark and joint field, and each inlined copy of
/// the branches cost wasm (100 gzip bytes together).
#[inline(never)]
fn lerp(a: f64, b: f64, t: f64) -> f64 {
    if t <= 0.0 {
        a
    } else if t >= 1.0 {
        b
    } else {
        a + (b - a) * t
    }
}

#[inline(never)]
fn lerp_point(a: PointMm, b: PointMm, t: f64) -> PointMm {
    PointMm::new(lerp(a.x, b.x, t), lerp(a.y, b.y, t), lerp(a.z, b.z, t))
}

fn lerp_joint(a: &JointState, b: &JointState, t: f64) -> JointState {
    JointState {
        level: b.level,
        lateral_bend_deg: lerp(a.lateral_bend_deg, b.lateral_bend_deg, t),
        flexion_deg: lerp(a.flexion_deg, b.flexion_deg, t),
        axial_rotation_deg: lerp(a.axial_rotation_deg, b.axial_rotation_deg, t),
        moment_frontal_nm: lerp(a.moment_frontal_nm, b.moment_frontal_nm, t),
        moment_sagittal_nm: lerp(a.moment_sagittal_nm, b.moment_sagittal_nm, t),
        moment_nm: lerp(a.moment_nm, b.moment_nm, t),
        compression_n: lerp(a.compression_n, b.compression_n, t),
        compression_ratio: lerp(a.compression_ratio, b.compression_ratio, t),
    }
}

/// Each read-out moves with the cascade step it belongs to.
fn mix_measures(a: &Measures, b: &Measures, w: &StepWeights) -> Measures {
    let mut out = *b;
    for m in Measure::ALL {
        *m.value_mut(&mut out) = lerp(m.of(a), m.of(b), w[m.step().index()]);
    }
    out
}

/// Calls `f(step, a, b)` for every point of the landmarks and stores the result in `out`.
fn for_each_point(
    out: &mut Landmarks,
    a: &Landmarks,
    b: &Landmarks,
    mut f: impl FnMut(usize, PointMm, PointMm) -> PointMm,
) {
    macro_rules! each {
        ($step:expr => $($field:ident),*) => {
            $( out.$field = f($step, a.$field, b.$field); )*
        };
    }
    const HEAD: usize = CascadeStep::HeadAndUpperNeck.index();
    const SHOULDERS: usize = CascadeStep::LowerNeckAndShoulders.index();
    const PELVIS: usize = CascadeStep::PelvisAndLegs.index();
    each!(HEAD => head_top, head_centre, eye_left, eye_right, ear_left, ear_right);
    each!(SHOULDERS => c7, acromion_left, acromion_right);
    each!(PELVIS => iliac_crest_left, iliac_crest_right, sacrum, hip_left, hip_right, knee_left,
        knee_right, ankle_left, ankle_right);
    for i in 0..out.vertebrae.len() {
        let step = CascadeStep::of_vertebra(i).index();
        out.vertebrae[i] = f(step, a.vertebrae[i], b.vertebrae[i]);
    }
}

#[cfg(test)]
impl Pose {
    /// The solved pose for a head tilt on the default body, for the scene's unit tests.
    pub(crate) fn for_tilt(tilt_deg: f64) -> Pose {
        Pose::of(&crate::model::solve(&crate::model::Scenario {
            head_tilt_deg: tilt_deg,
            ..crate::model::Scenario::default()
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Level, Region};

    #[test]
    fn mix_moves_only_the_weighted_regions() {
        let (a, b) = (Pose::for_tilt(0.0), Pose::for_tilt(15.0));
        let m = Pose::mix(&a, &b, &[1.0, 0.0, 0.0, 0.0, 0.0]);
        assert_eq!(m.landmarks.head_top, b.landmarks.head_top);
        assert_eq!(m.landmarks.vertebrae[1], b.landmarks.vertebrae[1]);
        assert_eq!(m.landmarks.vertebrae[2], a.landmarks.vertebrae[2]);
        assert_eq!(m.landmarks.sacrum, a.landmarks.sacrum);
        assert_eq!(m.joints[0].lateral_bend_deg, b.joints[0].lateral_bend_deg);
        assert_eq!(m.joints[24].lateral_bend_deg, a.joints[24].lateral_bend_deg);
        assert_eq!(m.measures.eye_line_tilt_deg, b.measures.eye_line_tilt_deg);
        assert_eq!(m.joints[24].level, Level::L5S1);
    }

    #[test]
    fn mix_halfway_is_halfway() {
        let (a, b) = (Pose::for_tilt(-10.0), Pose::for_tilt(10.0));
        let m = Pose::mix(&a, &b, &[0.5; STEPS]);
        let mid = (a.landmarks.head_top.x + b.landmarks.head_top.x) / 2.0;
        assert!((m.landmarks.head_top.x - mid).abs() < 1e-9);
    }

    #[test]
    fn regions_follow_the_spine_order() {
        let vertebra_step = |i: usize| CascadeStep::of_vertebra(i).index();
        assert_eq!(vertebra_step(0), 0);
        assert_eq!(vertebra_step(6), 1);
        assert_eq!(vertebra_step(7), 2);
        assert_eq!(vertebra_step(23), 3);
        for level in Level::ALL {
            let expected = match level.region() {
                Region::UpperCervical => 0,
                Region::LowerCervical => 1,
                Region::Thoracic => 2,
                Region::Lumbar => 3,
            };
            assert_eq!(CascadeStep::of(level).index(), expected, "{level}");
        }
    }

    #[test]
    fn magnification_is_held_back_for_large_shifts() {
        let (n, p) = (Pose::for_tilt(0.0), Pose::for_tilt(20.0));
        assert_eq!(p.magnify_within(&n, 1.0, 90.0), 1.0);
        assert_eq!(p.magnify_within(&n, 3.0, 1e9), 3.0);
        let g = p.magnify_within(&n, 3.0, 30.0);
        assert!((1.0..3.0).contains(&g), "{g}");
        let m = p.magnified(&n, g);
        let d = (m.landmarks.head_top.x - n.landmarks.head_top.x).abs();
        assert!(d <= 30.0 + 1e-9 || g == 1.0, "{d}");
    }

    #[test]
    fn magnify_by_one_is_identity_and_by_three_triples_offsets() {
        let (n, p) = (Pose::for_tilt(0.0), Pose::for_tilt(10.0));
        assert_eq!(p.magnified(&n, 1.0), p);
        let m = p.magnified(&n, 3.0);
        let d = p.landmarks.head_top.x - n.landmarks.head_top.x;
        assert!((m.landmarks.head_top.x - n.landmarks.head_top.x - 3.0 * d).abs() < 1e-9);
    }
}
