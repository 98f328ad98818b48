//! The side view's guides and read-outs: the head-neck angle at C7, the load on the neck, the
//! most loaded joint, the C7 plumb line over S1, and which way is forward.

use crate::model::Level;
use crate::scene::body::{add, caption, side, stack_labels, LEVEL_MM};
use crate::scene::list::{Align, Cmd, Colour, Dash, DisplayList, Font};
use crate::scene::point::P2;
use crate::scene::pose::Pose;

/// The top of the sacrum, a little behind the sacrum landmark.
fn s1(pose: &Pose) -> P2 {
    add(side(pose.landmarks.sacrum), P2::new(-18.0, 0.0))
}

/// The heights of the four read-outs (head-neck angle, neck load, most loaded joint, plumb
/// line), each near what it is about and moved down where needed to keep them apart.
pub(super) fn label_heights(pose: &Pose, px_per_mm: f64) -> [f64; 4] {
    let c7 = side(pose.landmarks.c7);
    let row = 24.0 / px_per_mm.max(1e-6);
    stack_labels(
        [
            c7.y_mm + 2.0 * row,
            c7.y_mm,
            side(pose.landmarks.vertebrae[12]).y_mm,
            s1(pose).y_mm,
        ],
        1.75 * row,
    )
}

/// The head-neck angle at C7: the line to the ear, the horizontal and the arc between them,
/// with the solved angle written at `at`.
pub(super) fn head_neck_angle(list: &mut DisplayList, shown: &Pose, truth: &Pose, at: P2) {
    let lm = &shown.landmarks;
    let c7 = side(lm.c7);
    let ear = side(lm.ear_right);
    list.line(c7, ear, Colour::Guide, 2.0, Dash::Solid);
    list.line(
        c7,
        add(c7, P2::new(110.0, 0.0)),
        Colour::Muted,
        1.0,
        Dash::Long,
    );
    let drawn_angle = (ear.y_mm - c7.y_mm).atan2(ear.x_mm - c7.x_mm);
    list.push(Cmd::Begin);
    list.push(Cmd::Arc {
        centre: c7,
        radius_mm: 60.0,
        start_rad: 0.0_f64.min(drawn_angle),
        end_rad: 0.0_f64.max(drawn_angle),
    });
    list.push(Cmd::Stroke {
        colour: Colour::Guide,
        width_px: 1.5,
        dash: Dash::Solid,
    });
    list.disc(c7, 6.0, Colour::Guide, None);

    caption(list, at, "Head-neck angle");
    list.text(at, Font::Small, Align::Left, Colour::Ink)
        .nudge(0.0, 8.0)
        .num(truth.measures.craniovertebral_angle_deg, 1)
        .str("° above level");
}

/// The load the head puts on the neck.
pub(super) fn neck_load(list: &mut DisplayList, truth: &Pose, at: P2) {
    caption(list, at, "Load on the neck");
    list.text(at, Font::Small, Align::Left, Colour::Ink)
        .nudge(0.0, 8.0)
        .num(truth.measures.head_load_kg, 1)
        .str(" kg");
}

/// The joint loaded closest to its capacity, and how close.
pub(super) fn most_loaded_joint(list: &mut DisplayList, truth: &Pose, at: P2) {
    let (worst, load) = truth.joints.iter().map(|j| (j.level, j.load)).fold(
        (Level::C0C1, f64::NEG_INFINITY),
        |best, j| if j.1 > best.1 { j } else { best },
    );
    caption(list, at, "Most loaded joint");
    list.text(at, Font::Small, Align::Left, Colour::Ink)
        .nudge(0.0, 8.0)
        .str(worst.name())
        .str(", ")
        .num(load * 100.0, 0)
        .str("% of capacity");
}

/// The C7 plumb line and its offset from S1, labelled at `at` with the solved offset.
pub(super) fn plumb_line(list: &mut DisplayList, shown: &Pose, truth: &Pose, at: P2) {
    let c7 = side(shown.landmarks.c7);
    let s1 = s1(shown);
    list.line(
        c7,
        P2::new(c7.x_mm, s1.y_mm - 40.0),
        Colour::Guide,
        2.0,
        Dash::Dotted,
    );
    list.line(
        P2::new(c7.x_mm, s1.y_mm),
        s1,
        Colour::Guide,
        1.5,
        Dash::Solid,
    );
    list.disc(s1, 6.0, Colour::Guide, None);
    caption(list, at, "C7 plumb line");
    list.text(at, Font::Small, Align::Left, Colour::Ink)
        .nudge(0.0, 8.0)
        .offset_mm(
            truth.measures.sagittal_vertical_axis_mm,
            LEVEL_MM,
            "over S1",
            [" mm ahead of S1", " mm behind S1"],
        );
}

/// Which way the subject faces: "back" and "front →" above the head.
pub(super) fn direction_markers(list: &mut DisplayList, neutral: &Pose, z0: f64) {
    let marker_y = neutral.landmarks.head_top.y + 30.0;
    list.text(
        P2::new(z0 - 200.0, marker_y),
        Font::Small,
        Align::Left,
        Colour::Muted,
    )
    .str("back");
    list.text(
        P2::new(z0 + 240.0, marker_y),
        Font::Small,
        Align::Right,
        Colour::Muted,
    )
    .str("front →");
}
