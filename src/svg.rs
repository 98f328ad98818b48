//! The SVG backend: writes a display list as an SVG document, the second backend beside the
//! canvas one (`web/canvas.rs`), with the same reading of every command. `cargo xtask dist` uses
//! it for the poster: the default posture's back view, drawn by the real scene code, which shows
//! as the element's light-DOM fallback when scripts are off or the wasm cannot load. The JS API
//! module's `sceneSvg` (`web/solve.rs`) draws any view of any posture with it: the element's
//! "Save SVG".
//!
//! Pure: text out. Native, and in the JS API module's wasm (the `api` feature); never in the
//! page's wasm, which cannot afford `std::fmt`'s float formatting.

use std::cell::Cell;
use std::f64::consts::TAU;
use std::fmt::Write;

use crate::model::{solve, Scenario};
use crate::scene::{
    Align, Cmd, Dash, DisplayList, Font, Palette, Pose, Scene, SceneOptions, View, LIGHT,
};

thread_local! {
    /// What numbers of 1 and more (coordinates, radii, stroke widths in px; angles in degrees)
    /// are rounded to: 0.01 for the pictures a reader saves (`view_svg`), coarser while
    /// [`poster`] draws (the page inlines the poster, and every byte of it is on the first load).
    static STEP: Cell<f64> = const { Cell::new(0.01) };
}

/// A number for SVG, without trailing zeros: to 0.01, or, from 1 up, to the current `STEP`
/// (numbers below 1, such as opacities and the blocks' rotation matrices, always to 0.01).
/// Written by `numfmt`, not `std::fmt`, whose float code would add about 20 KB of gzipped wasm
/// to the JS API module.
fn n(v: f64) -> String {
    let r = snap(v);
    if r == 0.0 || !r.is_finite() {
        return "0".into();
    }
    let mut s = String::new();
    crate::numfmt::push_fixed_ascii(&mut s, r, 2);
    if s.contains('.') {
        while s.ends_with('0') {
            s.pop();
        }
        if s.ends_with('.') {
            s.pop();
        }
    }
    s
}

/// `v` rounded as [`n`] writes it.
fn snap(v: f64) -> f64 {
    let step = STEP.with(Cell::get);
    if step > 0.01 && v.abs() >= 1.0 {
        (v / step).round() * step
    } else {
        (v * 100.0).round() / 100.0
    }
}

/// SVG path data in relative commands, whose short numbers take a fifth fewer gzipped bytes
/// than absolute ones (measured on the two posters, 2026-12-02: 4,563 -> 4,062 B). Every point
/// is snapped as [`n`] writes it before the difference is taken, so each relative step is exact
/// and nothing drifts along a path; numbers drop their leading zero and the separators a parser
/// does not need (`l-3.5.5` is -3.5 then 0.5).
#[derive(Default)]
struct PathData {
    d: String,
    /// The current point, snapped, and where the current subpath began.
    at: (f64, f64),
    start: (f64, f64),
    /// Whether the path has a current point.
    open: bool,
    /// Whether the last thing written is a number, and whether that number has a point.
    after_number: bool,
    after_point: bool,
}

impl PathData {
    fn begin(&mut self) {
        *self = PathData {
            d: std::mem::take(&mut self.d),
            ..PathData::default()
        };
        self.d.clear();
    }

    fn command(&mut self, c: char) {
        self.d.push(c);
        self.after_number = false;
    }

    fn number(&mut self, v: f64) {
        let text = n(v);
        let (minus, digits) = match text.strip_prefix('-') {
            Some(digits) => (true, digits),
            None => (false, text.as_str()),
        };
        // "0.5" as ".5" (char patterns only: a string pattern's searcher costs kilobytes of wasm).
        let digits = match digits.strip_prefix('0') {
            Some(rest) if rest.starts_with('.') => rest,
            _ => digits,
        };
        let joins = minus || (digits.starts_with('.') && self.after_point);
        if self.after_number && !joins {
            self.d.push(' ');
        }
        if minus {
            self.d.push('-');
        }
        self.after_point = digits.contains('.');
        self.d.push_str(digits);
        self.after_number = true;
    }

