//! The solver: the posture of least effort that keeps the eyes level, the gaze forward and the body
//! balanced, given what is misaligned.
//!
//! SI units inside (metres, radians, kilograms, newtons). Effort is `Σ (q / range)²` over the free
//! degrees of freedom `q`; the goals are solved together by Lagrange multipliers on their
//! linearisation (a 7x7 weighted least-norm system), repeated as Newton steps on the real chain
//! until the hard goals hold to round-off. Fixed-size arrays only: no heap allocation per solve.

#![allow(clippy::needless_range_loop)] // index loops read as the algebra

use super::body::{Body, T1_VERTEBRA};
use super::chain::{self, girdle_rate, Pose};
use super::input::{clamped, validated};
use super::level::LEVEL_COUNT;
use super::math::{solve_dense, Mat3, Vec3};
use super::posture::Posture;
use super::problem::{goals, Problem, Reference, GIRDLE, HARD, NG, NX, PELVIS, PELVIS_TILT};
use super::readout;
use super::scenario::Scenario;
use super::strategy::StrategyTag;

const MAX_ITERATIONS: usize = 80;
/// The largest step of any variable in one Newton step, in units of its range.
const MAX_STEP_IN_RANGES: f64 = 0.5;
/// Rates of the head goals for small rotations of the head about world axes.
struct HeadRates {
    e: Vec3,
    f: Vec3,
    inv_e: f64,
    inv_f: f64,
    inv_horiz: f64,
}

impl HeadRates {
    fn new(head: Mat3) -> HeadRates {
        let e = head.col(0);
        let f = head.col(2);
        HeadRates {
            e,
            f,
            inv_e: 1.0 / (1.0 - e.y * e.y).max(1e-12).sqrt(),
            inv_f: 1.0 / (1.0 - f.y * f.y).max(1e-12).sqrt(),
            inv_horiz: 1.0 / (f.x * f.x + f.z * f.z).max(1e-12),
        }
    }

    /// Eye-line roll, pitch and yaw rates for a rotation about the unit axis `a`.
    fn about(&self, a: Vec3) -> [f64; 3] {
        let de = a.cross(self.e);
        let df = a.cross(self.f);
        [
            de.y * self.inv_e,
            -df.y * self.inv_f,
            (self.f.z * df.x - self.f.x * df.z) * self.inv_horiz,
        ]
    }
}

/// The goals' Jacobian with respect to the free variables at a pose.
fn jacobian(problem: &Problem, p: &Pose, jac: &mut [[f64; NX]; NG]) {
    let head = p.head();
    let rates = HeadRates::new(head);
    let inv_mass = 1.0 / p.total_mass_kg;
    let [acr_l, acr_r] = p.acromion;
    let column = |i: usize, a: Vec3| -> [f64; 6] {
        let h = rates.about(a);
        let lever = p.moment_sum_above[i] - p.joint[i] * p.mass_above_kg[i];
        let dcom = a.cross(lever) * inv_mass;
        // Only the joints below T1 carry the shoulders.
        let o = p.joint[i];
        let shoulders = if i > T1_VERTEBRA {
            a.cross(acr_r - o).y - a.cross(acr_l - o).y
        } else {
            0.0
        };
        [h[0], h[1], h[2], dcom.x, dcom.z, shoulders]
    };
    for i in 0..LEVEL_COUNT {
        let [a_bend, a_flex, a_rot] = p.axis[i];
        let free = |k: usize| problem.variance[3 * i + k] > 0.0;
        // Held variables keep zero columns (set once in `solve_problem`).
        if free(0) || free(2) {
            let rot = column(i, a_rot);
            let mut bend = column(i, a_bend);
            let k = problem.body.coupling[i];
            for (b, r) in bend.iter_mut().zip(rot) {
                *b += k * r;
            }
            for (g, row) in GOAL_ROWS.iter().enumerate() {
                jac[*row][3 * i] = bend[g];
                jac[*row][3 * i + 2] = rot[g];
            }
        }
        if free(1) {
            let flex = column(i, a_flex);
            for (g, row) in GOAL_ROWS.iter().enumerate() {
                jac[*row][3 * i + 1] = flex[g];
            }
        }
    }
    pelvis_columns(problem, p, &rates, jac);
    // The girdles move their acromion and the arm hanging from it.
    let t1_frame = p.above[T1_VERTEBRA + 1];
    let arm = problem.body.arm_mass_kg * inv_mass;
    for side in 0..2 {
        let j = GIRDLE + side;
        let v = t1_frame * girdle_rate(&problem.body, side, p.girdle[side]);
        jac[3][j] = arm * v.x;
        jac[4][j] = arm * v.z;
        jac[6][j] = if side == 0 { -v.y } else { v.y };
    }
}

