//! Benchmarks of the solver: a one-off `solve` and the animation path's `Solver::solve`.
//!
//! Run with `cargo bench --bench solve`. Times are per call; the scenarios are in the model's
//! public units (degrees, millimetres).

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use posture_chain::{solve, Scenario, Solver, Strategy};

fn scenarios() -> [(&'static str, Scenario); 6] {
    [
        ("neutral", Scenario::default()),
        (
            "head tilt 10°",
            Scenario {
                head_tilt_deg: 10.0,
                ..Scenario::default()
            },
        ),
        (
            "leg 10 mm longer",
            Scenario {
                anatomic_leg_length_diff_mm: 10.0,
                ..Scenario::default()
            },
        ),
        (
            "everything at once",
            Scenario {
                head_tilt_deg: 12.0,
                head_rotation_deg: 15.0,
                forward_head_deg: 30.0,
                anatomic_leg_length_diff_mm: -8.0,
                ..Scenario::default()
            },
        ),
        (
            "head tilt 10°, neck",
            Scenario {
                head_tilt_deg: 10.0,
                strategy: Strategy::Neck,
                ..Scenario::default()
            },
        ),
        (
            "head tilt 10°, chain",
            Scenario {
                head_tilt_deg: 10.0,
                strategy: Strategy::Chain,
                ..Scenario::default()
            },
        ),
    ]
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("solve");
    for (name, s) in scenarios() {
        group.bench_function(name, |b| b.iter(|| solve(black_box(&s))));
    }
    group.finish();

    let mut group = c.benchmark_group("Solver::solve");
    for (name, s) in scenarios() {
        let mut solver = Solver::new();
        group.bench_function(name, |b| {
            b.iter(|| solver.solve(black_box(&s)).measures.eye_line_tilt_deg)
        });
    }
    // One animation frame: the head tilt easing toward 10°, a new scenario every frame.
    for (name, strategy) in [
        ("animation frame", Strategy::Spine),
        ("animation frame, chain", Strategy::Chain),
    ] {
        let mut solver = Solver::new();
        let mut frame = 0u32;
        group.bench_function(name, |b| {
            b.iter(|| {
                frame = (frame + 1) % 60;
                let t = f64::from(frame) / 59.0;
                let s = Scenario {
                    head_tilt_deg: 10.0 * t * t * (3.0 - 2.0 * t),
                    strategy,
                    ..Scenario::default()
                };
                solver.solve(black_box(&s)).measures.shoulder_tilt_deg
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
