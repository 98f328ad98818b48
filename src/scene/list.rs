//! The display list: plain draw commands in model millimetres, replayed by a backend.
//!
//! Points are 2-D view coordinates in millimetres (already projected from the body's 3-D axes);
//! the list's [`ViewTransform`] maps them to CSS pixels. Line widths, dashes and font sizes are in
//! CSS pixels so they stay legible at any zoom. Text lives in one reused `String`; a text command
//! holds a byte range into it. Clearing keeps every buffer's capacity, so a steady frame allocates
//! nothing.

use super::point::P2;
use super::transform::ViewTransform;

/// The palette the scene draws with; the backend turns each into a CSS colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Colour {
    /// Body outlines and main text.
    Ink,
    /// Secondary text and thin guides.
    Muted,
    /// The neutral posture drawn faintly behind.
    Ghost,
    /// Soft body fill (skull, rib cage, pelvis).
    Bone,
    /// Light lines hinting at the rib cage and the scapulae.
    Rib,
    /// The body's silhouette behind the skeleton, a light skin tone.
    Skin,
    /// The silhouette's outline and the few creases drawn on it.
    SkinLine,
    /// Level lines and the plumb line.
    Guide,
    /// The clinic's brand colour: the draggable head and highlights.
    Brand,
    /// A translucent wash of the brand colour, behind the highlighted region.
    BrandWash,
    /// Measures outside their normal range.
    Alert,
    /// One step of the load scale, `0..LOAD_STEPS`.
    Load(u8),
}

/// The scene's stroke-width scale, in CSS pixels: every line of the back and side views is one of
/// these four (dashed guides and hints, bone and body outlines, level lines, emphasis).
pub const HAIRLINE_PX: f64 = 1.0;
pub const THIN_PX: f64 = 1.5;
pub const REGULAR_PX: f64 = 2.0;
pub const BOLD_PX: f64 = 3.0;

/// The scene's spacing scale, in CSS pixels: a view's margin, the distance between the baselines
/// of a label's lines, and the room left between two labels.
pub const MARGIN_PX: f64 = 12.0;
pub const LINE_PX: f64 = 16.0;
pub const LABEL_GAP_PX: f64 = 8.0;

/// The scene's type scale: every view writes in these three sizes and weights (CSS pixels, so
/// they stay legible at any zoom), and the canvas backend sets them from [`Font::css`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Font {
    /// 12 px labels.
    Small,
    /// 13 px semi-bold read-outs next to guides.
    Label,
    /// 16 px bold view markers such as "L" and "R".
    Marker,
}

impl Font {
    /// Every font, smallest first.
    pub const ALL: [Font; 3] = [Font::Small, Font::Label, Font::Marker];

    /// The font's size in CSS pixels.
    pub const fn size_px(self) -> f64 {
        match self {
            Font::Small => 12.0,
            Font::Label => 13.0,
            Font::Marker => 16.0,
        }
    }

    /// The CSS `font` the backend sets (system fonts only: the page loads none).
    pub const fn css(self) -> &'static str {
        match self {
            Font::Small => "12px system-ui,sans-serif",
            Font::Label => "600 13px system-ui,sans-serif",
            Font::Marker => "700 16px system-ui,sans-serif",
        }
    }

    /// The estimated width of `chars` characters of the scene's labels, in CSS pixels (see
    /// [`Font::advance`]): what the layout reserves and what the layout test checks.
    pub fn width_px(self, chars: usize) -> f64 {
        chars as f64 * self.size_px() * self.advance()
    }

    /// A generous average advance per character, as a share of the size: system-ui's widest
    /// common faces (DejaVu Sans, Segoe UI) stay under it for text like the scene's labels.
    const fn advance(self) -> f64 {
        match self {
            Font::Small => 0.58,
            Font::Label | Font::Marker => 0.64,
        }
    }
}

/// An axis-aligned box in a view's CSS pixels (y down), for checking that labels stay clear.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BoxPx {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl BoxPx {
    /// True when the two boxes share more than a hairline (half a pixel) of area.
    pub fn overlaps(&self, other: &BoxPx) -> bool {
        const SLACK: f64 = 0.5;
        self.x0 + SLACK < other.x1
            && other.x0 + SLACK < self.x1
            && self.y0 + SLACK < other.y1
            && other.y0 + SLACK < self.y1
    }

    /// True when the box lies inside `0..width × 0..height`.
    pub fn inside(&self, width_px: f64, height_px: f64) -> bool {
        self.x0 >= 0.0 && self.y0 >= 0.0 && self.x1 <= width_px && self.y1 <= height_px
    }
}

