//! Helpers shared by the native tests: `assert_approx_eq!`, scenario builders and the counting
//! global allocator.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use posture_chain::Scenario;

/// Asserts `|a - b| <= tol` for `f64`s, naming both expressions. An optional message in `format!`
/// syntax follows the tolerance: `assert_approx_eq!(x, 0.0, 1e-9, "at {mm} mm")`.
macro_rules! assert_approx_eq {
    ($a:expr, $b:expr, $tol:expr) => {{
        let (a, b, tol): (f64, f64, f64) = ($a, $b, $tol);
        assert!(
            (a - b).abs() <= tol,
            "{} = {a} is not within {tol} of {} = {b}",
            stringify!($a),
            stringify!($b)
        );
    }};
    ($a:expr, $b:expr, $tol:expr, $($msg:tt)+) => {{
        let (a, b, tol): (f64, f64, f64) = ($a, $b, $tol);
        assert!(
            (a - b).abs() <= tol,
            "{} = {a} is not within {tol} of {} = {b}: {}",
            stringify!($a),
            stringify!($b),
            format_args!($($msg)+)
        );
    }};
}
pub(crate) use assert_approx_eq;

/// The default scenario with the head tilted by `deg` (positive toward the right ear).
pub fn tilt(deg: f64) -> Scenario {
    Scenario {
        head_tilt_deg: deg,
        ..Scenario::default()
    }
}

/// The default scenario with the right leg `mm` longer (negative: the left).
pub fn leg(mm: f64) -> Scenario {
    Scenario {
        anatomic_leg_length_diff_mm: mm,
        ..Scenario::default()
    }
}

/// Counts allocations made by the current thread, so other tests' threads don't interfere: safe
/// as the global allocator of the whole test binary.
struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

/// Adds one to this thread's count; `try_with` so that an allocation while the thread's locals
/// are torn down is passed through rather than a panic inside the allocator.
fn count_one() {
    let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count_one();
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count_one();
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// How many heap allocations (and reallocations) the current thread has made so far.
pub fn allocations() -> usize {
    ALLOCATIONS.with(|n| n.get())
}
