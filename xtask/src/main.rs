//! Project tasks: build, serve, test (placeholder until the pipeline lands).
fn main() {
    println!("cargo xtask <build|serve|test>");
}
