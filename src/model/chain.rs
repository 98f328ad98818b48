//! Forward kinematics of the whole body: legs to pelvis, pelvis up the 25 joints to the head.
//!
//! SI units: metres, radians, kilograms. A joint's rotation is `Rz(-bend) · Rx(flexion) · Ry(rotation)`
//! applied in the frame below it, so positive bend tips the part above toward +x (the subject's
//! right), positive flexion toward +z (forward), positive rotation turns +z toward +x (to the right).

use super::body::{Body, T1_VERTEBRA, VERTEBRA_COUNT};
use super::level::LEVEL_COUNT;
use super::math::{Mat3, Vec3};

/// Joint angles of the whole chain (totals, radians) and the pelvis and leg degrees of freedom.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct Config {
    pub bend: [f64; LEVEL_COUNT],
    pub flexion: [f64; LEVEL_COUNT],
    pub rotation: [f64; LEVEL_COUNT],
    pub pelvis: Pelvis,
    /// Anatomic leg-length difference, right minus left (m).
    pub leg_length_diff_m: f64,
    /// Elevation of the shoulder girdle `[left, right]` (rad), positive up: the acromion turns
    /// about the midline of T1, in T1's frontal plane.
    pub girdle: [f64; 2],
}

/// The pelvis and legs: absorption of a leg-length difference, axial rotation, horizontal shift,
/// sagittal tilt.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct Pelvis {
    /// Functional shortening of the right leg relative to the left (m), split half and half: the
    /// right leg shortens by `u / 2`, the left lengthens by `u / 2`.
    pub absorption_m: f64,
    /// Axial rotation of the pelvis (rad), positive to the right.
    pub yaw: f64,
    /// Shift of the hip midpoint to the right (m).
    pub shift_x_m: f64,
    /// Shift of the hip midpoint forward (m).
    pub shift_z_m: f64,
    /// Sagittal tilt of the pelvis about the line through the hip centres (rad), positive
    /// anterior: the top of the sacrum turns forward, the sacral slope grows.
    pub tilt: f64,
}

/// The pelvis and legs placed on the floor.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct Legs {
    pub hip_mid: Vec3,
    /// The pelvis's frame: `Ry(yaw) · Rz(obliquity) · Rx(tilt)`; the tilt turns it about its own
    /// hip line, so the hips stay where yaw and obliquity put them.
    pub rot: Mat3Wrap,
    /// Pelvic obliquity (rad), positive: right side higher.
    pub obliquity: f64,
    /// `[left, right]`.
    pub hip: [Vec3; 2],
    pub knee: [Vec3; 2],
    pub ankle: [Vec3; 2],
    /// Mass-weighted sum of the legs' points (kg·m) and their mass.
    pub moment_sum: Vec3,
    pub mass_kg: f64,
}

/// `Mat3` with a `Default` of identity, for `Legs`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Mat3Wrap(pub Mat3);

impl Default for Mat3Wrap {
    fn default() -> Self {
        Mat3Wrap(Mat3::IDENTITY)
    }
}

