//! Contrast, from the palettes' CSS colours, in every colour theme (src/scene/palette.rs): every
//! colour the views write text in reaches the theme's text contrast (WCAG AA, 4.5:1; AAA, 7:1, in
//! the projector theme) on the canvas's paper, where the layout keeps labels (the highlighted
//! step's number, written over the body, on the highlight's wash too); every colour they draw
//! lines in (guides, outlines, bones' edges) reaches 3:1 (WCAG 1.4.11) against every background
//! a line can lie on: the paper, the skin, the bones and the wash over them. Light fills (bone,
//! skin, the wash, the load scale) are exempt as fills; their outlines are not. The controls'
//! text reaches the same contrast on every background the element's styles (www/template.js)
//! put it on, and the brand's button borders and focus ring 3:1. tests/e2e/presenter.test.mjs
//! checks the same of the colours Chromium computes for the controls.

use posture_chain::{
    solve, Cmd, Colour, Palette, Pose, Scenario, Scene, SceneOptions, View, LIGHT, THEMES,
};

use crate::util::tilt;

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

/// `colour` painted at its alpha over `under`, in `theme` with its default brand.
fn over(theme: &Palette, colour: Colour, under: [f64; 3]) -> [f64; 3] {
    mix(rgb(theme.css(colour, theme.brand)), colour.alpha(), under)
}

/// `top` at `share` over `under`: what painting at an alpha gives, and what CSS's
/// `color-mix(in srgb, top share, under)` does.
fn mix(top: [f64; 3], share: f64, under: [f64; 3]) -> [f64; 3] {
    [0, 1, 2].map(|i| top[i] * share + under[i] * (1.0 - share))
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
fn backgrounds(theme: &Palette) -> [(&'static str, [f64; 3]); 5] {
    let paper = rgb(theme.page.paper);
    let skin = over(theme, Colour::Skin, paper);
    [
        ("paper", paper),
        ("wash over paper", over(theme, Colour::BrandWash, paper)),
        ("wash over skin", over(theme, Colour::BrandWash, skin)),
        ("skin", skin),
        ("bone", over(theme, Colour::Bone, paper)),
    ]
}

#[test]
fn every_label_and_line_stands_out_from_its_background() {
    let (texts, lines) = colours_used();
    assert!(texts.contains(&Colour::Ink) && texts.contains(&Colour::Brand));
    assert!(lines.contains(&Colour::SkinLine) && lines.contains(&Colour::Guide));
    let mut failures = Vec::new();
    for theme in THEMES {
        for (colours, least, what) in [(&texts, theme.text_contrast, "text"), (&lines, 3.0, "line")]
        {
            for &c in colours {
                let on = match (what, c) {
                    ("line", _) => 5,
                    (_, Colour::Brand) => 3,
                    _ => 1,
                };
                for (name, bg) in &backgrounds(theme)[..on] {
                    let bg = *bg;
                    let r = ratio(over(theme, c, bg), bg);
                    if r < least {
                        failures.push(format!(
                            "{}: {what} {c:?} on {name}: {r:.2}:1, under {least}:1",
                            theme.key
                        ));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The controls' text on every background the element's styles put it on (the element, a
/// button, a hovered button and the explain panel, both tinted with the brand), and the text on
/// a pressed button: black or white on the brand, whichever reads better (attributes.js's
/// `inkOn`); the brand itself, as a button's border and the focus ring, 3:1 on the element.
#[test]
fn the_controls_text_stands_out_in_every_theme() {
    let mut failures = Vec::new();
    for theme in THEMES {
        let p = &theme.page;
        let (surface, brand) = (rgb(p.surface), rgb(theme.brand));
        let grounds = [
            ("the element", surface),
            ("a hovered button", mix(brand, 0.10, surface)),
            ("the explain panel", mix(brand, 0.06, surface)),
        ];
        let least = theme.text_contrast;
        for (name, ink) in [("ink", p.ink), ("muted", p.muted), ("alert", p.alert)] {
            for (ground, bg) in grounds {
                let r = ratio(rgb(ink), bg);
                if r < least {
                    failures.push(format!(
                        "{}: {name} {ink} on {ground}: {r:.2}:1, under {least}:1",
                        theme.key
                    ));
                }
            }
        }
        let on_brand = ratio([255.0; 3], brand).max(ratio([0.0; 3], brand));
        if on_brand < least {
            failures.push(format!("{}: text on the brand: {on_brand:.2}:1", theme.key));
        }
        let edge = ratio(brand, surface);
        if edge < 3.0 {
            failures.push(format!(
                "{}: the brand on the element: {edge:.2}:1",
                theme.key
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_contrast_sums_are_wcags() {
    // WCAG's own extremes, and the light theme's paper (the canvas's background today).
    assert!((ratio([0.0; 3], [255.0; 3]) - 21.0).abs() < 1e-9);
    assert!((ratio([119.0; 3], [255.0; 3]) - 4.48).abs() < 0.01);
    assert_eq!(rgb(LIGHT.page.paper), [252.0, 252.0, 250.0]);
    assert_eq!(mix([255.0; 3], 0.5, [0.0; 3]), [127.5; 3]);
}
