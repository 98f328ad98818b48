//! Where the top view's parts go on its canvas: the figure as large as the canvas allows, a
//! narrow room at each side for the turns' angles, the read-outs below it, all centred.

use super::super::point::P2;
use super::super::pose::Pose;
use super::super::transform::ViewTransform;
use super::figure;
use crate::model::Landmarks;

const MARGIN_PX: f64 = 12.0;
/// Room at each side of the figure for a turn's arc; its number stands above or below the arm
/// and reaches into the margin but for its last 4 px ("15.2°" is 35 px at 12 px).
const SIDE_PX: f64 = 14.0;
/// From the markers' baseline ("L", "front ↑", "R") down to the figure's front, and the room
/// they take above their baseline.
const MARKERS_PX: f64 = 12.0;
const MARKERS_ASCENT_PX: f64 = 14.0;
/// Between the figure and its read-outs.
const GAP_PX: f64 = 16.0;
/// One read-out row, baseline to baseline.
pub const ROW_PX: f64 = 18.0;
/// How many rows there are under the figure: three read-outs and a key to the dashed pelvis.
const ROWS: usize = 4;
/// The read-outs' block: its height (the last row's ascent and descent) and its widest row
/// ("Shoulders turned 15.2° to the right" at the type scale's estimate), which it is centred on.
const ROWS_H_PX: f64 = (ROWS - 1) as f64 * ROW_PX + 13.0;
const ROWS_W_PX: f64 = 246.0;
/// Beyond this the figure grows no larger: the labels keep their size and would shrink beside it.
const MAX_PX_PER_MM: f64 = 1.1;

/// The view's layout; positions in the view's millimetres (x to the right, y forward).
pub struct Layout {
    pub t: ViewTransform,
    /// The figure's front (its toes) and back.
    pub front_mm: f64,
    pub back_mm: f64,
    /// Half the figure's width (the arms', where the side rooms begin), and the rooms' outer
    /// ends, both from the body's midline.
    pub edge_mm: f64,
    pub outer_mm: f64,
    /// The markers' baseline.
    pub markers_y_mm: f64,
    /// The first read-out row's left end on its baseline.
    pub rows_at: P2,
}

impl Layout {
    /// The layout for a canvas, framed on the neutral stance so it holds still while the body
    /// moves, and widened only when the body (`shown`) reaches further to a side or back.
    pub fn new(neutral: &Pose, shown: &Pose, width_px: f64, height_px: f64) -> Layout {
        let lm = &neutral.landmarks;
        let reach = |lm: &Landmarks| lm.acromion_left.x.abs().max(lm.acromion_right.x.abs());
        // 8 mm of air between the arm and its side room; 20 mm behind the back, whose outline
        // reaches further back as the trunk turns.
        let edge_mm = reach(lm).max(reach(&shown.landmarks)) + figure::ARM_REACH_MM + 8.0;
        let front_mm = lm.toe_left.z.max(lm.toe_right.z) + figure::FOOT_AHEAD_MM;
        // The back reaches further back when the trunk leans back (a forward head righted).
        let back = |lm: &Landmarks| (lm.acromion_left.z + lm.acromion_right.z) / 2.0;
        let back_mm = back(lm).min(back(&shown.landmarks)) - figure::TRUNK_BACK_MM - 20.0;
        let (w_mm, d_mm) = (2.0 * edge_mm, front_mm - back_mm);
        let room_w = width_px - 2.0 * (MARGIN_PX + SIDE_PX);
        let room_h = height_px - 2.0 * MARGIN_PX - MARKERS_PX - MARKERS_ASCENT_PX;
        let s = (room_w / w_mm)
            .min((room_h - GAP_PX - ROWS_H_PX) / d_mm)
            .clamp(0.01, MAX_PX_PER_MM);
        let (fig_w, fig_h) = (
            w_mm * s + 2.0 * SIDE_PX,
            d_mm * s + MARKERS_PX + MARKERS_ASCENT_PX,
        );
        // The figure's left end and the top of the markers, in pixels.
        let (left, top) = (
            (width_px - fig_w) / 2.0,
            (height_px - fig_h - GAP_PX - ROWS_H_PX) / 2.0,
        );
        let rows_x = ((width_px - ROWS_W_PX) / 2.0).max(MARGIN_PX);
        let t = ViewTransform {
            px_per_mm: s,
            origin_x_px: left + fig_w / 2.0,
            origin_y_px: top + MARKERS_ASCENT_PX + MARKERS_PX + front_mm * s,
        };
        Layout {
            t,
            front_mm,
            back_mm,
            edge_mm,
            outer_mm: edge_mm + SIDE_PX / s,
            markers_y_mm: front_mm + MARKERS_PX / s,
            // The first baseline lies a row's ascent below the block's top.
            rows_at: t.to_mm(rows_x, top + fig_h + GAP_PX + 10.0),
        }
    }

    /// A length in pixels, in millimetres.
    pub fn px(&self, px: f64) -> f64 {
        px / self.t.px_per_mm
    }
}
