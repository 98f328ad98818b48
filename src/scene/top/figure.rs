//! The body seen from above, in layers from the floor up: the feet, the arms and the trunk at
//! shoulder height, the pelvis seen through the trunk (dashed), the shoulder line, the head.

use super::super::body::{add, offset, scale, sub, top, unit};
use super::super::list::{Cmd, Colour, Dash, DisplayList};
use super::super::point::P2;
use crate::model::{Landmarks, PointMm};

/// From an acromion to the outer edge of its arm, and the arm's radius from above, in
/// millimetres.
pub const ARM_REACH_MM: f64 = 40.0;
pub const ARM_R_MM: f64 = 38.0;
/// The trunk's outline at shoulder height reaches this far behind the shoulder line, and
/// `TRUNK_FRONT_MM` ahead of it (a rib cage about 20 cm deep, the shoulders a little forward).
pub const TRUNK_BACK_MM: f64 = 105.0;
const TRUNK_FRONT_MM: f64 = 95.0;
/// Half the pelvis ring's depth from front to back, in millimetres.
const PELVIS_RY_MM: f64 = 78.0;
/// Half the head's breadth and length from above (a head 14 cm broad and 17 cm long), and an
/// ear's radius, in millimetres.
const HEAD_RX_MM: f64 = 70.0;
const HEAD_RY_MM: f64 = 84.0;
const EAR_MM: f64 = 15.0;

/// A left/right pair seen from above: its midpoint, the unit vector from left to right, and
/// half the distance between them.
pub struct Pair {
    pub mid: P2,
    pub u: P2,
    pub half_mm: f64,
}

impl Pair {
    pub fn of(left: PointMm, right: PointMm) -> Pair {
        let (l, r) = (top(left), top(right));
        let d = sub(r, l);
        let len = d.x_mm.hypot(d.y_mm);
        Pair {
            mid: l.mid(r),
            // A pair that has no length (a placeholder posture) lies square.
            u: if len > 1.0 {
                unit(d)
            } else {
                P2::new(1.0, 0.0)
            },
            half_mm: len / 2.0,
        }
    }

    /// The pair's turn in view space: radians counter-clockwise from the subject's right.
    pub fn angle_rad(&self) -> f64 {
        self.u.y_mm.atan2(self.u.x_mm)
    }

    /// The point `across` millimetres toward the right along the pair and `ahead` forward.
    pub fn at(&self, across: f64, ahead: f64) -> P2 {
        // `offset` goes along its vector and to the right of it; forward is left of `u`.
        offset(self.mid, self.u, across, -ahead)
    }
}

/// Fills and outlines the path just drawn; one copy of the code for every shape of the figure.
#[inline(never)]
pub fn paint(list: &mut DisplayList, fill: Option<Colour>, outline: Option<(Colour, f64, Dash)>) {
    if let Some(colour) = fill {
        list.push(Cmd::Fill(colour));
    }
    if let Some((colour, width_px, dash)) = outline {
        list.push(Cmd::Stroke {
            colour,
            width_px,
            dash,
        });
    }
}

/// An ellipse as its own path, turned by `rotation_rad`, filled and/or outlined.
#[inline(never)]
fn ellipse(
    list: &mut DisplayList,
    centre: P2,
    [rx_mm, ry_mm]: [f64; 2],
    rotation_rad: f64,
    fill: Option<Colour>,
    outline: Option<(Colour, f64, Dash)>,
) {
    list.push(Cmd::Begin);
    list.push(Cmd::Ellipse {
        centre,
        rx_mm,
        ry_mm,
        rotation_rad,
    });
    paint(list, fill, outline);
}

/// A foot's outline from above, as quadratic curves (control point, end point) from the back of
/// the heel: hundredths of the foot's length toward the toes, millimetres toward the other foot
/// (medial, positive); five toes at the front, the big toe reaching furthest.
static FOOT: [[[i8; 2]; 2]; 9] = [
    [[2, -34], [50, -42]],
    [[76, -46], [86, -42]],
    [[96, -42], [89, -28]],
    [[99, -24], [91, -14]],
    [[101, -10], [93, -1]],
    [[103, 4], [94, 12]],
    [[106, 30], [92, 44]],
    [[70, 46], [50, 28]],
    [[2, 34], [0, 0]],
];
/// How far the outline's control points reach past the toe (6 % of a 27 cm foot), which the
/// layout keeps clear.
pub const FOOT_AHEAD_MM: f64 = 17.0;

/// The feet on the floor, heel to toe; the trunk covers their heels.
pub fn feet(list: &mut DisplayList, lm: &Landmarks) {
    foot(list, lm.heel_left, lm.toe_left, 1.0);
    foot(list, lm.heel_right, lm.toe_right, -1.0);
}

