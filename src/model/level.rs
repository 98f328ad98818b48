//! The 25 joints of the chain, from the head joint (C0-C1) down to the lumbosacral joint (L5-S1).

use serde::{Serialize, Serializer};

use super::params::ROM_DEG;

/// A region of the spine. Every [`Level`] belongs to exactly one, and so does every vertebra.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Region {
    /// C0-C1 and C1-C2: the head on the atlas and axis.
    UpperCervical,
    /// C2-C3 down to C7-T1.
    LowerCervical,
    /// T1-T2 down to T12-L1.
    Thoracic,
    /// L1-L2 down to L5-S1.
    Lumbar,
}

impl Region {
    /// Every region, head to sacrum.
    pub const ALL: [Region; 4] = [
        Region::UpperCervical,
        Region::LowerCervical,
        Region::Thoracic,
        Region::Lumbar,
    ];

    /// Position in [`Region::ALL`].
    pub const fn index(self) -> usize {
        self as usize
    }

    /// The region of vertebra `i` of `Landmarks::vertebrae` (0 = C1 … 23 = L5): C1-C2 upper
    /// cervical, C3-C7 lower cervical, T1-T12 thoracic, L1-L5 lumbar.
    pub const fn of_vertebra(i: usize) -> Region {
        match i {
            0..=1 => Region::UpperCervical,
            2..=6 => Region::LowerCervical,
            7..=18 => Region::Thoracic,
            _ => Region::Lumbar,
        }
    }

    /// Index of the region's lowest vertebra in `Landmarks::vertebrae` (C2, C7, T12, L5).
    pub const fn last_vertebra(self) -> usize {
        match self {
            Region::UpperCervical => 1,
            Region::LowerCervical => 6,
            Region::Thoracic => 18,
            Region::Lumbar => VERTEBRA_COUNT - 1,
        }
    }
}

/// One intervertebral joint (or the head joint C0-C1), named by the two bodies it joins.
///
/// ```
/// use posture_chain::Level;
/// assert_eq!(Level::ALL.len(), 25);
/// assert_eq!(Level::ALL[0].name(), "C0-C1");
/// assert_eq!(Level::L5S1.name(), "L5-S1");
/// assert_eq!(Level::L5S1.index(), 24);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[rustfmt::skip]
pub enum Level {
    C0C1, C1C2, C2C3, C3C4, C4C5, C5C6, C6C7, C7T1,
    T1T2, T2T3, T3T4, T4T5, T5T6, T6T7, T7T8, T8T9, T9T10, T10T11, T11T12, T12L1,
    L1L2, L2L3, L3L4, L4L5, L5S1,
}

/// How many joints the chain has.
pub const LEVEL_COUNT: usize = 25;

/// How many vertebral bodies the chain has, C1 to L5 (one under each joint but the last).
pub const VERTEBRA_COUNT: usize = LEVEL_COUNT - 1;

// The parameter table has one row per level (a type error otherwise).
const _: [[f64; 3]; LEVEL_COUNT] = ROM_DEG;

/// A joint's representative range of motion in degrees (White AA, Panjabi MM. Clinical
/// Biomechanics of the Spine, 2nd ed., 1990). The model takes half the flexion-extension arc as the
/// range each way, and the lateral-bend and axial-rotation figures (one side) as they are.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RangeOfMotion {
    /// The whole arc, flexion plus extension.
    pub flexion_extension_deg: f64,
    /// To one side.
    pub lateral_bend_deg: f64,
    /// To one side.
    pub axial_rotation_deg: f64,
}

impl Level {
    /// Every level, head to sacrum.
    #[rustfmt::skip]
    pub const ALL: [Level; LEVEL_COUNT] = [
        Level::C0C1, Level::C1C2, Level::C2C3, Level::C3C4, Level::C4C5, Level::C5C6, Level::C6C7,
        Level::C7T1, Level::T1T2, Level::T2T3, Level::T3T4, Level::T4T5, Level::T5T6, Level::T6T7,
        Level::T7T8, Level::T8T9, Level::T9T10, Level::T10T11, Level::T11T12, Level::T12L1,
        Level::L1L2, Level::L2L3, Level::L3L4, Level::L4L5, Level::L5S1,
    ];

    /// Position in [`Level::ALL`], 0 for C0-C1.
    pub const fn index(self) -> usize {
        self as usize
    }

    /// The clinical name, such as `"C7-T1"`.
    pub const fn name(self) -> &'static str {
        const NAMES: [&str; LEVEL_COUNT] = [
            "C0-C1", "C1-C2", "C2-C3", "C3-C4", "C4-C5", "C5-C6", "C6-C7", "C7-T1", "T1-T2",
            "T2-T3", "T3-T4", "T4-T5", "T5-T6", "T6-T7", "T7-T8", "T8-T9", "T9-T10", "T10-T11",
            "T11-T12", "T12-L1", "L1-L2", "L2-L3", "L3-L4", "L4-L5", "L5-S1",
        ];
        NAMES[self as usize]
    }

    /// The joint's range of motion.
    ///
    /// ```
    /// use posture_chain::Level;
    /// assert_eq!(Level::C1C2.range_of_motion().axial_rotation_deg, 40.0);
    /// ```
    pub const fn range_of_motion(self) -> RangeOfMotion {
        let [fe, lb, ar] = ROM_DEG[self as usize];
        RangeOfMotion {
            flexion_extension_deg: fe,
            lateral_bend_deg: lb,
            axial_rotation_deg: ar,
        }
    }

    /// The region this joint belongs to.
    pub const fn region(self) -> Region {
        match self.index() {
            0..=1 => Region::UpperCervical,
            2..=7 => Region::LowerCervical,
            8..=19 => Region::Thoracic,
            _ => Region::Lumbar,
        }
    }
}

impl std::fmt::Display for Level {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl Serialize for Level {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_is_in_index_order_and_names_are_unique() {
        for (i, level) in Level::ALL.iter().enumerate() {
            assert_eq!(level.index(), i);
        }
        let mut names: Vec<_> = Level::ALL.iter().map(|l| l.name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), LEVEL_COUNT);
    }

    #[test]
    fn regions_follow_the_spine() {
        assert_eq!(Level::C1C2.region(), Region::UpperCervical);
        assert_eq!(Level::C7T1.region(), Region::LowerCervical);
        assert_eq!(Level::T12L1.region(), Region::Thoracic);
        assert_eq!(Level::L1L2.region(), Region::Lumbar);
    }

    #[test]
    fn each_regions_last_vertebra_is_where_the_next_begins() {
        for (k, r) in Region::ALL.iter().enumerate() {
            assert_eq!(r.index(), k);
            let last = r.last_vertebra();
            assert_eq!(Region::of_vertebra(last), *r);
            if k + 1 < Region::ALL.len() {
                assert_eq!(Region::of_vertebra(last + 1), Region::ALL[k + 1]);
            }
        }
    }
}
