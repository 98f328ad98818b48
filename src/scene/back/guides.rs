//! The back view's guides and labels: level lines across the eyes, shoulders and iliac crests,
//! the C7 plumb line, the L and R markers and the magnification note.

use crate::scene::body::{back, caption, level_guide, stack_labels, value_line, Pair, LEVEL_MM};
use crate::scene::list::{
    Align, Colour, Dash, DisplayList, Font, HAIRLINE_PX, LABEL_GAP_PX, LINE_PX, REGULAR_PX,
};
use crate::scene::point::P2;
use crate::scene::pose::Pose;

/// Where the plumb lines stop, below the sacrum, in millimetres.
fn foot_of_lines_mm(pose: &Pose) -> f64 {
    back(pose.landmarks.sacrum).y_mm - 170.0
}

/// The heights of the labels of the eyes, shoulders, iliac crests and plumb line, each level
/// with what it is about and moved down where needed to keep them apart (by three lines each
/// when the tilts are wrapped onto lines of their own).
pub(super) fn label_heights(pose: &Pose, px_per_mm: f64, wrap: bool) -> [f64; 4] {
    let lines = if wrap { 3.0 } else { 2.0 };
    let lm = &pose.landmarks;
    let (el, er) = (back(lm.eye_left), back(lm.eye_right));
    let (cl, cr) = (back(lm.iliac_crest_left), back(lm.iliac_crest_right));
    stack_labels(
        [
            el.y_mm.max(er.y_mm),
            lm.acromion_left.y.max(lm.acromion_right.y),
            cl.y_mm.max(cr.y_mm),
            foot_of_lines_mm(pose) + 40.0,
        ],
        (lines * LINE_PX + LABEL_GAP_PX) / px_per_mm.max(1e-6),
    )
}

/// Level guides across the eyes, the shoulders and the iliac crests, drawn through the shown
/// pose and labelled at `label_x` with the solved pose's figures (see `level_guide` for
/// `wrap`).
pub(super) fn level_lines(
    list: &mut DisplayList,
    shown: &Pose,
    truth: &Pose,
    label_x: f64,
    [eyes_y, shoulders_y, crests_y]: [f64; 3],
    px_per_mm: f64,
    wrap: bool,
) {
    let lm = &shown.landmarks;
    let tl = &truth.landmarks;
    let m = &truth.measures;
    level_guide(
        list,
        Pair::Eyes,
        back(lm.eye_left),
        back(lm.eye_right),
        tl.eye_right.y - tl.eye_left.y,
        m.eye_line_tilt_deg,
        label_x,
        eyes_y,
        px_per_mm,
        wrap,
    );
    level_guide(
        list,
        Pair::Shoulders,
        back(lm.acromion_left),
        back(lm.acromion_right),
        m.shoulder_height_diff_mm,
        m.shoulder_tilt_deg,
        label_x,
        shoulders_y,
        px_per_mm,
        wrap,
    );
    level_guide(
        list,
        Pair::IliacCrests,
        back(lm.iliac_crest_left),
        back(lm.iliac_crest_right),
        tl.iliac_crest_right.y - tl.iliac_crest_left.y,
        m.pelvic_obliquity_deg,
        label_x,
        crests_y,
        px_per_mm,
        wrap,
    );
}

/// The C7 plumb line beside the vertical through the sacrum, labelled at `at` with how far C7
/// is from it.
pub(super) fn plumb_line(list: &mut DisplayList, shown: &Pose, truth: &Pose, at: P2) {
    let lm = &shown.landmarks;
    let sac = back(lm.sacrum);
    let c7 = back(lm.c7);
    let foot_of_lines = foot_of_lines_mm(shown);
    list.line(
        P2::new(sac.x_mm, foot_of_lines),
        P2::new(sac.x_mm, c7.y_mm + 40.0),
        Colour::Muted,
        HAIRLINE_PX,
        Dash::Long,
    );
    list.line(
        c7,
        P2::new(c7.x_mm, foot_of_lines),
        Colour::Guide,
        REGULAR_PX,
        Dash::Dotted,
    );
    list.disc(c7, 6.0, Colour::Guide, None);
    caption(list, at, "C7 plumb line");
    value_line(list, at, 1).offset_mm(
        truth.measures.coronal_balance_mm,
        LEVEL_MM,
        "over the sacrum",
        [" mm to the R", " mm to the L"],
    );
}

/// Which side is which: "L" and "R" above the head.
pub(super) fn side_markers(list: &mut DisplayList, neutral: &Pose, half: f64) {
    let marker_y = neutral.landmarks.head_top.y + 30.0;
    list.text(
        P2::new(-half, marker_y),
        Font::Marker,
        Align::Left,
        Colour::Ink,
    )
    .str("L");
    list.text(
        P2::new(half, marker_y),
        Font::Marker,
        Align::Right,
        Colour::Ink,
    )
    .str("R");
}

/// Under the labels, by how much side-to-side shifts are drawn larger, when they are.
pub(super) fn magnify_note(list: &mut DisplayList, magnify: f64, label_x: f64) {
    if magnify != 1.0 {
        list.text(
            P2::new(label_x, -20.0),
            Font::Small,
            Align::Left,
            Colour::Muted,
        )
        .nudge(0.0, -4.0)
        .str("shifts drawn ×")
        .num(magnify, if magnify.fract() < 0.05 { 0 } else { 1 });
    }
}