/// Horizontal text alignment relative to the anchor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Centre,
    Right,
}

/// Dash patterns for strokes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dash {
    Solid,
    /// Long dashes, for level lines.
    Long,
    /// Short dots, for the plumb line and the ghost.
    Dotted,
}

/// One draw command.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Cmd {
    /// Starts a new path.
    Begin,
    MoveTo(P2),
    LineTo(P2),
    /// A quadratic curve through `ctrl` to `to`.
    QuadTo {
        ctrl: P2,
        to: P2,
    },
    /// A circular arc around `centre`, angles in radians counter-clockwise in view space from +x.
    Arc {
        centre: P2,
        radius_mm: f64,
        start_rad: f64,
        end_rad: f64,
    },
    /// An ellipse with its own rotation (radians, counter-clockwise).
    Ellipse {
        centre: P2,
        rx_mm: f64,
        ry_mm: f64,
        rotation_rad: f64,
    },
    Close,
    /// A filled, outlined (1 px) rectangle centred on `centre`, its height along the unit vector
    /// `up`: one vertebral body. Its own command so the backend can draw it in few calls.
    Block {
        centre: P2,
        up: P2,
        half_w_mm: f64,
        half_h_mm: f64,
        fill: Colour,
        outline: Colour,
    },
    Fill(Colour),
    Stroke {
        colour: Colour,
        width_px: f64,
        dash: Dash,
    },
    /// Text from `start..end` of the list's text buffer, anchored at `at` and nudged by pixels.
    Text {
        at: P2,
        dx_px: f64,
        dy_px: f64,
        font: Font,
        align: Align,
        colour: Colour,
        start: u32,
        end: u32,
    },
}

/// A reusable list of commands for one view, with its model-to-pixel transform.
#[derive(Clone, Debug, Default)]
pub struct DisplayList {
    pub transform: ViewTransform,
    cmds: Vec<Cmd>,
    text: String,
}

impl DisplayList {
    /// An empty list with room for a typical frame.
    pub fn new() -> Self {
        DisplayList {
            transform: ViewTransform::default(),
            cmds: Vec::with_capacity(1024),
            text: String::with_capacity(1024),
        }
    }

    /// The box each text command covers, in CSS pixels, with its text: an estimate from the type
    /// scale (alphabetic baseline at the anchor; ascent 0.8 and descent 0.25 of the size; a
    /// generous average advance), for tests that check labels against each other and the figure.
    pub fn text_boxes_px(&self) -> impl Iterator<Item = (BoxPx, &str)> {
        self.texts().filter_map(move |(cmd, text)| {
            let Cmd::Text {
                at,
                dx_px,
                dy_px,
                font,
                align,
                ..
            } = *cmd
            else {
                return None;
            };
            let (x, y) = self.transform.to_px(at);
            let (x, y) = (x + dx_px, y + dy_px);
            let size = font.size_px();
            let width = font.width_px(text.chars().count());
            let x0 = match align {
                Align::Left => x,
                Align::Centre => x - width / 2.0,
                Align::Right => x - width,
            };
            Some((
                BoxPx {
                    x0,
                    y0: y - 0.8 * size,
                    x1: x0 + width,
                    y1: y + 0.25 * size,
                },
                text,
            ))
        })
    }

