//! Every number the model rests on, with its source: ranges of motion, segment masses and lengths,
//! spinal curves, and the few calibrated or assumed constants.
//!
//! Units are stated per constant: degrees and millimetres as tabulated in the sources, fractions of
//! stature or body mass where the source gives fractions. `body.rs` converts them to SI.

/// Segmental range of motion per level, head to sacrum, degrees:
/// `[flexion + extension (whole arc), lateral bend (one side), axial rotation (one side)]`.
/// White AA, Panjabi MM. Clinical Biomechanics of the Spine, 2nd ed., 1990 (representative values).
/// One row per joint: `level.rs` checks at compile time that there are `LEVEL_COUNT` of them, so
/// this file stays a leaf that imports nothing.
#[rustfmt::skip]
pub(crate) const ROM_DEG: [[f64; 3]; 25] = [
    [25.0, 5.0, 5.0],   // C0-C1
    [20.0, 5.0, 40.0],  // C1-C2
    [10.0, 10.0, 3.0],  // C2-C3
    [15.0, 11.0, 7.0],  // C3-C4
    [20.0, 11.0, 7.0],  // C4-C5
    [20.0, 8.0, 7.0],   // C5-C6
    [17.0, 7.0, 6.0],   // C6-C7
    [9.0, 4.0, 2.0],    // C7-T1
    [4.0, 6.0, 9.0],    // T1-T2
    [4.0, 6.0, 8.0],    // T2-T3
    [4.0, 6.0, 8.0],    // T3-T4
    [4.0, 6.0, 8.0],    // T4-T5
    [4.0, 6.0, 8.0],    // T5-T6
    [5.0, 6.0, 7.0],    // T6-T7
    [6.0, 6.0, 7.0],    // T7-T8
    [6.0, 6.0, 6.0],    // T8-T9
    [6.0, 6.0, 4.0],    // T9-T10
    [9.0, 7.0, 2.0],    // T10-T11
    [12.0, 9.0, 2.0],   // T11-T12
    [12.0, 8.0, 2.0],   // T12-L1
    [12.0, 6.0, 2.0],   // L1-L2
    [14.0, 6.0, 2.0],   // L2-L3
    [15.0, 8.0, 2.0],   // L3-L4
    [16.0, 6.0, 2.0],   // L4-L5
    [17.0, 3.0, 1.0],   // L5-S1
];

/// Segment masses, percent of body mass, `[male, female]`. de Leva P. J Biomech. 1996;29:1223-1230.
/// de Leva's head segment runs from the vertex to C7 and so includes the neck.
pub(crate) const HEAD_PCT: [f64; 2] = [6.94, 6.68];
pub(crate) const TRUNK_PCT: [f64; 2] = [43.46, 42.57];
/// Upper, middle and lower trunk, male (de Leva 1996); the female trunk is split in the same ratio.
pub(crate) const TRUNK_PARTS_MALE_PCT: [f64; 3] = [15.96, 16.33, 11.17];
/// Upper arm + forearm + hand, one side (de Leva 1996: 2.71 + 1.62 + 0.61; 2.55 + 1.38 + 0.56).
pub(crate) const ARM_PCT: [f64; 2] = [2.71 + 1.62 + 0.61, 2.55 + 1.38 + 0.56];
pub(crate) const THIGH_PCT: [f64; 2] = [14.16, 14.78];
/// Share of the lower trunk carried by the L4 and L5 segments; the rest is the pelvis. Assumption,
/// checked against the mass above L5/S1 (about 54%, derived from Winter 2009, Table 4.1).
pub(crate) const LOWER_TRUNK_ON_LUMBAR: f64 = 1.0 / 3.0;

/// Lengths as fractions of stature H (Drillis and Contini, as drawn in Winter 2009, Fig. 4.1). The
/// knee, ankle and foot figures are the same chart's standard values; the foot only shapes the
/// drawing.
pub(crate) const BIACROMIAL_H: f64 = 0.259;
pub(crate) const HIP_WIDTH_H: f64 = 0.191;
pub(crate) const HEAD_HEIGHT_H: f64 = 0.130;
pub(crate) const SHOULDER_HEIGHT_H: f64 = 0.818;
pub(crate) const TROCHANTER_HEIGHT_H: f64 = 0.530;
pub(crate) const KNEE_HEIGHT_H: f64 = 0.285;
pub(crate) const ANKLE_HEIGHT_H: f64 = 0.039;
pub(crate) const FOOT_LENGTH_H: f64 = 0.152;
/// Hip joint centres about 17 cm apart in an adult of 175 cm (Winter 2009), scaled with stature.
pub(crate) const HIP_CENTRE_SPACING_H: f64 = 0.170 / 1.75;

