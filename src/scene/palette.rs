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

/// Default brand colour when the host page gives none (a calm blue, 7:1 on white).
pub const DEFAULT_BRAND_CSS: &str = "#1d5f8a";

impl Colour {
    /// The load-scale colour for a compression ratio (1 = neutral standing).
    pub fn for_load(load: f64) -> Colour {
        Colour::Load(load_step(load))
    }

    /// The CSS colour; `brand` is the host page's colour.
    pub fn css(self, brand: &str) -> &str {
        css(self, brand)
    }

    /// The opacity to paint with (the brand wash is the brand colour, faint).
    pub fn alpha(self) -> f64 {
        match self {
            Colour::BrandWash => 0.13,
            _ => 1.0,
        }
    }
}

fn css(colour: Colour, brand: &str) -> &str {
    match colour {
        Colour::Ink => "#1f2328",
        Colour::Muted => "#555d66",
        Colour::Ghost => "#6b747d",
        Colour::Bone => "#ece8df",
        Colour::Rib => "#7a6f60",
        Colour::Skin => "#f3e2d4",
        Colour::SkinLine => "#8c6a55",
        Colour::Guide => "#0b6e4f",
        Colour::Brand => brand,
        Colour::BrandWash => brand,
        Colour::Alert => "#a3261b",
        Colour::Load(step) => LOAD_CSS[(step as usize).min(LOAD_CSS.len() - 1)],
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
    fn brand_passes_through() {
        assert_eq!(Colour::Brand.css("#123456"), "#123456");
        assert_eq!(Colour::Load(200).css("x"), LOAD_CSS[5]);
        assert_eq!(Colour::for_load(1.3), Colour::Load(2));
    }
}
