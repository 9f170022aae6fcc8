//! ADA amounts as people type them, and lovelace as the ledger stores them.

use thiserror::Error;

use crate::core::message::quote::quote;

pub const LOVELACE_PER_ADA: u64 = 1_000_000;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum AmountError {
    #[error("enter an amount in ADA, e.g. 250000 or 340.5")]
    Empty,
    // The amount as typed, shown through core::message::quote.
    #[error(
        "{} is not an amount: use digits, an optional decimal point and up to 6 decimals",
        quote(.0)
    )]
    NotANumber(String),
    #[error("{} has more than 6 decimals (1 lovelace = 0.000001 ADA)", quote(.0))]
    TooPrecise(String),
    #[error("{} is more ADA than exists", quote(.0))]
    TooLarge(String),
}

/// Parses ADA (`250000`, `250 000`, `250,000`, `340.5`) into lovelace, exactly.
pub fn parse_ada(text: &str) -> Result<u64, AmountError> {
    let t: String = text
        .trim()
        .trim_end_matches("ADA")
        .trim_end_matches("ada")
        .chars()
        .filter(|c| !matches!(c, ' ' | ',' | '_' | '\u{202f}' | '\u{a0}'))
        .collect();
    if t.is_empty() {
        return Err(AmountError::Empty);
    }
    let (whole, frac) = t.split_once('.').unwrap_or((&t, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || !digits(frac) || (whole.is_empty() && frac.is_empty()) {
        return Err(AmountError::NotANumber(text.trim().to_owned()));
    }
    if frac.len() > 6 {
        return Err(AmountError::TooPrecise(text.trim().to_owned()));
    }
    let too_large = || AmountError::TooLarge(text.trim().to_owned());
    let whole: u64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| too_large())?
    };
    let frac_value: u64 = if frac.is_empty() {
        0
    } else {
        format!("{frac:0<6}")
            .parse()
            .map_err(|_| AmountError::NotANumber(text.trim().to_owned()))?
    };
    whole
        .checked_mul(LOVELACE_PER_ADA)
        .and_then(|l| l.checked_add(frac_value))
        .ok_or_else(too_large)
}

/// Lovelace as plain ADA text that `parse_ada` reads back (`340`, `340.5`).
pub fn ada_text(lovelace: u64) -> String {
    let whole = lovelace / LOVELACE_PER_ADA;
    let frac = lovelace % LOVELACE_PER_ADA;
    if frac == 0 {
        whole.to_string()
    } else {
        format!("{whole}.{}", format!("{frac:06}").trim_end_matches('0'))
    }
}

/// Lovelace as ADA for people, in digit groups: `100 000 ADA`, `0.5 ADA` (the one
/// formatter every screen and report uses; [`ada_text`] is its machine-readable twin).
pub fn format_ada(lovelace: u64) -> String {
    with_fraction(group_digits(lovelace / LOVELACE_PER_ADA), lovelace)
}

/// The digit-group separator: a no-break space, which egui's default font draws and never
/// wraps at (egui treats U+202F, the thin one, as a place to break), and `parse_ada` skips.
pub const GROUP_SEPARATOR: char = '\u{a0}';

/// A whole number in groups of three digits: `100 000 000 000` (separated by
/// [`GROUP_SEPARATOR`]), so long lovelace amounts read at a glance.
pub fn group_digits(n: u64) -> String {
    group(n, GROUP_SEPARATOR)
}

fn group(n: u64, separator: char) -> String {
    let digits = n.to_string();
    let mut grouped = String::with_capacity(digits.len() * 4 / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(separator);
        }
        grouped.push(c);
    }
    grouped
}

/// `<whole>.<decimals> ADA`, the decimals (if any) as [`ada_text`] writes them.
fn with_fraction(whole: String, lovelace: u64) -> String {
    match ada_text(lovelace).split_once('.') {
        Some((_, frac)) => format!("{whole}.{frac} ADA"),
        None => format!("{whole} ADA"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_exactly() {
        assert_eq!(parse_ada("250000"), Ok(250_000_000_000));
        assert_eq!(parse_ada("250 000 ADA"), Ok(250_000_000_000));
        assert_eq!(parse_ada("340.5"), Ok(340_500_000));
        assert_eq!(parse_ada("0.000001"), Ok(1));
        assert!(matches!(
            parse_ada("1.0000001"),
            Err(AmountError::TooPrecise(_))
        ));
        assert!(matches!(parse_ada("abc"), Err(AmountError::NotANumber(_))));
        assert!(matches!(
            parse_ada("99999999999999999999"),
            Err(AmountError::TooLarge(_))
        ));
        assert_eq!(parse_ada(""), Err(AmountError::Empty));
        assert_eq!(ada_text(340_500_000), "340.5");
        assert_eq!(parse_ada(&ada_text(123_456_789)), Ok(123_456_789));
    }

    #[test]
    fn groups_digits_by_three() {
        let nb = |s: &str| s.replace(' ', "\u{a0}");
        assert_eq!(group_digits(0), "0");
        assert_eq!(group_digits(999), "999");
        assert_eq!(group_digits(1000), nb("1 000"));
        assert_eq!(group_digits(100_000_000_000), nb("100 000 000 000"));
        assert_eq!(group_digits(u64::MAX), nb("18 446 744 073 709 551 615"));
        assert_eq!(format_ada(100_000_000_000), nb("100 000") + " ADA");
        assert_eq!(format_ada(1_234_500_000), nb("1 234.5") + " ADA");
        assert_eq!(format_ada(0), "0 ADA");
        assert_eq!(parse_ada(&format_ada(u64::MAX)), Ok(u64::MAX));
    }
}
