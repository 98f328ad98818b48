//! Contrast, from the palette's CSS colours: every colour the views write text in reaches WCAG
//! AA for text (4.5:1) on the canvas's paper, where the layout keeps labels (the highlighted
//! step's number, written over the body, on the highlight's wash too); every colour they draw
//! lines in (guides, outlines, bones' edges) reaches 3:1 (WCAG 1.4.11) against every background
//! a line can lie on: the paper, the skin, the bones and the wash over them. Light fills (bone,
//! skin, the wash, the load scale) are exempt as fills; their outlines are not.

use posture_chain::{
    solve, Cmd, Colour, Pose, Scenario, Scene, SceneOptions, View, DEFAULT_BRAND_CSS,
};

use crate::util::tilt;

/// The canvas's background: the element's `--paper`, read from its styles.
fn paper() -> [f64; 3] {
    let template = include_str!("../../www/template.js");
    let at = template
        .find("--paper:")
        .expect("--paper in www/template.js")
        + "--paper:".len();
    rgb(template[at..].trim_start())
}

/// A `#rrggbb` colour (what follows it is ignored) as 0..=255 channels.
fn rgb(css: &str) -> [f64; 3] {
    let hex = css
        .strip_prefix('#')
        .unwrap_or_else(|| panic!("not #rrggbb: {css}"));
    let channel = |i: usize| {
        u8::from_str_radix(hex.get(i..i + 2).expect("six hex digits"), 16).expect("hex") as f64
    };
    [channel(0), channel(2), channel(4)]
}

/// `colour` painted at its alpha over `under`.
fn over(colour: Colour, under: [f64; 3]) -> [f64; 3] {
    let (c, a) = (rgb(colour.css(DEFAULT_BRAND_CSS)), colour.alpha());
    [0, 1, 2].map(|i| c[i] * a + under[i] * (1.0 - a))
}

/// WCAG 2 relative luminance.
fn luminance(c: [f64; 3]) -> f64 {
    let lin = |v: f64| {
        let v = v / 255.0;
        if v <= 0.04045 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2])
}

fn ratio(a: [f64; 3], b: [f64; 3]) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// Colours that only ever fill an area (a bone drawn as a wide stroke is a fill too).
fn is_fill(c: Colour) -> bool {
    matches!(
        c,
        Colour::Bone | Colour::Skin | Colour::BrandWash | Colour::Load(_)
    )
}

/// Every colour the views write text in, and every colour they draw lines in, over postures and
/// options that bring out every part (the highlight, the hot head, magnified shifts).
fn colours_used() -> (Vec<Colour>, Vec<Colour>) {
    let neutral = Pose::of(&solve(&Scenario::default()));
    let (mut texts, mut lines) = (Vec::new(), Vec::new());
    let note = |list: &mut Vec<Colour>, c: Colour| {
        if !list.contains(&c) {
            list.push(c);
        }
    };
    for scenario in [Scenario::default(), tilt(15.0)] {
        let pose = Pose::of(&solve(&scenario));
        for highlight in [None, Some(0), Some(4)] {
            let options = SceneOptions {
                highlight,
                magnify: 2.0,
                head_hot: highlight.is_some(),
            };
            let mut scene = Scene::new();
            scene.build(&pose, &neutral, &options);
            for view in View::ALL {
                for cmd in scene.list(view).cmds() {
                    match *cmd {
                        Cmd::Text { colour, .. } => note(&mut texts, colour),
                        Cmd::Stroke { colour, .. } if !is_fill(colour) => note(&mut lines, colour),
                        Cmd::Block { outline, .. } => note(&mut lines, outline),
                        _ => {}
                    }
                }
            }
        }
    }
    (texts, lines)
}

/// The backgrounds a line can lie on; a label lies on the first only, or on the first and the
/// washes when it is the highlighted step's number.
fn backgrounds() -> [(&'static str, [f64; 3]); 5] {
    let paper = paper();
    let skin = over(Colour::Skin, paper);
    [
        ("paper", paper),
        ("wash over paper", over(Colour::BrandWash, paper)),
        ("wash over skin", over(Colour::BrandWash, skin)),
        ("skin", skin),
        ("bone", over(Colour::Bone, paper)),
    ]
}

#[test]
fn every_label_and_line_stands_out_from_its_background() {
    let (texts, lines) = colours_used();
    assert!(texts.contains(&Colour::Ink) && texts.contains(&Colour::Brand));
    assert!(lines.contains(&Colour::SkinLine) && lines.contains(&Colour::Guide));
    let mut failures = Vec::new();
    for (colours, least, what) in [(&texts, 4.5, "text"), (&lines, 3.0, "line")] {
        for &c in colours {
            let on = match (what, c) {
                ("line", _) => 5,
                (_, Colour::Brand) => 3,
                _ => 1,
            };
            for (name, bg) in &backgrounds()[..on] {
                let bg = *bg;
                let r = ratio(over(c, bg), bg);
                if r < least {
                    failures.push(format!("{what} {c:?} on {name}: {r:.2}:1, under {least}:1"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_contrast_sums_are_wcags() {
    // WCAG's own extremes, and the canvas's paper read from the element.
    assert!((ratio([0.0; 3], [255.0; 3]) - 21.0).abs() < 1e-9);
    assert!((ratio([119.0; 3], [255.0; 3]) - 4.48).abs() < 0.01);
    assert_eq!(paper(), [252.0, 252.0, 250.0]);
}
