//! The back view's skeleton: legs and feet, arms, pelvis, rib cage, shoulder girdle and skull,
//! seen through the silhouette.

use super::silhouette::ARM_JOINTS;
use crate::scene::body::{add, back, dist, offset, scale, skull_rotation_rad, sub, unit};
use crate::scene::frame::{pt, Pt, ACROMION, ANKLE, FEMUR, HEAD, HEEL, HIP, KNEE, MID_HIPS, SHIN};
use crate::scene::list::{Cmd, Colour, Dash, DisplayList, BOLD_PX, HAIRLINE_PX, REGULAR_PX};
use crate::scene::point::P2;
use crate::scene::pose::Pose;
use crate::scene::shape::{arm_bones, bone, oval, KNOB, PLATE_INK, PLATE_RIB};

/// The back of the skull: from the crown down to just above C1. Its centre and half-height.
pub(super) fn skull_outline(pose: &Pose) -> (P2, f64) {
    let crown = back(pose.landmarks.head_top);
    let c1 = back(pose.landmarks.vertebrae[0]);
    let base = add(c1, scale(unit(sub(crown, c1)), 16.0));
    (
        crown.mid(base),
        (dist(crown, base) / 2.0).clamp(50.0, 120.0),
    )
}

/// A leg's bones, right side: the heel bone; the fibula, the tibia and its plateau; the femur from its head out along its neck to the greater trochanter and down to
/// its condyles, a joint space above the plateau.
pub(super) const LEG: [Pt; 20] = [
    pt(HEEL, 0, 32),
    oval(25, 30),
    KNOB,
    pt(SHIN, 30, -34),
    pt(ANKLE, 27, -4),
    bone(10),
    pt(SHIN, -3, -26),
    pt(ANKLE, -6, 20),
    bone(24),
    pt(SHIN, 0, -18),
    oval(39, 11),
    KNOB,
    pt(FEMUR, 0, 0),
    pt(FEMUR, 58, -22),
    pt(FEMUR, 58, -22),
    pt(KNEE, 4, 28),
    bone(27),
    pt(KNEE, 0, 18),
    oval(42, 19),
    KNOB,
];

/// An arm's bones: the humerus and the forearm, and the humerus's head.
pub(super) const ARM: [Pt; 8] = arm_bones(ARM_JOINTS, (23, 24));

/// Pelvis: the iliac wings from crest to crest over the sacrum's base, down each side to above
/// the hip socket and round under the pubic arch; the sacrum between them; the hip joints.
pub(super) const PELVIS: [Pt; 22] = [
    pt(MID_HIPS, -167, 140),
    pt(MID_HIPS, -100, 150),
    pt(MID_HIPS, -42, 96),
    pt(MID_HIPS, 0, 84),
    pt(MID_HIPS, 42, 96),
    pt(MID_HIPS, 100, 150),
    pt(MID_HIPS, 167, 140),
    pt(MID_HIPS, 160, 40),
    pt(MID_HIPS, 123, 0),
    pt(MID_HIPS, 120, -76),
    pt(MID_HIPS, 0, -80),
    pt(MID_HIPS, -120, -76),
    pt(MID_HIPS, -123, 0),
    pt(MID_HIPS, -160, 40),
    pt(MID_HIPS, -167, 140),
    PLATE_INK,
    pt(MID_HIPS, -36, 95),
    pt(MID_HIPS, -24, 20),
    pt(MID_HIPS, 0, -20),
    pt(MID_HIPS, 24, 20),
    pt(MID_HIPS, 36, 95),
    KNOB,
];

/// A hip joint.
pub(super) const HIP_JOINT: [Pt; 3] = [pt(HIP, 0, 0), oval(22, 22), PLATE_INK];

/// The iliac crests, where the crest guide runs.
pub(super) fn crests(list: &mut DisplayList, pose: &Pose) {
    let lm = &pose.landmarks;
    for crest in [lm.iliac_crest_left, lm.iliac_crest_right] {
        list.disc(back(crest), 9.0, Colour::Ink, None);
    }
}

