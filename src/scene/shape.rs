//! The body's shapes as tables, and the one small interpreter that draws them: the bones,
//! knobs and plates of the skeleton and the pieces of the silhouette, each point a place in one
//! of a view's frames (see `frame.rs`), so that they follow the posture.
//!
//! A table is a run of points, three bytes each, in which an end mark after a shape's points
//! says how to paint them (see [`SKIN`], [`bone`], [`KNOB`], [`PLATE_RIB`], [`PLATE_INK`],
//! [`CREASE`]); an [`oval`] mark before it makes the one point before it an ellipse's centre.
//! Tables are data, not code, which keeps the page's wasm small.

use super::body::bone_strokes;
use super::frame::{Anchors, Pt, Side};
use super::list::{Cmd, Colour, Dash, DisplayList, THIN_PX};
use super::point::P2;
use super::skin;

/// Marks are the points whose anchor is at least this.
const MARK: u8 = 200;
const OVAL: u8 = MARK;
const SKIN_MARK: u8 = MARK + 1;
const BONE_MARK: u8 = MARK + 2;
const PLATE_MARK: u8 = MARK + 3;
const CREASE_MARK: u8 = MARK + 4;

/// The points before it are a closed piece of the silhouette a caller has begun with
/// [`skin::begin`].
pub const SKIN: Pt = Pt(SKIN_MARK, 0, 0);
/// The points before it are a crease drawn on the skin.
pub const CREASE: Pt = Pt(CREASE_MARK, 0, 0);
/// The points before it are a long bone `mm` thick.
pub const fn bone(mm: i8) -> Pt {
    Pt(BONE_MARK, mm, 0)
}
/// The points before it are closed, filled with bone and outlined: a bone's end or a small bone
/// (muted, as the long bones are), a flat bone (rib, as the ribs), the pelvis and skull (ink).
pub const KNOB: Pt = Pt(PLATE_MARK, 0, 0);
pub const PLATE_RIB: Pt = Pt(PLATE_MARK, 1, 0);
pub const PLATE_INK: Pt = Pt(PLATE_MARK, 2, 0);
const PLATE_OUTLINES: [Colour; 3] = [Colour::Muted, Colour::Rib, Colour::Ink];
/// The one point before it is the centre of an ellipse with these half-axes, in mm along its
/// frame.
pub const fn oval(rx: i8, ry: i8) -> Pt {
    Pt(OVAL, rx, ry)
}

/// An arm's bones from its three joints (shoulder, elbow, wrist), for either view: the humerus and
/// the forearm as 20 mm bones, then the humerus's head at the shoulder as an oval of `head_mm`.
pub const fn arm_bones(joints: [Pt; 3], head_mm: (i8, i8)) -> [Pt; 8] {
    [
        joints[0],
        joints[1],
        joints[1],
        joints[2],
        bone(20),
        joints[0],
        oval(head_mm.0, head_mm.1),
        KNOB,
    ]
}

/// Most points a shape has.
const MAX_POINTS: usize = 32;

/// The left side, then the right, mirrored across the body (the back view).
pub const BOTH: &[Side] = &[Side::LEFT, Side::RIGHT];
pub const RIGHT: &[Side] = &[Side::RIGHT];

/// Draws the shapes of `table` on each of `sides` of the body, at `px_per_mm` for the bones'
/// widths.
pub fn draw(
    list: &mut DisplayList,
    anchors: &Anchors,
    table: &[Pt],
    sides: &[Side],
    px_per_mm: f64,
) {
    for &side in sides {
        draw_side(list, anchors, table, side, px_per_mm);
    }
}

fn draw_side(list: &mut DisplayList, anchors: &Anchors, table: &[Pt], side: Side, px_per_mm: f64) {
    let mut pts = [P2::default(); MAX_POINTS];
    let k = anchors.k();
    let (mut n, mut last, mut ellipse) = (0, Pt(0, 0, 0), None);
    for &p in table {
        let Pt(mark, a, b) = p;
        if mark < MARK {
            if n < MAX_POINTS {
                pts[n] = anchors.at(p, side);
                n += 1;
            }
            last = p;
            continue;
        }
        if mark == OVAL {
            ellipse = Some((a, b));
            continue;
        }
        let skin = mark == SKIN_MARK;
        if !skin {
            list.push(Cmd::Begin);
        }
        if let (Some((rx, ry)), Some(&centre)) = (ellipse.take(), pts[..n].last()) {
            let rotation_rad = anchors.frame(last.0, side).rotation_rad();
            let (rx_mm, ry_mm) = (f64::from(rx) * k, f64::from(ry) * k);
            // A piece of the silhouette starts at its centre, not at the piece before: the line
            // to its edge lies inside the silhouette, which the skin covers.
            if skin {
                list.push(Cmd::MoveTo(centre));
            }
            list.push(Cmd::Ellipse {
                centre,
                rx_mm,
                ry_mm,
                rotation_rad,
            });
        } else {
            // A mirrored outline is walked backwards, so that it winds clockwise too.
            skin::chain(list, &pts[..n], true, skin && side.mirror < 0.0);
            if skin || mark == PLATE_MARK {
                list.push(Cmd::Close);
            }
        }
        n = 0;
        match mark {
            BONE_MARK => bone_strokes(list, (f64::from(a) * k * px_per_mm).max(THIN_PX)),
            PLATE_MARK => list.extend(&[
                Cmd::Fill(Colour::Bone),
                Cmd::Stroke {
                    colour: PLATE_OUTLINES[(a as usize).min(2)],
                    width_px: THIN_PX,
                    dash: Dash::Solid,
                },
            ]),
            CREASE_MARK => list.push(Cmd::Stroke {
                colour: Colour::SkinLine,
                width_px: THIN_PX,
                dash: Dash::Solid,
            }),
            _ => {}
        }
    }
}