/// The goal rows a spine or pelvis column fills, in the order the column lists them (the pelvic
/// level, row 5, moves only with the pelvis and is filled there).
const GOAL_ROWS: [usize; 6] = [0, 1, 2, 3, 4, 6];

/// The Jacobian's five pelvis columns. The body above the hips rides the pelvis rigidly; each leg's
/// masses ride the line from its hip to its foot, so a hip displacement `δh` moves a mass at
/// distance `s` from the hip by `δh − (s / ℓ) · (I − u uᵀ) δh` (`u` the unit hip-to-foot vector,
/// `ℓ` its length).
fn pelvis_columns(problem: &Problem, p: &Pose, rates: &HeadRates, jac: &mut [[f64; NX]; NG]) {
    let body = &problem.body;
    let legs = &p.legs;
    let inv_mass = 1.0 / p.total_mass_kg;
    let centre = legs.hip_mid;
    let upper_mass = p.mass_above_kg[LEVEL_COUNT - 1] + body.pelvis_mass_kg;
    let upper_lever = p.moment_sum_above[LEVEL_COUNT - 1] + p.pelvis_com * body.pelvis_mass_kg
        - centre * upper_mass;
    let half_diff = 0.5 * problem.imposed.leg_length_diff_m;
    let leg_motion = |side: usize, dhip: Vec3| -> Vec3 {
        let sign = if side == 0 { -1.0 } else { 1.0 };
        let foot = Vec3::new(sign * 0.5 * body.hip_spacing_m, body.ankle_height_m, 0.0);
        let to_foot = foot - legs.hip[side];
        let dist = to_foot.norm();
        let u = to_foot * (1.0 / dist);
        let across = dhip - u * u.dot(dhip);
        let l1 = body.thigh_length_m;
        let l2 = body.shank_length_m + sign * half_diff;
        (dhip - across * (0.5 * l1 / dist)) * body.thigh_mass_kg
            + (dhip - across * ((l1 + 0.5 * l2) / dist)) * body.shank_mass_kg
    };
    let [acr_l, acr_r] = p.acromion;
    let rotation = |a: Vec3| -> [f64; 6] {
        let h = rates.about(a);
        let mut moved = a.cross(upper_lever);
        for side in 0..2 {
            moved += leg_motion(side, a.cross(legs.hip[side] - centre));
        }
        let dcom = moved * inv_mass;
        let shoulders = a.cross(acr_r - centre).y - a.cross(acr_l - centre).y;
        [h[0], h[1], h[2], dcom.x, dcom.z, shoulders]
    };
    let translation = |t: Vec3| -> [f64; 6] {
        let moved = t * upper_mass + leg_motion(0, t) + leg_motion(1, t);
        let dcom = moved * inv_mass;
        [0.0, 0.0, 0.0, dcom.x, dcom.z, 0.0]
    };
    // Absorption tips the pelvis about its forward axis, the yawed z (not the tilted frame's):
    // dρ/du = −1 / (d cos ρ).
    let rho_rate = -1.0 / (body.hip_spacing_m * legs.obliquity.cos());
    let (sin_yaw, cos_yaw) = p.pelvis_dofs.yaw.sin_cos();
    let tip = rotation(Vec3::new(sin_yaw, 0.0, cos_yaw)).map(|v| v * rho_rate);
    // The tilt turns everything above the hips about the hip line; the hips, on it, stay put.
    let tilt = rotation(legs.rot.0.col(0));
    let columns = [
        (PELVIS, tip, rho_rate),
        (PELVIS + 1, rotation(Vec3::new(0.0, 1.0, 0.0)), 0.0),
        (PELVIS + 2, translation(Vec3::new(1.0, 0.0, 0.0)), 0.0),
        (PELVIS + 3, translation(Vec3::Z), 0.0),
        (PELVIS_TILT, tilt, 0.0),
    ];
    for (j, col, rho) in columns.iter() {
        for (g, row) in GOAL_ROWS.iter().enumerate() {
            jac[*row][*j] = col[g];
        }
        jac[5][*j] = *rho;
    }
}

/// The angle brought into -π..π. Not `rem_euclid`: on wasm32 that is libm's `fmod`, which
/// brings 128-bit division with it; angles here are at most a few turns, so subtracting suffices.
fn wrap(a: f64) -> f64 {
    use std::f64::consts::{PI, TAU};
    if !a.is_finite() {
        return a;
    }
    let turns = ((a + PI) / TAU).floor();
    a - turns * TAU
}

