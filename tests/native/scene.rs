//! Integration tests of the scene: the display lists that the canvas backend replays, read as
//! commands (never as pixels), for postures from the model.

use posture_chain::{
    solve, Cascade, Cmd, Colour, Dash, DisplayList, Pose, Scenario, Scene, SceneOptions, View,
    CASCADE_MS, P2,
};

use crate::util::{assert_approx_eq, leg, tilt};

fn pose(scenario: Scenario) -> Pose {
    Pose::of(&solve(&scenario))
}

fn tilted(deg: f64) -> Pose {
    pose(tilt(deg))
}

fn neutral() -> Pose {
    pose(Scenario::default())
}

fn built(p: &Pose, options: SceneOptions) -> Scene {
    let mut scene = Scene::new();
    for view in View::ALL {
        scene.set_size_px(view, 380.0, 560.0);
    }
    scene.build(p, &neutral(), &options);
    scene
}

/// Straight strokes of one colour and dash: (from, to) per `Begin, MoveTo, LineTo, Stroke`.
fn segments(list: &DisplayList, colour: Colour, dash: Dash) -> Vec<(P2, P2)> {
    list.cmds()
        .windows(4)
        .filter_map(|w| match *w {
            [Cmd::Begin, Cmd::MoveTo(a), Cmd::LineTo(b), Cmd::Stroke {
                colour: c, dash: d, ..
            }] if c == colour && d == dash => Some((a, b)),
            _ => None,
        })
        .collect()
}

/// The text right after the label `name` (the value written under it).
fn value_under(list: &DisplayList, name: &str) -> String {
    let texts: Vec<&str> = list.texts().map(|(_, s)| s).collect();
    let i = texts
        .iter()
        .position(|t| *t == name)
        .unwrap_or_else(|| panic!("no {name:?} in {texts:?}"));
    texts[i + 1].to_string()
}

fn slope_deg((a, b): (P2, P2)) -> f64 {
    (b.y_mm - a.y_mm).atan2(b.x_mm - a.x_mm).to_degrees()
}

#[test]
fn eye_guide_runs_through_the_eyes_at_the_models_tilt() {
    for deg in [-20.0, -7.5, 0.0, 5.0, 20.0] {
        let p = tilted(deg);
        let scene = built(&p, SceneOptions::default());
        let guides = segments(scene.list(View::Back), Colour::Guide, Dash::Solid);
        assert!(guides.len() >= 3, "eyes, shoulders and crests: {guides:?}");
        let eyes = guides[0];
        let expected = (p.landmarks.eye_right.y - p.landmarks.eye_left.y)
            .atan2(p.landmarks.eye_right.x - p.landmarks.eye_left.x)
            .to_degrees();
        assert_approx_eq!(slope_deg(eyes), expected, 1e-9);
        assert_approx_eq!(slope_deg(eyes), p.measures.eye_line_tilt_deg, 0.05);
    }
}

#[test]
fn eye_line_is_horizontal_at_full_compensation() {
    for deg in [-15.0, 5.0, 20.0] {
        let p = pose(Scenario {
            compensation: 1.0,
            ..tilt(deg)
        });
        let scene = built(&p, SceneOptions::default());
        let eyes = segments(scene.list(View::Back), Colour::Guide, Dash::Solid)[0];
        assert_approx_eq!(slope_deg(eyes), 0.0, 0.5);
        assert_eq!(value_under(scene.list(View::Back), "Eyes"), "level");
    }
}

#[test]
fn shoulder_guide_is_labelled_with_the_models_millimetres() {
    let check = |diff_mm: f64, tilt_deg: f64, expected: &str| {
        let mut p = tilted(5.0);
        p.measures.shoulder_height_diff_mm = diff_mm;
        p.measures.shoulder_tilt_deg = tilt_deg;
        let scene = built(&p, SceneOptions::default());
        assert_eq!(value_under(scene.list(View::Back), "Shoulders"), expected);
    };
    check(9.04, 1.29, "R 9 mm higher, 1.3°");
    check(-12.46, -1.8, "L 12 mm higher, 1.8°");
    check(0.3, 0.04, "level");
    check(f64::NAN, f64::NAN, "level");
}

