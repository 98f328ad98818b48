//! Drawing pieces shared by the views: vector helpers, vertebral blocks, bones, level guides.

use super::list::{
    Align, Cmd, Colour, Dash, DisplayList, Font, HAIRLINE_PX, LINE_PX, REGULAR_PX, THIN_PX,
};
use super::point::P2;
use super::pose::Pose;
use crate::model::PointMm;

pub fn add(a: P2, b: P2) -> P2 {
    P2::new(a.x_mm + b.x_mm, a.y_mm + b.y_mm)
}

pub fn sub(a: P2, b: P2) -> P2 {
    P2::new(a.x_mm - b.x_mm, a.y_mm - b.y_mm)
}

pub fn scale(a: P2, k: f64) -> P2 {
    P2::new(a.x_mm * k, a.y_mm * k)
}

/// `a` scaled to length 1; straight up when `a` has no length.
pub fn unit(a: P2) -> P2 {
    let len = a.x_mm.hypot(a.y_mm);
    if len > 1e-9 && len.is_finite() {
        scale(a, 1.0 / len)
    } else {
        P2::new(0.0, 1.0)
    }
}

/// `u` turned a quarter clockwise (up becomes right).
pub fn right_of(u: P2) -> P2 {
    P2::new(u.y_mm, -u.x_mm)
}

/// `a + u * along + right_of(u) * across`.
pub fn offset(a: P2, u: P2, along: f64, across: f64) -> P2 {
    add(add(a, scale(u, along)), scale(right_of(u), across))
}

/// A projection of the body's 3-D millimetres onto a view's plane.
pub type Project = fn(PointMm) -> P2;

/// Back view: x to the subject's right (the viewer's right), y up.
pub fn back(p: PointMm) -> P2 {
    P2::new(p.x, p.y)
}

/// Side view from the subject's right: forward (z) to the viewer's right, y up.
pub fn side(p: PointMm) -> P2 {
    P2::new(p.z, p.y)
}

/// Top view from above, as the clinician behind sees it: x to the right, forward (z) up.
pub fn top(p: PointMm) -> P2 {
    P2::new(p.x, p.z)
}

/// Half the width of vertebra `i` (0 = C1) across the view, in millimetres.
fn vertebra_half_width_mm(i: usize, frontal: bool) -> f64 {
    let (cervical, thoracic_top, thoracic_bottom, lumbar) = if frontal {
        (13.0, 15.0, 20.0, 24.0)
    } else {
        (9.0, 11.0, 14.0, 17.0)
    };
    match i {
        0..=6 => cervical,
        7..=18 => thoracic_top + (thoracic_bottom - thoracic_top) * (i - 7) as f64 / 11.0,
        _ => lumbar,
    }
}

/// The spine as one block per vertebra (C1..L5), each coloured by the compression of the joint
/// below it relative to neutral standing, and outlined 1 px,
/// over a thin line through their centres from the head to the sacrum.
pub fn spine(list: &mut DisplayList, pose: &Pose, project: Project, frontal: bool) {
    let lm = &pose.landmarks;
    let v = &lm.vertebrae;
    list.push(Cmd::Begin);
    list.push(Cmd::MoveTo(project(lm.head_centre)));
    for p in v.iter() {
        list.push(Cmd::LineTo(project(*p)));
    }
    list.push(Cmd::LineTo(project(lm.sacrum)));
    list.push(Cmd::Stroke {
        colour: Colour::Muted,
        width_px: THIN_PX,
        dash: Dash::Solid,
    });
    for i in 0..v.len() {
        let above = if i == 0 {
            project(lm.head_centre)
        } else {
            project(v[i - 1])
        };
        let below = if i + 1 == v.len() {
            project(lm.sacrum)
        } else {
            project(v[i + 1])
        };
        let c = project(v[i]);
        let u = unit(sub(above, below));
        let gap = (above.x_mm - below.x_mm).hypot(above.y_mm - below.y_mm) / 2.0;
        let half_h = (gap * 0.36).clamp(3.0, 16.0);
        let half_w = vertebra_half_width_mm(i, frontal);
        list.push(Cmd::Block {
            centre: c,
            up: u,
            half_w_mm: half_w,
            half_h_mm: half_h,
            fill: Colour::for_load(pose.joints[i + 1].compression_ratio),
            outline: Colour::Ink,
        });
    }
}

/// A long bone as a thick light stroke with an outline, through the given points.
pub fn bone(list: &mut DisplayList, points: &[P2], width_px: f64) {
    let Some((first, rest)) = points.split_first() else {
        return;
    };
    list.push(Cmd::Begin);
    list.push(Cmd::MoveTo(*first));
    for p in rest {
        list.push(Cmd::LineTo(*p));
    }
    bone_strokes(list, width_px);
}

