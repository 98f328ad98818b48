//! The generated files are up to date: the model card's tables (`docs/model.md`) and the element's
//! tables (`www/generated.js`) match the Rust definitions they are rendered from.

use posture_chain::{card, codegen};

fn read(relative: &str) -> String {
    let path = format!("{}/{relative}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn the_model_card_is_up_to_date() {
    let doc = read("docs/model.md");
    let fresh = card::refresh(&doc).expect("every generated section has its end marker");
    assert!(
        fresh == doc,
        "docs/model.md is stale: run `{}`",
        codegen::COMMAND
    );
    for name in card::SECTIONS {
        assert!(
            doc.contains(&format!("<!-- generated:{name} -->")),
            "section {name} missing"
        );
    }
}

#[test]
fn the_elements_tables_are_up_to_date() {
    assert!(
        read(codegen::JS_PATH) == codegen::js_tables(),
        "{} is stale: run `{}`",
        codegen::JS_PATH,
        codegen::COMMAND
    );
    assert!(
        read(codegen::THEMES_JS_PATH) == codegen::theme_tables(),
        "{} is stale: run `{}`",
        codegen::THEMES_JS_PATH,
        codegen::COMMAND
    );
}

/// The cells of the row of a generated table whose first cell is `first`.
fn row(section: &str, first: &str) -> Vec<String> {
    let table = card::render(section).expect("a known section");
    let line = table
        .lines()
        .find(|l| l.starts_with(&format!("| {first} |")))
        .unwrap_or_else(|| panic!("{section} has a row {first}"));
    line.trim_matches('|')
        .split('|')
        .map(|c| c.trim().to_string())
        .collect()
}

fn number(cell: &str) -> f64 {
    cell.trim_end_matches('%').parse().expect("a number")
}

/// The card's words around its held-out tables say what the numbers show.
#[test]
fn the_held_out_comparisons_read_as_the_card_says() {
    // "At C7-T1 the model is within about a quarter of the measurement."
    let c7 = number(&row("validation-flexion", "C7-T1")[3]);
    assert!((0.75..=1.33).contains(&c7), "C7-T1 model ÷ measured {c7}");
    // "At the head joint ... over three times the measured ratio."
    let c0 = number(&row("validation-flexion", "C0-C1")[3]);
    assert!(c0 > 3.0, "C0-C1 model ÷ measured {c0}");
    // "In this model the middle levels take more and C5-C6 and C6-C7 less."
    for (level, more) in [
        ("C3-C4", true),
        ("C4-C5", true),
        ("C5-C6", false),
        ("C6-C7", false),
    ] {
        let diff = number(&row("validation-lan", level)[4]);
        assert_eq!(diff > 0.0, more, "{level}: model − Lan {diff}");
    }
}

/// The card's words under its uncertainty table say what the bands show.
#[test]
fn the_bands_read_as_the_card_says() {
    use posture_chain::{solve_bands, BandOptions, CascadeStep, Measure, Scenario};
    let b = solve_bands(
        &Scenario {
            head_tilt_deg: 10.0,
            ..Scenario::default()
        },
        &BandOptions::default(),
    );
    // "The eyes stay level in every sample": the widest band of the eye line is within 0.1°.
    let eye = b.measure(Measure::EyeLineTilt);
    assert!(eye.p5.abs() < 0.1 && eye.p95.abs() < 0.1, "{eye:?}");
    // "Worked off mostly by the lower neck and the thorax across the samples."
    let low = b.step(CascadeStep::LowerNeckAndShoulders).p5 + b.step(CascadeStep::Thoracic).p5;
    assert!(low > 0.5, "their 5th percentiles add up to {low}");
    // "How it divides between them moves by several points."
    let neck = b.step(CascadeStep::LowerNeckAndShoulders);
    assert!(neck.p95 - neck.p5 > 0.05, "{neck:?}");
}
