//! `cargo xtask fuzz [--cases N] [--seed S]`: hostile inputs at scale through the model and the
//! scene, natively, with every invariant checked on every case.
//!
//! Each case is a seeded random value of the kind JavaScript hands the lenient parser (numbers
//! that are NaN, infinite, huge, subnormal, negative zero, just outside a range; numbers as text;
//! very long and control-character strings; wrong types; unknown keys; nesting thousands deep),
//! then, whatever the parser makes of it:
//! - the parsed scenario is inside the input box, a valid number in range is kept exactly, and
//!   every value that was changed has a warning naming its field;
//! - one reused `Solver` and a fresh `solve` agree; every published number is finite; shares and
//!   percentages stay in their ranges; full compensation levels the eyes; one case in eight is
//!   solved mirrored too and must mirror;
//! - the three views build from the posture and from an animation step at a hostile time, at
//!   hostile sizes, with any options the widget lets through, and every coordinate and every
//!   label is finite (no "NaN", no "inf" on screen);
//! - nothing panics (each case runs under `catch_unwind`: the `fuzz` profile unwinds).
//!
//! It prints one line of figures and exits 1 on any failure, with the first failing cases.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::Instant;

use posture_chain::{
    parse_scenario, solve, Cascade, CascadeStep, Cmd, Input, Origin, Pose, Posture, RawValue,
    Scenario, Scene, SceneOptions, Solver, View, Warning,
};

/// SplitMix64: small, seedable, and the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

/// A number chosen to hurt: the edges of f64, of each input's range, and plain random ones.
fn hostile_number(rng: &mut Rng) -> f64 {
    let input = Input::ALL[rng.below(Input::ALL.len())];
    let (lo, hi) = (input.min(), input.max());
    match rng.below(14) {
        0 => f64::NAN,
        1 => rng.pick(&[f64::INFINITY, f64::NEG_INFINITY]),
        2 => rng.pick(&[f64::MAX, f64::MIN, 1e308, -1e308, 1e16, -1e16]),
        3 => rng.pick(&[
            0.0,
            -0.0,
            f64::MIN_POSITIVE,
            -f64::MIN_POSITIVE,
            5e-324,
            -5e-324,
        ]),
        4 => rng.pick(&[lo, hi]),
        5 => lo - rng.pick(&[1e-9, 1.0, 1e3]),
        6 => hi + rng.pick(&[1e-9, 1.0, 1e3]),
        7 => f64::from_bits(rng.next()),
        8 => (rng.unit() * 2.0 - 1.0) * 1e6,
        _ => lo + rng.unit() * (hi - lo),
    }
}

fn hostile_text(rng: &mut Rng) -> String {
    match rng.below(9) {
        0 => hostile_number(rng).to_string(),
        1 => format!("  {} ", lo_hi_text(rng)),
        2 => rng
            .pick(&[
                "",
                " ",
                "NaN",
                "Infinity",
                "-Infinity",
                "1e400",
                "0x10",
                "1,5",
                "5°",
                "—",
            ])
            .to_string(),
        3 => "9".repeat(rng.pick(&[309, 1000, 100_000])),
        4 => "\u{0}\u{7}\u{1b}[2J\r\n\t<script>alert(1)</script>".to_string(),
        5 => "é😀\u{202e}\u{feff}ǅ".repeat(1 + rng.below(50)),
        6 => rng
            .pick(&[
                "male", "female", "MALE", " female ", "other", "none", "partial", "full", "neck",
                "spine", " Chain", "diagonal",
            ])
            .to_string(),
        7 => (0..rng.below(64))
            .map(|_| char::from_u32(rng.below(0x3000) as u32).unwrap_or('?'))
            .collect(),
        _ => format!("{}", rng.unit() * 40.0 - 20.0),
    }
}

fn lo_hi_text(rng: &mut Rng) -> String {
    let input = Input::ALL[rng.below(Input::ALL.len())];
    format!("{}", input.min() + rng.unit() * (input.max() - input.min()))
}

fn key(rng: &mut Rng) -> String {
    let input = Input::ALL[rng.below(Input::ALL.len())];
    match rng.below(10) {
        0..=3 => input.key().to_string(),
        4 => input.snake_key().to_string(),
        5 => rng.pick(&["sex", "coupling"]).to_string(),
        6 => input.key().to_uppercase(),
        7 => rng
            .pick(&[
                "__proto__",
                "constructor",
                "",
                "headTilt",
                "head-tilt",
                "coupling.x",
            ])
            .to_string(),
        8 => "k".repeat(rng.pick(&[1, 1000, 70_000])),
        _ => hostile_text(rng),
    }
}

