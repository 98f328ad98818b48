//! The clinical read-outs as one type: each [`Measure`] knows its JS key, its unit, how many
//! decimals it is shown with, the cascade step it belongs to, its usual range with the source, and
//! how to read its value from a posture's [`Measures`]. Every table of read-outs (the widget's,
//! the generated JS, the model card) iterates over [`Measure::ALL`]; the order is defined here.
//!
//! A usual range is given only where a cited work gives one, or where one is derived from cited
//! figures in a stated way; every other read-out has [`Bound::NoAgreedRange`] and is never marked
//! as outside anything. Units are those of the read-out, named by [`Measure::unit`].
//!
//! ```
//! use posture_chain::{Bound, Measure, Measures};
//! let sva = Measure::SagittalVerticalAxis;
//! assert_eq!(sva.key(), "sagittalVerticalAxisMm");
//! assert_eq!(sva.usual().bound, Bound::Below(40.0));
//! assert!(sva.usual().bound.contains(23.0) && !sva.usual().bound.contains(55.0));
//! let m = Measures { sagittal_vertical_axis_mm: 12.0, ..Measures::default() };
//! assert_eq!(sva.of(&m), 12.0);
//! assert_eq!(Measure::from_key("headLoadKg"), Some(Measure::HeadLoad));
//! ```

use super::posture::Measures;
use super::step::CascadeStep;

/// The unit a read-out or an input is given in at the public edge.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Degrees,
    Millimetres,
    Centimetres,
    Kilograms,
    /// Percent, 0..=100.
    Percent,
    /// A plain number, such as a gain 0..=1.
    Fraction,
    /// One of a few named choices, given by its index (0, 1, 2 …) or its word.
    Choice,
}

impl Unit {
    /// The unit's name at the JS edge (and the suffix of the field names that carry it).
    pub const fn key(self) -> &'static str {
        match self {
            Unit::Degrees => "deg",
            Unit::Millimetres => "mm",
            Unit::Centimetres => "cm",
            Unit::Kilograms => "kg",
            Unit::Percent => "pct",
            Unit::Fraction | Unit::Choice => "",
        }
    }

    /// How the unit is written after a number in English text: `"°"`, `" mm"`, `"%"`.
    pub const fn symbol(self) -> &'static str {
        match self {
            Unit::Degrees => "°",
            Unit::Millimetres => " mm",
            Unit::Centimetres => " cm",
            Unit::Kilograms => " kg",
            Unit::Percent => "%",
            Unit::Fraction | Unit::Choice => "",
        }
    }
}

/// What counts as usual for one read-out.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Bound {
    /// No cited work gives a range for this read-out: it is shown, never judged.
    NoAgreedRange,
    /// Usual when the size of the value, either side, is at most this.
    Within(f64),
    /// Usual when the value is below this (values far the other way are not judged).
    Below(f64),
    /// Usual when the value is at least this.
    AtLeast(f64),
    /// A reference band to compare with, not a norm: values outside it are not marked.
    Reference { low: f64, high: f64 },
}

impl Bound {
    /// True when `value` is usual, or when nothing is claimed (no range, a reference band, or a
    /// non-finite value).
    pub fn contains(self, value: f64) -> bool {
        if !value.is_finite() {
            return true;
        }
        match self {
            Bound::NoAgreedRange | Bound::Reference { .. } => true,
            Bound::Within(limit) => value.abs() <= limit,
            Bound::Below(limit) => value < limit,
            Bound::AtLeast(limit) => value >= limit,
        }
    }

    /// The kind's name at the JS edge: `"none"`, `"within"`, `"below"`, `"atLeast"`, `"reference"`.
    pub const fn kind(self) -> &'static str {
        match self {
            Bound::NoAgreedRange => "none",
            Bound::Within(_) => "within",
            Bound::Below(_) => "below",
            Bound::AtLeast(_) => "atLeast",
            Bound::Reference { .. } => "reference",
        }
    }

    /// The bound in words for tables, the limits in `unit`: "within 2°", "under 40 mm".
    pub fn words(self, unit: Unit) -> String {
        let u = unit.symbol();
        match self {
            Bound::NoAgreedRange => "no agreed range".to_string(),
            Bound::Within(a) => format!("within {a}{u}"),
            Bound::Below(a) => format!("under {a}{u}"),
            Bound::AtLeast(a) => format!("{a}{u} or more"),
            Bound::Reference { low, high } => {
                format!("{low}–{high}{u} (a reference, not a limit)")
            }
        }
    }

    /// The limits the bound names, lowest first (none, one or two).
    pub fn limits(self) -> Vec<f64> {
        match self {
            Bound::NoAgreedRange => vec![],
            Bound::Within(a) | Bound::Below(a) | Bound::AtLeast(a) => vec![a],
            Bound::Reference { low, high } => vec![low, high],
        }
    }
}

