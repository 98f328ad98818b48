//! The canvas backend: replays a display list on a `CanvasRenderingContext2d`, crisp at any
//! device pixel ratio. It holds no drawing decisions of its own.

use std::f64::consts::TAU;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::CanvasRenderingContext2d;

use crate::scene::{Align, Cmd, Colour, Dash, DisplayList, Font};

// The context seen through another type, for the calls a frame makes most that cannot throw
// with the values given here (radii are never negative; non-finite numbers are ignored, not
// thrown on). Bound without web-sys's try/catch wrapper, which makes a closure per call: less
// garbage per frame, fewer collections in the tail of the frame times.
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = CanvasRenderingContext2D)]
    type Ctx;
    #[wasm_bindgen(method, js_name = setTransform)]
    fn set_transform(this: &Ctx, a: f64, b: f64, c: f64, d: f64, e: f64, f: f64);
    #[wasm_bindgen(method)]
    fn arc(this: &Ctx, x: f64, y: f64, r: f64, start: f64, end: f64, anticlockwise: bool);
    #[wasm_bindgen(method)]
    #[allow(clippy::too_many_arguments)]
    fn ellipse(this: &Ctx, x: f64, y: f64, rx: f64, ry: f64, rot: f64, start: f64, end: f64);
    #[wasm_bindgen(method, js_name = fillText)]
    fn fill_text(this: &Ctx, text: &str, x: f64, y: f64);
}

/// Line-dash arrays made once, so a frame passes no new JS objects.
pub struct Dashes {
    solid: JsValue,
    long: JsValue,
    dotted: JsValue,
}

impl Dashes {
    pub fn new() -> Self {
        let make = |parts: &[f64]| -> JsValue {
            let a = js_sys::Array::new();
            for p in parts {
                a.push(&JsValue::from_f64(*p));
            }
            a.into()
        };
        Dashes {
            solid: make(&[]),
            long: make(&[7.0, 5.0]),
            dotted: make(&[2.0, 4.0]),
        }
    }

    fn get(&self, dash: Dash) -> &JsValue {
        match dash {
            Dash::Solid => &self.solid,
            Dash::Long => &self.long,
            Dash::Dotted => &self.dotted,
        }
    }
}

fn font_css(font: Font) -> &'static str {
    match font {
        Font::Small => "12px system-ui,sans-serif",
        Font::Label => "600 13px system-ui,sans-serif",
        Font::Marker => "700 16px system-ui,sans-serif",
    }
}

fn align_css(align: Align) -> &'static str {
    match align {
        Align::Left => "left",
        Align::Centre => "center",
        Align::Right => "right",
    }
}

