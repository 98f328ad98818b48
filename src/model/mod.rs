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

mod body;
pub mod card;
mod chain;
mod input;
mod level;
mod math;
mod params;
mod posture;
pub(crate) mod ranges;
mod readout;
mod scenario;
mod solve;

pub use input::{field_ranges, parse_scenario, parse_scenario_fields, FieldRange, RawValue};
pub use level::{Level, RangeOfMotion, Region, LEVEL_COUNT};
pub use posture::{
    CascadeShare, CascadeStep, JointState, Landmarks, Measures, PointMm, Posture, Warning,
};
pub use ranges::{usual_range, Bound, UsualRange, USUAL_RANGES};
pub use scenario::{Coupling, Scenario, Sex};
pub use solve::{solve, Solver};