/// A read-out's usual range, where it comes from, and how much it can bear.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct UsualRange {
    pub bound: Bound,
    /// The short citation a reader is shown ("Schwab 2012"), or "" where no original work is named.
    pub cite: &'static str,
    /// The original work, or why there is none.
    pub source: &'static str,
    /// How the range follows from the source, and what it can bear.
    pub note: &'static str,
}

/// Obliquity measured per centimetre of imposed leg-length difference, degrees (Cummings 1993, as
/// the model's reference sheet gives it; Young 2000 agrees in direction and size).
pub const PELVIC_OBLIQUITY_DEG_PER_CM: f64 = 0.8;
/// Anatomic leg-length difference from which it is called clinically relevant (Knutson 2005), mm.
pub const LEG_LENGTH_RELEVANT_MM: f64 = 20.0;

const NONE_FOUND: &str = "none found";

/// Everything a read-out is, apart from its value.
struct Spec {
    key: &'static str,
    unit: Unit,
    decimals: u8,
    step: CascadeStep,
    usual: UsualRange,
}

/// One clinical read-out of a posture. Signs: a positive height difference means the right side
/// is higher (see the conventions in the model's documentation).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Measure {
    EyeLineTilt,
    ShoulderHeightDiff,
    ShoulderTilt,
    ShoulderElevationDiff,
    PelvicObliquity,
    PelvicRotation,
    FunctionalLegLengthDiff,
    CoronalBalance,
    SagittalVerticalAxis,
    CraniovertebralAngle,
    HeadLoad,
    WeightLeft,
}

/// How many read-outs there are.
pub const MEASURE_COUNT: usize = 12;

