//! Exact amounts as content writes them, for every stage: `load` reads them, `model` bounds
//! them, `compute` adds them up. No f64 anywhere.
//!
//! YAML numbers are read as their *text* (`deserialize_str`), never through a float, and must
//! be plain decimals: an optional minus, digits, and at most two decimals.

use std::fmt;

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An exact decimal read from content: euros, or an indicator value.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Amount(pub Decimal);

impl Amount {
    pub const ZERO: Amount = Amount(Decimal::ZERO);

    /// Parses the text of a YAML scalar. Rejects floats in disguise (`1e6`), decimal commas
    /// (`12,5`), several points (`1.2.3`) and more than two decimals.
    pub fn parse(text: &str) -> Result<Amount, String> {
        let t = text.trim();
        let unsigned = t.strip_prefix('-').unwrap_or(t);
        let (int, frac) = unsigned.split_once('.').unwrap_or((unsigned, ""));
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        let well_formed = !int.is_empty()
            && digits(int)
            && digits(frac)
            && (frac.len() <= 2)
            && !(unsigned.contains('.') && frac.is_empty());
        if !well_formed {
            let why = if frac.len() > 2 && digits(frac) && digits(int) {
                "has more than two decimals"
            } else {
                "is not a plain decimal number like 1234.56"
            };
            return Err(format!("`{text}` {why}"));
        }
        t.parse::<Decimal>().map(Amount).map_err(|_| format!("`{text}` is too large for an exact amount"))
    }
}

/// In the JSON Schema of the content files (editors' completion and hover help): a number,
/// or a string holding one, as [`Amount::parse`] accepts.
impl schemars::JsonSchema for Amount {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Amount".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "An amount in euro: a decimal number with at most two decimals, e.g. 22813801.27 (no thousands separator).",
            "anyOf": [
                { "type": "number" },
                { "type": "string", "pattern": "^\\s*-?[0-9]+(\\.[0-9]{1,2})?\\s*$" }
            ]
        })
    }
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Amount;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a decimal number with at most two decimals")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Amount, E> {
                Amount::parse(v).map_err(E::custom)
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Amount, E> {
                Ok(Amount(Decimal::from(v)))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Amount, E> {
                Ok(Amount(Decimal::from(v)))
            }
        }
        // `deserialize_str` hands over the scalar's text as written in the file.
        deserializer.deserialize_str(Visitor)
    }
}

impl Serialize for Amount {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

/// The largest amount the SFC2014 form holds (15 digits: 999 999 999 999,99), in absolute
/// value. The model refuses larger inputs, so no sum of the programme's few hundred inputs
/// can come near `Decimal`'s limit: compute cannot overflow.
pub const MAX_AMOUNT: Decimal = Decimal::from_parts(0x107A_3FFF, 0x5AF3, 0, false, 2);

/// The largest number of persons a pledge or an indicator may count, in absolute value.
pub const MAX_PERSONS: i64 = 10_000_000;

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn parses_plain_decimals_exactly() {
        assert_eq!(Amount::parse("22813801.27").unwrap().0, d("22813801.27"));
        assert_eq!(Amount::parse("-756").unwrap().0, d("-756"));
        assert_eq!(Amount::parse("7450.00").unwrap().0.to_string(), "7450.00");
    }

    #[test]
    fn rejects_what_is_not_an_exact_decimal() {
        for bad in ["1.2.3", "12,5", "1e6", "1.234", "", "-", "1.", ".5", "abc", "0x10"] {
            assert!(Amount::parse(bad).is_err(), "{bad} should be rejected");
        }
        assert_eq!(Amount::parse("1.234").unwrap_err(), "`1.234` has more than two decimals");
    }

    #[test]
    fn yaml_numbers_never_pass_through_a_float() {
        // 0.1 + 0.2 style values and 17 significant digits survive exactly.
        let v: Vec<Amount> = serde_yaml::from_str("[0.10, 12345678901234567.89, -0.01]").unwrap();
        assert_eq!(v[1].0.to_string(), "12345678901234567.89");
        assert_eq!(v[0].0.to_string(), "0.10");
        assert_eq!(v[2].0.to_string(), "-0.01");
    }

    #[test]
    fn the_form_bound_is_fifteen_digits() {
        assert_eq!(MAX_AMOUNT.to_string(), "999999999999.99");
    }
}
