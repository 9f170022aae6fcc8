//! The KES figures in cardano-node's Prometheus text (its `/metrics` page, port 12798 by
//! default).
//!
//! The metric names changed between node versions (`cardano_node_Forge_metrics_…` in the
//! legacy tracing system, `cardano_node_metrics_…` in the new one) and some setups add labels
//! such as `{network="mainnet"}`, so a metric is recognised by how its name ends. Only the
//! figures the KES screens need are read; every other line is ignored, and so is a line whose
//! value is not a whole number of 0 or more, so one odd line never hides the others.

use chrono::{DateTime, Utc};

use crate::core::chain::clock::ChainClock;

/// KES figures as a block producer reports them; `None` when the node did not print one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct NodeKes {
    pub current_period: Option<u64>,
    pub remaining_periods: Option<u64>,
    pub opcert_start: Option<u64>,
    pub opcert_expiry: Option<u64>,
    pub slot: Option<u64>,
}

/// A KES period on every public network: 129 600 slots of one second (36 hours), the fallback
/// when the node's network clock is not known.
pub const STANDARD_KES_PERIOD_MS: i64 = 129_600 * 1000;

impl NodeKes {
    /// Time left, in milliseconds, from `at` (when the node answered) to the start of its
    /// opcert's expiry period by `clock`; without a clock (or an expiry period), its remaining
    /// periods at the standard length. Saturates instead of overflowing.
    pub fn time_left_ms(&self, clock: Option<&ChainClock>, at: DateTime<Utc>) -> Option<i64> {
        let expiry = self.expiry_time(clock);
        expiry.map(|e| (e - at).num_milliseconds()).or_else(|| {
            self.remaining_periods.map(|r| {
                i64::try_from(r)
                    .unwrap_or(i64::MAX)
                    .saturating_mul(STANDARD_KES_PERIOD_MS)
            })
        })
    }

    /// When the opcert's expiry period starts, by the network's clock.
    pub fn expiry_time(&self, clock: Option<&ChainClock>) -> Option<DateTime<Utc>> {
        let (p, c) = (self.opcert_expiry?, clock?);
        c.slot_start(p.checked_mul(c.slots_per_kes_period)?).ok()
    }

    fn has_kes(&self) -> bool {
        self.current_period.is_some()
            || self.remaining_periods.is_some()
            || self.opcert_start.is_some()
            || self.opcert_expiry.is_some()
    }
}

/// The message when the page has none of the four KES metrics.
const NO_KES: &str = "the endpoint answered, but its metrics have no KES figures: is it a block producer with forging enabled (a relay has none)?";

/// Reads the KES figures from a Prometheus text page. When a metric appears more than once
/// (for instance with different labels), the last readable line wins.
pub fn parse(text: &str) -> Result<NodeKes, String> {
    let mut kes = NodeKes::default();
    for line in text.lines() {
        let Some((name, value)) = sample(line) else {
            continue;
        };
        let field = if ends_with_part(name, "currentKESPeriod_int") {
            &mut kes.current_period
        } else if ends_with_part(name, "remainingKESPeriods_int") {
            &mut kes.remaining_periods
        } else if ends_with_part(name, "operationalCertificateStartKESPeriod_int") {
            &mut kes.opcert_start
        } else if ends_with_part(name, "operationalCertificateExpiryKESPeriod_int") {
            &mut kes.opcert_expiry
        } else if ends_with_part(name, "slotNum_int") {
            &mut kes.slot
        } else {
            continue;
        };
        *field = Some(value);
    }
    if kes.has_kes() {
        Ok(kes)
    } else {
        Err(NO_KES.to_owned())
    }
}

/// `name` is `suffix` itself or ends with `_suffix`, so `xcurrentKESPeriod_int` does not count.
fn ends_with_part(name: &str, suffix: &str) -> bool {
    match name.strip_suffix(suffix) {
        Some("") => true,
        Some(head) => head.ends_with('_'),
        None => false,
    }
}

/// One sample line as (metric name, value); `None` for comments, blank lines and lines that
/// cannot be read as a whole number.
fn sample(line: &str) -> Option<(&str, u64)> {
    let line = line.trim();
    if line.is_empty() || line.starts_with('#') {
        return None;
    }
    let name_end = line
        .find(|c: char| c == '{' || c.is_whitespace())
        .unwrap_or(line.len());
    let (name, rest) = line.split_at(name_end);
    let rest = if rest.starts_with('{') {
        &rest[label_end(rest)?..]
    } else {
        rest
    };
    let mut words = rest.split_whitespace();
    let value = whole_number(words.next()?)?;
    // An optional timestamp (milliseconds, may be negative) and nothing else.
    if let Some(stamp) = words.next() {
        stamp.parse::<i64>().ok()?;
    }
    if words.next().is_some() {
        return None;
    }
    Some((name, value))
}

/// Byte index just after the `}` closing the label set that `text` starts with; quoted label
/// values may hold `}`, spaces and backslash escapes.
fn label_end(text: &str) -> Option<usize> {
    let mut quoted = false;
    let mut escaped = false;
    for (i, c) in text.char_indices() {
        if escaped {
            escaped = false;
        } else if quoted {
            match c {
                '\\' => escaped = true,
                '"' => quoted = false,
                _ => {}
            }
        } else if c == '"' {
            quoted = true;
        } else if c == '}' {
            return Some(i + 1);
        }
    }
    None
}

