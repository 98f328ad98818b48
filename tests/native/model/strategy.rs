//! The righting strategies (issue 9): the `strategy` and `toneSpread` inputs as the JS edge reads
//! them, every posture naming its strategy, and what each strategy does with a head tilt.

use posture_chain::{
    parse_scenario_fields, solve, CascadeStep, Input, Level, RawValue, Scenario, Solver, Strategy,
    StrategyTag, DEFAULT_TONE_SPREAD,
};

use crate::util::assert_approx_eq;

/// The default scenario with the head tilted by `deg` under `strategy`.
fn tilted(deg: f64, strategy: Strategy) -> Scenario {
    Scenario {
        head_tilt_deg: deg,
        strategy,
        ..Scenario::default()
    }
}

#[test]
fn the_two_inputs_follow_the_couplings_in_the_table() {
    assert_eq!(Input::Strategy.index(), 10);
    assert_eq!(Input::ToneSpread.index(), 11);
    let s = Input::Strategy;
    assert_eq!(
        (s.key(), s.snake_key(), s.attribute()),
        ("strategy", "strategy", Some("strategy"))
    );
    assert_eq!(
        (s.min(), s.max(), s.step(), s.slider_scale()),
        (0.0, 2.0, 1.0, 1.0)
    );
    assert_eq!(
        s.words(),
        &[("neck", 0.0), ("spine", 1.0), ("chain", 2.0)][..]
    );
    assert_eq!(s.default_value(), 1.0);
    let t = Input::ToneSpread;
    assert_eq!(
        (t.key(), t.snake_key(), t.attribute()),
        ("toneSpread", "tone_spread", Some("tone-spread"))
    );
    assert_eq!(
        (t.min(), t.max(), t.step(), t.slider_scale()),
        (0.0, 1.0, 0.05, 100.0)
    );
    assert_eq!(t.default_value(), DEFAULT_TONE_SPREAD);
}

#[test]
fn the_parser_takes_a_strategy_by_name_or_number_and_warns_on_anything_else() {
    let read = |v: RawValue| {
        let (s, w) = parse_scenario_fields(&[("strategy".to_string(), v)]);
        (
            s.strategy,
            w.iter().map(|w| w.to_string()).collect::<Vec<_>>(),
        )
    };
    assert_eq!(
        read(RawValue::Text("chain".into())),
        (Strategy::Chain, vec![])
    );
    assert_eq!(
        read(RawValue::Text("NECK".into())),
        (Strategy::Neck, vec![])
    );
    assert_eq!(read(RawValue::Number(0.0)), (Strategy::Neck, vec![]));
    for (bad, given) in [
        (RawValue::Number(1.4), "1.4"),
        (RawValue::Text("diagonal".into()), "\"diagonal\""),
        (RawValue::Other("null".into()), "null"),
    ] {
        let (strategy, warnings) = read(bad);
        assert_eq!(strategy, Strategy::Spine);
        assert_eq!(
            warnings,
            [format!("strategy: {given} is not usable; using \"spine\"")]
        );
    }
    // Beyond the range: the nearest strategy, named.
    assert_eq!(
        read(RawValue::Number(7.0)),
        (
            Strategy::Chain,
            vec!["strategy: 7 is not usable; using \"chain\"".to_string()]
        )
    );
    let (s, w) = parse_scenario_fields(&[("toneSpread".to_string(), RawValue::Number(0.25))]);
    assert_eq!((s.tone_spread, w.len()), (0.25, 0));
}

#[test]
fn every_posture_says_which_strategy_produced_it() {
    for strategy in Strategy::ALL {
        let p = solve(&tilted(10.0, strategy));
        assert_eq!(p.strategy, StrategyTag::of(strategy));
        assert_eq!(p.strategy.established, strategy != Strategy::Chain);
        let json = serde_json::to_value(&p).unwrap();
        assert_eq!(
            json["strategy"],
            serde_json::json!({ "name": strategy.name(), "established": strategy.established() })
        );
    }
}

#[test]
fn the_default_strategy_is_todays_solve() {
    let default = solve(&Scenario {
        head_tilt_deg: 10.0,
        ..Scenario::default()
    });
    let spine = solve(&tilted(10.0, Strategy::Spine));
    assert_eq!(default, spine);
    // The tone spread means nothing to the spine strategy.
    let spread = solve(&Scenario {
        tone_spread: 1.0,
        ..tilted(10.0, Strategy::Spine)
    });
    assert_eq!(spread.measures, spine.measures);
}

#[test]
fn under_neck_only_the_neck_rights_the_head() {
    for (tilt, rotation, forward) in [(5.0, 0.0, 0.0), (10.0, 0.0, 0.0), (-20.0, 15.0, 30.0)] {
        let s = Scenario {
            head_rotation_deg: rotation,
            forward_head_deg: forward,
            ..tilted(tilt, Strategy::Neck)
        };
        let p = solve(&s);
        let m = &p.measures;
        assert!(m.eye_line_tilt_deg.abs() < 0.1, "{s:?}: {m:?}");
        assert!(m.shoulder_height_diff_mm.abs() < 1.0, "{s:?}: {m:?}");
        let below: f64 = p.cascade[2..].iter().map(|c| c.share).sum();
        assert!(below < 0.05, "thoracic + lumbar + pelvis {below} for {s:?}");
        // Held exactly: no joint below C7-T1 moves, the pelvis stays level.
        for j in &p.joints[Level::T1T2.index()..] {
            assert_eq!(
                [j.lateral_bend_deg, j.flexion_deg, j.axial_rotation_deg],
                [0.0; 3],
                "{}",
                j.level
            );
        }
        assert_eq!(m.pelvic_obliquity_deg, 0.0);
        assert_eq!(m.shoulder_elevation_diff_mm, 0.0);
    }
}

