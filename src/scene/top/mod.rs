//! The top view (transverse plane), seen from above with the clinician behind: forward is up,
//! the subject's right on the right. A person from above, as large as the canvas allows, and how
//! far the shoulders, the pelvis and the head are turned, drawn and written in words.

mod figure;
mod layout;

use super::body::{add, scale};
use super::list::{Align, Cmd, Colour, Dash, DisplayList, Font};
use super::point::P2;
use super::view::ViewInput;
use crate::model::PointMm;
use figure::Pair;
use layout::{Layout, ROWS, ROW_PX};
use std::f64::consts::PI;

/// Axial rotation of a left/right pair from above, in degrees; positive: turned to the right
/// (the right side moved back).
pub fn turn_deg(left: PointMm, right: PointMm) -> f64 {
    (left.z - right.z).atan2(right.x - left.x).to_degrees()
}

/// Draws the view bottom to top: the reference lines, the feet, the pelvis's turn (which the
/// trunk covers but at the side), the arms and the trunk, the explain-mode wash, the pelvis seen
/// through the trunk, the shoulders and the head; then the turns' angles and the words.
pub fn build(list: &mut DisplayList, input: ViewInput) {
    let ViewInput {
        shown,
        truth,
        neutral,
        options,
        width_px,
        height_px,
    } = input;
    let layout = Layout::new(neutral, width_px, height_px);
    list.transform = layout.t;
    let lm = &shown.landmarks;
    let tl = &truth.landmarks;
    let shoulders_deg = turn_deg(tl.acromion_left, tl.acromion_right);
    let pelvis_deg = truth.measures.pelvic_rotation_deg;
    let shoulders = Pair::of(lm.acromion_left, lm.acromion_right);
    let pelvis = Pair::of(lm.iliac_crest_left, lm.iliac_crest_right);

    // Straight ahead: a thin dashed line along the midline, which the figure mostly covers.
    list.line(
        P2::new(0.0, layout.back_mm),
        P2::new(0.0, layout.front_mm + layout.px(4.0)),
        Colour::Muted,
        1.0,
        Dash::Long,
    );
    turn_marker(list, &layout, &pelvis, -1.0, pelvis_deg, Dash::Long);
    figure::feet(list, lm);
    figure::trunk(list, &shoulders);
    if let Some(step) = options.highlight {
        figure::wash(list, lm, step, &shoulders, &pelvis);
    }
    figure::pelvis(list, lm, &pelvis);
    figure::shoulders(list, lm);
    turn_marker(list, &layout, &shoulders, 1.0, shoulders_deg, Dash::Solid);
    figure::head(list, lm, &Pair::of(lm.eye_left, lm.eye_right));
    markers(list, &layout);
    read_outs(
        list,
        &layout,
        [
            shoulders_deg,
            pelvis_deg,
            turn_deg(tl.eye_left, tl.eye_right),
        ],
    );
}

/// How far a pair (the pelvis's crests, the shoulders) is turned, in the side room to its left
/// (`sign` -1) or right (1): the pair's line carried out past the figure, a dashed "square"
/// reference through the pair's middle, an arc between them and the angle's number.
fn turn_marker(
    list: &mut DisplayList,
    layout: &Layout,
    pair: &Pair,
    sign: f64,
    deg: f64,
    dash: Dash,
) {
    let (mid, y) = (pair.mid, pair.mid.y_mm);
    let outer = sign * layout.outer_mm;
    list.line(
        P2::new(sign * (layout.edge_mm - layout.px(6.0)), y),
        P2::new(outer, y),
        Colour::Muted,
        1.0,
        Dash::Long,
    );
    let out = scale(pair.u, sign);
    list.line(
        add(mid, scale(out, pair.half_mm)),
        add(mid, scale(out, (outer - mid.x_mm).abs())),
        Colour::Guide,
        2.0,
        dash,
    );
    let (base, turn) = (if sign < 0.0 { PI } else { 0.0 }, pair.angle_rad());
    list.push(Cmd::Begin);
    list.push(Cmd::Arc {
        centre: mid,
        radius_mm: (sign * (layout.edge_mm + layout.px(10.0)) - mid.x_mm).abs(),
        start_rad: base + turn.min(0.0),
        end_rad: base + turn.max(0.0),
    });
    figure::paint(list, None, Some((Colour::Guide, 1.5, Dash::Solid)));
    // The number on the other side of the reference from the line, clear of both ("–°" when
    // there is no number).
    let dy = if sign * pair.u.y_mm < 0.0 { -6.0 } else { 15.0 };
    let align = if sign < 0.0 {
        Align::Left
    } else {
        Align::Right
    };
    list.text(
        P2::new(outer + sign * layout.px(8.0), y),
        Font::Small,
        align,
        Colour::Ink,
    )
    .nudge(0.0, dy)
    .abs(deg, 1)
    .str("°");
}

/// Which way is which: "L" and "R" above the side rooms, "front ↑" above the midline.
fn markers(list: &mut DisplayList, layout: &Layout) {
    let (x, y) = (layout.outer_mm, layout.markers_y_mm);
    word(
        list,
        P2::new(-x, y),
        Font::Marker,
        Align::Left,
        Colour::Ink,
        "L",
    );
    word(
        list,
        P2::new(x, y),
        Font::Marker,
        Align::Right,
        Colour::Ink,
        "R",
    );
    word(
        list,
        P2::new(0.0, y),
        Font::Small,
        Align::Centre,
        Colour::Muted,
        "front ↑",
    );
}

/// A label of fixed words (one copy of the code that writes them).
#[inline(never)]
fn word(list: &mut DisplayList, at: P2, font: Font, align: Align, colour: Colour, s: &str) {
    list.text(at, font, align, colour).str(s);
}

/// The turns in words, one row each: the shoulders, the pelvis, the head.
fn read_outs(list: &mut DisplayList, layout: &Layout, [shoulders, pelvis, head]: [f64; ROWS]) {
    let (at, step) = (layout.rows_at, layout.px(ROW_PX));
    row(list, at, "Shoulders ", "square, not turned", shoulders);
    row(
        list,
        P2::new(at.x_mm, at.y_mm - step),
        "Pelvis ",
        "square, not turned",
        pelvis,
    );
    row(
        list,
        P2::new(at.x_mm, at.y_mm - 2.0 * step),
        "Head ",
        "faces straight ahead",
        head,
    );
}

/// One read-out: "`name`turned 3.1° to the right", or `name` and `square` under a twentieth of a
/// degree (or when there is no number).
#[inline(never)]
fn row(list: &mut DisplayList, at: P2, name: &str, square: &str, deg: f64) {
    let w = list
        .text(at, Font::Small, Align::Left, Colour::Ink)
        .str(name);
    if deg.abs() < 0.05 || !deg.is_finite() {
        w.str(square);
    } else {
        w.str("turned ").abs(deg, 1).str(if deg > 0.0 {
            "° to the right"
        } else {
            "° to the left"
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn turning_right_moves_the_right_shoulder_back() {
        let l = PointMm::new(-200.0, 1400.0, 10.0);
        let r = PointMm::new(200.0, 1400.0, -10.0);
        assert!(turn_deg(l, r) > 0.0);
        assert!((turn_deg(l, r) - (20.0_f64).atan2(400.0).to_degrees()).abs() < 1e-9);
        assert_eq!(
            turn_deg(PointMm::new(-1.0, 0.0, 0.0), PointMm::new(1.0, 0.0, 0.0)),
            0.0
        );
    }
}