    /// A point relative to the current one, which it becomes.
    fn point(&mut self, (x, y): (f64, f64)) {
        let to = (snap(x), snap(y));
        self.number(to.0 - self.at.0);
        self.number(to.1 - self.at.1);
        self.at = to;
    }

    /// A line to `p`, or a move there where the path has no current point (as the canvas does).
    fn line_or_move(&mut self, p: (f64, f64)) {
        self.command(if self.open { 'l' } else { 'm' });
        self.point(p);
        if !self.open {
            self.start = self.at;
        }
        self.open = true;
    }

    fn move_to(&mut self, p: (f64, f64)) {
        self.open = false;
        self.line_or_move(p);
    }

    fn quad_to(&mut self, (cx, cy): (f64, f64), to: (f64, f64)) {
        self.command('q');
        let from = self.at;
        self.number(snap(cx) - from.0);
        self.number(snap(cy) - from.1);
        self.point(to);
        self.open = true;
    }

    /// An elliptical arc to `to`: radii in px, rotation in degrees, SVG's large-arc and sweep
    /// flags (sweep: clockwise on screen).
    fn arc_to(
        &mut self,
        (rx, ry): (f64, f64),
        rotation_deg: f64,
        large: bool,
        sweep: bool,
        to: (f64, f64),
    ) {
        self.command('a');
        let flag = |b: bool| f64::from(u8::from(b));
        for v in [rx, ry, rotation_deg, flag(large), flag(sweep)] {
            self.number(v);
        }
        self.point(to);
    }

    fn close(&mut self) {
        self.command('z');
        self.at = self.start;
    }
}

/// Text for XML, character by character (`str::replace`'s searchers cost kilobytes of wasm).
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

fn dash(d: Dash) -> &'static str {
    match d {
        Dash::Solid => "",
        Dash::Long => " stroke-dasharray=\"7 5\"",
        Dash::Dotted => " stroke-dasharray=\"2 4\"",
    }
}

fn font_attrs(font: Font) -> String {
    let weight = match font {
        Font::Small => "",
        Font::Label => " font-weight=\"600\"",
        Font::Marker => " font-weight=\"700\"",
    };
    format!("font-size=\"{}\"{weight}", n(font.size_px()))
}

/// The list as an SVG document `width_px` x `height_px`, colours resolved with `brand`, in the
/// light theme.
pub fn render(list: &DisplayList, brand: &str, size_px: (f64, f64), title: &str) -> String {
    render_in(&LIGHT, list, brand, size_px, title)
}

