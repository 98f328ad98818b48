//! The back view (frontal plane), as a clinician standing behind the subject sees it.

mod guides;
mod skeleton;

use super::body::{back, ghost, spine};
use super::list::{Colour, Dash, DisplayList};
use super::point::P2;
use super::pose::Pose;
use super::transform::{BoundsMm, ViewTransform};
use super::view::{self, ViewInput};

/// Vertical half-axis of the skull used for hit-testing, in millimetres.
pub const SKULL_RY_MM: f64 = 115.0;

/// Room kept to the right of the body for the guide labels, in CSS pixels.
const LABEL_ROOM_PX: f64 = 132.0;
const MARGIN_PX: f64 = 12.0;

/// Half the drawn width of the body, from the neutral posture, in millimetres.
fn half_width_mm(neutral: &Pose) -> f64 {
    let lm = &neutral.landmarks;
    lm.acromion_left
        .x
        .abs()
        .max(lm.acromion_right.x.abs())
        .max(lm.iliac_crest_right.x.abs())
        + 40.0
}

/// The view's transform: the whole neutral body, floor to crown, plus a label column.
pub fn transform(neutral: &Pose, width_px: f64, height_px: f64) -> (ViewTransform, f64) {
    let half = half_width_mm(neutral);
    let top_mm = neutral.landmarks.head_top.y + 70.0;
    let guess = ((height_px - 2.0 * MARGIN_PX) / (top_mm + 30.0)).max(0.05);
    // Clear of the hanging hand by a few pixels at any size.
    let label_x = half + 25.0;
    let bounds = BoundsMm {
        min: P2::new(-half - 20.0, -30.0),
        max: P2::new(label_x + LABEL_ROOM_PX / guess, top_mm),
    };
    (
        ViewTransform::fit(bounds, width_px, height_px, MARGIN_PX),
        label_x,
    )
}

/// Draws the view in layers: the floor and the neutral ghost, legs and arms, pelvis, rib cage
/// and scapulae, spine, skull; then the guides and their labels over the body.
pub fn build(list: &mut DisplayList, input: ViewInput) {
    let ViewInput {
        shown,
        truth,
        neutral,
        options,
        width_px,
        height_px,
    } = input;
    let (t, label_x) = transform(neutral, width_px, height_px);
    list.transform = t;
    let s = t.px_per_mm;
    let half = half_width_mm(neutral);

    floor(list, half);
    if let Some(step) = options.highlight {
        view::highlight_band(list, shown, step, -half - 20.0, half + 10.0);
    }
    let (skull_centre, skull_r) = skeleton::skull_outline(neutral);
    ghost(list, neutral, back, skull_centre, skull_r);

    skeleton::legs(list, shown, s);
    skeleton::arms(list, shown, s);
    skeleton::pelvis(list, shown);
    skeleton::ribs(list, shown);
    skeleton::scapulae(list, shown);
    spine(list, shown, back, true);
    skeleton::shoulder_joints(list, shown);
    skeleton::skull(list, shown, options.head_hot);

    let [eyes, shoulders, crests, plumb] = guides::label_heights(shown, s);
    guides::level_lines(list, shown, truth, label_x, [eyes, shoulders, crests], s);
    guides::plumb_line(list, shown, truth, P2::new(label_x, plumb));
    guides::side_markers(list, neutral, half);
    guides::magnify_note(list, options.magnify, label_x);
    if let Some(step) = options.highlight {
        view::highlight_number(list, shown, step, -half - 20.0);
    }
}

/// The floor under the feet.
fn floor(list: &mut DisplayList, half: f64) {
    list.line(
        P2::new(-half - 10.0, 0.0),
        P2::new(half + 10.0, 0.0),
        Colour::Muted,
        1.5,
        Dash::Solid,
    );
}
