//! The model card's generated tables (placeholder until the renderer lands).
