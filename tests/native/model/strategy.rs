//! The righting strategies (issue 9): the `strategy` and `toneSpread` inputs as the JS edge reads
//! them, every posture naming its strategy, and what each strategy does with a head tilt.

use posture_chain::{
    parse_scenario_fields, solve, Input, RawValue, Scenario, Strategy, StrategyTag,
    DEFAULT_TONE_SPREAD,
};

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