#[test]
fn under_chain_a_head_tilt_reaches_the_pelvis_and_the_feet() {
    let s = tilted(10.0, Strategy::Chain);
    assert_eq!(s.tone_spread, DEFAULT_TONE_SPREAD);
    let p = solve(&s);
    let m = &p.measures;
    assert!(m.pelvic_obliquity_deg > 0.3, "{m:?}");
    assert!((m.weight_left_pct - 50.0).abs() > 1.0, "{m:?}");
    assert!(m.eye_line_tilt_deg.abs() < 0.1, "{m:?}");
    // Balance held: the centre of mass stays over the feet, at its neutral depth, and sideways
    // where the tone sets it (the weight split misses its set point by under half a point).
    let neutral = solve(&Scenario::default());
    let com = p.landmarks.centre_of_mass;
    let feet = (p.landmarks.ankle_left.x, p.landmarks.ankle_right.x);
    assert!(feet.0 < com.x && com.x < feet.1, "{com:?} between {feet:?}");
    assert_approx_eq!(com.z, neutral.landmarks.centre_of_mass.z, 1.0);
    assert_approx_eq!(m.weight_left_pct, 52.0, 0.5);
    // Under spine the same tilt leaves the pelvis level and the weight even.
    let spine = solve(&tilted(10.0, Strategy::Spine)).measures;
    assert!(spine.pelvic_obliquity_deg.abs() < 0.05 && (spine.weight_left_pct - 50.0).abs() < 0.1);
    // Every step of the chain moves: the pelvis's share is several times the spine's.
    let pelvis = CascadeStep::PelvisAndLegs.index();
    let spine_share = solve(&tilted(10.0, Strategy::Spine)).cascade[pelvis].share;
    assert!(
        p.cascade[pelvis].share > 1.5 * spine_share,
        "{:?}",
        p.cascade
    );
}

#[test]
fn the_tone_grows_with_its_spread_and_starts_at_the_neck_only() {
    let at = |spread: f64| {
        solve(&Scenario {
            tone_spread: spread,
            ..tilted(10.0, Strategy::Chain)
        })
    };
    // No spread: the chain is the spine.
    assert_eq!(
        at(0.0).measures,
        solve(&tilted(10.0, Strategy::Spine)).measures
    );
    let mut last = 0.0;
    for spread in [0.25, 0.5, 0.75, 1.0] {
        let obliquity = at(spread).measures.pelvic_obliquity_deg;
        assert!(obliquity > last, "{obliquity} at {spread}");
        last = obliquity;
    }
    // A leg-length difference starts no tone: under the chain it is worked off as under spine.
    let leg = |strategy| {
        solve(&Scenario {
            anatomic_leg_length_diff_mm: 10.0,
            strategy,
            ..Scenario::default()
        })
        .measures
    };
    assert_eq!(leg(Strategy::Chain), leg(Strategy::Spine));
}

#[test]
fn one_solver_switches_strategies_as_fresh_solves_do() {
    let mut solver = Solver::new();
    for strategy in [
        Strategy::Chain,
        Strategy::Neck,
        Strategy::Spine,
        Strategy::Chain,
        Strategy::Neck,
    ] {
        let s = Scenario {
            anatomic_leg_length_diff_mm: 6.0,
            ..tilted(12.0, strategy)
        };
        let reused = solver.solve(&s).clone();
        let fresh = solve(&s);
        assert_eq!(reused.strategy, fresh.strategy);
        let (a, b) = (&reused.measures, &fresh.measures);
        for (x, y) in [
            (a.pelvic_obliquity_deg, b.pelvic_obliquity_deg),
            (a.shoulder_height_diff_mm, b.shoulder_height_diff_mm),
            (a.weight_left_pct, b.weight_left_pct),
            (a.eye_line_tilt_deg, b.eye_line_tilt_deg),
        ] {
            assert_approx_eq!(x, y, 1e-6, "{strategy:?}");
        }
    }
}

#[test]
fn the_card_compares_the_causes_under_every_strategy_and_calls_the_chain_a_hypothesis() {
    let causes = posture_chain::card::render("causes").unwrap();
    for s in Strategy::ALL {
        assert_eq!(
            causes.matches(&format!("| `\"{}\"` |", s.name())).count(),
            2,
            "{causes}"
        );
        assert!(causes.contains(&format!("**{}.**", s.label())));
    }
    // One verdict per strategy, each computed to one side or the other.
    let verdicts = causes.matches("can be told apart").count() + causes.matches("cannot").count();
    assert_eq!(verdicts, Strategy::COUNT, "{causes}");
    // The chain's row is the model's: its weight split as solved.
    let chain = solve(&tilted(10.0, Strategy::Chain)).measures;
    assert!(causes.contains(&format!("| {:.1} |", chain.weight_left_pct)));
    let strategies = posture_chain::card::render("strategies").unwrap();
    assert!(strategies.contains("**no: a hypothesis**"));
}