/// In the order of [`Measure::ALL`].
const SPECS: [Spec; MEASURE_COUNT] = [
    Spec {
        key: "eyeLineTiltDeg",
        unit: Unit::Degrees,
        decimals: 1,
        step: CascadeStep::HeadAndUpperNeck,
        usual: UsualRange {
            bound: Bound::Within(2.0),
            cite: "",
            source: "the subjective visual vertical of healthy adults lies within ±2° (as \
                     gathered in the model's reference sheet, §7, which names no original work)",
            note: "a perceptual threshold: a tilt this small cannot be told from level by a \
                   healthy observer, so it reads as level; not a clinical norm",
        },
    },
    Spec {
        key: "shoulderHeightDiffMm",
        unit: Unit::Millimetres,
        decimals: 0,
        step: CascadeStep::LowerNeckAndShoulders,
        usual: UsualRange {
            bound: Bound::NoAgreedRange,
            cite: "",
            source: NONE_FOUND,
            note: "no cited work gives a usual shoulder height difference",
        },
    },
    Spec {
        key: "shoulderTiltDeg",
        unit: Unit::Degrees,
        decimals: 1,
        step: CascadeStep::LowerNeckAndShoulders,
        usual: UsualRange {
            bound: Bound::NoAgreedRange,
            cite: "",
            source: NONE_FOUND,
            note: "no cited work gives a usual shoulder tilt",
        },
    },
    Spec {
        key: "shoulderElevationDiffMm",
        unit: Unit::Millimetres,
        decimals: 0,
        step: CascadeStep::LowerNeckAndShoulders,
        usual: UsualRange {
            bound: Bound::NoAgreedRange,
            cite: "",
            source: NONE_FOUND,
            note: "no cited work gives a usual difference of the girdles' own elevation; the \
                   normal radiographic shoulder balance of adolescents, -1.5 to +2.4 cm (mean ± 2 \
                   SD), is the whole height difference, the thorax's tilt included",
        },
    },
    Spec {
        key: "pelvicObliquityDeg",
        unit: Unit::Degrees,
        decimals: 1,
        step: CascadeStep::PelvisAndLegs,
        usual: UsualRange {
            bound: Bound::Within(PELVIC_OBLIQUITY_DEG_PER_CM * LEG_LENGTH_RELEVANT_MM / 10.0),
            cite: "Knutson 2005; Cummings 1993",
            source: "derived: an anatomic leg-length difference is clinically relevant from about \
                     20 mm (Knutson 2005), and obliquity rises about 0.8° per cm of imposed \
                     difference (Cummings 1993)",
            note: "0.8°/cm × 2 cm = 1.6°, the obliquity a relevant difference gives; a guide from \
                   two figures of low precision, not a measured norm",
        },
    },
    Spec {
        key: "pelvicRotationDeg",
        unit: Unit::Degrees,
        decimals: 1,
        step: CascadeStep::PelvisAndLegs,
        usual: UsualRange {
            bound: Bound::NoAgreedRange,
            cite: "",
            source: NONE_FOUND,
            note: "no cited work gives a usual standing pelvic rotation",
        },
    },
    Spec {
        key: "functionalLegLengthDiffMm",
        unit: Unit::Millimetres,
        decimals: 0,
        step: CascadeStep::PelvisAndLegs,
        usual: UsualRange {
            bound: Bound::NoAgreedRange,
            cite: "",
            source: NONE_FOUND,
            note: "Knutson's 20 mm is for the anatomic difference (the input), not for the hip \
                   height difference left once the legs and pelvis absorb part of it (about 5 mm \
                   for 20 mm, §7's table)",
        },
    },
    Spec {
        key: "coronalBalanceMm",
        unit: Unit::Millimetres,
        decimals: 0,
        step: CascadeStep::Lumbar,
        usual: UsualRange {
            bound: Bound::Within(20.0),
            cite: "",
            source: "coronal balance within 2 cm of the central sacral vertical line is called \
                     normal; 3-4 cm or more, imbalance (as gathered in the model's reference \
                     sheet, §5, which names no original work)",
            note: "a radiographic convention in spinal deformity care, moderate confidence",
        },
    },
    Spec {
        key: "sagittalVerticalAxisMm",
        unit: Unit::Millimetres,
        decimals: 0,
        step: CascadeStep::Thoracic,
        usual: UsualRange {
            bound: Bound::Below(40.0),
            cite: "Schwab 2012",
            source: "Schwab 2012 (SRS-Schwab classification): SVA < 4 cm normal, 4-9.5 cm \
                     moderate, > 9.5 cm marked",
            note: "high confidence for the threshold, set on radiographs of adults with spinal \
                   deformity; here applied to a model's C7 and S1",
        },
    },
    Spec {
        key: "craniovertebralAngleDeg",
        unit: Unit::Degrees,
        decimals: 1,
        step: CascadeStep::HeadAndUpperNeck,
        usual: UsualRange {
            bound: Bound::AtLeast(48.0),
            cite: "Lau 2009",
            source: "Lau 2009: controls 50.6 ± 2.1°, neck pain 43.9 ± 3.6°; below about 48-50° \
                     is usually called forward head posture",
            note: "the lower end of that cut-off; one study's groups, moderate confidence",
        },
    },
    Spec {
        key: "headLoadKg",
        unit: Unit::Kilograms,
        decimals: 1,
        step: CascadeStep::HeadAndUpperNeck,
        usual: UsualRange {
            bound: Bound::Reference {
                low: 4.5,
                high: 5.4,
            },
            cite: "Hansraj 2014",
            source: "Hansraj 2014: about 4.5-5.4 kg (10-12 lb) with the head upright",
            note: "a reference for the upright head, not a limit: more load is not marked as \
                   outside anything; thinly documented (one author, methods not given), low \
                   confidence",
        },
    },
    Spec {
        key: "weightLeftPct",
        unit: Unit::Percent,
        decimals: 0,
        step: CascadeStep::PelvisAndLegs,
        usual: UsualRange {
            bound: Bound::NoAgreedRange,
            cite: "",
            source: NONE_FOUND,
            note: "no cited work gives a usual standing weight split; the panel shows the split \
                   without a range",
        },
    },
];

/// The part of [`SPECS`] the wasm's frame path reads, as a table of its own: indexing `SPECS`
/// at run time would keep every source and note string in the wasm.
const STEPS: [CascadeStep; MEASURE_COUNT] = {
    let mut out = [CascadeStep::HeadAndUpperNeck; MEASURE_COUNT];
    let mut i = 0;
    while i < MEASURE_COUNT {
        out[i] = SPECS[i].step;
        i += 1;
    }
    out
};

impl Measure {
    /// Every read-out, in the order of the model card's §7, the widget's read-outs and the
    /// generated JS table.
    pub const ALL: [Measure; MEASURE_COUNT] = [
        Measure::EyeLineTilt,
        Measure::ShoulderHeightDiff,
        Measure::ShoulderTilt,
        Measure::ShoulderElevationDiff,
        Measure::PelvicObliquity,
        Measure::PelvicRotation,
        Measure::FunctionalLegLengthDiff,
        Measure::CoronalBalance,
        Measure::SagittalVerticalAxis,
        Measure::CraniovertebralAngle,
        Measure::HeadLoad,
        Measure::WeightLeft,
    ];

