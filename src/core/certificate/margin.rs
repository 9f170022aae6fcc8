//! Pool margin: an exact, reduced rational in [0, 1] (the ledger's UnitInterval, tag 30).

use std::fmt;
use thiserror::Error;

use crate::core::message::quote::{bare, quote};

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum MarginError {
    // The margin as typed; shown through core::message::quote (escaped, shortened, never a secret).
    #[error(
        "margin {} is not a number: write a decimal such as 0.015 or a fraction such as 3/200",
        quote(.0)
    )]
    NotANumber(String),
    #[error("margin {} is negative: it must be between 0 and 1", bare(.0))]
    Negative(String),
    #[error(
        "margin {} is above 1: it is a fraction between 0 and 1 (0.015 means 1.5%)",
        bare(.0)
    )]
    AboveOne(String),
    #[error("margin {} divides by zero", bare(.0))]
    ZeroDenominator(String),
    #[error("margin {} has too many digits to be stored exactly (numerator and denominator must fit in 64 bits)", bare(.0))]
    TooPrecise(String),
}

/// A rational number in [0, 1], always stored reduced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct UnitInterval {
    numerator: u64,
    denominator: u64,
}

fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

impl UnitInterval {
    pub const ZERO: Self = Self {
        numerator: 0,
        denominator: 1,
    };

    /// Reduces `numerator / denominator`; fails outside [0, 1] or with a zero denominator.
    pub fn new(numerator: u64, denominator: u64) -> Result<Self, MarginError> {
        Self::reduce(
            u128::from(numerator),
            u128::from(denominator),
            &format!("{numerator}/{denominator}"),
        )
    }

    fn reduce(num: u128, den: u128, shown: &str) -> Result<Self, MarginError> {
        if den == 0 {
            return Err(MarginError::ZeroDenominator(shown.to_owned()));
        }
        if num > den {
            return Err(MarginError::AboveOne(shown.to_owned()));
        }
        let g = gcd(num, den).max(1);
        let (n, d) = (num / g, den / g);
        match (u64::try_from(n), u64::try_from(d)) {
            (Ok(numerator), Ok(denominator)) => Ok(Self {
                numerator,
                denominator,
            }),
            _ => Err(MarginError::TooPrecise(shown.to_owned())),
        }
    }

    /// Builds a margin exactly as stored on chain, without reducing (used when decoding).
    pub fn from_raw(numerator: u64, denominator: u64) -> Option<Self> {
        (denominator != 0 && numerator <= denominator).then_some(Self {
            numerator,
            denominator,
        })
    }

    pub fn numerator(self) -> u64 {
        self.numerator
    }

    pub fn denominator(self) -> u64 {
        self.denominator
    }

    /// Parses cardano-cli's `--pool-margin RATIONAL`: a decimal (`0.015`) or a fraction (`3/200`).
    pub fn parse(text: &str) -> Result<Self, MarginError> {
        let t = text.trim();
        if t.starts_with('-') {
            return Err(MarginError::Negative(t.to_owned()));
        }
        if let Some((n, d)) = t.split_once('/') {
            let num = parse_digits(n.trim(), t)?;
            let den = parse_digits(d.trim(), t)?;
            return Self::reduce(num, den, t);
        }
        let (num, den) = parse_decimal(t)?;
        Self::reduce(num, den, t)
    }

    /// Parses a percentage as typed in the console: `1.5`, `1.5%` → 3/200.
    pub fn parse_percent(text: &str) -> Result<Self, MarginError> {
        let t = text.trim().trim_end_matches('%').trim();
        if t.starts_with('-') {
            return Err(MarginError::Negative(format!("{t}%")));
        }
        let (num, den) = parse_decimal(t)?;
        let den = den
            .checked_mul(100)
            .ok_or_else(|| MarginError::TooPrecise(format!("{t}%")))?;
        Self::reduce(num, den, &format!("{t}%")).map_err(|e| match e {
            MarginError::AboveOne(s) => MarginError::AboveOne(s.replace('%', "% (over 100%)")),
            other => other,
        })
    }

    /// The margin as a percentage with up to `max_decimals` decimals, trailing zeros removed.
    pub fn percent_string(self, max_decimals: u32) -> String {
        // u64 × 100 × 10^17 still fits in a u128; more decimals than that would overflow.
        let max_decimals = max_decimals.min(17);
        let scale = 10u128.pow(max_decimals);
        let scaled = u128::from(self.numerator) * 100 * scale;
        let den = u128::from(self.denominator);
        let rounded = (scaled + den / 2) / den;
        let whole = rounded / scale;
        let frac = rounded % scale;
        let exact = scaled.is_multiple_of(den);
        let approx = if exact { "" } else { "≈" };
        if frac == 0 {
            return format!("{approx}{whole}%");
        }
        let digits = format!("{frac:0width$}", width = max_decimals as usize);
        format!("{approx}{whole}.{}%", digits.trim_end_matches('0'))
    }
}

