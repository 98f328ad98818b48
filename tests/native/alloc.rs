//! The frame path allocates nothing: after a warm-up, solving a new scenario, stepping the cascade
//! and rebuilding every view's display list make no heap allocation (counted by the binary's
//! global allocator in `util`).

use posture_chain::{Cascade, Pose, Scenario, Scene, SceneOptions, Solver, View};

use crate::util::allocations;

/// One frame as the widget runs it: a slider step at 60 Hz, re-solved, animated and drawn.
fn frame(
    solver: &mut Solver,
    cascade: &mut Cascade,
    scene: &mut Scene,
    neutral: &Pose,
    options: &SceneOptions,
    i: usize,
) {
    let now_ms = i as f64 * 16.7;
    let scenario = Scenario {
        head_tilt_deg: 20.0 * (i as f64 * 0.05).sin(),
        forward_head_deg: 30.0 + 30.0 * (i as f64 * 0.03).cos(),
        anatomic_leg_length_diff_mm: (i % 61) as f64 - 30.0,
        ..Scenario::default()
    };
    let pose = Pose::of(solver.solve(&scenario));
    cascade.retarget(&pose, now_ms);
    cascade.step(now_ms + 8.0);
    scene.build(cascade.current(), neutral, options);
}

#[test]
fn steady_frames_allocate_nothing() {
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
    for i in 0..200 {
        frame(&mut solver, &mut cascade, &mut scene, &neutral, &options, i);
    }
    let before = allocations();
    for i in 200..700 {
        frame(&mut solver, &mut cascade, &mut scene, &neutral, &options, i);
    }
    let made = allocations() - before;
    assert!(
        scene.list(View::Back).cmds().len() > 100,
        "the scene was really built"
    );
    assert_eq!(made, 0, "{made} allocations in 500 steady frames");
}

#[test]
fn the_counter_counts() {
    let before = allocations();
    let v: Vec<u64> = std::hint::black_box(Vec::with_capacity(8));
    assert!(allocations() > before);
    drop(v);
}
