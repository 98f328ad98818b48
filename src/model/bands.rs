//! Uncertainty bands: a seeded Monte-Carlo over the parameters the model card marks as assumed or
//! weakly sourced, giving the 5th, 50th and 95th percentiles of every read-out and of the cascade
//! shares. Deterministic for a seed (a SplitMix64 generator of its own, no dependency).
//!
//! What is varied, per sample, each uniformly and independently (the card's §8 says why):
//! - every joint's range of motion, each motion on its own, by ±30 % (inter-individual CVs of
//!   segmental ranges run 25-36 % in the cervical spine, Lan 2014; the model's ranges are
//!   representative textbook values);
//! - the three regional coupling coefficients, by ±0.3 (chosen for illustration: the reviews give
//!   directions, not sizes);
//! - every constant the card marks as assumed (the legs' absorption, the pelvis's level, yaw and
//!   shift ranges, the balance range, the trunk-mass offset, the head's centre of mass, the
//!   compression model's thoracic extensor arm and lateral-over-posterior arm), by ±30 %;
//! - the effort's weighting: the exponent of range in each joint's weight, 2 in the model, between
//!   1.5 and 3 (a stand-in for the choice of effort functional, which fixes how a correction is
//!   shared out).
//!
//! SI units inside, as in the solver; the bands are in each read-out's own unit.
//!
//! ```
//! use posture_chain::{solve_bands, BandOptions, Measure, Scenario};
//! let s = Scenario { head_tilt_deg: 10.0, ..Scenario::default() };
//! let b = solve_bands(&s, &BandOptions { samples: 50, seed: 7 });
//! let sh = b.measure(Measure::ShoulderHeightDiff);
//! assert!(sh.p5 <= sh.p50 && sh.p50 <= sh.p95);
//! assert_eq!(b, solve_bands(&s, &BandOptions { samples: 50, seed: 7 }), "repeatable");
//! ```

use super::body::Body;
use super::chain::Pose;
use super::level::{Level, LEVEL_COUNT};
use super::measure::{Measure, MEASURE_COUNT};
use super::problem::{Problem, Reference, NX};
use super::readout;
use super::scenario::Scenario;
use super::solve::solve_problem;
use super::step::CascadeStep;

/// How many samples, and from which seed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BandOptions {
    /// 1..=[`MAX_SAMPLES`].
    pub samples: usize,
    pub seed: u64,
}

impl Default for BandOptions {
    fn default() -> Self {
        BandOptions {
            samples: 200,
            seed: 1,
        }
    }
}

/// The most samples one call takes.
pub const MAX_SAMPLES: usize = 2000;

/// How far each kind of parameter is varied (see the module documentation).
pub const RANGE_SPREAD: f64 = 0.3;
pub const COUPLING_SPREAD: f64 = 0.3;
pub const ASSUMED_SPREAD: f64 = 0.3;
pub const EXPONENT_LOW: f64 = 1.5;
pub const EXPONENT_HIGH: f64 = 3.0;

/// Three percentiles of one quantity.
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize)]
pub struct Band {
    pub p5: f64,
    pub p50: f64,
    pub p95: f64,
}

/// The percentiles of every read-out (in the order of [`Measure::ALL`]) and of each cascade
/// step's share (0..=1, in the order of [`CascadeStep::ALL`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Bands {
    pub measures: [Band; MEASURE_COUNT],
    pub cascade: [Band; CascadeStep::COUNT],
    pub samples: usize,
    pub seed: u64,
}

impl Bands {
    pub fn measure(&self, m: Measure) -> Band {
        self.measures[m.index()]
    }

    pub fn step(&self, s: CascadeStep) -> Band {
        self.cascade[s.index()]
    }
}

/// SplitMix64: small, fast, and the same sequence everywhere for a seed.
struct Rng(u64);

impl Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `[0, 1)`.
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in `[a, b)`.
    fn between(&mut self, a: f64, b: f64) -> f64 {
        a + (b - a) * self.unit()
    }

    /// A factor `1 ± spread`.
    fn factor(&mut self, spread: f64) -> f64 {
        self.between(1.0 - spread, 1.0 + spread)
    }
}

