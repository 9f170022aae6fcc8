//! Is the KES period an opcert is about to be issued for plausible now? An opcert for a
//! period far in the future is not valid until then; one far in the past has already expired
//! or soon will. Both still move the counter, so a typo costs an issue number.

use chrono::{DateTime, Utc};

use crate::core::chain::clock::ChainClock;

/// How far from the current period an issue may start: one either side, for a clock that is
/// a little off or a period boundary that passes while the operator types.
pub const SLACK: u64 = 1;

/// The current KES period on one network.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CurrentPeriod {
    pub network: String,
    pub period: u64,
}

/// The current period at `now` on each of the networks given.
pub fn current_periods(now: DateTime<Utc>, networks: &[(&str, ChainClock)]) -> Vec<CurrentPeriod> {
    networks
        .iter()
        .filter_map(|(name, clock)| {
            clock.point_at(now).ok().map(|p| CurrentPeriod {
                network: (*name).to_owned(),
                period: p.kes_period,
            })
        })
        .collect()
}

/// The public networks an offline `issue-op-cert` may be for (it names none).
pub fn public_networks() -> Vec<(&'static str, ChainClock)> {
    vec![
        ("mainnet", ChainClock::mainnet()),
        ("preprod", ChainClock::preprod()),
        ("preview", ChainClock::preview()),
    ]
}

/// True when `requested` is within [`SLACK`] of the current period on any of the networks.
pub fn is_plausible(requested: u64, current: &[CurrentPeriod]) -> bool {
    current
        .iter()
        .any(|c| requested.abs_diff(c.period) <= SLACK)
}

/// "1578 on mainnet, 1311 on preprod, 934 on preview", for messages.
pub fn describe(current: &[CurrentPeriod]) -> String {
    current
        .iter()
        .map(|c| format!("{} on {}", c.period, c.network))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::core::chain::clock::parse_time;

    #[test]
    fn only_periods_next_to_now_are_plausible() {
        let now = parse_time("2026-11-21T12:00:00Z").unwrap();
        let current = current_periods(now, &public_networks()[..1]);
        let p = current[0].period;
        assert!(is_plausible(p, &current));
        assert!(is_plausible(p - 1, &current));
        assert!(is_plausible(p + 1, &current));
        assert!(!is_plausible(p + 2, &current));
        assert!(!is_plausible(0, &current));
        assert!(!is_plausible(u64::MAX, &current));
        assert_eq!(describe(&current), format!("{p} on mainnet"));
    }
}
