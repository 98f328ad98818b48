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

// The page's sine, cosine, arcsine and hypotenuse: compiler-builtins defines these libm symbols
// weakly, so the strong definitions below replace them, and with them libm's large-argument
// reduction (together about 2.8 KB of the gzipped wasm). See `crate::trig`.
#[no_mangle]
pub extern "C" fn sin(x: f64) -> f64 {
    crate::trig::sin(x)
}

#[no_mangle]
pub extern "C" fn cos(x: f64) -> f64 {
    crate::trig::cos(x)
}

#[no_mangle]
pub extern "C" fn asin(x: f64) -> f64 {
    crate::trig::asin(x)
}

#[no_mangle]
pub extern "C" fn hypot(x: f64, y: f64) -> f64 {
    crate::trig::hypot(x, y)
}
