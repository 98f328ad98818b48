//! The reusable solver gives what `solve` gives, and allocates nothing in steady state.

use posture_chain::{solve, Level, Posture, Scenario, Solver, Warning};

use super::numbers;
use crate::util::{allocations, assert_approx_eq};

#[test]
fn the_reusable_solver_gives_what_solve_gives_and_allocates_nothing_in_steady_state() {
    let mut solver = Solver::new();
    let frames: Vec<Scenario> = (0..60)
        .map(|k| {
            let t = k as f64 / 59.0;
            Scenario {
                head_tilt_deg: 20.0 * (3.0 * t).sin(),
                forward_head_deg: 60.0 * t,
                anatomic_leg_length_diff_mm: -10.0 * t,
                compensation: 1.0 - 0.5 * t,
                ..Scenario::default()
            }
        })
        .collect();
    solver.solve(&frames[0]);
    let before = allocations();
    let mut warned = 0;
    for f in &frames {
        warned += solver.solve(f).warnings.len();
    }
    let during = allocations() - before;
    assert!(warned > 0, "the sweep should pass beyond some ranges");
    assert_eq!(during, 0, "{during} allocations in 60 frames");
    // The solver starts each frame from the last one, so it agrees with a cold `solve` to the
    // solver's tolerance rather than bit for bit.
    for f in frames.iter().rev().step_by(7) {
        let (warm, cold) = (solver.solve(f).clone(), solve(f));
        let which = |p: &Posture| -> Vec<(Level, &'static str)> {
            p.warnings
                .iter()
                .filter_map(|w| match w {
                    Warning::BeyondRange { level, motion, .. } => Some((*level, *motion)),
                    _ => None,
                })
                .collect()
        };
        assert_eq!(which(&warm), which(&cold));
        for ((name, a), (_, b)) in numbers(&warm).into_iter().zip(numbers(&cold)) {
            assert_approx_eq!(a, b, 1e-6 * (1.0 + b.abs()), "{name}");
        }
    }
    // A neutral frame after a busy one is exactly neutral again.
    let neutral = solver.solve(&Scenario::default()).clone();
    assert_eq!(neutral, solve(&Scenario::default()));
}
