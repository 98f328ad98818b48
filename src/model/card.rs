//! The model card's generated tables, rendered from the code so `docs/model.md` cannot drift.
//!
//! Pure: text in, text out. A section of the card sits between `<!-- generated:NAME -->` and
//! `<!-- /generated -->`; [`refresh`] rewrites every such section with [`render`]. Numbers are in
//! the units their column headers state (degrees, millimetres, kilograms, newton-metres).

use std::fmt::Write;

mod strategies;

use super::bands::{solve_bands, BandOptions};
use super::body::{Body, VERTEBRA_COUNT};
use super::chain::{self, Config};
use super::compression::joint_load;
use super::inputs::Input;
use super::level::{Level, LEVEL_COUNT};
use super::measure::{Bound, Measure, Unit};
use super::params as p;
use super::posture::{Posture, Warning};
use super::scenario::{Coupling, Scenario, Sex};
use super::solve::solve;
use super::step::CascadeStep;

/// The names of the generated sections, in the order the card uses them.
pub const SECTIONS: [&str; 20] = [
    "neutral",
    "hansraj",
    "sagittal",
    "validation-bruhl",
    "cascade-head",
    "cascade-leg",
    "girdle",
    "bands",
    "validation-lan",
    "validation-flexion",
    "readout-ranges",
    "ranges",
    "body",
    "constants",
    "compression",
    "validation-wilke",
    "inputs",
    "strategies",
    "strategy-tone",
    "causes",
];

const START: &str = "<!-- generated:";
const END: &str = "<!-- /generated -->";

/// Hansraj 2014, effective load on the neck (kg) against neck flexion (degrees).
pub const HANSRAJ_KG: [(f64, f64); 5] = [
    (0.0, 5.0),
    (15.0, 12.2),
    (30.0, 18.1),
    (45.0, 22.2),
    (60.0, 27.2),
];

/// Rewrites every generated section of `doc`. Errors name a section that is unknown or unclosed.
///
/// ```
/// use posture_chain::card;
/// let doc = "Intro\n<!-- generated:hansraj -->\nold\n<!-- /generated -->\nEnd\n";
/// let fresh = card::refresh(doc).unwrap();
/// assert!(fresh.contains("| 60 |") && !fresh.contains("old"));
/// assert_eq!(card::refresh(&fresh).unwrap(), fresh);
/// ```
pub fn refresh(doc: &str) -> Result<String, String> {
    let mut out = String::with_capacity(doc.len());
    let mut rest = doc;
    while let Some(start) = rest.find(START) {
        let after = &rest[start + START.len()..];
        let close = after
            .find("-->")
            .ok_or("a generated marker is not closed")?;
        let name = after[..close].trim();
        let body = render(name).ok_or_else(|| format!("unknown generated section {name:?}"))?;
        let header_end = start + START.len() + close + 3;
        let end = rest[header_end..]
            .find(END)
            .ok_or_else(|| format!("section {name:?} has no {END}"))?;
        out.push_str(&rest[..header_end]);
        out.push('\n');
        out.push_str(&body);
        out.push_str(END);
        rest = &rest[header_end + end + END.len()..];
    }
    out.push_str(rest);
    Ok(out)
}

/// The text of one generated section (ending with a newline), or `None` for an unknown name.
pub fn render(name: &str) -> Option<String> {
    Some(match name {
        "neutral" => neutral(),
        "hansraj" => hansraj(),
        "sagittal" => sagittal(),
        "validation-bruhl" => validation_bruhl(),
        "cascade-head" => cascade(&[2.0, 5.0, 10.0, 20.0].map(|t| {
            (
                format!("head tilt {t}°"),
                Scenario {
                    head_tilt_deg: t,
                    ..Scenario::default()
                },
            )
        })),
        "cascade-leg" => cascade(&[5.0, 10.0, 20.0].map(|mm| {
            (
                format!("leg {mm} mm longer (right)"),
                Scenario {
                    anatomic_leg_length_diff_mm: mm,
                    ..Scenario::default()
                },
            )
        })),
        "girdle" => girdle(),
        "bands" => bands(),
        "validation-lan" => validation_lan(),
        "validation-flexion" => validation_flexion(),
        "readout-ranges" => readout_ranges(),
        "ranges" => ranges(),
        "body" => body(),
        "inputs" => inputs(),
        "constants" => constants(),
        "compression" => compression(),
        "validation-wilke" => validation_wilke(),
        "strategies" => strategies::strategies(),
        "strategy-tone" => strategies::tone(),
        "causes" => strategies::causes(),
        _ => return None,
    })
}

