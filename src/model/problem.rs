//! The problem one solve answers: the free variables, the goals and their targets, what a
//! scenario imposes, and the neutral reference the targets and some read-outs are measured from.
//!
//! Shared by the solver (`solve.rs`), which moves the free variables, and the read-outs
//! (`readout.rs`), which turn a solution into a posture; neither imports the other. SI units inside
//! (metres, radians, kilograms, newtons).

use super::body::Body;
use super::chain::{self, Config, Pelvis, Pose};
use super::compression::compression_n;
use super::level::{Level, LEVEL_COUNT};
use super::math::Mat3;
use super::params::GRAVITY;
use super::scenario::Scenario;
use super::strategy::Strategy;
use super::tone;

/// Free variables: per joint `[bend, flexion, rotation]`, then the pelvis's absorption, yaw, shift x
/// and shift z, then the shoulder girdle's elevation, left and right, then the pelvis's tilt.
pub(crate) const NX: usize = 3 * LEVEL_COUNT + 7;
/// Index of the first pelvis variable.
pub(crate) const PELVIS: usize = 3 * LEVEL_COUNT;
/// Index of the left girdle's elevation (the right one follows).
pub(crate) const GIRDLE: usize = PELVIS + 4;
/// Index of the pelvis's sagittal tilt on the hips.
pub(crate) const PELVIS_TILT: usize = GIRDLE + 2;
/// Goals: eye-line roll, gaze pitch, gaze yaw (hard); centre of mass x, z, pelvic level, level
/// shoulders (soft).
pub(crate) const NG: usize = 7;
/// How many of the goals, the first ones, are hard.
pub(crate) const HARD: usize = 3;

/// What a body's neutral stance gives, against which some read-outs are measured.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Reference {
    /// Forward position of the centre of mass in the neutral stance (m): the balance target.
    pub com_z_m: f64,
    /// The head's gravitational moment about C7-T1 in the neutral stance `[frontal, sagittal]` (N·m).
    pub head_moment_nm: [f64; 2],
    /// Compression at each joint in the neutral stance (N): what `compression_ratio` divides by.
    pub compression_n: [f64; LEVEL_COUNT],
}

impl Reference {
    pub fn of(body: &Body) -> Reference {
        let p = chain::pose(body, &Config::default());
        Reference {
            com_z_m: p.com.z,
            head_moment_nm: head_moment_nm(body, &p),
            compression_n: compression_n(body, &p),
        }
    }
}

/// The head's gravitational moment about the C7-T1 joint `[frontal, sagittal]` (N·m).
pub(crate) fn head_moment_nm(body: &Body, p: &Pose) -> [f64; 2] {
    let lever = p.head_com - p.joint[Level::C7T1.index()];
    let w = body.head_mass_kg * GRAVITY;
    [w * lever.x, w * lever.z]
}

/// The problem for one scenario: the body, what is imposed, the ranges and the targets.
#[derive(Clone, Debug)]
pub(crate) struct Problem {
    pub body: Body,
    /// Imposed misalignments (radians, metres), and under the chain strategy the tone's offsets;
    /// the free variables are added to them.
    pub imposed: Config,
    /// The chain strategy's tone alone (zero under the others): part of the response, not the cause.
    pub tone: Config,
    /// The pelvic obliquity the leg-length difference alone gives a rigid body (rad).
    pub cause_obliquity: f64,
    /// Range² of each variable, from the body.
    pub range_variance: [f64; NX],
    /// Range² of each free variable (0 for a variable held fixed): the body's, less what the
    /// strategy holds.
    pub variance: [f64; NX],
    /// Range² of the soft goals' slack.
    pub soft_variance: [f64; NG - HARD],
    pub target: [f64; NG],
    /// The rigid posture (imposed misalignments, nothing else moving) and its goal values.
    pub rigid_pose: Pose,
    pub rigid: [f64; NG],
    /// Indices of the free variables (those with a range), the first `free_count` entries.
    pub free: [usize; NX],
    pub free_count: usize,
}

/// Which joints carry an imposed motion and so are held at it, on top of `tone` (the chain
/// strategy's offsets; zero under the others).
fn imposed(body: &Body, s: &Scenario, tone: &Config) -> Config {
    let mut cfg = Config {
        leg_length_diff_m: s.anatomic_leg_length_diff_mm * 1e-3,
        ..*tone
    };
    body.spread(&mut cfg.bend, 1, 0..2, s.head_tilt_deg.to_radians());
    body.spread(&mut cfg.rotation, 2, 0..2, s.head_rotation_deg.to_radians());
    body.spread(&mut cfg.flexion, 0, 2..8, s.forward_head_deg.to_radians());
    cfg
}

impl Problem {
    /// A problem for `body` and a scenario.
    #[cfg(test)]
    pub fn new(body: Body, s: &Scenario, reference: &Reference) -> Problem {
        let mut problem = Problem::for_body(body);
        problem.set_scenario(s, reference);
        problem
    }