    /// The bounding box, in CSS pixels, of each filled shape of the figure (paths filled in a
    /// solid colour, vertebral blocks, discs); washes, ghosts and guides are not the figure.
    pub fn figure_boxes_px(&self) -> Vec<BoxPx> {
        let mut out = Vec::new();
        let mut points: Vec<(f64, f64)> = Vec::new();
        let t = self.transform;
        let bbox = |pts: &[(f64, f64)]| {
            let mut b = BoxPx {
                x0: f64::INFINITY,
                y0: f64::INFINITY,
                x1: f64::NEG_INFINITY,
                y1: f64::NEG_INFINITY,
            };
            for &(x, y) in pts {
                b.x0 = b.x0.min(x);
                b.y0 = b.y0.min(y);
                b.x1 = b.x1.max(x);
                b.y1 = b.y1.max(y);
            }
            b
        };
        for cmd in &self.cmds {
            match *cmd {
                Cmd::Begin => points.clear(),
                Cmd::MoveTo(p) | Cmd::LineTo(p) => points.push(t.to_px(p)),
                Cmd::QuadTo { ctrl, to } => {
                    points.push(t.to_px(ctrl));
                    points.push(t.to_px(to));
                }
                Cmd::Arc {
                    centre, radius_mm, ..
                } => {
                    let (x, y) = t.to_px(centre);
                    let r = radius_mm * t.px_per_mm;
                    points.extend([(x - r, y - r), (x + r, y + r)]);
                }
                Cmd::Ellipse {
                    centre,
                    rx_mm,
                    ry_mm,
                    rotation_rad,
                } => {
                    let (x, y) = t.to_px(centre);
                    let (sin, cos) = rotation_rad.sin_cos();
                    let ex = (rx_mm * cos).hypot(ry_mm * sin) * t.px_per_mm;
                    let ey = (rx_mm * sin).hypot(ry_mm * cos) * t.px_per_mm;
                    points.extend([(x - ex, y - ey), (x + ex, y + ey)]);
                }
                Cmd::Block {
                    centre,
                    half_w_mm,
                    half_h_mm,
                    ..
                } => {
                    let (x, y) = t.to_px(centre);
                    let r = half_w_mm.max(half_h_mm) * t.px_per_mm;
                    out.push(bbox(&[(x - r, y - r), (x + r, y + r)]));
                }
                Cmd::Fill(colour) => {
                    let figure =
                        !matches!(colour, Colour::BrandWash | Colour::Ghost | Colour::Guide);
                    if figure && !points.is_empty() {
                        out.push(bbox(&points));
                    }
                }
                _ => {}
            }
        }
        out
    }

    /// A 64-bit digest of everything the list draws (its commands, its text and its transform):
    /// two lists with the same digest draw the same pixels on a canvas of the same size. The
    /// canvas backend redraws a view only when its digest changes.
    pub fn digest(&self) -> u64 {
        let t = self.transform;
        let mut d = Digest(0xcbf2_9ce4_8422_2325);
        d.f(t.px_per_mm).f(t.origin_x_px).f(t.origin_y_px);
        for cmd in &self.cmds {
            match *cmd {
                Cmd::Begin => d.u(1),
                Cmd::MoveTo(p) => d.u(2).p(p),
                Cmd::LineTo(p) => d.u(3).p(p),
                Cmd::QuadTo { ctrl, to } => d.u(4).p(ctrl).p(to),
                Cmd::Arc {
                    centre,
                    radius_mm,
                    start_rad,
                    end_rad,
                } => d.u(5).p(centre).f(radius_mm).f(start_rad).f(end_rad),
                Cmd::Ellipse {
                    centre,
                    rx_mm,
                    ry_mm,
                    rotation_rad,
                } => d.u(6).p(centre).f(rx_mm).f(ry_mm).f(rotation_rad),
                Cmd::Close => d.u(7),
                Cmd::Block {
                    centre,
                    up,
                    half_w_mm,
                    half_h_mm,
                    fill,
                    outline,
                } => d
                    .u(8)
                    .p(centre)
                    .p(up)
                    .f(half_w_mm)
                    .f(half_h_mm)
                    .c(fill)
                    .c(outline),
                Cmd::Fill(colour) => d.u(9).c(colour),
                Cmd::Stroke {
                    colour,
                    width_px,
                    dash,
                } => d.u(10).c(colour).f(width_px).u(dash as u64),
                Cmd::Text {
                    at,
                    dx_px,
                    dy_px,
                    font,
                    align,
                    colour,
                    start,
                    end,
                } => d
                    .u(11)
                    .p(at)
                    .f(dx_px)
                    .f(dy_px)
                    .u(font as u64 | (align as u64) << 8)
                    .c(colour)
                    .u(u64::from(start) | u64::from(end) << 32),
            };
        }
        for b in self.text.bytes() {
            d.u(u64::from(b));
        }
        d.0
    }

    /// Empties the list, keeping its buffers.
    pub fn clear(&mut self) {
        self.cmds.clear();
        self.text.clear();
    }

