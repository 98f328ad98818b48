//! Regenerates the tables of the model card from the code, or checks that they are current.
//!
//! `cargo run --release --example model_card -- [--check] docs/model.md`: rewrites every
//! `<!-- generated:NAME -->` … `<!-- /generated -->` section; with `--check` it writes nothing and
//! exits with status 1 if any section is stale. No units of its own: the tables state theirs.

use std::process::ExitCode;

use posture_chain::card;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let check = args.iter().any(|a| a == "--check");
    let paths: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let [path] = paths.as_slice() else {
        eprintln!("usage: model_card [--check] docs/model.md");
        return ExitCode::from(2);
    };
    let doc = match std::fs::read_to_string(path) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            return ExitCode::from(2);
        }
    };
    let fresh = match card::refresh(&doc) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::from(2);
        }
    };
    if fresh == doc {
        println!("{path}: generated sections are current");
        ExitCode::SUCCESS
    } else if check {
        eprintln!("{path}: generated sections are stale; run without --check to rewrite them");
        ExitCode::FAILURE
    } else if let Err(e) = std::fs::write(path, fresh) {
        eprintln!("cannot write {path}: {e}");
        ExitCode::from(2)
    } else {
        println!("{path}: generated sections rewritten");
        ExitCode::SUCCESS
    }
}