/// Lan 2014, healthy adults: lateral bending of C2-C3 … C6-C7 in degrees (means, n = 46).
pub const LAN_2014_DEG: [f64; 5] = [7.66, 8.37, 8.91, 7.19, 6.31];

/// Harms-Ringdahl 1986: load moment with the neck in full flexion over neutral, about C7-T1 and
/// about the head joint (n = 10).
pub const HARMS_RINGDAHL_1986_RATIO: [(Level, f64); 2] = [(Level::C7T1, 3.6), (Level::C0C1, 1.2)];

/// §7's uncertainty: the 5th, 50th and 95th percentiles of the cascade shares and the main
/// read-outs over 200 seeded samples of the uncertain parameters, for a head tilt and a leg.
fn bands() -> String {
    let cases = [
        (
            "head tilt 10°",
            Scenario {
                head_tilt_deg: 10.0,
                ..Scenario::default()
            },
        ),
        (
            "leg 10 mm longer (right)",
            Scenario {
                anatomic_leg_length_diff_mm: 10.0,
                ..Scenario::default()
            },
        ),
    ];
    let options = BandOptions::default();
    let mut t = format!(
        "| scenario (default body; {} samples, seed {}) | quantity | nominal | 5th | 50th | 95th |\n\
         |---|---|---|---|---|---|\n",
        options.samples, options.seed
    );
    let shown = [
        Measure::ShoulderHeightDiff,
        Measure::CoronalBalance,
        Measure::PelvicObliquity,
        Measure::WeightLeft,
    ];
    for (label, s) in cases {
        let b = solve_bands(&s, &options);
        let p = solve(&s);
        for (step, c) in CascadeStep::ALL.iter().zip(&p.cascade) {
            let band = b.step(*step);
            let _ = writeln!(
                t,
                "| {label} | share: {} | {:.0}% | {:.0}% | {:.0}% | {:.0}% |",
                step.label(),
                c.share * 100.0,
                band.p5 * 100.0,
                band.p50 * 100.0,
                band.p95 * 100.0
            );
        }
        for m in shown {
            let band = b.measure(m);
            let d = usize::from(m.decimals()) + 1;
            let _ = writeln!(
                t,
                "| {label} | `{}` | {:.d$} | {:.d$} | {:.d$} | {:.d$} |",
                m.key(),
                m.of(&p.measures),
                band.p5,
                band.p50,
                band.p95
            );
        }
    }
    t
}

/// §7's shoulder girdle: the shoulder height difference split into the thorax's part and the
/// girdles' own part, for head tilts.
fn girdle() -> String {
    let mut t = String::from(
        "| head tilt (default body) | shoulder height difference, mm | thorax's part, mm | girdles' part, mm | girdles' part over the thorax's |\n\
         |---|---|---|---|---|\n",
    );
    for deg in [2.0, 5.0, 10.0, 20.0] {
        let m = solve(&Scenario {
            head_tilt_deg: deg,
            ..Scenario::default()
        })
        .measures;
        let girdle = m.shoulder_elevation_diff_mm;
        let thorax = m.shoulder_height_diff_mm - girdle;
        let _ = writeln!(
            t,
            "| {deg}° | {:.1} | {thorax:+.1} | {girdle:+.1} | {:.0}% |",
            m.shoulder_height_diff_mm,
            -girdle / thorax * 100.0
        );
    }
    t
}

/// §7's first held-out comparison: the lower neck's sharing of a lateral bend (Lan 2014) against
/// the model's, when it rights a 10° head tilt, with the largest difference.
fn validation_lan() -> String {
    let mut t = String::from(
        "| level | Lan 2014, ° | Lan 2014, share | model, share | model − Lan, points |\n\
         |---|---|---|---|---|\n",
    );
    let p = solve(&Scenario {
        head_tilt_deg: 10.0,
        ..Scenario::default()
    });
    let levels = &Level::ALL[2..7];
    let model_sum: f64 = levels
        .iter()
        .map(|l| p.joints[l.index()].lateral_bend_deg.abs())
        .sum();
    let lan_sum: f64 = LAN_2014_DEG.iter().sum();
    let mut worst: f64 = 0.0;
    for (l, lan) in levels.iter().zip(LAN_2014_DEG) {
        let model = p.joints[l.index()].lateral_bend_deg.abs() / model_sum * 100.0;
        let lan_share = lan / lan_sum * 100.0;
        worst = worst.max((model - lan_share).abs());
        let _ = writeln!(
            t,
            "| {l} | {lan:.2} | {lan_share:.1}% | {model:.1}% | {:+.1} |",
            model - lan_share
        );
    }
    let _ = writeln!(t, "| largest difference | | | | {worst:.1} |");
    t
}

