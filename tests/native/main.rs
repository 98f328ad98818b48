//! The native integration tests as one binary: the model's specification, the scene's display
//! lists, their layout and contrast, and the allocation-free frame path, on the helpers they
//! share in `util`.

// Native only: proptest is a dev-dependency for the host, and on wasm32 the crate installs its own
// global allocator (src/web/mod.rs). The tests that run inside wasm are tests/wasm.rs.
#![cfg(not(target_arch = "wasm32"))]

mod util;

mod alloc;
mod contrast;
mod layout;
mod model;
mod scene;
