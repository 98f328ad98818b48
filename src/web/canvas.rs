//! The canvas backend: replays a display list on a `CanvasRenderingContext2d`, crisp at any
//! device pixel ratio. It holds no drawing decisions of its own.

use std::f64::consts::TAU;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::CanvasRenderingContext2d;

use crate::scene::{Align, Cmd, Colour, Dash, DisplayList, Font, LOAD_CSS};

// The context seen through another type: style setters taking a JS string made once, so a frame
// decodes no UTF-8 for styles, and the calls that cannot throw with the values given here (finite
// or not, radii never negative) bound without web-sys's try/catch wrapper.
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
    #[wasm_bindgen(method, setter = fillStyle)]
    fn set_fill_style(this: &Ctx, value: &JsValue);
    #[wasm_bindgen(method, setter = strokeStyle)]
    fn set_stroke_style(this: &Ctx, value: &JsValue);
    #[wasm_bindgen(method, setter = font)]
    fn set_font(this: &Ctx, value: &JsValue);
    #[wasm_bindgen(method, setter = textAlign)]
    fn set_text_align(this: &Ctx, value: &JsValue);
    #[wasm_bindgen(method, setter = lineJoin)]
    fn set_line_join(this: &Ctx, value: &JsValue);
    #[wasm_bindgen(method, setter = lineCap)]
    fn set_line_cap(this: &Ctx, value: &JsValue);
    #[wasm_bindgen(method, setter = textBaseline)]
    fn set_text_baseline(this: &Ctx, value: &JsValue);
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

/// How many colours the palette has: the fixed ones, then the load scale.
const COLOURS: usize = 9 + LOAD_CSS.len();

fn colour_index(colour: Colour) -> usize {
    match colour {
        Colour::Ink => 0,
        Colour::Muted => 1,
        Colour::Ghost => 2,
        Colour::Bone => 3,
        Colour::Rib => 4,
        Colour::Guide => 5,
        Colour::Brand => 6,
        Colour::BrandWash => 7,
        Colour::Alert => 8,
        Colour::Load(step) => 9 + (step as usize).min(LOAD_CSS.len() - 1),
    }
}

const ALL_COLOURS: [Colour; COLOURS] = [
    Colour::Ink,
    Colour::Muted,
    Colour::Ghost,
    Colour::Bone,
    Colour::Rib,
    Colour::Guide,
    Colour::Brand,
    Colour::BrandWash,
    Colour::Alert,
    Colour::Load(0),
    Colour::Load(1),
    Colour::Load(2),
    Colour::Load(3),
    Colour::Load(4),
    Colour::Load(5),
];

/// Every style a frame sets, as JS values made once (again only when the brand colour changes),
/// so a frame passes no new JS objects and no style strings.
pub struct Styles {
    solid: JsValue,
    long: JsValue,
    dotted: JsValue,
    colours: [JsValue; COLOURS],
    fonts: [JsValue; 3],
    aligns: [JsValue; 3],
    round: JsValue,
    middle: JsValue,
    brand: String,
}

impl Styles {
    pub fn new(brand: &str) -> Self {
        let make = |parts: &[f64]| -> JsValue {
            let a = js_sys::Array::new();
            for p in parts {
                a.push(&JsValue::from_f64(*p));
            }
            a.into()
        };
        Styles {
            solid: make(&[]),
            long: make(&[7.0, 5.0]),
            dotted: make(&[2.0, 4.0]),
            colours: ALL_COLOURS.map(|c| JsValue::from_str(c.css(brand))),
            fonts: [Font::Small, Font::Label, Font::Marker].map(|f| JsValue::from_str(font_css(f))),
            aligns: [Align::Left, Align::Centre, Align::Right]
                .map(|a| JsValue::from_str(align_css(a))),
            round: JsValue::from_str("round"),
            middle: JsValue::from_str("middle"),
            brand: brand.to_string(),
        }
    }

    /// The host page's colour for [`Colour::Brand`] and [`Colour::BrandWash`].
    pub fn set_brand(&mut self, brand: &str) {
        if brand != self.brand {
            *self = Styles::new(brand);
        }
    }

    fn dash(&self, dash: Dash) -> &JsValue {
        match dash {
            Dash::Solid => &self.solid,
            Dash::Long => &self.long,
            Dash::Dotted => &self.dotted,
        }
    }

    fn colour(&self, colour: Colour) -> &JsValue {
        &self.colours[colour_index(colour)]
    }

    fn font(&self, font: Font) -> &JsValue {
        &self.fonts[font as usize]
    }

    fn align(&self, align: Align) -> &JsValue {
        &self.aligns[align as usize]
    }
}

/// What one canvas's context holds, kept from frame to frame so unchanged styles are not sent
/// again. A canvas forgets its state when it is resized: [`CanvasState::forget`] then.
#[derive(Clone, Copy, Debug)]
pub struct CanvasState {
    known: bool,
    fill: Option<Colour>,
    stroke: Option<Colour>,
    width: f64,
    dash: Option<Dash>,
    alpha: f64,
    font: Option<Font>,
    align: Option<Align>,
}

impl CanvasState {
    pub const UNKNOWN: CanvasState = CanvasState {
        known: false,
        fill: None,
        stroke: None,
        width: f64::NAN,
        dash: None,
        alpha: f64::NAN,
        font: None,
        align: None,
    };

    /// The canvas was resized (or is new): nothing it holds is known.
    pub fn forget(&mut self) {
        *self = CanvasState::UNKNOWN;
    }
}