    pub fn cmds(&self) -> &[Cmd] {
        &self.cmds
    }

    /// The text a [`Cmd::Text`] refers to.
    pub fn text_of(&self, start: u32, end: u32) -> &str {
        // `get`, not indexing: an index's panic path would bring `Debug` of `str` into the wasm.
        self.text.get(start as usize..end as usize).unwrap_or("")
    }

    /// Every text command with its string, in drawing order.
    pub fn texts(&self) -> impl Iterator<Item = (&Cmd, &str)> {
        self.cmds.iter().filter_map(move |c| match *c {
            Cmd::Text { start, end, .. } => Some((c, self.text_of(start, end))),
            _ => None,
        })
    }

    pub fn push(&mut self, cmd: Cmd) {
        self.cmds.push(cmd);
    }

    pub fn extend(&mut self, cmds: &[Cmd]) {
        self.cmds.extend_from_slice(cmds);
    }

    /// A straight segment as its own path.
    pub fn line(&mut self, a: P2, b: P2, colour: Colour, width_px: f64, dash: Dash) {
        self.cmds.extend_from_slice(&[
            Cmd::Begin,
            Cmd::MoveTo(a),
            Cmd::LineTo(b),
            Cmd::Stroke {
                colour,
                width_px,
                dash,
            },
        ]);
    }

    /// A filled and outlined circle.
    pub fn disc(&mut self, centre: P2, radius_mm: f64, fill: Colour, outline: Option<Colour>) {
        self.cmds.extend_from_slice(&[
            Cmd::Begin,
            Cmd::Arc {
                centre,
                radius_mm,
                start_rad: 0.0,
                end_rad: std::f64::consts::TAU,
            },
            Cmd::Fill(fill),
        ]);
        if let Some(colour) = outline {
            self.push(Cmd::Stroke {
                colour,
                width_px: THIN_PX,
                dash: Dash::Solid,
            });
        }
    }

    /// A closed polygon, filled and/or outlined.
    pub fn polygon(&mut self, points: &[P2], fill: Option<Colour>, outline: Option<(Colour, f64)>) {
        let Some((first, rest)) = points.split_first() else {
            return;
        };
        self.push(Cmd::Begin);
        self.push(Cmd::MoveTo(*first));
        for p in rest {
            self.push(Cmd::LineTo(*p));
        }
        self.push(Cmd::Close);
        if let Some(colour) = fill {
            self.push(Cmd::Fill(colour));
        }
        if let Some((colour, width_px)) = outline {
            self.push(Cmd::Stroke {
                colour,
                width_px,
                dash: Dash::Solid,
            });
        }
    }

    /// Starts a text label; write its words with the returned [`TextWriter`], which pushes the
    /// command when dropped.
    pub fn text(&mut self, at: P2, font: Font, align: Align, colour: Colour) -> TextWriter<'_> {
        let start = self.text.len() as u32;
        TextWriter {
            list: self,
            at,
            dx_px: 0.0,
            dy_px: 0.0,
            font,
            align,
            colour,
            start,
        }
    }
}

/// Builds one label into the list's text buffer without allocating.
pub struct TextWriter<'a> {
    list: &'a mut DisplayList,
    at: P2,
    dx_px: f64,
    dy_px: f64,
    font: Font,
    align: Align,
    colour: Colour,
    start: u32,
}

impl TextWriter<'_> {
    /// Moves the label by pixels from its anchor (`dy_px` positive is down the screen).
    pub fn nudge(mut self, dx_px: f64, dy_px: f64) -> Self {
        self.dx_px = dx_px;
        self.dy_px = dy_px;
        self
    }

    pub fn str(self, s: &str) -> Self {
        self.list.text.push_str(s);
        self
    }

    /// Appends a number with `decimals` places (see [`crate::numfmt::push_fixed`]).
    pub fn num(self, value: f64, decimals: u8) -> Self {
        crate::numfmt::push_fixed(&mut self.list.text, value, decimals);
        self
    }

    /// Appends the magnitude of a number, dropping its sign.
    pub fn abs(self, value: f64, decimals: u8) -> Self {
        crate::numfmt::push_fixed(&mut self.list.text, value.abs(), decimals);
        self
    }

    /// Appends a signed offset in words: `level` when it is under `level_below_mm` (or not
    /// finite), else its size in whole millimetres and `positive` or `negative` after it.
    pub fn offset_mm(
        self,
        value_mm: f64,
        level_below_mm: f64,
        level: &str,
        [positive, negative]: [&str; 2],
    ) -> Self {
        if value_mm.abs() < level_below_mm || !value_mm.is_finite() {
            self.str(level)
        } else {
            let side = if value_mm > 0.0 { positive } else { negative };
            self.abs(value_mm, 0).str(side)
        }
    }
}

