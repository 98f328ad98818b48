//! The side view's skeleton in profile, seen through the silhouette: legs and feet, the near
//! arm, pelvis, ribs and sternum, shoulder girdle and skull.

use super::silhouette::ARM_JOINTS;
use crate::scene::body::{self, offset, side, sub, unit};
use crate::scene::frame::{pt, Pt, ACROMION, ANKLE, FEMUR, HEAD, HEEL, KNEE, MID_HIPS, SHIN};
use crate::scene::list::{Cmd, Colour, Dash, DisplayList, BOLD_PX, HAIRLINE_PX, THIN_PX};
use crate::scene::point::P2;
use crate::scene::pose::Pose;
use crate::scene::shape::{arm_bones, bone, oval, KNOB, PLATE_INK, PLATE_RIB};

/// The skull in profile, clockwise from the crown: forehead, brow, nasal bone, upper jaw, the
/// line of the upper teeth, the skull's base and the back of the skull; then the mandible, from
/// its condyle before the ear down the ramus to the angle, along the lower border to the chin,
/// and back along the lower teeth.
pub(super) const SKULL: [Pt; 32] = [
    pt(HEAD, -26, -20),
    pt(HEAD, -40, -50),
    pt(HEAD, -30, -80),
    pt(HEAD, 0, -100),
    pt(HEAD, 44, -106),
    pt(HEAD, 62, -104),
    pt(HEAD, 54, -62),
    pt(HEAD, 20, -58),
    pt(HEAD, -8, -42),
    pt(HEAD, -16, -30),
    pt(HEAD, -26, -20),
    KNOB,
    pt(HEAD, -30, 107),
    pt(HEAD, 40, 108),
    pt(HEAD, 52, 48),
    pt(HEAD, 58, 26),
    pt(HEAD, 51, 6),
    pt(HEAD, 62, -10),
    pt(HEAD, 52, -20),
    pt(HEAD, 56, -36),
    pt(HEAD, 52, -48),
    pt(HEAD, 20, -54),
    pt(HEAD, -20, -48),
    pt(HEAD, -48, -44),
    pt(HEAD, -60, -42),
    pt(HEAD, -122, -16),
    pt(HEAD, -125, 14),
    pt(HEAD, -130, 70),
    pt(HEAD, -100, 91),
    pt(HEAD, -72, 111),
    pt(HEAD, -30, 107),
    PLATE_INK,
];

/// A leg's bones in profile: the bones of the foot (the talus under the ankle, the arch of the
/// tarsals and metatarsals, the toes, the heel bone); the fibula behind the tibia, the tibia's
/// plateau; the femur down to its condyles, and the kneecap in front.
pub(super) const LEG: [Pt; 35] = [
    pt(HEEL, 40, 60),
    pt(HEEL, 56, 78),
    pt(HEEL, 72, 62),
    pt(HEEL, 110, 54),
    pt(HEEL, 236, 16),
    pt(HEEL, 264, 12),
    pt(HEEL, 262, 2),
    pt(HEEL, 240, 2),
    pt(HEEL, 222, 10),
    pt(HEEL, 150, 30),
    pt(HEEL, 40, 6),
    pt(HEEL, 0, 4),
    pt(HEEL, 4, 40),
    pt(HEEL, 10, 56),
    pt(HEEL, 40, 60),
    KNOB,
    pt(SHIN, -24, -34),
    pt(ANKLE, -16, 4),
    bone(10),
    pt(SHIN, 6, -24),
    pt(ANKLE, 4, 24),
    bone(26),
    pt(SHIN, 4, -17),
    oval(36, 10),
    KNOB,
    pt(FEMUR, 0, 0),
    pt(FEMUR, 8, -215),
    pt(KNEE, -4, 28),
    bone(28),
    pt(KNEE, -6, 17),
    oval(32, 23),
    KNOB,
    pt(KNEE, 46, 18),
    oval(11, 22),
    KNOB,
];

/// The near arm's bones: the humerus and the forearm, and the humerus's head.
pub(super) const ARM: [Pt; 8] = arm_bones(ARM_JOINTS, (24, 24));