/// Places the pelvis and the legs for the given pelvis degrees of freedom. Without `knees` the
/// knees and ankles are left at zero (the solver's inner loop needs only hips and masses).
pub(crate) fn legs(body: &Body, pelvis: &Pelvis, leg_length_diff_m: f64, knees: bool) -> Legs {
    let d = body.hip_spacing_m;
    let half_diff = 0.5 * leg_length_diff_m;
    let h_right = body.leg_height_m + half_diff - 0.5 * pelvis.absorption_m;
    let h_left = body.leg_height_m - half_diff + 0.5 * pelvis.absorption_m;
    let obliquity = ((h_right - h_left) / d).clamp(-1.0, 1.0).asin();
    let rot = Mat3::rot_y(pelvis.yaw) * Mat3::rot_z(obliquity) * Mat3::rot_x(pelvis.tilt);
    let hip_mid = Vec3::new(
        pelvis.shift_x_m,
        body.ankle_height_m + 0.5 * (h_right + h_left),
        pelvis.shift_z_m,
    );
    let half = rot * Vec3::new(0.5 * d, 0.0, 0.0);
    let hip = [hip_mid - half, hip_mid + half];
    let shank = [
        body.shank_length_m - half_diff,
        body.shank_length_m + half_diff,
    ];
    let mut knee = [Vec3::ZERO; 2];
    let mut ankle = [Vec3::ZERO; 2];
    let mut moment_sum = Vec3::ZERO;
    for side in 0..2 {
        let sign = if side == 0 { -1.0 } else { 1.0 };
        let foot = Vec3::new(sign * 0.5 * d, body.ankle_height_m, 0.0);
        let l1 = body.thigh_length_m;
        let l2 = shank[side];
        let to_foot = foot - hip[side];
        let dist = to_foot.norm();
        let dir = to_foot * (1.0 / dist);
        if !knees {
            // Only the masses are wanted.
        } else if dist >= l1 + l2 {
            // The leg is too short for the place its hip is in: the heel rises (foot supination).
            ankle[side] = hip[side] + dir * (l1 + l2);
            knee[side] = hip[side] + dir * l1;
        } else {
            // The knee bends forward: two-link leg.
            let along = (l1 * l1 - l2 * l2 + dist * dist) / (2.0 * dist);
            let out = (l1 * l1 - along * along).max(0.0).sqrt();
            let fwd = Vec3::Z - dir * Vec3::Z.dot(dir);
            let n = fwd.norm();
            let fwd = if n > 1e-12 { fwd * (1.0 / n) } else { Vec3::Z };
            ankle[side] = foot;
            knee[side] = hip[side] + dir * along + fwd * out;
        }
        // Masses on the straight hip-to-foot line: smooth in the pelvis's motion (the knee's
        // bulge grows like a square root from a straight leg, and would make the balance kink).
        let thigh_com = hip[side] + dir * (0.5 * l1);
        let shank_com = hip[side] + dir * (l1 + 0.5 * l2);
        moment_sum += thigh_com * body.thigh_mass_kg + shank_com * body.shank_mass_kg;
    }
    Legs {
        hip_mid,
        rot: Mat3Wrap(rot),
        obliquity,
        hip,
        knee,
        ankle,
        moment_sum,
        mass_kg: 2.0 * (body.thigh_mass_kg + body.shank_mass_kg),
    }
}

/// The whole body placed in space, with what the solver and the read-outs need.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Pose {
    pub legs: Legs,
    /// Joint centres, head to sacrum (index 24 is the top of S1).
    pub joint: [Vec3; LEVEL_COUNT],
    /// Frame of the part above each joint (index 0: the head; index i: vertebra i - 1).
    pub above: [Mat3; LEVEL_COUNT],
    /// World axes of each joint's bend, flexion and rotation.
    pub axis: [[Vec3; 3]; LEVEL_COUNT],
    /// Vertebral body centres C1..L5.
    pub centre: [Vec3; VERTEBRA_COUNT],
    /// `[left, right]` acromions.
    pub acromion: [Vec3; 2],
    pub head_com: Vec3,
    /// Mass above each joint (kg) and its mass-weighted position sum (kg·m). Arms count at their
    /// acromion: they hang plumb, so horizontally their centre of mass is the acromion's.
    pub mass_above_kg: [f64; LEVEL_COUNT],
    pub moment_sum_above: [Vec3; LEVEL_COUNT],
    pub pelvis_com: Vec3,
    /// Whole-body centre of mass (horizontal components exact; see `moment_sum_above`).
    pub com: Vec3,
    pub total_mass_kg: f64,
    /// The pelvis's degrees of freedom this pose was built with.
    pub pelvis_dofs: Pelvis,
    /// The girdles' elevations `[left, right]` this pose was built with (rad).
    pub girdle: [f64; 2],
}