/// One foot; `medial` is 1 for the left foot (its big toe to the right), -1 for the right.
#[inline(never)]
fn foot(list: &mut DisplayList, heel: PointMm, toe: PointMm, medial: f64) {
    let (h, t) = (top(heel), top(toe));
    let d = sub(t, h);
    let (u, len) = (unit(d), d.x_mm.hypot(d.y_mm) / 100.0);
    let at =
        |[along, across]: [i8; 2]| offset(h, u, f64::from(along) * len, f64::from(across) * medial);
    list.push(Cmd::Begin);
    list.push(Cmd::MoveTo(h));
    for [ctrl, to] in FOOT {
        list.push(Cmd::QuadTo {
            ctrl: at(ctrl),
            to: at(to),
        });
    }
    paint(
        list,
        Some(Colour::Bone),
        Some((Colour::Muted, 1.5, Dash::Solid)),
    );
}

/// The centre of the arm at the left (`side` -1) or right (1) of the shoulders, seen from above.
pub fn arm(s: &Pair, side: f64) -> P2 {
    s.at(side * (s.half_mm + ARM_REACH_MM - ARM_R_MM), -4.0)
}

/// The trunk at shoulder height, turned with the shoulders, and the arms hanging at its sides.
pub fn trunk(list: &mut DisplayList, s: &Pair) {
    for side in [-1.0, 1.0] {
        list.disc(arm(s, side), ARM_R_MM, Colour::Bone, Some(Colour::Ink));
    }
    ellipse(
        list,
        s.at(0.0, (TRUNK_FRONT_MM - TRUNK_BACK_MM) / 2.0),
        [s.half_mm, (TRUNK_FRONT_MM + TRUNK_BACK_MM) / 2.0],
        s.angle_rad(),
        Some(Colour::Bone),
        Some((Colour::Ink, 1.5, Dash::Solid)),
    );
}

/// The pelvis below the trunk, seen through it: its ring and the line across the iliac crests,
/// dashed.
pub fn pelvis(list: &mut DisplayList, lm: &Landmarks, p: &Pair) {
    ellipse(
        list,
        p.mid,
        [p.half_mm + 8.0, PELVIS_RY_MM],
        p.angle_rad(),
        None,
        Some((Colour::Muted, 1.5, Dash::Long)),
    );
    ends(
        list,
        lm.iliac_crest_left,
        lm.iliac_crest_right,
        (2.0, Dash::Long),
        (8.0, Colour::Guide),
    );
}

/// The shoulder line from acromion to acromion, over the trunk.
pub fn shoulders(list: &mut DisplayList, lm: &Landmarks) {
    ends(
        list,
        lm.acromion_left,
        lm.acromion_right,
        (2.5, Dash::Solid),
        (10.0, Colour::Ink),
    );
}

/// A pair's line, in the guides' green, and a dot at each end.
#[inline(never)]
fn ends(
    list: &mut DisplayList,
    left: PointMm,
    right: PointMm,
    (width_px, dash): (f64, Dash),
    (dot_mm, dot): (f64, Colour),
) {
    let (l, r) = (top(left), top(right));
    list.line(l, r, Colour::Guide, width_px, dash);
    list.disc(l, dot_mm, dot, None);
    list.disc(r, dot_mm, dot, None);
}

/// The head from above: the skull, the ears at its sides and the nose showing which way the
/// face points (square to the line between the eyes).
pub fn head(list: &mut DisplayList, lm: &Landmarks, eyes: &Pair) {
    let face = P2::new(-eyes.u.y_mm, eyes.u.x_mm);
    let turn = eyes.angle_rad();
    list.disc(top(lm.ear_left), EAR_MM, Colour::Bone, Some(Colour::Brand));
    list.disc(top(lm.ear_right), EAR_MM, Colour::Bone, Some(Colour::Brand));
    // The head centre lies ahead of the ears; the skull reaches further behind it.
    let skull = sub(top(lm.head_centre), scale(face, 18.0));
    ellipse(
        list,
        skull,
        [HEAD_RX_MM, HEAD_RY_MM],
        turn,
        Some(Colour::Bone),
        Some((Colour::Brand, 2.5, Dash::Solid)),
    );
    let base = add(skull, scale(face, HEAD_RY_MM - 6.0));
    let side = scale(eyes.u, 14.0);
    list.polygon(
        &[
            add(base, side),
            add(base, scale(face, 28.0)),
            sub(base, side),
        ],
        Some(Colour::Brand),
        None,
    );
}

/// The explain-mode wash over the region of cascade step `step`, as it shows from above: one
/// filled shape, over the trunk and under the lines and the head.
pub fn wash(list: &mut DisplayList, lm: &Landmarks, step: usize, s: &Pair, p: &Pair) {
    let (centre, radii, turn) = match step {
        0 => (top(lm.head_centre), [125.0; 2], 0.0),
        1 => (s.mid, [s.half_mm + 40.0, 50.0], s.angle_rad()),
        2 => (s.mid, [s.half_mm * 0.7, 85.0], s.angle_rad()),
        3 => (top(lm.vertebrae[21]), [80.0; 2], 0.0),
        _ => (p.mid, [p.half_mm + 8.0, PELVIS_RY_MM], p.angle_rad()),
    };
    ellipse(list, centre, radii, turn, Some(Colour::BrandWash), None);
}
