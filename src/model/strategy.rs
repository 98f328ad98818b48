//! The righting strategies: which parts of the body right a tilted head, and whether the
//! science behind each is established or a hypothesis.
//!
//! ```
//! use posture_chain::Strategy;
//! assert_eq!(Strategy::default(), Strategy::Spine);
//! assert_eq!((Strategy::Chain.name(), Strategy::Chain.established()), ("chain", false));
//! assert_eq!(Strategy::from_value(1.4), Strategy::Spine);
//! ```

use serde::Serialize;

/// How the body rights the head: the strategy the solve uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Strategy {
    /// The neck alone: everything below C7-T1, the shoulder girdles and the pelvis hold.
    Neck,
    /// The least-effort spread over the neck, the back, the shoulder girdles and the pelvis.
    #[default]
    Spine,
    /// The article's whole-chain hypothesis: an asymmetric postural tone spreads from the upper
    /// neck down to the pelvis, and the least-effort solve rights the head on top of it.
    Chain,
}

impl Strategy {
    /// How many strategies there are.
    pub const COUNT: usize = 3;

    /// Every strategy, in the order of their input values (0, 1, 2).
    pub const ALL: [Strategy; Strategy::COUNT] = [Strategy::Neck, Strategy::Spine, Strategy::Chain];

    /// The strategy's value as an input (its index in [`Strategy::ALL`]).
    pub const fn index(self) -> usize {
        self as usize
    }

    /// The strategy with this index, if any.
    pub fn from_index(i: usize) -> Option<Strategy> {
        Strategy::ALL.get(i).copied()
    }

    /// The strategy an input value stands for: the nearest one; the default for a non-finite
    /// value (the input table validates, and warns, before this is reached).
    pub fn from_value(v: f64) -> Strategy {
        if v < 0.5 {
            Strategy::Neck
        } else if v < 1.5 || !v.is_finite() {
            Strategy::Spine
        } else {
            Strategy::Chain
        }
    }

    /// The name at the JS edge and in the `strategy` attribute.
    pub const fn name(self) -> &'static str {
        match self {
            Strategy::Neck => "neck",
            Strategy::Spine => "spine",
            Strategy::Chain => "chain",
        }
    }

    /// True when the strategy rests on established mechanics; false for a hypothesis.
    pub const fn established(self) -> bool {
        !matches!(self, Strategy::Chain)
    }

    /// A short label in plain words, for readers.
    pub const fn label(self) -> &'static str {
        match self {
            Strategy::Neck => "Neck only",
            Strategy::Spine => "Least effort",
            Strategy::Chain => "Whole chain (a hypothesis)",
        }
    }

    /// One sentence for readers on what the strategy does.
    pub const fn description(self) -> &'static str {
        match self {
            Strategy::Neck => {
                "The neck alone rights the head; the back, the shoulders and the pelvis hold still."
            }
            Strategy::Spine => {
                "The head is righted with the least effort, spread over the neck, the back, the \
                 shoulders and the pelvis as far as each can move."
            }
            Strategy::Chain => {
                "The article's hypothesis, not an established finding: a one-sided muscle tone \
                 that starts at the top of the neck spreads down to the shoulders, the back and \
                 the pelvis, and the body rights the head on top of it."
            }
        }
    }
}

/// What a posture says of the strategy that produced it (`posture.strategy` at the JS edge).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct StrategyTag {
    pub name: Strategy,
    /// False when the strategy is a hypothesis.
    pub established: bool,
}

impl StrategyTag {
    pub const fn of(strategy: Strategy) -> StrategyTag {
        StrategyTag {
            name: strategy,
            established: strategy.established(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_round_to_the_nearest_strategy_and_back() {
        for s in Strategy::ALL {
            assert_eq!(Strategy::from_value(s.index() as f64), s);
            assert_eq!(Strategy::from_index(s.index()), Some(s));
        }
        assert_eq!(Strategy::from_value(0.49), Strategy::Neck);
        assert_eq!(Strategy::from_value(1.5), Strategy::Chain);
        assert_eq!(Strategy::from_value(f64::NAN), Strategy::Spine);
        assert_eq!(Strategy::from_value(-7.0), Strategy::Neck);
        assert_eq!(Strategy::from_index(3), None);
    }

    #[test]
    fn only_the_chain_is_a_hypothesis_and_says_so() {
        assert!(Strategy::Neck.established() && Strategy::Spine.established());
        assert!(!Strategy::Chain.established());
        assert!(Strategy::Chain.description().contains("hypothesis"));
        assert!(Strategy::Chain.label().contains("hypothesis"));
    }
}
