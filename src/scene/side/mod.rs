//! The side view (sagittal plane), seen from the subject's right: forward is to the right.

mod guides;
mod silhouette;
mod skeleton;

use super::body::{ghost, side, skull_ry_mm, spine};
use super::frame::{Anchors, Side};
use super::list::{Colour, Dash, DisplayList, Font, LINE_PX, MARGIN_PX, THIN_PX};
use super::point::P2;
use super::pose::Pose;
use super::shape::{draw, RIGHT};
use super::transform::{BoundsMm, ViewTransform};
use super::view::{self, ViewInput};

/// Room kept in front of the body for the read-outs, in CSS pixels: the widest of them, "Most
/// loaded joint", with the joint's load on a line of its own where the column is this narrow.
const LABEL_ROOM_PX: f64 = 146.0;

/// The view's transform: the whole neutral body from heel to toe, floor to crown, plus a label
/// column in front of it.
pub fn transform(neutral: &Pose, width_px: f64, height_px: f64) -> (ViewTransform, f64) {
    let lm = &neutral.landmarks;
    let z0 = lm.sacrum.z;
    let top_mm = lm.head_top.y + 70.0;
    let guess = ((height_px - 2.0 * MARGIN_PX) / (top_mm + 30.0)).max(0.05);
    // Clear of the face even at full forward head posture.
    let label_x = z0 + 330.0;
    let bounds = BoundsMm {
        min: P2::new(z0 - 230.0, -30.0),
        max: P2::new(label_x + LABEL_ROOM_PX / guess, top_mm),
    };
    (
        ViewTransform::fit(bounds, width_px, height_px, MARGIN_PX),
        label_x,
    )
}

/// Draws the view in layers: the floor and the body's silhouette, the highlight and the neutral
/// ghost over it, legs (the far one first), the near arm, pelvis, ribs, shoulder girdle, spine,
/// skull; then the guides and their labels.
pub fn build(list: &mut DisplayList, input: ViewInput) {
    let ViewInput {
        shown,
        truth,
        neutral,
        ghost: other,
        options,
        width_px,
        height_px,
    } = input;
    let (t, label_x) = transform(neutral, width_px, height_px);
    list.transform = t;
    let s = t.px_per_mm;
    let z0 = neutral.landmarks.sacrum.z;
    let room_px = width_px - MARGIN_PX - t.to_px(P2::new(label_x, 0.0)).0;
    let wrap = room_px < Font::Small.width_px(guides::JOINT_VALUE_CHARS);

    floor(list, z0);
    let anchors = Anchors::new(shown, neutral, side, false);
    silhouette::silhouette(list, &anchors);
    if let Some(step) = options.highlight {
        view::highlight_band(list, shown, step, z0 - 230.0, z0 + 240.0);
    }
    // The neutral stance behind the figure; another posture to compare with, over it.
    let outline = |list: &mut DisplayList, pose: &Pose, other: bool| {
        let skull_r = skull_ry_mm(pose, side) * 0.8;
        ghost(
            list,
            pose,
            side,
            side(pose.landmarks.head_centre),
            skull_r,
            other,
        );
    };
    if other.is_none() {
        outline(list, neutral, false);
    }

    draw(list, &anchors, &skeleton::LEG, &[Side::FAR, Side::RIGHT], s);
    draw(list, &anchors, &skeleton::ARM, RIGHT, s);
    draw(list, &anchors, &skeleton::PELVIS, RIGHT, s);
    skeleton::ribs(list, shown);
    draw(list, &anchors, &skeleton::GIRDLE, RIGHT, s);
    spine(list, shown, side, false);
    skeleton::shoulder_joint(list, shown);
    draw(list, &anchors, &skeleton::SKULL, RIGHT, s);
    skeleton::eye_and_ear(list, shown);
    if let Some(pose) = other {
        outline(list, pose, true);
    }

    // The first label's name stays inside the canvas: its anchor half a line below its top.
    let top_mm = t
        .to_mm(0.0, LINE_PX / 2.0 + Font::Label.size_px() + 2.0)
        .y_mm;
    let [angle, load, joint, plumb] = guides::label_heights(shown, s, wrap, top_mm);
    let at = |y_mm: f64| P2::new(label_x, y_mm);
    guides::head_neck_angle(list, shown, truth, at(angle));
    guides::neck_load(list, truth, at(load));
    guides::most_loaded_joint(list, truth, at(joint), wrap);
    guides::plumb_line(list, shown, truth, at(plumb));
    let right_mm = t.to_mm(width_px - MARGIN_PX, 0.0).x_mm;
    guides::direction_markers(list, label_x, right_mm);
    if let Some(step) = options.highlight {
        view::highlight_number(list, shown, step, z0 - 230.0);
    }
}

/// The floor, from behind the heels to ahead of the toes.
fn floor(list: &mut DisplayList, z0: f64) {
    list.line(
        P2::new(z0 - 200.0, 0.0),
        P2::new(z0 + 240.0, 0.0),
        Colour::Muted,
        THIN_PX,
        Dash::Solid,
    );
}
