//! Sine, cosine, arcsine, hypotenuse, exponential and logarithm for the numbers the model and
//! the scene use, small enough for the page's wasm.
//!
//! The kernels and the argument reduction are musl's (from FreeBSD's msun, © Sun Microsystems,
//! "permission to use, copy, modify, and distribute this software is freely granted, provided that
//! this notice is preserved"), except that the reduction is only the Cody–Waite one, exact to
//! round-off for |x| up to about 1.6 · 10⁶ rad. The full Payne–Hanek reduction that libm adds for
//! larger arguments (`rem_pio2_large`, 5 KB of code and a 1 KB table in the wasm) is left out: no
//! angle here is ever more than a few turns. Beyond [`REDUCIBLE_RAD`] the functions return the
//! sine and cosine of 0: finite, in range, and wrong, which no input of the model can reach.
//! On wasm32 the web layer exports sin, cos, asin and hypot as the libm symbols in place of
//! compiler-builtins' weak ones; exp, ln and pow are called by name (the uncertainty bands'
//! weights). Natively they are tested against the platform's libm.

// The constants as musl prints them, digit for digit, so that they can be checked against it.
#![allow(clippy::excessive_precision)]

const S1: f64 = -1.666_666_666_666_663_243_48e-1;
const S2: f64 = 8.333_333_333_322_489_461_24e-3;
const S3: f64 = -1.984_126_982_985_794_931_34e-4;
const S4: f64 = 2.755_731_370_707_006_767_89e-6;
const S5: f64 = -2.505_076_025_340_686_341_95e-8;
const S6: f64 = 1.589_690_995_211_550_102_21e-10;

const C1: f64 = 4.166_666_666_666_660_190_37e-2;
const C2: f64 = -1.388_888_888_887_410_957_49e-3;
const C3: f64 = 2.480_158_728_947_672_941_78e-5;
const C4: f64 = -2.755_731_435_139_066_330_35e-7;
const C5: f64 = 2.087_572_321_298_174_827_90e-9;
const C6: f64 = -1.135_964_755_778_819_482_65e-11;

/// The largest |x| the Cody–Waite reduction handles to round-off: 2²⁰ · π/2.
pub const REDUCIBLE_RAD: f64 = 1_647_099.0;

/// sin(x + y) for |x + y| ≤ π/4, `y` the tail of a reduced argument.
fn kernel_sin(x: f64, y: f64) -> f64 {
    let z = x * x;
    let w = z * z;
    let r = S2 + z * (S3 + z * S4) + z * w * (S5 + z * S6);
    let v = z * x;
    x - ((z * (0.5 * y - v * r) - y) - v * S1)
}

/// cos(x + y) for |x + y| ≤ π/4.
fn kernel_cos(x: f64, y: f64) -> f64 {
    let z = x * x;
    let w = z * z;
    let r = z * (C1 + z * (C2 + z * C3)) + w * w * (C4 + z * (C5 + z * C6));
    let hz = 0.5 * z;
    let w = 1.0 - hz;
    w + (((1.0 - w) - hz) + (z * r - x * y))
}

/// `x` reduced by the nearest multiple `n` of π/2: `(n, head, tail)`, head + tail in -π/4..=π/4.
fn reduce(x: f64) -> (i64, f64, f64) {
    const TO_INT: f64 = 1.5 / f64::EPSILON;
    const INV_PIO2: f64 = std::f64::consts::FRAC_2_PI;
    const PIO2_1: f64 = 1.570_796_326_734_125_614_17;
    const PIO2_1T: f64 = 6.077_100_506_506_192_249_32e-11;
    const PIO2_2: f64 = 6.077_100_506_303_965_976_60e-11;
    const PIO2_2T: f64 = 2.022_266_248_795_950_631_54e-21;
    const PIO2_3: f64 = 2.022_266_248_711_166_455_80e-21;
    const PIO2_3T: f64 = 8.478_427_660_368_899_569_97e-32;
    let exponent = |v: f64| ((v.to_bits() >> 52) & 0x7ff) as i64;
    let n = (x * INV_PIO2 + TO_INT) - TO_INT;
    let mut r = x - n * PIO2_1;
    let mut w = n * PIO2_1T;
    let mut y0 = r - w;
    let ex = exponent(x);
    // Cancellation: a second, then a third, 33 more bits of π/2.
    if ex - exponent(y0) > 16 {
        let t = r;
        w = n * PIO2_2;
        r = t - w;
        w = n * PIO2_2T - ((t - r) - w);
        y0 = r - w;
        if ex - exponent(y0) > 49 {
            let t = r;
            w = n * PIO2_3;
            r = t - w;
            w = n * PIO2_3T - ((t - r) - w);
            y0 = r - w;
        }
    }
    let y1 = (r - y0) - w;
    (n as i64, y0, y1)
}

/// |x| ≤ π/4, by the bits of its high word (musl's test).
fn within_quarter_turn(x: f64) -> bool {
    (x.to_bits() >> 32) as u32 & 0x7fff_ffff <= 0x3fe9_21fb
}

