//! The usual ranges shown next to the read-outs, each with its source, in one place.
//!
//! A range is shown only where a cited work gives one, or where one is derived from cited figures
//! in a stated way; every other read-out has [`Bound::NoAgreedRange`] and is never marked as
//! outside anything. Units are those of the read-out (`_deg`, `_mm`, `_kg`), named in
//! [`UsualRange::measure`]. The model card's "Read-out ranges" section repeats this table in words.
//!
//! ```
//! use posture_chain::{usual_range, Bound};
//! let sva = usual_range("sagittalVerticalAxisMm").unwrap();
//! assert_eq!(sva.bound, Bound::Below(40.0));
//! assert!(sva.bound.contains(23.0) && !sva.bound.contains(55.0));
//! assert!(usual_range("shoulderHeightDiffMm").unwrap().bound.contains(80.0));
//! ```

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

    /// The bound as three numbers, as the element's `RANGES` table writes them: `[kind, a, b]`,
    /// kind 0 none, 1 within `a`, 2 below `a`, 3 at least `a`, 4 a reference band `a..b`.
    pub fn to_numbers(self) -> [f64; 3] {
        match self {
            Bound::NoAgreedRange => [0.0, f64::NAN, f64::NAN],
            Bound::Within(a) => [1.0, a, f64::NAN],
            Bound::Below(a) => [2.0, a, f64::NAN],
            Bound::AtLeast(a) => [3.0, a, f64::NAN],
            Bound::Reference { low, high } => [4.0, low, high],
        }
    }
}

/// A read-out's usual range, where it comes from, and how much it can bear.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct UsualRange {
    /// The read-out's public name, as in the model card's §7 (e.g. `"eyeLineTiltDeg"`).
    pub measure: &'static str,
    pub bound: Bound,
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

/// Eye line within 2° of level (the subjective visual vertical).
pub const EYE_LINE_TILT: Bound = Bound::Within(2.0);
/// Pelvic obliquity: the tilt a clinically relevant leg-length difference gives (derived).
pub const PELVIC_OBLIQUITY: Bound =
    Bound::Within(PELVIC_OBLIQUITY_DEG_PER_CM * LEG_LENGTH_RELEVANT_MM / 10.0);
/// C7 plumb line within 2 cm of the central sacral vertical line.
pub const CORONAL_BALANCE: Bound = Bound::Within(20.0);
/// Sagittal vertical axis under 4 cm (Schwab 2012).
pub const SAGITTAL_VERTICAL_AXIS: Bound = Bound::Below(40.0);
/// Craniovertebral angle 48° or more (Lau 2009).
pub const CRANIOVERTEBRAL_ANGLE: Bound = Bound::AtLeast(48.0);
/// Head load with the head upright, 4.5-5.4 kg (Hansraj 2014): a reference, not a norm.
pub const HEAD_LOAD: Bound = Bound::Reference {
    low: 4.5,
    high: 5.4,
};

/// Every read-out's usual range, in the order of the model card's §7. (The `<posture-chain>`
/// element mirrors the bounds in its `RANGES` table; a test below compares them.)
pub const USUAL_RANGES: [UsualRange; 11] = [
    UsualRange {
        measure: "eyeLineTiltDeg",
        bound: EYE_LINE_TILT,
        source: "the subjective visual vertical of healthy adults lies within ±2° (as gathered in \
                 the model's reference sheet, §7; no single original work is named there)",
        note: "an eye line within 2° of level cannot be told from level by a healthy observer, so \
               it reads as level; a perceptual threshold, not a clinical norm",
    },
    UsualRange {
        measure: "shoulderHeightDiffMm",
        bound: Bound::NoAgreedRange,
        source: "none found",
        note: "no cited work gives a usual shoulder height difference",
    },
    UsualRange {
        measure: "shoulderTiltDeg",
        bound: Bound::NoAgreedRange,
        source: "none found",
        note: "no cited work gives a usual shoulder tilt",
    },
    UsualRange {
        measure: "pelvicObliquityDeg",
        bound: PELVIC_OBLIQUITY,
        source: "derived: Knutson 2005 (an anatomic leg-length difference is clinically relevant \
                 from about 20 mm) with Cummings 1993 (obliquity rises about 0.8° per cm of \
                 imposed difference)",
        note: "0.8°/cm x 2 cm = 1.6°: the obliquity a relevant leg-length difference gives; a \
               guide derived from two figures of low precision, not a measured norm",
    },
    UsualRange {
        measure: "pelvicRotationDeg",
        bound: Bound::NoAgreedRange,
        source: "none found",
        note: "no cited work gives a usual standing pelvic rotation",
    },
    UsualRange {
        measure: "functionalLegLengthDiffMm",
        bound: Bound::NoAgreedRange,
        source: "none found",
        note: "Knutson's 20 mm is for the anatomic difference (the input), not for the hip height \
               difference left once the legs and pelvis absorb part of it",
    },
    UsualRange {
        measure: "coronalBalanceMm",
        bound: CORONAL_BALANCE,
        source: "coronal balance within 2 cm of the central sacral vertical line is called normal \
                 (as gathered in the model's reference sheet, §5; no single original work is named \
                 there)",
        note: "a radiographic convention in spinal deformity care, moderate confidence; 3-4 cm or \
               more is called imbalance",
    },
    UsualRange {
        measure: "sagittalVerticalAxisMm",
        bound: SAGITTAL_VERTICAL_AXIS,
        source: "Schwab 2012 (SRS-Schwab classification): SVA under 4 cm is normal",
        note: "high confidence for the threshold; measured on radiographs of adults with spinal \
               deformity, here applied to a model's C7 and S1",
    },
    UsualRange {
        measure: "craniovertebralAngleDeg",
        bound: CRANIOVERTEBRAL_ANGLE,
        source: "Lau 2009: controls 50.6 ± 2.1°, neck pain 43.9 ± 3.6°; below about 48-50° is \
                 usually called forward head posture",
        note: "the lower end of the usual 48-50° cut-off; one study's groups, moderate confidence",
    },
    UsualRange {
        measure: "headLoadKg",
        bound: HEAD_LOAD,
        source: "Hansraj 2014: about 4.5-5.4 kg (10-12 lb) with the head upright",
        note: "a reference for the upright head, not a limit: more load is not marked; Hansraj's \
               figures are thinly documented (low confidence)",
    },
    UsualRange {
        measure: "weightLeftPct",
        bound: Bound::NoAgreedRange,
        source: "none found",
        note: "no cited work gives a usual standing weight split",
    },
];