    /// Position in [`Measure::ALL`].
    pub const fn index(self) -> usize {
        self as usize
    }

    const fn spec(self) -> &'static Spec {
        &SPECS[self as usize]
    }

    /// The field's name in the posture's `measures` at the JS edge (camelCase, unit suffixed).
    pub const fn key(self) -> &'static str {
        self.spec().key
    }

    pub const fn unit(self) -> Unit {
        self.spec().unit
    }

    /// How many decimals the widget shows (and judges the usual range on).
    pub const fn decimals(self) -> u8 {
        self.spec().decimals
    }

    /// The cascade step whose region the read-out belongs to: it moves with that step.
    pub const fn step(self) -> CascadeStep {
        STEPS[self as usize]
    }

    /// The usual range, with its source.
    pub const fn usual(self) -> UsualRange {
        self.spec().usual
    }

    /// The read-out's value in `measures`.
    pub fn of(self, measures: &Measures) -> f64 {
        let mut m = *measures;
        *self.value_mut(&mut m)
    }

    /// The read-out's place in `measures`, to write it.
    pub fn value_mut(self, m: &mut Measures) -> &mut f64 {
        match self {
            Measure::EyeLineTilt => &mut m.eye_line_tilt_deg,
            Measure::ShoulderHeightDiff => &mut m.shoulder_height_diff_mm,
            Measure::ShoulderTilt => &mut m.shoulder_tilt_deg,
            Measure::ShoulderElevationDiff => &mut m.shoulder_elevation_diff_mm,
            Measure::PelvicObliquity => &mut m.pelvic_obliquity_deg,
            Measure::PelvicRotation => &mut m.pelvic_rotation_deg,
            Measure::FunctionalLegLengthDiff => &mut m.functional_leg_length_diff_mm,
            Measure::CoronalBalance => &mut m.coronal_balance_mm,
            Measure::SagittalVerticalAxis => &mut m.sagittal_vertical_axis_mm,
            Measure::CraniovertebralAngle => &mut m.craniovertebral_angle_deg,
            Measure::HeadLoad => &mut m.head_load_kg,
            Measure::WeightLeft => &mut m.weight_left_pct,
        }
    }

    /// The read-out whose key is `key`, if any.
    pub fn from_key(key: &str) -> Option<Measure> {
        Measure::ALL.into_iter().find(|m| m.key() == key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_is_in_index_order_and_keys_are_unique_and_unit_suffixed() {
        for (i, m) in Measure::ALL.iter().enumerate() {
            assert_eq!(m.index(), i);
            assert_eq!(Measure::from_key(m.key()), Some(*m));
            let suffix = match m.unit() {
                Unit::Degrees => "Deg",
                Unit::Millimetres => "Mm",
                Unit::Kilograms => "Kg",
                Unit::Percent => "Pct",
                other => panic!("{other:?} is no read-out unit"),
            };
            assert!(m.key().ends_with(suffix), "{}", m.key());
        }
    }

    #[test]
    fn each_measure_reads_and_writes_its_own_field() {
        let mut m = Measures::default();
        for (i, measure) in Measure::ALL.iter().enumerate() {
            *measure.value_mut(&mut m) = i as f64 + 1.0;
        }
        for (i, measure) in Measure::ALL.iter().enumerate() {
            assert_eq!(measure.of(&m), i as f64 + 1.0, "{}", measure.key());
        }
        assert_eq!(m.eye_line_tilt_deg, 1.0);
        assert_eq!(m.weight_left_pct, MEASURE_COUNT as f64);
    }

    #[test]
    fn the_derived_pelvic_guide_is_a_relevant_leg_difference() {
        assert_eq!(Measure::PelvicObliquity.usual().bound, Bound::Within(1.6));
    }

    #[test]
    fn no_range_and_reference_bands_never_judge() {
        for v in [-1e9, -3.0, 0.0, 7.0, 1e9, f64::NAN] {
            assert!(Bound::NoAgreedRange.contains(v));
            assert!(Bound::Reference {
                low: 4.5,
                high: 5.4
            }
            .contains(v));
        }
    }

    #[test]
    fn every_range_names_a_source_and_a_note() {
        for m in Measure::ALL {
            let r = m.usual();
            assert!(!r.source.is_empty() && !r.note.is_empty(), "{}", m.key());
            assert_eq!(r.bound == Bound::NoAgreedRange, r.source == NONE_FOUND);
            assert!(r.bound != Bound::NoAgreedRange || r.cite.is_empty());
        }
    }
}
