//! The side view (sagittal plane), seen from the subject's right: forward is to the right.

use super::body::{
    self, add, bone, ghost, offset, side, skull_rotation_rad, skull_ry_mm, spine, sub, unit,
};
use super::list::{Align, Cmd, Colour, Dash, DisplayList, Font};
use super::point::P2;
use super::pose::Pose;
use super::transform::{BoundsMm, ViewTransform};
use super::ViewInput;
use crate::model::Level;

const LABEL_ROOM_PX: f64 = 150.0;
const MARGIN_PX: f64 = 12.0;

/// The view's transform: the whole neutral body from heel to toe, floor to crown, plus a label
/// column in front of it.
pub fn transform(neutral: &Pose, width_px: f64, height_px: f64) -> (ViewTransform, f64) {
    let lm = &neutral.landmarks;
    let z0 = lm.sacrum.z;
    let top_mm = lm.head_top.y + 70.0;
    let guess = ((height_px - 2.0 * MARGIN_PX) / (top_mm + 30.0)).max(0.05);
    // Clear of the head even at full forward head posture.
    let label_x = z0 + 330.0;
    let bounds = BoundsMm {
        min: P2::new(z0 - 230.0, -30.0),
        max: P2::new(label_x + LABEL_ROOM_PX / guess, top_mm),
    };
    (
        ViewTransform::fit(bounds, width_px, height_px, MARGIN_PX),
        label_x,
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
    let lm = &shown.landmarks;
    let v = &lm.vertebrae;
    let z0 = neutral.landmarks.sacrum.z;

    list.line(
        P2::new(z0 - 200.0, 0.0),
        P2::new(z0 + 240.0, 0.0),
        Colour::Muted,
        1.5,
        Dash::Solid,
    );
    if let Some(step) = options.highlight {
        super::highlight_band(list, shown, step, z0 - 230.0, z0 + 240.0);
    }
    let skull_r = skull_ry_mm(neutral, side) * 0.8;
    ghost(
        list,
        neutral,
        side,
        side(neutral.landmarks.head_centre),
        skull_r,
    );

    // Legs and feet: the far (left) leg first.
    for (hip, knee, ankle) in [
        (lm.hip_left, lm.knee_left, lm.ankle_left),
        (lm.hip_right, lm.knee_right, lm.ankle_right),
    ] {
        bone(
            list,
            &[side(hip), side(knee), side(ankle)],
            (34.0 * s).max(3.0),
        );
        let a = side(ankle);
        list.polygon(
            &[
                P2::new(a.x_mm - 48.0, 0.0),
                P2::new(a.x_mm - 32.0, a.y_mm + 8.0),
                P2::new(a.x_mm + 30.0, a.y_mm - 4.0),
                P2::new(a.x_mm + 190.0, 0.0),
            ],
            Some(Colour::Bone),
            Some((Colour::Muted, 1.0)),
        );
    }

    // Pelvis in profile, around the crests, the sacrum and the hip joints.
    let crest = side(lm.iliac_crest_left).mid(side(lm.iliac_crest_right));
    let hip = side(lm.hip_left).mid(side(lm.hip_right));
    let sac = side(lm.sacrum);
    // The ilium as a rounded wing: back (PSIS) over the crest to the front (ASIS), down past
    // the hip socket to the ischium, and back up behind the sacrum.
    let at = |p: P2, dx: f64, dy: f64| add(p, P2::new(dx, dy));
    let psis = P2::new(sac.x_mm - 45.0, crest.y_mm - 40.0);
    let asis = at(crest, 75.0, -50.0);
    list.push(Cmd::Begin);
    list.push(Cmd::MoveTo(psis));
    list.push(Cmd::QuadTo {
        ctrl: P2::new(psis.x_mm + 5.0, crest.y_mm + 14.0),
        to: at(crest, 15.0, 6.0),
    });
    list.push(Cmd::QuadTo {
        ctrl: at(crest, 70.0, 4.0),
        to: asis,
    });
    list.push(Cmd::LineTo(at(hip, 58.0, -10.0)));
    list.push(Cmd::QuadTo {
        ctrl: at(hip, 55.0, -72.0),
        to: at(hip, 5.0, -88.0),
    });
    list.push(Cmd::LineTo(at(hip, -38.0, -72.0)));
    list.push(Cmd::QuadTo {
        ctrl: P2::new(sac.x_mm - 70.0, hip.y_mm - 10.0),
        to: psis,
    });
    list.push(Cmd::Close);
    list.push(Cmd::Fill(Colour::Bone));
    list.push(Cmd::Stroke {
        colour: Colour::Ink,
        width_px: 1.5,
        dash: Dash::Solid,
    });
    // The sacrum and coccyx curving down and back from S1.
    list.push(Cmd::Begin);
    list.push(Cmd::MoveTo(sac));
    list.push(Cmd::QuadTo {
        ctrl: at(sac, -45.0, -55.0),
        to: at(sac, -30.0, -125.0),
    });
    list.push(Cmd::Stroke {
        colour: Colour::Muted,
        width_px: (22.0 * s).max(3.0),
        dash: Dash::Solid,
    });
    list.disc(hip, 22.0, Colour::Bone, Some(Colour::Ink));

    // Ribs (one path) from the thoracic vertebrae forward to the sternum.
    let mut sternum = [P2::default(); 4];
    list.push(Cmd::Begin);
    for (k, (i, depth)) in [
        (8, 150.0),
        (10, 172.0),
        (12, 186.0),
        (14, 186.0),
        (16, 170.0),
    ]
    .into_iter()
    .enumerate()
    {
        let c = side(v[i]);
        let u = unit(sub(side(v[i - 1]), side(v[i + 1])));
        let end = offset(c, u, -48.0, depth);
        list.push(Cmd::MoveTo(offset(c, u, 0.0, 12.0)));
        list.push(Cmd::QuadTo {
            ctrl: offset(c, u, 12.0, depth * 0.6),
            to: end,
        });
        if k < sternum.len() {
            sternum[k] = end;
        }
    }
    list.push(Cmd::Stroke {
        colour: Colour::Rib,
        width_px: 1.5,
        dash: Dash::Solid,
    });
    list.push(Cmd::Begin);
    list.push(Cmd::MoveTo(sternum[0]));
    for p in &sternum[1..] {
        list.push(Cmd::LineTo(*p));
    }
    list.push(Cmd::Stroke {
        colour: Colour::Rib,
        width_px: 2.5,
        dash: Dash::Solid,
    });

    // The spine over the ribs, and the near shoulder girdle from T1 to the acromion.
    let a = side(lm.acromion_right);
    list.line(side(v[7]), a, Colour::Ink, 2.0, Dash::Solid);
    spine(list, shown, side, false);
    list.disc(a, 11.0, Colour::Ink, None);

    // Skull in profile, facing forward, with the eye and the ear.
    let hc = side(lm.head_centre);
    let ry = skull_ry_mm(shown, side);
    let rot = skull_rotation_rad(shown, side);
    list.push(Cmd::Begin);
    list.push(Cmd::Ellipse {
        centre: hc,
        rx_mm: ry * 0.86,
        ry_mm: ry,
        rotation_rad: rot,
    });
    list.push(Cmd::Fill(Colour::Bone));
    list.push(Cmd::Stroke {
        colour: Colour::Ink,
        width_px: 2.0,
        dash: Dash::Solid,
    });
    let up = P2::new(-rot.sin(), rot.cos());
    let fwd = P2::new(up.y_mm, -up.x_mm);
    let nose_base = add(
        hc,
        add(
            P2::new(fwd.x_mm * ry * 0.84, fwd.y_mm * ry * 0.84),
            P2::new(up.x_mm * -ry * 0.15, up.y_mm * -ry * 0.15),
        ),
    );
    list.polygon(
        &[
            add(nose_base, P2::new(up.x_mm * 22.0, up.y_mm * 22.0)),
            add(
                nose_base,
                P2::new(
                    fwd.x_mm * 24.0 - up.x_mm * 14.0,
                    fwd.y_mm * 24.0 - up.y_mm * 14.0,
                ),
            ),
            add(nose_base, P2::new(-up.x_mm * 16.0, -up.y_mm * 16.0)),
        ],
        Some(Colour::Bone),
        Some((Colour::Ink, 1.5)),
    );
    list.disc(side(lm.eye_right), 7.0, Colour::Ink, None);
    let ear = side(lm.ear_right);
    list.disc(ear, 10.0, Colour::Bone, Some(Colour::Ink));

    // Guides: the head-neck angle at C7, the neck load, the most loaded joint, the C7 plumb line.
    let m = &truth.measures;
    let c7 = side(lm.c7);
    list.line(c7, ear, Colour::Guide, 2.0, Dash::Solid);
    list.line(
        c7,
        add(c7, P2::new(110.0, 0.0)),
        Colour::Muted,
        1.0,
        Dash::Long,
    );
    let drawn_angle = (ear.y_mm - c7.y_mm).atan2(ear.x_mm - c7.x_mm);
    list.push(Cmd::Begin);
    list.push(Cmd::Arc {
        centre: c7,
        radius_mm: 60.0,
        start_rad: 0.0_f64.min(drawn_angle),
        end_rad: 0.0_f64.max(drawn_angle),
    });
    list.push(Cmd::Stroke {
        colour: Colour::Guide,
        width_px: 1.5,
        dash: Dash::Solid,
    });
    list.disc(c7, 6.0, Colour::Guide, None);

    let row = 24.0 / s.max(1e-6);
    let s1 = add(sac, P2::new(-18.0, 0.0));
    let label_y = body::stack_labels(
        [c7.y_mm + 2.0 * row, c7.y_mm, side(v[12]).y_mm, s1.y_mm],
        1.75 * row,
    );
    let at = P2::new(label_x, label_y[0]);
    body::caption(list, at, "Head-neck angle");
    list.text(at, Font::Small, Align::Left, Colour::Ink)
        .nudge(0.0, 8.0)
        .num(m.craniovertebral_angle_deg, 1)
        .str("° above level");
    let at = P2::new(label_x, label_y[1]);
    body::caption(list, at, "Load on the neck");
    list.text(at, Font::Small, Align::Left, Colour::Ink)
        .nudge(0.0, 8.0)
        .num(m.head_load_kg, 1)
        .str(" kg");

    let (worst, load) = truth.joints.iter().map(|j| (j.level, j.load)).fold(
        (Level::C0C1, f64::NEG_INFINITY),
        |best, j| if j.1 > best.1 { j } else { best },
    );
    let at = P2::new(label_x, label_y[2]);
    body::caption(list, at, "Most loaded joint");
    list.text(at, Font::Small, Align::Left, Colour::Ink)
        .nudge(0.0, 8.0)
        .str(worst.name())
        .str(", ")
        .num(load * 100.0, 0)
        .str("% of capacity");

    let s1 = add(sac, P2::new(-18.0, 0.0));
    list.line(
        c7,
        P2::new(c7.x_mm, s1.y_mm - 40.0),
        Colour::Guide,
        2.0,
        Dash::Dotted,
    );
    list.line(
        P2::new(c7.x_mm, s1.y_mm),
        s1,
        Colour::Guide,
        1.5,
        Dash::Solid,
    );
    list.disc(s1, 6.0, Colour::Guide, None);
    let at = P2::new(label_x, label_y[3]);
    body::caption(list, at, "C7 plumb line");
    list.text(at, Font::Small, Align::Left, Colour::Ink)
        .nudge(0.0, 8.0)
        .offset_mm(
            m.sagittal_vertical_axis_mm,
            body::LEVEL_MM,
            "over S1",
            [" mm ahead of S1", " mm behind S1"],
        );

    let marker_y = neutral.landmarks.head_top.y + 30.0;
    list.text(
        P2::new(z0 - 200.0, marker_y),
        Font::Small,
        Align::Left,
        Colour::Muted,
    )
    .str("back");
    list.text(
        P2::new(z0 + 240.0, marker_y),
        Font::Small,
        Align::Right,
        Colour::Muted,
    )
    .str("front →");
    if let Some(step) = options.highlight {
        super::highlight_number(list, shown, step, z0 - 230.0);
    }
}
