//! The chain strategy's postural tone (the article's whole-chain hypothesis, not an established
//! finding): a one-sided tone that starts at the upper neck and spreads down, imposed as offsets
//! on the shoulder girdle, the thoracic and lumbar spine and the pelvis, and as a shift of where
//! the body holds its weight. The least-effort solve then rights the head on top of it.
//!
//! SI units inside (radians, metres). Every magnitude is in `params.rs`, chosen for illustration.

use super::body::Body;
use super::chain::Config;
use super::level::Level;
use super::params as p;
use super::scenario::Scenario;
use super::strategy::Strategy;

/// What the tone imposes for one scenario.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct Tone {
    /// Offsets added to the free variables: spine bend and rotation, the girdles' elevation, the
    /// pelvis's yaw and the legs' absorption (a negative absorption holds the right hip higher).
    pub offsets: Config,
    /// Where the body holds its centre of mass sideways at full compensation (m, positive right).
    pub com_x_m: f64,
}

/// The tone's size in degrees: the head tilt times the spread, under the chain strategy only.
pub(crate) fn degrees(s: &Scenario) -> f64 {
    match s.strategy {
        Strategy::Chain => s.head_tilt_deg * s.tone_spread,
        Strategy::Neck | Strategy::Spine => 0.0,
    }
}

/// The tone of a scenario on `body`: zero unless the strategy is the chain. The offsets grow with
/// the compensation too (the tone is part of the righting response: with the reflexes off there is
/// none); the weight's set point is mixed with the compensation as every target is.
pub(crate) fn of(body: &Body, s: &Scenario) -> Tone {
    let t = degrees(s);
    if t == 0.0 {
        return Tone::default();
    }
    let on = (t * s.compensation).to_radians();
    let mut offsets = Config::default();
    let thoracic = Level::T1T2.index()..Level::L1L2.index();
    let lumbar = Level::L1L2.index()..Level::L5S1.index() + 1;
    body.spread(
        &mut offsets.rotation,
        2,
        thoracic,
        p::CHAIN_THORACIC_ROTATION_PER_DEG * on,
    );
    body.spread(
        &mut offsets.bend,
        1,
        lumbar,
        p::CHAIN_LUMBAR_BEND_PER_DEG * on,
    );
    // The side the head tilts to: its girdle rises.
    let side = if on > 0.0 { 1 } else { 0 };
    offsets.girdle[side] = p::CHAIN_GIRDLE_ELEVATION_PER_DEG * on.abs();
    offsets.pelvis.yaw = -p::CHAIN_PELVIC_ROTATION_PER_DEG * on;
    offsets.pelvis.absorption_m =
        -p::CHAIN_PELVIC_HIKE_H_PER_DEG * body.stature_m * (t * s.compensation);
    Tone {
        offsets,
        com_x_m: -p::CHAIN_WEIGHT_SHIFT_PCT_PER_DEG * 1e-2 * t * body.hip_spacing_m,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::scenario::{Coupling, Sex};

    fn body() -> Body {
        Body::new(1.75, 75.0, Sex::Male, Coupling::default())
    }

    #[test]
    fn only_the_chain_has_a_tone_and_it_mirrors_with_the_tilt() {
        let b = body();
        let s = |strategy, tilt| Scenario {
            strategy,
            head_tilt_deg: tilt,
            ..Scenario::default()
        };
        assert_eq!(of(&b, &s(Strategy::Spine, 10.0)), Tone::default());
        assert_eq!(of(&b, &s(Strategy::Neck, 10.0)), Tone::default());
        let right = of(&b, &s(Strategy::Chain, 10.0));
        let left = of(&b, &s(Strategy::Chain, -10.0));
        assert!(right.offsets.girdle[1] > 0.0 && right.offsets.girdle[0] == 0.0);
        assert_eq!(left.offsets.girdle, [right.offsets.girdle[1], 0.0]);
        assert_eq!(left.offsets.pelvis.yaw, -right.offsets.pelvis.yaw);
        assert_eq!(left.com_x_m, -right.com_x_m);
        // The weight goes to the left foot, the right hip is held higher.
        assert!(right.com_x_m < 0.0 && right.offsets.pelvis.absorption_m < 0.0);
        let total: f64 = right.offsets.rotation.iter().sum();
        let expected = (p::CHAIN_THORACIC_ROTATION_PER_DEG * 10.0 * 0.5).to_radians();
        assert!((total - expected).abs() < 1e-12);
    }
}
