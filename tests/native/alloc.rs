//! The frame path allocates nothing: after a warm-up, solving a new scenario, stepping the cascade
//! and rebuilding every view's display list (and its digest) make no heap allocation (counted by the binary's
//! global allocator in `util`).

use posture_chain::{Cascade, Pose, Scenario, Scene, SceneOptions, Solver, Strategy, View};

use crate::util::allocations;

/// One frame as the widget runs it: a slider step at 60 Hz, re-solved, animated and drawn; with
/// `ghost`, the same inputs are solved again under the chain strategy by a second solver (the
/// widget's compare mode on a narrow screen) and drawn over the figure.
#[allow(clippy::too_many_arguments)]
fn frame(
    solver: &mut Solver,
    cascade: &mut Cascade,
    scene: &mut Scene,
    neutral: &Pose,
    options: &SceneOptions,
    i: usize,
    strategy: Strategy,
    ghost: Option<&mut Solver>,
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
    match ghost {
        Some(g) => {
            let other = Pose::of(g.solve(&Scenario {
                strategy: Strategy::Chain,
                ..scenario
            }));
            scene.build_with_ghost(cascade.current(), neutral, Some(&other), options);
        }
        None => scene.build(cascade.current(), neutral, options),
    }
    // What the widget compares before replaying a view.
    for view in View::ALL {
        std::hint::black_box(scene.list(view).digest());
    }
}

/// Runs 200 frames to warm up, then counts the allocations of 500 more; `strategy` picks each
/// frame's righting strategy; with `ghost`, each frame also solves and draws the ghost.
fn steady_allocations(strategy: fn(usize) -> Strategy, ghost: bool) -> usize {
    let mut solver = Solver::new();
    let mut ghost_solver = Solver::new();
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
                ghost.then_some(&mut ghost_solver),
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
    let made = steady_allocations(|_| Strategy::Spine, false);
    assert_eq!(made, 0, "{made} allocations in 500 steady frames");
}

#[test]
fn steady_frames_allocate_nothing_under_the_chain_or_switching_strategies() {
    let made = steady_allocations(|_| Strategy::Chain, false);
    assert_eq!(made, 0, "{made} allocations in 500 frames of the chain");
    let made = steady_allocations(|i| Strategy::ALL[(i / 7) % Strategy::COUNT], false);
    assert_eq!(
        made, 0,
        "{made} allocations in 500 frames switching strategies"
    );
}

#[test]
fn steady_frames_with_another_strategy_as_the_ghost_allocate_nothing() {
    let made = steady_allocations(|_| Strategy::Spine, true);
    assert_eq!(made, 0, "{made} allocations in 500 frames with a ghost");
}

#[test]
fn the_counter_counts() {
    let before = allocations();
    let v: Vec<u64> = std::hint::black_box(Vec::with_capacity(8));
    assert!(allocations() > before);
    drop(v);
}