/// §7's second held-out comparison: the neck's gravitational moment in full flexion over neutral
/// (Harms-Ringdahl 1986) against the model's with the neck flexed to its 60° limit, head bowed.
fn validation_flexion() -> String {
    let mut t = String::from(
        "| joint | Harms-Ringdahl 1986, × neutral | model, × neutral | model ÷ measured |\n\
         |---|---|---|---|\n",
    );
    let neutral = solve(&Scenario::default());
    let flexed = solve(&Scenario {
        forward_head_deg: 60.0,
        compensation: 0.0,
        ..Scenario::default()
    });
    for (level, measured) in HARMS_RINGDAHL_1986_RATIO {
        let i = level.index();
        let ratio = flexed.joints[i].moment_nm / neutral.joints[i].moment_nm;
        let _ = writeln!(
            t,
            "| {level} | {measured:.1} | {ratio:.1} | {:.2} |",
            ratio / measured
        );
    }
    t
}

/// §7's read-out ranges: every measure, its usual range in words, the source and what it bears.
fn readout_ranges() -> String {
    let mut t = String::from(
        "| read-out | usual range shown | source | how much it can bear |\n|---|---|---|---|\n",
    );
    for m in Measure::ALL {
        let r = m.usual();
        let source = if r.bound == Bound::NoAgreedRange {
            "—"
        } else {
            r.source
        };
        let _ = writeln!(
            t,
            "| `{}` | {} | {source} | {} |",
            m.key(),
            r.bound.words(m.unit()),
            r.note
        );
    }
    t
}

/// §9's input ranges: every numeric input with its unit, range, default and attribute.
fn inputs() -> String {
    let mut t = String::from(
        "| field | unit | range | default | `<posture-chain>` attribute (slider step) |\n\
         |---|---|---|---|---|\n",
    );
    let minus = |v: f64| format!("{v}").replace('-', "−");
    for i in Input::ALL {
        let unit = match i.unit() {
            Unit::Fraction => "—",
            Unit::Choice => "a choice",
            u => u.symbol().trim(),
        };
        let attribute = match i.attribute() {
            Some(a) => format!("`{a}` ({})", i.step()),
            None => "—".to_string(),
        };
        let word = |v: f64| i.words().iter().find(|(_, w)| *w == v).map(|(w, _)| *w);
        let (range, default) = if i.is_choice() {
            let words: Vec<String> = i
                .words()
                .iter()
                .map(|(w, v)| format!("`\"{w}\"` ({v})"))
                .collect();
            let default = word(i.default_value()).unwrap_or("—");
            (words.join(", "), default.to_string())
        } else {
            (
                format!("{} … {}", minus(i.min()), minus(i.max())),
                minus(i.default_value()),
            )
        };
        let _ = writeln!(
            t,
            "| `{}` | {unit} | {range} | {default} | {attribute} |",
            i.key(),
        );
    }
    t.push_str("| `sex` | — | `\"male\"` / `\"female\"` | male | — |\n");
    t
}

fn default_body() -> Body {
    let s = Scenario::default();
    Body::new(s.stature_cm * 1e-2, s.mass_kg, s.sex, s.coupling)
}

fn neutral() -> String {
    let m = solve(&Scenario::default()).measures;
    let mut t =
        String::from("| read-out (default body, neutral) | model | normal |\n|---|---|---|\n");
    let _ = writeln!(
        t,
        "| sagittal vertical axis, mm | {:.0} | < 40 (Schwab 2012) |",
        m.sagittal_vertical_axis_mm
    );
    let _ = writeln!(
        t,
        "| craniovertebral angle, ° | {:.1} | 50.6 ± 2.1 (controls, Lau 2009) |",
        m.craniovertebral_angle_deg
    );
    let _ = writeln!(
        t,
        "| head load, kg | {:.2} | 4.5-5.4 (Hansraj 2014, 0°) |",
        m.head_load_kg
    );
    let _ = writeln!(
        t,
        "| weight on the left foot, % | {:.1} | 50 |",
        m.weight_left_pct
    );
    t
}