/// Regional spine lengths in an adult man of about 175 cm, mm: cervical (C1-C7), thoracic, lumbar.
pub(crate) const REGION_LENGTH_MM: [f64; 3] = [120.0, 280.0, 180.0];
pub(crate) const REFERENCE_STATURE_M: f64 = 1.75;

/// Spinal curves in the neutral stance, degrees.
/// Cervical lordosis C2-C7 (Guo GM et al. J Orthop Surg Res. 2018;13:147).
pub(crate) const CERVICAL_LORDOSIS_DEG: f64 = 13.0;
/// Thoracic kyphosis, within the normal 20-40° (Fon GT et al. AJR 1980;134:979-983).
pub(crate) const THORACIC_KYPHOSIS_DEG: f64 = 30.0;
/// Lumbar lordosis T12-S1 (about 50 ± 11° standing); taken at 55°, within that spread, so that
/// the neutral stance has a normal sagittal vertical axis (about 2 cm, Schwab 2012) with the
/// sacral slope and kyphosis below.
pub(crate) const LUMBAR_LORDOSIS_DEG: f64 = 55.0;
/// Sacral slope and pelvic tilt (Vialle R et al. J Bone Joint Surg Am. 2005;87:260-267).
pub(crate) const SACRAL_SLOPE_DEG: f64 = 41.0;
pub(crate) const PELVIC_TILT_DEG: f64 = 13.0;
/// Share of the lumbar lordosis at each joint T12-L1 .. L5-S1 (assumption: the lower lumbar
/// joints carry most of it).
pub(crate) const LORDOSIS_SHARE: [f64; 6] = [0.04, 0.06, 0.10, 0.18, 0.26, 0.36];

/// Coupling ratio AR/LB in the lower cervical spine, C2-C3 down to C7-T1 (Cook C et al. J
/// Manipulative Physiol Ther. 2006;29:570-575): about 0.67 at C2 falling to about 0.13 at C7. The
/// educator's cervical coefficient scales this profile, normalised so its mean is 1.
pub(crate) const CERVICAL_COUPLING_PROFILE: [f64; 6] = [0.67, 0.56, 0.45, 0.35, 0.24, 0.13];

/// Lever arm of the neck extensors about C7-T1, as a fraction of stature (2.3 cm at 175 cm).
/// Calibrated once against Hansraj 2014 within the physiological few centimetres; see the card.
/// The compression model uses it at every cervical joint (C0-C1 … C7-T1).
pub(crate) const NECK_EXTENSOR_ARM_H: f64 = 0.023 / 1.75;

/// Single-equivalent extensor moment arm about the lumbar joints, fraction of stature (5 cm at
/// 175 cm): the fixed value simple low-back models use for the erector spinae (Güngör 2013,
/// "typically approximated using a fixed value (5 cm or 2 inches)"; Chaffin, Andersson and Martin,
/// Occupational Biomechanics). A convention, not a measurement of one person.
pub(crate) const LUMBAR_EXTENSOR_ARM_H: f64 = 0.05 / 1.75;
/// The same for the thoracic joints (5 cm at 175 cm). Assumption: no thoracic value was found;
/// the lumbar convention is carried up.
pub(crate) const THORACIC_EXTENSOR_ARM_H: f64 = 0.05 / 1.75;
/// The lateral moment arm of the extensor pair over its posterior one, every region: the pair
/// lies about as far to each side of the joint as behind it. Assumption.
pub(crate) const EXTENSOR_LATERAL_OVER_POSTERIOR: f64 = 1.0;

