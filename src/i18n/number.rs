//! One number formatter for the whole document. Each language's format is data: the labels
//! `number.decimal` and `number.group` of the catalogue. French keeps the seed's
//! `22 813 801,27` (narrow no-break space U+202F, decimal comma); Dutch and German follow the
//! EU Interinstitutional Style Guide (a space between thousands, decimal comma); English
//! keeps the SFC2014 English print's `22,813,801.27`. Negative numbers keep an ASCII `-`, as
//! the SFC print does.

use rust_decimal::Decimal;

/// How a language writes numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberFormat {
    pub decimal: String,
    pub group: String,
}

impl NumberFormat {
    /// Money and indicator values with exactly two decimals: `7 450,00` / `7,450.00`.
    pub fn decimal2(&self, value: Decimal) -> String {
        let rounded = value.round_dp(2);
        let text = format!("{:.2}", rounded.abs());
        let (int, frac) = text.split_once('.').unwrap_or((&text, "00"));
        let sign = if rounded.is_sign_negative() && !rounded.is_zero() { "-" } else { "" };
        format!("{sign}{}{}{frac}", self.group_thousands(int), self.decimal)
    }

    /// A difference: as [`NumberFormat::decimal2`], its sign always written (`+1 000,00`).
    pub fn signed(&self, value: Decimal) -> String {
        let text = self.decimal2(value);
        if value.round_dp(2).is_sign_positive() && !value.round_dp(2).is_zero() { format!("+{text}") } else { text }
    }

    /// A count of persons: `1 100`, `-1 711` / `1,100`, `-1,711`.
    pub fn integer(&self, value: i64) -> String {
        let sign = if value < 0 { "-" } else { "" };
        format!("{sign}{}", self.group_thousands(&value.unsigned_abs().to_string()))
    }

    fn group_thousands(&self, digits: &str) -> String {
        let mut out = String::with_capacity(digits.len() + digits.len() / 3 * self.group.len());
        for (i, ch) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push_str(&self.group);
            }
            out.push(ch);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(decimal: &str, group: &str) -> NumberFormat {
        NumberFormat { decimal: decimal.into(), group: group.into() }
    }

    #[test]
    fn money_per_format() {
        let (fr, en) = (fmt(",", " "), fmt(".", ","));
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(fr.decimal2(d("22813801.27")), "22 813 801,27");
        assert_eq!(en.decimal2(d("22813801.27")), "22,813,801.27");
        assert_eq!(fr.decimal2(d("-1512000")), "-1 512 000,00");
        assert_eq!(en.decimal2(d("-1512000")), "-1,512,000.00");
        assert_eq!(fr.decimal2(d("0")), "0,00");
        assert_eq!(en.decimal2(d("7450.00")), "7,450.00");
        assert_eq!(fr.decimal2(d("999.995")), "1 000,00");
        assert_eq!(fr.decimal2(d("-0.001")), "0,00");
        assert_eq!(fmt(",", "\u{202F}").decimal2(d("179127447.12")), "179\u{202F}127\u{202F}447,12");
    }

    #[test]
    fn differences_carry_their_sign() {
        let en = fmt(".", ",");
        assert_eq!(en.signed("1000".parse().unwrap()), "+1,000.00");
        assert_eq!(en.signed("-5".parse().unwrap()), "-5.00");
        assert_eq!(en.signed("0".parse().unwrap()), "0.00");
    }

    #[test]
    fn persons() {
        let (fr, en) = (fmt(",", "\u{202F}"), fmt(".", ","));
        assert_eq!(fr.integer(1100), "1\u{202F}100");
        assert_eq!(en.integer(-1711), "-1,711");
        assert_eq!(en.integer(87), "87");
        assert_eq!(fr.integer(0), "0");
        assert_eq!(en.integer(i64::MIN), "-9,223,372,036,854,775,808");
    }
}