fn hansraj() -> String {
    let mut t = String::from(
        "| neck flexion, ° | Hansraj 2014, kg | model, head bowed (compensation 0), kg | difference | model, gaze righted (compensation 1), kg |\n|---|---|---|---|---|\n",
    );
    for (deg, kg) in HANSRAJ_KG {
        let bowed = solve(&Scenario {
            forward_head_deg: deg,
            compensation: 0.0,
            ..Scenario::default()
        });
        let righted = solve(&Scenario {
            forward_head_deg: deg,
            ..Scenario::default()
        });
        let b = bowed.measures.head_load_kg;
        let _ = writeln!(
            t,
            "| {deg:.0} | {kg:.1} | {b:.1} | {:+.0}% | {:.1} |",
            (b - kg) / kg * 100.0,
            righted.measures.head_load_kg
        );
    }
    t
}

/// The pelvis's sagittal tilt from the landmarks (degrees from `neutral`, positive anterior): the
/// top of S1 about the hip midpoint.
fn pelvic_tilt_deg(p: &Posture, neutral: &Posture) -> f64 {
    let angle = |p: &Posture| {
        let l = &p.landmarks;
        let hy = 0.5 * (l.hip_left.y + l.hip_right.y);
        let hz = 0.5 * (l.hip_left.z + l.hip_right.z);
        (l.sacrum.z - hz).atan2(l.sacrum.y - hy).to_degrees()
    };
    angle(p) - angle(neutral)
}

/// The summed flexion of a run of joints (degrees; negative: extension).
fn flexion_deg(p: &Posture, joints: std::ops::Range<usize>) -> f64 {
    p.joints[joints].iter().map(|j| j.flexion_deg).sum()
}

/// §6's sagittal response: what righting a forward head moves below the neck, and what the
/// compression at C7-T1, L4-L5 and L5-S1 does.
fn sagittal() -> String {
    let mut t = String::from(
        "| forward head (default body) | head joints, ° | thoracic T1-T2 … T12-L1, ° | lumbar L1-L2 … L5-S1, ° | pelvic tilt, ° | SVA, mm | CVA, ° | C7-T1, N (× standing) | L4-L5, N (× standing) | L5-S1, N (× standing) |\n\
         |---|---|---|---|---|---|---|---|---|---|\n",
    );
    let neutral = solve(&Scenario::default());
    let cases = [
        (0.0, 1.0),
        (10.0, 1.0),
        (20.0, 1.0),
        (40.0, 1.0),
        (60.0, 1.0),
        (20.0, 0.0),
        (40.0, 0.0),
    ];
    for (deg, c) in cases {
        let p = solve(&Scenario {
            forward_head_deg: deg,
            compensation: c,
            ..Scenario::default()
        });
        let m = &p.measures;
        let label = if c == 1.0 {
            format!("{deg}°, gaze righted")
        } else {
            format!("{deg}°, head bowed (compensation 0)")
        };
        let load = |i: usize| {
            let j = &p.joints[i];
            format!("{:.0} ({:.2})", j.compression_n, j.compression_ratio)
        };
        let _ = writeln!(
            t,
            "| {label} | {:+.1} | {:+.1} | {:+.1} | {:+.1} | {:.0} | {:.1} | {} | {} | {} |",
            flexion_deg(&p, 0..2),
            flexion_deg(&p, 8..20),
            flexion_deg(&p, 20..25),
            pelvic_tilt_deg(&p, &neutral),
            m.sagittal_vertical_axis_mm,
            m.craniovertebral_angle_deg,
            load(Level::C7T1.index()),
            load(Level::L4L5.index()),
            load(Level::L5S1.index()),
        );
    }
    t
}

/// Brühl 2023, 21 healthy men standing, surface topography: the kyphosis angle with the gaze
/// neutral, and looking at a smartphone held in one hand and in two (means, degrees).
pub const BRUHL_2023_KYPHOSIS_DEG: [(&str, f64); 3] = [
    ("gaze neutral", 49.1),
    ("phone, one hand", 58.8),
    ("phone, two hands", 61.6),
];