/// Nesting this deep on one case in a few hundred.
const DEEP: usize = 5_000;

fn value(rng: &mut Rng, depth: usize) -> RawValue {
    match rng.below(if depth > 3 { 9 } else { 10 }) {
        0..=4 => RawValue::Number(hostile_number(rng)),
        5 | 6 => RawValue::Text(hostile_text(rng)),
        7 => RawValue::Bool(rng.chance(2)),
        8 => RawValue::Other(
            rng.pick(&["null", "undefined", "an array", "a function"])
                .into(),
        ),
        _ => object(rng, depth + 1),
    }
}

fn object(rng: &mut Rng, depth: usize) -> RawValue {
    let n = rng.below(14);
    RawValue::Object((0..n).map(|_| (key(rng), value(rng, depth))).collect())
}

fn deep(rng: &mut Rng) -> RawValue {
    let mut v = RawValue::Number(hostile_number(rng));
    for _ in 0..DEEP {
        v = RawValue::Object(vec![(rng.pick(&["coupling", "x"]).to_string(), v)]);
    }
    v
}

fn case(rng: &mut Rng) -> RawValue {
    match rng.below(300) {
        0 => deep(rng),
        1..=9 => value(rng, 0),
        _ => object(rng, 0),
    }
}

/// Every number a posture publishes, read through its serde form: a non-finite number becomes
/// `null` there, and nothing in a posture is ever legitimately null.
fn non_finite(p: &Posture) -> Option<String> {
    fn walk(v: &serde_json::Value, path: &mut String) -> Option<String> {
        match v {
            serde_json::Value::Null => Some(path.clone()),
            serde_json::Value::Array(a) => a.iter().enumerate().find_map(|(i, x)| {
                let len = path.len();
                path.push_str(&format!("[{i}]"));
                let r = walk(x, path);
                path.truncate(len);
                r
            }),
            serde_json::Value::Object(o) => o.iter().find_map(|(k, x)| {
                let len = path.len();
                path.push('.');
                path.push_str(k);
                let r = walk(x, path);
                path.truncate(len);
                r
            }),
            serde_json::Value::String(s) => bad_text(s).then(|| format!("{path}: {s}")),
            _ => None,
        }
    }
    let v = serde_json::to_value(p).expect("a posture serialises");
    walk(&v, &mut String::new())
}

fn bad_text(s: &str) -> bool {
    s.contains("NaN") || s.contains("inf")
}

/// What the parser must make of the raw value: a scenario in the box, warnings for changes.
fn check_parse(raw: &RawValue, s: &Scenario, warnings: &[Warning]) -> Result<(), String> {
    for input in Input::ALL {
        let v = input.get(s);
        if !(v.is_finite() && input.min() <= v && v <= input.max()) {
            return Err(format!("{} = {v} outside the input box", input.key()));
        }
    }
    let RawValue::Object(fields) = raw else {
        return if warnings.is_empty() {
            Err("a non-object scenario without a warning".into())
        } else {
            Ok(())
        };
    };
    for input in Input::ALL.into_iter().filter(|i| !i.key().contains('.')) {
        let given: Vec<&RawValue> = fields
            .iter()
            .filter(|(k, _)| k == input.key() || k == input.snake_key())
            .map(|(_, v)| v)
            .collect();
        let Some(last) = given.last() else { continue };
        let warned = warnings
            .iter()
            .any(|w| matches!(w, Warning::Input { field, .. } if *field == input.key()));
        match last {
            // A valid number in range is kept exactly (minus zero may come back as zero).
            RawValue::Number(n)
                if given.len() == 1 && input.clamped(*n, f64::NAN) == *n && input.get(s) != *n =>
            {
                return Err(format!(
                    "{} = {n} in range but {} used",
                    input.key(),
                    input.get(s)
                ));
            }
            // In range and, for a choice (the strategy), whole.
            RawValue::Number(n) if given.len() == 1 && input.clamped(*n, f64::NAN) == *n => {}
            RawValue::Number(n) if given.len() == 1 && !warned => {
                return Err(format!("{} = {n} changed without a warning", input.key()));
            }
            _ => {}
        }
    }
    Ok(())
}

fn mirrored(s: &Scenario) -> Scenario {
    Scenario {
        head_tilt_deg: -s.head_tilt_deg,
        head_rotation_deg: -s.head_rotation_deg,
        anatomic_leg_length_diff_mm: -s.anatomic_leg_length_diff_mm,
        ..*s
    }
}

