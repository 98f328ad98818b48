//! Small number formatting for labels, without `std::fmt` (smaller wasm, no allocation).

/// Appends `value` rounded to `decimals` places (at most 3), with a typographic minus sign.
/// A value that rounds to zero is written without a sign; a non-finite value is written as "–".
pub fn push_fixed(buf: &mut String, value: f64, decimals: u8) {
    if !value.is_finite() {
        buf.push('–');
        return;
    }
    let decimals = decimals.min(3) as u32;
    let scale = 10_u64.pow(decimals);
    let scaled = (value.abs() * scale as f64).round();
    if scaled >= 1e15 {
        buf.push('∞');
        return;
    }
    let scaled = scaled as u64;
    if value < 0.0 && scaled != 0 {
        buf.push('−');
    }
    push_uint(buf, scaled / scale);
    if decimals > 0 {
        buf.push('.');
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
}
