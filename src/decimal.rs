//! Whole numbers written in decimal digits, without `core::fmt`: each integer type's `Display`
//! is its own copy of the formatting code in the wasm, and every `to_string` or `write!` of a
//! number is a call through the formatting machinery. Written here, the u8, u16 and u64 copies
//! leave the wasm (u32's and i64's stay: the standard library and error messages use them).
//! These write the same digits as `Display` does.

/// `n` in decimal digits, as `n.to_string()` writes it.
pub fn decimal(n: u64) -> String {
    let mut out = String::new();
    push_decimal(&mut out, n);
    out
}

/// Appends `n` in decimal digits to `out`.
#[inline(never)]
pub fn push_decimal(out: &mut String, n: u64) {
    // u64::MAX has 20 digits; they are made from the last, backwards.
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    let mut rest = n;
    loop {
        start -= 1;
        digits[start] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    for &digit in &digits[start..] {
        out.push(char::from(digit));
    }
}

/// Appends `n` in decimal digits to `out`, with a `-` before a negative number.
pub fn push_signed(out: &mut String, n: i64) {
    if n < 0 {
        out.push('-');
    }
    push_decimal(out, n.unsigned_abs());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_what_display_writes() {
        for n in [
            0,
            1,
            9,
            10,
            99,
            100,
            101,
            255,
            1000,
            65_535,
            5_242_880,
            u64::from(u32::MAX),
            u64::MAX - 1,
            u64::MAX,
        ] {
            assert_eq!(decimal(n), n.to_string());
        }
        for n in [0, 1, -1, -10, 1_700_000_000_000, -1_700_000_000_000, i64::MIN, i64::MAX] {
            let mut out = String::new();
            push_signed(&mut out, n);
            assert_eq!(out, n.to_string());
        }
    }
}
