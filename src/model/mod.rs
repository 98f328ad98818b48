//! The biomechanical model: a scenario in, the compensated posture out. Pure Rust, no browser types.
//!
//! Conventions (the one place they are written; the model card repeats them):
//! - Axes: x to the subject's right, y up, z forward; origin on the floor midway between the feet.
//!   A back view (as a clinician behind the subject sees it) therefore draws +x to the right.
//! - Lateral bend and tilt: positive toward the subject's right. Axial rotation: positive turns to
//!   the right. Flexion: positive forward.
//! - Height differences: right minus left, so positive means the right side is higher.
//! - Inside the solver everything is SI (metres, radians, newtons); names ending in `_deg`, `_mm`,
//!   `_cm`, `_kg` or `_nm` carry the unit of the public edge.

mod bands;
mod body;
pub mod card;
mod chain;
mod compression;
mod input;
mod inputs;
mod level;
mod math;
mod measure;
mod params;
mod posture;
mod problem;
mod readout;
mod scenario;
mod solve;
mod step;
mod strategy;
mod tone;

pub use bands::{solve_bands, Band, BandOptions, Bands, MAX_SAMPLES};
pub use input::{field_ranges, parse_scenario, parse_scenario_fields, FieldRange, RawValue};
pub use inputs::{Input, INPUT_COUNT};
pub use level::{Level, RangeOfMotion, Region, LEVEL_COUNT, VERTEBRA_COUNT};
pub use measure::{
    Bound, Measure, Unit, UsualRange, LEG_LENGTH_RELEVANT_MM, MEASURE_COUNT,
    PELVIC_OBLIQUITY_DEG_PER_CM,
};
pub use posture::{
    CascadeShare, JointState, Landmarks, Measures, PointMm, Posture, Warning, MOTIONS,
};
pub use scenario::{Coupling, Scenario, Sex, DEFAULT_TONE_SPREAD};
pub use solve::{solve, Solver};
pub use step::CascadeStep;
pub use strategy::{Strategy, StrategyTag};