/// Solves the problem: the free variables of least effort meeting the goals. `x` holds the
/// starting point on entry and the solution on return, `pose` the solution's pose; returns the
/// number of Newton steps taken.
pub(crate) fn solve_problem(problem: &Problem, x: &mut [f64; NX], pose: &mut Pose) -> usize {
    let zero = [0.0; NX];
    // Nothing to do when the rigid posture already meets the targets (neutral, or no
    // compensation at all): the answer is exactly "nothing moves", whatever the start.
    if residual(problem, &problem.rigid)
        .iter()
        .all(|r| r.abs() < 1e-15)
    {
        *x = zero;
        *pose = problem.rigid_pose;
        return 0;
    }
    let free: &[usize] = &problem.free[..problem.free_count];
    let mut start = zero;
    for &j in free {
        start[j] = if x[j].is_finite() { x[j] } else { 0.0 };
    }
    *x = start;
    if *x == zero {
        *pose = problem.rigid_pose;
    } else {
        chain::pose_into(&problem.body, &problem.config(x), pose);
    }
    let mut jac = [[0.0; NX]; NG];
    let n = free.len();
    let mut range = [0.0; NX];
    for (k, &j) in free.iter().enumerate() {
        range[k] = problem.variance[j].sqrt();
    }
    let mut g = [[0.0; NX]; NG];
    let mut residual = self::residual(problem, &goals(pose));
    let mut steps = 0;
    while steps < MAX_ITERATIONS {
        steps += 1;
        jacobian(problem, pose, &mut jac);
        // Linearised goals J (x' - x) + slack = target - g(x): x' = W⁻¹Jᵀλ, (J W⁻¹ Jᵀ + S) λ = d.
        // The free columns are packed first, each scaled by its range (G = J W^-1/2 over the free
        // variables), so that J W⁻¹ Jᵀ = G Gᵀ is a few dot products over contiguous rows.
        let mut d = [0.0; NG];
        for a in 0..NG {
            let mut jx = 0.0;
            for (k, &j) in free.iter().enumerate() {
                jx += jac[a][j] * x[j];
                g[a][k] = jac[a][j] * range[k];
            }
            d[a] = residual[a] + jx;
        }
        let mut m = [[0.0; NG]; NG];
        for a in 0..NG {
            for b in a..NG {
                let s: f64 = g[a][..n].iter().zip(&g[b][..n]).map(|(u, v)| u * v).sum();
                m[a][b] = s;
                m[b][a] = s;
            }
        }
        for k in HARD..NG {
            m[k][k] += problem.soft_variance[k - HARD];
        }
        if !solve_dense(&mut m, &mut d) {
            break;
        }
        let mut next = zero;
        let mut change: f64 = 0.0;
        for &j in free {
            let mut v = 0.0;
            for (a, lambda) in d.iter().enumerate() {
                v += jac[a][j] * lambda;
            }
            next[j] = problem.variance[j] * v;
            change = change.max((next[j] - x[j]).abs());
        }
        if next.iter().any(|v| !v.is_finite()) {
            break;
        }
        // Damping: no variable moves more than half its range in one step, so the iteration
        // follows the posture continuously from where it starts and cannot leap to a far-off,
        // contorted solution of the same goals (e.g. a head flipped over a bowed neck).
        let reach = free
            .iter()
            .zip(&range)
            .map(|(&j, r)| (next[j] - x[j]).abs() / r)
            .fold(0.0, f64::max);
        if reach > MAX_STEP_IN_RANGES {
            let scale = MAX_STEP_IN_RANGES / reach;
            for &j in free {
                next[j] = x[j] + scale * (next[j] - x[j]);
            }
            change *= scale;
        }
        *x = next;
        chain::pose_into(&problem.body, &problem.config(x), pose);
        residual = self::residual(problem, &goals(pose));
        let hard_ok = residual[..HARD].iter().all(|r| r.abs() < 1e-12);
        if hard_ok && change < 1e-9 {
            break;
        }
    }
    steps
}

fn residual(problem: &Problem, g: &[f64; NG]) -> [f64; NG] {
    let mut r = [0.0; NG];
    for k in 0..NG {
        r[k] = problem.target[k] - g[k];
    }
    r[2] = wrap(r[2]);
    r
}

/// A reusable solver for the animation path: it keeps the last body and its neutral reference,
/// and writes into one [`Posture`] whose warning list is reused, so a steady stream of valid
/// scenarios allocates nothing.
///
/// ```
/// use posture_chain::{Scenario, Solver};
/// let mut solver = Solver::new();
/// for tilt in [2.0, 4.0, 6.0] {
///     let posture = solver.solve(&Scenario { head_tilt_deg: tilt, ..Scenario::default() });
///     assert!(posture.measures.eye_line_tilt_deg.abs() < 0.1);
/// }
/// ```
#[derive(Clone, Debug)]
pub struct Solver {
    posture: Posture,
    state: Option<State>,
}

