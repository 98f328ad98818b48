//! posture-chain: how a small tilt at the top of the spine cascades down the body.
//!
//! [`solve`] takes a [`Scenario`] and returns the compensated [`Posture`]. The model is pure Rust
//! and runs natively; the `web` module (wasm32 only) is a thin layer that forwards to it.
//!
//! ```
//! use posture_chain::{solve, Scenario};
//! let posture = solve(&Scenario { head_tilt_deg: 5.0, ..Scenario::default() });
//! assert!(posture.measures.eye_line_tilt_deg.is_finite());
//! ```

#[cfg(not(target_arch = "wasm32"))]
pub mod codegen;
mod model;
mod numfmt;
mod scene;
/// The SVG backend of the display list (the poster of `cargo xtask dist`, the JS API's
/// `sceneSvg`): native, and in the JS API module's wasm, never in the page's.
#[cfg(any(not(target_arch = "wasm32"), feature = "api"))]
pub mod svg;
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod trig;

pub use model::*;
pub use scene::{
    push_fixed, Align, BoundsMm, BoxPx, Cascade, Cmd, Colour, Dash, DisplayList, Font, Origin,
    PageColours, Palette, Pose, Scene, SceneOptions, StepWeights, View, ViewTransform, CASCADE_MS,
    DARK, DEFAULT_BRAND_CSS, LIGHT, LOAD_CSS, LOAD_STEP_UPPER, P2, PROJECTOR, SLOT_COUNT, THEMES,
};

#[cfg(target_arch = "wasm32")]
mod web;