/// §6's comparison with Brühl 2023: the measured change of the kyphosis with the gaze down at a
/// phone, against the model's change of the thoracic curve, which has no such task: with the gaze
/// kept level, or with the head bowed and nothing else moving.
fn validation_bruhl() -> String {
    let mut t = String::from(
        "| posture | task | kyphosis or thoracic curve, change from neutral, ° |\n|---|---|---|\n",
    );
    let neutral = BRUHL_2023_KYPHOSIS_DEG[0].1;
    for (label, deg) in &BRUHL_2023_KYPHOSIS_DEG[1..] {
        let _ = writeln!(
            t,
            "| Brühl 2023, {label} | gaze down at the phone | {:+.1} (measured) |",
            deg - neutral
        );
    }
    for (deg, c, task) in [
        (20.0, 1.0, "gaze kept horizontal"),
        (40.0, 1.0, "gaze kept horizontal"),
        (40.0, 0.0, "gaze follows the bowed head"),
    ] {
        let p = solve(&Scenario {
            forward_head_deg: deg,
            compensation: c,
            ..Scenario::default()
        });
        let _ = writeln!(
            t,
            "| model, forward head {deg}°, compensation {c} | {task} | {:+.1} (T1-T2 … T12-L1) |",
            flexion_deg(&p, 8..20)
        );
    }
    t
}

fn cascade(cases: &[(String, Scenario)]) -> String {
    let mut t = String::from("| scenario (default body) |");
    for s in CascadeStep::ALL {
        let _ = write!(t, " {} |", s.label());
    }
    t.push_str(" eye line, ° | shoulders, ° (mm) | pelvis, ° | functional LLD, mm | coronal balance, mm | weight left, % | L5-S1 compression, N (× standing) | beyond range |\n|---|");
    for _ in 0..CascadeStep::ALL.len() + 8 {
        t.push_str("---|");
    }
    t.push('\n');
    for (label, s) in cases {
        let p: Posture = solve(s);
        let m = &p.measures;
        let _ = write!(t, "| {label} |");
        for c in &p.cascade {
            let _ = write!(t, " {:.0}% |", c.share * 100.0);
        }
        let beyond: Vec<String> = p
            .warnings
            .iter()
            .map(|w| match w {
                Warning::BeyondRange {
                    level,
                    motion,
                    angle_deg,
                    range_deg,
                } => format!("{level} {motion} {:.1}° > {range_deg:.0}°", angle_deg.abs()),
                other => other.to_string(),
            })
            .collect();
        let beyond = if beyond.is_empty() {
            "—".to_string()
        } else {
            beyond.join("; ")
        };
        let _ = writeln!(
            t,
            " {:.2} | {:.1} ({:.0}) | {:.2} | {:.1} | {:.1} | {:.1} | {:.0} ({:.3}) | {beyond} |",
            m.eye_line_tilt_deg + 0.0,
            m.shoulder_tilt_deg,
            m.shoulder_height_diff_mm,
            m.pelvic_obliquity_deg,
            m.functional_leg_length_diff_mm,
            m.coronal_balance_mm,
            m.weight_left_pct,
            p.joints[Level::L5S1.index()].compression_n,
            p.joints[Level::L5S1.index()].compression_ratio
        );
    }
    t
}

fn ranges() -> String {
    let b = default_body();
    let mut t = String::from(
        "| level | flexion + extension, ° | lateral bend, ° | axial rotation, ° | coupling (default) | neutral curve at the joint, ° |\n|---|---|---|---|---|---|\n",
    );
    let incl = super::body::neutral_inclination_deg();
    for (i, level) in Level::ALL.iter().enumerate() {
        let r = level.range_of_motion();
        // Curve at joint i: inclination above minus below (the sacrum's slope below L5-S1).
        let below = if i + 1 < LEVEL_COUNT {
            incl[i]
        } else {
            p::SACRAL_SLOPE_DEG
        };
        let curve = if i == 0 {
            0.0
        } else if i == LEVEL_COUNT - 1 {
            incl[i - 1] - p::SACRAL_SLOPE_DEG
        } else {
            incl[i - 1] - below
        };
        let _ = writeln!(
            t,
            "| {level} | {} | {} | {} | {:+.2} | {:+.1} |",
            r.flexion_extension_deg,
            r.lateral_bend_deg,
            r.axial_rotation_deg,
            b.coupling[i] + 0.0,
            curve + 0.0
        );
    }
    t
}