/// [`render`] in the colour theme `palette`: its canvas colours, on its paper (the element's
/// canvas background, `--paper`).
pub fn render_in(
    palette: &Palette,
    list: &DisplayList,
    brand: &str,
    (width_px, height_px): (f64, f64),
    title: &str,
) -> String {
    let t = list.transform;
    let r_px = |r_mm: f64| (r_mm * t.px_per_mm).max(0.0);
    let brand = &escape(brand);
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} \
         {h}\" role=\"img\"><title>{}</title><rect width=\"{w}\" height=\"{h}\" \
         fill=\"{paper}\"/><g stroke-linejoin=\"round\" stroke-linecap=\"round\">",
        escape(title),
        paper = palette.page.paper,
        w = n(width_px),
        h = n(height_px)
    );
    // The current path, as SVG path data.
    let mut path = PathData::default();
    for cmd in list.cmds() {
        match *cmd {
            Cmd::Begin => path.begin(),
            Cmd::MoveTo(p) => path.move_to(t.to_px(p)),
            Cmd::LineTo(p) => path.line_or_move(t.to_px(p)),
            Cmd::QuadTo { ctrl, to } => path.quad_to(t.to_px(ctrl), t.to_px(to)),
            Cmd::Arc {
                centre,
                radius_mm,
                start_rad,
                end_rad,
            } => {
                // As the canvas draws it: from -start to -end anticlockwise on screen (y down).
                let (cx, cy) = t.to_px(centre);
                let r = r_px(radius_mm);
                let (a0, a1) = (-start_rad, -end_rad);
                let at = |a: f64| (cx + r * a.cos(), cy + r * a.sin());
                path.line_or_move(at(a0));
                let sweep = (a0 - a1).rem_euclid(TAU);
                if (end_rad - start_rad).abs() >= TAU - 1e-9 || sweep == 0.0 && end_rad != start_rad
                {
                    path.arc_to((r, r), 0.0, false, false, at(a0 - TAU / 2.0));
                    path.arc_to((r, r), 0.0, false, false, at(a0));
                } else {
                    path.arc_to((r, r), 0.0, sweep > TAU / 2.0, false, at(a1));
                }
            }
            Cmd::Ellipse {
                centre,
                rx_mm,
                ry_mm,
                rotation_rad,
            } => {
                let (cx, cy) = t.to_px(centre);
                let (rx, ry) = (r_px(rx_mm), r_px(ry_mm));
                let rot = -rotation_rad;
                let at = |a: f64| {
                    let (x, y) = (rx * a.cos(), ry * a.sin());
                    (
                        cx + x * rot.cos() - y * rot.sin(),
                        cy + x * rot.sin() + y * rot.cos(),
                    )
                };
                path.line_or_move(at(0.0));
                // Two halves, clockwise on screen (SVG's sweep flag 1).
                path.arc_to((rx, ry), rot.to_degrees(), false, true, at(TAU / 2.0));
                path.arc_to((rx, ry), rot.to_degrees(), false, true, at(0.0));
            }
            Cmd::Close => path.close(),
            Cmd::Block {
                centre,
                up,
                half_w_mm,
                half_h_mm,
                fill,
                outline,
            } => {
                let (cx, cy) = t.to_px(centre);
                let (w, h) = (r_px(half_w_mm), r_px(half_h_mm));
                let _ = write!(
                    out,
                    "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" transform=\"matrix({} {} {} {} {} {})\" fill=\"{}\" stroke=\"{}\" stroke-width=\"1\"/>",
                    n(-w),
                    n(-h),
                    n(2.0 * w),
                    n(2.0 * h),
                    n(up.y_mm),
                    n(up.x_mm),
                    n(-up.x_mm),
                    n(up.y_mm),
                    n(cx),
                    n(cy),
                    palette.css(fill, brand),
                    palette.css(outline, brand)
                );
            }
            Cmd::Fill(colour) => {
                let alpha = colour.alpha();
                let opacity = if alpha < 1.0 {
                    format!(" fill-opacity=\"{}\"", n(alpha))
                } else {
                    String::new()
                };
                let _ = write!(
                    out,
                    "<path d=\"{}\" fill=\"{}\"{opacity}/>",
                    path.d,
                    palette.css(colour, brand)
                );
            }
            Cmd::Stroke {
                colour,
                width_px,
                dash: style,
            } => {
                let alpha = colour.alpha();
                let opacity = if alpha < 1.0 {
                    format!(" stroke-opacity=\"{}\"", n(alpha))
                } else {
                    String::new()
                };
                let _ = write!(
                    out,
                    "<path d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"{}{opacity}/>",
                    path.d,
                    palette.css(colour, brand),
                    n(width_px),
                    dash(style)
                );
            }
            Cmd::Text { .. } => {}
        }
    }
    // Text last, over everything, as the canvas draws it.
    out.push_str("</g><g font-family=\"system-ui, sans-serif\" dominant-baseline=\"middle\">");
    for (cmd, text) in list.texts() {
        let Cmd::Text {
            at,
            dx_px,
            dy_px,
            font,
            align,
            colour,
            ..
        } = *cmd
        else {
            continue;
        };
        let (x, y) = t.to_px(at);
        let anchor = match align {
            Align::Left => "start",
            Align::Centre => "middle",
            Align::Right => "end",
        };
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\" {} fill=\"{}\">{}</text>",
            n(x + dx_px),
            n(y + dy_px),
            font_attrs(font),
            palette.css(colour, brand),
            escape(text)
        );
    }
    out.push_str("</g></svg>\n");
    out
}

