//! The back view (frontal plane), as a clinician standing behind the subject sees it.

use super::body::{
    self, add, back, bone, dist, ghost, level_guide, offset, scale, skull_rotation_rad, spine, sub,
    unit, Pair,
};
use super::list::{Align, Cmd, Colour, Dash, DisplayList, Font};
use super::point::P2;
use super::pose::Pose;
use super::transform::{BoundsMm, ViewTransform};
use super::ViewInput;

/// Vertical half-axis of the skull used for hit-testing, in millimetres.
pub const SKULL_RY_MM: f64 = 115.0;

/// Room kept to the right of the body for the guide labels, in CSS pixels.
const LABEL_ROOM_PX: f64 = 132.0;
const MARGIN_PX: f64 = 12.0;

/// Half the drawn width of the body, from the neutral posture, in millimetres.
fn half_width_mm(neutral: &Pose) -> f64 {
    let lm = &neutral.landmarks;
    lm.acromion_left
        .x
        .abs()
        .max(lm.acromion_right.x.abs())
        .max(lm.iliac_crest_right.x.abs())
        + 40.0
}

/// The view's transform: the whole neutral body, floor to crown, plus a label column.
pub fn transform(neutral: &Pose, width_px: f64, height_px: f64) -> (ViewTransform, f64) {
    let half = half_width_mm(neutral);
    let top_mm = neutral.landmarks.head_top.y + 70.0;
    let guess = ((height_px - 2.0 * MARGIN_PX) / (top_mm + 30.0)).max(0.05);
    // Clear of the hanging hand by a few pixels at any size.
    let label_x = half + 25.0;
    let bounds = BoundsMm {
        min: P2::new(-half - 20.0, -30.0),
        max: P2::new(label_x + LABEL_ROOM_PX / guess, top_mm),
    };
    (
        ViewTransform::fit(bounds, width_px, height_px, MARGIN_PX),
        label_x,
    )
}

/// The back of the skull: from the crown down to just above C1. Its centre and half-height.
fn skull(pose: &Pose) -> (P2, f64) {
    let crown = back(pose.landmarks.head_top);
    let c1 = back(pose.landmarks.vertebrae[0]);
    let base = add(c1, scale(unit(sub(crown, c1)), 16.0));
    (
        crown.mid(base),
        (dist(crown, base) / 2.0).clamp(50.0, 120.0),
    )
}

