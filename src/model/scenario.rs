//! The inputs of one solve: what is misaligned, by how much, and the body it happens in.

use serde::Serialize;

use super::strategy::Strategy;

/// Biological sex, which selects the segment mass fractions (de Leva 1996).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "camelCase")]
pub enum Sex {
    Female,
    #[default]
    Male,
}

/// Lateral-bend to axial-rotation coupling per region, each in -1..=1
/// (positive: the vertebra turns toward the side it bends to).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Coupling {
    pub cervical: f64,
    pub thoracic: f64,
    pub lumbar: f64,
}

impl Default for Coupling {
    fn default() -> Self {
        Coupling {
            cervical: 0.5,
            thoracic: 0.0,
            lumbar: -0.2,
        }
    }
}

/// The default of [`Scenario::tone_spread`]: half-way, so that the element can show the
/// hypothesis both weaker and stronger (docs/model.md, the chain strategy).
pub const DEFAULT_TONE_SPREAD: f64 = 0.5;

/// Everything the model is asked. `Scenario::default()` is the neutral, symmetric stance.
///
/// Angles are in degrees and lengths in millimetres at this edge, as their names say; see the
/// crate documentation for the axes and the sign of every angle.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Scenario {
    /// Frontal tilt of the head on the upper cervical spine, -20..=20; positive toward the right ear.
    pub head_tilt_deg: f64,
    /// Axial rotation of the head, -30..=30; positive turns the face to the right.
    pub head_rotation_deg: f64,
    /// Forward head posture as neck flexion (Hansraj 2014), 0..=60.
    pub forward_head_deg: f64,
    /// Anatomic leg-length difference, -30..=30; positive: the right leg is longer.
    pub anatomic_leg_length_diff_mm: f64,
    /// Gain of the righting reflexes, 0 (none, the head simply tilts) ..= 1 (eyes exactly level).
    pub compensation: f64,
    /// Standing height, 120..=220.
    pub stature_cm: f64,
    /// Body mass, 30..=200.
    pub mass_kg: f64,
    pub sex: Sex,
    pub coupling: Coupling,
    /// How the body rights the head (docs/model.md, the strategies).
    pub strategy: Strategy,
    /// Under [`Strategy::Chain`]: how far down the chain the one-sided postural tone spreads,
    /// 0 (it stays in the neck) ..= 1; the other strategies ignore it.
    pub tone_spread: f64,
}

impl Default for Scenario {
    fn default() -> Self {
        Scenario {
            head_tilt_deg: 0.0,
            head_rotation_deg: 0.0,
            forward_head_deg: 0.0,
            anatomic_leg_length_diff_mm: 0.0,
            compensation: 1.0,
            stature_cm: 175.0,
            mass_kg: 75.0,
            sex: Sex::Male,
            coupling: Coupling::default(),
            strategy: Strategy::Spine,
            tone_spread: DEFAULT_TONE_SPREAD,
        }
    }
}

impl Scenario {
    /// Where the `<posture-chain>` element starts, and what its reset returns to when no attribute
    /// says otherwise: a 5° head tilt to the right, everything else neutral.
    pub fn page_start() -> Scenario {
        Scenario {
            head_tilt_deg: 5.0,
            ..Scenario::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_is_the_neutral_symmetric_adult() {
        let s = Scenario::default();
        assert_eq!(s.head_tilt_deg, 0.0);
        assert_eq!(s.head_rotation_deg, 0.0);
        assert_eq!(s.forward_head_deg, 0.0);
        assert_eq!(s.anatomic_leg_length_diff_mm, 0.0);
        assert_eq!(s.compensation, 1.0);
        assert_eq!(s.sex, Sex::Male);
    }

    #[test]
    fn default_coupling_follows_the_reviews_directions() {
        // Cervical: same side (Cook 2006); lumbar: opposite side (Panjabi 1989); thoracic: none.
        let c = Coupling::default();
        assert!(c.cervical > 0.0 && c.lumbar < 0.0 && c.thoracic == 0.0);
    }
}