/// One sampled body: ranges, couplings and assumed constants varied.
fn varied(base: &Body, rng: &mut Rng) -> Body {
    let mut b = base.clone();
    for r in b.range_rad.iter_mut().flatten() {
        *r *= rng.factor(RANGE_SPREAD);
    }
    // One shift per region, as the input's coefficients are per region.
    let shifts = [
        rng.between(-COUPLING_SPREAD, COUPLING_SPREAD),
        rng.between(-COUPLING_SPREAD, COUPLING_SPREAD),
        rng.between(-COUPLING_SPREAD, COUPLING_SPREAD),
    ];
    for (i, c) in b.coupling.iter_mut().enumerate() {
        let region = match i {
            0..=7 => 0,
            8..=19 => 1,
            _ => 2,
        };
        *c = (*c + shifts[region]).clamp(-1.0, 1.0);
    }
    for v in [
        &mut b.leg_absorption_range_m,
        &mut b.pelvis_level_range_rad,
        &mut b.pelvis_yaw_range_rad,
        &mut b.pelvis_shift_range_m,
        &mut b.balance_range_m,
        &mut b.girdle_range_rad,
        &mut b.shoulder_level_range_m,
        &mut b.pelvis_tilt_range_rad,
    ] {
        *v *= rng.factor(ASSUMED_SPREAD);
    }
    b.trunk_mass_offset = b.trunk_mass_offset * rng.factor(ASSUMED_SPREAD);
    b.head_com.z *= rng.factor(ASSUMED_SPREAD);
    // The compression model's assumed constants: the thoracic extensor arm, the lateral arm.
    let thoracic_arm = rng.factor(ASSUMED_SPREAD);
    for level in &Level::ALL[Level::T1T2.index()..=Level::T12L1.index()] {
        b.extensor_arm_m[level.index()] *= thoracic_arm;
    }
    b.extensor_lateral_factor *= rng.factor(ASSUMED_SPREAD);
    b
}

/// Reweights the joints' variances as range^`exponent`, keeping their overall scale: only how a
/// correction is shared among the joints changes. It rewrites the body's ranges, from which
/// `set_scenario` takes the free variables' (less what the strategy holds).
fn reweight(problem: &mut Problem, body: &Body, exponent: f64) {
    let spine = 3 * LEVEL_COUNT;
    let mean = {
        let (sum, n) = (0..spine)
            .filter(|&j| problem.range_variance[j] > 0.0)
            .fold((0.0, 0.0), |(s, n), j| {
                (s + body.range_rad[j / 3][j % 3], n + 1.0)
            });
        sum / n
    };
    for j in 0..spine.min(NX) {
        if problem.range_variance[j] > 0.0 {
            // The variable's range: [bend, flexion, rotation] per joint is x's order, and
            // range_rad is [flexion, bend, rotation].
            let range = body.range_rad[j / 3][[1, 0, 2][j % 3]];
            problem.range_variance[j] =
                range * range * crate::trig::pow_positive(range / mean, exponent - 2.0);
        }
    }
}

fn percentiles(values: &mut [f64]) -> Band {
    // An insertion sort: a few hundred values, and far less code in the wasm than the standard
    // library's sort.
    for i in 1..values.len() {
        let v = values[i];
        let mut j = i;
        while j > 0 && values[j - 1].total_cmp(&v).is_gt() {
            values[j] = values[j - 1];
            j -= 1;
        }
        values[j] = v;
    }
    let at = |q: f64| {
        let k = q * (values.len() - 1) as f64;
        let (lo, hi) = (k.floor() as usize, k.ceil() as usize);
        values[lo] + (values[hi] - values[lo]) * (k - lo as f64)
    };
    Band {
        p5: at(0.05),
        p50: at(0.5),
        p95: at(0.95),
    }
}