/// The same path twice: a wide outline, then the bone over it, so a bone `width_px` wide shows
/// a thin outline on either side.
pub fn bone_strokes(list: &mut DisplayList, width_px: f64) {
    for (colour, width) in [
        (Colour::Muted, width_px + 2.0 * THIN_PX),
        (Colour::Bone, width_px),
    ] {
        list.push(Cmd::Stroke {
            colour,
            width_px: width,
            dash: Dash::Solid,
        });
    }
}

/// What a level guide is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pair {
    Eyes,
    Shoulders,
    IliacCrests,
}

impl Pair {
    fn name(self) -> &'static str {
        match self {
            Pair::Eyes => "Eyes",
            Pair::Shoulders => "Shoulders",
            Pair::IliacCrests => "Iliac crests",
        }
    }
}

/// Below this height difference a pair of landmarks is called level, in millimetres.
pub const LEVEL_MM: f64 = 0.5;

/// The widest one-line value of a level guide, "L 88 mm higher, 11.2°", in characters: where
/// the label column is narrower, the tilt goes on a line of its own.
pub const LEVEL_VALUE_CHARS: usize = 21;

/// A level guide across a left/right pair: a dashed horizontal through the left point, the
/// actual line through both, and a label at `label_x_mm` with the height difference in mm
/// (right minus left, as the model reports it) and the tilt in degrees, on two lines when
/// `wrap` (for a narrow label column).
#[allow(clippy::too_many_arguments)]
pub fn level_guide(
    list: &mut DisplayList,
    what: Pair,
    left: P2,
    right: P2,
    diff_mm: f64,
    tilt_deg: f64,
    label_x_mm: f64,
    label_y_mm: f64,
    px_per_mm: f64,
    wrap: bool,
) {
    let ext_mm = 14.0 / px_per_mm.max(1e-6);
    let u = unit(sub(right, left));
    let u = if u.x_mm < 0.0 { scale(u, -1.0) } else { u };
    let y = (left.y_mm + right.y_mm) / 2.0;
    list.line(
        P2::new(left.x_mm - ext_mm, y),
        P2::new(label_x_mm - 6.0 / px_per_mm.max(1e-6), y),
        Colour::Muted,
        HAIRLINE_PX,
        Dash::Long,
    );
    list.line(
        sub(left, scale(u, ext_mm)),
        add(right, scale(u, ext_mm)),
        Colour::Guide,
        REGULAR_PX,
        Dash::Solid,
    );
    let at = P2::new(label_x_mm, label_y_mm);
    caption(list, at, what.name());
    let w = value_line(list, at, 1);
    if diff_mm.abs() < LEVEL_MM || !diff_mm.is_finite() {
        w.str("level");
    } else {
        // Whole millimetres: a tenth would claim more than the model knows.
        let w = w
            .str(if diff_mm > 0.0 { "R " } else { "L " })
            .abs(diff_mm, 0)
            .str(" mm higher");
        if wrap {
            drop(w);
            value_line(list, at, 2)
                .str("tilt ")
                .abs(tilt_deg, 1)
                .str("°");
        } else {
            w.str(", ").abs(tilt_deg, 1).str("°");
        }
    }
}

/// A posture drawn as a dotted outline: spine, skull, shoulder and pelvis lines, legs. The neutral
/// stance faintly (behind the body); with `other`, another posture to compare with (the same
/// inputs under another strategy, drawn over the body), in the brand colour and a little heavier.
pub fn ghost(
    list: &mut DisplayList,
    neutral: &Pose,
    project: Project,
    skull_centre: P2,
    skull_r_mm: f64,
    other: bool,
) {
    let lm = &neutral.landmarks;
    let style = Cmd::Stroke {
        colour: if other { Colour::Brand } else { Colour::Ghost },
        width_px: if other { REGULAR_PX } else { THIN_PX },
        dash: Dash::Dotted,
    };
    list.push(Cmd::Begin);
    list.push(Cmd::MoveTo(project(lm.head_centre)));
    for p in lm.vertebrae.iter() {
        list.push(Cmd::LineTo(project(*p)));
    }
    list.push(Cmd::LineTo(project(lm.sacrum)));
    list.push(Cmd::MoveTo(project(lm.acromion_left)));
    list.push(Cmd::LineTo(project(lm.vertebrae[7])));
    list.push(Cmd::LineTo(project(lm.acromion_right)));
    list.push(Cmd::MoveTo(project(lm.iliac_crest_left)));
    list.push(Cmd::LineTo(project(lm.iliac_crest_right)));
    for (hip, knee, ankle) in [
        (lm.hip_left, lm.knee_left, lm.ankle_left),
        (lm.hip_right, lm.knee_right, lm.ankle_right),
    ] {
        list.push(Cmd::MoveTo(project(hip)));
        list.push(Cmd::LineTo(project(knee)));
        list.push(Cmd::LineTo(project(ankle)));
    }
    let c = skull_centre;
    list.push(Cmd::MoveTo(P2::new(c.x_mm + skull_r_mm, c.y_mm)));
    list.push(Cmd::Arc {
        centre: c,
        radius_mm: skull_r_mm,
        start_rad: 0.0,
        end_rad: std::f64::consts::TAU,
    });
    list.push(style);
}