/// The sine of `x` radians.
pub fn sin(x: f64) -> f64 {
    if !x.is_finite() {
        return f64::NAN;
    }
    let x = if x.abs() <= REDUCIBLE_RAD { x } else { 0.0 };
    if within_quarter_turn(x) {
        return if x.abs() < 1.0 / (1u64 << 26) as f64 {
            x
        } else {
            kernel_sin(x, 0.0)
        };
    }
    let (n, y0, y1) = reduce(x);
    match n & 3 {
        0 => kernel_sin(y0, y1),
        1 => kernel_cos(y0, y1),
        2 => -kernel_sin(y0, y1),
        _ => -kernel_cos(y0, y1),
    }
}

/// The cosine of `x` radians.
pub fn cos(x: f64) -> f64 {
    if !x.is_finite() {
        return f64::NAN;
    }
    let x = if x.abs() <= REDUCIBLE_RAD { x } else { 0.0 };
    if within_quarter_turn(x) {
        return if x.abs() < 1.0 / (1u64 << 27) as f64 {
            1.0
        } else {
            kernel_cos(x, 0.0)
        };
    }
    let (n, y0, y1) = reduce(x);
    match n & 3 {
        0 => kernel_cos(y0, y1),
        1 => -kernel_sin(y0, y1),
        2 => -kernel_cos(y0, y1),
        _ => kernel_sin(y0, y1),
    }
}

/// e^x, musl's algorithm (reduction by ln 2, a rational approximation on the rest), within an
/// ulp or so of libm's; libm's own `exp` and `pow` bring kilobytes and tables into the wasm.
pub fn exp(x: f64) -> f64 {
    const LN2_HI: f64 = 6.931_471_803_691_238_164_90e-1;
    const LN2_LO: f64 = 1.908_214_929_270_587_700_02e-10;
    const P1: f64 = 1.666_666_666_666_660_190_37e-1;
    const P2: f64 = -2.777_777_777_701_559_338_42e-3;
    const P3: f64 = 6.613_756_321_437_934_361_17e-5;
    const P4: f64 = -1.653_390_220_546_525_153_90e-6;
    const P5: f64 = 4.138_136_797_057_238_460_39e-8;
    if x.is_nan() {
        return x;
    }
    if x > 709.782_712_893_383_973_096 {
        return f64::INFINITY;
    }
    if x < -745.133_219_101_941_108_42 {
        return 0.0;
    }
    let k = (x * std::f64::consts::LOG2_E + if x < 0.0 { -0.5 } else { 0.5 }) as i32;
    let hi = x - f64::from(k) * LN2_HI;
    let lo = f64::from(k) * LN2_LO;
    let r = hi - lo;
    let z = r * r;
    let c = r - z * (P1 + z * (P2 + z * (P3 + z * (P4 + z * P5))));
    let y = 1.0 + (r * c / (2.0 - c) - lo + hi);
    // y · 2^k in two steps, so that neither factor overflows or underflows on its own.
    let half = k / 2;
    let two_to = |e: i32| f64::from_bits(((1023 + e) as u64) << 52);
    y * two_to(half) * two_to(k - half)
}

/// The natural logarithm of `x`, musl's algorithm; NaN below 0, -∞ at 0.
pub fn ln(x: f64) -> f64 {
    const LN2_HI: f64 = 6.931_471_803_691_238_164_90e-1;
    const LN2_LO: f64 = 1.908_214_929_270_587_700_02e-10;
    const LG1: f64 = 6.666_666_666_666_735_130e-1;
    const LG2: f64 = 3.999_999_999_940_941_908e-1;
    const LG3: f64 = 2.857_142_874_366_239_149e-1;
    const LG4: f64 = 2.222_219_843_214_978_396e-1;
    const LG5: f64 = 1.818_357_216_161_805_012e-1;
    const LG6: f64 = 1.531_383_769_920_937_332e-1;
    const LG7: f64 = 1.479_819_860_511_658_591e-1;
    if x.is_nan() || x < 0.0 {
        return f64::NAN;
    }
    if x == 0.0 {
        return f64::NEG_INFINITY;
    }
    if x.is_infinite() {
        return x;
    }
    // x = 2^k · m with m in [√2/2, √2).
    let (mut x, mut k) = if x < f64::MIN_POSITIVE {
        (x * (1u64 << 54) as f64, -54)
    } else {
        (x, 0)
    };
    let bits = x.to_bits();
    k += ((bits >> 52) & 0x7ff) as i32 - 1023;
    x = f64::from_bits((bits & 0x000f_ffff_ffff_ffff) | 0x3ff0_0000_0000_0000);
    if x > std::f64::consts::SQRT_2 {
        x *= 0.5;
        k += 1;
    }
    let f = x - 1.0;
    let hfsq = 0.5 * f * f;
    let s = f / (2.0 + f);
    let z = s * s;
    let w = z * z;
    let t1 = w * (LG2 + w * (LG4 + w * LG6));
    let t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
    let dk = f64::from(k);
    s * (hfsq + t2 + t1) + dk * LN2_LO - hfsq + f + dk * LN2_HI
}