/// Written out rather than derived: a derived `Default` calls `Default` 25 times for each
/// `[T; 25]` (core's arrays are defaulted element by element), about 1.9 KB of wasm.
impl Default for Pose {
    fn default() -> Self {
        Pose {
            legs: Legs::default(),
            joint: [Vec3::ZERO; LEVEL_COUNT],
            above: [Mat3::IDENTITY; LEVEL_COUNT],
            axis: [[Vec3::ZERO; 3]; LEVEL_COUNT],
            centre: [Vec3::ZERO; VERTEBRA_COUNT],
            acromion: [Vec3::ZERO; 2],
            head_com: Vec3::ZERO,
            mass_above_kg: [0.0; LEVEL_COUNT],
            moment_sum_above: [Vec3::ZERO; LEVEL_COUNT],
            pelvis_com: Vec3::ZERO,
            com: Vec3::ZERO,
            total_mass_kg: 0.0,
            pelvis_dofs: Pelvis::default(),
            girdle: [0.0; 2],
        }
    }
}

impl Pose {
    pub fn head(&self) -> Mat3 {
        self.above[0]
    }

    /// A point of the head given in the head frame relative to C0-C1.
    pub fn head_point(&self, local: Vec3) -> Vec3 {
        self.joint[0] + self.head() * local
    }
}

/// `Rz(-bend) · Rx(flexion) · Ry(rotation)` in closed form, and the flexion axis `Rz(-bend) · x`.
fn joint_rotation(bend: f64, flexion: f64, rotation: f64) -> (Mat3, Vec3) {
    let sc = |a: f64| if a == 0.0 { (0.0, 1.0) } else { a.sin_cos() };
    let (sb, cz) = sc(bend);
    let sz = -sb;
    let (sf, cf) = sc(flexion);
    let (sa, ca) = sc(rotation);
    let m = [
        [cz * ca - sz * sf * sa, -sz * cf, cz * sa + sz * sf * ca],
        [sz * ca + cz * sf * sa, cz * cf, sz * sa - cz * sf * ca],
        [-cf * sa, sf, cf * ca],
    ];
    (Mat3 { m }, Vec3::new(cz, sz, 0.0))
}

/// The acromion on `side` (0 left, 1 right) relative to the centre of T1, in T1's frame, with the
/// girdle elevated by `elevation` (rad).
pub(crate) fn girdle_offset(body: &Body, side: usize, elevation: f64) -> Vec3 {
    let ar = body.acromion_right;
    let sign = if side == 0 { -1.0 } else { 1.0 };
    let (s, c) = if elevation == 0.0 {
        (0.0, 1.0)
    } else {
        elevation.sin_cos()
    };
    Vec3::new(sign * ar.x * c, ar.y + ar.x * s, ar.z)
}

/// The rate of the acromion on `side` with its girdle's elevation, in T1's frame.
pub(crate) fn girdle_rate(body: &Body, side: usize, elevation: f64) -> Vec3 {
    let ar = body.acromion_right;
    let sign = if side == 0 { -1.0 } else { 1.0 };
    let (s, c) = elevation.sin_cos();
    Vec3::new(-sign * ar.x * s, ar.x * c, 0.0)
}

/// Forward kinematics for one configuration.
pub(crate) fn pose(body: &Body, cfg: &Config) -> Pose {
    let mut out = Pose::default();
    pose_into(body, cfg, &mut out);
    out
}