fn body() -> String {
    let mut t = String::from("| quantity | male | female | source |\n|---|---|---|---|\n");
    let bodies = [Sex::Male, Sex::Female].map(|s| Body::new(1.75, 75.0, s, Coupling::default()));
    let pct = |f: &dyn Fn(&Body) -> f64| bodies.each_ref().map(|b| f(b) / b.mass_kg * 100.0);
    let rows: [(&str, [f64; 2], &str); 7] = [
        (
            "head and neck, % body mass",
            pct(&|b| b.head_mass_kg),
            "de Leva 1996",
        ),
        (
            "trunk, % body mass",
            [p::TRUNK_PCT[0], p::TRUNK_PCT[1]],
            "de Leva 1996",
        ),
        (
            "one arm, % body mass",
            pct(&|b| b.arm_mass_kg),
            "de Leva 1996",
        ),
        (
            "one thigh, % body mass",
            pct(&|b| b.thigh_mass_kg),
            "de Leva 1996",
        ),
        (
            "one shank and foot, % body mass",
            pct(&|b| b.shank_mass_kg),
            "remainder (derived)",
        ),
        (
            "mass above T12-L1, %",
            pct(&|b| b.mass_above_kg()[Level::T12L1.index()]),
            "about 40 (Winter 2009, derived)",
        ),
        (
            "mass above L5-S1, %",
            pct(&|b| b.mass_above_kg()[Level::L5S1.index()]),
            "about 54 (Winter 2009, derived)",
        ),
    ];
    for (name, v, src) in rows {
        let _ = writeln!(t, "| {name} | {:.2} | {:.2} | {src} |", v[0], v[1]);
    }
    let lengths: [(&str, f64, &str); 9] = [
        ("biacromial width", p::BIACROMIAL_H, "Drillis and Contini"),
        ("iliac crest width", p::HIP_WIDTH_H, "Drillis and Contini"),
        (
            "hip centre spacing",
            p::HIP_CENTRE_SPACING_H,
            "17 cm at 175 cm (Winter 2009)",
        ),
        ("head height", p::HEAD_HEIGHT_H, "Drillis and Contini"),
        (
            "shoulder height",
            p::SHOULDER_HEIGHT_H,
            "Drillis and Contini",
        ),
        (
            "hip centre height",
            p::TROCHANTER_HEIGHT_H,
            "greater trochanter, Drillis and Contini",
        ),
        (
            "knee height",
            p::KNEE_HEIGHT_H,
            "Drillis and Contini (standard figure, moderate)",
        ),
        (
            "ankle height",
            p::ANKLE_HEIGHT_H,
            "Drillis and Contini (standard figure, moderate)",
        ),
        (
            "foot length (drawing only)",
            p::FOOT_LENGTH_H,
            "Drillis and Contini (standard figure, moderate)",
        ),
    ];
    for (name, f, src) in lengths {
        let _ = writeln!(t, "| {name}, × stature | {f:.3} | {f:.3} | {src} |");
    }
    let heights = super::body::vertebra_height_mm();
    let region = |r: std::ops::Range<usize>| heights[r].iter().sum::<f64>();
    let _ = writeln!(
        t,
        "| spine C1-C7 / T1-T12 / L1-L5 at 175 cm, mm | {:.0} / {:.0} / {:.0} | same | reference figures for adult men |",
        region(0..7),
        region(7..19),
        region(19..VERTEBRA_COUNT)
    );
    t
}

