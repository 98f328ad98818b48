//! The back view's body: legs and feet, arms, pelvis, rib cage, scapulae and skull.

use crate::scene::body::{add, back, bone, dist, offset, scale, skull_rotation_rad, sub, unit};
use crate::scene::list::{Cmd, Colour, Dash, DisplayList};
use crate::scene::point::P2;
use crate::scene::pose::Pose;

/// The back of the skull: from the crown down to just above C1. Its centre and half-height.
pub(super) fn skull_outline(pose: &Pose) -> (P2, f64) {
    let crown = back(pose.landmarks.head_top);
    let c1 = back(pose.landmarks.vertebrae[0]);
    let base = add(c1, scale(unit(sub(crown, c1)), 16.0));
    (
        crown.mid(base),
        (dist(crown, base) / 2.0).clamp(50.0, 120.0),
    )
}

/// Both legs, each with its foot.
pub(super) fn legs(list: &mut DisplayList, pose: &Pose, px_per_mm: f64) {
    let lm = &pose.landmarks;
    for (hip, knee, ankle) in [
        (lm.hip_left, lm.knee_left, lm.ankle_left),
        (lm.hip_right, lm.knee_right, lm.ankle_right),
    ] {
        bone(
            list,
            &[back(hip), back(knee), back(ankle)],
            (32.0 * px_per_mm).max(3.0),
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
}

/// Both arms, hanging from the acromia.
pub(super) fn arms(list: &mut DisplayList, pose: &Pose, px_per_mm: f64) {
    let lm = &pose.landmarks;
    for (acromion, side) in [(lm.acromion_left, -1.0), (lm.acromion_right, 1.0)] {
        let a = back(acromion);
        let elbow = add(a, P2::new(side * 30.0, -285.0));
        let wrist = add(elbow, P2::new(side * 10.0, -245.0));
        bone(list, &[a, elbow, wrist], (26.0 * px_per_mm).max(2.5));
    }
}

/// Pelvis: wings from the iliac crests to the hip joints, the sacrum between them.
pub(super) fn pelvis(list: &mut DisplayList, pose: &Pose) {
    let lm = &pose.landmarks;
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
}

/// The rib cage, hinted as one path of curves out from the thoracic vertebrae.
pub(super) fn ribs(list: &mut DisplayList, pose: &Pose) {
    let v = &pose.landmarks.vertebrae;
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
}

/// Each scapula, hinted, with the shoulder girdle from T1 to its acromion.
pub(super) fn scapulae(list: &mut DisplayList, pose: &Pose) {
    let lm = &pose.landmarks;
    let v = &lm.vertebrae;
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
}

/// The shoulder joints, over the spine.
pub(super) fn shoulder_joints(list: &mut DisplayList, pose: &Pose) {
    let lm = &pose.landmarks;
    for acromion in [lm.acromion_left, lm.acromion_right] {
        list.disc(back(acromion), 11.0, Colour::Ink, None);
    }
}

/// The back of the skull, from the crown down to just above C1, with the eye line; outlined in
/// the brand colour because it can be dragged, and washed with it while `head_hot`.
pub(super) fn skull(list: &mut DisplayList, pose: &Pose, head_hot: bool) {
    let lm = &pose.landmarks;
    let (skull_centre, ry) = skull_outline(pose);
    list.push(Cmd::Begin);
    list.push(Cmd::Ellipse {
        centre: skull_centre,
        rx_mm: ry * 0.95,
        ry_mm: ry,
        rotation_rad: skull_rotation_rad(pose, back),
    });
    list.push(Cmd::Fill(Colour::Bone));
    if head_hot {
        list.push(Cmd::Fill(Colour::BrandWash));
    }
    list.push(Cmd::Stroke {
        colour: Colour::Brand,
        width_px: if head_hot { 4.0 } else { 2.5 },
        dash: Dash::Solid,
    });
    let (el, er) = (back(lm.eye_left), back(lm.eye_right));
    for eye in [el, er] {
        list.disc(eye, 7.0, Colour::Ink, None);
    }
}
