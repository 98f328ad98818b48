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
use layout::{Layout, ROW_PX};
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
        ..
    } = input;
    let layout = Layout::new(neutral, shown, width_px, height_px);
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
    turn_marker(
        list,
        &layout,
        &pelvis,
        figure::arm(&shoulders, -1.0),
        -1.0,
        pelvis_deg,
        Dash::Long,
    );
    figure::feet(list, lm);
    figure::trunk(list, &shoulders);
    if let Some(step) = options.highlight {
        figure::wash(list, lm, step, &shoulders, &pelvis);
    }
    figure::pelvis(list, lm, &pelvis);
    figure::shoulders(list, lm);
    turn_marker(
        list,
        &layout,
        &shoulders,
        figure::arm(&shoulders, 1.0),
        1.0,
        shoulders_deg,
        Dash::Solid,
    );
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

/// How far a pair (the pelvis's crests, the shoulders) is turned, at the figure's left (`sign`
/// -1) or right (1): the pair's line carried out past the arm at that side, a dashed "square"
/// reference through the pair's middle, an arc between them, and the angle's number beside the
/// arm, on the other side of the reference from the line.
fn turn_marker(
    list: &mut DisplayList,
    layout: &Layout,
    pair: &Pair,
    arm: P2,
    sign: f64,
    deg: f64,
    dash: Dash,
) {
    let (mid, y, px) = (pair.mid, pair.mid.y_mm, layout.px(1.0));
    let outer = sign * layout.outer_mm;
    list.line(
        P2::new(sign * (layout.edge_mm - 6.0 * px), y),
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
        radius_mm: (sign * (layout.edge_mm + 8.0 * px) - mid.x_mm).abs(),
        start_rad: base + turn.min(0.0),
        end_rad: base + turn.max(0.0),
    });
    figure::paint(list, None, Some((Colour::Guide, 1.5, Dash::Solid)));
    // Above the reference and the arm when the line leaves downward, else below both ("–°"
    // when there is no number): its box clears them by 2 px.
    let r = figure::ARM_R_MM;
    let z = if sign * pair.u.y_mm < 0.0 {
        (arm.y_mm + r).max(y) + 5.0 * px
    } else {
        (arm.y_mm - r).min(y) - 12.0 * px
    };
    let align = if sign < 0.0 {
        Align::Left
    } else {
        Align::Right
    };
    list.text(
        P2::new(outer + sign * 8.0 * px, z),
        Font::Small,
        align,
        Colour::Ink,
    )
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