fn constants() -> String {
    let b = default_body();
    let mut t =
        String::from("| constant | value (175 cm) | basis | confidence |\n|---|---|---|---|\n");
    let rows: [(&str, String, &str, &str); 18] = [
        (
            "neck extensor lever arm about C7-T1",
            format!("{:.1} cm", b.neck_extensor_arm_m * 100.0),
            "fitted once to Hansraj 2014 (one parameter, five points)",
            "low",
        ),
        (
            "cervical lordosis C2-C7",
            format!("{}°", p::CERVICAL_LORDOSIS_DEG),
            "Guo 2018",
            "moderate",
        ),
        (
            "thoracic kyphosis T1-T12",
            format!("{}°", p::THORACIC_KYPHOSIS_DEG),
            "Fon 1980 (20-40°)",
            "moderate",
        ),
        (
            "lumbar lordosis T12-S1",
            format!("{}°", p::LUMBAR_LORDOSIS_DEG),
            "50 ± 11°; chosen for a normal SVA",
            "moderate",
        ),
        (
            "sacral slope / pelvic tilt",
            format!("{}° / {}°", p::SACRAL_SLOPE_DEG, p::PELVIC_TILT_DEG),
            "Vialle 2005",
            "high",
        ),
        (
            "leg absorption range",
            format!("{:.0} mm", b.leg_absorption_range_m * 1e3),
            "assumption",
            "low",
        ),
        (
            "pelvis-level goal range",
            format!("{}°", p::PELVIS_LEVEL_RANGE_DEG),
            "fitted to 0.8°/cm (Cummings 1993, Young 2000)",
            "low",
        ),
        (
            "pelvic tilt range on the hips, each way",
            format!("{}°", p::PELVIC_TILT_RANGE_DEG),
            "half the active standing range, 16.3 ± 6.3° (105 students, palpation meter; Korean journal, authors not shown); Gajdosik 1985 measured it too (figures not read)",
            "low",
        ),
        (
            "pelvic rotation range",
            format!("{}°", p::PELVIS_YAW_RANGE_DEG),
            "assumption",
            "low",
        ),
        (
            "pelvic shift range",
            format!("{:.0} mm", b.pelvis_shift_range_m * 1e3),
            "assumption",
            "low",
        ),
        (
            "balance goal range",
            format!("{:.1} mm", b.balance_range_m * 1e3),
            "assumption",
            "low",
        ),
        (
            "trunk mass ahead of the vertebrae",
            format!("{:.0} mm", p::TRUNK_MASS_ANTERIOR_H * 1750.0),
            "assumption",
            "low",
        ),
        (
            "shoulder girdle elevation range, each side",
            format!("{}°", p::GIRDLE_RANGE_DEG),
            "the sternoclavicular joint's 10-15° of depression (secondary pages); Ludewig 2004, 11-15° of clavicular elevation with arm raising",
            "low",
        ),
        (
            "level-shoulders goal range",
            format!("{:.1} mm", b.shoulder_level_range_m * 1e3),
            "half the normal shoulder-balance span, -1.5 to +2.4 cm (adolescents, mean ± 2 SD); the goal itself is an assumption",
            "low",
        ),
        (
            "lumbar extensor moment arm (compression)",
            format!("{:.1} cm", p::LUMBAR_EXTENSOR_ARM_H * 175.0),
            "the 5 cm convention (Güngör 2013; Chaffin et al.)",
            "moderate",
        ),
        (
            "thoracic extensor moment arm (compression)",
            format!("{:.1} cm", p::THORACIC_EXTENSOR_ARM_H * 175.0),
            "assumption (the lumbar convention carried up)",
            "low",
        ),
        (
            "extensors' lateral over posterior arm",
            format!("{}", p::EXTENSOR_LATERAL_OVER_POSTERIOR),
            "assumption",
            "low",
        ),
        (
            "C7 spinous process behind the C7 body",
            format!("{:.0} mm", p::C7_SPINOUS_BEHIND_H * 1750.0),
            "set for a neutral CVA near 50° (Lau 2009)",
            "low",
        ),
    ];
    for (name, v, basis, conf) in rows {
        let _ = writeln!(t, "| {name} | {v} | {basis} | {conf} |");
    }
    t
}

/// §6's neutral compression at every joint of the default body: the weight's part on the joint's
/// axis, the extensors' part, the sum, and the sum over body weight.
fn compression() -> String {
    let b = default_body();
    let pose = chain::pose(&b, &Config::default());
    let mut t = String::from(
        "| joint | extensor arm, cm | weight on the axis, N | extensors, N | compression, N | × body weight |\n\
         |---|---|---|---|---|---|\n",
    );
    let bw = b.mass_kg * p::GRAVITY;
    let mut largest = (Level::C0C1, 0.0);
    for (i, level) in Level::ALL.iter().enumerate() {
        let [_, sagittal, c] = joint_load(&b, &pose, i);
        let muscle = sagittal.abs() / b.extensor_arm_m[i];
        if c > largest.1 {
            largest = (*level, c);
        }
        let _ = writeln!(
            t,
            "| {level} | {:.1} | {:.0} | {muscle:.0} | {c:.0} | {:.2} |",
            b.extensor_arm_m[i] * 100.0,
            c - muscle,
            c / bw
        );
    }
    let _ = writeln!(
        t,
        "| largest | | | | {:.0} at {} | {:.2} |",
        largest.1,
        largest.0,
        largest.1 / bw
    );
    t
}

