//! The JS `solve(scenario)` export: a plain object in, a plain object out (placeholder).