/// Distance between two points of a view.
pub fn dist(a: P2, b: P2) -> f64 {
    (a.x_mm - b.x_mm).hypot(a.y_mm - b.y_mm)
}

/// The skull's half-height in a view: from its centre to its top, kept within reason.
pub fn skull_ry_mm(pose: &Pose, project: Project) -> f64 {
    dist(
        project(pose.landmarks.head_top),
        project(pose.landmarks.head_centre),
    )
    .clamp(80.0, 140.0)
}

/// The skull's rotation in a view (radians, counter-clockwise), from its centre-to-top axis.
pub fn skull_rotation_rad(pose: &Pose, project: Project) -> f64 {
    let up = unit(sub(
        project(pose.landmarks.head_top),
        project(pose.landmarks.head_centre),
    ));
    -up.x_mm.atan2(up.y_mm)
}

/// Label heights, top to bottom, moved down where needed so that each is at least `gap_mm` below
/// the one before it.
pub fn stack_labels<const N: usize>(mut ys_mm: [f64; N], gap_mm: f64) -> [f64; N] {
    for i in 1..N {
        if ys_mm[i] > ys_mm[i - 1] - gap_mm {
            ys_mm[i] = ys_mm[i - 1] - gap_mm;
        }
    }
    ys_mm
}

/// A label's name in the label font, on its first line; its value goes below (see
/// [`value_line`]). The label's anchor is half a line below the name's baseline.
pub fn caption(list: &mut DisplayList, at: P2, name: &str) {
    list.text(at, Font::Label, Align::Left, Colour::Ink)
        .nudge(0.0, -LINE_PX / 2.0)
        .str(name);
}

/// The `n`th line (1 the first) under a label's name, to write its value on.
pub fn value_line(list: &mut DisplayList, at: P2, n: u8) -> super::list::TextWriter<'_> {
    list.text(at, Font::Small, Align::Left, Colour::Ink)
        .nudge(0.0, LINE_PX * (f64::from(n) - 0.5))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn right_of_up_is_right() {
        assert_eq!(right_of(P2::new(0.0, 1.0)), P2::new(1.0, 0.0));
        assert_eq!(unit(P2::new(0.0, 0.0)), P2::new(0.0, 1.0));
        let o = offset(P2::new(1.0, 1.0), P2::new(0.0, 1.0), 2.0, 3.0);
        assert_eq!(o, P2::new(4.0, 3.0));
    }

    #[test]
    fn stacked_labels_keep_their_distance() {
        assert_eq!(stack_labels([100.0, 95.0, 20.0], 10.0), [100.0, 90.0, 20.0]);
        assert_eq!(stack_labels([100.0, 99.0, 85.0], 10.0), [100.0, 90.0, 80.0]);
    }

    #[test]
    fn level_guide_says_which_side_is_higher() {
        let mut list = DisplayList::new();
        let (l, r) = (P2::new(-200.0, 1400.0), P2::new(200.0, 1409.0));
        level_guide(
            &mut list,
            Pair::Shoulders,
            l,
            r,
            9.04,
            1.29,
            300.0,
            1404.5,
            0.3,
            false,
        );
        let texts: Vec<&str> = list.texts().map(|(_, s)| s).collect();
        assert_eq!(texts, ["Shoulders", "R 9 mm higher, 1.3°"]);
        list.clear();
        level_guide(
            &mut list,
            Pair::Shoulders,
            l,
            r,
            9.04,
            1.29,
            300.0,
            1404.5,
            0.3,
            true,
        );
        let texts: Vec<&str> = list.texts().map(|(_, s)| s).collect();
        assert_eq!(texts, ["Shoulders", "R 9 mm higher", "tilt 1.3°"]);
        list.clear();
        level_guide(
            &mut list,
            Pair::Eyes,
            l,
            l,
            0.2,
            0.0,
            300.0,
            1400.0,
            0.3,
            false,
        );
        let texts: Vec<&str> = list.texts().map(|(_, s)| s).collect();
        assert_eq!(texts, ["Eyes", "level"]);
    }
}
