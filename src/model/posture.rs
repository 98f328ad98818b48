//! The result of one solve: joint angles, loads, clinical read-outs and landmarks to draw.

use serde::Serialize;

use super::level::{Level, LEVEL_COUNT};
use super::step::CascadeStep;
use super::strategy::StrategyTag;

/// A point of the body in millimetres: x to the subject's right, y up from the floor, z forward.
/// The origin is on the floor midway between the feet.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct PointMm {
    pub x: f64,
    pub y: f64,
    pub z: f64,
}

impl PointMm {
    pub const fn new(x: f64, y: f64, z: f64) -> Self {
        PointMm { x, y, z }
    }
}

/// The clinician's read-outs. Signs: a positive height difference means the right side is higher.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Measures {
    /// Tilt of the line between the eyes; positive: the right eye is higher.
    pub eye_line_tilt_deg: f64,
    /// Tilt of the acromion line; positive: the right shoulder is higher.
    pub shoulder_tilt_deg: f64,
    /// Right acromion height minus left.
    pub shoulder_height_diff_mm: f64,
    /// The shoulder girdles' own part of it: the right acromion's elevation over the thorax (T1)
    /// minus the left's; positive: the right girdle is raised more (or lowered less).
    pub shoulder_elevation_diff_mm: f64,
    /// Tilt of the iliac-crest line; positive: the right crest is higher.
    pub pelvic_obliquity_deg: f64,
    /// Axial rotation of the pelvis; positive: it turns to the right.
    pub pelvic_rotation_deg: f64,
    /// Right hip-joint-centre height minus left.
    pub functional_leg_length_diff_mm: f64,
    /// C7 plumb line to the central sacral vertical line; positive: C7 lies to the right.
    pub coronal_balance_mm: f64,
    /// C7 plumb line ahead of the posterosuperior corner of S1 (Schwab 2012); positive: forward.
    pub sagittal_vertical_axis_mm: f64,
    /// Angle of the tragus-to-C7 line above the horizontal.
    pub craniovertebral_angle_deg: f64,
    /// Effective load on the neck: head weight plus the extensor force that balances it, in kg.
    pub head_load_kg: f64,
    /// Share of the body weight on the left foot, 0..=100.
    pub weight_left_pct: f64,
}

/// One joint's state: deviations from the neutral standing posture, its moments and compression.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct JointState {
    pub level: Level,
    /// Positive: the part above bends toward the subject's right.
    pub lateral_bend_deg: f64,
    /// Positive: forward flexion; negative: extension.
    pub flexion_deg: f64,
    /// Positive: the part above turns to the right.
    pub axial_rotation_deg: f64,
    /// Gravitational moment of everything above, frontal plane (positive: bends it to the right).
    pub moment_frontal_nm: f64,
    /// Gravitational moment of everything above, sagittal plane (positive: flexes it forward).
    pub moment_sagittal_nm: f64,
    /// Magnitude of the two moments together.
    pub moment_nm: f64,
    /// Compression along the joint's axis (N): the weight above on the axis plus the
    /// single-equivalent extensor force that balances the moments (docs/model.md §6).
    pub compression_n: f64,
    /// `compression_n` over the same body's compression at this joint in neutral standing.
    pub compression_ratio: f64,
}

impl JointState {
    pub const fn neutral(level: Level) -> Self {
        JointState {
            level,
            lateral_bend_deg: 0.0,
            flexion_deg: 0.0,
            axial_rotation_deg: 0.0,
            moment_frontal_nm: 0.0,
            moment_sagittal_nm: 0.0,
            moment_nm: 0.0,
            compression_n: 0.0,
            compression_ratio: 0.0,
        }
    }
}

/// One step's share of the total compensating bend.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CascadeShare {
    pub step: CascadeStep,
    /// 0..=1; the five shares sum to 1, or are all 0 when nothing compensates.
    pub share: f64,
}

