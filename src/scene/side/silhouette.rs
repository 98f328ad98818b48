//! The side view's silhouette: the person in profile, facing right, written on the posture's
//! frames so that the head nods, the back curves and the legs bend as the skeleton does.
//! Millimetres of the reference adult.

use crate::scene::frame::{
    pt, Anchors, Pt, Side, ACROMION, ANKLE, FEMUR, HEAD, HEEL, HIP, KNEE, SHIN,
};
use crate::scene::list::{Cmd, DisplayList};
use crate::scene::shape::{draw, CREASE, RIGHT, SKIN};
use crate::scene::skin;

/// The near arm's joints, hanging from its acromion whatever the trunk does: shoulder, elbow
/// and wrist (the bones run through them).
pub(super) const ARM_JOINTS: [Pt; 3] = [
    pt(ACROMION, 0, -40),
    pt(ACROMION, -14, -290),
    pt(ACROMION, 8, -530),
];

/// A leg from the hip joint: down the front of the thigh and the shin, round the ankle, up
/// the calf (bulging below the knee) and the back of the thigh; and its foot.
const LEG: [Pt; 24] = [
    pt(FEMUR, 95, 0),
    pt(KNEE, 88, 215),
    pt(KNEE, 52, 0),
    pt(SHIN, 44, -215),
    pt(ANKLE, 32, 0),
    pt(ANKLE, 0, -20),
    pt(ANKLE, -34, 0),
    pt(SHIN, -100, -215),
    pt(KNEE, -52, 0),
    pt(KNEE, -92, 215),
    pt(FEMUR, -110, 0),
    SKIN,
    pt(HEEL, 80, 72),
    pt(HEEL, 150, 58),
    pt(HEEL, 262, 16),
    pt(HEEL, 280, 8),
    pt(HEEL, 250, 0),
    pt(HEEL, 130, 8),
    pt(HEEL, 30, 0),
    pt(HEEL, -18, 2),
    pt(HEEL, -8, 40),
    pt(HEEL, -2, 66),
    pt(HEEL, 18, 92),
    SKIN,
];

/// The head, clockwise from the crown (forehead, brow, nose, lips, chin, under the jaw, the nape,
/// the back of the skull); then the neck and trunk, down the front from the throat over the
/// chest and the belly to the groin, under the buttock and up the back along the spine's curves
/// to the nape. With the near leg, one shape.
const BODY: [Pt; 50] = [
    pt(HEAD, -30, 116),
    pt(HEAD, 48, 118),
    pt(HEAD, 62, 52),
    pt(HEAD, 68, 22),
    pt(HEAD, 60, 6),
    pt(HEAD, 70, -12),
    pt(HEAD, 86, -34),
    pt(HEAD, 84, -44),
    pt(HEAD, 68, -44),
    pt(HEAD, 76, -56),
    pt(HEAD, 68, -68),
    pt(HEAD, 72, -80),
    pt(HEAD, 62, -90),
    pt(HEAD, 72, -110),
    pt(HEAD, 50, -114),
    pt(HEAD, 20, -124),
    pt(HEAD, -8, -100),
    pt(HEAD, -50, -90),
    pt(HEAD, -106, -68),
    pt(HEAD, -142, -30),
    pt(HEAD, -138, 20),
    pt(HEAD, -142, 72),
    pt(HEAD, -112, 100),
    pt(HEAD, -80, 124),
    pt(HEAD, -30, 116),
    SKIN,
    pt(1, 40, 0),
    pt(5, 54, 0),
    pt(8, 92, 0),
    pt(10, 160, 0),
    pt(13, 182, 0),
    pt(16, 186, 0),
    pt(19, 150, 0),
    pt(21, 138, 0),
    pt(22, 126, 0),
    pt(HIP, 118, -4),
    pt(HIP, 95, -40),
    pt(HIP, 30, -150),
    pt(HIP, -80, -118),
    pt(HIP, -152, -95),
    pt(HIP, -150, -10),
    pt(HIP, -142, 75),
    pt(22, -88, 0),
    pt(21, -66, 0),
    pt(18, -80, 0),
    pt(12, -100, 0),
    pt(6, -88, 0),
    pt(4, -55, 0),
    pt(1, -58, 0),
    SKIN,
];

/// The near arm with its hand, hanging over the trunk: down the front, round the fingertips,
/// up the back.
const NEAR_ARM: [Pt; 16] = [
    pt(ACROMION, 50, -40),
    pt(ACROMION, 37, -165),
    pt(ACROMION, 22, -290),
    pt(ACROMION, 37, -410),
    pt(ACROMION, 32, -530),
    pt(ACROMION, 60, -615),
    pt(ACROMION, 36, -705),
    pt(ACROMION, 16, -725),
    pt(ACROMION, -2, -705),
    pt(ACROMION, -30, -615),
    pt(ACROMION, -18, -530),
    pt(ACROMION, -45, -410),
    pt(ACROMION, -54, -290),
    pt(ACROMION, -55, -165),
    pt(ACROMION, -55, -40),
    SKIN,
];

/// The ear's rim, on the skin.
const EAR_RIM: [Pt; 4] = [
    pt(HEAD, -46, 0),
    pt(HEAD, -74, -20),
    pt(HEAD, -44, -50),
    CREASE,
];

/// The silhouette in three overlapping shapes, back to front: the far leg; the head, neck,
/// trunk and near leg as one; the near arm. Then the ear.
pub(super) fn silhouette(list: &mut DisplayList, anchors: &Anchors) {
    list.push(Cmd::Begin);
    draw(list, anchors, &LEG, &[Side::FAR], 1.0);
    skin::end(list);
    list.push(Cmd::Begin);
    draw(list, anchors, &BODY, RIGHT, 1.0);
    draw(list, anchors, &LEG, RIGHT, 1.0);
    skin::end(list);
    list.push(Cmd::Begin);
    draw(list, anchors, &NEAR_ARM, RIGHT, 1.0);
    skin::end(list);
    draw(list, anchors, &EAR_RIM, RIGHT, 1.0);
}
