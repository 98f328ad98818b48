//! Local frames on the posture's landmarks, in which the body's shapes are written: each shape
//! is a small table of points, each point a place in one of a view's frames (a vertebra, the
//! head, a knee…), so that the shapes follow the solved and animated posture.

use super::point::P2;
use super::pose::Pose;
use crate::model::PointMm;

/// A local frame of a view: an origin, a unit `up`, and millimetres scaled by `k` (the body's
/// size against the reference adult the shapes are written for, see [`body_scale`]).
#[derive(Clone, Copy, Debug, Default)]
pub struct Frame {
    pub o: P2,
    pub up: P2,
    pub k: f64,
}

/// `v` scaled to length 1, or `fallback` when it has next to no length.
fn dir(v: P2, fallback: P2) -> P2 {
    let len = v.x_mm.hypot(v.y_mm);
    if len > 1.0 && len.is_finite() {
        P2::new(v.x_mm / len, v.y_mm / len)
    } else {
        fallback
    }
}

const UP: P2 = P2::new(0.0, 1.0);

impl Frame {
    /// The point `along` up and `across` to the right of up (to the subject's right in the back
    /// view, forward in the side view), in the frame's scaled millimetres.
    pub fn at(self, across: f64, along: f64) -> P2 {
        let (a, b) = (along * self.k, across * self.k);
        P2::new(
            self.o.x_mm + self.up.x_mm * a + self.up.y_mm * b,
            self.o.y_mm + self.up.y_mm * a - self.up.x_mm * b,
        )
    }

    /// The frame's rotation from upright, radians counter-clockwise, for ellipses.
    pub fn rotation_rad(self) -> f64 {
        -self.up.x_mm.atan2(self.up.y_mm)
    }
}

/// Hip-joint spacing of the reference adult of 175 cm the shapes are written for, mm.
const REFERENCE_HIP_SPACING_MM: f64 = 170.0;

/// The body's size against the shapes' reference adult, from the hip joints' spacing across
/// the body (which a posture changes by a cosine of its pelvis's few degrees of tilt and turn).
pub fn body_scale(pose: &Pose) -> f64 {
    let (a, b) = (pose.landmarks.hip_left, pose.landmarks.hip_right);
    let d = (b.x - a.x) / REFERENCE_HIP_SPACING_MM;
    if d.is_finite() {
        d.clamp(0.5, 1.5)
    } else {
        1.0
    }
}

/// A frame of [`Anchors`]: the vertebrae C1..L5 are `0..24`, then the frames below; a sided
/// frame is the right one or the left one as the shape is drawn for (see [`Side`]).
pub type Anchor = u8;
/// The head, upright when it is held as in the neutral stance.
pub const HEAD: Anchor = 24;
/// The pelvis between the hip joints (square to the hip line in the back view, upright in the
/// side view).
pub const MID_HIPS: Anchor = 25;
/// The pelvis at the hip joint.
pub const HIP: Anchor = 26;
/// Upright at the acromion.
pub const ACROMION: Anchor = 27;
/// At the hip joint, up along the femur.
pub const FEMUR: Anchor = 28;
/// At the knee, up along the femur.
pub const KNEE: Anchor = 29;
/// At the knee, up along the shin.
pub const SHIN: Anchor = 30;
/// At the ankle, up along the shin.
pub const ANKLE: Anchor = 31;
/// At the heel, forward along the sole to the toes in profile, upright seen from behind.
pub const HEEL: Anchor = 32;
/// The acromion's axes 400 mm further down, for the forearm and the hand: see [`pt`].
const FOREARM: Anchor = 33;

/// A point of a shape: an anchor's frame and a place in it, in steps of 3 mm (see [`pt`]).
#[derive(Clone, Copy, Debug)]
pub struct Pt(pub Anchor, pub(super) i8, pub(super) i8);

/// The point `across` and `along` mm in anchor `a`'s frame, to 3 mm, in a byte each (tables
/// are data in the page's wasm). A point far down the arm is anchored to a frame on the same
/// axes further down; one out of reach fails to compile.
pub const fn pt(a: Anchor, across: i16, along: i16) -> Pt {
    let (a, along) = match a {
        ACROMION if along < -360 => (FOREARM, along + 400),
        _ => (a, along),
    };
    assert!(
        across.abs() <= 381 && along.abs() <= 381,
        "a point too far from its anchor"
    );
    Pt(a, third(across), third(along))
}

/// The length of one step of a [`Pt`], mm.
const STEP_MM: f64 = 3.0;

/// A third of `v`, rounded to the nearest.
const fn third(v: i16) -> i8 {
    ((if v < 0 { v - 1 } else { v + 1 }) / 3) as i8
}

/// Which side a shape is drawn for: its sided anchors are the left ones when `left`, and its
/// `across` is multiplied by `mirror` (-1 mirrors a right-side shape for the left in the back
/// view; the side view draws both legs with 1).
#[derive(Clone, Copy, Debug)]
pub struct Side {
    pub left: bool,
    pub mirror: f64,
}

impl Side {
    pub const RIGHT: Side = Side {
        left: false,
        mirror: 1.0,
    };
    /// The left side, seen from behind: the right's shapes mirrored.
    pub const LEFT: Side = Side {
        left: true,
        mirror: -1.0,
    };
    /// The far (left) side in profile: its landmarks, not mirrored.
    pub const FAR: Side = Side {
        left: true,
        mirror: 1.0,
    };
}

/// The frames of one pose in one view, each made when a shape asks for it.
pub struct Anchors<'a> {
    pose: &'a Pose,
    project: fn(PointMm) -> P2,
    head_up: P2,
    pelvis_up: P2,
    frontal: bool,
    k: f64,
}