/// What a solver keeps between calls: built once per body, updated in place per scenario.
#[derive(Clone, Debug)]
struct State {
    /// The scenario whose body (stature, mass, sex, coupling) the rest was built for.
    key: Scenario,
    reference: Reference,
    problem: Problem,
    pose: Pose,
    /// The last solution: animation frames differ little, so the next solve starts from it.
    x: [f64; NX],
}

impl Default for Solver {
    fn default() -> Self {
        Solver::new()
    }
}

impl Solver {
    pub fn new() -> Solver {
        let mut posture = readout::empty_posture();
        posture.warnings.reserve(3 * LEVEL_COUNT + 16);
        Solver {
            posture,
            state: None,
        }
    }

    /// Solves one scenario; the result lives until the next call.
    pub fn solve(&mut self, scenario: &Scenario) -> &Posture {
        self.posture.warnings.clear();
        let s = validated(scenario, &mut self.posture.warnings);
        self.solve_valid(s)
    }

    /// As [`Solver::solve`], for a caller that brings its inputs into range itself (the widget,
    /// at the JS edge): an input out of range is clamped all the same but not reported, so the
    /// warnings are only the joints beyond their range of motion. The page's wasm then carries
    /// no warning text and no number formatting for it.
    pub fn solve_unreported(&mut self, scenario: &Scenario) -> &Posture {
        self.posture.warnings.clear();
        self.solve_valid(clamped(scenario))
    }

    fn solve_valid(&mut self, s: Scenario) -> &Posture {
        if !matches!(&self.state, Some(st) if same_body(&st.key, &s)) {
            self.state = None;
        }
        // Not `unreachable!` on a `None` just replaced: its message brought the panic's
        // formatting into the wasm.
        let st = self.state.get_or_insert_with(|| {
            let body = Body::new(s.stature_cm * 1e-2, s.mass_kg, s.sex, s.coupling);
            State {
                key: s,
                reference: Reference::of(&body),
                problem: Problem::for_body(body),
                pose: Pose::default(),
                x: [0.0; NX],
            }
        });
        st.problem.set_scenario(&s, &st.reference);
        solve_problem(&st.problem, &mut st.x, &mut st.pose);
        readout::fill(
            &mut self.posture,
            &st.problem,
            &st.x,
            &st.pose,
            &st.reference,
        );
        self.posture.strategy = StrategyTag::of(s.strategy);
        &self.posture
    }
}

fn same_body(a: &Scenario, b: &Scenario) -> bool {
    a.stature_cm.to_bits() == b.stature_cm.to_bits()
        && a.mass_kg.to_bits() == b.mass_kg.to_bits()
        && a.sex == b.sex
        && a.coupling.cervical.to_bits() == b.coupling.cervical.to_bits()
        && a.coupling.thoracic.to_bits() == b.coupling.thoracic.to_bits()
        && a.coupling.lumbar.to_bits() == b.coupling.lumbar.to_bits()
}

/// Solves the posture for one scenario. Out-of-range or non-finite inputs are clamped or replaced
/// by their defaults and reported in `warnings`.
///
/// ```
/// use posture_chain::{solve, Scenario};
/// let p = solve(&Scenario { head_tilt_deg: 10.0, ..Scenario::default() });
/// assert!(p.measures.eye_line_tilt_deg.abs() < 0.1);
/// ```
pub fn solve(scenario: &Scenario) -> Posture {
    let mut solver = Solver::new();
    solver.solve(scenario);
    solver.posture
}