/// Clears the canvas (`width_px` x `height_px` CSS pixels at `dpr` device pixels each) and draws
/// the list on it. Text is drawn last, over everything, so the scene keeps labels off lines.
pub fn replay(
    ctx: &CanvasRenderingContext2d,
    list: &DisplayList,
    dashes: &Dashes,
    brand: &str,
    dpr: f64,
    (width_px, height_px): (f64, f64),
) {
    let fast: &Ctx = ctx.unchecked_ref();
    fast.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0);
    ctx.clear_rect(0.0, 0.0, width_px, height_px);
    ctx.set_line_join("round");
    ctx.set_line_cap("round");
    ctx.set_text_baseline("middle");
    let t = list.transform;
    let r_px = |r_mm: f64| (r_mm * t.px_per_mm).max(0.0);
    let mut dash = Dash::Solid;
    let _ = ctx.set_line_dash(dashes.get(dash));
    let mut alpha = 1.0;
    // What the context holds now, so unchanged styles are not sent across again.
    let mut fill: Option<Colour> = None;
    let mut stroke: Option<Colour> = None;
    let mut width = f64::NAN;
    let mut rotated = false;
    for cmd in list.cmds() {
        if rotated && !matches!(cmd, Cmd::Block { .. }) {
            rotated = false;
            fast.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0);
        }
        match *cmd {
            Cmd::Begin => ctx.begin_path(),
            Cmd::MoveTo(p) => {
                let (x, y) = t.to_px(p);
                ctx.move_to(x, y);
            }
            Cmd::LineTo(p) => {
                let (x, y) = t.to_px(p);
                ctx.line_to(x, y);
            }
            Cmd::QuadTo { ctrl, to } => {
                let (cx, cy) = t.to_px(ctrl);
                let (x, y) = t.to_px(to);
                ctx.quadratic_curve_to(cx, cy, x, y);
            }
            Cmd::Arc {
                centre,
                radius_mm,
                start_rad,
                end_rad,
            } => {
                let (x, y) = t.to_px(centre);
                // View angles run counter-clockwise with y up; the canvas has y down.
                fast.arc(x, y, r_px(radius_mm), -start_rad, -end_rad, true);
            }
            Cmd::Ellipse {
                centre,
                rx_mm,
                ry_mm,
                rotation_rad,
            } => {
                let (x, y) = t.to_px(centre);
                fast.ellipse(x, y, r_px(rx_mm), r_px(ry_mm), -rotation_rad, 0.0, TAU);
            }
            Cmd::Close => ctx.close_path(),
            Cmd::Block {
                centre,
                up,
                half_w_mm,
                half_h_mm,
                fill: f,
                outline,
            } => {
                // One transform per block: x along the block's width, y down its height, in CSS
                // pixels (the canvas has y down, the view y up).
                let (cx, cy) = t.to_px(centre);
                fast.set_transform(
                    dpr * up.y_mm,
                    dpr * up.x_mm,
                    -dpr * up.x_mm,
                    dpr * up.y_mm,
                    dpr * cx,
                    dpr * cy,
                );
                rotated = true;
                set_alpha(ctx, &mut alpha, 1.0);
                if fill != Some(f) {
                    fill = Some(f);
                    ctx.set_fill_style_str(f.css(brand));
                }
                if stroke != Some(outline) {
                    stroke = Some(outline);
                    ctx.set_stroke_style_str(outline.css(brand));
                }
                if width != 1.0 {
                    width = 1.0;
                    ctx.set_line_width(1.0);
                }
                if dash != Dash::Solid {
                    dash = Dash::Solid;
                    let _ = ctx.set_line_dash(dashes.get(dash));
                }
                let (w, h) = (r_px(half_w_mm), r_px(half_h_mm));
                ctx.fill_rect(-w, -h, 2.0 * w, 2.0 * h);
                ctx.stroke_rect(-w, -h, 2.0 * w, 2.0 * h);
            }
            Cmd::Fill(colour) => {
                set_alpha(ctx, &mut alpha, colour.alpha());
                if fill != Some(colour) {
                    fill = Some(colour);
                    ctx.set_fill_style_str(colour.css(brand));
                }
                ctx.fill();
            }
            Cmd::Stroke {
                colour,
                width_px,
                dash: d,
            } => {
                set_alpha(ctx, &mut alpha, colour.alpha());
                if d != dash {
                    dash = d;
                    let _ = ctx.set_line_dash(dashes.get(dash));
                }
                if stroke != Some(colour) {
                    stroke = Some(colour);
                    ctx.set_stroke_style_str(colour.css(brand));
                }
                if width != width_px {
                    width = width_px;
                    ctx.set_line_width(width_px);
                }
                ctx.stroke();
            }
            // Text comes last, grouped by font (setting a font is costly).
            Cmd::Text { .. } => {}
        }
    }
    if rotated {
        fast.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0);
    }
    set_alpha(ctx, &mut alpha, 1.0);
    let mut align_now: Option<Align> = None;
    for wanted in [Font::Small, Font::Label, Font::Marker] {
        let mut font_set = false;
        for cmd in list.cmds() {
            let Cmd::Text {
                at,
                dx_px,
                dy_px,
                font,
                align,
                colour,
                start,
                end,
            } = *cmd
            else {
                continue;
            };
            if font != wanted {
                continue;
            }
            if !font_set {
                font_set = true;
                ctx.set_font(font_css(font));
            }
            if align_now != Some(align) {
                align_now = Some(align);
                ctx.set_text_align(align_css(align));
            }
            if fill != Some(colour) {
                fill = Some(colour);
                ctx.set_fill_style_str(colour.css(brand));
            }
            let (x, y) = t.to_px(at);
            fast.fill_text(list.text_of(start, end), x + dx_px, y + dy_px);
        }
    }
}

fn set_alpha(ctx: &CanvasRenderingContext2d, current: &mut f64, wanted: f64) {
    if *current != wanted {
        *current = wanted;
        ctx.set_global_alpha(wanted);
    }
}
