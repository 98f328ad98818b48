//! PLACEHOLDER solve: a straight chain that bends by the head tilt, until the real solver lands.

use super::level::{Level, LEVEL_COUNT};
use super::posture::{CascadeShare, CascadeStep, JointState, Landmarks, Measures, PointMm, Posture};
use super::scenario::Scenario;

/// Solves the posture for one scenario.
pub fn solve(scenario: &Scenario) -> Posture {
    let h = scenario.stature_cm * 10.0;
    let tilt = scenario.head_tilt_deg.clamp(-20.0, 20.0).to_radians();
    let mut joints = Level::ALL.map(JointState::neutral);
    joints[0].lateral_bend_deg = tilt.to_degrees();
    let sacrum = PointMm::new(0.0, 0.56 * h, 0.0);
    let mut vertebrae = [PointMm::default(); 24];
    let step = (0.87 - 0.56) * h / 24.0;
    let mut angle = 0.0_f64;
    let mut p = sacrum;
    for i in (0..24).rev() {
        angle += -tilt * 0.3 / 24.0;
        p = PointMm::new(p.x + step * angle.sin(), p.y + step * angle.cos(), 0.0);
        vertebrae[i] = p;
        joints[i + 1].lateral_bend_deg = (-tilt * 0.3 / 24.0).to_degrees();
    }
    let c1 = vertebrae[0];
    let head_angle = angle + tilt;
    let up = |d: f64| PointMm::new(c1.x + d * head_angle.sin(), c1.y + d * head_angle.cos(), 0.0);
    let side = |c: PointMm, d: f64| {
        PointMm::new(c.x + d * head_angle.cos(), c.y - d * head_angle.sin(), c.z)
    };
    let head_centre = up(0.06 * h);
    let eye_mid = up(0.07 * h);
    let landmarks = Landmarks {
        head_top: up(0.13 * h),
        head_centre,
        eye_left: side(eye_mid, -32.0),
        eye_right: side(eye_mid, 32.0),
        ear_left: side(head_centre, -75.0),
        ear_right: side(head_centre, 75.0),
        c7: vertebrae[6],
        acromion_left: PointMm::new(-0.13 * h, 0.818 * h, 0.0),
        acromion_right: PointMm::new(0.13 * h, 0.818 * h, 0.0),
        iliac_crest_left: PointMm::new(-0.14 * h, 0.60 * h, 0.0),
        iliac_crest_right: PointMm::new(0.14 * h, 0.60 * h, 0.0),
        sacrum,
        hip_left: PointMm::new(-85.0, 0.50 * h, 0.0),
        hip_right: PointMm::new(85.0, 0.50 * h, 0.0),
        knee_left: PointMm::new(-85.0, 0.285 * h, 0.0),
        knee_right: PointMm::new(85.0, 0.285 * h, 0.0),
        ankle_left: PointMm::new(-85.0, 0.039 * h, 0.0),
        ankle_right: PointMm::new(85.0, 0.039 * h, 0.0),
        vertebrae,
    };
    let measures = Measures {
        eye_line_tilt_deg: -head_angle.to_degrees(),
        weight_left_pct: 50.0,
        head_load_kg: 5.0,
        craniovertebral_angle_deg: 50.0,
        ..Measures::default()
    };
    let _ = LEVEL_COUNT;
    Posture {
        measures,
        joints,
        cascade: CascadeStep::ALL.map(|step| CascadeShare { step, share: 0.0 }),
        landmarks,
        warnings: Vec::new(),
    }
}
