//! The drawing's layout, read from the display lists: at the canvas sizes the page gives a view on
//! a 320, 390, 768 and 1280 px wide screen (and, zoomed, in the projector theme and full screen), every label stays inside its canvas, clear of every
//! other label and of the figure (the filled shapes of the body), for the postures a reader makes.

use posture_chain::{BoxPx, Pose, Scenario, Scene, SceneOptions, View};

use crate::util::{leg, tilt};

/// Canvas sizes in CSS pixels, by page width, and the views drawn at each: a phone shows one view
/// at a time under tabs (320 and 390 px pages, as tests/e2e/phone.test.mjs measures them), a blog
/// column puts two abreast with the top view full width (768), a desktop three (1280, on a short
/// and a tall screen). The projector theme and full screen draw larger by telling the scene of a
/// smaller canvas, never under 300 x 330 (www/posture-chain.js's `_resize`): the sizes they give
/// on a 768 and a 1280 px page and on 1920 x 1080, 1280 x 800 and 1024 x 768 screens, and that
/// least one.
const SIZES: [(&str, f64, f64, &[View]); 13] = [
    ("320 px page", 274.0, 330.0, &View::ALL),
    ("390 px page", 344.0, 330.0, &View::ALL),
    ("768 px page", 350.0, 480.0, &[View::Back, View::Side]),
    ("768 px page, top view", 700.0, 320.0, &[View::Top]),
    ("1280 px page", 380.0, 496.0, &View::ALL),
    ("1280 px page, tall", 380.0, 640.0, &View::ALL),
    (
        "projector, 768 px page",
        300.0,
        411.0,
        &[View::Back, View::Side],
    ),
    ("projector, 1280 px page", 300.0, 391.0, &View::ALL),
    ("projector, 1280 px page, tall", 300.0, 505.0, &View::ALL),
    ("full screen, 1920 x 1080", 343.0, 330.0, &View::ALL),
    ("full screen, 1280 x 800", 303.0, 330.0, &View::ALL),
    ("full screen, 1024 x 768", 300.0, 398.0, &View::ALL),
    ("the least a zoom leaves", 300.0, 330.0, &View::ALL),
];

fn cases() -> Vec<(&'static str, Scenario)> {
    vec![
        ("upright", Scenario::default()),
        ("tilt 5°", tilt(5.0)),
        ("tilt 15°", tilt(15.0)),
        ("tilt -20°", tilt(-20.0)),
        ("leg 10 mm", leg(10.0)),
        (
            "forward head 40°, leg -20 mm",
            Scenario {
                forward_head_deg: 40.0,
                anatomic_leg_length_diff_mm: -20.0,
                head_tilt_deg: 8.0,
                ..Scenario::default()
            },
        ),
    ]
}

/// Every place where a label clips or collides, in words.
fn problems(scene: &Scene, view: View, width: f64, height: f64) -> Vec<String> {
    let list = scene.list(view);
    let labels: Vec<(BoxPx, &str)> = list.text_boxes_px().collect();
    let figure = list.figure_boxes_px();
    let mut out = Vec::new();
    for (i, (a, text)) in labels.iter().enumerate() {
        if !a.inside(width, height) {
            out.push(format!("{text:?} leaves the canvas: {a:?}"));
        }
        for (b, other) in &labels[i + 1..] {
            if a.overlaps(b) {
                out.push(format!("{text:?} overlaps {other:?}"));
            }
        }
        if let Some(f) = figure.iter().find(|f| a.overlaps(f)) {
            out.push(format!("{text:?} covers the figure at {f:?}"));
        }
    }
    out
}

#[test]
fn labels_stay_inside_and_clear_of_each_other_and_the_figure() {
    let neutral = Pose::of(&posture_chain::solve(&Scenario::default()));
    let mut failures = Vec::new();
    for (case, scenario) in cases() {
        let pose = Pose::of(&posture_chain::solve(&scenario));
        for (size, width, height, views) in SIZES {
            let mut scene = Scene::new();
            for view in View::ALL {
                scene.set_size_px(view, width, height);
            }
            scene.build(&pose, &neutral, &SceneOptions::default());
            for &view in views {
                for p in problems(&scene, view, width, height) {
                    failures.push(format!("{case}, {size} ({width}x{height}), {view:?}: {p}"));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
