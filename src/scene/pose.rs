//! A drawable snapshot of a posture (landmarks, joints, measures) that can be blended region by region.

use crate::{CascadeStep, JointState, Landmarks, Measures, PointMm, Posture, LEVEL_COUNT};

/// How many regions the cascade moves one after another (see [`CascadeStep::ALL`]).
pub const STEPS: usize = CascadeStep::ALL.len();

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
            *joint = lerp_joint(&from.joints[i], &to.joints[i], w[joint_step(i)]);
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

/// The cascade step (index into [`CascadeStep::ALL`]) that moves vertebra `i` (0 = C1 ... 23 = L5).
pub const fn vertebra_step(i: usize) -> usize {
    match i {
        0..=1 => 0,
        2..=6 => 1,
        7..=18 => 2,
        _ => 3,
    }
}

/// The cascade step that moves joint `i` of [`crate::Level::ALL`].
pub const fn joint_step(i: usize) -> usize {
    match i {
        0..=1 => 0,
        2..=7 => 1,
        8..=19 => 2,
        _ => 3,
    }
}

/// Exact at both ends, so a finished region is exactly its target.
fn lerp(a: f64, b: f64, t: f64) -> f64 {
    if t <= 0.0 {
        a
    } else if t >= 1.0 {
        b
    } else {
        a + (b - a) * t
    }
}

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
        load: lerp(a.load, b.load, t),
    }
}

fn mix_measures(a: &Measures, b: &Measures, w: &StepWeights) -> Measures {
    Measures {
        eye_line_tilt_deg: lerp(a.eye_line_tilt_deg, b.eye_line_tilt_deg, w[0]),
        craniovertebral_angle_deg: lerp(
            a.craniovertebral_angle_deg,
            b.craniovertebral_angle_deg,
            w[0],
        ),
        head_load_kg: lerp(a.head_load_kg, b.head_load_kg, w[0]),
        shoulder_tilt_deg: lerp(a.shoulder_tilt_deg, b.shoulder_tilt_deg, w[1]),
        shoulder_height_diff_mm: lerp(a.shoulder_height_diff_mm, b.shoulder_height_diff_mm, w[1]),
        sagittal_vertical_axis_mm: lerp(
            a.sagittal_vertical_axis_mm,
            b.sagittal_vertical_axis_mm,
            w[2],
        ),
        coronal_balance_mm: lerp(a.coronal_balance_mm, b.coronal_balance_mm, w[3]),
        pelvic_obliquity_deg: lerp(a.pelvic_obliquity_deg, b.pelvic_obliquity_deg, w[4]),
        pelvic_rotation_deg: lerp(a.pelvic_rotation_deg, b.pelvic_rotation_deg, w[4]),
        functional_leg_length_diff_mm: lerp(
            a.functional_leg_length_diff_mm,
            b.functional_leg_length_diff_mm,
            w[4],
        ),
        weight_left_pct: lerp(a.weight_left_pct, b.weight_left_pct, w[4]),
    }
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
    each!(0 => head_top, head_centre, eye_left, eye_right, ear_left, ear_right);
    each!(1 => c7, acromion_left, acromion_right);
    each!(4 => iliac_crest_left, iliac_crest_right, sacrum, hip_left, hip_right, knee_left,
        knee_right, ankle_left, ankle_right);
    for i in 0..out.vertebrae.len() {
        out.vertebrae[i] = f(vertebra_step(i), a.vertebrae[i], b.vertebrae[i]);
    }
}

#[cfg(test)]
impl Pose {
    /// The solved pose for a head tilt on the default body, for the scene's unit tests.
    pub(crate) fn for_tilt(tilt_deg: f64) -> Pose {
        Pose::of(&crate::solve(&crate::Scenario {
            head_tilt_deg: tilt_deg,
            ..crate::Scenario::default()
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Level;

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
        assert_eq!(vertebra_step(0), 0);
        assert_eq!(vertebra_step(6), 1);
        assert_eq!(vertebra_step(7), 2);
        assert_eq!(vertebra_step(23), 3);
        for (i, level) in Level::ALL.iter().enumerate() {
            let expected = match level.region() {
                crate::Region::UpperCervical => 0,
                crate::Region::LowerCervical => 1,
                crate::Region::Thoracic => 2,
                crate::Region::Lumbar => 3,
            };
            assert_eq!(joint_step(i), expected, "{level}");
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
