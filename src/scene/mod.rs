//! The scene: a pure builder from a posture to one display list per view, plus the cascade
//! animation that moves the posture down the body. No browser types here; a backend replays the
//! lists (see `web::canvas`).

mod back;
mod body;
mod cascade;
mod list;
mod palette;
mod point;
mod pose;
mod side;
mod top;
mod transform;

use crate::model::{CascadeStep, Region};
pub use crate::numfmt::push_fixed;
pub use cascade::{Cascade, CASCADE_MS};
pub use list::{Align, Cmd, Colour, Dash, DisplayList, Font};
pub use palette::{DEFAULT_BRAND_CSS, LOAD_CSS, LOAD_STEP_UPPER};
pub use point::P2;
pub use pose::{Pose, StepWeights};
pub use transform::{BoundsMm, ViewTransform};

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

/// How to draw, apart from the posture itself.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SceneOptions {
    /// The cascade step to highlight (explain mode), as an index into [`CascadeStep::ALL`].
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

/// Magnification is reduced where it would move a landmark further than this from neutral, so the
/// body stays inside its view.
const MAGNIFIED_SHIFT_MAX_MM: f64 = 90.0;

/// What one view's builder draws from.
#[derive(Clone, Copy)]
struct ViewInput<'a> {
    /// The pose as drawn: side-to-side shifts may be magnified.
    shown: &'a Pose,
    /// The pose as solved: every number written on the drawing comes from it.
    truth: &'a Pose,
    /// The neutral stance, drawn faintly behind and used to frame the view.
    neutral: &'a Pose,
    options: &'a SceneOptions,
    width_px: f64,
    height_px: f64,
}

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
        for view in View::ALL {
            self.build_view(view, pose, neutral, options);
        }
    }

    /// Rebuilds one view.
    pub fn build_view(&mut self, view: View, pose: &Pose, neutral: &Pose, options: &SceneOptions) {
        let options = &SceneOptions {
            magnify: pose.magnify_within(neutral, options.magnify, MAGNIFIED_SHIFT_MAX_MM),
            ..*options
        };
        let shown = pose.magnified(neutral, options.magnify);
        let (w, h) = self.sizes_px[view.index()];
        let list = &mut self.lists[view.index()];
        list.clear();
        let input = ViewInput {
            shown: &shown,
            truth: pose,
            neutral,
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

/// The vertical span of a cascade step's region in the back and side views, in millimetres.
fn region_y_mm(pose: &Pose, step: usize) -> (f64, f64) {
    let lm = &pose.landmarks;
    let lowest = |r: Region| lm.vertebrae[r.last_vertebra()].y;
    let shoulder_y = lm.acromion_left.y.min(lm.acromion_right.y);
    let crest_y = lm.iliac_crest_left.y.max(lm.iliac_crest_right.y);
    // Each band's bottom is the next one's top.
    let below_head = lowest(Region::UpperCervical) - 10.0;
    let below_neck = lowest(Region::LowerCervical).min(shoulder_y) - 22.0;
    let below_thorax = lowest(Region::Thoracic) - 14.0;
    let below_lumbar = crest_y + 20.0;
    match CascadeStep::from_index(step) {
        Some(CascadeStep::HeadAndUpperNeck) => (below_head, lm.head_top.y + 15.0),
        Some(CascadeStep::LowerNeckAndShoulders) => (below_neck, below_head),
        Some(CascadeStep::Thoracic) => (below_thorax, below_neck),
        Some(CascadeStep::Lumbar) => (below_lumbar, below_thorax),
        _ => (-10.0, below_lumbar),
    }
}

/// A faint band behind the highlighted region.
fn highlight_band(list: &mut DisplayList, pose: &Pose, step: usize, x0_mm: f64, x1_mm: f64) {
    let (y0, y1) = region_y_mm(pose, step);
    list.polygon(
        &[
            P2::new(x0_mm, y0),
            P2::new(x1_mm, y0),
            P2::new(x1_mm, y1),
            P2::new(x0_mm, y1),
        ],
        Some(Colour::BrandWash),
        None,
    );
}

/// The highlighted step's number at the left of its band, drawn over the body.
fn highlight_number(list: &mut DisplayList, pose: &Pose, step: usize, x0_mm: f64) {
    let (y0, y1) = region_y_mm(pose, step);
    let digits: [&str; CascadeStep::COUNT] = ["1", "2", "3", "4", "5"];
    list.text(
        P2::new(x0_mm, (y0 + y1) / 2.0),
        Font::Marker,
        Align::Left,
        Colour::Brand,
    )
    .nudge(4.0, 0.0)
    .str(digits[step.min(4)]);
}
