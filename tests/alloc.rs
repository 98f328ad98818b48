//! The frame path allocates nothing: after a warm-up, solving a new scenario, stepping the cascade
//! and rebuilding every view's display list make no heap allocation (a counting global allocator).

// Native only: on wasm32 the crate installs its own global allocator (src/web/mod.rs).
#![cfg(not(target_arch = "wasm32"))]

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use posture_chain::{Cascade, Pose, Scenario, Scene, SceneOptions, Solver, View};

/// Counts allocations made by the current thread, so other tests' threads don't interfere.
struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocations() -> usize {
    ALLOCATIONS.with(|n| n.get())
}

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
