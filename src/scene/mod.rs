//! The scene: a pure builder from a posture to one display list per view, plus the cascade
//! animation that moves the posture down the body. No browser types here; a backend replays the
//! lists (see `web::canvas`).

mod back;
mod body;
mod cascade;
mod frame;
mod list;
mod options;
mod palette;
mod point;
mod pose;
mod shape;
mod side;
mod skin;
mod top;
mod transform;
mod view;

pub use crate::numfmt::push_fixed;
pub use cascade::{Cascade, Origin, CASCADE_MS};
pub use list::{Align, BoxPx, Cmd, Colour, Dash, DisplayList, Font};
pub use options::SceneOptions;
pub use palette::{
    PageColours, Palette, DARK, DEFAULT_BRAND_CSS, LIGHT, LOAD_CSS, LOAD_STEP_UPPER, PROJECTOR,
    SLOT_COUNT, THEMES,
};
pub use point::P2;
pub use pose::{Pose, StepWeights};
pub use transform::{BoundsMm, ViewTransform};
use view::ViewInput;

/// The three views, in the order they are laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// Frontal plane, as a clinician standing behind sees it (subject's left on the left).
    Back,
    /// Sagittal plane, seen from the subject's right; forward is to the right.
    Side,
    /// Transverse plane, seen from above; forward is up.
    Top,
}

impl View {
    pub const ALL: [View; 3] = [View::Back, View::Side, View::Top];

    pub const fn index(self) -> usize {
        self as usize
    }

    /// The view with this index, if any.
    pub fn from_index(i: usize) -> Option<View> {
        View::ALL.get(i).copied()
    }
}

/// Magnification is reduced where it would move a landmark further than this from neutral, so the
/// body stays inside its view.
const MAGNIFIED_SHIFT_MAX_MM: f64 = 90.0;

/// One display list per view, reused from frame to frame.
///
/// ```
/// use posture_chain::{Pose, Scenario, Scene, SceneOptions, Solver, View};
/// let mut solver = Solver::new();
/// let neutral = Pose::of(solver.solve(&Scenario::default()));
/// let tilted = Pose::of(solver.solve(&Scenario { head_tilt_deg: 5.0, ..Scenario::default() }));
/// let mut scene = Scene::new();
/// scene.set_size_px(View::Back, 400.0, 600.0);
/// scene.build(&tilted, &neutral, &SceneOptions::default());
/// let labels: Vec<&str> = scene.list(View::Back).texts().map(|(_, s)| s).collect();
/// assert!(labels.contains(&"Shoulders") && labels.contains(&"L") && labels.contains(&"R"));
/// ```
#[derive(Clone, Debug)]
pub struct Scene {
    lists: [DisplayList; 3],
    sizes_px: [(f64, f64); 3],
}

impl Default for Scene {
    fn default() -> Self {
        Scene::new()
    }
}

impl Scene {
    pub fn new() -> Self {
        Scene {
            lists: [DisplayList::new(), DisplayList::new(), DisplayList::new()],
            sizes_px: [(360.0, 560.0); 3],
        }
    }

    /// Sets a view's size in CSS pixels (non-finite or negative sizes count as zero).
    pub fn set_size_px(&mut self, view: View, width_px: f64, height_px: f64) {
        let clean = |v: f64| if v.is_finite() { v.max(0.0) } else { 0.0 };
        self.sizes_px[view.index()] = (clean(width_px), clean(height_px));
    }

    pub fn size_px(&self, view: View) -> (f64, f64) {
        self.sizes_px[view.index()]
    }

    pub fn list(&self, view: View) -> &DisplayList {
        &self.lists[view.index()]
    }

    /// Rebuilds every view for `pose`, with `neutral` drawn faintly behind.
    pub fn build(&mut self, pose: &Pose, neutral: &Pose, options: &SceneOptions) {
        self.build_with_ghost(pose, neutral, None, options);
    }

    /// Rebuilds every view for `pose`; in the back and side views, `ghost` (another posture of
    /// the same body, such as the same inputs under another righting strategy) drawn over it as a
    /// dotted outline in the brand colour, or when `None` the neutral stance drawn faintly behind.
    /// `neutral` still frames the views and anchors magnification.
    pub fn build_with_ghost(
        &mut self,
        pose: &Pose,
        neutral: &Pose,
        ghost: Option<&Pose>,
        options: &SceneOptions,
    ) {
        for view in View::ALL {
            self.build_view_with_ghost(view, pose, neutral, ghost, options);
        }
    }

    /// Rebuilds one view.
    pub fn build_view(&mut self, view: View, pose: &Pose, neutral: &Pose, options: &SceneOptions) {
        self.build_view_with_ghost(view, pose, neutral, None, options);
    }

    /// Rebuilds one view, with `ghost` as in [`Scene::build_with_ghost`].
    pub fn build_view_with_ghost(
        &mut self,
        view: View,
        pose: &Pose,
        neutral: &Pose,
        ghost: Option<&Pose>,
        options: &SceneOptions,
    ) {
        let options = &SceneOptions {
            magnify: pose.magnify_within(neutral, options.magnify, MAGNIFIED_SHIFT_MAX_MM),
            ..*options
        };
        let shown = pose.magnified(neutral, options.magnify);
        // The ghost is magnified as the pose is, so that the two are drawn to the same scale.
        let ghost_shown = ghost.map(|g| g.magnified(neutral, options.magnify));
        let (w, h) = self.sizes_px[view.index()];
        let list = &mut self.lists[view.index()];
        list.clear();
        let input = ViewInput {
            shown: &shown,
            truth: pose,
            neutral,
            ghost: ghost_shown.as_ref(),
            options,
            width_px: w,
            height_px: h,
        };
        match view {
            View::Back => back::build(list, input),
            View::Side => side::build(list, input),
            // The top view shows turns in depth, which are never magnified.
            View::Top => top::build(
                list,
                ViewInput {
                    shown: pose,
                    ..input
                },
            ),
        }
    }

    /// True when the CSS-pixel point lies on the head in the back view, where it can be dragged.
    pub fn hits_head(&self, view: View, pose: &Pose, x_px: f64, y_px: f64) -> bool {
        if view != View::Back {
            return false;
        }
        let p = self.list(view).transform.to_mm(x_px, y_px);
        let c = body::back(pose.landmarks.head_centre);
        let d = (p.x_mm - c.x_mm).hypot(p.y_mm - c.y_mm);
        d < back::SKULL_RY_MM * 1.15
    }
}
