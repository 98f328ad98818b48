//! The side view's guides and read-outs: the head-neck angle at C7, the load on the neck, the
//! joint most compressed relative to neutral standing, the C7 plumb line over S1, and which way is
//! forward.

use crate::model::Level;
use crate::scene::body::{add, caption, side, stack_labels, value_line, LEVEL_MM};
use crate::scene::list::{
    Align, Cmd, Colour, Dash, DisplayList, Font, HAIRLINE_PX, LABEL_GAP_PX, LINE_PX, REGULAR_PX,
    THIN_PX,
};

/// The widest one-line value of the most compressed joint, "T12-L1, 10.0× standing", in
/// characters: where the label column is narrower, the ratio goes on a line of its own.
pub(super) const JOINT_VALUE_CHARS: usize = 22;
use crate::scene::point::P2;
use crate::scene::pose::Pose;

/// The top of the sacrum, a little behind the sacrum landmark.
fn s1(pose: &Pose) -> P2 {
    add(side(pose.landmarks.sacrum), P2::new(-18.0, 0.0))
}

/// The heights of the four read-outs (head-neck angle, neck load, most loaded joint, plumb
/// line), each near what it is about and moved down where needed to keep them apart; the most
/// loaded joint's takes three lines when `wrap`.
/// No label's anchor goes above `top_mm`, so a short canvas keeps the first one inside it.
pub(super) fn label_heights(pose: &Pose, px_per_mm: f64, wrap: bool, top_mm: f64) -> [f64; 4] {
    let c7 = side(pose.landmarks.c7);
    let px = 1.0 / px_per_mm.max(1e-6);
    let two = (2.0 * LINE_PX + LABEL_GAP_PX) * px;
    let [angle, load, joint, plumb] = stack_labels(
        [
            (c7.y_mm + 1.25 * two).min(top_mm),
            c7.y_mm,
            side(pose.landmarks.vertebrae[12]).y_mm,
            s1(pose).y_mm,
        ],
        two,
    );
    // The third line of the joint's label pushes the plumb line's label down.
    let plumb = if wrap {
        plumb.min(joint - two - LINE_PX * px)
    } else {
        plumb
    };
    [angle, load, joint, plumb]
}

/// The head-neck angle at C7: the line to the ear, the horizontal and the arc between them,
/// with the solved angle written at `at`.
pub(super) fn head_neck_angle(list: &mut DisplayList, shown: &Pose, truth: &Pose, at: P2) {
    let lm = &shown.landmarks;
    let c7 = side(lm.c7);
    let ear = side(lm.ear_right);
    list.line(c7, ear, Colour::Guide, REGULAR_PX, Dash::Solid);
    list.line(
        c7,
        add(c7, P2::new(110.0, 0.0)),
        Colour::Muted,
        HAIRLINE_PX,
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
        width_px: THIN_PX,
        dash: Dash::Solid,
    });
    list.disc(c7, 6.0, Colour::Guide, None);

    caption(list, at, "Head-neck angle");
    value_line(list, at, 1)
        .num(truth.measures.craniovertebral_angle_deg, 1)
        .str("° above level");
}

/// The load the head puts on the neck.
pub(super) fn neck_load(list: &mut DisplayList, truth: &Pose, at: P2) {
    caption(list, at, "Load on the neck");
    value_line(list, at, 1)
        .num(truth.measures.head_load_kg, 1)
        .str(" kg");
}

/// The joint whose compression rose most over neutral standing (the heat map's scale, not a
/// tissue tolerance), as that ratio: on one line, or on two when `wrap`.
pub(super) fn most_loaded_joint(list: &mut DisplayList, truth: &Pose, at: P2, wrap: bool) {
    let (worst, ratio) = truth
        .joints
        .iter()
        .map(|j| (j.level, j.compression_ratio))
        .fold((Level::C0C1, f64::NEG_INFINITY), |best, j| {
            if j.1 > best.1 {
                j
            } else {
                best
            }
        });
    caption(list, at, "Most loaded joint");
    let w = value_line(list, at, 1).str(worst.name());
    let w = if wrap {
        drop(w);
        value_line(list, at, 2)
    } else {
        w.str(", ")
    };
    w.num(ratio, 1).str("× standing");
}

/// The C7 plumb line and its offset from S1, labelled at `at` with the solved offset.
pub(super) fn plumb_line(list: &mut DisplayList, shown: &Pose, truth: &Pose, at: P2) {
    let c7 = side(shown.landmarks.c7);
    let s1 = s1(shown);
    list.line(
        c7,
        P2::new(c7.x_mm, s1.y_mm - 40.0),
        Colour::Guide,
        REGULAR_PX,
        Dash::Dotted,
    );
    list.line(
        P2::new(c7.x_mm, s1.y_mm),
        s1,
        Colour::Guide,
        THIN_PX,
        Dash::Solid,
    );
    list.disc(s1, 6.0, Colour::Guide, None);
    caption(list, at, "C7 plumb line");
    value_line(list, at, 1).offset_mm(
        truth.measures.sagittal_vertical_axis_mm,
        LEVEL_MM,
        "over S1",
        [" mm ahead of S1", " mm behind S1"],
    );
}

/// Which way the subject faces: "back" and "front →" along the floor, across the label column
/// from its left edge (`left_mm`) to the canvas's (`right_mm`), the column's width between them
/// so that longer words than English's stay apart on a small canvas.
pub(super) fn direction_markers(list: &mut DisplayList, left_mm: f64, right_mm: f64) {
    list.text(
        P2::new(left_mm, 0.0),
        Font::Small,
        Align::Left,
        Colour::Muted,
    )
    .str("back");
    list.text(
        P2::new(right_mm, 0.0),
        Font::Small,
        Align::Right,
        Colour::Muted,
    )
    .str("front →");
}
