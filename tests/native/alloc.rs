//! The frame path allocates nothing: after a warm-up, solving a new scenario, stepping the cascade
//! and rebuilding every view's display list make no heap allocation (counted by the binary's
//! global allocator in `util`).

use posture_chain::{Cascade, Pose, Scenario, Scene, SceneOptions, Solver, Strategy, View};

use crate::util::allocations;

/// One frame as the widget runs it: a slider step at 60 Hz, re-solved, animated and drawn.
fn frame(
    solver: &mut Solver,
    cascade: &mut Cascade,
    scene: &mut Scene,
    neutral: &Pose,
    options: &SceneOptions,
    i: usize,
    strategy: Strategy,
) {
    let now_ms = i as f64 * 16.7;
    let scenario = Scenario {
        head_tilt_deg: 20.0 * (i as f64 * 0.05).sin(),
        forward_head_deg: 30.0 + 30.0 * (i as f64 * 0.03).cos(),
        anatomic_leg_length_diff_mm: (i % 61) as f64 - 30.0,
        strategy,
        tone_spread: (i % 21) as f64 / 20.0,
        ..Scenario::default()
    };
    let pose = Pose::of(solver.solve(&scenario));
    cascade.retarget(&pose, now_ms);
    cascade.step(now_ms + 8.0);
    scene.build(cascade.current(), neutral, options);
}

/// Runs 200 frames to warm up, then counts the allocations of 500 more; `strategy` picks each
/// frame's righting strategy.
fn steady_allocations(strategy: fn(usize) -> Strategy) -> usize {
    let mut solver = Solver::new();
    let neutral = Pose::of(solver.solve(&Scenario::default()));
    let mut cascade = Cascade::new(&neutral);
    let mut scene = Scene::new();
    for view in View::ALL {
        scene.set_size_px(view, 400.0, 600.0);
    }
    let options = SceneOptions {
        highlight: Some(2),
        magnify: 3.0,
        head_hot: true,
    };
    let mut run = |frames: std::ops::Range<usize>| {
        for i in frames {
            frame(
                &mut solver,
                &mut cascade,
                &mut scene,
                &neutral,
                &options,
                i,
                strategy(i),
            );
        }
    };
    run(0..200);
    let before = allocations();
    run(200..700);
    let made = allocations() - before;
    assert!(
        scene.list(View::Back).cmds().len() > 100,
        "the scene was really built"
    );
    made
}

#[test]
fn steady_frames_allocate_nothing() {
    let made = steady_allocations(|_| Strategy::Spine);
    assert_eq!(made, 0, "{made} allocations in 500 steady frames");
}

#[test]
fn steady_frames_allocate_nothing_under_the_chain_or_switching_strategies() {
    let made = steady_allocations(|_| Strategy::Chain);
    assert_eq!(made, 0, "{made} allocations in 500 frames of the chain");
    let made = steady_allocations(|i| Strategy::ALL[(i / 7) % Strategy::COUNT]);
    assert_eq!(
        made, 0,
        "{made} allocations in 500 frames switching strategies"
    );
}

#[test]
fn the_counter_counts() {
    let before = allocations();
    let v: Vec<u64> = std::hint::black_box(Vec::with_capacity(8));
    assert!(allocations() > before);
    drop(v);
}
