//! The five steps of the compensation cascade, top to bottom, and which joints and vertebrae each
//! one moves: the one map from the spine's levels to the steps.

use serde::Serialize;

use super::level::{Level, Region};

/// The five steps of the compensation cascade, top to bottom. The first four are the spine's
/// regions ([`Region`]); the last is everything below the sacrum.
///
/// ```
/// use posture_chain::{CascadeStep, Level};
/// assert_eq!(CascadeStep::of(Level::C7T1), CascadeStep::LowerNeckAndShoulders);
/// assert_eq!(CascadeStep::of_vertebra(7), CascadeStep::Thoracic); // T1
/// assert_eq!(CascadeStep::PelvisAndLegs.index(), 4);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum CascadeStep {
    HeadAndUpperNeck,
    LowerNeckAndShoulders,
    Thoracic,
    Lumbar,
    PelvisAndLegs,
}

impl CascadeStep {
    /// How many steps there are.
    pub const COUNT: usize = 5;

    /// Every step, top to bottom.
    pub const ALL: [CascadeStep; CascadeStep::COUNT] = [
        CascadeStep::HeadAndUpperNeck,
        CascadeStep::LowerNeckAndShoulders,
        CascadeStep::Thoracic,
        CascadeStep::Lumbar,
        CascadeStep::PelvisAndLegs,
    ];

    /// Position in [`CascadeStep::ALL`], 0 for the head.
    pub const fn index(self) -> usize {
        self as usize
    }

    /// The step with this index, if any.
    pub fn from_index(i: usize) -> Option<CascadeStep> {
        CascadeStep::ALL.get(i).copied()
    }

    /// The step a region of the spine belongs to.
    pub const fn of_region(region: Region) -> CascadeStep {
        match region {
            Region::UpperCervical => CascadeStep::HeadAndUpperNeck,
            Region::LowerCervical => CascadeStep::LowerNeckAndShoulders,
            Region::Thoracic => CascadeStep::Thoracic,
            Region::Lumbar => CascadeStep::Lumbar,
        }
    }

    /// The step that moves a joint.
    pub const fn of(level: Level) -> CascadeStep {
        CascadeStep::of_region(level.region())
    }

    /// The step that moves vertebra `i` of `Landmarks::vertebrae` (0 = C1 … 23 = L5).
    pub const fn of_vertebra(i: usize) -> CascadeStep {
        CascadeStep::of_region(Region::of_vertebra(i))
    }

    /// The spine region of the step, or `None` for the pelvis and legs.
    pub const fn region(self) -> Option<Region> {
        match self {
            CascadeStep::HeadAndUpperNeck => Some(Region::UpperCervical),
            CascadeStep::LowerNeckAndShoulders => Some(Region::LowerCervical),
            CascadeStep::Thoracic => Some(Region::Thoracic),
            CascadeStep::Lumbar => Some(Region::Lumbar),
            CascadeStep::PelvisAndLegs => None,
        }
    }

    /// The name at the JS edge, as the posture's `cascade[].step` serialises it.
    pub const fn key(self) -> &'static str {
        match self {
            CascadeStep::HeadAndUpperNeck => "headAndUpperNeck",
            CascadeStep::LowerNeckAndShoulders => "lowerNeckAndShoulders",
            CascadeStep::Thoracic => "thoracic",
            CascadeStep::Lumbar => "lumbar",
            CascadeStep::PelvisAndLegs => "pelvisAndLegs",
        }
    }

    /// A short label for tables, such as the model card's column headers.
    pub const fn label(self) -> &'static str {
        match self {
            CascadeStep::HeadAndUpperNeck => "head, upper neck",
            CascadeStep::LowerNeckAndShoulders => "lower neck, shoulders",
            CascadeStep::Thoracic => "thoracic",
            CascadeStep::Lumbar => "lumbar",
            CascadeStep::PelvisAndLegs => "pelvis, legs",
        }
    }

    /// The joints the step moves, first and last, or `None` for the pelvis and legs.
    pub fn joints(self) -> Option<(Level, Level)> {
        let region = self.region()?;
        let mut levels = Level::ALL.iter().filter(|l| l.region() == region);
        let first = *levels.next()?;
        Some((first, *levels.next_back().unwrap_or(&first)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::level::VERTEBRA_COUNT;

    #[test]
    fn steps_cover_every_joint_in_order() {
        let steps: Vec<usize> = Level::ALL
            .iter()
            .map(|l| CascadeStep::of(*l).index())
            .collect();
        assert!(steps.windows(2).all(|w| w[0] <= w[1]));
        assert_eq!(steps[Level::C7T1.index()], 1);
        assert_eq!(steps[Level::T12L1.index()], 2);
        assert_eq!(steps[Level::L5S1.index()], 3);
    }

    #[test]
    fn vertebrae_follow_their_names() {
        let steps: Vec<usize> = (0..VERTEBRA_COUNT)
            .map(|i| CascadeStep::of_vertebra(i).index())
            .collect();
        // C1 C2 | C3..C7 | T1..T12 | L1..L5
        let want: Vec<usize> = [0; 2]
            .into_iter()
            .chain([1; 5])
            .chain([2; 12])
            .chain([3; 5])
            .collect();
        assert_eq!(steps, want);
    }

    #[test]
    fn keys_are_the_serialised_names_and_joints_the_regions() {
        assert_eq!(
            CascadeStep::HeadAndUpperNeck.joints(),
            Some((Level::C0C1, Level::C1C2))
        );
        assert_eq!(
            CascadeStep::Lumbar.joints(),
            Some((Level::L1L2, Level::L5S1))
        );
        assert_eq!(CascadeStep::PelvisAndLegs.joints(), None);
        for (i, s) in CascadeStep::ALL.iter().enumerate() {
            assert_eq!(s.index(), i);
            assert_eq!(CascadeStep::from_index(i), Some(*s));
            let first = s.key().chars().next().unwrap();
            assert!(first.is_ascii_lowercase() && !s.key().contains(' '));
        }
    }
}