/// Points to draw, in millimetres (see [`PointMm`] for the axes).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Landmarks {
    pub head_top: PointMm,
    pub head_centre: PointMm,
    pub eye_left: PointMm,
    pub eye_right: PointMm,
    pub ear_left: PointMm,
    pub ear_right: PointMm,
    pub c7: PointMm,
    pub acromion_left: PointMm,
    pub acromion_right: PointMm,
    pub iliac_crest_left: PointMm,
    pub iliac_crest_right: PointMm,
    /// Centre of the top of S1.
    pub sacrum: PointMm,
    pub hip_left: PointMm,
    pub hip_right: PointMm,
    pub knee_left: PointMm,
    pub knee_right: PointMm,
    pub ankle_left: PointMm,
    pub ankle_right: PointMm,
    /// Centres of the vertebral bodies C1..L5, top to bottom (24).
    pub vertebrae: [PointMm; 24],
    /// Tip of the C7 spinous process (the skin landmark of the craniovertebral angle); `c7` is the
    /// centre of the C7 body.
    pub c7_spinous: PointMm,
    /// The whole body's centre of mass projected on the floor (y = 0): where the plumb line lands.
    pub centre_of_mass: PointMm,
    /// The head's centre of mass (the point whose lever about C7 loads the neck).
    pub head_centre_of_mass: PointMm,
    /// Back and front of each foot on the floor (the heel lifts when a leg lengthens by supination).
    pub heel_left: PointMm,
    pub heel_right: PointMm,
    pub toe_left: PointMm,
    pub toe_right: PointMm,
}

/// A condition the reader should be told about.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(into = "String")]
pub enum Warning {
    /// An input was out of range, not finite, or of the wrong type; `used` is the value taken.
    Input {
        field: &'static str,
        given: String,
        used: String,
    },
    /// A joint angle lies beyond its range of motion (`motion` is one of [`MOTIONS`]).
    BeyondRange {
        level: Level,
        motion: &'static str,
        angle_deg: f64,
        range_deg: f64,
    },
}

/// The motions a range-of-motion warning names, in the order of the codes the widget hands out
/// (`warning(i, 1)`) and the generated `MOTIONS` the page words them with.
pub const MOTIONS: [&str; 4] = ["flexion", "extension", "lateral bend", "axial rotation"];

impl Warning {
    /// Appends the warning as one plain sentence.
    pub fn write_to(&self, buf: &mut String) {
        match self {
            Warning::Input { field, given, used } => {
                for part in [*field, ": ", given, " is not usable; using ", used] {
                    buf.push_str(part);
                }
            }
            Warning::BeyondRange {
                level,
                motion,
                angle_deg,
                range_deg,
            } => {
                for part in [level.name(), ": ", motion, " of "] {
                    buf.push_str(part);
                }
                crate::numfmt::push_fixed_ascii(buf, *angle_deg, 1);
                buf.push_str("° is beyond its range of motion (");
                crate::numfmt::push_fixed_ascii(buf, *range_deg, 0);
                buf.push_str("°)");
            }
        }
    }
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut text = String::new();
        self.write_to(&mut text);
        f.write_str(&text)
    }
}

impl From<Warning> for String {
    fn from(w: Warning) -> String {
        let mut text = String::new();
        w.write_to(&mut text);
        text
    }
}

/// Everything one solve yields.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Posture {
    pub measures: Measures,
    /// Head to sacrum, in the order of [`Level::ALL`].
    pub joints: [JointState; LEVEL_COUNT],
    /// The five steps, top to bottom.
    pub cascade: [CascadeShare; CascadeStep::COUNT],
    pub landmarks: Landmarks,
    /// The strategy that produced it, and whether that strategy is established.
    pub strategy: StrategyTag,
    pub warnings: Vec<Warning>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn warnings_read_as_sentences_naming_what_and_how_much() {
        let w = Warning::BeyondRange {
            level: Level::C4C5,
            motion: "lateral bend",
            angle_deg: -12.34,
            range_deg: 11.0,
        };
        assert_eq!(
            w.to_string(),
            "C4-C5: lateral bend of -12.3° is beyond its range of motion (11°)"
        );
        let w = Warning::Input {
            field: "massKg",
            given: "NaN".into(),
            used: "75".into(),
        };
        assert_eq!(String::from(w), "massKg: NaN is not usable; using 75");
    }

    #[test]
    fn a_neutral_joint_has_nothing_but_its_level() {
        let j = JointState::neutral(Level::T7T8);
        assert_eq!(j.level, Level::T7T8);
        assert_eq!(
            [
                j.lateral_bend_deg,
                j.flexion_deg,
                j.axial_rotation_deg,
                j.compression_n,
                j.compression_ratio
            ],
            [0.0; 5]
        );
    }
}