/// The bands for one scenario (validated as [`crate::solve`] does; out-of-range options are
/// brought into range: at least one sample, at most [`MAX_SAMPLES`]).
pub fn solve_bands(scenario: &Scenario, options: &BandOptions) -> Bands {
    let mut warnings = Vec::new();
    let s = super::input::validated(scenario, &mut warnings);
    let samples = options.samples.clamp(1, MAX_SAMPLES);
    let base = Body::new(s.stature_cm * 1e-2, s.mass_kg, s.sex, s.coupling);
    let mut rng = Rng(options.seed);
    let mut measures = vec![[0.0; MEASURE_COUNT]; samples];
    let mut shares = vec![[0.0; CascadeStep::COUNT]; samples];
    let mut posture = readout::empty_posture();
    // Every sample starts from the nominal solution: samples differ from it by a few tens of
    // percent, so the Newton iteration needs fewer steps than from the upright stance.
    let mut nominal = [0.0; NX];
    {
        let reference = Reference::of(&base);
        let mut problem = Problem::for_body(base.clone());
        problem.set_scenario(&s, &reference);
        solve_problem(&problem, &mut nominal, &mut Pose::default());
    }
    for k in 0..samples {
        let body = varied(&base, &mut rng);
        let exponent = rng.between(EXPONENT_LOW, EXPONENT_HIGH);
        let reference = Reference::of(&body);
        let mut problem = Problem::for_body(body.clone());
        reweight(&mut problem, &body, exponent);
        problem.set_scenario(&s, &reference);
        let mut x = nominal;
        let mut pose = Pose::default();
        solve_problem(&problem, &mut x, &mut pose);
        posture.warnings.clear();
        readout::fill(&mut posture, &problem, &x, &pose, &reference);
        for m in Measure::ALL {
            measures[k][m.index()] = m.of(&posture.measures);
        }
        for (share, c) in shares[k].iter_mut().zip(posture.cascade.iter()) {
            *share = c.share;
        }
    }
    let mut column = vec![0.0; samples];
    let mut band = |get: &dyn Fn(usize) -> f64| {
        for (k, v) in column.iter_mut().enumerate() {
            *v = get(k);
        }
        percentiles(&mut column)
    };
    Bands {
        measures: std::array::from_fn(|i| band(&|k| measures[k][i])),
        cascade: std::array::from_fn(|i| band(&|k| shares[k][i])),
        samples,
        seed: options.seed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::solve::solve;

    #[test]
    fn the_generator_is_repeatable_and_uniform_enough() {
        let mut a = Rng(42);
        let mut b = Rng(42);
        let xs: Vec<f64> = (0..10_000).map(|_| a.unit()).collect();
        assert!(xs.iter().all(|&x| (0.0..1.0).contains(&x)));
        let mean = xs.iter().sum::<f64>() / xs.len() as f64;
        assert!((mean - 0.5).abs() < 0.02, "{mean}");
        assert_eq!(xs[0], b.unit());
    }

    #[test]
    fn percentiles_interpolate() {
        let mut v: Vec<f64> = (0..=100).map(f64::from).rev().collect();
        let b = percentiles(&mut v);
        assert_eq!((b.p5, b.p50, b.p95), (5.0, 50.0, 95.0));
    }

    #[test]
    fn bands_hold_the_model_and_move_with_the_seed() {
        let s = Scenario {
            head_tilt_deg: 10.0,
            ..Scenario::default()
        };
        let b = solve_bands(
            &s,
            &BandOptions {
                samples: 60,
                seed: 3,
            },
        );
        let nominal = solve(&s);
        for m in Measure::ALL {
            let band = b.measure(m);
            assert!(band.p5.is_finite() && band.p95.is_finite(), "{}", m.key());
            assert!(band.p5 <= band.p50 && band.p50 <= band.p95, "{}", m.key());
        }
        // The eyes are held level in every sample.
        let eye = b.measure(Measure::EyeLineTilt);
        assert!(eye.p5.abs() < 0.1 && eye.p95.abs() < 0.1, "{eye:?}");
        // The nominal shoulder difference lies inside its band, and the band has width.
        let sh = b.measure(Measure::ShoulderHeightDiff);
        let n = nominal.measures.shoulder_height_diff_mm;
        assert!(
            sh.p5 < n && n < sh.p95 && sh.p95 - sh.p5 > 1.0,
            "{sh:?} vs {n}"
        );
        let other = solve_bands(
            &s,
            &BandOptions {
                samples: 60,
                seed: 4,
            },
        );
        assert_ne!(b, other);
    }

    #[test]
    fn options_are_brought_into_range() {
        let s = Scenario::default();
        assert_eq!(
            solve_bands(
                &s,
                &BandOptions {
                    samples: 0,
                    seed: 1
                }
            )
            .samples,
            1
        );
        let big = BandOptions {
            samples: usize::MAX,
            seed: 1,
        };
        assert_eq!(big.samples.clamp(1, MAX_SAMPLES), MAX_SAMPLES);
    }
}