/// Wilke 1999: relaxed standing and standing flexed forward, L4-L5 intradiscal pressure (MPa),
/// one man of 70 kg.
pub const WILKE_1999_MPA: [f64; 2] = [0.50, 1.1];
/// L4-L5 disc area taken for the pressure-to-force conversion, cm² (a commonly quoted adult
/// range, not from a cited measurement), and the ratio of nucleus pressure to applied stress
/// (Nachemson's in-vitro finding, as commonly quoted).
pub const L4L5_DISC_AREA_CM2: [f64; 2] = [15.0, 18.0];
pub const PRESSURE_OVER_STRESS: f64 = 1.5;
/// The forward lean compared with Wilke's "standing flexed forward": 36°, the flexion at which a
/// secondary report of Wilke 2001 gives 1.08 MPa.
pub const WILKE_LEAN_DEG: f64 = 36.0;

/// §6's validation of the compression: Wilke 1999's standing L4-L5 pressure converted to force,
/// and the rise on leaning forward (Wilke 1999; Nachemson's relative values), for Wilke's 70 kg.
fn validation_wilke() -> String {
    let s = Scenario {
        mass_kg: 70.0,
        ..Scenario::default()
    };
    let b = Body::new(s.stature_cm * 1e-2, s.mass_kg, s.sex, s.coupling);
    let i = Level::L4L5.index();
    let standing = joint_load(&b, &chain::pose(&b, &Config::default()), i)[2];
    let mut lean = Config::default();
    lean.flexion[i] = WILKE_LEAN_DEG.to_radians();
    let leaning = joint_load(&b, &chain::pose(&b, &lean), i)[2];
    let [lo, hi] = L4L5_DISC_AREA_CM2.map(|a| WILKE_1999_MPA[0] * a * 100.0 / PRESSURE_OVER_STRESS);
    let mid = 0.5 * (lo + hi);
    let mut t = String::from(
        "| L4-L5, 70 kg man, 175 cm | measured | model | model error |\n|---|---|---|---|\n",
    );
    let _ = writeln!(
        t,
        "| relaxed standing, N | {lo:.0}-{hi:.0} (Wilke 1999: {:.2} MPa × {:.0}-{:.0} cm² / {PRESSURE_OVER_STRESS}) | {standing:.0} | {:+.0}% of {mid:.0} N ({}) |",
        WILKE_1999_MPA[0],
        L4L5_DISC_AREA_CM2[0],
        L4L5_DISC_AREA_CM2[1],
        (standing - mid) / mid * 100.0,
        if (lo..=hi).contains(&standing) {
            "inside the range"
        } else {
            "outside the range"
        }
    );
    let wilke_ratio = WILKE_1999_MPA[1] / WILKE_1999_MPA[0];
    let ratio = leaning / standing;
    let _ = writeln!(
        t,
        "| leaning forward, × standing | {wilke_ratio:.1} (Wilke 1999, standing flexed forward); more than 2 (Nachemson, forward leaning) | {ratio:.2} (trunk above L4-L5 leant {WILKE_LEAN_DEG:.0}°) | {:+.0}% of Wilke's |",
        (ratio - wilke_ratio) / wilke_ratio * 100.0
    );
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_section_renders_and_unknown_ones_do_not() {
        for name in SECTIONS {
            let text = render(name).unwrap();
            assert!(text.ends_with('\n') && text.starts_with('|'), "{name}");
        }
        assert!(render("nonsense").is_none());
    }

    #[test]
    fn refresh_reports_broken_markers() {
        assert!(refresh("<!-- generated:hansraj -->\nno end").is_err());
        assert!(refresh("<!-- generated:nope -->\n<!-- /generated -->").is_err());
        assert_eq!(refresh("no sections").unwrap(), "no sections");
    }
}
