//! The top view (transverse plane), seen from above with the clinician behind: forward is up,
//! the subject's right on the right. It shows how the shoulder and pelvis lines turn.

use super::body::{add, sub, top, unit};
use super::list::{Align, Cmd, Colour, Dash, DisplayList, Font};
use super::point::P2;
use super::pose::Pose;
use super::transform::{BoundsMm, ViewTransform};
use super::view::ViewInput;
use crate::model::PointMm;

const MARGIN_PX: f64 = 12.0;
/// Room kept below the drawing for the rotation read-outs, in CSS pixels.
const LABEL_ROOM_PX: f64 = 64.0;

fn half_width_mm(neutral: &Pose) -> f64 {
    let lm = &neutral.landmarks;
    lm.acromion_left.x.abs().max(lm.acromion_right.x.abs()) + 100.0
}

/// The view's transform, and the z (mm) where the read-outs start.
pub fn transform(neutral: &Pose, width_px: f64, height_px: f64) -> (ViewTransform, f64) {
    let half = half_width_mm(neutral);
    let z0 = neutral.landmarks.sacrum.z;
    let guess = ((width_px - 2.0 * MARGIN_PX) / (2.0 * half)).max(0.05);
    let label_z = z0 - 230.0;
    let bounds = BoundsMm {
        min: P2::new(-half, label_z - LABEL_ROOM_PX / guess),
        max: P2::new(half, z0 + 330.0),
    };
    (
        ViewTransform::fit(bounds, width_px, height_px, MARGIN_PX),
        label_z,
    )
}

/// Axial rotation of a left/right pair from above, in degrees; positive: turned to the right
/// (the right side moved back).
pub fn turn_deg(left: PointMm, right: PointMm) -> f64 {
    (left.z - right.z).atan2(right.x - left.x).to_degrees()
}

/// Draws the view bottom to top: the reference axes, the feet, the neutral lines as ghosts, the
/// pelvis, the explain-mode wash, the shoulders and the head; then the read-outs and markers.
pub fn build(list: &mut DisplayList, input: ViewInput) {
    let ViewInput {
        shown,
        truth,
        neutral,
        options,
        width_px,
        height_px,
    } = input;
    let (t, label_z) = transform(neutral, width_px, height_px);
    list.transform = t;
    let s = t.px_per_mm;
    let half = half_width_mm(neutral);

    axes(list, neutral, half);
    feet(list, shown);
    ghost_lines(list, neutral);
    pelvis(list, shown);
    // The explain-mode wash goes over the pelvis ring, whose fill would hide it, and under the
    // shoulders and head.
    if let Some(step) = options.highlight {
        highlight_wash(list, shown, step);
    }
    shoulders(list, shown);
    head(list, shown);
    read_outs(list, truth, half, label_z, s);
    side_markers(list, neutral, half);
}

/// Reference axes: the frontal plane and the forward direction.
fn axes(list: &mut DisplayList, neutral: &Pose, half: f64) {
    let z0 = neutral.landmarks.sacrum.z;
    list.line(
        P2::new(-half + 10.0, z0),
        P2::new(half - 10.0, z0),
        Colour::Muted,
        1.0,
        Dash::Long,
    );
    list.line(
        P2::new(0.0, z0 - 200.0),
        P2::new(0.0, z0 + 290.0),
        Colour::Muted,
        1.0,
        Dash::Long,
    );
    list.text(
        P2::new(0.0, z0 + 290.0),
        Font::Small,
        Align::Centre,
        Colour::Muted,
    )
    .nudge(0.0, -6.0)
    .str("front ↑");
}

/// The feet only as light outlines: filled, the parts beyond the pelvis read as ears of the head
/// above.
fn feet(list: &mut DisplayList, pose: &Pose) {
    let lm = &pose.landmarks;
    for ankle in [lm.ankle_left, lm.ankle_right] {
        let a = top(ankle);
        list.push(Cmd::Begin);
        list.push(Cmd::Ellipse {
            centre: P2::new(a.x_mm, a.y_mm + 60.0),
            rx_mm: 40.0,
            ry_mm: 112.0,
            rotation_rad: 0.0,
        });
        list.push(Cmd::Stroke {
            colour: Colour::Rib,
            width_px: 1.0,
            dash: Dash::Dotted,
        });
    }
}

/// The neutral pelvis and shoulder lines, faintly.
fn ghost_lines(list: &mut DisplayList, neutral: &Pose) {
    let n = &neutral.landmarks;
    for (l, r) in [
        (n.iliac_crest_left, n.iliac_crest_right),
        (n.acromion_left, n.acromion_right),
    ] {
        list.line(top(l), top(r), Colour::Ghost, 2.0, Dash::Dotted);
    }
}

/// The pelvis as a ring seen from above, turned with the crest line.
fn pelvis(list: &mut DisplayList, pose: &Pose) {
    let lm = &pose.landmarks;
    let (cl, cr) = (top(lm.iliac_crest_left), top(lm.iliac_crest_right));
    let pelvis_turn = (cr.y_mm - cl.y_mm).atan2(cr.x_mm - cl.x_mm);
    let pelvis_centre = cl.mid(cr);
    let pelvis_rx = (cr.x_mm - cl.x_mm).hypot(cr.y_mm - cl.y_mm) / 2.0;
    list.push(Cmd::Begin);
    list.push(Cmd::Ellipse {
        centre: pelvis_centre,
        rx_mm: pelvis_rx,
        ry_mm: 70.0,
        rotation_rad: pelvis_turn,
    });
    list.push(Cmd::Fill(Colour::Bone));
    list.push(Cmd::Stroke {
        colour: Colour::Muted,
        width_px: 2.0,
        dash: Dash::Solid,
    });
    list.line(cl, cr, Colour::Muted, 2.0, Dash::Solid);
    for c in [cl, cr] {
        list.disc(c, 9.0, Colour::Muted, None);
    }
    // Below the ring and right of the forward axis, clear of every line.
    list.text(
        P2::new(pelvis_centre.x_mm, pelvis_centre.y_mm - 70.0),
        Font::Small,
        Align::Left,
        Colour::Muted,
    )
    .nudge(8.0, 12.0)
    .str("pelvis");
}

