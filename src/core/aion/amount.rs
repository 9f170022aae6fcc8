//! AION amounts as people type them, and nAmp (10^-18 AION) as transactions carry them.

use super::AionError;

pub const NAMP_PER_AION: u128 = 1_000_000_000_000_000_000;
/// The transaction format carries at most 16 bytes of value (AION.md §4.1): u128 is exact.
const DECIMALS: usize = 18;

/// Why a decimal did not read, before each caller words it.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum DecimalProblem {
    Negative,
    NotANumber,
    TooPrecise,
    TooLarge,
}

/// Reads `digits[.digits]` (spaces, `_` and `,` between digit groups allowed) as an integer
/// in units of 10^-`decimals`, exactly.
pub(super) fn parse_decimal(text: &str, decimals: usize) -> Result<u128, DecimalProblem> {
    let t: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | ',' | '_' | '\u{202f}' | '\u{a0}'))
        .collect();
    if t.starts_with('-') {
        return Err(DecimalProblem::Negative);
    }
    let (whole, frac) = t.split_once('.').unwrap_or((&t, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || !digits(frac) || (whole.is_empty() && frac.is_empty()) {
        return Err(DecimalProblem::NotANumber);
    }
    if frac.len() > decimals {
        return Err(DecimalProblem::TooPrecise);
    }
    let scale = 10u128.pow(u32::try_from(decimals).map_err(|_| DecimalProblem::TooLarge)?);
    let whole: u128 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| DecimalProblem::TooLarge)?
    };
    let frac: u128 = if frac.is_empty() {
        0
    } else {
        format!("{frac:0<decimals$}")
            .parse()
            .map_err(|_| DecimalProblem::NotANumber)?
    };
    whole
        .checked_mul(scale)
        .and_then(|w| w.checked_add(frac))
        .ok_or(DecimalProblem::TooLarge)
}

/// Writes `units` (10^-`decimals` each) as the shortest decimal [`parse_decimal`] reads back.
pub(super) fn format_decimal(units: u128, decimals: usize) -> String {
    let scale = 10u128.pow(u32::try_from(decimals).unwrap_or(0));
    let (whole, frac) = (units / scale, units % scale);
    if frac == 0 {
        whole.to_string()
    } else {
        format!(
            "{whole}.{}",
            format!("{frac:0decimals$}").trim_end_matches('0')
        )
    }
}

/// Decimal AION (`1000`, `0.5`, up to 18 decimals, no sign) as nAmp. At most 2^128 - 1 nAmp,
/// the 16 bytes a transaction's value field holds.
pub fn parse_aion(text: &str) -> Result<u128, AionError> {
    let typed = || text.trim().to_owned();
    parse_decimal(text, DECIMALS).map_err(|p| match p {
        DecimalProblem::Negative => AionError::AmountNegative(typed()),
        DecimalProblem::NotANumber => AionError::AmountNotANumber(typed()),
        DecimalProblem::TooPrecise => AionError::AmountTooPrecise(typed()),
        DecimalProblem::TooLarge => AionError::AmountTooLarge(typed()),
    })
}

/// nAmp as decimal AION that [`parse_aion`] reads back (`1000`, `0.5`).
pub fn format_aion(namp: u128) -> String {
    format_decimal(namp, DECIMALS)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn amounts_read_exactly() {
        assert_eq!(parse_aion("1000").unwrap(), 1000 * NAMP_PER_AION);
        assert_eq!(parse_aion("0.000000000000000001").unwrap(), 1);
        assert_eq!(
            parse_aion("1 000.5").unwrap(),
            1_000_500_000_000_000_000_000
        );
        assert_eq!(format_aion(1_000_500_000_000_000_000_000), "1000.5");
        assert_eq!(format_aion(0), "0");
    }

    #[test]
    fn bad_amounts_say_why() {
        assert_eq!(
            parse_aion("-1").unwrap_err().to_string(),
            "\"-1\" is negative; give an amount of AION without a sign"
        );
        assert!(matches!(
            parse_aion("0.0000000000000000001"),
            Err(AionError::AmountTooPrecise(_))
        ));
        assert!(matches!(
            parse_aion("1e3"),
            Err(AionError::AmountNotANumber(_))
        ));
        assert!(matches!(
            parse_aion(&"9".repeat(40)),
            Err(AionError::AmountTooLarge(_))
        ));
    }
}
