//! The back view's silhouette: the person seen from behind, written on the posture's frames so
//! that it tilts, shifts and moves with the cascade as the skeleton does. Right-side shapes,
//! mirrored for the left; millimetres of the reference adult.

use crate::scene::frame::{
    pt, Anchors, Pt, Side, ACROMION, ANKLE, FEMUR, HEAD, HEEL, HIP, KNEE, MID_HIPS, SHIN,
};
use crate::scene::list::{Cmd, DisplayList};
use crate::scene::point::P2;
use crate::scene::shape::{draw, oval, BOTH, CREASE, RIGHT, SKIN};
use crate::scene::skin;

/// An arm's joints, hanging from its acromion whatever the trunk does: shoulder, elbow and
/// wrist (the bones run through them).
pub(super) const ARM_JOINTS: [Pt; 3] = [
    pt(ACROMION, -18, -42),
    pt(ACROMION, -6, -290),
    pt(ACROMION, 8, -530),
];

/// The head, seen from behind: as wide as the ears are apart, as high as the crown is above its
/// centre, down to the chin.
const HEAD_SKIN: [Pt; 3] = [pt(HEAD, 0, 0), oval(76, 114), SKIN];

/// An ear, an arm with its hand (wider outside, over the deltoid and the forearm's muscles),
/// a leg (the calf bulging below the knee, the heel flaring to the floor) and the forefoot
/// showing beside the heel.
const LIMBS: [Pt; 38] = [
    pt(HEAD, 79, -18),
    oval(10, 27),
    SKIN,
    pt(ACROMION, 26, -42),
    pt(ACROMION, 30, -166),
    pt(ACROMION, 28, -290),
    pt(ACROMION, 39, -410),
    pt(ACROMION, 34, -530),
    pt(ACROMION, 46, -612),
    pt(ACROMION, 23, -705),
    pt(ACROMION, 8, -725),
    pt(ACROMION, -4, -705),
    pt(ACROMION, -24, -612),
    pt(ACROMION, -16, -530),
    pt(ACROMION, -35, -410),
    pt(ACROMION, -36, -290),
    pt(ACROMION, -46, -166),
    pt(ACROMION, -58, -42),
    SKIN,
    pt(FEMUR, 92, 0),
    pt(KNEE, 82, 215),
    pt(KNEE, 52, 0),
    pt(SHIN, 72, -215),
    pt(ANKLE, 30, 0),
    pt(ANKLE, 34, -34),
    pt(HEEL, 38, 0),
    pt(HEEL, 0, -6),
    pt(HEEL, -38, 0),
    pt(ANKLE, -34, -34),
    pt(ANKLE, -30, 0),
    pt(SHIN, -74, -215),
    pt(KNEE, -48, 0),
    pt(KNEE, -76, 215),
    pt(FEMUR, -88, 0),
    SKIN,
    pt(HEEL, 6, 15),
    oval(48, 15),
    SKIN,
];

/// The trunk's right side from the neck down: the neck beside the cervical spine, the
/// trapezius out to the shoulder, over the deltoid (under the arm) in to the armpit, the flank
/// over the ribs, the waist, over the iliac crest to the hip, under the buttock to the crotch.
const TRUNK: [Pt; 17] = [
    pt(1, 50, 0),
    pt(3, 46, 0),
    pt(5, 55, 0),
    pt(ACROMION, -127, 29),
    pt(ACROMION, -6, 24),
    pt(ACROMION, 30, 12),
    pt(ACROMION, 24, -60),
    pt(ACROMION, -20, -80),
    pt(13, 156, 0),
    pt(17, 160, 0),
    pt(20, 130, 0),
    pt(HIP, 96, 162),
    pt(HIP, 95, -25),
    pt(HIP, 98, -80),
    pt(HIP, 60, -112),
    pt(HIP, -65, -118),
    pt(MID_HIPS, 0, -108),
];

/// The cleft of the buttocks, and each one's fold.
const CLEFT: [Pt; 4] = [
    pt(MID_HIPS, 0, 15),
    pt(MID_HIPS, 0, -42),
    pt(MID_HIPS, 0, -100),
    CREASE,
];
const FOLD: [Pt; 4] = [
    pt(MID_HIPS, 8, -104),
    pt(MID_HIPS, 55, -124),
    pt(MID_HIPS, 135, -100),
    CREASE,
];

/// The whole silhouette, one path: head and ears, neck and trunk, arms, legs and feet; then
/// the buttocks' creases over it.
pub(super) fn silhouette(list: &mut DisplayList, anchors: &Anchors) {
    list.push(Cmd::Begin);
    draw(list, anchors, &HEAD_SKIN, RIGHT, 1.0);
    // The trunk as one outline: down the right side, up the left.
    let mut buf = [P2::default(); TRUNK.len()];
    for side in [Side::RIGHT, Side::LEFT] {
        for (p, t) in buf.iter_mut().zip(&TRUNK) {
            *p = anchors.at(*t, side);
        }
        skin::chain(list, &buf, !side.left, side.left);
    }
    list.push(Cmd::Close);
    draw(list, anchors, &LIMBS, BOTH, 1.0);
    skin::end(list);
    draw(list, anchors, &CLEFT, RIGHT, 1.0);
    draw(list, anchors, &FOLD, BOTH, 1.0);
}
