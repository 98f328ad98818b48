//! The frame path allocates nothing: after a warm-up, solving a new scenario, stepping the cascade
//! and rebuilding every view's display list make no heap allocation (counted by the binary's
//! global allocator in `util`).

use posture_chain::{Cascade, Pose, Scenario, Scene, SceneOptions, Solver, View};

use crate::util::allocations;

/// One frame as the widget runs it: a slider step at 60 Hz, re-solved, animated and drawn; with
/// `ghost`, the same inputs are solved again by a second solver (the widget's compare mode: the
/// inputs under another strategy) and drawn behind.
fn frame(
    solver: &mut Solver,
    cascade: &mut Cascade,
    scene: &mut Scene,
    neutral: &Pose,
    options: &SceneOptions,
    i: usize,
    ghost: Option<&mut Solver>,
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
    match ghost {
        Some(g) => {
            let other = Pose::of(g.solve(&ghost_scenario(&scenario)));
            scene.build_with_ghost(cascade.current(), neutral, Some(&other), options);
        }
        None => scene.build(cascade.current(), neutral, options),
    }
}

/// The ghost's inputs: the same scenario under another strategy.
fn ghost_scenario(s: &Scenario) -> Scenario {
    Scenario {
        compensation: 0.5,
        ..*s
    }
}

#[test]
fn steady_frames_with_a_ghost_allocate_nothing() {
    let mut solver = Solver::new();
    let mut ghost = Solver::new();
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
        let g = Some(&mut ghost);
        frame(
            &mut solver,
            &mut cascade,
            &mut scene,
            &neutral,
            &options,
            i,
            g,
        );
    }
    let before = allocations();
    for i in 200..700 {
        let g = Some(&mut ghost);
        frame(
            &mut solver,
            &mut cascade,
            &mut scene,
            &neutral,
            &options,
            i,
            g,
        );
    }
    let made = allocations() - before;
    assert!(scene.list(View::Back).cmds().len() > 100);
    assert_eq!(
        made, 0,
        "{made} allocations in 500 steady frames with a ghost"
    );
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
        frame(
            &mut solver,
            &mut cascade,
            &mut scene,
            &neutral,
            &options,
            i,
            None,
        );
    }
    let before = allocations();
    for i in 200..700 {
        frame(
            &mut solver,
            &mut cascade,
            &mut scene,
            &neutral,
            &options,
            i,
            None,
        );
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