/// Forward kinematics written into an existing pose (no large copies in the solver's loop).
pub(crate) fn pose_into(body: &Body, cfg: &Config, out: &mut Pose) {
    out.legs = legs(body, &cfg.pelvis, cfg.leg_length_diff_m, true);
    out.pelvis_dofs = cfg.pelvis;
    out.girdle = cfg.girdle;
    let rp = out.legs.rot.0;
    out.joint[LEVEL_COUNT - 1] = out.legs.hip_mid + rp * body.s1_from_hips;
    let mut below = rp;
    for i in (0..LEVEL_COUNT).rev() {
        let (local, bend_x) = joint_rotation(cfg.bend[i], cfg.flexion[i], cfg.rotation[i]);
        let frame = below * local;
        out.axis[i] = [-below.col(2), below * bend_x, frame.col(1)];
        out.above[i] = frame;
        if i >= 1 {
            let seg = frame * body.segment[i - 1];
            out.centre[i - 1] = out.joint[i] + seg * 0.5;
            out.joint[i - 1] = out.joint[i] + seg;
        }
        below = frame;
    }
    let t1 = out.centre[T1_VERTEBRA];
    let t1_frame = out.above[T1_VERTEBRA + 1];
    out.acromion = [0, 1].map(|side| t1 + t1_frame * girdle_offset(body, side, cfg.girdle[side]));
    out.head_com = out.joint[0] + out.above[0] * body.head_com;

    let mut m = body.head_mass_kg;
    let mut s = out.head_com * body.head_mass_kg;
    for i in 0..LEVEL_COUNT {
        if i >= 1 {
            let j = i - 1;
            let vm = body.vertebra_mass_kg[j];
            m += vm;
            s += (out.centre[j] + out.above[i] * body.trunk_mass_offset) * vm;
            if j == T1_VERTEBRA {
                m += 2.0 * body.arm_mass_kg;
                s += (out.acromion[0] + out.acromion[1]) * body.arm_mass_kg;
            }
        }
        out.mass_above_kg[i] = m;
        out.moment_sum_above[i] = s;
    }
    out.pelvis_com = out.legs.hip_mid + rp * body.pelvis_com;
    out.total_mass_kg = m + body.pelvis_mass_kg + out.legs.mass_kg;
    out.com = (s + out.pelvis_com * body.pelvis_mass_kg + out.legs.moment_sum)
        * (1.0 / out.total_mass_kg);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::scenario::{Coupling, Sex};

    fn body() -> Body {
        Body::new(1.75, 75.0, Sex::Male, Coupling::default())
    }

    #[test]
    fn neutral_pose_stands_at_its_stature_with_level_pelvis() {
        let b = body();
        let p = pose(&b, &Config::default());
        let vertex = p.head_point(b.head_vertex);
        assert!((vertex.y - 1.75).abs() < 1e-9, "vertex at {}", vertex.y);
        assert!(p.legs.obliquity.abs() < 1e-15);
        assert!(p.com.x.abs() < 1e-12);
        assert!((p.total_mass_kg - 75.0).abs() < 1e-9);
        // Knees straight, ankles on their marks.
        for side in 0..2 {
            assert!((p.legs.ankle[side].y - b.ankle_height_m).abs() < 1e-12);
            assert!(p.legs.knee[side].z.abs() < 1e-9);
        }
    }

    #[test]
    fn a_longer_right_leg_raises_the_right_hip_by_the_difference() {
        let b = body();
        let cfg = Config {
            leg_length_diff_m: 0.01,
            ..Config::default()
        };
        let p = pose(&b, &cfg);
        let dy = p.legs.hip[1].y - p.legs.hip[0].y;
        assert!((dy - 0.01).abs() < 1e-12);
        assert!(p.legs.obliquity > 0.0);
    }

    #[test]
    fn the_closed_form_joint_rotation_is_the_product_of_three() {
        for (b, f, r) in [(0.3, -0.2, 0.5), (0.0, 0.4, 0.0), (-1.0, 0.0, 2.0)] {
            let (m, x) = joint_rotation(b, f, r);
            let product = Mat3::rot_z(-b) * Mat3::rot_x(f) * Mat3::rot_y(r);
            for i in 0..3 {
                for j in 0..3 {
                    assert!((m.m[i][j] - product.m[i][j]).abs() < 1e-15);
                }
            }
            assert!((x - Mat3::rot_z(-b).col(0)).norm() < 1e-15);
        }
    }

    #[test]
    fn a_positive_bend_moves_the_head_to_the_right() {
        let b = body();
        let mut cfg = Config::default();
        cfg.bend[Level::L3L4.index()] = 0.05;
        let p = pose(&b, &cfg);
        assert!(p.joint[0].x > 0.0);
        assert!(p.com.x > 0.0);
    }

    use crate::model::level::Level;
}