#[test]
fn shoulder_guide_passes_through_both_acromions() {
    let mut p = tilted(0.0);
    p.landmarks.acromion_right.y += 9.0;
    let scene = built(&p, SceneOptions::default());
    let (a, b) = segments(scene.list(View::Back), Colour::Guide, Dash::Solid)[1];
    let (l, r) = (p.landmarks.acromion_left, p.landmarks.acromion_right);
    let expected = (r.y - l.y).atan2(r.x - l.x).to_degrees();
    assert_approx_eq!(slope_deg((a, b)), expected, 1e-9);
    assert!(a.x_mm < l.x && b.x_mm > r.x, "extends past both acromions");
}

#[test]
fn every_vertebra_is_a_block_coloured_by_its_compression_over_standing() {
    let mut p = tilted(5.0);
    for (i, joint) in p.joints.iter_mut().enumerate() {
        joint.compression_ratio = 1.0 + i.saturating_sub(1) as f64 / 8.0;
    }
    for view in [View::Back, View::Side] {
        let scene = built(&p, SceneOptions::default());
        let fills: Vec<Colour> = scene
            .list(view)
            .cmds()
            .iter()
            .filter_map(|c| match c {
                Cmd::Block { fill, .. } => Some(*fill),
                _ => None,
            })
            .collect();
        assert_eq!(fills.len(), 24, "{view:?}: C1..L5");
        for (i, colour) in fills.iter().enumerate() {
            assert_eq!(
                *colour,
                Colour::for_load(p.joints[i + 1].compression_ratio),
                "{view:?} vertebra {i}"
            );
        }
        assert_eq!(fills[0], Colour::Load(0));
        assert_eq!(
            fills[23],
            Colour::Load(5),
            "L5-S1 at over 3× standing takes the last step"
        );
    }
}

#[test]
fn back_view_puts_the_subjects_left_on_the_left() {
    let scene = built(&tilted(5.0), SceneOptions::default());
    let list = scene.list(View::Back);
    let x_of = |name: &str| {
        list.texts()
            .find_map(|(c, s)| match *c {
                Cmd::Text { at, .. } if s == name => Some(list.transform.to_px(at).0),
                _ => None,
            })
            .unwrap_or_else(|| panic!("no {name} marker"))
    };
    assert!(x_of("L") < x_of("R"));
    let (left_eye_px, _) = list.transform.to_px(P2::new(-30.0, 0.0));
    let (right_eye_px, _) = list.transform.to_px(P2::new(30.0, 0.0));
    assert!(
        left_eye_px < right_eye_px,
        "+x (subject's right) is drawn to the right"
    );
}

