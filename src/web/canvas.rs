//! The canvas backend: replays a display list on a `CanvasRenderingContext2d`, crisp at any
//! device pixel ratio. It holds no drawing decisions of its own.

use std::f64::consts::TAU;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::CanvasRenderingContext2d;

use crate::scene::{Cmd, Colour, Dash, DisplayList, Font, DEFAULT_BRAND_CSS, P2};

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
}

// The styles and label strings through the JS side (www/canvas-strings.js): colours and fonts
// are sent once, by slot, and named by slot after (the brand's slots give way to the canvas's
// own `data-brand`); a label crosses as a key and a pointer into
// this module's memory, decoded only the first time it is seen. As `&str` arguments every style
// and label was decoded anew on every frame, about a fifth of a frame.
#[wasm_bindgen(module = "/www/canvas-strings.js")]
extern "C" {
    #[wasm_bindgen(js_name = stringsMemory)]
    fn strings_memory(memory: JsValue);
    #[wasm_bindgen(js_name = setStyle)]
    fn set_style(slot: u32, ptr: u32, len: u32);
    #[wasm_bindgen(js_name = fillStyle)]
    fn fill_style(ctx: &CanvasRenderingContext2d, slot: u32);
    #[wasm_bindgen(js_name = strokeStyle)]
    fn stroke_style(ctx: &CanvasRenderingContext2d, slot: u32);
    #[wasm_bindgen(js_name = lineDash)]
    fn line_dash(ctx: &CanvasRenderingContext2d, dash: u32);
    #[wasm_bindgen(js_name = begin)]
    fn begin(ctx: &CanvasRenderingContext2d, dpr: f64, width_px: f64, height_px: f64, dash: u32);
    #[wasm_bindgen(js_name = fillLabel)]
    #[allow(clippy::too_many_arguments)]
    fn fill_label(
        ctx: &CanvasRenderingContext2d,
        key: f64,
        ptr: u32,
        len: u32,
        x: f64,
        y: f64,
        style: u32,
    );
}

/// A colour's slot on the JS side (the page's themes name the colours by the same slots).
fn colour_slot(colour: Colour) -> u32 {
    colour.slot()
}

/// A font's slot on the JS side, after the colours'.
fn font_slot(font: Font) -> u32 {
    32 + font as u32
}

fn send(slot: u32, text: &str) {
    set_style(slot, text.as_ptr() as u32, text.len() as u32);
}

/// Gives the JS side this module's memory, the fonts and the palette; once, before the first
/// replay. The brand's two slots get the default brand: each canvas's own brand, which the element
/// puts on it (`data-brand`), is read on the JS side.
pub fn share_strings() {
    strings_memory(wasm_bindgen::memory());
    for font in Font::ALL {
        send(font_slot(font), font.css());
    }
    for colour in Colour::slots() {
        send(colour_slot(colour), colour.css(DEFAULT_BRAND_CSS));
    }
}

/// A string's key on the JS side: 44 bits of its FNV-1a hash and its length modulo 256 (a
/// collision would need both to agree), exact as a JS number.
fn label_key(text: &str) -> f64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    ((h & ((1 << 44) - 1)) as f64) * 256.0 + (text.len() & 0xff) as f64
}

/// What the context holds now, so that unchanged styles and transforms are not sent across
/// again. One lives on the stack for each replay; it allocates nothing.
struct CtxState {
    fill: Option<Colour>,
    stroke: Option<Colour>,
    width_px: f64,
    dash: Dash,
    alpha: f64,
    /// A block's own transform is set instead of the view's.
    rotated: bool,
}

impl CtxState {
    /// The state at the start of a replay, once `begin` has made lines solid: the alpha is
    /// taken to be 1, as every replay leaves it; fill, stroke and width are unknown. (The
    /// labels' font, alignment and colour are the JS side's: `fillLabel` is told them with each
    /// label and sets each only when it changes.)
    fn start() -> Self {
        CtxState {
            fill: None,
            stroke: None,
            width_px: f64::NAN,
            dash: Dash::Solid,
            alpha: 1.0,
            rotated: false,
        }
    }

    fn set_fill(&mut self, ctx: &CanvasRenderingContext2d, colour: Colour) {
        if self.fill != Some(colour) {
            self.fill = Some(colour);
            fill_style(ctx, colour_slot(colour));
        }
    }

