//! The model card (`docs/model.md`) is up to date: its generated tables match the code.

use posture_chain::card;

#[test]
fn the_model_card_is_up_to_date() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/model.md");
    let doc = std::fs::read_to_string(path).expect("docs/model.md");
    let fresh = card::refresh(&doc).expect("every generated section has its end marker");
    assert!(
        fresh == doc,
        "docs/model.md is stale: run `cargo run --release --example model_card -- docs/model.md`"
    );
    for name in card::SECTIONS {
        assert!(
            doc.contains(&format!("<!-- generated:{name} -->")),
            "section {name} missing"
        );
    }
}
