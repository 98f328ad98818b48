//! Benchmarks of the solver (placeholder until the model lands).
fn main() {}