/// Range of the shoulder girdle's elevation and depression on each side, degrees: the
/// sternoclavicular and scapulothoracic motion lumped into one turn of the acromion about the top
/// of the thorax's midline (so the lever is half the biacromial width, about 23 cm at 175 cm, and
/// 10° moves the acromion about 4 cm). Ludewig 2004 measured 11-15° of clavicular elevation during
/// arm raising (n = 30); textbook pages give the sternoclavicular joint 10-15° of depression and
/// 35-48° of elevation (secondary, low confidence). 10° takes the smaller, depression side.
pub(crate) const GIRDLE_RANGE_DEG: f64 = 10.0;
/// Range of the soft goal that keeps the shoulders level, fraction of stature (19.5 mm at 175 cm):
/// half the span of the normal radiographic shoulder balance, -1.5 to +2.4 cm (mean ± 2 SD, 273
/// adolescents without spinal pathology; Spine Deformity, LSUHSC repository). That people level
/// their shoulders at all is an assumption of this model; this range says how hard.
pub(crate) const SHOULDER_LEVEL_RANGE_H: f64 = 0.0195 / 1.75;

/// Effective range of the legs' absorption of a leg-length difference (knee flexion, foot pronation
/// on the long side, supination on the short side), metres at 175 cm. Assumption.
pub(crate) const LEG_ABSORPTION_RANGE_H: f64 = 0.020 / 1.75;
/// Range of the soft goal that keeps the pelvis level, degrees. Calibrated so that the pelvic
/// obliquity rises about 0.8° per cm of leg-length difference (Cummings 1993, Young 2000).
pub(crate) const PELVIS_LEVEL_RANGE_DEG: f64 = 3.9;
/// Range of the pelvis's sagittal tilt on the hips (anterior positive), each way, degrees: half
/// the active standing range from full anterior to full posterior tilt, 16.31 ± 6.25° in 105
/// college students (palpation meter; "Effect of Sleeping Posture on the Pelvic Tilt and the Range
/// of Motion in Sitting and Standing", a Korean physical-therapy journal, authors not shown on the
/// page read). Gajdosik 1985 measured the same range in 20 men (figures not read here).
pub(crate) const PELVIC_TILT_RANGE_DEG: f64 = 8.0;
/// Range of pelvic axial rotation on the hips, degrees. Assumption.
pub(crate) const PELVIS_YAW_RANGE_DEG: f64 = 10.0;
/// Range of the pelvis's horizontal shift over the feet, fraction of stature. Assumption.
pub(crate) const PELVIS_SHIFT_RANGE_H: f64 = 0.03;
/// Range of the soft balance goal (centre of mass over the feet), fraction of stature. Assumption.
pub(crate) const BALANCE_RANGE_H: f64 = 0.005;

/// Trunk mass lies ahead of the vertebral bodies; offset of each trunk segment's centre of mass,
/// fraction of stature. Assumption.
pub(crate) const TRUNK_MASS_ANTERIOR_H: f64 = 0.02;

/// Head landmarks relative to the C0-C1 joint, fractions of stature, head upright:
/// `[x (right), y (up), z (forward)]`. Vertex height above C0-C1 is set so the eyes sit halfway
/// down the head (head height 0.130 H, Drillis and Contini); the rest are assumptions.
pub(crate) const HEAD_VERTEX_H: [f64; 3] = [0.0, 0.090, 0.010];
pub(crate) const HEAD_EYE_H: [f64; 3] = [0.0183, 0.025, 0.050];
pub(crate) const HEAD_EAR_H: [f64; 3] = [0.043, 0.010, 0.004];
/// Head centre of mass: about 50% of head length from the vertex (de Leva 1996).
pub(crate) const HEAD_COM_BELOW_VERTEX: f64 = 0.5;
/// Head centre of mass ahead of the occipital condyles, fraction of stature (1 cm). Assumption.
pub(crate) const HEAD_COM_AHEAD_H: f64 = 0.006;

/// C7 spinous process behind the C7 body centre, fraction of stature. Set so the neutral
/// craniovertebral angle is about 50° (controls in Lau, Chiu and Lam 2009).
pub(crate) const C7_SPINOUS_BEHIND_H: f64 = 0.046;
/// Half the depth of the S1 endplate, fraction of stature (posterosuperior corner for the SVA).
pub(crate) const S1_HALF_DEPTH_H: f64 = 0.013;
/// Iliac crests above the hip centres, fraction of stature. Assumption.
pub(crate) const CREST_ABOVE_HIPS_H: f64 = 0.08;