/// The usual range of the read-out called `measure` (its public name), if it is a read-out.
pub fn usual_range(measure: &str) -> Option<&'static UsualRange> {
    USUAL_RANGES.iter().find(|r| r.measure == measure)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_derived_pelvic_guide_is_a_relevant_leg_difference() {
        let r = usual_range("pelvicObliquityDeg").unwrap();
        assert_eq!(r.bound, Bound::Within(1.6));
    }

    #[test]
    fn the_named_bounds_are_the_tables() {
        let check = |measure: &str, bound: Bound| {
            assert_eq!(usual_range(measure).unwrap().bound, bound, "{measure}");
        };
        check("eyeLineTiltDeg", EYE_LINE_TILT);
        check("pelvicObliquityDeg", PELVIC_OBLIQUITY);
        check("coronalBalanceMm", CORONAL_BALANCE);
        check("sagittalVerticalAxisMm", SAGITTAL_VERTICAL_AXIS);
        check("craniovertebralAngleDeg", CRANIOVERTEBRAL_ANGLE);
        check("headLoadKg", HEAD_LOAD);
        let named = 6;
        let unjudged = USUAL_RANGES
            .iter()
            .filter(|r| r.bound == Bound::NoAgreedRange)
            .count();
        assert_eq!(named + unjudged, USUAL_RANGES.len(), "every range is named");
    }

    /// The `<posture-chain>` element mirrors the bounds (to keep them out of its wasm): its
    /// `RANGES` table must hold the same numbers, and nothing for a read-out with no agreed range.
    #[test]
    fn the_elements_table_mirrors_the_bounds() {
        let js = include_str!("../../www/readouts.js");
        let start = js
            .find("const RANGES = {")
            .expect("the element has a RANGES table");
        let table = &js[start..start + js[start..].find("};").unwrap()];
        let entry = |key: &str| -> Option<Vec<f64>> {
            let line = table
                .lines()
                .find(|l| l.trim_start().starts_with(&format!("{key}:")))?;
            let inner = &line[line.find('[')? + 1..line.find(']')?];
            Some(
                inner
                    .split(',')
                    .map(|n| n.trim().parse().unwrap())
                    .collect(),
            )
        };
        // The element's row keys and the read-outs they show.
        let rows = [
            ("eyeTilt", "eyeLineTiltDeg"),
            ("shoulderMm", "shoulderHeightDiffMm"),
            ("pelvisTilt", "pelvicObliquityDeg"),
            ("pelvisTurn", "pelvicRotationDeg"),
            ("legMm", "functionalLegLengthDiffMm"),
            ("coronalMm", "coronalBalanceMm"),
            ("svaMm", "sagittalVerticalAxisMm"),
            ("cva", "craniovertebralAngleDeg"),
            ("headKg", "headLoadKg"),
        ];
        for (key, measure) in rows {
            let [kind, a, b] = usual_range(measure).unwrap().bound.to_numbers();
            let want: Vec<f64> = [kind, a, b].into_iter().filter(|v| v.is_finite()).collect();
            match entry(key) {
                None => assert_eq!(kind, 0.0, "{key} shows no range but {measure} has one"),
                Some(got) => assert_eq!(got, want, "{key} mirrors {measure}"),
            }
        }
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

    /// The model card's hand-written "Read-out ranges" table names every read-out and its limits.
    #[test]
    fn the_model_card_lists_every_range() {
        let card = include_str!("../../docs/model.md");
        let start = card
            .find("### Read-out ranges")
            .expect("the section is there");
        let section = &card[start..];
        let section = &section[..section.find("\n## ").unwrap_or(section.len())];
        for r in USUAL_RANGES {
            let row = section
                .lines()
                .find(|l| l.starts_with('|') && l.contains(&format!("`{}`", r.measure)))
                .unwrap_or_else(|| panic!("{} has a row", r.measure));
            let [kind, a, b] = r.bound.to_numbers();
            if kind == 0.0 {
                assert!(row.contains("no agreed range"), "{row}");
            }
            for limit in [a, b].into_iter().filter(|v| v.is_finite()) {
                assert!(row.contains(&format!("{limit}")), "{row} names {limit}");
            }
        }
    }

    #[test]
    fn every_range_names_a_source_and_a_note() {
        for r in USUAL_RANGES {
            assert!(!r.source.is_empty() && !r.note.is_empty(), "{}", r.measure);
        }
    }
}