/// The neutral posture the element draws faintly behind every posture: its starting scenario
/// with the head level (the Widget makes it once, in `Widget::new`).
pub fn neutral_pose() -> Pose {
    Pose::of(&solve(&Scenario {
        head_tilt_deg: 0.0,
        ..Scenario::page_start()
    }))
}

/// One view of `pose` as the element draws it (over [`neutral_pose`], with `options`), as an SVG
/// document `width_px` x `height_px` with `title`, colours resolved with `brand`.
pub fn view_svg(
    view: View,
    pose: &Pose,
    options: &SceneOptions,
    brand: &str,
    (width_px, height_px): (f64, f64),
    title: &str,
) -> String {
    view_svg_in(
        &LIGHT,
        view,
        pose,
        options,
        brand,
        (width_px, height_px),
        title,
    )
}

/// [`view_svg`] in the colour theme `palette` (the element's `theme`: `sceneSvg`'s option).
pub fn view_svg_in(
    palette: &Palette,
    view: View,
    pose: &Pose,
    options: &SceneOptions,
    brand: &str,
    (width_px, height_px): (f64, f64),
    title: &str,
) -> String {
    let mut scene = Scene::new();
    scene.set_size_px(view, width_px, height_px);
    scene.build_view(view, pose, &neutral_pose(), options);
    render_in(
        palette,
        scene.list(view),
        brand,
        (width_px, height_px),
        title,
    )
}

/// What the poster's coordinates are rounded to, in px: half a pixel, invisible at the size it
/// is drawn and 30 % fewer gzipped bytes than 0.01 px (measured 2026-12-02: 3,703 -> 2,5xx B).
pub const POSTER_STEP_PX: f64 = 0.5;

/// The desktop's poster, in CSS pixels: the element's back view beside the other two (where the
/// page shows it, it is scaled to fit the view's box, the same drawing the wasm then makes there).
pub const POSTER_PX: (f64, f64) = (360.0, 480.0);

/// The phone's poster, in CSS pixels. Under 560 px the back view is 328 px tall inside its border
/// (`template.js`: `clamp(200px, 100svh - 250px, 330px)`, on every phone at least 580 px tall)
/// and as wide as the phone allows; the drawing is then fitted to the height and centred, so a
/// poster this wide, centred in the view unscaled, is the drawing the wasm makes there, label for
/// label. 300 px is the narrowest width that keeps the labels' wide layout (below it the tilts go
/// on lines of their own; `the_phone_poster_is_the_wide_phone_drawing_centred` checks it), the
/// view on a 360 px phone being 312 px wide; a 320 px phone's 272 px view shows it scaled to 91 %.
pub const PHONE_POSTER_PX: (f64, f64) = (300.0, 328.0);

