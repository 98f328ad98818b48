//! What every view's builder shares: its input ([`ViewInput`]) and the explain-mode highlight of
//! a cascade step's region (a band behind it and its number), in millimetres of the view.

use super::list::{Align, Colour, DisplayList, Font};
use super::options::SceneOptions;
use super::point::P2;
use super::pose::Pose;
use crate::model::{CascadeStep, Region};

/// What one view's builder draws from.
#[derive(Clone, Copy)]
pub(super) struct ViewInput<'a> {
    /// The pose as drawn: side-to-side shifts may be magnified.
    pub shown: &'a Pose,
    /// The pose as solved: every number written on the drawing comes from it.
    pub truth: &'a Pose,
    /// The neutral stance, drawn faintly behind (unless `ghost` is given) and used to frame the
    /// view.
    pub neutral: &'a Pose,
    /// Another posture to draw instead of the neutral stance (as drawn: magnified like `shown`),
    /// as a dotted brand-coloured outline over the body.
    pub ghost: Option<&'a Pose>,
    pub options: &'a SceneOptions,
    pub width_px: f64,
    pub height_px: f64,
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
pub(super) fn highlight_band(
    list: &mut DisplayList,
    pose: &Pose,
    step: usize,
    x0_mm: f64,
    x1_mm: f64,
) {
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
pub(super) fn highlight_number(list: &mut DisplayList, pose: &Pose, step: usize, x0_mm: f64) {
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