/// The chain strategy (the article's whole-chain hypothesis, docs/model.md "The righting
/// strategies"): an asymmetric postural tone that starts at the upper neck and spreads down. Each
/// figure is an offset per degree of head tilt at `toneSpread` 1 (the tone's size is the tilt times
/// the spread times the compensation); positive for a tilt to the right. CHOSEN FOR ILLUSTRATION:
/// no study measured any of them. What the literature read does say, and how much it bears:
/// - That muscle tone above the pelvis can make a functional ("unloaded") leg-length asymmetry,
///   distinct from an anatomic one: Knutson GA. Anatomic and functional leg-length inequality:
///   a review and recommendation for clinical decision-making. Part II. Chiropr Osteopat.
///   2005;13:12 ("may be due to suprapelvic muscle hypertonicity"; reliability and validity of the
///   leg checks still to be shown). Low.
/// - That moving the neck changes the legs' alignment a little: DeWitt JK et al. J Manipulative
///   Physiol Ther. 1994;17(8):530-538 (prone, 8 + 8 subjects: heel shifts under about 1 mm with
///   neck flexion and extension, highly individual, more asymmetric in patients). Very low.
/// - That neck input moves the whole body's weight sideways: Gurfinkel VS, Ivanenko YP, Levik YS.
///   Neuroreport. 1995;7(1):137-140 (head turns shift the centre of gravity laterally in standing
///   adults, given a background of leg-muscle vibration); Okuno K et al. 2017 (pilot, n = 10:
///   vibration of one side of the neck shifts the centre of pressure to the other side). Low; no
///   figure for a static head tilt.
/// - Against a neck-to-shoulder link: Gaffney BM et al. J Electromyogr Kinesiol. 2014 (cervical
///   posture changed independently of scapular posture, but for adduction with extension);
///   Ludewig PM, Cook TM. J Occup Rehabil. 1996;6(3):147-158 (head flexion did not change upper
///   trapezius activity). Both sagittal; nothing read measured a frontal head tilt.
///
/// Elevation of the shoulder girdle on the side the head tilts to, degrees per degree.
pub(crate) const CHAIN_GIRDLE_ELEVATION_PER_DEG: f64 = 0.6;
/// Axial rotation of the thoracic spine (T1-T2 … T12-L1, spread as least effort would) toward the
/// side of the tilt, degrees per degree.
pub(crate) const CHAIN_THORACIC_ROTATION_PER_DEG: f64 = 0.6;
/// Lateral bend of the lumbar spine (L1-L2 … L5-S1) toward the side of the tilt, degrees per
/// degree: the side's quadratus lumborum drawing the ribs and the crest together.
pub(crate) const CHAIN_LUMBAR_BEND_PER_DEG: f64 = 0.4;
/// The pelvic hike on the side of the tilt as a functional leg-length difference (the hip on that
/// side held higher, which the legs then partly absorb as they absorb an anatomic one), fraction
/// of stature per degree (1.2 mm at 175 cm).
pub(crate) const CHAIN_PELVIC_HIKE_H_PER_DEG: f64 = 0.0012 / 1.75;
/// Axial rotation of the pelvis away from the side of the tilt (against the thorax), degrees per
/// degree.
pub(crate) const CHAIN_PELVIC_ROTATION_PER_DEG: f64 = 0.3;
/// Weight moved onto the foot opposite the tilt, percentage points of body weight per degree: the
/// one part of the tone that is a set point (where the body holds its centre of mass over the feet)
/// rather than an offset of a joint.
pub(crate) const CHAIN_WEIGHT_SHIFT_PCT_PER_DEG: f64 = 0.4;

/// Standard gravity, m/s².
pub(crate) const GRAVITY: f64 = 9.806_65;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_and_profiles_are_normalised_where_they_claim_to_be() {
        assert!((LORDOSIS_SHARE.iter().sum::<f64>() - 1.0).abs() < 1e-12);
        let trunk: f64 = TRUNK_PARTS_MALE_PCT.iter().sum();
        assert!((trunk - TRUNK_PCT[0]).abs() < 1e-9);
    }

    #[test]
    fn every_range_of_motion_is_positive() {
        assert!(ROM_DEG.iter().flatten().all(|&r| r > 0.0));
    }
}
