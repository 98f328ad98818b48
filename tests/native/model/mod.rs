//! The model's specification as native tests, one module per topic: neutral stays neutral, the
//! head (the eyes kept level, Hansraj's loads), geometry, the shoulder girdle, the cascade (its two directions, bigger
//! causes for bigger effects), the sagittal response to a forward head, warnings and the lenient input, the reusable solver, the model card,
//! and properties over the whole input box (finite outputs, ranges, mirror symmetry).
//!
//! Units as the public fields say (degrees, millimetres, kilograms, newton-metres).

mod card;
mod cascade;
mod geometry;
mod girdle;
mod head;
mod neutral;
mod properties;
mod sagittal;
mod solver;
mod strategy;
mod warnings;

use posture_chain::Posture;

/// Every number a posture publishes, with a name for messages.
fn numbers(p: &Posture) -> Vec<(String, f64)> {
    let m = &p.measures;
    let mut out = vec![
        ("eyeLineTiltDeg".to_string(), m.eye_line_tilt_deg),
        ("shoulderTiltDeg".into(), m.shoulder_tilt_deg),
        ("shoulderHeightDiffMm".into(), m.shoulder_height_diff_mm),
        (
            "shoulderElevationDiffMm".into(),
            m.shoulder_elevation_diff_mm,
        ),
        ("pelvicObliquityDeg".into(), m.pelvic_obliquity_deg),
        ("pelvicRotationDeg".into(), m.pelvic_rotation_deg),
        (
            "functionalLegLengthDiffMm".into(),
            m.functional_leg_length_diff_mm,
        ),
        ("coronalBalanceMm".into(), m.coronal_balance_mm),
        ("sagittalVerticalAxisMm".into(), m.sagittal_vertical_axis_mm),
        (
            "craniovertebralAngleDeg".into(),
            m.craniovertebral_angle_deg,
        ),
        ("headLoadKg".into(), m.head_load_kg),
        ("weightLeftPct".into(), m.weight_left_pct),
    ];
    for j in &p.joints {
        let n = j.level.name();
        out.push((format!("{n} bend"), j.lateral_bend_deg));
        out.push((format!("{n} flexion"), j.flexion_deg));
        out.push((format!("{n} rotation"), j.axial_rotation_deg));
        out.push((format!("{n} frontal moment"), j.moment_frontal_nm));
        out.push((format!("{n} sagittal moment"), j.moment_sagittal_nm));
        out.push((format!("{n} moment"), j.moment_nm));
        out.push((format!("{n} compression"), j.compression_n));
        out.push((format!("{n} compression ratio"), j.compression_ratio));
    }
    for c in &p.cascade {
        out.push((format!("{:?} share", c.step), c.share));
    }
    for (name, pt) in points(p) {
        out.push((format!("{name}.x"), pt.x));
        out.push((format!("{name}.y"), pt.y));
        out.push((format!("{name}.z"), pt.z));
    }
    out
}

/// Every landmark with its name.
fn points(p: &Posture) -> Vec<(String, posture_chain::PointMm)> {
    let l = &p.landmarks;
    let mut out: Vec<(String, posture_chain::PointMm)> = vec![
        ("headTop".into(), l.head_top),
        ("headCentre".into(), l.head_centre),
        ("eyeLeft".into(), l.eye_left),
        ("eyeRight".into(), l.eye_right),
        ("earLeft".into(), l.ear_left),
        ("earRight".into(), l.ear_right),
        ("c7".into(), l.c7),
        ("c7Spinous".into(), l.c7_spinous),
        ("acromionLeft".into(), l.acromion_left),
        ("acromionRight".into(), l.acromion_right),
        ("iliacCrestLeft".into(), l.iliac_crest_left),
        ("iliacCrestRight".into(), l.iliac_crest_right),
        ("sacrum".into(), l.sacrum),
        ("hipLeft".into(), l.hip_left),
        ("hipRight".into(), l.hip_right),
        ("kneeLeft".into(), l.knee_left),
        ("kneeRight".into(), l.knee_right),
        ("ankleLeft".into(), l.ankle_left),
        ("ankleRight".into(), l.ankle_right),
        ("heelLeft".into(), l.heel_left),
        ("heelRight".into(), l.heel_right),
        ("toeLeft".into(), l.toe_left),
        ("toeRight".into(), l.toe_right),
        ("centreOfMass".into(), l.centre_of_mass),
        ("headCentreOfMass".into(), l.head_centre_of_mass),
    ];
    for (i, v) in l.vertebrae.iter().enumerate() {
        out.push((format!("vertebra{i}"), *v));
    }
    out
}