/// The turns in words, one row each: the shoulders, the pelvis, the head; then which lines are
/// the pelvis's.
fn read_outs(list: &mut DisplayList, layout: &Layout, [shoulders, pelvis, head]: [f64; 3]) {
    let (at, step) = (layout.rows_at, layout.px(ROW_PX));
    let row_at = |k: f64| P2::new(at.x_mm, at.y_mm - k * step);
    row(list, at, "Shoulders ", "square, not turned", shoulders);
    row(list, row_at(1.0), "Pelvis ", "square, not turned", pelvis);
    row(list, row_at(2.0), "Head ", "faces straight ahead", head);
    word(
        list,
        row_at(3.0),
        Font::Small,
        Align::Left,
        Colour::Muted,
        "Dashed: the pelvis, under the trunk",
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
    use super::super::list::BoxPx;
    use super::super::options::SceneOptions;
    use super::super::palette::DEFAULT_BRAND_CSS;
    use super::super::pose::Pose;
    use super::*;
    use crate::model::{solve, Scenario};

    fn pose(scenario: Scenario) -> Pose {
        Pose::of(&solve(&scenario))
    }

    fn tilt(deg: f64) -> Scenario {
        Scenario {
            head_tilt_deg: deg,
            ..Scenario::default()
        }
    }

    fn drawn(p: &Pose, options: &SceneOptions, width_px: f64, height_px: f64) -> DisplayList {
        let neutral = pose(Scenario::default());
        let mut list = DisplayList::new();
        build(
            &mut list,
            ViewInput {
                shown: p,
                truth: p,
                neutral: &neutral,
                ghost: None,
                options,
                width_px,
                height_px,
            },
        );
        list
    }

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

    /// Beyond tests/native/layout.rs: the phone's top canvas as the page draws it today (280 px
    /// high), narrow and wide extremes, the postures at the ends of the inputs' ranges and every
    /// explain-mode wash.
    #[test]
    fn labels_stay_clear_at_every_size_posture_and_highlight() {
        let sizes = [
            (270.0, 280.0),
            (340.0, 280.0),
            (270.0, 430.0),
            (700.0, 320.0),
            (380.0, 496.0),
            (380.0, 640.0),
            (1100.0, 320.0),
            (270.0, 600.0),
        ];
        let postures = [
            tilt(5.0),
            tilt(15.0),
            Scenario {
                head_tilt_deg: 20.0,
                forward_head_deg: 60.0,
                anatomic_leg_length_diff_mm: 30.0,
                ..Scenario::default()
            },
            Scenario {
                head_tilt_deg: -20.0,
                anatomic_leg_length_diff_mm: -30.0,
                compensation: 0.0,
                ..Scenario::default()
            },
        ];
        let mut problems = Vec::new();
        for scenario in postures {
            let p = pose(scenario);
            for highlight in [None, Some(0), Some(1), Some(2), Some(3), Some(4)] {
                let options = SceneOptions {
                    highlight,
                    ..SceneOptions::default()
                };
                for (w, h) in sizes {
                    let list = drawn(&p, &options, w, h);
                    let labels: Vec<(BoxPx, &str)> = list.text_boxes_px().collect();
                    let figure = list.figure_boxes_px();
                    for (i, (a, text)) in labels.iter().enumerate() {
                        let at = format!("{w}x{h}, tilt {}°", scenario.head_tilt_deg);
                        if !a.inside(w, h) {
                            problems.push(format!("{at}: {text:?} leaves the canvas"));
                        }
                        if let Some((_, other)) =
                            labels[i + 1..].iter().find(|(b, _)| a.overlaps(b))
                        {
                            problems.push(format!("{at}: {text:?} overlaps {other:?}"));
                        }
                        if figure.iter().any(|f| a.overlaps(f)) {
                            problems.push(format!("{at}: {text:?} covers the figure"));
                        }
                    }
                }
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn each_angle_drawn_is_the_one_written() {
        let p = pose(tilt(15.0));
        let list = drawn(&p, &SceneOptions::default(), 380.0, 496.0);
        let texts: Vec<&str> = list.texts().map(|(_, s)| s).collect();
        let shoulders = turn_deg(p.landmarks.acromion_left, p.landmarks.acromion_right);
        for (name, deg) in [
            ("Shoulders", shoulders),
            ("Pelvis", p.measures.pelvic_rotation_deg),
        ] {
            let mut number = String::new();
            crate::numfmt::push_fixed(&mut number, deg.abs(), 1);
            assert!(deg.abs() >= 0.05, "{name} turn {deg}° is a turn");
            assert!(texts.contains(&format!("{number}°").as_str()), "{texts:?}");
            let words = format!("{name} turned {number}° to the right");
            assert!(texts.contains(&words.as_str()), "{words:?} in {texts:?}");
        }
    }

    #[test]
    fn the_subjects_left_is_drawn_on_the_left_and_the_front_at_the_top() {
        let p = pose(tilt(15.0));
        let list = drawn(&p, &SceneOptions::default(), 340.0, 430.0);
        let at = |name: &str| {
            let (cmd, _) = list.texts().find(|(_, s)| *s == name).unwrap();
            let Cmd::Text { at, .. } = *cmd else {
                unreachable!()
            };
            list.transform.to_px(at)
        };
        assert!(at("L").0 < at("R").0);
        let lm = &p.landmarks;
        let px = |q: PointMm| list.transform.to_px(P2::new(q.x, q.z));
        assert!(px(lm.acromion_left).0 < px(lm.acromion_right).0);
        assert!(px(lm.toe_left).1 < px(lm.heel_left).1, "toes up the screen");
        assert!(at("front ↑").1 < px(lm.toe_left).1);
    }

    /// WCAG 2 contrast of two `#rrggbb` colours.
    fn contrast(a: &str, b: &str) -> f64 {
        let luminance = |hex: &str| {
            let c = |i: usize| {
                let v = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
                if v <= 0.04045 {
                    v / 12.92
                } else {
                    ((v + 0.055) / 1.055).powf(2.4)
                }
            };
            0.2126 * c(1) + 0.7152 * c(3) + 0.0722 * c(5)
        };
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    /// Every stroke reaches 3:1 (WCAG AA for graphics) on the canvas's paper (`--paper` in
    /// www/template.js) and on the figure's fill; every label 4.5:1 on the paper it stands on.
    #[test]
    fn every_stroke_and_label_reaches_wcag_aa() {
        const PAPER: &str = "#fcfcfa";
        let bone = Colour::Bone.css(DEFAULT_BRAND_CSS);
        let options = SceneOptions {
            highlight: Some(1),
            ..SceneOptions::default()
        };
        let list = drawn(&pose(tilt(15.0)), &options, 380.0, 496.0);
        for cmd in list.cmds() {
            let (colour, needed, on) = match *cmd {
                Cmd::Stroke { colour, .. } => (colour, 3.0, &[PAPER, bone][..]),
                Cmd::Text { colour, .. } => (colour, 4.5, &[PAPER][..]),
                _ => continue,
            };
            let css = colour.css(DEFAULT_BRAND_CSS);
            for background in on {
                let ratio = contrast(css, background);
                assert!(
                    ratio >= needed,
                    "{colour:?} {css} on {background}: {ratio:.2}"
                );
            }
        }
    }
}