/// The rib cage, hinted as one path of curves out from the thoracic vertebrae.
pub(super) fn ribs(list: &mut DisplayList, pose: &Pose) {
    let v = &pose.landmarks.vertebrae;
    list.push(Cmd::Begin);
    for (i, half_w) in [
        (8, 95.0),
        (10, 118.0),
        (12, 132.0),
        (14, 136.0),
        (16, 126.0),
    ] {
        let c = back(v[i]);
        let u = unit(sub(back(v[i - 1]), back(v[i + 1])));
        for side in [-1.0, 1.0] {
            list.push(Cmd::MoveTo(offset(c, u, 0.0, side * 20.0)));
            list.push(Cmd::QuadTo {
                ctrl: offset(c, u, 10.0, side * half_w * 0.85),
                to: offset(c, u, -62.0, side * half_w),
            });
        }
    }
    list.push(Cmd::Stroke {
        colour: Colour::Rib,
        width_px: HAIRLINE_PX,
        dash: Dash::Solid,
    });
}

/// The shoulder girdle, right side: the clavicle from beside the top of the sternum out to the
/// acromion; the scapula as a plate over the ribs (superior angle, superior border, glenoid,
/// lateral border, inferior angle, medial border), its spine running up to the acromion.
pub(super) const GIRDLE: [Pt; 17] = [
    pt(8, 16, 4),
    pt(ACROMION, -95, 6),
    pt(ACROMION, -8, -2),
    bone(12),
    pt(8, 62, 0),
    pt(ACROMION, -90, -10),
    pt(ACROMION, -34, -24),
    pt(ACROMION, -18, -28),
    pt(ACROMION, -16, -48),
    pt(ACROMION, -40, -80),
    pt(13, 90, -18),
    pt(11, 56, 0),
    pt(8, 62, 0),
    PLATE_RIB,
    pt(9, 60, 0),
    pt(ACROMION, -4, 2),
    bone(9),
];

/// The acromia, where the shoulder guide runs, over the spine.
pub(super) fn shoulder_joints(list: &mut DisplayList, pose: &Pose) {
    let lm = &pose.landmarks;
    for acromion in [lm.acromion_left, lm.acromion_right] {
        list.disc(back(acromion), 8.0, Colour::Ink, None);
    }
}

/// The jaw seen from behind, right side: the mandible from under the ear down to its angle and
/// round to the chin; drawn before the spine, so the neck's vertebrae show over it.
pub(super) const JAW: [Pt; 6] = [
    pt(HEAD, 52, -22),
    pt(HEAD, 50, -80),
    pt(HEAD, 20, -104),
    pt(HEAD, 10, -112),
    pt(HEAD, 0, -112),
    bone(9),
];

/// The back of the skull, from the crown down to just above C1, with the eyes seen through it;
/// outlined in the brand colour because it can be dragged, and washed with it while `head_hot`.
pub(super) fn skull(list: &mut DisplayList, pose: &Pose, head_hot: bool) {
    let lm = &pose.landmarks;
    let (skull_centre, ry) = skull_outline(pose);
    list.push(Cmd::Begin);
    list.push(Cmd::Ellipse {
        centre: skull_centre,
        rx_mm: ry * 0.95,
        ry_mm: ry,
        rotation_rad: skull_rotation_rad(pose, back),
    });
    list.push(Cmd::Fill(Colour::Bone));
    if head_hot {
        list.push(Cmd::Fill(Colour::BrandWash));
    }
    list.push(Cmd::Stroke {
        colour: Colour::Brand,
        width_px: if head_hot { 2.0 * REGULAR_PX } else { BOLD_PX },
        dash: Dash::Solid,
    });
    let (el, er) = (back(lm.eye_left), back(lm.eye_right));
    for eye in [el, er] {
        list.disc(eye, 7.0, Colour::Ink, None);
    }
}
