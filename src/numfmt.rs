//! Small number formatting for labels and messages, without `std::fmt`'s float code (which would
//! add about 10 KB of gzipped wasm) and without allocating beyond the buffer it appends to.
//! The labels' numbers ([`push_fixed`]) follow the reader's locale: its decimal sign and minus
//! sign, set with [`set_separators`] (the Widget sets its own before it draws).

use core::sync::atomic::{AtomicU32, Ordering::Relaxed};

/// The decimal sign and minus sign of [`push_fixed`], as `char` values.
static DECIMAL: AtomicU32 = AtomicU32::new('.' as u32);
static MINUS: AtomicU32 = AtomicU32::new('−' as u32);

/// Sets the decimal sign and minus sign labels are written with (`'.'`, `'−'` by default), as
/// `char` values; a value that is not a character leaves that sign as it was.
// Only the Widget (wasm) sets them.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub fn set_separators(decimal: u32, minus: u32) {
    if char::from_u32(decimal).is_some() {
        DECIMAL.store(decimal, Relaxed);
    }
    if char::from_u32(minus).is_some() {
        MINUS.store(minus, Relaxed);
    }
}

/// Appends `value` rounded to `decimals` places (at most 3), with a typographic minus sign and
/// the locale's decimal sign ([`set_separators`]). A value that rounds to zero is written
/// without a sign; a non-finite value is written as "–".
pub fn push_fixed(buf: &mut String, value: f64, decimals: u8) {
    if !value.is_finite() {
        buf.push('–');
        return;
    }
    let sign = |cell: &AtomicU32, or| char::from_u32(cell.load(Relaxed)).unwrap_or(or);
    let (decimal, minus) = (sign(&DECIMAL, '.'), sign(&MINUS, '−'));
    push_fixed_with(buf, value, decimals.min(3), minus, decimal);
}

/// Like [`push_fixed`] but with an ASCII hyphen-minus, for plain-text messages.
pub(crate) fn push_fixed_ascii(buf: &mut String, value: f64, decimals: u8) {
    if !value.is_finite() {
        push_special(buf, value);
        return;
    }
    push_fixed_with(buf, value, decimals, '-', '.');
}

/// Appends any number readably for a message, as JavaScript would name it where it can:
/// `NaN`, `Infinity`, `1e+300`, `0.000012`, `5.25`, `-3` (at most six significant digits).
pub(crate) fn push_number(buf: &mut String, value: f64) {
    if !value.is_finite() {
        push_special(buf, value);
        return;
    }
    if value == 0.0 {
        buf.push('0');
        return;
    }
    let magnitude = value.abs();
    if !(1e-6..1e15).contains(&magnitude) {
        // Scientific: one digit, up to five decimals, an exponent.
        let mut exponent = magnitude.log10().floor() as i32;
        let mut mantissa = magnitude / 10f64.powi(exponent);
        if mantissa >= 9.999995 {
            mantissa /= 10.0;
            exponent += 1;
        }
        if value < 0.0 {
            buf.push('-');
        }
        push_trimmed(buf, mantissa, 5);
        buf.push_str(if exponent < 0 { "e-" } else { "e+" });
        push_uint(buf, exponent.unsigned_abs() as u64);
        return;
    }
    let int_digits = magnitude.log10().floor() as i32 + 1;
    let decimals = (6 - int_digits).clamp(0, 12) as u8;
    if value < 0.0 {
        buf.push('-');
    }
    push_trimmed(buf, magnitude, decimals);
}

fn push_special(buf: &mut String, value: f64) {
    buf.push_str(if value.is_nan() {
        "NaN"
    } else if value > 0.0 {
        "Infinity"
    } else {
        "-Infinity"
    });
}

/// Appends a non-negative finite value to `decimals` places, then drops trailing zeros.
fn push_trimmed(buf: &mut String, value: f64, decimals: u8) {
    let start = buf.len();
    push_fixed_unsigned(buf, value, decimals, '.');
    // `get`, not indexing: an index's panic path would bring `Debug` of `str` into the wasm.
    if buf.get(start..).is_some_and(|t| t.contains('.')) {
        while buf.ends_with('0') {
            buf.pop();
        }
        if buf.ends_with('.') {
            buf.pop();
        }
    }
}

