//! The wasm-bindgen layer: converts JS values, forwards to the model, replays draw lists on a canvas.

mod canvas;
#[cfg(feature = "api")]
mod solve;
mod widget;

// SAFETY: the module runs on the page's main thread only (no wasm threads, no shared memory), so
// every allocation and free happens on one thread, which is what AssumeSingleThreaded requires.
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };
