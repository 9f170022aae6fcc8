//! Commission rates: a percent with at most 4 decimals, stored as percent × 10 000
//! (2 % → 20 000, 100 % → 1 000 000; AION.md §3).

use super::amount::{format_decimal, parse_decimal, DecimalProblem};
use super::AionError;

/// 100 %.
pub const MAX_UNITS: u32 = 1_000_000;
const DECIMALS: usize = 4;

/// `2.5` (an optional `%` after it) → 25 000.
pub fn parse_percent(text: &str) -> Result<u32, AionError> {
    let typed = || text.trim().to_owned();
    let t = text.trim();
    let t = t.strip_suffix('%').unwrap_or(t);
    let units = parse_decimal(t, DECIMALS).map_err(|p| match p {
        DecimalProblem::TooPrecise => AionError::PercentTooPrecise(typed()),
        DecimalProblem::TooLarge => AionError::PercentTooLarge(typed()),
        DecimalProblem::Negative | DecimalProblem::NotANumber => {
            AionError::PercentNotANumber(typed())
        }
    })?;
    u32::try_from(units)
        .ok()
        .filter(|u| *u <= MAX_UNITS)
        .ok_or_else(|| AionError::PercentTooLarge(typed()))
}

/// 25 000 → `2.5` (no `%`; [`parse_percent`] reads it back).
pub fn format_percent(units: u32) -> String {
    format_decimal(u128::from(units), DECIMALS)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn percents_and_units() {
        assert_eq!(parse_percent("2").unwrap(), 20_000);
        assert_eq!(parse_percent("2.5 %").unwrap(), 25_000);
        assert_eq!(parse_percent("100").unwrap(), MAX_UNITS);
        assert_eq!(parse_percent("0.0001").unwrap(), 1);
        assert_eq!(format_percent(25_000), "2.5");
        assert_eq!(format_percent(0), "0");
    }

    #[test]
    fn bad_percents_say_why() {
        assert_eq!(
            parse_percent("2.12345").unwrap_err().to_string(),
            "\"2.12345\" has more than 4 decimals; the Pool Registry counts the rate in steps of 0.0001 %"
        );
        assert_eq!(
            parse_percent("100.0001").unwrap_err().to_string(),
            "\"100.0001\" is above 100 %"
        );
        assert!(matches!(
            parse_percent("-1"),
            Err(AionError::PercentNotANumber(_))
        ));
    }
}
