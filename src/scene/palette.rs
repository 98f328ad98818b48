//! Colours as CSS strings, and the load scale (ColorBrewer YlOrRd: sequential, colour-blind safe):
//! a joint's compression relative to the same body's neutral standing (`compression_ratio`).

use super::list::Colour;

/// How many steps the load scale has.
pub const LOAD_STEPS: u8 = 6;

/// The load scale, light to dark, one CSS colour per step.
pub const LOAD_CSS: [&str; LOAD_STEPS as usize] = [
    "#ffffb2", "#fed976", "#feb24c", "#fd8d3c", "#e8491d", "#b10026",
];

/// The upper bound of each step as a compression ratio (1 = neutral standing); the last step is
/// open-ended. Neutral standing and anything below it take the first step.
pub const LOAD_STEP_UPPER: [f64; LOAD_STEPS as usize] = [1.1, 1.25, 1.5, 2.0, 3.0, f64::INFINITY];

/// The scale step for a compression ratio. Negative or non-finite ratios are step 0.
pub fn load_step(load: f64) -> u8 {
    if load.is_nan() || load <= 0.0 {
        return 0;
    }
    LOAD_STEP_UPPER
        .iter()
        .position(|&upper| load < upper)
        .unwrap_or(LOAD_STEPS as usize - 1) as u8
}

/// One colour theme: what the canvas draws each [`Colour`] in, and the controls' colours around
/// it. The element's `theme` attribute names one (`auto` follows the reader's colour scheme
/// between [`LIGHT`] and [`DARK`]); `cargo xtask codegen` writes them for the page (the light
/// theme's controls into `www/generated.js`, the other themes into `www/generated-themes.js`,
/// which the page loads only when a theme other than light is asked for).
pub struct Palette {
    /// The theme's name, as the `theme` attribute gives it.
    pub key: &'static str,
    /// The canvas's colours, one per [`Colour`] but the brand's and the load scale's.
    pub ink: &'static str,
    pub muted: &'static str,
    pub ghost: &'static str,
    pub bone: &'static str,
    pub rib: &'static str,
    pub skin: &'static str,
    pub skin_line: &'static str,
    pub guide: &'static str,
    pub alert: &'static str,
    /// The brand colour when the host page gives none.
    pub brand: &'static str,
    /// The controls' colours (CSS custom properties of the element).
    pub page: PageColours,
    /// Strokes and labels are drawn this many times thicker and larger: the page hands the scene
    /// a canvas this many times smaller in CSS pixels, drawn at as many more device pixels each
    /// (the figure keeps its size; the layout stays the one the scene's tests check).
    pub scale: f64,
    /// The contrast every text colour reaches on its background (WCAG: 4.5 is AA, 7 AAA);
    /// `tests/native/contrast.rs` checks it.
    pub text_contrast: f64,
}

/// The controls' colours, by the CSS custom property the element's styles read (`--paper`, …).
pub struct PageColours {
    /// The canvases' background (the canvas itself draws no background).
    pub paper: &'static str,
    /// The element's own background, and the buttons'.
    pub surface: &'static str,
    /// Text (a host page may override it with `--posture-chain-ink`).
    pub ink: &'static str,
    /// Secondary text.
    pub muted: &'static str,
    /// Borders and rules.
    pub line: &'static str,
    /// The weight bars' empty track.
    pub track: &'static str,
    /// Measures outside their usual range, and warnings.
    pub alert: &'static str,
}

/// Today's look, the default: dark ink on off-white paper.
pub const LIGHT: Palette = Palette {
    key: "light",
    ink: "#1f2328",
    muted: "#555d66",
    ghost: "#6b747d",
    bone: "#ece8df",
    rib: "#7a6f60",
    skin: "#f3e2d4",
    skin_line: "#8c6a55",
    guide: "#0b6e4f",
    alert: "#a3261b",
    brand: "#1d5f8a",
    page: PageColours {
        paper: "#fcfcfa",
        surface: "#ffffff",
        ink: "#1f2328",
        muted: "#4f5761",
        line: "#d5d2ca",
        track: "#eceae4",
        alert: "#a3261b",
    },
    scale: 1.0,
    text_contrast: 4.5,
};

/// For dark pages: light ink on a dark slate, the fills dimmed, the accents lightened.
pub const DARK: Palette = Palette {
    key: "dark",
    ink: "#e8eaed",
    muted: "#b3bbc4",
    ghost: "#959ea8",
    bone: "#3b3833",
    rib: "#a99d8b",
    skin: "#3a2e28",
    skin_line: "#c9a088",
    guide: "#5ad2a4",
    alert: "#ff9185",
    brand: "#6cb6e6",
    page: PageColours {
        paper: "#1c2026",
        surface: "#14171b",
        ink: "#e8eaed",
        muted: "#aab2bb",
        line: "#454c55",
        track: "#2c3138",
        alert: "#ff9185",
    },
    scale: 1.0,
    text_contrast: 4.5,
};

/// For a projector in a lit room: black on white, every line darker, strokes and labels larger.
pub const PROJECTOR: Palette = Palette {
    key: "projector",
    ink: "#000000",
    muted: "#2c3034",
    ghost: "#50575e",
    bone: "#e6e1d6",
    rib: "#4c4234",
    skin: "#f1ddcc",
    skin_line: "#5b3d2a",
    guide: "#00573a",
    alert: "#8c1005",
    brand: "#04305a",
    page: PageColours {
        paper: "#ffffff",
        surface: "#ffffff",
        ink: "#000000",
        muted: "#31363b",
        line: "#5c626a",
        track: "#cfcfcf",
        alert: "#8c1005",
    },
    scale: 1.3,
    text_contrast: 7.0,
};

