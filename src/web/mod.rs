//! The wasm-bindgen layer: converts JS values, forwards to the model, replays draw lists on a canvas.

mod canvas;
mod solve;
mod widget;
