//! The named rounding rules of the programme, on exact amounts ([`crate::amount`]). No f64
//! anywhere.

use rust_decimal::{Decimal, RoundingStrategy};

/// Rounds to whole euros, half away from zero (0.5 → 1, -0.5 → -1), as SFC2014 does.
pub fn round_half_away_to_euro(value: Decimal) -> Decimal {
    value.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero)
}

/// Spreads a period's amount evenly over its years, in whole euros: every year but the last
/// gets `total / years` rounded half away from zero; the last year takes what remains, so the
/// years always add up to `total` exactly. This is how SFC2014 filled Table 2
/// (23 650 000 over 3 years → 7 883 333, 7 883 333, 7 883 334).
pub fn spread_over_years(total: Decimal, years: usize) -> Vec<Decimal> {
    if years == 0 {
        return Vec::new();
    }
    let share = round_half_away_to_euro(total / Decimal::from(years as u64));
    let mut split = vec![share; years - 1];
    let given: Decimal = split.iter().sum();
    split.push(total - given);
    split
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn rounding_is_half_away_from_zero() {
        assert_eq!(round_half_away_to_euro(d("0.5")), d("1"));
        assert_eq!(round_half_away_to_euro(d("-0.5")), d("-1"));
        assert_eq!(round_half_away_to_euro(d("7883333.33")), d("7883333"));
        assert_eq!(round_half_away_to_euro(d("-814666.67")), d("-814667"));
    }

    #[test]
    fn spreads_reproduce_the_seed() {
        assert_eq!(spread_over_years(d("23650000"), 3), [d("7883333"), d("7883333"), d("7883334")]);
        assert_eq!(spread_over_years(d("-2444000"), 3), [d("-814667"), d("-814667"), d("-814666")]);
        assert_eq!(spread_over_years(d("12792000"), 2), [d("6396000"), d("6396000")]);
        assert_eq!(spread_over_years(d("-4536000"), 3), [d("-1512000"); 3]);
        assert!(spread_over_years(d("5"), 0).is_empty());
    }

    proptest::proptest! {
        #[test]
        fn a_spread_always_sums_to_its_total(cents in -10_000_000_000i64..10_000_000_000i64, years in 1usize..8) {
            let total = Decimal::new(cents, 2);
            let split = spread_over_years(total, years);
            proptest::prop_assert_eq!(split.len(), years);
            proptest::prop_assert_eq!(split.iter().sum::<Decimal>(), total);
            for y in &split[..years - 1] {
                proptest::prop_assert_eq!(y.fract(), Decimal::ZERO);
            }
        }
    }
}