/// Every theme, the default first.
pub const THEMES: [&Palette; 3] = [&LIGHT, &DARK, &PROJECTOR];

/// Default brand colour when the host page gives none (a calm blue, 7:1 on white).
pub const DEFAULT_BRAND_CSS: &str = LIGHT.brand;

impl Palette {
    /// The CSS colour of `colour` in this theme; `brand` is the host page's colour. (Inlined: the
    /// page's wasm reads only the light theme, and keeps only its strings.)
    #[inline(always)]
    pub fn css<'a>(&'a self, colour: Colour, brand: &'a str) -> &'a str {
        match colour {
            Colour::Ink => self.ink,
            Colour::Muted => self.muted,
            Colour::Ghost => self.ghost,
            Colour::Bone => self.bone,
            Colour::Rib => self.rib,
            Colour::Skin => self.skin,
            Colour::SkinLine => self.skin_line,
            Colour::Guide => self.guide,
            Colour::Brand => brand,
            Colour::BrandWash => brand,
            Colour::Alert => self.alert,
            Colour::Load(step) => LOAD_CSS[(step as usize).min(LOAD_CSS.len() - 1)],
        }
    }

    /// The controls' colours as CSS declarations of the element's custom properties (the host
    /// page's `--posture-chain-ink` and `--posture-chain-brand` still win).
    pub fn page_css(&self) -> String {
        let p = &self.page;
        format!(
            "--ink:var(--posture-chain-ink,{});--brand:var(--posture-chain-brand,{});\
             --muted:{};--line:{};--paper:{};--surface:{};--track:{};--alert:{};",
            p.ink, self.brand, p.muted, p.line, p.paper, p.surface, p.track, p.alert
        )
    }
}

/// How many colour slots the canvas backend names: every [`Colour`], the load scale's steps last.
pub const SLOT_COUNT: usize = 11 + LOAD_STEPS as usize;

impl Colour {
    /// The load-scale colour for a compression ratio (1 = neutral standing).
    pub fn for_load(load: f64) -> Colour {
        Colour::Load(load_step(load))
    }

    /// The CSS colour in the light theme; `brand` is the host page's colour.
    pub fn css(self, brand: &str) -> &str {
        LIGHT.css(self, brand)
    }

    /// The opacity to paint with (the brand wash is the brand colour, faint).
    pub fn alpha(self) -> f64 {
        match self {
            Colour::BrandWash => 0.13,
            _ => 1.0,
        }
    }

    /// Every colour in slot order (the order the canvas backend and the page's themes name them).
    pub fn slots() -> impl Iterator<Item = Colour> {
        [
            Colour::Ink,
            Colour::Muted,
            Colour::Ghost,
            Colour::Bone,
            Colour::Rib,
            Colour::Skin,
            Colour::SkinLine,
            Colour::Guide,
            Colour::Brand,
            Colour::BrandWash,
            Colour::Alert,
        ]
        .into_iter()
        .chain((0..LOAD_STEPS).map(Colour::Load))
    }

    /// The colour's slot: its place in [`Colour::slots`].
    pub fn slot(self) -> u32 {
        match self {
            Colour::Ink => 0,
            Colour::Muted => 1,
            Colour::Ghost => 2,
            Colour::Bone => 3,
            Colour::Rib => 4,
            Colour::Skin => 5,
            Colour::SkinLine => 6,
            Colour::Guide => 7,
            Colour::Brand => 8,
            Colour::BrandWash => 9,
            Colour::Alert => 10,
            Colour::Load(step) => 11 + u32::from(step),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn load_steps_cover_the_range() {
        assert_eq!(load_step(f64::NAN), 0);
        assert_eq!(load_step(-1.0), 0);
        assert_eq!(load_step(0.0), 0);
        assert_eq!(load_step(1.0), 0, "neutral standing");
        assert_eq!(load_step(1.09), 0);
        assert_eq!(load_step(1.1), 1);
        assert_eq!(load_step(2.99), 4);
        assert_eq!(load_step(3.0), 5);
        assert_eq!(load_step(7.0), 5);
    }

    #[test]
    fn slots_run_in_order() {
        let slots: Vec<u32> = Colour::slots().map(Colour::slot).collect();
        assert_eq!(slots, (0..SLOT_COUNT as u32).collect::<Vec<_>>());
    }

    #[test]
    fn themes_have_their_names_and_the_brand_stays_the_hosts() {
        let keys: Vec<&str> = THEMES.iter().map(|t| t.key).collect();
        assert_eq!(keys, ["light", "dark", "projector"]);
        for theme in THEMES {
            assert_eq!(theme.css(Colour::Brand, "#123456"), "#123456");
            assert!(theme.page_css().contains(theme.page.paper));
        }
    }

    #[test]
    fn brand_passes_through() {
        assert_eq!(Colour::Brand.css("#123456"), "#123456");
        assert_eq!(Colour::Load(200).css("x"), LOAD_CSS[5]);
        assert_eq!(Colour::for_load(1.3), Colour::Load(2));
    }
}