fn push_fixed_with(buf: &mut String, value: f64, decimals: u8, minus: char, decimal: char) {
    let decimals = decimals.min(6) as u32;
    let scale = 10_u64.pow(decimals);
    let scaled = (value.abs() * scale as f64).round();
    if scaled >= 1e15 {
        buf.push('∞');
        return;
    }
    if value < 0.0 && scaled != 0.0 {
        buf.push(minus);
    }
    push_fixed_unsigned(buf, value.abs(), decimals as u8, decimal);
}

fn push_fixed_unsigned(buf: &mut String, value: f64, decimals: u8, decimal: char) {
    let decimals = decimals.min(12) as u32;
    let scale = 10_u64.pow(decimals);
    let scaled = (value * scale as f64).round();
    if scaled >= 1e18 {
        buf.push('∞');
        return;
    }
    let scaled = scaled as u64;
    push_uint(buf, scaled / scale);
    if decimals > 0 {
        buf.push(decimal);
        let frac = scaled % scale;
        let mut div = scale / 10;
        while div > 0 {
            buf.push((b'0' + ((frac / div) % 10) as u8) as char);
            div /= 10;
        }
    }
}

fn push_uint(buf: &mut String, mut n: u64) {
    let mut digits = [0_u8; 20];
    let mut len = 0;
    loop {
        digits[len] = b'0' + (n % 10) as u8;
        len += 1;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in digits[..len].iter().rev() {
        buf.push(d as char);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(value: f64, decimals: u8, expected: &str) {
        let mut s = String::new();
        push_fixed(&mut s, value, decimals);
        assert_eq!(s, expected, "{value} to {decimals} places");
    }

    #[test]
    fn formats_like_a_careful_human() {
        check(0.0, 1, "0.0");
        check(9.04, 1, "9.0");
        check(9.05, 0, "9");
        check(1.45, 1, "1.5");
        check(-1.4, 1, "−1.4");
        check(-0.04, 1, "0.0");
        check(53.0, 0, "53");
        check(120.5, 0, "121");
        check(0.075, 2, "0.08");
        check(1234.5678, 3, "1234.568");
        check(7.0, 9, "7.000");
        check(f64::NAN, 1, "–");
        check(f64::INFINITY, 0, "–");
        check(1e300, 0, "∞");
    }

    fn check_number(value: f64, expected: &str) {
        let mut s = String::new();
        push_number(&mut s, value);
        assert_eq!(s, expected, "{value:e}");
    }

    #[test]
    fn names_any_number_as_javascript_would_where_it_can() {
        check_number(0.0, "0");
        check_number(5.0, "5");
        check_number(-3.0, "-3");
        check_number(5.25, "5.25");
        check_number(175.5, "175.5");
        check_number(0.000012, "0.000012");
        check_number(123456.0, "123456");
        check_number(1234567.0, "1234567");
        check_number(1e300, "1e+300");
        check_number(-2.5e-9, "-2.5e-9");
        check_number(9.9999999e20, "1e+21");
        check_number(f64::NAN, "NaN");
        check_number(f64::INFINITY, "Infinity");
        check_number(f64::NEG_INFINITY, "-Infinity");
    }

    #[test]
    fn labels_can_take_a_locale_s_signs() {
        // The signs `set_separators` sets are global (the browser tests set them through the
        // Widget); here the writer they feed, with a German decimal comma and a hyphen-minus.
        let mut s = String::from("x ");
        push_fixed_with(&mut s, -12.34, 1, '-', ',');
        push_fixed_with(&mut s, 5.0, 0, '-', ',');
        push_fixed_with(&mut s, 0.25, 2, '−', ',');
        assert_eq!(s, "x -12,350,25");
    }

    #[test]
    fn ascii_fixed_uses_a_hyphen_minus() {
        let mut s = String::new();
        push_fixed_ascii(&mut s, -12.34, 1);
        assert_eq!(s, "-12.3");
    }
}