/// The poster: the element's starting posture (`Scenario::page_start`, settled) in the back view,
/// `width_px` x `height_px`, with the default brand, its numbers to [`POSTER_STEP_PX`]. The page
/// inlines it in the element's light DOM (`cargo xtask build`), where it shows at once, before
/// any script, and until the wasm has drawn; and when scripts are off or the wasm fails.
///
/// ```
/// let svg = posture_chain::svg::poster(360.0, 480.0);
/// assert!(svg.starts_with("<svg") && svg.contains("<path") && svg.contains("<text"));
/// ```
pub fn poster(width_px: f64, height_px: f64) -> String {
    let pose = Pose::of(&solve(&Scenario::page_start()));
    let was = STEP.with(|s| s.replace(POSTER_STEP_PX));
    let svg = view_svg(
        View::Back,
        &pose,
        &SceneOptions::default(),
        crate::scene::DEFAULT_BRAND_CSS,
        (width_px, height_px),
        "The back view of the posture-chain illustration: a head tilted 5° to the right and the \
         neck, shoulders, spine and pelvis adjusting below it",
    );
    STEP.with(|s| s.set(was));
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short_and_plain() {
        for (v, text) in [
            (0.0, "0"),
            (-0.001, "0"),
            (12.0, "12"),
            (12.5, "12.5"),
            (-3.456, "-3.46"),
            (0.005, "0.01"),
            (1234.567, "1234.57"),
            (f64::NAN, "0"),
        ] {
            assert_eq!(n(v), text, "{v}");
        }
    }

    /// The texts of an SVG with their positions, each x moved by `dx`.
    fn texts(svg: &str, dx: f64) -> Vec<(f64, String, String)> {
        svg.split("<text x=\"")
            .skip(1)
            .map(|t| {
                let (x, rest) = t.split_once('"').unwrap();
                let (attrs, text) = rest.split_once('>').unwrap();
                let text = text.split('<').next().unwrap();
                let anchor_and_y = attrs.split(" font").next().unwrap().to_string();
                (
                    x.parse::<f64>().unwrap() + dx,
                    anchor_and_y,
                    text.to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn the_phone_poster_is_the_wide_phone_drawing_centred() {
        let (w, h) = PHONE_POSTER_PX;
        let phone = poster(w, h);
        // A 430 px phone's back view, and a 360 px one's: the same labels, moved by half the
        // difference in width (the drawing is centred), with their values on the same lines.
        for wide in [382.0, 312.0] {
            let dx = (wide - w) / 2.0;
            assert_eq!(
                texts(&phone, dx),
                texts(&poster(wide, h), 0.0),
                "at {wide} px"
            );
        }
        // Three pixels narrower, the layout changes: 300 px is about where it starts.
        assert_ne!(
            texts(&poster(w - 3.0, h), 0.0)
                .iter()
                .map(|t| &t.1)
                .collect::<Vec<_>>(),
            texts(&phone, 0.0).iter().map(|t| &t.1).collect::<Vec<_>>(),
            "a narrower poster keeps the wide layout: PHONE_POSTER_PX can be narrower"
        );
    }

    #[test]
    fn the_poster_draws_to_half_pixels_and_leaves_the_saved_pictures_as_they_were() {
        let svg = poster(360.0, 480.0);
        let mut numbers = 0;
        for d in svg.split(" d=\"").skip(1) {
            for v in path_numbers(&d[..d.find('"').unwrap()]) {
                numbers += 1;
                // Relative steps between points on the half-pixel grid are on it themselves;
                // radii and rotations under 1 keep their hundredths.
                if v.abs() >= 1.0 {
                    assert_eq!((v * 2.0).fract(), 0.0, "{v} in the poster");
                }
            }
        }
        assert!(numbers > 500, "{numbers} numbers");
        // Opacities and the blocks' rotations keep their hundredths; so does everything else after.
        assert!(svg.contains("matrix(1 -0.0"), "the blocks still turn");
        assert_eq!(n(12.345), "12.35");
        assert_eq!(n(0.35), "0.35");
    }

    #[test]
    fn every_fill_stroke_block_and_label_becomes_one_element() {
        let scenario = Scenario::page_start();
        let pose = Pose::of(&solve(&scenario));
        let mut scene = Scene::new();
        scene.set_size_px(View::Back, 360.0, 480.0);
        scene.build_view(View::Back, &pose, &pose, &SceneOptions::default());
        let list = scene.list(View::Back);
        let count = |f: fn(&Cmd) -> bool| list.cmds().iter().filter(|c| f(c)).count();
        let svg = render(list, "#1d5f8a", (360.0, 480.0), "a <title> & more");
        let paths = count(|c| matches!(c, Cmd::Fill(_) | Cmd::Stroke { .. }));
        assert_eq!(svg.matches("<path ").count(), paths);
        assert_eq!(
            svg.matches("<rect ").count(),
            1 + count(|c| matches!(c, Cmd::Block { .. }))
        );
        assert_eq!(svg.matches("<text ").count(), list.texts().count());
        assert!(svg.contains("<title>a &lt;title&gt; &amp; more</title>"));
        assert!(!svg.contains("NaN") && !svg.contains("inf"));
    }

    #[test]
    fn a_theme_draws_in_its_own_colours_on_its_paper() {
        use crate::scene::{DARK, PROJECTOR};
        let pose = Pose::of(&solve(&Scenario::page_start()));
        let o = SceneOptions::default();
        let light = view_svg(View::Back, &pose, &o, "#123456", (360.0, 480.0), "");
        assert!(light.contains(&format!("fill=\"{}\"", LIGHT.page.paper)));
        for p in [&DARK, &PROJECTOR] {
            let svg = view_svg_in(p, View::Back, &pose, &o, "#123456", (360.0, 480.0), "");
            assert!(
                svg.contains(&format!(
                    "<rect width=\"360\" height=\"480\" fill=\"{}\"/>",
                    p.page.paper
                )),
                "{}",
                p.key
            );
            assert!(svg.contains(p.ink) && svg.contains(p.bone), "{}", p.key);
            assert!(
                !svg.contains(LIGHT.ink) && !svg.contains(LIGHT.bone),
                "{}",
                p.key
            );
            assert_eq!(
                svg.matches("<path ").count(),
                light.matches("<path ").count()
            );
            assert_eq!(
                svg.matches("<text ").count(),
                light.matches("<text ").count()
            );
        }
    }

    #[test]
    fn arcs_go_the_way_the_canvas_draws_them() {
        // A half circle from 0 to pi, counter-clockwise in view space: over the top on screen.
        let mut list = DisplayList::new();
        list.push(Cmd::Begin);
        list.push(Cmd::Arc {
            centre: crate::scene::P2::new(0.0, 0.0),
            radius_mm: 10.0,
            start_rad: 0.0,
            end_rad: std::f64::consts::PI,
        });
        list.push(Cmd::Fill(crate::scene::Colour::Brand));
        let svg = render(&list, "#000", (100.0, 100.0), "");
        assert!(svg.contains("d=\"m10 0a10 10 0 0 0-20 0\""), "{svg}");
    }

    /// The numbers of SVG path data, read as a browser reads them (`-.5.5` is -0.5 and 0.5).
    fn path_numbers(d: &str) -> Vec<f64> {
        let mut out = Vec::new();
        let mut token = String::new();
        let mut flush = |token: &mut String| {
            if !token.is_empty() {
                out.push(token.parse::<f64>().unwrap());
                token.clear();
            }
        };
        for c in d.chars() {
            if c == '-' || (c == '.' && token.contains('.')) || !(c.is_ascii_digit() || c == '.') {
                flush(&mut token);
            }
            if c == '-' || c == '.' || c.is_ascii_digit() {
                token.push(c);
            }
        }
        flush(&mut token);
        out
    }

    #[test]
    fn path_data_is_relative_snapped_and_short() {
        assert_eq!(
            path_numbers("m10 20l-.5.5q1-1 3.25-1"),
            [10.0, 20.0, -0.5, 0.5, 1.0, -1.0, 3.25, -1.0]
        );
        let mut path = PathData::default();
        path.move_to((10.004, 20.0));
        path.line_or_move((9.5, 20.5));
        path.line_or_move((9.0, 21.0));
        path.quad_to((10.0, 20.0), (12.25, 20.0));
        path.close();
        path.line_or_move((11.0, 20.0));
        // From (10, 20): -0.5 and 0.5 need no separator after a number with a point.
        assert_eq!(path.d, "m10 20l-.5.5l-.5.5q1-1 3.25-1zl1 0");
        // Snapped before the difference: a thousand steps of 0.004 px end where they began.
        let mut path = PathData::default();
        path.move_to((1.0, 1.0));
        for i in 1..=1000 {
            path.line_or_move((1.0 + 0.004 * f64::from(i), 1.0));
        }
        let moved: f64 = path
            .d
            .split('l')
            .skip(1)
            .map(|s| s.split(' ').next().unwrap().parse::<f64>().unwrap())
            .sum();
        assert!((moved - 4.0).abs() < 1e-9, "{moved}");
    }
}
