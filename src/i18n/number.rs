//! One number formatter for the whole document, per edition language.
//!
//! fr: `22 813 801,27` (narrow no-break space U+202F between thousands, decimal comma);
//! en: `22,813,801.27`. Negative numbers keep an ASCII `-`, as the SFC print does.

use rust_decimal::Decimal;

use crate::i18n::lang::Lang;

/// French thousands separator: a narrow no-break space, so a number never breaks across lines.
pub const FR_THOUSANDS: char = '\u{202F}';

/// Formats money and indicator values with exactly two decimals: `7 450,00` / `7,450.00`.
pub fn decimal2(value: Decimal, lang: Lang) -> String {
    let rounded = value.round_dp(2);
    let text = format!("{:.2}", rounded.abs());
    let (int, frac) = text.split_once('.').unwrap_or((&text, "00"));
    let sign = if rounded.is_sign_negative() && !rounded.is_zero() { "-" } else { "" };
    let decimal_mark = match lang {
        Lang::Fr => ',',
        Lang::En => '.',
    };
    format!("{sign}{}{decimal_mark}{frac}", group_thousands(int, lang))
}

/// A difference: as [`decimal2`], with its sign always written (`+1 000,00`, `-5,00`, `0,00`).
pub fn signed(value: Decimal, lang: Lang) -> String {
    let text = decimal2(value, lang);
    if value.round_dp(2).is_sign_positive() && !value.round_dp(2).is_zero() { format!("+{text}") } else { text }
}

/// Formats a count of persons: `1 100`, `-1 711` / `1,100`, `-1,711`.
pub fn integer(value: i64, lang: Lang) -> String {
    let sign = if value < 0 { "-" } else { "" };
    format!("{sign}{}", group_thousands(&value.unsigned_abs().to_string(), lang))
}

fn group_thousands(digits: &str, lang: Lang) -> String {
    let sep = match lang {
        Lang::Fr => FR_THOUSANDS,
        Lang::En => ',',
    };
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(ch);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fr(s: &str) -> String {
        decimal2(s.parse().unwrap(), Lang::Fr).replace(FR_THOUSANDS, " ")
    }
    fn en(s: &str) -> String {
        decimal2(s.parse().unwrap(), Lang::En)
    }

    #[test]
    fn money_per_language() {
        assert_eq!(fr("22813801.27"), "22 813 801,27");
        assert_eq!(en("22813801.27"), "22,813,801.27");
        assert_eq!(fr("-1512000"), "-1 512 000,00");
        assert_eq!(en("-1512000"), "-1,512,000.00");
        assert_eq!(fr("0"), "0,00");
        assert_eq!(fr("7450"), "7 450,00");
        assert_eq!(en("7450.00"), "7,450.00");
        assert_eq!(fr("179127447.12"), "179 127 447,12");
        assert_eq!(fr("999.995"), "1 000,00");
        assert_eq!(fr("-0.001"), "0,00");
    }

    #[test]
    fn differences_carry_their_sign() {
        assert_eq!(signed("1000".parse().unwrap(), Lang::En), "+1,000.00");
        assert_eq!(signed("-5".parse().unwrap(), Lang::En), "-5.00");
        assert_eq!(signed("0".parse().unwrap(), Lang::En), "0.00");
    }

    #[test]
    fn persons_per_language() {
        assert_eq!(integer(1100, Lang::Fr), "1\u{202F}100");
        assert_eq!(integer(-1711, Lang::En), "-1,711");
        assert_eq!(integer(87, Lang::En), "87");
        assert_eq!(integer(0, Lang::Fr), "0");
        assert_eq!(integer(i64::MIN, Lang::En), "-9,223,372,036,854,775,808");
    }
}
