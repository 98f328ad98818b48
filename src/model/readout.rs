//! From a solved pose to the published [`Posture`]: joint angles, moments and compression, clinical read-outs,
//! the cascade of compensation, landmarks in millimetres, and range-of-motion warnings.
//!
//! Computed in SI units (metres, radians, newtons); converted to the `_deg`, `_mm`, `_kg`, `_nm`
//! units of the public fields only when written out.

use super::body::VERTEBRA_COUNT;
use super::chain::Pose;
use super::compression::joint_load;
use super::level::{Level, LEVEL_COUNT};
use super::math::Vec3;
use super::params::GRAVITY;
use super::posture::{
    CascadeShare, JointState, Landmarks, Measures, PointMm, Posture, Warning, MOTIONS,
};
use super::problem::{head_moment_nm, Problem, Reference, NX};
use super::step::CascadeStep;
use super::strategy::{Strategy, StrategyTag};

/// A posture with every number zero, to be filled.
pub(crate) fn empty_posture() -> Posture {
    Posture {
        measures: Measures::default(),
        joints: Level::ALL.map(JointState::neutral),
        cascade: CascadeStep::ALL.map(|step| CascadeShare { step, share: 0.0 }),
        landmarks: Landmarks::default(),
        strategy: StrategyTag::of(Strategy::Spine),
        warnings: Vec::new(),
    }
}

fn mm(v: Vec3) -> PointMm {
    PointMm::new(v.x * 1e3, v.y * 1e3, v.z * 1e3)
}

/// Tilt of the line from `left` to `right` above the horizontal (degrees; positive: right higher).
fn line_tilt_deg(left: Vec3, right: Vec3) -> f64 {
    let d = right - left;
    d.y.atan2(d.x.hypot(d.z)).to_degrees()
}