/// The explain-mode wash over the region of cascade step `step`, as it shows from above.
fn highlight_wash(list: &mut DisplayList, pose: &Pose, step: usize) {
    let lm = &pose.landmarks;
    let wash = |list: &mut DisplayList, a: P2, b: P2| {
        let u = unit(sub(b, a));
        let n = P2::new(-u.y_mm * 55.0, u.x_mm * 55.0);
        list.polygon(
            &[add(a, n), add(b, n), sub(b, n), sub(a, n)],
            Some(Colour::BrandWash),
            None,
        );
    };
    match step {
        0 => list.disc(top(lm.head_centre), 120.0, Colour::BrandWash, None),
        1 => wash(list, top(lm.acromion_left), top(lm.acromion_right)),
        4 => wash(list, top(lm.iliac_crest_left), top(lm.iliac_crest_right)),
        _ => list.disc(top(lm.vertebrae[12]), 90.0, Colour::BrandWash, None),
    }
}

/// The shoulder line (acromion to acromion) and T1 behind it, over the pelvis.
fn shoulders(list: &mut DisplayList, pose: &Pose) {
    let lm = &pose.landmarks;
    let (al, ar) = (top(lm.acromion_left), top(lm.acromion_right));
    list.line(al, ar, Colour::Ink, 4.0, Dash::Solid);
    list.disc(top(lm.vertebrae[7]), 8.0, Colour::Ink, None);
    for a in [al, ar] {
        list.disc(a, 12.0, Colour::Ink, None);
    }
    list.text(al, Font::Small, Align::Centre, Colour::Ink)
        .nudge(0.0, -16.0)
        .str("shoulders");
}

/// The head from above: an outline, so the lines below show through, and the nose.
fn head(list: &mut DisplayList, pose: &Pose) {
    let lm = &pose.landmarks;
    let hc = top(lm.head_centre);
    list.push(Cmd::Begin);
    list.push(Cmd::Arc {
        centre: hc,
        radius_mm: 72.0,
        start_rad: 0.0,
        end_rad: std::f64::consts::TAU,
    });
    list.push(Cmd::Stroke {
        colour: Colour::Brand,
        width_px: 2.5,
        dash: Dash::Solid,
    });
    let (el, er) = (top(lm.eye_left), top(lm.eye_right));
    let face = unit(sub(el.mid(er), hc));
    let face = if face.y_mm < 0.2 {
        // Eyes at the head's centre (a placeholder posture): face forward.
        P2::new(0.0, 1.0)
    } else {
        face
    };
    let tip = add(hc, P2::new(face.x_mm * 96.0, face.y_mm * 96.0));
    let side = P2::new(face.y_mm * 15.0, -face.x_mm * 15.0);
    let base = add(hc, P2::new(face.x_mm * 70.0, face.y_mm * 70.0));
    list.polygon(
        &[add(base, side), tip, sub(base, side)],
        Some(Colour::Brand),
        None,
    );
}

/// Read-outs below the drawing, from `label_z` down: how far the shoulders and the pelvis are
/// turned, from the solved pose.
fn read_outs(list: &mut DisplayList, truth: &Pose, half: f64, label_z: f64, px_per_mm: f64) {
    let tl = &truth.landmarks;
    let row = 20.0 / px_per_mm.max(1e-6);
    let rows = [
        ("Shoulders ", turn_deg(tl.acromion_left, tl.acromion_right)),
        ("Pelvis ", truth.measures.pelvic_rotation_deg),
    ];
    for (k, (name, deg)) in rows.into_iter().enumerate() {
        let at = P2::new(-half + 10.0, label_z - k as f64 * row);
        let w = list
            .text(at, Font::Small, Align::Left, Colour::Ink)
            .str(name);
        if deg.abs() < 0.05 || !deg.is_finite() {
            w.str("square, not turned");
        } else {
            w.str("turned ").abs(deg, 1).str(if deg > 0.0 {
                "° to the right"
            } else {
                "° to the left"
            });
        }
    }
}

/// Which side is which: "L" and "R" ahead of the head.
fn side_markers(list: &mut DisplayList, neutral: &Pose, half: f64) {
    let marker_z = neutral.landmarks.head_centre.z + 200.0;
    list.text(
        P2::new(-half + 10.0, marker_z),
        Font::Marker,
        Align::Left,
        Colour::Ink,
    )
    .str("L");
    list.text(
        P2::new(half - 10.0, marker_z),
        Font::Marker,
        Align::Right,
        Colour::Ink,
    )
    .str("R");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn turning_right_moves_the_right_shoulder_back() {
        let l = PointMm::new(-200.0, 1400.0, 10.0);
        let r = PointMm::new(200.0, 1400.0, -10.0);
        assert!(turn_deg(l, r) > 0.0);
        assert!((turn_deg(l, r) - (20.0_f64).atan2(400.0).to_degrees()).abs() < 1e-9);
        assert_eq!(
            turn_deg(PointMm::new(-1.0, 0.0, 0.0), PointMm::new(1.0, 0.0, 0.0)),
            0.0
        );
    }
}