impl Posture {
    /// The neutral posture of the same body (the ghost figure): every misalignment set to zero.
    pub fn neutral_for(scenario: &Scenario) -> Posture {
        solve(&Scenario {
            head_tilt_deg: 0.0,
            head_rotation_deg: 0.0,
            forward_head_deg: 0.0,
            anatomic_leg_length_diff_mm: 0.0,
            ..*scenario
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::strategy::Strategy;

    #[test]
    fn solve_unreported_is_solve_without_the_input_warnings() {
        let in_range = Scenario {
            head_tilt_deg: 12.0,
            anatomic_leg_length_diff_mm: 9.0,
            ..Scenario::default()
        };
        let out_of_range = Scenario {
            head_tilt_deg: 45.0,
            forward_head_deg: f64::NAN,
            mass_kg: -3.0,
            ..Scenario::default()
        };
        for s in [in_range, out_of_range] {
            let mut expected = solve(&s);
            expected
                .warnings
                .retain(|w| !matches!(w, crate::model::Warning::Input { .. }));
            let mut solver = Solver::new();
            assert_eq!(*solver.solve_unreported(&s), expected, "{s:?}");
        }
        assert!(!solve(&out_of_range).warnings.is_empty());
    }

    #[test]
    fn wrap_brings_any_angle_into_minus_pi_to_pi() {
        use std::f64::consts::{PI, TAU};
        for (a, expected) in [
            (0.0, 0.0),
            (1.0, 1.0),
            (-1.0, -1.0),
            (PI + 0.5, -PI + 0.5),
            (-PI - 0.5, PI - 0.5),
            (3.0 * TAU + 0.25, 0.25),
            (-5.0 * TAU - 0.25, -0.25),
        ] {
            assert!(
                (wrap(a) - expected).abs() < 1e-12,
                "wrap({a}) = {}",
                wrap(a)
            );
        }
        assert!(wrap(f64::NAN).is_nan());
    }

    fn problem(s: &Scenario) -> Problem {
        let body = Body::new(s.stature_cm * 1e-2, s.mass_kg, s.sex, s.coupling);
        let reference = Reference::of(&body);
        Problem::new(body, s, &reference)
    }

    #[test]
    fn analytic_jacobian_matches_finite_differences() {
        let s = Scenario {
            head_tilt_deg: 12.0,
            head_rotation_deg: 10.0,
            forward_head_deg: 20.0,
            anatomic_leg_length_diff_mm: 8.0,
            ..Scenario::default()
        };
        // The chain strategy imposes offsets on the girdles and the pelvis too.
        for strategy in [Strategy::Spine, Strategy::Chain] {
            jacobian_matches(&Scenario {
                strategy,
                tone_spread: 1.0,
                ..s
            });
        }
    }

    fn jacobian_matches(s: &Scenario) {
        let pr = problem(s);
        let mut x = [0.0; NX];
        for (j, v) in x.iter_mut().enumerate() {
            *v = 0.01 * ((j as f64) * 0.7).sin() * if j >= PELVIS { 0.5 } else { 1.0 };
        }
        let p = chain::pose(&pr.body, &pr.config(&x));
        let mut jac = [[0.0; NX]; NG];
        jacobian(&pr, &p, &mut jac);
        // Held variables are never moved, so only the free columns are computed.
        for &j in &pr.free[..pr.free_count] {
            let h = 1e-6;
            let mut xp = x;
            let mut xm = x;
            xp[j] += h;
            xm[j] -= h;
            let gp = goals(&chain::pose(&pr.body, &pr.config(&xp)));
            let gm = goals(&chain::pose(&pr.body, &pr.config(&xm)));
            for g in 0..NG {
                let fd = (gp[g] - gm[g]) / (2.0 * h);
                let scale = 1.0 + fd.abs();
                assert!(
                    (fd - jac[g][j]).abs() < 1e-5 * scale,
                    "goal {g} var {j}: analytic {} vs numeric {fd}",
                    jac[g][j]
                );
            }
        }
    }

    #[test]
    fn newton_converges_quickly_for_everyday_inputs_and_surely_at_the_corner() {
        let everyday = Scenario {
            head_tilt_deg: 8.0,
            head_rotation_deg: 5.0,
            anatomic_leg_length_diff_mm: 6.0,
            ..Scenario::default()
        };
        let corner = Scenario {
            head_tilt_deg: 20.0,
            head_rotation_deg: 30.0,
            forward_head_deg: 60.0,
            anatomic_leg_length_diff_mm: -30.0,
            ..Scenario::default()
        };
        let flipped = Scenario {
            head_tilt_deg: -20.0,
            head_rotation_deg: 30.0,
            forward_head_deg: 60.0,
            ..Scenario::default()
        };
        for (s, most) in [
            (everyday, 8),
            (corner, MAX_ITERATIONS - 10),
            (flipped, MAX_ITERATIONS - 10),
        ] {
            let pr = problem(&s);
            let (mut x, mut p) = ([0.0; NX], Pose::default());
            let steps = solve_problem(&pr, &mut x, &mut p);
            assert!(steps <= most, "{steps} steps for {s:?}");
            let r = residual(&pr, &goals(&p));
            assert!(r[..HARD].iter().all(|v| v.abs() < 1e-12), "{r:?}");
            // The gaze is righted by extending the head joints, not by flipping the head over.
            let head_flexion = x[1] + x[4];
            assert!(
                head_flexion < 0.0,
                "{s:?}: head joints flex by {head_flexion}"
            );
        }
    }
}