fn check_posture(s: &Scenario, p: &Posture, fresh: &Posture) -> Result<(), String> {
    if let Some(path) = non_finite(p) {
        return Err(format!("non-finite output at {path}"));
    }
    let m = &p.measures;
    if !(0.0..=100.0).contains(&m.weight_left_pct) {
        return Err(format!("weight left {}%", m.weight_left_pct));
    }
    let total: f64 = p.cascade.iter().map(|c| c.share).sum();
    if !(total == 0.0 || (total - 1.0).abs() < 1e-9)
        || p.cascade.iter().any(|c| !(0.0..=1.0).contains(&c.share))
    {
        return Err(format!("cascade shares {:?}", p.cascade));
    }
    if s.compensation == 1.0 && m.eye_line_tilt_deg.abs() >= 0.1 {
        return Err(format!(
            "eye line {}° at full compensation",
            m.eye_line_tilt_deg
        ));
    }
    // The reused solver starts from the last solution; the fresh one from rest.
    let near = |a: f64, b: f64| (a - b).abs() <= 1e-6 * (1.0 + a.abs());
    for (a, b) in p.joints.iter().zip(&fresh.joints) {
        if !(near(a.lateral_bend_deg, b.lateral_bend_deg) && near(a.flexion_deg, b.flexion_deg)) {
            return Err(format!("reused and fresh solves differ at {}", a.level));
        }
    }
    Ok(())
}

fn check_mirror(a: &Posture, b: &Posture) -> Result<(), String> {
    let near = |x: f64, y: f64| (x - y).abs() <= 1e-6 * (1.0 + x.abs());
    let (ma, mb) = (&a.measures, &b.measures);
    for (name, x, y) in [
        ("eye line", ma.eye_line_tilt_deg, -mb.eye_line_tilt_deg),
        (
            "shoulders",
            ma.shoulder_height_diff_mm,
            -mb.shoulder_height_diff_mm,
        ),
        ("pelvis", ma.pelvic_obliquity_deg, -mb.pelvic_obliquity_deg),
        ("balance", ma.coronal_balance_mm, -mb.coronal_balance_mm),
        ("weight", ma.weight_left_pct, 100.0 - mb.weight_left_pct),
    ] {
        if !near(x, y) {
            return Err(format!(
                "the mirror image does not mirror the {name}: {x} vs {y}"
            ));
        }
    }
    Ok(())
}

/// Builds every view at hostile sizes and options, from the posture and from an animation step
/// at a hostile time, and checks every coordinate and label.
fn check_scene(
    rng: &mut Rng,
    scene: &mut Scene,
    p: &Posture,
    neutral: &Pose,
) -> Result<(), String> {
    let sizes = [
        0.0,
        -5.0,
        1.0,
        44.0,
        320.0,
        1280.0,
        1e5,
        f64::NAN,
        f64::INFINITY,
    ];
    for view in View::ALL {
        let w = if rng.chance(3) {
            rng.pick(&sizes)
        } else {
            200.0 + rng.unit() * 800.0
        };
        let h = if rng.chance(3) {
            rng.pick(&sizes)
        } else {
            200.0 + rng.unit() * 800.0
        };
        scene.set_size_px(view, w, h);
    }
    let target = Pose::of(p);
    let mut cascade = Cascade::new(neutral);
    let origin = rng.pick(&[Origin::Top, Origin::Bottom]);
    let times = [0.0, -1.0, 1e12, f64::NAN, f64::INFINITY, 120.0, 450.0];
    cascade.retarget_from(&target, rng.pick(&times), origin);
    cascade.step(rng.pick(&times));
    // The options as the widget validates them (a highlighted step or none, magnification
    // 1..=5): the scene's edge is the widget, which the browser fuzz drives with worse.
    let options = SceneOptions {
        highlight: rng.chance(2).then(|| rng.below(CascadeStep::COUNT)),
        magnify: if rng.chance(2) {
            rng.pick(&[1.0, 5.0, 2.5])
        } else {
            1.0 + 4.0 * rng.unit()
        },
        head_hot: rng.chance(2),
    };
    for pose in [&target, cascade.current()] {
        scene.build(pose, neutral, &options);
        for view in View::ALL {
            let list = scene.list(view);
            for cmd in list.cmds() {
                if let Some(bad) = non_finite_cmd(cmd) {
                    return Err(format!(
                        "{view:?} view: {bad} in {cmd:?} (options {options:?})"
                    ));
                }
            }
            if let Some((_, t)) = list.texts().find(|(_, t)| bad_text(t)) {
                return Err(format!("{view:?} view writes {t:?}"));
            }
        }
    }
    Ok(())
}

