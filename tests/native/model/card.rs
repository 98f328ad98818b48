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
}
