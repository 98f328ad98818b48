//! The scenario's numeric inputs as one table: each [`Input`] knows its JS key, its attribute name
//! on the `<posture-chain>` element (if it has one), its unit, range, default, slider step, and
//! (in [`Input::get`] and [`Input::set`]) its place in a [`Scenario`]. The lenient parser, the validation of scenarios built in
//! Rust, the widget's setter, the element's attributes and sliders (through the generated JS) and
//! the model card's input table all read it.
//!
//! ```
//! use posture_chain::{Input, Scenario};
//! let tilt = Input::HeadTilt;
//! assert_eq!((tilt.key(), tilt.attribute()), ("headTiltDeg", Some("head-tilt")));
//! assert_eq!((tilt.min(), tilt.max(), tilt.default_value()), (-20.0, 20.0, 0.0));
//! assert_eq!(tilt.clamped(45.0, 0.0), 20.0);
//! assert_eq!(tilt.clamped(f64::NAN, 3.0), 3.0);
//! assert_eq!(tilt.get(&Scenario::page_start()), 5.0);
//! ```

use super::measure::Unit;
use super::scenario::Scenario;
use super::strategy::Strategy;

/// Everything an input is, apart from its value.
struct Spec {
    key: &'static str,
    snake: &'static str,
    attribute: Option<&'static str>,
    unit: Unit,
    min: f64,
    max: f64,
    /// The step of the element's slider, in the input's unit.
    step: f64,
    /// The element's slider shows the value times this (a gain 0..1 as 0..100 %).
    slider_scale: f64,
    /// Words the element's attribute accepts for a value.
    words: &'static [(&'static str, f64)],
}

/// One numeric input of a [`Scenario`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Input {
    HeadTilt,
    HeadRotation,
    ForwardHead,
    LegLengthDiff,
    Compensation,
    Stature,
    Mass,
    CouplingCervical,
    CouplingThoracic,
    CouplingLumbar,
    /// The righting strategy ([`Strategy`]), a choice given by its index or its name.
    Strategy,
    /// Under the chain strategy, how far the one-sided postural tone spreads down, 0..=1.
    ToneSpread,
}

/// How many numeric inputs there are.
pub const INPUT_COUNT: usize = 12;

/// The strategies' names as the words of the `strategy` input, each standing for its index.
const STRATEGY_WORDS: &[(&str, f64)] = &[
    (Strategy::Neck.name(), Strategy::Neck.index() as f64),
    (Strategy::Spine.name(), Strategy::Spine.index() as f64),
    (Strategy::Chain.name(), Strategy::Chain.index() as f64),
];

const NO_WORDS: &[(&str, f64)] = &[];

/// In the order of [`Input::ALL`].
const SPECS: [Spec; INPUT_COUNT] = [
    Spec {
        key: "headTiltDeg",
        snake: "head_tilt_deg",
        attribute: Some("head-tilt"),
        unit: Unit::Degrees,
        min: -20.0,
        max: 20.0,
        step: 0.5,
        slider_scale: 1.0,
        words: NO_WORDS,
    },
    Spec {
        key: "headRotationDeg",
        snake: "head_rotation_deg",
        attribute: None,
        unit: Unit::Degrees,
        min: -30.0,
        max: 30.0,
        step: 1.0,
        slider_scale: 1.0,
        words: NO_WORDS,
    },
    Spec {
        key: "forwardHeadDeg",
        snake: "forward_head_deg",
        attribute: Some("forward-head"),
        unit: Unit::Degrees,
        min: 0.0,
        max: 60.0,
        step: 1.0,
        slider_scale: 1.0,
        words: NO_WORDS,
    },
    Spec {
        key: "anatomicLegLengthDiffMm",
        snake: "anatomic_leg_length_diff_mm",
        attribute: Some("leg-length"),
        unit: Unit::Millimetres,
        min: -30.0,
        max: 30.0,
        step: 1.0,
        slider_scale: 1.0,
        words: NO_WORDS,
    },
    Spec {
        key: "compensation",
        snake: "compensation",
        attribute: Some("compensation"),
        unit: Unit::Fraction,
        min: 0.0,
        max: 1.0,
        step: 0.05,
        slider_scale: 100.0,
        words: &[("none", 0.0), ("partial", 0.5), ("full", 1.0)],
    },
    Spec {
        key: "statureCm",
        snake: "stature_cm",
        attribute: None,
        unit: Unit::Centimetres,
        min: 120.0,
        max: 220.0,
        step: 1.0,
        slider_scale: 1.0,
        words: NO_WORDS,
    },
    Spec {
        key: "massKg",
        snake: "mass_kg",
        attribute: None,
        unit: Unit::Kilograms,
        min: 30.0,
        max: 200.0,
        step: 1.0,
        slider_scale: 1.0,
        words: NO_WORDS,
    },
    Spec {
        key: "coupling.cervical",
        snake: "coupling.cervical",
        attribute: None,
        unit: Unit::Fraction,
        min: -1.0,
        max: 1.0,
        step: 0.05,
        slider_scale: 1.0,
        words: NO_WORDS,
    },
    Spec {
        key: "coupling.thoracic",
        snake: "coupling.thoracic",
        attribute: None,
        unit: Unit::Fraction,
        min: -1.0,
        max: 1.0,
        step: 0.05,
        slider_scale: 1.0,
        words: NO_WORDS,
    },
    Spec {
        key: "coupling.lumbar",
        snake: "coupling.lumbar",
        attribute: None,
        unit: Unit::Fraction,
        min: -1.0,
        max: 1.0,
        step: 0.05,
        slider_scale: 1.0,
        words: NO_WORDS,
    },
    Spec {
        key: "strategy",
        snake: "strategy",
        attribute: Some("strategy"),
        unit: Unit::Choice,
        min: 0.0,
        max: (Strategy::COUNT - 1) as f64,
        step: 1.0,
        slider_scale: 1.0,
        words: STRATEGY_WORDS,
    },
    Spec {
        key: "toneSpread",
        snake: "tone_spread",
        attribute: Some("tone-spread"),
        unit: Unit::Fraction,
        min: 0.0,
        max: 1.0,
        step: 0.05,
        slider_scale: 100.0,
        words: NO_WORDS,
    },
];