    fn set_stroke(&mut self, ctx: &CanvasRenderingContext2d, colour: Colour) {
        if self.stroke != Some(colour) {
            self.stroke = Some(colour);
            stroke_style(ctx, colour_slot(colour));
        }
    }

    fn set_line_width(&mut self, ctx: &CanvasRenderingContext2d, width_px: f64) {
        if self.width_px != width_px {
            self.width_px = width_px;
            ctx.set_line_width(width_px);
        }
    }

    fn set_dash(&mut self, ctx: &CanvasRenderingContext2d, dash: Dash) {
        if self.dash != dash {
            self.dash = dash;
            line_dash(ctx, dash as u32);
        }
    }

    fn set_alpha(&mut self, ctx: &CanvasRenderingContext2d, alpha: f64) {
        if self.alpha != alpha {
            self.alpha = alpha;
            ctx.set_global_alpha(alpha);
        }
    }

    /// One block's transform: x along the block's width, y down its height, in CSS pixels, its
    /// centre at `(cx, cy)` (the canvas has y down, the view y up).
    fn set_block_transform(&mut self, fast: &Ctx, dpr: f64, up: P2, (cx, cy): (f64, f64)) {
        fast.set_transform(
            dpr * up.y_mm,
            dpr * up.x_mm,
            -dpr * up.x_mm,
            dpr * up.y_mm,
            dpr * cx,
            dpr * cy,
        );
        self.rotated = true;
    }

    /// Back to the view's own transform after blocks.
    fn unrotate(&mut self, fast: &Ctx, dpr: f64) {
        if self.rotated {
            self.rotated = false;
            fast.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0);
        }
    }
}

/// Clears the canvas (`width_px` x `height_px` CSS pixels at `dpr` device pixels each) and draws
/// the list on it. Text is drawn last, over everything, so the scene keeps labels off lines.
pub fn replay(
    ctx: &CanvasRenderingContext2d,
    list: &DisplayList,
    dpr: f64,
    (width_px, height_px): (f64, f64),
) {
    let fast: &Ctx = ctx.unchecked_ref();
    // The view's transform, the clearing and the joins, caps, baseline and dash every replay
    // starts from, in one call (as `&str` arguments, the three keywords were decoded anew on
    // every frame).
    begin(ctx, dpr, width_px, height_px, Dash::Solid as u32);
    let t = list.transform;
    let r_px = |r_mm: f64| (r_mm * t.px_per_mm).max(0.0);
    let mut state = CtxState::start();
    for cmd in list.cmds() {
        if !matches!(cmd, Cmd::Block { .. }) {
            state.unrotate(fast, dpr);
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
                fill,
                outline,
            } => {
                state.set_block_transform(fast, dpr, up, t.to_px(centre));
                state.set_alpha(ctx, 1.0);
                state.set_fill(ctx, fill);
                state.set_stroke(ctx, outline);
                state.set_line_width(ctx, 1.0);
                state.set_dash(ctx, Dash::Solid);
                let (w, h) = (r_px(half_w_mm), r_px(half_h_mm));
                ctx.fill_rect(-w, -h, 2.0 * w, 2.0 * h);
                ctx.stroke_rect(-w, -h, 2.0 * w, 2.0 * h);
            }
            Cmd::Fill(colour) => {
                state.set_alpha(ctx, colour.alpha());
                state.set_fill(ctx, colour);
                ctx.fill();
            }
            Cmd::Stroke {
                colour,
                width_px,
                dash,
            } => {
                state.set_alpha(ctx, colour.alpha());
                state.set_dash(ctx, dash);
                state.set_stroke(ctx, colour);
                state.set_line_width(ctx, width_px);
                ctx.stroke();
            }
            // Text comes last, grouped by font (setting a font is costly; the JS side sets it
            // only when it changes).
            Cmd::Text { .. } => {}
        }
    }
    state.unrotate(fast, dpr);
    state.set_alpha(ctx, 1.0);
    for wanted in [Font::Small, Font::Label, Font::Marker] {
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
            let (x, y) = t.to_px(at);
            let text = list.text_of(start, end);
            fill_label(
                ctx,
                label_key(text),
                text.as_ptr() as u32,
                text.len() as u32,
                x + dx_px,
                y + dy_px,
                colour_slot(colour) | font_slot(font) << 8 | (align as u32) << 16,
            );
        }
    }
}