pub fn build(list: &mut DisplayList, input: ViewInput) {
    let ViewInput {
        shown,
        truth,
        neutral,
        options,
        width_px,
        height_px,
    } = input;
    let (t, label_x) = transform(neutral, width_px, height_px);
    list.transform = t;
    let s = t.px_per_mm;
    let half = half_width_mm(neutral);
    let lm = &shown.landmarks;
    let v = &lm.vertebrae;

    list.line(
        P2::new(-half - 10.0, 0.0),
        P2::new(half + 10.0, 0.0),
        Colour::Muted,
        1.5,
        Dash::Solid,
    );
    if let Some(step) = options.highlight {
        super::highlight_band(list, shown, step, -half - 20.0, half + 10.0);
    }
    let (skull_centre, skull_r) = skull(neutral);
    ghost(list, neutral, back, skull_centre, skull_r);

    // Legs, feet and arms.
    for (hip, knee, ankle) in [
        (lm.hip_left, lm.knee_left, lm.ankle_left),
        (lm.hip_right, lm.knee_right, lm.ankle_right),
    ] {
        bone(
            list,
            &[back(hip), back(knee), back(ankle)],
            (32.0 * s).max(3.0),
        );
        let a = back(ankle);
        list.polygon(
            &[
                P2::new(a.x_mm - 28.0, a.y_mm),
                P2::new(a.x_mm + 28.0, a.y_mm),
                P2::new(a.x_mm + 42.0, 0.0),
                P2::new(a.x_mm - 42.0, 0.0),
            ],
            Some(Colour::Bone),
            Some((Colour::Muted, 1.0)),
        );
    }
    for (acromion, side) in [(lm.acromion_left, -1.0), (lm.acromion_right, 1.0)] {
        let a = back(acromion);
        let elbow = add(a, P2::new(side * 30.0, -285.0));
        let wrist = add(elbow, P2::new(side * 10.0, -245.0));
        bone(list, &[a, elbow, wrist], (26.0 * s).max(2.5));
    }

    // Pelvis: wings from the iliac crests to the hip joints, the sacrum between them.
    let (cl, cr, sac) = (
        back(lm.iliac_crest_left),
        back(lm.iliac_crest_right),
        back(lm.sacrum),
    );
    let (hl, hr) = (back(lm.hip_left), back(lm.hip_right));
    let across = unit(sub(cr, cl));
    let up = P2::new(-across.y_mm, across.x_mm);
    let low = |p: P2, d: f64| add(p, P2::new(-up.x_mm * d, -up.y_mm * d));
    list.polygon(
        &[
            cl,
            add(
                sac,
                add(P2::new(-across.x_mm * 42.0, -across.y_mm * 42.0), up),
            ),
            add(
                sac,
                add(P2::new(across.x_mm * 42.0, across.y_mm * 42.0), up),
            ),
            cr,
            add(hr, P2::new(across.x_mm * 38.0, across.y_mm * 38.0)),
            low(hr, 62.0),
            low(hl.mid(hr), 70.0),
            low(hl, 62.0),
            add(hl, P2::new(-across.x_mm * 38.0, -across.y_mm * 38.0)),
        ],
        Some(Colour::Bone),
        Some((Colour::Ink, 1.5)),
    );
    list.polygon(
        &[
            add(sac, P2::new(-across.x_mm * 36.0, -across.y_mm * 36.0)),
            add(sac, P2::new(across.x_mm * 36.0, across.y_mm * 36.0)),
            low(sac, 115.0),
        ],
        None,
        Some((Colour::Muted, 1.2)),
    );
    for hip in [hl, hr] {
        list.disc(hip, 22.0, Colour::Bone, Some(Colour::Ink));
    }
    for crest in [cl, cr] {
        list.disc(crest, 9.0, Colour::Ink, None);
    }

    // Rib cage (one path) and scapulae, hinted.
    list.push(Cmd::Begin);
    for (i, half_w) in [
        (8, 95.0),
        (10, 118.0),
        (12, 132.0),
        (14, 136.0),
        (16, 126.0),
    ] {
        let c = back(v[i]);
        let u = unit(sub(back(v[i - 1]), back(v[i + 1])));
        for side in [-1.0, 1.0] {
            list.push(Cmd::MoveTo(offset(c, u, 0.0, side * 20.0)));
            list.push(Cmd::QuadTo {
                ctrl: offset(c, u, 10.0, side * half_w * 0.85),
                to: offset(c, u, -62.0, side * half_w),
            });
        }
    }
    list.push(Cmd::Stroke {
        colour: Colour::Rib,
        width_px: 1.5,
        dash: Dash::Solid,
    });
    for (acromion, side) in [(lm.acromion_left, -1.0), (lm.acromion_right, 1.0)] {
        let a = back(acromion);
        let t2 = back(v[8]);
        let t7 = back(v[13]);
        list.polygon(
            &[
                a,
                P2::new(t2.x_mm + side * 48.0, t2.y_mm),
                P2::new(t7.x_mm + side * 66.0, t7.y_mm),
            ],
            Some(Colour::Bone),
            Some((Colour::Rib, 1.2)),
        );
        list.line(back(v[7]), a, Colour::Ink, 3.0, Dash::Solid);
    }
    spine(list, shown, back, true);
    for acromion in [lm.acromion_left, lm.acromion_right] {
        list.disc(back(acromion), 11.0, Colour::Ink, None);
    }

    // The back of the skull, from the crown down to just above C1, with the eye line; outlined
    // in the brand colour because it can be dragged.
    let (skull_centre, ry) = skull(shown);
    list.push(Cmd::Begin);
    list.push(Cmd::Ellipse {
        centre: skull_centre,
        rx_mm: ry * 0.95,
        ry_mm: ry,
        rotation_rad: skull_rotation_rad(shown, back),
    });
    list.push(Cmd::Fill(Colour::Bone));
    if options.head_hot {
        list.push(Cmd::Fill(Colour::BrandWash));
    }
    list.push(Cmd::Stroke {
        colour: Colour::Brand,
        width_px: if options.head_hot { 4.0 } else { 2.5 },
        dash: Dash::Solid,
    });
    let (el, er) = (back(lm.eye_left), back(lm.eye_right));
    for eye in [el, er] {
        list.disc(eye, 7.0, Colour::Ink, None);
    }

    // Guides: eyes, shoulders, iliac crests, then the C7 plumb line.
    let tl = &truth.landmarks;
    let m = &truth.measures;
    let c7 = back(lm.c7);
    let foot_of_lines = sac.y_mm - 170.0;
    let label_y = body::stack_labels(
        [
            el.y_mm.max(er.y_mm),
            lm.acromion_left.y.max(lm.acromion_right.y),
            cl.y_mm.max(cr.y_mm),
            foot_of_lines + 40.0,
        ],
        40.0 / s.max(1e-6),
    );
    level_guide(
        list,
        Pair::Eyes,
        el,
        er,
        tl.eye_right.y - tl.eye_left.y,
        m.eye_line_tilt_deg,
        label_x,
        label_y[0],
        s,
    );
    level_guide(
        list,
        Pair::Shoulders,
        back(lm.acromion_left),
        back(lm.acromion_right),
        m.shoulder_height_diff_mm,
        m.shoulder_tilt_deg,
        label_x,
        label_y[1],
        s,
    );
    level_guide(
        list,
        Pair::IliacCrests,
        cl,
        cr,
        tl.iliac_crest_right.y - tl.iliac_crest_left.y,
        m.pelvic_obliquity_deg,
        label_x,
        label_y[2],
        s,
    );
    list.line(
        P2::new(sac.x_mm, foot_of_lines),
        P2::new(sac.x_mm, c7.y_mm + 40.0),
        Colour::Muted,
        1.0,
        Dash::Long,
    );
    list.line(
        c7,
        P2::new(c7.x_mm, foot_of_lines),
        Colour::Guide,
        2.0,
        Dash::Dotted,
    );
    list.disc(c7, 6.0, Colour::Guide, None);
    let at = P2::new(label_x, label_y[3]);
    body::caption(list, at, "C7 plumb line");
    list.text(at, Font::Small, Align::Left, Colour::Ink)
        .nudge(0.0, 8.0)
        .offset_mm(
            m.coronal_balance_mm,
            body::LEVEL_MM,
            "over the sacrum",
            [" mm to the R", " mm to the L"],
        );

    // Which side is which, and whether the drawing is magnified.
    let marker_y = neutral.landmarks.head_top.y + 30.0;
    list.text(
        P2::new(-half, marker_y),
        Font::Marker,
        Align::Left,
        Colour::Ink,
    )
    .str("L");
    list.text(
        P2::new(half, marker_y),
        Font::Marker,
        Align::Right,
        Colour::Ink,
    )
    .str("R");
    if options.magnify != 1.0 {
        list.text(
            P2::new(label_x, -20.0),
            Font::Small,
            Align::Left,
            Colour::Muted,
        )
        .nudge(0.0, -4.0)
        .str("shifts drawn ×")
        .num(
            options.magnify,
            if options.magnify.fract() < 0.05 { 0 } else { 1 },
        );
    }
    if let Some(step) = options.highlight {
        super::highlight_number(list, shown, step, -half - 20.0);
    }
}
