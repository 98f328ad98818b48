//! The body's shapes as tables, and the one small interpreter that draws them: the bones,
//! knobs and plates of the skeleton and the pieces of the silhouette, each point a place in one
//! of a view's frames (see `frame.rs`), so that they follow the posture. The tables are data,
//! three bytes a point, which keeps the page's wasm small.

use super::body::bone_strokes;
use super::frame::{Anchors, Pt, Side};
use super::list::{Cmd, Colour, Dash, DisplayList, THIN_PX};
use super::point::P2;
use super::skin;

/// The outline of a shape, in millimetres of the reference adult (scaled with the body).
#[derive(Clone, Copy, Debug)]
pub enum Shape {
    /// An ellipse at a point with these half-axes, along its frame.
    Ellipse(Pt, u8, u8),
    /// A chain of curves `[p0, c1, p1, …]` (see [`skin::chain`]); a control on the point after
    /// it makes a straight segment.
    Chain(&'static [Pt]),
}

/// How a shape is painted.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Paint {
    /// As a closed piece of the silhouette a caller has begun with [`skin::begin`].
    Skin,
    /// As a long bone this many millimetres thick.
    Bone(u8),
    /// Closed, filled with bone and outlined in this colour: a flat bone, a bone's end.
    Plate(Colour),
    /// As a crease on the skin.
    Crease,
}

/// One shape of the body and its paint.
pub type Part = (Shape, Paint);

/// Most points a chain has.
const MAX_POINTS: usize = 32;

/// Draws `parts` on `side` of the body, at `px_per_mm` for the bones' widths.
pub fn draw(list: &mut DisplayList, anchors: &Anchors, parts: &[Part], side: Side, px_per_mm: f64) {
    let mut pts = [P2::default(); MAX_POINTS];
    let k = anchors.k();
    for &(shape, paint) in parts {
        let skin = paint == Paint::Skin;
        if !skin {
            list.push(Cmd::Begin);
        }
        match shape {
            Shape::Ellipse(at, rx, ry) => {
                let centre = anchors.at(at, side);
                let rotation_rad = anchors.frame(at.0, side).rotation_rad();
                let (rx_mm, ry_mm) = (f64::from(rx) * k, f64::from(ry) * k);
                // A piece of the silhouette starts at its own first point, so that no line
                // joins it to the piece before.
                if skin {
                    let (sin, cos) = rotation_rad.sin_cos();
                    list.push(Cmd::MoveTo(P2::new(
                        centre.x_mm + rx_mm * cos,
                        centre.y_mm + rx_mm * sin,
                    )));
                }
                list.push(Cmd::Ellipse {
                    centre,
                    rx_mm,
                    ry_mm,
                    rotation_rad,
                });
            }
            Shape::Chain(table) => {
                let n = table.len().min(MAX_POINTS);
                for (p, t) in pts.iter_mut().zip(table) {
                    *p = anchors.at(*t, side);
                }
                // A mirrored outline is walked backwards, so that it winds clockwise too.
                skin::chain(list, &pts[..n], true, skin && side.mirror < 0.0);
                if matches!(paint, Paint::Skin | Paint::Plate(_)) {
                    list.push(Cmd::Close);
                }
            }
        }
        match paint {
            Paint::Skin => {}
            Paint::Bone(mm) => bone_strokes(list, (f64::from(mm) * k * px_per_mm).max(THIN_PX)),
            Paint::Plate(outline) => list.extend(&[
                Cmd::Fill(Colour::Bone),
                Cmd::Stroke {
                    colour: outline,
                    width_px: THIN_PX,
                    dash: Dash::Solid,
                },
            ]),
            Paint::Crease => list.push(Cmd::Stroke {
                colour: Colour::SkinLine,
                width_px: THIN_PX,
                dash: Dash::Solid,
            }),
        }
    }
}

/// Draws `parts` for the left side, then the right, mirrored across the body (the back view).
pub fn draw_both(list: &mut DisplayList, anchors: &Anchors, parts: &[Part], px_per_mm: f64) {
    for side in [Side::LEFT, Side::RIGHT] {
        draw(list, anchors, parts, side, px_per_mm);
    }
}
