//! How to draw a scene, apart from the posture itself: the highlighted step, magnification, the
//! head's hover state. View state, kept apart from the model.

/// How to draw, apart from the posture itself.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SceneOptions {
    /// The cascade step to highlight (explain mode), as an index into
    /// [`CascadeStep::ALL`](crate::model::CascadeStep::ALL).
    pub highlight: Option<usize>,
    /// Landmarks are drawn this many times further from neutral than they are (labels keep the
    /// true values). 1 draws them as they are.
    pub magnify: f64,
    /// The pointer is over the head or dragging it.
    pub head_hot: bool,
}

impl Default for SceneOptions {
    fn default() -> Self {
        SceneOptions {
            highlight: None,
            magnify: 1.0,
            head_hot: false,
        }
    }
}