/// Writes everything a solve yields into `out` (its warning list is appended to, not replaced).
pub(crate) fn fill(out: &mut Posture, problem: &Problem, x: &[f64; NX], p: &Pose, r: &Reference) {
    let body = &problem.body;
    let cfg = problem.config(x);

    // Joints: angles, moments, loads, and range warnings.
    for i in 0..LEVEL_COUNT {
        let level = Level::ALL[i];
        let [frontal, sagittal, compression] = joint_load(body, p, i);
        let moment = frontal.hypot(sagittal);
        let j = &mut out.joints[i];
        j.level = level;
        j.lateral_bend_deg = cfg.bend[i].to_degrees();
        j.flexion_deg = cfg.flexion[i].to_degrees();
        j.axial_rotation_deg = cfg.rotation[i].to_degrees();
        j.moment_frontal_nm = frontal;
        j.moment_sagittal_nm = sagittal;
        j.moment_nm = moment;
        j.compression_n = compression;
        j.compression_ratio = compression / r.compression_n[i];
        let range = body.range_rad[i];
        let checks = [
            (
                if cfg.flexion[i] >= 0.0 {
                    MOTIONS[0]
                } else {
                    MOTIONS[1]
                },
                cfg.flexion[i],
                range[0],
            ),
            (MOTIONS[2], cfg.bend[i], range[1]),
            (MOTIONS[3], cfg.rotation[i], range[2]),
        ];
        for (motion, angle, limit) in checks {
            if angle.abs() > limit * (1.0 + 1e-9) {
                out.warnings.push(Warning::BeyondRange {
                    level,
                    motion,
                    angle_deg: angle.to_degrees(),
                    range_deg: limit.to_degrees(),
                });
            }
        }
    }

    // Landmarks.
    let mirror = |v: Vec3| Vec3::new(-v.x, v.y, v.z);
    let eye = [
        p.head_point(mirror(body.eye_right)),
        p.head_point(body.eye_right),
    ];
    let ear = [
        p.head_point(mirror(body.ear_right)),
        p.head_point(body.ear_right),
    ];
    let crest = [
        p.legs.hip_mid + p.legs.rot.0 * mirror(body.crest_right),
        p.legs.hip_mid + p.legs.rot.0 * body.crest_right,
    ];
    let c7 = p.centre[6];
    let c7_spinous = c7 + p.above[Level::C7T1.index()] * body.c7_spinous;
    let sacrum = p.joint[LEVEL_COUNT - 1];
    let s1_corner = sacrum + p.legs.rot.0 * body.s1_posterior_corner;
    let head_centre_local = Vec3::new(
        0.0,
        body.eye_right.y,
        0.5 * (body.eye_right.z + body.ear_right.z),
    );
    let mut vertebrae = [PointMm::default(); VERTEBRA_COUNT];
    for (v, c) in vertebrae.iter_mut().zip(p.centre.iter()) {
        *v = mm(*c);
    }
    let foot = |side: usize| {
        let a = p.legs.ankle[side];
        let lift = (a.y - body.ankle_height_m).max(0.0);
        let nominal_z = 0.0;
        (
            Vec3::new(a.x, lift, nominal_z - 0.2 * body.foot_length_m),
            Vec3::new(a.x, 0.0, nominal_z + 0.8 * body.foot_length_m),
        )
    };
    let (heel_l, toe_l) = foot(0);
    let (heel_r, toe_r) = foot(1);
    out.landmarks = Landmarks {
        head_top: mm(p.head_point(body.head_vertex)),
        head_centre: mm(p.head_point(head_centre_local)),
        eye_left: mm(eye[0]),
        eye_right: mm(eye[1]),
        ear_left: mm(ear[0]),
        ear_right: mm(ear[1]),
        c7: mm(c7),
        acromion_left: mm(p.acromion[0]),
        acromion_right: mm(p.acromion[1]),
        iliac_crest_left: mm(crest[0]),
        iliac_crest_right: mm(crest[1]),
        sacrum: mm(sacrum),
        hip_left: mm(p.legs.hip[0]),
        hip_right: mm(p.legs.hip[1]),
        knee_left: mm(p.legs.knee[0]),
        knee_right: mm(p.legs.knee[1]),
        ankle_left: mm(p.legs.ankle[0]),
        ankle_right: mm(p.legs.ankle[1]),
        vertebrae,
        c7_spinous: mm(c7_spinous),
        centre_of_mass: mm(Vec3::new(p.com.x, 0.0, p.com.z)),
        head_centre_of_mass: mm(p.head_com),
        heel_left: mm(heel_l),
        heel_right: mm(heel_r),
        toe_left: mm(toe_l),
        toe_right: mm(toe_r),
    };

    // Measures.
    let tragus = (ear[0] + ear[1]) * 0.5;
    let cva = (tragus.y - c7_spinous.y)
        .atan2(tragus.z - c7_spinous.z)
        .to_degrees();
    let hm = head_moment_nm(body, p);
    let extra = (hm[0] - r.head_moment_nm[0]).hypot(hm[1] - r.head_moment_nm[1]);
    let head_load_kg = body.head_mass_kg + extra / (GRAVITY * body.neck_extensor_arm_m);
    let foot_r = 0.5 * body.hip_spacing_m;
    let weight_left = ((foot_r - p.com.x) / (2.0 * foot_r) * 100.0).clamp(0.0, 100.0);
    let crest_d = crest[1] - crest[0];
    out.measures = Measures {
        eye_line_tilt_deg: line_tilt_deg(eye[0], eye[1]),
        shoulder_tilt_deg: line_tilt_deg(p.acromion[0], p.acromion[1]),
        shoulder_height_diff_mm: (p.acromion[1].y - p.acromion[0].y) * 1e3,
        shoulder_elevation_diff_mm: body.acromion_right.x
            * (p.girdle[1].sin() - p.girdle[0].sin())
            * 1e3,
        pelvic_obliquity_deg: line_tilt_deg(crest[0], crest[1]),
        pelvic_rotation_deg: (-crest_d.z).atan2(crest_d.x).to_degrees(),
        functional_leg_length_diff_mm: (p.legs.hip[1].y - p.legs.hip[0].y) * 1e3,
        coronal_balance_mm: (c7.x - sacrum.x) * 1e3,
        sagittal_vertical_axis_mm: (c7.z - s1_corner.z) * 1e3,
        craniovertebral_angle_deg: cva,
        head_load_kg,
        weight_left_pct: weight_left,
    };

    // Cascade: each step's share of the response, the imposed misalignment (the cause) excluded;
    // under the chain strategy the tone is part of the response.
    let tone = &problem.tone;
    let mut amount = [0.0; CascadeStep::COUNT];
    for (i, level) in Level::ALL.iter().enumerate() {
        let a = CascadeStep::of(*level).index();
        let bend = x[3 * i] + tone.bend[i];
        let flex = x[3 * i + 1] + tone.flexion[i];
        let rot = cfg.rotation[i] - (problem.imposed.rotation[i] - tone.rotation[i]);
        amount[a] += bend.abs() + flex.abs() + rot.abs();
    }
    amount[CascadeStep::LowerNeckAndShoulders.index()] += p.girdle[0].abs() + p.girdle[1].abs();
    let leg = body.leg_height_m;
    let pel = p.pelvis_dofs;
    amount[CascadeStep::PelvisAndLegs.index()] += (p.legs.obliquity - problem.cause_obliquity)
        .abs()
        + pel.yaw.abs()
        + pel.tilt.abs()
        + (pel.shift_x_m / leg).atan().abs()
        + (pel.shift_z_m / leg).atan().abs();
    let total: f64 = amount.iter().sum();
    for (k, c) in out.cascade.iter_mut().enumerate() {
        c.step = CascadeStep::ALL[k];
        c.share = if total > 1e-12 {
            amount[k] / total
        } else {
            0.0
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::body::Body;
    use crate::model::scenario::{Coupling, Sex};

    #[test]
    fn the_neutral_head_moment_is_small_and_forward() {
        let b = Body::new(1.75, 75.0, Sex::Male, Coupling::default());
        let r = Reference::of(&b);
        assert!(r.head_moment_nm[0].abs() < 1e-12);
        // The head hangs a little ahead of C7-T1: a flexing moment of a few N·m at most.
        assert!(
            (0.0..5.0).contains(&r.head_moment_nm[1]),
            "{:?}",
            r.head_moment_nm
        );
    }

    #[test]
    fn line_tilt_is_positive_when_the_right_end_is_higher() {
        let l = Vec3::new(-1.0, 0.0, 0.0);
        assert!((line_tilt_deg(l, Vec3::new(1.0, 2.0, 0.0)) - 45.0).abs() < 1e-12);
        assert!(line_tilt_deg(l, Vec3::new(1.0, -0.1, 0.0)) < 0.0);
    }
}