impl Drop for TextWriter<'_> {
    fn drop(&mut self) {
        let end = self.list.text.len() as u32;
        self.list.cmds.push(Cmd::Text {
            at: self.at,
            dx_px: self.dx_px,
            dy_px: self.dy_px,
            font: self.font,
            align: self.align,
            colour: self.colour,
            start: self.start,
            end,
        });
    }
}

/// FNV-1a over 64-bit words, for [`DisplayList::digest`].
struct Digest(u64);

impl Digest {
    fn u(&mut self, v: u64) -> &mut Self {
        self.0 = (self.0 ^ v).wrapping_mul(0x0100_0000_01b3);
        self
    }

    fn f(&mut self, v: f64) -> &mut Self {
        self.u(v.to_bits())
    }

    fn p(&mut self, p: P2) -> &mut Self {
        self.f(p.x_mm).f(p.y_mm)
    }

    fn c(&mut self, c: Colour) -> &mut Self {
        self.u(u64::from(c.slot()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_writer_pushes_one_command_with_its_words() {
        let mut list = DisplayList::new();
        list.text(P2::new(1.0, 2.0), Font::Label, Align::Left, Colour::Ink)
            .str("up ")
            .num(9.04, 1);
        list.text(P2::default(), Font::Small, Align::Right, Colour::Muted)
            .str("L");
        let texts: Vec<&str> = list.texts().map(|(_, s)| s).collect();
        assert_eq!(texts, ["up 9.0", "L"]);
        assert_eq!(list.cmds().len(), 2);
    }

    #[test]
    fn offsets_read_as_level_or_a_size_and_a_side() {
        let mut list = DisplayList::new();
        for value in [0.4, -0.4, f64::NAN, 9.6, -12.2] {
            list.text(P2::default(), Font::Small, Align::Left, Colour::Ink)
                .offset_mm(value, 0.5, "level", [" mm R", " mm L"]);
        }
        let texts: Vec<&str> = list.texts().map(|(_, s)| s).collect();
        assert_eq!(texts, ["level", "level", "level", "10 mm R", "12 mm L"]);
    }

    #[test]
    fn digest_follows_what_is_drawn() {
        let draw = |x: f64, word: &str, colour: Colour| {
            let mut list = DisplayList::new();
            list.line(P2::default(), P2::new(x, 1.0), colour, 1.0, Dash::Solid);
            list.text(P2::default(), Font::Small, Align::Left, Colour::Ink)
                .str(word);
            list
        };
        let base = draw(1.0, "L", Colour::Ink).digest();
        assert_eq!(draw(1.0, "L", Colour::Ink).digest(), base);
        assert_ne!(draw(1.0 + 1e-9, "L", Colour::Ink).digest(), base);
        assert_ne!(draw(1.0, "R", Colour::Ink).digest(), base);
        assert_ne!(draw(1.0, "L", Colour::Muted).digest(), base);
        let mut moved = draw(1.0, "L", Colour::Ink);
        moved.transform.origin_x_px += 0.5;
        assert_ne!(moved.digest(), base);
    }

    #[test]
    fn clear_keeps_capacity() {
        let mut list = DisplayList::new();
        for _ in 0..2000 {
            list.line(
                P2::default(),
                P2::new(1.0, 1.0),
                Colour::Ink,
                1.0,
                Dash::Solid,
            );
        }
        let capacity = list.cmds.capacity();
        list.clear();
        assert!(list.cmds().is_empty());
        assert_eq!(list.cmds.capacity(), capacity);
    }

    #[test]
    fn polygon_of_nothing_draws_nothing() {
        let mut list = DisplayList::new();
        list.polygon(&[], Some(Colour::Bone), None);
        assert!(list.cmds().is_empty());
    }
}
