//! The shoulder girdle: each side's own elevation, so that the shoulder height difference is the
//! thorax's tilt carried across the shoulders plus the girdles' own part, which the soft
//! level-shoulders goal moves against the thorax. Millimetres and degrees, as published.

use posture_chain::{solve, Measure, Posture, Scenario};

use crate::util::{assert_approx_eq, tilt};

/// The thorax's part of the shoulder difference: the total minus the girdles' own part.
fn thorax_part_mm(p: &Posture) -> f64 {
    p.measures.shoulder_height_diff_mm - p.measures.shoulder_elevation_diff_mm
}

#[test]
fn without_compensation_the_girdles_do_not_move() {
    for t in [-20.0, -5.0, 5.0, 20.0] {
        let p = solve(&Scenario {
            compensation: 0.0,
            ..tilt(t)
        });
        assert_eq!(p.measures.shoulder_elevation_diff_mm, 0.0, "tilt {t}°");
    }
}

#[test]
fn the_girdles_work_against_the_thorax_and_grow_with_the_tilt() {
    let mut last = 0.0;
    for t in [2.0, 5.0, 10.0, 20.0] {
        let p = solve(&tilt(t));
        let (girdle, thorax) = (p.measures.shoulder_elevation_diff_mm, thorax_part_mm(&p));
        assert!(girdle.abs() > last, "tilt {t}°: {girdle} mm");
        last = girdle.abs();
        // Opposite signs: the girdle takes back part of what the thorax's tilt gives.
        assert!(
            girdle * thorax < 0.0,
            "tilt {t}°: girdle {girdle}, thorax {thorax}"
        );
        assert!(p.measures.shoulder_height_diff_mm.abs() < thorax.abs());
        // Within the girdle's range of 10° on a lever of half the shoulder width, on each side.
        let half_width_mm = 0.5 * 0.259 * 1750.0;
        assert!(girdle.abs() < 2.0 * half_width_mm * 10f64.to_radians().sin());
    }
}

#[test]
fn the_girdles_part_is_a_read_out_of_its_own_and_mirrors() {
    let m = Measure::from_key("shoulderElevationDiffMm").unwrap();
    let right = solve(&tilt(10.0));
    let left = solve(&tilt(-10.0));
    assert_approx_eq!(m.of(&right.measures), -m.of(&left.measures), 1e-6);
    assert!(m.of(&right.measures).abs() > 1.0);
}