/// The bounds [`Input::clamped`] reads, and whether the input is a choice (a whole number), as a
/// table of its own: the wasm clamps at run time, and indexing `SPECS` there would keep its
/// strings in the wasm too.
const BOUNDS: [(f64, f64, bool); INPUT_COUNT] = {
    let mut out = [(0.0, 0.0, false); INPUT_COUNT];
    let mut i = 0;
    while i < INPUT_COUNT {
        let choice = matches!(SPECS[i].unit, Unit::Choice);
        out[i] = (SPECS[i].min, SPECS[i].max, choice);
        i += 1;
    }
    out
};

/// The JS keys, as a table of their own for the same reason: the validation that every solve
/// runs names an input by its key, and only the keys need be in the wasm.
const KEYS: [&str; INPUT_COUNT] = {
    let mut out = [""; INPUT_COUNT];
    let mut i = 0;
    while i < INPUT_COUNT {
        out[i] = SPECS[i].key;
        i += 1;
    }
    out
};

impl Input {
    /// Every numeric input, in the order of [`Scenario`]'s fields.
    pub const ALL: [Input; INPUT_COUNT] = [
        Input::HeadTilt,
        Input::HeadRotation,
        Input::ForwardHead,
        Input::LegLengthDiff,
        Input::Compensation,
        Input::Stature,
        Input::Mass,
        Input::CouplingCervical,
        Input::CouplingThoracic,
        Input::CouplingLumbar,
        Input::Strategy,
        Input::ToneSpread,
    ];

    /// Position in [`Input::ALL`] (the index the widget's `setInput` takes).
    pub const fn index(self) -> usize {
        self as usize
    }

    /// The input with this index, if any.
    pub fn from_index(i: usize) -> Option<Input> {
        Input::ALL.get(i).copied()
    }

