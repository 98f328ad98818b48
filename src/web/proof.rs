//! Pipeline proof: draws the chain on a 2-D context straight from Rust (replaced by the visualizer).

use wasm_bindgen::prelude::*;
use web_sys::CanvasRenderingContext2d;

use crate::{solve as solve_model, Scenario};

/// Proof of the pipeline: draws the chain for a head tilt, computed in Rust, on a 2-D context.
#[wasm_bindgen(js_name = drawProof)]
pub fn draw_proof(ctx: &CanvasRenderingContext2d, width: f64, height: f64, head_tilt_deg: f64) {
    let tilt = if head_tilt_deg.is_finite() { head_tilt_deg } else { 0.0 };
    let posture = solve_model(&Scenario { head_tilt_deg: tilt, ..Scenario::default() });
    let lm = &posture.landmarks;
    let scale = height / 1900.0;
    let to_px = |p: crate::PointMm| (width / 2.0 + p.x * scale, height - 40.0 - p.y * scale);
    ctx.set_fill_style_str("#f7f7f4");
    ctx.fill_rect(0.0, 0.0, width, height);
    ctx.set_stroke_style_str("#245b8f");
    ctx.set_line_width(3.0);
    ctx.begin_path();
    let (x, y) = to_px(lm.sacrum);
    ctx.move_to(x, y);
    for v in lm.vertebrae.iter().rev() {
        let (x, y) = to_px(*v);
        ctx.line_to(x, y);
    }
    ctx.stroke();
    ctx.set_fill_style_str("#245b8f");
    for v in lm.vertebrae.iter() {
        let (x, y) = to_px(*v);
        ctx.fill_rect(x - 6.0, y - 3.0, 12.0, 6.0);
    }
    let (hx, hy) = to_px(lm.head_centre);
    ctx.begin_path();
    let _ = ctx.arc(hx, hy, 0.065 * 1750.0 * scale, 0.0, std::f64::consts::TAU);
    ctx.stroke();
    let (ax, ay) = to_px(lm.eye_left);
    let (bx, by) = to_px(lm.eye_right);
    ctx.set_stroke_style_str("#b3261e");
    ctx.begin_path();
    ctx.move_to(ax, ay);
    ctx.line_to(bx, by);
    ctx.stroke();
}