fn parse_digits(s: &str, whole: &str) -> Result<u128, MarginError> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(MarginError::NotANumber(whole.to_owned()));
    }
    s.parse::<u128>()
        .map_err(|_| MarginError::TooPrecise(whole.to_owned()))
}

/// `"0.015"` → (15, 1000); `"1"` → (1, 1).
fn parse_decimal(t: &str) -> Result<(u128, u128), MarginError> {
    let (int, frac) = t.split_once('.').unwrap_or((t, ""));
    // Trailing zeros change nothing; dropping them keeps "0.10000…0" exact and in range.
    let frac = frac.trim_end_matches('0');
    if int.is_empty() && frac.is_empty() {
        return Err(MarginError::NotANumber(t.to_owned()));
    }
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(int) || !all_digits(frac) {
        return Err(MarginError::NotANumber(t.to_owned()));
    }
    let digits = format!("{int}{frac}");
    let digits = digits.trim_start_matches('0');
    let exp = u32::try_from(frac.len()).map_err(|_| MarginError::TooPrecise(t.to_owned()))?;
    let den = 10u128
        .checked_pow(exp)
        .ok_or_else(|| MarginError::TooPrecise(t.to_owned()))?;
    let num = if digits.is_empty() {
        0
    } else {
        digits
            .parse::<u128>()
            .map_err(|_| MarginError::TooPrecise(t.to_owned()))?
    };
    Ok((num, den))
}

impl fmt::Display for UnitInterval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.numerator, self.denominator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_and_fractions_reduce() {
        assert_eq!(
            UnitInterval::parse("0.015").unwrap(),
            UnitInterval::new(3, 200).unwrap()
        );
        assert_eq!(UnitInterval::parse("0.1").unwrap().to_string(), "1/10");
        assert_eq!(UnitInterval::parse("0").unwrap().to_string(), "0/1");
        assert_eq!(UnitInterval::parse("1").unwrap().to_string(), "1/1");
        assert_eq!(UnitInterval::parse("2/6").unwrap().to_string(), "1/3");
        assert_eq!(UnitInterval::parse(".5").unwrap().to_string(), "1/2");
        assert_eq!(
            UnitInterval::parse(&format!("0.1{}", "0".repeat(40)))
                .unwrap()
                .to_string(),
            "1/10"
        );
        assert_eq!(
            UnitInterval::parse_percent("1.5%").unwrap().to_string(),
            "3/200"
        );
    }

    #[test]
    fn out_of_range_is_explained() {
        assert_eq!(
            UnitInterval::parse("1.5").unwrap_err().to_string(),
            "margin 1.5 is above 1: it is a fraction between 0 and 1 (0.015 means 1.5%)"
        );
        assert!(matches!(
            UnitInterval::parse("-0.1"),
            Err(MarginError::Negative(_))
        ));
        assert!(matches!(
            UnitInterval::parse("1/0"),
            Err(MarginError::ZeroDenominator(_))
        ));
        assert!(matches!(
            UnitInterval::parse("abc"),
            Err(MarginError::NotANumber(_))
        ));
        assert!(matches!(
            UnitInterval::parse("1e-2"),
            Err(MarginError::NotANumber(_))
        ));
    }

    #[test]
    fn typed_margins_are_quoted_safely() {
        assert_eq!(
            UnitInterval::parse("0.1\u{1b}[2K").unwrap_err().to_string(),
            "margin \"0.1\\x1b[2K\" is not a number: write a decimal such as 0.015 or a fraction such as 3/200"
        );
        assert_eq!(
            UnitInterval::parse("-\u{9b}").unwrap_err().to_string(),
            "margin -\\u{9b} is negative: it must be between 0 and 1"
        );
    }

    #[test]
    fn percent_display() {
        assert_eq!(UnitInterval::new(3, 200).unwrap().percent_string(4), "1.5%");
        assert_eq!(
            UnitInterval::new(1, 3).unwrap().percent_string(2),
            "≈33.33%"
        );
        assert_eq!(UnitInterval::new(1, 1).unwrap().percent_string(2), "100%");
        // Beyond 17 decimals the count is capped rather than overflowing.
        let max = UnitInterval::new(u64::MAX, u64::MAX).unwrap();
        assert_eq!(max.percent_string(40), "100%");
        assert_eq!(
            UnitInterval::new(1, 3).unwrap().percent_string(30),
            "≈33.33333333333333333%"
        );
    }
}
