//! The back view (frontal plane), as a clinician standing behind the subject sees it.

mod guides;
mod silhouette;
mod skeleton;

use super::body::{back, ghost, spine, LEVEL_VALUE_CHARS};
use super::frame::{body_scale, Anchors};
use super::list::{Colour, DisplayList, Font, MARGIN_PX, THIN_PX};
use super::point::P2;
use super::pose::Pose;
use super::shape::{draw, BOTH, RIGHT};
use super::transform::{BoundsMm, ViewTransform};
use super::view::{self, ViewInput};
use crate::scene::list::Dash;

/// Vertical half-axis of the skull used for hit-testing, in millimetres.
pub const SKULL_RY_MM: f64 = 115.0;

/// Room kept to the right of the body for the guide labels, in CSS pixels: the widest of them,
/// "C7 plumb line", with the tilts on lines of their own where the column is this narrow.
const LABEL_ROOM_PX: f64 = 112.0;

/// Half the drawn width of the body, from the neutral posture, in millimetres: the shoulders
/// and the hands hanging beside them.
fn half_width_mm(neutral: &Pose) -> f64 {
    let lm = &neutral.landmarks;
    lm.acromion_left.x.abs().max(lm.acromion_right.x.abs()) + 45.0 * body_scale(neutral)
}

/// The view's transform: the whole neutral body, floor to crown, plus a label column.
pub fn transform(neutral: &Pose, width_px: f64, height_px: f64) -> (ViewTransform, f64) {
    let half = half_width_mm(neutral);
    let top_mm = neutral.landmarks.head_top.y + 70.0;
    let guess = ((height_px - 2.0 * MARGIN_PX) / (top_mm + 30.0)).max(0.05);
    // Clear of the hanging hand by a few pixels at any size.
    let label_x = half + 20.0;
    let bounds = BoundsMm {
        min: P2::new(-half - 12.0, -30.0),
        max: P2::new(label_x + LABEL_ROOM_PX / guess, top_mm),
    };
    (
        ViewTransform::fit(bounds, width_px, height_px, MARGIN_PX),
        label_x,
    )
}

/// Draws the view in layers: the floor and the body's silhouette, the highlight and the neutral
/// ghost over it, legs and arms, pelvis, rib cage and shoulder girdle, jaw, spine, skull; then
/// the guides and their labels over the body.
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
    let half = half_width_mm(neutral);
    // The tilts go on lines of their own where the widest value would not fit beside the body.
    let room_px = width_px - MARGIN_PX - t.to_px(P2::new(label_x, 0.0)).0;
    let wrap = room_px < Font::Small.width_px(LEVEL_VALUE_CHARS);

    floor(list, half);
    let anchors = Anchors::new(shown, neutral, back, true);
    silhouette::silhouette(list, &anchors);
    if let Some(step) = options.highlight {
        view::highlight_band(list, shown, step, -half - 12.0, half + 10.0);
    }
    // The neutral stance behind the figure; another posture to compare with, over it.
    let outline = |list: &mut DisplayList, pose: &Pose, other: bool| {
        let (skull_centre, skull_r) = skeleton::skull_outline(pose);
        ghost(list, pose, back, skull_centre, skull_r, other);
    };
    if other.is_none() {
        outline(list, neutral, false);
    }

    draw(list, &anchors, &skeleton::LEG, BOTH, s);
    draw(list, &anchors, &skeleton::ARM, BOTH, s);
    draw(list, &anchors, &skeleton::PELVIS, RIGHT, s);
    draw(list, &anchors, &skeleton::HIP_JOINT, BOTH, s);
    skeleton::crests(list, shown);
    skeleton::ribs(list, shown);
    draw(list, &anchors, &skeleton::GIRDLE, BOTH, s);
    draw(list, &anchors, &skeleton::JAW, BOTH, s);
    spine(list, shown, back, true);
    skeleton::shoulder_joints(list, shown);
    skeleton::skull(list, shown, options.head_hot);
    if let Some(pose) = other {
        outline(list, pose, true);
    }

    let [eyes, shoulders, crests, plumb] = guides::label_heights(shown, s, wrap);
    guides::level_lines(
        list,
        shown,
        truth,
        label_x,
        [eyes, shoulders, crests],
        s,
        wrap,
    );
    guides::plumb_line(list, shown, truth, P2::new(label_x, plumb));
    guides::side_markers(list, neutral, half);
    guides::magnify_note(list, options.magnify, label_x);
    if let Some(step) = options.highlight {
        view::highlight_number(list, shown, step, -half - 12.0);
    }
}

/// The floor under the feet.
fn floor(list: &mut DisplayList, half: f64) {
    list.line(
        P2::new(-half - 10.0, 0.0),
        P2::new(half + 10.0, 0.0),
        Colour::Muted,
        THIN_PX,
        Dash::Solid,
    );
}