/// Clears the canvas (`width_px` x `height_px` CSS pixels at `dpr` device pixels each) and draws
/// the list on it. Text is drawn last, over everything, so the scene keeps labels off lines.
///
/// Few calls cross into JS: styles are set only when they change, from values made once; paths
/// stroked one after another in the same style become one path and one stroke.
pub fn replay(
    ctx: &CanvasRenderingContext2d,
    list: &DisplayList,
    styles: &Styles,
    state: &mut CanvasState,
    dpr: f64,
    (width_px, height_px): (f64, f64),
) {
    let fast: &Ctx = ctx.unchecked_ref();
    fast.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0);
    ctx.clear_rect(0.0, 0.0, width_px, height_px);
    if !state.known {
        *state = CanvasState::UNKNOWN;
        state.known = true;
        fast.set_line_join(&styles.round);
        fast.set_line_cap(&styles.round);
        fast.set_text_baseline(&styles.middle);
    }
    let t = list.transform;
    let r_px = |r_mm: f64| (r_mm * t.px_per_mm).max(0.0);
    let CanvasState {
        fill,
        stroke,
        width,
        alpha,
        ..
    } = state;
    let mut rotated = false;
    // The next `Begin` continues the current path (its stroke was merged into the next one).
    let mut continue_path = false;
    let cmds = list.cmds();
    for (i, cmd) in cmds.iter().enumerate() {
        if rotated && !matches!(cmd, Cmd::Block { .. } | Cmd::Text { .. }) {
            rotated = false;
            fast.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0);
        }
        match *cmd {
            Cmd::Begin => {
                if continue_path {
                    continue_path = false;
                } else {
                    ctx.begin_path();
                }
            }
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
                set_alpha(ctx, alpha, 1.0);
                if *fill != Some(f) {
                    *fill = Some(f);
                    fast.set_fill_style(styles.colour(f));
                }
                if *stroke != Some(outline) {
                    *stroke = Some(outline);
                    fast.set_stroke_style(styles.colour(outline));
                }
                if *width != 1.0 {
                    *width = 1.0;
                    ctx.set_line_width(1.0);
                }
                set_dash(ctx, styles, &mut state.dash, Dash::Solid);
                let (w, h) = (r_px(half_w_mm), r_px(half_h_mm));
                ctx.fill_rect(-w, -h, 2.0 * w, 2.0 * h);
                ctx.stroke_rect(-w, -h, 2.0 * w, 2.0 * h);
            }
            Cmd::Fill(colour) => {
                set_alpha(ctx, alpha, colour.alpha());
                if *fill != Some(colour) {
                    *fill = Some(colour);
                    fast.set_fill_style(styles.colour(colour));
                }
                ctx.fill();
            }
            Cmd::Stroke {
                colour,
                width_px,
                dash: d,
            } => {
                if next_path_strokes_alike(cmds, i) {
                    continue_path = true;
                    continue;
                }
                set_alpha(ctx, alpha, colour.alpha());
                set_dash(ctx, styles, &mut state.dash, d);
                if *stroke != Some(colour) {
                    *stroke = Some(colour);
                    fast.set_stroke_style(styles.colour(colour));
                }
                if *width != width_px {
                    *width = width_px;
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
    set_alpha(ctx, &mut state.alpha, 1.0);
    // Fonts in turn, starting with the one the canvas holds from the last frame.
    let order = match state.font {
        Some(Font::Marker) => [Font::Marker, Font::Label, Font::Small],
        Some(Font::Label) => [Font::Label, Font::Small, Font::Marker],
        _ => [Font::Small, Font::Label, Font::Marker],
    };
    for wanted in order {
        for cmd in cmds {
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
            if state.font != Some(font) {
                state.font = Some(font);
                fast.set_font(styles.font(font));
            }
            if state.align != Some(align) {
                state.align = Some(align);
                fast.set_text_align(styles.align(align));
            }
            if state.fill != Some(colour) {
                state.fill = Some(colour);
                fast.set_fill_style(styles.colour(colour));
            }
            let (x, y) = t.to_px(at);
            fast.fill_text(list.text_of(start, end), x + dx_px, y + dy_px);
        }
    }
}

/// True when the `Stroke` at `i` can wait for the next path: that path (after any text, which is
/// drawn later anyway) is only outline, neither filled nor a block, and ends in the very same
/// stroke, and it starts with a move. Opaque strokes look the same either way; a translucent one is drawn once where two
/// overlap.
fn next_path_strokes_alike(cmds: &[Cmd], i: usize) -> bool {
    let this = cmds[i];
    let mut j = i + 1;
    while matches!(cmds.get(j), Some(Cmd::Text { .. })) {
        j += 1;
    }
    // It must start with a move: an arc or an ellipse would join on to the path before.
    if cmds.get(j) != Some(&Cmd::Begin) || !matches!(cmds.get(j + 1), Some(Cmd::MoveTo(_))) {
        return false;
    }
    for cmd in &cmds[j + 2..] {
        match cmd {
            Cmd::MoveTo(_)
            | Cmd::LineTo(_)
            | Cmd::QuadTo { .. }
            | Cmd::Arc { .. }
            | Cmd::Ellipse { .. }
            | Cmd::Close
            | Cmd::Text { .. } => {}
            Cmd::Stroke { .. } => return *cmd == this,
            _ => return false,
        }
    }
    false
}

fn set_dash(
    ctx: &CanvasRenderingContext2d,
    styles: &Styles,
    current: &mut Option<Dash>,
    wanted: Dash,
) {
    if *current != Some(wanted) {
        *current = Some(wanted);
        let _ = ctx.set_line_dash(styles.dash(wanted));
    }
}

fn set_alpha(ctx: &CanvasRenderingContext2d, current: &mut f64, wanted: f64) {
    if *current != wanted {
        *current = wanted;
        ctx.set_global_alpha(wanted);
    }
}