/// x^y for x > 0, as e^(y ln x): a few ulps, enough for weights; NaN for x ≤ 0 but x^0 = 1.
pub fn pow_positive(x: f64, y: f64) -> f64 {
    if y == 0.0 {
        return 1.0;
    }
    if x.is_nan() || x <= 0.0 {
        return f64::NAN;
    }
    exp(y * ln(x))
}

/// The arcsine of `x` (radians), from the arctangent: asin x = atan2(x, √((1 − x)(1 + x))),
/// within a few ulp of libm's; NaN outside -1..=1.
pub fn asin(x: f64) -> f64 {
    x.atan2(((1.0 - x) * (1.0 + x)).sqrt())
}

/// √(x² + y²) without libm's guard against overflow and underflow, which no length here
/// (metres and millimetres of a body) comes near.
pub fn hypot(x: f64, y: f64) -> f64 {
    (x * x + y * y).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Distance in units in the last place.
    fn ulps(a: f64, b: f64) -> u64 {
        let key = |v: f64| {
            let bits = v.to_bits() as i64;
            if bits < 0 {
                i64::MIN - bits
            } else {
                bits
            }
        };
        key(a).abs_diff(key(b))
    }

    #[test]
    fn sine_and_cosine_match_the_platform_within_one_ulp_over_many_turns() {
        let mut worst = 0;
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        for k in 0..200_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let unit = (state >> 11) as f64 / (1u64 << 53) as f64;
            // Half the cases within a turn either way, the rest out to a thousand turns.
            let span = if k % 2 == 0 { 7.0 } else { 6300.0 };
            let x = (2.0 * unit - 1.0) * span;
            worst = worst.max(ulps(sin(x), x.sin())).max(ulps(cos(x), x.cos()));
        }
        assert!(worst <= 1, "worst error {worst} ulp");
    }

    #[test]
    fn arcsine_and_hypotenuse_match_the_platform_closely() {
        for k in -1000..=1000 {
            let x = k as f64 / 1000.0;
            assert!(ulps(asin(x), x.asin()) <= 4, "asin({x})");
            let y = 0.37 * k as f64;
            assert!(ulps(hypot(y, 2.5), y.hypot(2.5)) <= 1, "hypot({y})");
        }
        assert!(asin(1.5).is_nan() && asin(f64::NAN).is_nan());
        assert_eq!(asin(1.0), std::f64::consts::FRAC_PI_2);
        assert_eq!(hypot(3.0, 4.0), 5.0);
    }

    #[test]
    fn exp_ln_and_pow_match_the_platform_closely() {
        let mut worst = (0, 0);
        for k in -7000..=7000 {
            let x = k as f64 * 0.1013;
            worst.0 = worst.0.max(ulps(exp(x), x.exp()));
            let y = exp(k as f64 * 0.05);
            worst.1 = worst.1.max(ulps(ln(y), y.ln()));
        }
        assert!(worst.0 <= 1 && worst.1 <= 1, "{worst:?} ulp");
        for (x, y) in [
            (0.5, -0.5),
            (1.7, 1.0),
            (0.9, 0.37),
            (2.0, 10.0),
            (1e-3, 2.5),
        ] {
            let got = pow_positive(x, y);
            assert!((got / x.powf(y) - 1.0).abs() < 1e-13, "{x}^{y}: {got}");
        }
        assert_eq!(exp(0.0), 1.0);
        assert_eq!(exp(1000.0), f64::INFINITY);
        assert_eq!(exp(-1000.0), 0.0);
        assert!(exp(f64::NAN).is_nan());
        assert_eq!(ln(1.0), 0.0);
        assert_eq!(ln(0.0), f64::NEG_INFINITY);
        assert!(ln(-1.0).is_nan());
        assert!((ln(5e-324) - (5e-324f64).ln()).abs() < 1e-12);
        assert_eq!(pow_positive(0.0, 0.0), 1.0);
        assert!(pow_positive(-2.0, 0.5).is_nan());
    }

    #[test]
    fn special_values() {
        for x in [0.0, -0.0, 1e-300, -1e-10] {
            assert_eq!(sin(x).to_bits(), x.sin().to_bits(), "sin({x})");
            assert_eq!(cos(x), 1.0);
        }
        for x in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert!(sin(x).is_nan() && cos(x).is_nan());
        }
        // Up to the reduction's limit, as exact as nearer in; beyond it, finite.
        for x in [REDUCIBLE_RAD, -REDUCIBLE_RAD, 1234567.891] {
            assert!(
                ulps(sin(x), x.sin()) <= 1 && ulps(cos(x), x.cos()) <= 1,
                "{x}"
            );
        }
        for x in [1e7, -3e9, 1e300] {
            assert!((-1.0..=1.0).contains(&sin(x)) && (-1.0..=1.0).contains(&cos(x)));
        }
        assert!((sin(std::f64::consts::FRAC_PI_2) - 1.0).abs() < 1e-16);
        assert!(cos(std::f64::consts::PI) + 1.0 < 1e-16);
    }
}