/// `55`, `55.0` or `5.5e1` as 55; negative, fractional, infinite and NaN values are `None`.
fn whole_number(text: &str) -> Option<u64> {
    if let Ok(n) = text.parse::<u64>() {
        return Some(n);
    }
    let x = text.parse::<f64>().ok()?;
    // 2^64 is the first value a u64 cannot hold; the cast below is exact for whole x under it.
    const LIMIT: f64 = 18_446_744_073_709_551_616.0;
    if x.is_finite() && x >= 0.0 && x.fract() == 0.0 && x < LIMIT {
        Some(x as u64)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LEGACY: &str = "\
# TYPE cardano_node_Forge_metrics_currentKESPeriod_int gauge
cardano_node_Forge_metrics_currentKESPeriod_int 1031
cardano_node_Forge_metrics_remainingKESPeriods_int 55
cardano_node_Forge_metrics_operationalCertificateStartKESPeriod_int 1024
cardano_node_Forge_metrics_operationalCertificateExpiryKESPeriod_int 1086
cardano_node_metrics_slotNum_int 133660800
rts_gc_gc_cpu_ms 12345
";

    #[test]
    fn legacy_names() {
        assert_eq!(
            parse(LEGACY),
            Ok(NodeKes {
                current_period: Some(1031),
                remaining_periods: Some(55),
                opcert_start: Some(1024),
                opcert_expiry: Some(1086),
                slot: Some(133_660_800),
            })
        );
    }

    #[test]
    fn new_names_with_labels_floats_and_timestamps() {
        let text = "\
cardano_node_metrics_currentKESPeriod_int{network=\"mainnet\"} 1031.0 1725227091000

cardano_node_metrics_remainingKESPeriods_int{a=\"x } y\",b=\"q\\\"}\"} 5.5e1
cardano_node_metrics_operationalCertificateStartKESPeriod_int 1024
cardano_node_metrics_slotNum_int   133660800   -5
";
        assert_eq!(
            parse(text),
            Ok(NodeKes {
                current_period: Some(1031),
                remaining_periods: Some(55),
                opcert_start: Some(1024),
                opcert_expiry: None,
                slot: Some(133_660_800),
            })
        );
    }

    #[test]
    fn odd_values_are_ignored_line_by_line() {
        let text = "\
cardano_node_metrics_currentKESPeriod_int -3
cardano_node_metrics_remainingKESPeriods_int 5.5
cardano_node_metrics_operationalCertificateStartKESPeriod_int NaN
cardano_node_metrics_operationalCertificateExpiryKESPeriod_int +Inf
cardano_node_metrics_operationalCertificateExpiryKESPeriod_int 1e20
cardano_node_metrics_slotNum_int 7 8 9
cardano_node_metrics_currentKESPeriod_int 12 notatime
cardano_node_metrics_currentKESPeriod_int{unclosed=\"x\" 12
xcurrentKESPeriod_int 4
cardano_node_metrics_remainingKESPeriods_int 18446744073709551615
";
        assert_eq!(
            parse(text),
            Ok(NodeKes {
                remaining_periods: Some(u64::MAX),
                ..NodeKes::default()
            })
        );
    }

    #[test]
    fn last_readable_line_wins() {
        let text = "currentKESPeriod_int 1\ncurrentKESPeriod_int 2\ncurrentKESPeriod_int x\n";
        assert_eq!(parse(text).map(|k| k.current_period), Ok(Some(2)));
    }

    #[test]
    fn relay_page_has_no_kes() {
        let relay = "# HELP x\ncardano_node_metrics_slotNum_int 99\nrts_gc_bytes_allocated 1\n";
        assert_eq!(parse(relay), Err(NO_KES.to_owned()));
        assert_eq!(
            parse(""),
            Err("the endpoint answered, but its metrics have no KES figures: is it a block producer with forging enabled (a relay has none)?".to_owned())
        );
        assert_eq!(parse("<html>404</html>"), Err(NO_KES.to_owned()));
    }

    #[test]
    fn time_left_by_the_clock_or_by_standard_periods() {
        let at = crate::core::chain::clock::parse_time("2026-11-21T12:00:00Z").unwrap();
        let by_periods = NodeKes {
            remaining_periods: Some(2),
            ..NodeKes::default()
        };
        assert_eq!(
            by_periods.time_left_ms(None, at),
            Some(2 * STANDARD_KES_PERIOD_MS)
        );
        let huge = NodeKes {
            remaining_periods: Some(u64::MAX),
            ..NodeKes::default()
        };
        assert_eq!(huge.time_left_ms(None, at), Some(i64::MAX));
        let clock = ChainClock::mainnet();
        let now = clock.point_at(at).unwrap();
        let by_clock = NodeKes {
            opcert_expiry: Some(now.kes_period + 1),
            remaining_periods: Some(99),
            ..NodeKes::default()
        };
        let start = clock
            .slot_start((now.kes_period + 1) * clock.slots_per_kes_period)
            .unwrap();
        assert_eq!(
            by_clock.time_left_ms(Some(&clock), at),
            Some((start - at).num_milliseconds())
        );
    }
}