/// The near shoulder girdle: the scapula as a blade behind the ribs, from the acromion down to
/// its inferior angle; the clavicle from the top of the sternum back to the acromion.
pub(super) const GIRDLE: [Pt; 14] = [
    pt(ACROMION, 14, 2),
    pt(ACROMION, 0, 16),
    pt(8, -66, 12),
    pt(11, -80, 0),
    pt(13, -62, -20),
    pt(12, -40, 0),
    pt(ACROMION, 16, -44),
    pt(ACROMION, 26, -14),
    pt(ACROMION, 14, 2),
    PLATE_RIB,
    pt(8, 126, -14),
    pt(ACROMION, 46, 10),
    pt(ACROMION, 10, -2),
    bone(12),
];

/// Pelvis in profile: the ilium as a rounded wing, from the back (PSIS) over the crest to the
/// front (ASIS), down past the hip socket to the ischium and back up behind the sacrum; the
/// sacrum and coccyx curving down and back from S1; the hip joint.
pub(super) const PELVIS: [Pt; 21] = [
    pt(MID_HIPS, -67, 100),
    pt(MID_HIPS, -62, 154),
    pt(MID_HIPS, 15, 146),
    pt(MID_HIPS, 70, 144),
    pt(MID_HIPS, 75, 90),
    pt(MID_HIPS, 58, -10),
    pt(MID_HIPS, 58, -10),
    pt(MID_HIPS, 55, -72),
    pt(MID_HIPS, 5, -88),
    pt(MID_HIPS, -38, -72),
    pt(MID_HIPS, -38, -72),
    pt(MID_HIPS, -92, -10),
    pt(MID_HIPS, -67, 100),
    PLATE_INK,
    pt(MID_HIPS, -22, 95),
    pt(MID_HIPS, -67, 40),
    pt(MID_HIPS, -52, -30),
    bone(22),
    pt(MID_HIPS, 0, 0),
    oval(22, 22),
    PLATE_INK,
];

/// How far the ribs reach forward from their vertebra (T2, T4, T6, T8, T10), mm.
const RIB_DEPTH_MM: [(usize, f64); 5] = [
    (8, 132.0),
    (10, 152.0),
    (12, 164.0),
    (14, 164.0),
    (16, 150.0),
];

/// Ribs (one path) from the thoracic vertebrae forward to the sternum, then the sternum.
pub(super) fn ribs(list: &mut DisplayList, pose: &Pose) {
    let v = &pose.landmarks.vertebrae;
    let mut sternum = [P2::default(); 4];
    list.push(Cmd::Begin);
    for (n, (i, depth)) in RIB_DEPTH_MM.into_iter().enumerate() {
        let c = side(v[i]);
        let u = unit(sub(side(v[i - 1]), side(v[i + 1])));
        let end = offset(c, u, -48.0, depth);
        list.push(Cmd::MoveTo(offset(c, u, 0.0, 12.0)));
        list.push(Cmd::QuadTo {
            ctrl: offset(c, u, 12.0, depth * 0.6),
            to: end,
        });
        if n < sternum.len() {
            sternum[n] = end;
        }
    }
    list.push(Cmd::Stroke {
        colour: Colour::Rib,
        width_px: HAIRLINE_PX,
        dash: Dash::Solid,
    });
    body::bone(list, &sternum, BOLD_PX);
}

/// The near acromion, where the shoulder sits, over the spine.
pub(super) fn shoulder_joint(list: &mut DisplayList, pose: &Pose) {
    list.disc(side(pose.landmarks.acromion_right), 8.0, Colour::Ink, None);
}

/// Over the skull (see [`SKULL`]): the orbit around the eye, the eye, and the ear's opening.
pub(super) fn eye_and_ear(list: &mut DisplayList, pose: &Pose) {
    let lm = &pose.landmarks;
    let eye = side(lm.eye_right);
    list.push(Cmd::Begin);
    list.push(Cmd::Arc {
        centre: eye,
        radius_mm: 19.0,
        start_rad: 0.0,
        end_rad: std::f64::consts::TAU,
    });
    list.push(Cmd::Stroke {
        colour: Colour::Muted,
        width_px: THIN_PX,
        dash: Dash::Solid,
    });
    list.disc(eye, 7.0, Colour::Ink, None);
    list.disc(side(lm.ear_right), 10.0, Colour::Bone, Some(Colour::Ink));
}