impl<'a> Anchors<'a> {
    /// The frames of `pose` in the view `project` makes; `frontal` for the back view (the
    /// pelvis squares to the hip line). `neutral` sets which head is upright.
    pub fn new(
        pose: &'a Pose,
        neutral: &Pose,
        project: fn(PointMm) -> P2,
        frontal: bool,
    ) -> Anchors<'a> {
        let lm = &pose.landmarks;
        let p = project;
        // The head's axis turned by the turn that takes the neutral head's axis upright.
        let axis = |l: &crate::model::Landmarks| up_from(p(l.head_centre), p(l.head_top));
        let (u, n) = (axis(lm), axis(&neutral.landmarks));
        let across = dir(
            P2::new(
                lm.hip_right.x - lm.hip_left.x,
                lm.hip_right.y - lm.hip_left.y,
            ),
            P2::new(1.0, 0.0),
        );
        Anchors {
            pose,
            project,
            head_up: P2::new(
                n.y_mm * u.x_mm - n.x_mm * u.y_mm,
                n.x_mm * u.x_mm + n.y_mm * u.y_mm,
            ),
            pelvis_up: if frontal {
                P2::new(-across.y_mm, across.x_mm)
            } else {
                UP
            },
            frontal,
            k: body_scale(pose),
        }
    }

    /// The body's size against the shapes' reference adult.
    pub fn k(&self) -> f64 {
        self.k
    }

    /// The frame `a` on `side`.
    #[inline(never)]
    pub fn frame(&self, a: Anchor, side: Side) -> Frame {
        // The frame further down an arm: the acromion's, moved.
        if a == FOREARM {
            let f = self.frame(ACROMION, side);
            return Frame {
                o: f.at(0.0, -400.0),
                ..f
            };
        }
        let left = side.left;
        let lm = &self.pose.landmarks;
        let pick = |right: &'a PointMm, left_one: &'a PointMm| if left { left_one } else { right };
        let (hip, knee, ankle) = (
            pick(&lm.hip_right, &lm.hip_left),
            pick(&lm.knee_right, &lm.knee_left),
            pick(&lm.ankle_right, &lm.ankle_left),
        );
        // The origin (halfway between two landmarks, or at one), and how up is found.
        let (o, o2, up) = match a {
            HEAD => (&lm.head_centre, None, Up::Fixed(self.head_up)),
            MID_HIPS => (&lm.hip_left, Some(&lm.hip_right), Up::Fixed(self.pelvis_up)),
            ACROMION => (
                pick(&lm.acromion_right, &lm.acromion_left),
                None,
                Up::Fixed(UP),
            ),
            HIP => (hip, None, Up::Fixed(self.pelvis_up)),
            FEMUR => (hip, None, Up::Along(knee, hip)),
            KNEE => (knee, None, Up::Along(knee, hip)),
            SHIN => (knee, None, Up::Along(ankle, knee)),
            ANKLE => (ankle, None, Up::Along(ankle, knee)),
            // Seen from behind, a foot stands upright even with its heel lifted.
            HEEL if self.frontal => (pick(&lm.heel_right, &lm.heel_left), None, Up::Fixed(UP)),
            HEEL => {
                let heel = pick(&lm.heel_right, &lm.heel_left);
                (
                    heel,
                    None,
                    Up::Square(heel, pick(&lm.toe_right, &lm.toe_left)),
                )
            }
            _ => {
                // A vertebra, up along the spine through its neighbours.
                let v = &lm.vertebrae;
                let i = (a as usize).min(v.len() - 1);
                let above = if i == 0 { &lm.head_centre } else { &v[i - 1] };
                (
                    &v[i],
                    None,
                    Up::Along(v.get(i + 1).unwrap_or(&lm.sacrum), above),
                )
            }
        };
        let p = self.project;
        let o = match o2 {
            Some(o2) => p(*o).mid(p(*o2)),
            None => p(*o),
        };
        let up = match up {
            Up::Fixed(up) => up,
            Up::Along(below, above) => up_from(p(*below), p(*above)),
            Up::Square(back, front) => {
                let (b, f) = (p(*back), p(*front));
                let d = dir(P2::new(f.x_mm - b.x_mm, f.y_mm - b.y_mm), P2::new(1.0, 0.0));
                P2::new(-d.y_mm, d.x_mm)
            }
        };
        Frame { o, up, k: self.k }
    }

    /// Where the point `pt` lies on `side`.
    pub fn at(&self, Pt(a, across, along): Pt, side: Side) -> P2 {
        self.frame(a, side).at(
            side.mirror * STEP_MM * f64::from(across),
            STEP_MM * f64::from(along),
        )
    }
}

/// How a frame's up is found.
enum Up<'a> {
    Fixed(P2),
    /// Along the line from the first landmark to the second.
    Along(&'a PointMm, &'a PointMm),
    /// Square to the line from the first landmark to the second, a quarter turn anticlockwise.
    Square(&'a PointMm, &'a PointMm),
}

/// The unit vector from `below` to `above`, straight up when they meet.
fn up_from(below: P2, above: P2) -> P2 {
    dir(
        P2::new(above.x_mm - below.x_mm, above.y_mm - below.y_mm),
        UP,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_scale_and_turn() {
        let f = Frame {
            o: P2::new(10.0, 10.0),
            up: up_from(P2::new(0.0, 0.0), P2::new(2.0, 0.0)),
            k: 2.0,
        };
        let p = f.at(1.0, 3.0);
        assert!(
            (p.x_mm - 16.0).abs() < 1e-12 && (p.y_mm - 8.0).abs() < 1e-12,
            "{p:?}"
        );
        assert!((f.rotation_rad() + std::f64::consts::FRAC_PI_2).abs() < 1e-12);
        assert_eq!(up_from(P2::default(), P2::default()), UP);
    }
}
