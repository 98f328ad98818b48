//! The cascade: top-down and bottom-up both end level and balanced but spread differently, and
//! bigger causes give bigger effects, down to the load on the lower back.

use posture_chain::{solve, CascadeStep, Level, Posture, Scenario};

use crate::util::{assert_approx_eq, leg, tilt};

fn share(p: &Posture, step: CascadeStep) -> f64 {
    p.cascade
        .iter()
        .find(|c| c.step == step)
        .map(|c| c.share)
        .unwrap()
}

fn lumbosacral(p: &Posture) -> &posture_chain::JointState {
    &p.joints[Level::L5S1.index()]
}

// ---------------------------------------------------------------------------------------------
// Top-down and bottom-up

#[test]
fn top_down_and_bottom_up_both_end_level_and_balanced_but_spread_differently() {
    let check = |s: Scenario| {
        let p = solve(&s);
        let m = &p.measures;
        assert_approx_eq!(m.eye_line_tilt_deg, 0.0, 0.1, "{s:?}");
        // Coronal balance within 2 cm is normal; weight nearly even.
        assert!(m.coronal_balance_mm.abs() < 20.0, "{m:?}");
        assert_approx_eq!(m.weight_left_pct, 50.0, 3.0);
        let total: f64 = p.cascade.iter().map(|c| c.share).sum();
        assert_approx_eq!(total, 1.0, 1e-12);
        p
    };
    let top_down = check(tilt(10.0));
    let bottom_up = check(leg(15.0));
    let pelvis = CascadeStep::PelvisAndLegs;
    let neck = CascadeStep::LowerNeckAndShoulders;
    assert!(share(&bottom_up, pelvis) > 0.5, "{:?}", bottom_up.cascade);
    assert!(share(&top_down, pelvis) < 0.2, "{:?}", top_down.cascade);
    assert!(share(&top_down, neck) > 3.0 * share(&bottom_up, neck));
    // From the top the tilt is worked off downward: the neck bends against it.
    let neck_bend: f64 = top_down.joints[2..8]
        .iter()
        .map(|j| j.lateral_bend_deg)
        .sum();
    assert!(neck_bend < -2.0);
    // From the bottom the spine bends toward the long leg above a pelvis tilted away from it.
    let spine_bend: f64 = bottom_up.joints.iter().map(|j| j.lateral_bend_deg).sum();
    assert!(spine_bend > 0.0 && bottom_up.measures.pelvic_obliquity_deg > 0.0);
}

// ---------------------------------------------------------------------------------------------
// Bigger causes, bigger effects

#[test]
fn effects_grow_with_the_head_tilt() {
    let tilts: Vec<f64> = (0..=40).map(|k| k as f64 * 0.5).collect();
    let postures: Vec<Posture> = tilts.iter().map(|t| solve(&tilt(*t))).collect();
    let grows = |name: &str, f: &dyn Fn(&Posture) -> f64| {
        for (w, t) in postures.windows(2).zip(&tilts) {
            let (a, b) = (f(&w[0]), f(&w[1]));
            assert!(b >= a - 1e-9, "{name} falls from {a} to {b} after {t}°");
        }
        assert!(f(&postures[40]) > f(&postures[0]), "{name} does not grow");
    };
    grows("shoulder tilt", &|p| p.measures.shoulder_tilt_deg.abs());
    grows("neck bend", &|p| {
        p.joints[2..8]
            .iter()
            .map(|j| j.lateral_bend_deg.abs())
            .sum()
    });
    grows("thoracic bend", &|p| {
        p.joints[8..20]
            .iter()
            .map(|j| j.lateral_bend_deg.abs())
            .sum()
    });
    grows("lumbar bend", &|p| {
        p.joints[20..]
            .iter()
            .map(|j| j.lateral_bend_deg.abs())
            .sum()
    });
    grows("coronal shift", &|p| p.measures.coronal_balance_mm.abs());
    grows("lumbosacral frontal moment", &|p| {
        lumbosacral(p).moment_frontal_nm.abs()
    });
    // The lumbosacral compression is not among them: the neck's coupled rotation pitches the head
    // a little, the trunk extends a little to keep the gaze level, and that shortens the low back's
    // sagittal lever (next test). It moves by a few per cent at most.
    for p in &postures {
        let ratio = lumbosacral(p).compression_ratio;
        assert!(
            (ratio - 1.0).abs() < 0.1,
            "lumbosacral compression × {ratio}"
        );
    }
}

#[test]
fn effects_grow_with_the_leg_length_difference() {
    let mut last = solve(&leg(0.0));
    for k in 1..=30 {
        let p = solve(&leg(k as f64));
        let (a, b) = (&last.measures, &p.measures);
        assert!(b.pelvic_obliquity_deg > a.pelvic_obliquity_deg, "at {k} mm");
        assert!(
            b.functional_leg_length_diff_mm > a.functional_leg_length_diff_mm,
            "at {k} mm"
        );
        let bend = |p: &Posture| {
            p.joints[20..]
                .iter()
                .map(|j| j.lateral_bend_deg)
                .sum::<f64>()
        };
        assert!(bend(&p) > bend(&last), "at {k} mm");
        last = p;
    }
}

#[test]
fn lower_back_compression_follows_the_moment_the_model_computes_for_a_head_tilt() {
    let neutral = solve(&tilt(0.0));
    let tilted = solve(&tilt(15.0));
    let (a, b) = (lumbosacral(&neutral), lumbosacral(&tilted));
    // The trunk extends a little (the gaze kept level against the neck's coupled pitch), so the
    // sagittal moment at L5-S1, and with it the compression, falls.
    let trunk_flexion: f64 = tilted.joints[8..].iter().map(|j| j.flexion_deg).sum();
    assert!(trunk_flexion < 0.0, "trunk flexion {trunk_flexion}°");
    assert!(b.moment_sagittal_nm < a.moment_sagittal_nm);
    assert!(
        b.compression_n < a.compression_n,
        "{} -> {}",
        a.compression_n,
        b.compression_n
    );
    // The ratio is over the same body's neutral standing value, which is `a` itself.
    assert_approx_eq!(a.compression_ratio, 1.0, 1e-12);
    assert_approx_eq!(
        b.compression_ratio,
        b.compression_n / a.compression_n,
        1e-12
    );
    assert_approx_eq!(
        b.moment_nm,
        b.moment_frontal_nm.hypot(b.moment_sagittal_nm),
        1e-9
    );
    // The trunk above shifts away from the tilt: the frontal moment turns toward the left.
    assert!(b.moment_frontal_nm < -0.5, "{}", b.moment_frontal_nm);
}