fn non_finite_cmd(cmd: &Cmd) -> Option<&'static str> {
    let pts: &[(f64, f64)] = &match *cmd {
        Cmd::MoveTo(p) | Cmd::LineTo(p) => vec![(p.x_mm, p.y_mm)],
        Cmd::QuadTo { ctrl, to } => vec![(ctrl.x_mm, ctrl.y_mm), (to.x_mm, to.y_mm)],
        Cmd::Arc {
            centre,
            radius_mm,
            start_rad,
            end_rad,
        } => {
            vec![
                (centre.x_mm, centre.y_mm),
                (radius_mm, start_rad),
                (end_rad, 0.0),
            ]
        }
        Cmd::Ellipse {
            centre,
            rx_mm,
            ry_mm,
            rotation_rad,
        } => {
            vec![
                (centre.x_mm, centre.y_mm),
                (rx_mm, ry_mm),
                (rotation_rad, 0.0),
            ]
        }
        Cmd::Block {
            centre,
            up,
            half_w_mm,
            half_h_mm,
            ..
        } => {
            vec![
                (centre.x_mm, centre.y_mm),
                (up.x_mm, up.y_mm),
                (half_w_mm, half_h_mm),
            ]
        }
        Cmd::Stroke { width_px, .. } => vec![(width_px, 0.0)],
        Cmd::Text {
            at, dx_px, dy_px, ..
        } => vec![(at.x_mm, at.y_mm), (dx_px, dy_px)],
        _ => vec![],
    };
    pts.iter()
        .any(|(a, b)| !a.is_finite() || !b.is_finite())
        .then_some("a non-finite number")
}

struct Options {
    cases: u64,
    seed: u64,
}

fn options() -> Result<Options, String> {
    let mut o = Options {
        cases: 100_000,
        seed: 1,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut number = |name: &str| -> Result<u64, String> {
            args.next()
                .and_then(|v| v.replace('_', "").parse().ok())
                .ok_or(format!("{name} takes a whole number"))
        };
        match a.as_str() {
            "--cases" => o.cases = number("--cases")?,
            "--seed" => o.seed = number("--seed")?,
            other => {
                return Err(format!(
                    "unknown argument {other:?}; use --cases N --seed S"
                ))
            }
        }
    }
    Ok(o)
}

fn main() {
    let o = match options() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("fuzz: {e}");
            std::process::exit(2);
        }
    };
    // Panics are counted, not printed one by one.
    std::panic::set_hook(Box::new(|_| {}));
    let start = Instant::now();
    let mut solver = Solver::new();
    let mut scene = Scene::new();
    let neutral = Pose::of(&solve(&Scenario::default()));
    let (mut panics, mut failures, mut warned) = (0u64, 0u64, 0u64);
    let mut first: Vec<String> = Vec::new();
    for k in 0..o.cases {
        let mut rng = Rng(o.seed.wrapping_mul(0x2545_f491_4f6c_dd1d) ^ k);
        let raw = case(&mut rng);
        let outcome = catch_unwind(AssertUnwindSafe(|| -> Result<bool, String> {
            let (s, warnings) = parse_scenario(&raw);
            check_parse(&raw, &s, &warnings)?;
            let fresh = solve(&s);
            let p = solver.solve(&s).clone();
            check_posture(&s, &p, &fresh)?;
            if k % 8 == 0 {
                check_mirror(&p, &solve(&mirrored(&s)))?;
            }
            check_scene(&mut rng, &mut scene, &p, &neutral)?;
            Ok(!warnings.is_empty())
        }));
        let problem = match outcome {
            Ok(Ok(w)) => {
                warned += u64::from(w);
                None
            }
            Ok(Err(e)) => {
                failures += 1;
                Some(e)
            }
            Err(_) => {
                panics += 1;
                // A panic may leave the reused solver mid-update: start it afresh.
                solver = Solver::new();
                Some("panicked".to_string())
            }
        };
        if let Some(e) = problem {
            if first.len() < 5 {
                let mut input = format!("{raw:?}");
                if input.len() > 300 {
                    let cut = (0..=300)
                        .rev()
                        .find(|&i| input.is_char_boundary(i))
                        .unwrap_or(0);
                    input.truncate(cut);
                    input.push('…');
                }
                first.push(format!(
                    "case {k} (seed {}): {e}\n    input: {input}",
                    o.seed
                ));
            }
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "fuzz: {} cases in {secs:.1} s (seed {}, {:.0} cases/s; {warned} gave warnings): {panics} panics, {failures} failed invariants",
        o.cases,
        o.seed,
        o.cases as f64 / secs.max(1e-9)
    );
    for f in &first {
        println!("  {f}");
    }
    if panics + failures > 0 {
        std::process::exit(1);
    }
}
