//! The side view (sagittal plane), seen from the subject's right: forward is to the right.

mod guides;
mod skeleton;

use super::body::{ghost, side, skull_ry_mm, spine};
use super::list::{Colour, Dash, DisplayList};
use super::point::P2;
use super::pose::Pose;
use super::transform::{BoundsMm, ViewTransform};
use super::view::{self, ViewInput};

const LABEL_ROOM_PX: f64 = 150.0;
const MARGIN_PX: f64 = 12.0;

/// The view's transform: the whole neutral body from heel to toe, floor to crown, plus a label
/// column in front of it.
pub fn transform(neutral: &Pose, width_px: f64, height_px: f64) -> (ViewTransform, f64) {
    let lm = &neutral.landmarks;
    let z0 = lm.sacrum.z;
    let top_mm = lm.head_top.y + 70.0;
    let guess = ((height_px - 2.0 * MARGIN_PX) / (top_mm + 30.0)).max(0.05);
    // Clear of the head even at full forward head posture.
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

/// Draws the view in layers: the floor and the neutral ghost, legs (the far one first), pelvis,
/// ribs, shoulder girdle, spine, skull; then the guides and their labels.
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
    let z0 = neutral.landmarks.sacrum.z;

    floor(list, z0);
    if let Some(step) = options.highlight {
        view::highlight_band(list, shown, step, z0 - 230.0, z0 + 240.0);
    }
    let skull_r = skull_ry_mm(neutral, side) * 0.8;
    ghost(
        list,
        neutral,
        side,
        side(neutral.landmarks.head_centre),
        skull_r,
    );

    skeleton::legs(list, shown, s);
    skeleton::pelvis(list, shown, s);
    skeleton::ribs(list, shown);
    skeleton::shoulder_girdle(list, shown);
    spine(list, shown, side, false);
    skeleton::shoulder_joint(list, shown);
    skeleton::skull(list, shown);

    let [angle, load, joint, plumb] = guides::label_heights(shown, s);
    let at = |y_mm: f64| P2::new(label_x, y_mm);
    guides::head_neck_angle(list, shown, truth, at(angle));
    guides::neck_load(list, truth, at(load));
    guides::most_loaded_joint(list, truth, at(joint));
    guides::plumb_line(list, shown, truth, at(plumb));
    guides::direction_markers(list, neutral, z0);
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
        1.5,
        Dash::Solid,
    );
}