#[test]
fn every_view_fits_its_canvas_at_the_extremes() {
    let extremes = [
        Scenario {
            head_tilt_deg: 20.0,
            forward_head_deg: 60.0,
            anatomic_leg_length_diff_mm: 30.0,
            ..Scenario::default()
        },
        Scenario {
            head_tilt_deg: -20.0,
            anatomic_leg_length_diff_mm: -30.0,
            compensation: 0.0,
            ..Scenario::default()
        },
    ];
    for scenario in extremes {
        let p = pose(scenario);
        for options in [
            SceneOptions::default(),
            SceneOptions {
                magnify: 3.0,
                ..SceneOptions::default()
            },
        ] {
            let scene = built(&p, options);
            for view in View::ALL {
                let list = scene.list(view);
                for cmd in list.cmds() {
                    let points: &[P2] = match cmd {
                        Cmd::MoveTo(p) | Cmd::LineTo(p) => std::slice::from_ref(p),
                        Cmd::Text { at, .. } => std::slice::from_ref(at),
                        _ => &[],
                    };
                    for p in points {
                        let (x, y) = list.transform.to_px(*p);
                        assert!(
                            (-1.0..=381.0).contains(&x) && (-1.0..=561.0).contains(&y),
                            "{view:?}: {cmd:?} at ({x:.1}, {y:.1}) px is off the canvas"
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn no_label_ever_says_nan() {
    let mut p = tilted(5.0);
    p.measures.eye_line_tilt_deg = f64::NAN;
    p.measures.coronal_balance_mm = f64::INFINITY;
    p.measures.sagittal_vertical_axis_mm = f64::NAN;
    p.measures.craniovertebral_angle_deg = f64::NAN;
    p.measures.head_load_kg = f64::NAN;
    p.measures.pelvic_rotation_deg = f64::NAN;
    p.joints[3].compression_ratio = f64::NAN;
    let scene = built(&p, SceneOptions::default());
    for view in View::ALL {
        for (_, text) in scene.list(view).texts() {
            assert!(
                !text.contains("NaN") && !text.contains("inf"),
                "{view:?}: {text:?}"
            );
        }
    }
}

#[test]
fn the_neutral_ghost_is_drawn_behind() {
    let scene = built(&tilted(10.0), SceneOptions::default());
    for view in [View::Back, View::Side] {
        let cmds = scene.list(view).cmds();
        let ghost = cmds.iter().position(|c| {
            matches!(
                c,
                Cmd::Stroke {
                    colour: Colour::Ghost,
                    ..
                }
            )
        });
        let first_block = cmds.iter().position(|c| matches!(c, Cmd::Block { .. }));
        assert!(ghost.is_some(), "{view:?} has a ghost");
        assert!(first_block.is_some(), "{view:?} has vertebrae");
        assert!(
            ghost < first_block,
            "{view:?}: the ghost is drawn before the body"
        );
    }
}

#[test]
fn explain_highlight_washes_only_when_asked() {
    let p = tilted(5.0);
    let washes = |scene: &Scene, view: View| {
        scene
            .list(view)
            .cmds()
            .iter()
            .filter(|c| matches!(c, Cmd::Fill(Colour::BrandWash)))
            .count()
    };
    let plain = built(&p, SceneOptions::default());
    assert_eq!(washes(&plain, View::Back), 0);
    for step in 0..5 {
        let lit = built(
            &p,
            SceneOptions {
                highlight: Some(step),
                ..SceneOptions::default()
            },
        );
        for view in View::ALL {
            assert_eq!(washes(&lit, view), 1, "{view:?} step {step}");
        }
        let digit = (b'1' + step as u8) as char;
        assert!(
            lit.list(View::Back)
                .texts()
                .any(|(_, s)| s.starts_with(digit)),
            "step number {digit}"
        );
    }
}

#[test]
fn magnifying_moves_the_drawing_but_not_the_labels() {
    let p = tilted(4.0);
    let plain = built(&p, SceneOptions::default());
    let big = built(
        &p,
        SceneOptions {
            magnify: 3.0,
            ..SceneOptions::default()
        },
    );
    let skull_x = |s: &Scene| {
        s.list(View::Back)
            .cmds()
            .iter()
            .find_map(|c| match c {
                Cmd::Ellipse { centre, .. } => Some(centre.x_mm),
                _ => None,
            })
            .expect("a skull")
    };
    let n = neutral().landmarks.head_centre.x;
    let (shift_plain, shift_big) = (skull_x(&plain) - n, skull_x(&big) - n);
    assert!(shift_plain.abs() > 1.0, "the head moved: {shift_plain}");
    assert_approx_eq!(shift_big, 3.0 * shift_plain, 0.01);
    for name in ["Eyes", "Shoulders", "Iliac crests", "C7 plumb line"] {
        assert_eq!(
            value_under(plain.list(View::Back), name),
            value_under(big.list(View::Back), name)
        );
    }
    assert!(big
        .list(View::Back)
        .texts()
        .any(|(_, s)| s == "shifts drawn ×3"));
}

#[test]
fn the_head_can_be_grabbed_in_the_back_view_only() {
    let p = tilted(5.0);
    let scene = built(&p, SceneOptions::default());
    let head = P2::new(p.landmarks.head_centre.x, p.landmarks.head_centre.y);
    let (x, y) = scene.list(View::Back).transform.to_px(head);
    assert!(scene.hits_head(View::Back, &p, x, y));
    assert!(!scene.hits_head(View::Side, &p, x, y));
    let (fx, fy) = scene.list(View::Back).transform.to_px(P2::new(0.0, 50.0));
    assert!(
        !scene.hits_head(View::Back, &p, fx, fy),
        "the feet are not the head"
    );
}

#[test]
fn top_view_says_which_way_the_shoulders_turn() {
    let mut p = tilted(0.0);
    p.landmarks.acromion_right.z -= 20.0;
    p.landmarks.acromion_left.z += 20.0;
    let scene = built(&p, SceneOptions::default());
    let texts: Vec<&str> = scene.list(View::Top).texts().map(|(_, s)| s).collect();
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("Shoulders turned") && t.ends_with("to the right")),
        "{texts:?}"
    );
    assert!(
        texts.iter().any(|t| t.starts_with("Pelvis square")),
        "{texts:?}"
    );
}

#[test]
fn a_cascade_reaches_the_head_first_and_settles_within_a_second() {
    let (a, b) = (tilted(0.0), tilted(15.0));
    let mut c = Cascade::new(&a);
    c.retarget(&b, 0.0);
    c.step(200.0);
    let head_done = (c.current().landmarks.head_top.x - a.landmarks.head_top.x)
        / (b.landmarks.head_top.x - a.landmarks.head_top.x);
    let l5_done = (c.current().landmarks.vertebrae[23].x - a.landmarks.vertebrae[23].x)
        / (b.landmarks.vertebrae[23].x - a.landmarks.vertebrae[23].x);
    assert!(
        head_done > l5_done,
        "head {head_done} ahead of L5 {l5_done}"
    );
    // The arriving step reports the change (the end is drawn); after it, nothing moves.
    assert!(c.step(CASCADE_MS + 1.0));
    assert!(!c.step(CASCADE_MS + 17.0));
    const { assert!(CASCADE_MS < 1000.0) };
    assert_eq!(c.current(), &b);
}

#[test]
fn a_longer_leg_shows_bottom_up_the_pelvis_drops_and_the_spine_rights_itself() {
    let p = pose(leg(20.0));
    let scene = built(&p, SceneOptions::default());
    let back = scene.list(View::Back);
    // The crest guide (eyes, shoulders, crests) rises to the long right side, and says so.
    let crests = segments(back, Colour::Guide, Dash::Solid)[2];
    assert!(slope_deg(crests) > 1.0, "crests tilt {}", slope_deg(crests));
    assert!(value_under(back, "Iliac crests").starts_with("R "));
    // The vertebrae, bottom (L5) to top: the lowest leans with the pelvis, the top stands upright
    // again, and the eyes stay level.
    let ups: Vec<P2> = back
        .cmds()
        .iter()
        .filter_map(|c| match *c {
            Cmd::Block { up, .. } => Some(up),
            _ => None,
        })
        .collect();
    let lean_deg = |u: P2| u.x_mm.atan2(u.y_mm).to_degrees();
    let (bottom, top) = (lean_deg(ups[ups.len() - 1]), lean_deg(ups[0]));
    assert!(bottom.abs() > 0.5, "L5 leans with the pelvis: {bottom}°");
    assert!(
        top.abs() < bottom.abs() / 2.0,
        "the top rights itself: {top}° vs {bottom}°"
    );
    assert_eq!(value_under(back, "Eyes"), "level");
}

/// The paths of the body's silhouette: every path filled with skin, from its `Begin` to its fill.
fn silhouette_paths(list: &DisplayList) -> Vec<&[Cmd]> {
    let cmds = list.cmds();
    let mut begin = 0;
    let mut out = Vec::new();
    for (i, c) in cmds.iter().enumerate() {
        match c {
            Cmd::Begin => begin = i,
            Cmd::Fill(Colour::Skin) => out.push(&cmds[begin..=i]),
            _ => {}
        }
    }
    out
}

/// Every point a path passes through or curves towards.
fn path_points(path: &[Cmd]) -> Vec<P2> {
    path.iter()
        .flat_map(|c| match *c {
            Cmd::MoveTo(p) | Cmd::LineTo(p) => vec![p],
            Cmd::QuadTo { ctrl, to } => vec![ctrl, to],
            Cmd::Ellipse {
                centre,
                rx_mm,
                ry_mm,
                rotation_rad,
            } => {
                // Its top and bottom.
                let (sin, cos) = rotation_rad.sin_cos();
                let half_h = (rx_mm * sin).hypot(ry_mm * cos);
                vec![
                    centre,
                    P2::new(centre.x_mm, centre.y_mm + half_h),
                    P2::new(centre.x_mm, centre.y_mm - half_h),
                ]
            }
            _ => vec![],
        })
        .collect()
}

#[test]
fn a_silhouette_is_drawn_in_both_views_behind_the_skeleton() {
    let scene = built(&tilted(10.0), SceneOptions::default());
    for view in [View::Back, View::Side] {
        let list = scene.list(view);
        let cmds = list.cmds();
        let paths = silhouette_paths(list);
        assert!(!paths.is_empty(), "{view:?} has a silhouette");
        let last_skin = cmds
            .iter()
            .rposition(|c| matches!(c, Cmd::Fill(Colour::Skin)))
            .unwrap();
        let first_block = cmds.iter().position(|c| matches!(c, Cmd::Block { .. }));
        let first_bone = cmds
            .iter()
            .position(|c| matches!(c, Cmd::Fill(Colour::Bone)));
        assert!(
            Some(last_skin) < first_block && Some(last_skin) < first_bone,
            "{view:?}: the skin ({last_skin}) comes before the vertebrae ({first_block:?}) and \
             the bones ({first_bone:?})"
        );
        // Its outline is drawn too, in its own colour.
        for path in paths {
            assert!(path.iter().any(|c| matches!(
                c,
                Cmd::Stroke {
                    colour: Colour::SkinLine,
                    ..
                }
            )));
        }
        // It reaches from the floor to the crown, and holds the whole spine.
        let lm = &tilted(10.0).landmarks;
        let ys: Vec<f64> = silhouette_paths(list)
            .iter()
            .flat_map(|p| path_points(p))
            .map(|p| p.y_mm)
            .collect();
        let low = ys.iter().cloned().fold(f64::INFINITY, f64::min);
        let high = ys.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
        assert!(low < 20.0, "{view:?}: down to the floor, {low}");
        assert!(
            high > lm.head_top.y - 40.0,
            "{view:?}: up to the crown, {high}"
        );
    }
}

#[test]
fn the_silhouettes_head_moves_as_the_head_does() {
    // Back view: the head is an ellipse on the head's centre, leaning with it.
    let head = |p: &Pose| {
        let scene = built(p, SceneOptions::default());
        let paths = silhouette_paths(scene.list(View::Back));
        paths[0]
            .iter()
            .find_map(|c| match *c {
                Cmd::Ellipse {
                    centre,
                    rotation_rad,
                    ..
                } => Some((centre, rotation_rad)),
                _ => None,
            })
            .expect("a head")
    };
    let (upright, tilted_15) = (tilted(0.0), tilted(15.0));
    let leaning = pose(Scenario {
        compensation: 0.0,
        ..tilt(15.0)
    });
    for p in [&upright, &tilted_15, &leaning] {
        let (centre, rotation) = head(p);
        let (c, top) = (p.landmarks.head_centre, p.landmarks.head_top);
        assert_approx_eq!(centre.x_mm, c.x, 1e-9);
        assert_approx_eq!(centre.y_mm, c.y, 1e-9);
        assert_approx_eq!(rotation, -(top.x - c.x).atan2(top.y - c.y), 1e-9);
    }
    let shift = head(&tilted_15).0.x_mm - head(&upright).0.x_mm;
    assert!(shift.abs() > 5.0, "the head moves: {shift} mm");
    // Leaning towards the right ear turns the head clockwise and lowers the right eye.
    let lean_deg = -head(&leaning).1.to_degrees();
    assert_approx_eq!(lean_deg, 15.0, 0.5, "leans with the head");
    assert_approx_eq!(
        lean_deg,
        -leaning.measures.eye_line_tilt_deg,
        0.5,
        "and the eyes"
    );

    // Side view: the face stays as far in front of the eye as the head comes forward.
    let face = |p: &Pose| {
        let scene = built(p, SceneOptions::default());
        let above_c7 = p.landmarks.c7.y;
        silhouette_paths(scene.list(View::Side))
            .iter()
            .flat_map(|path| path_points(path))
            .filter(|q| q.y_mm > above_c7)
            .map(|q| q.x_mm)
            .fold(f64::NEG_INFINITY, f64::max)
    };
    // At full compensation the trunk leans back to right the gaze, and the eye ends behind where
    // it stood: the face must follow it either way.
    let forward = pose(Scenario {
        forward_head_deg: 40.0,
        ..Scenario::default()
    });
    let eye_moved = forward.landmarks.eye_right.z - upright.landmarks.eye_right.z;
    assert!(
        eye_moved.abs() > 30.0,
        "forward head posture: {eye_moved} mm"
    );
    let face_moved = face(&forward) - face(&upright);
    assert_approx_eq!(face_moved, eye_moved, 12.0, "the face follows the eye");
}

#[test]
fn the_silhouette_moves_with_the_cascade_region_by_region() {
    let (a, b) = (tilted(0.0), tilted(15.0));
    let mut c = Cascade::new(&a);
    c.retarget(&b, 0.0);
    c.step(200.0);
    let mid = *c.current();
    let points = |p: &Pose| {
        let scene = built(p, SceneOptions::default());
        silhouette_paths(scene.list(View::Back))
            .iter()
            .flat_map(|path| path_points(path))
            .collect::<Vec<P2>>()
    };
    let (from, now, to) = (points(&a), points(&mid), points(&b));
    assert_eq!(from.len(), now.len());
    // How far the point nearest a landmark has gone on its way, from 0 to 1.
    let done = |near: posture_chain::PointMm| {
        let d = |p: &P2| (p.x_mm - near.x).hypot(p.y_mm - near.y);
        let i = (0..from.len())
            .min_by(|&i, &j| d(&from[i]).total_cmp(&d(&from[j])))
            .unwrap();
        let whole = to[i].x_mm - from[i].x_mm;
        assert!(
            whole.abs() > 1.0,
            "the point near {near:?} moves: {whole} mm"
        );
        (now[i].x_mm - from[i].x_mm) / whole
    };
    let head = done(a.landmarks.head_centre);
    let waist = done(a.landmarks.vertebrae[20]);
    assert!(
        head > waist,
        "the head's outline leads the waist's: {head} vs {waist}"
    );
}

#[test]
fn the_silhouette_stands_on_the_floor_with_either_leg_longer() {
    for mm in [-30.0, 0.0, 30.0] {
        let scene = built(&pose(leg(mm)), SceneOptions::default());
        for view in [View::Back, View::Side] {
            let list = scene.list(view);
            let lowest = silhouette_paths(list)
                .iter()
                .flat_map(|path| path_points(path))
                .map(|p| p.y_mm)
                .fold(f64::INFINITY, f64::min);
            // Curves bulge past their controls by less than this.
            assert!(
                (-12.0..12.0).contains(&lowest),
                "{view:?}, leg {mm} mm: the lowest point is at {lowest} mm"
            );
        }
    }
}

/// The points of the dotted outlines of one colour in a list (each path from its `Begin`).
fn dotted_paths(list: &DisplayList, colour: Colour) -> Vec<Vec<P2>> {
    let mut out = Vec::new();
    let mut path = Vec::new();
    for cmd in list.cmds() {
        match *cmd {
            Cmd::Begin => path.clear(),
            Cmd::MoveTo(p) | Cmd::LineTo(p) => path.push(p),
            Cmd::Stroke {
                colour: c,
                dash: Dash::Dotted,
                ..
            } if c == colour => out.push(std::mem::take(&mut path)),
            _ => {}
        }
    }
    out
}

#[test]
fn a_ghost_posture_is_drawn_in_place_of_the_neutral_stance() {
    let shown = tilted(10.0);
    let other = pose(leg(20.0));
    let mut scene = Scene::new();
    for view in View::ALL {
        scene.set_size_px(view, 380.0, 560.0);
    }
    for view in [View::Back, View::Side] {
        scene.build(&shown, &neutral(), &SceneOptions::default());
        let plain = dotted_paths(scene.list(view), Colour::Ghost);
        assert_eq!(plain.len(), 1, "{view:?}: one neutral ghost");
        assert!(dotted_paths(scene.list(view), Colour::Brand).is_empty());

        // The neutral stance given as the ghost draws the same points, in the brand colour.
        scene.build_with_ghost(
            &shown,
            &neutral(),
            Some(&neutral()),
            &SceneOptions::default(),
        );
        assert!(dotted_paths(scene.list(view), Colour::Ghost).is_empty());
        assert_eq!(dotted_paths(scene.list(view), Colour::Brand), plain);

        // Another posture moves the outline: its pelvis line follows its own crests.
        scene.build_with_ghost(&shown, &neutral(), Some(&other), &SceneOptions::default());
        let drawn = dotted_paths(scene.list(view), Colour::Brand);
        assert_eq!(drawn.len(), 1);
        assert_ne!(
            drawn[0], plain[0],
            "{view:?}: the ghost follows the posture given"
        );
    }
    // The top view draws no ghost either way.
    scene.build_with_ghost(&shown, &neutral(), Some(&other), &SceneOptions::default());
    assert!(dotted_paths(scene.list(View::Top), Colour::Brand).is_empty());
}