    /// A problem for `body`, its ranges set, waiting for [`Problem::set_scenario`] (which also
    /// lists the free variables).
    pub fn for_body(body: Body) -> Problem {
        let mut variance = [0.0; NX];
        for i in 0..LEVEL_COUNT {
            let r = body.range_rad[i];
            let upper_cervical = i < 2;
            // The head joints carry the frontal and transverse misalignment and are held there;
            // their flexion is free (the suboccipital righting of the gaze). The lower neck
            // (C2-C3 … C7-T1) holds the imposed forward-head flexion, the misalignment itself, as
            // the head joints hold a tilt; the thoracic and lumbar joints' flexion is free.
            let lower_neck = (2..=Level::C7T1.index()).contains(&i);
            variance[3 * i] = if upper_cervical { 0.0 } else { r[1] * r[1] };
            variance[3 * i + 1] = if lower_neck { 0.0 } else { r[0] * r[0] };
            variance[3 * i + 2] = if upper_cervical { 0.0 } else { r[2] * r[2] };
        }
        variance[PELVIS] = body.leg_absorption_range_m.powi(2);
        variance[PELVIS + 1] = body.pelvis_yaw_range_rad.powi(2);
        variance[PELVIS + 2] = body.pelvis_shift_range_m.powi(2);
        variance[PELVIS + 3] = body.pelvis_shift_range_m.powi(2);
        variance[GIRDLE] = body.girdle_range_rad.powi(2);
        variance[GIRDLE + 1] = body.girdle_range_rad.powi(2);
        variance[PELVIS_TILT] = body.pelvis_tilt_range_rad.powi(2);
        let soft_variance = [
            body.balance_range_m.powi(2),
            body.balance_range_m.powi(2),
            body.pelvis_level_range_rad.powi(2),
            body.shoulder_level_range_m.powi(2),
        ];
        Problem {
            body,
            imposed: Config::default(),
            tone: Config::default(),
            cause_obliquity: 0.0,
            range_variance: variance,
            variance,
            soft_variance,
            target: [0.0; NG],
            rigid_pose: Pose::default(),
            rigid: [0.0; NG],
            free: [0; NX],
            free_count: 0,
        }
    }

    /// Holds what `strategy` holds (the neck strategy: everything below C7-T1, the girdles and
    /// the pelvis) and lists the rest as free.
    fn hold(&mut self, strategy: Strategy) {
        self.free_count = 0;
        for j in 0..NX {
            let held = strategy == Strategy::Neck && j >= 3 * (Level::C7T1.index() + 1);
            self.variance[j] = if held { 0.0 } else { self.range_variance[j] };
            if self.variance[j] > 0.0 {
                self.free[self.free_count] = j;
                self.free_count += 1;
            }
        }
    }

    /// Sets what is imposed, what the strategy holds and the targets, in place.
    pub fn set_scenario(&mut self, s: &Scenario, reference: &Reference) {
        self.hold(s.strategy);
        let tone = tone::of(&self.body, s);
        self.tone = tone.offsets;
        self.imposed = imposed(&self.body, s, &tone.offsets);
        // As `chain::legs` gives it with nothing absorbed.
        self.cause_obliquity = (self.imposed.leg_length_diff_m / self.body.hip_spacing_m)
            .clamp(-1.0, 1.0)
            .asin();
        let rigid = self.config(&[0.0; NX]);
        chain::pose_into(&self.body, &rigid, &mut self.rigid_pose);
        self.rigid = goals(&self.rigid_pose);
        let ideal = [0.0, 0.0, 0.0, tone.com_x_m, reference.com_z_m, 0.0, 0.0];
        let c = s.compensation;
        for ((t, rigid), ideal) in self.target.iter_mut().zip(self.rigid).zip(ideal) {
            *t = (1.0 - c) * rigid + c * ideal;
        }
    }

    /// The configuration for free variables `x`: imposed plus free, with bend coupled into rotation.
    pub fn config(&self, x: &[f64; NX]) -> Config {
        config_of(&self.body, &self.imposed, x)
    }
}

fn config_of(body: &Body, imposed: &Config, x: &[f64; NX]) -> Config {
    let mut cfg = *imposed;
    for i in 0..LEVEL_COUNT {
        cfg.bend[i] += x[3 * i];
        cfg.flexion[i] += x[3 * i + 1];
        cfg.rotation[i] += x[3 * i + 2] + body.coupling[i] * cfg.bend[i];
    }
    add_pelvis(&mut cfg.pelvis, &pelvis_of(x));
    cfg.girdle[0] += x[GIRDLE];
    cfg.girdle[1] += x[GIRDLE + 1];
    cfg
}

fn add_pelvis(p: &mut Pelvis, more: &Pelvis) {
    p.absorption_m += more.absorption_m;
    p.yaw += more.yaw;
    p.shift_x_m += more.shift_x_m;
    p.shift_z_m += more.shift_z_m;
    p.tilt += more.tilt;
}

fn pelvis_of(x: &[f64; NX]) -> Pelvis {
    Pelvis {
        absorption_m: x[PELVIS],
        yaw: x[PELVIS + 1],
        shift_x_m: x[PELVIS + 2],
        shift_z_m: x[PELVIS + 3],
        tilt: x[PELVIS_TILT],
    }
}

/// Eye-line tilt (positive: right eye higher), gaze pitch (positive: looking down), gaze yaw
/// (positive: to the right), all radians, for a head frame.
fn head_goals(head: Mat3) -> [f64; 3] {
    let e = head.col(0);
    let f = head.col(2);
    [
        e.y.clamp(-1.0, 1.0).asin(),
        -f.y.clamp(-1.0, 1.0).asin(),
        f.x.atan2(f.z),
    ]
}

/// The goal values of a pose.
pub(crate) fn goals(p: &Pose) -> [f64; NG] {
    let [roll, pitch, yaw] = head_goals(p.head());
    let shoulders = p.acromion[1].y - p.acromion[0].y;
    [
        roll,
        pitch,
        yaw,
        p.com.x,
        p.com.z,
        p.legs.obliquity,
        shoulders,
    ]
}
