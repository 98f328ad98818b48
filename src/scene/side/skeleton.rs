//! The side view's body in profile: legs and feet, pelvis, ribs and sternum, shoulder girdle
//! and skull.

use crate::scene::body::{add, bone, offset, side, skull_rotation_rad, skull_ry_mm, sub, unit};
use crate::scene::list::{Cmd, Colour, Dash, DisplayList};
use crate::scene::point::P2;
use crate::scene::pose::Pose;

/// Legs and feet: the far (left) leg first.
pub(super) fn legs(list: &mut DisplayList, pose: &Pose, px_per_mm: f64) {
    let lm = &pose.landmarks;
    for (hip, knee, ankle) in [
        (lm.hip_left, lm.knee_left, lm.ankle_left),
        (lm.hip_right, lm.knee_right, lm.ankle_right),
    ] {
        bone(
            list,
            &[side(hip), side(knee), side(ankle)],
            (34.0 * px_per_mm).max(3.0),
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
}

/// Pelvis in profile, around the crests, the sacrum and the hip joints.
pub(super) fn pelvis(list: &mut DisplayList, pose: &Pose, px_per_mm: f64) {
    let lm = &pose.landmarks;
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
        width_px: (22.0 * px_per_mm).max(3.0),
        dash: Dash::Solid,
    });
    list.disc(hip, 22.0, Colour::Bone, Some(Colour::Ink));
}

/// Ribs (one path) from the thoracic vertebrae forward to the sternum, then the sternum.
pub(super) fn ribs(list: &mut DisplayList, pose: &Pose) {
    let v = &pose.landmarks.vertebrae;
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
}

/// The near shoulder girdle from T1 to the acromion, under the spine.
pub(super) fn shoulder_girdle(list: &mut DisplayList, pose: &Pose) {
    let lm = &pose.landmarks;
    list.line(
        side(lm.vertebrae[7]),
        side(lm.acromion_right),
        Colour::Ink,
        2.0,
        Dash::Solid,
    );
}

/// The near shoulder joint, over the spine.
pub(super) fn shoulder_joint(list: &mut DisplayList, pose: &Pose) {
    list.disc(side(pose.landmarks.acromion_right), 11.0, Colour::Ink, None);
}

/// Skull in profile, facing forward, with the nose, the eye and the ear.
pub(super) fn skull(list: &mut DisplayList, pose: &Pose) {
    let lm = &pose.landmarks;
    let hc = side(lm.head_centre);
    let ry = skull_ry_mm(pose, side);
    let rot = skull_rotation_rad(pose, side);
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
    list.disc(side(lm.ear_right), 10.0, Colour::Bone, Some(Colour::Ink));
}
