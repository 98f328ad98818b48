//! The body's silhouette, shared by the back and side views: chains of curves through tables of
//! points (see `shape.rs`), drawn as one soft shape behind the skeleton.
//!
//! Every piece of a silhouette is one closed subpath of a single path that winds clockwise on
//! the screen, so that the pieces fill as their union (non-zero rule). [`end`] strokes the path
//! wide and then fills it: the fill covers the inner half of every stroke, so only the union's
//! outer outline shows, not the seams where a limb meets the trunk.

use super::list::{Cmd, Colour, Dash, DisplayList, BOLD_PX};
use super::point::P2;

/// Ends a silhouette (one path for all its pieces, begun with a [`Cmd::Begin`]): its outline,
/// then the skin over the outline's inner half.
pub fn end(list: &mut DisplayList) {
    list.push(Cmd::Stroke {
        colour: Colour::SkinLine,
        width_px: BOLD_PX,
        dash: Dash::Solid,
    });
    list.push(Cmd::Fill(Colour::Skin));
}

/// A chain of quadratic curves `[p0, c1, p1, c2, p2, …]`: a move to `p0` when `start`, else a
/// line to it, then a curve through each control to the next point (a line to a last point
/// left over); walked backwards when `reverse`, so that a chain written top to bottom can close
/// a clockwise outline going up.
pub fn chain(list: &mut DisplayList, pts: &[P2], start: bool, reverse: bool) {
    let n = pts.len();
    let mut ctrl = P2::default();
    for i in 0..n {
        let p = pts[if reverse { n - 1 - i } else { i }];
        list.push(match i {
            0 if start => Cmd::MoveTo(p),
            0 => Cmd::LineTo(p),
            _ if i % 2 == 1 && i + 1 < n => {
                ctrl = p;
                continue;
            }
            _ if i % 2 == 1 => Cmd::LineTo(p),
            _ => Cmd::QuadTo { ctrl, to: p },
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Twice the signed area of the polygon through a path's points (positive: anticlockwise
    /// with y up).
    fn winding(list: &DisplayList) -> f64 {
        let pts: Vec<P2> = list
            .cmds()
            .iter()
            .filter_map(|c| match *c {
                Cmd::MoveTo(p) | Cmd::LineTo(p) => Some(p),
                Cmd::QuadTo { to, .. } => Some(to),
                _ => None,
            })
            .collect();
        (0..pts.len())
            .map(|i| {
                let (a, b) = (pts[i], pts[(i + 1) % pts.len()]);
                a.x_mm * b.y_mm - b.x_mm * a.y_mm
            })
            .sum()
    }

    #[test]
    fn a_chain_walked_backwards_winds_the_other_way() {
        let square = [
            (0.0, 10.0),
            (5.0, 10.0),
            (10.0, 10.0),
            (10.0, 5.0),
            (10.0, 0.0),
        ]
        .map(|(x, y)| P2::new(x, y));
        let mut list = DisplayList::new();
        chain(&mut list, &square, true, false);
        assert!(winding(&list) < 0.0, "clockwise");
        list.clear();
        chain(&mut list, &square, true, true);
        assert!(winding(&list) > 0.0, "anticlockwise");
        assert!(matches!(list.cmds()[0], Cmd::MoveTo(p) if p == P2::new(10.0, 0.0)));
    }
}