    const fn spec(self) -> &'static Spec {
        &SPECS[self as usize]
    }

    /// The name at the JS edge, such as `"headTiltDeg"` or `"coupling.lumbar"`.
    pub const fn key(self) -> &'static str {
        KEYS[self as usize]
    }

    /// The snake_case name, which the lenient parser accepts too.
    pub const fn snake_key(self) -> &'static str {
        self.spec().snake
    }

    /// The `<posture-chain>` attribute that sets it, if the element has one (and a slider).
    pub const fn attribute(self) -> Option<&'static str> {
        self.spec().attribute
    }

    pub const fn unit(self) -> Unit {
        self.spec().unit
    }

    pub const fn min(self) -> f64 {
        BOUNDS[self as usize].0
    }

    pub const fn max(self) -> f64 {
        BOUNDS[self as usize].1
    }

    /// The step of the element's slider, in the input's unit.
    pub const fn step(self) -> f64 {
        self.spec().step
    }

    /// The element's slider shows the value times this.
    pub const fn slider_scale(self) -> f64 {
        self.spec().slider_scale
    }

    /// Words the element's attribute accepts, with the value each stands for.
    pub const fn words(self) -> &'static [(&'static str, f64)] {
        self.spec().words
    }

    /// The value in `Scenario::default()`, the neutral stance.
    pub fn default_value(self) -> f64 {
        self.get(&Scenario::default())
    }

    /// The input's value in a scenario (a strategy as its index).
    pub fn get(self, s: &Scenario) -> f64 {
        let mut copy = *s;
        self.number_mut(&mut copy)
            .map_or(s.strategy.index() as f64, |v| *v)
    }

    /// Writes the input's value into a scenario (a strategy: the nearest, see
    /// [`Strategy::from_value`]).
    pub fn set(self, s: &mut Scenario, v: f64) {
        match self.number_mut(s) {
            Some(field) => *field = v,
            None => s.strategy = Strategy::from_value(v),
        }
    }

    /// The input's place in a scenario when it is a number there; `None` for the strategy, which
    /// the scenario keeps as a [`Strategy`].
    fn number_mut(self, s: &mut Scenario) -> Option<&mut f64> {
        Some(match self {
            Input::HeadTilt => &mut s.head_tilt_deg,
            Input::HeadRotation => &mut s.head_rotation_deg,
            Input::ForwardHead => &mut s.forward_head_deg,
            Input::LegLengthDiff => &mut s.anatomic_leg_length_diff_mm,
            Input::Compensation => &mut s.compensation,
            Input::Stature => &mut s.stature_cm,
            Input::Mass => &mut s.mass_kg,
            Input::CouplingCervical => &mut s.coupling.cervical,
            Input::CouplingThoracic => &mut s.coupling.thoracic,
            Input::CouplingLumbar => &mut s.coupling.lumbar,
            Input::ToneSpread => &mut s.tone_spread,
            Input::Strategy => return None,
        })
    }

    /// True when the input is a choice: its values are whole numbers, each naming one option.
    pub const fn is_choice(self) -> bool {
        BOUNDS[self as usize].2
    }

    /// `v` brought into range: the nearest bound when outside, `fallback` when not finite, and
    /// for a choice the nearest whole number (1.4 is 1).
    pub fn clamped(self, v: f64, fallback: f64) -> f64 {
        // Not `f64::clamp`: its bounds check would bring float formatting into the wasm.
        let v = if !v.is_finite() {
            fallback
        } else if v < self.min() {
            self.min()
        } else if v > self.max() {
            self.max()
        } else {
            v
        };
        if self.is_choice() {
            // Not `f64::round`: on wasm32 that is a libm call; `floor` is one instruction.
            (v + 0.5).floor()
        } else {
            v
        }
    }

    /// The input whose JS key or snake_case key is `key` once `prefix` is taken off, if any.
    pub fn find(key: &str, prefix: &str) -> Option<Input> {
        Input::ALL.into_iter().find(|i| {
            let full = |n: &str| n.strip_prefix(prefix).is_some_and(|rest| rest == key);
            full(i.key()) || full(i.snake_key())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_is_in_index_order_and_reads_back_what_it_writes() {
        let mut s = Scenario::default();
        for (k, input) in Input::ALL.iter().enumerate() {
            assert_eq!(input.index(), k);
            assert_eq!(Input::from_index(k), Some(*input));
            let v = input.min() + (input.max() - input.min()) * (k as f64 + 1.0) / 13.0;
            let v = input.clamped(v, 0.0);
            input.set(&mut s, v);
            assert_eq!(input.get(&s), v, "{}", input.key());
        }
        // Each wrote its own field: reading them all again gives what each wrote.
        for (k, input) in Input::ALL.iter().enumerate() {
            let v = input.min() + (input.max() - input.min()) * (k as f64 + 1.0) / 13.0;
            let v = input.clamped(v, 0.0);
            assert_eq!(input.get(&s), v, "{}", input.key());
        }
    }

    #[test]
    fn ranges_contain_their_defaults_and_the_page_start() {
        for i in Input::ALL {
            for v in [i.default_value(), i.get(&Scenario::page_start())] {
                assert!(i.min() <= v && v <= i.max(), "{}", i.key());
            }
            assert!(i.step() > 0.0 && i.slider_scale() > 0.0);
            for (_, v) in i.words() {
                assert!(i.min() <= *v && *v <= i.max());
            }
        }
    }

    #[test]
    fn a_choice_takes_whole_numbers_only() {
        let s = Input::Strategy;
        assert!(s.is_choice() && !Input::ToneSpread.is_choice());
        assert_eq!(s.clamped(1.4, 0.0), 1.0);
        assert_eq!(s.clamped(1.6, 0.0), 2.0);
        assert_eq!(s.clamped(9.0, 0.0), 2.0);
        assert_eq!(s.clamped(f64::NAN, 1.0), 1.0);
        assert_eq!(s.default_value(), 1.0);
        let mut sc = Scenario::default();
        s.set(&mut sc, 2.0);
        assert_eq!(sc.strategy, Strategy::Chain);
        assert_eq!(s.get(&sc), 2.0);
        let words: Vec<&str> = s.words().iter().map(|(w, _)| *w).collect();
        assert_eq!(words, ["neck", "spine", "chain"]);
    }

    #[test]
    fn attributes_are_kebab_case_and_unique() {
        let attrs: Vec<&str> = Input::ALL.iter().filter_map(|i| i.attribute()).collect();
        assert_eq!(attrs.len(), 6);
        for a in &attrs {
            assert!(a.chars().all(|c| c.is_ascii_lowercase() || c == '-'), "{a}");
            assert_eq!(attrs.iter().filter(|b| b == &a).count(), 1);
        }
    }
}
