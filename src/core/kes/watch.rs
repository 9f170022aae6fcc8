//! Watching KES windows: how urgent a pool's rotation is, in which order to list pools, and the
//! date to rotate by. Pure: the caller passes the window computed for its "now".

use chrono::{DateTime, Duration, Utc};

use crate::core::chain::clock::{KesState, KesWindow};

const DAY_MS: i64 = 86_400_000;

/// When a window starts to warn and to alarm, in days before expiry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Thresholds {
    pub warn_days: u32,
    pub alert_days: u32,
}

impl Default for Thresholds {
    fn default() -> Self {
        Self {
            warn_days: 14,
            alert_days: 3,
        }
    }
}

/// How soon the KES key needs rotating. Ordered most urgent first, so sorting by it lists the
/// pools that need attention at the top.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Urgency {
    /// The node cannot make blocks with this opcert any more.
    Expired,
    /// The opcert's start period is still ahead: the node refuses it until then, so this is as
    /// urgent as an alert (an opcert is issued for the current period, never a future one).
    NotYetValid,
    /// Less than `alert_days` left.
    Alert,
    /// Less than `warn_days` left.
    Warn,
    Fine,
}

impl Urgency {
    pub fn of(w: &KesWindow, t: Thresholds) -> Self {
        match w.state {
            KesState::Expired => Self::Expired,
            KesState::NotYetValid => Self::NotYetValid,
            KesState::Valid => Self::by_time_left(w.remaining_ms, t),
        }
    }

    /// The thresholds alone, for a time left known without a window (a node's own figures).
    pub fn by_time_left(remaining_ms: i64, t: Thresholds) -> Self {
        if remaining_ms <= 0 {
            Self::Expired
        } else if remaining_ms < i64::from(t.alert_days) * DAY_MS {
            Self::Alert
        } else if remaining_ms < i64::from(t.warn_days) * DAY_MS {
            Self::Warn
        } else {
            Self::Fine
        }
    }

    /// One word for lists and JSON.
    pub fn label(self) -> &'static str {
        match self {
            Self::Expired => "expired",
            Self::NotYetValid => "not-yet-valid",
            Self::Alert => "alert",
            Self::Warn => "warn",
            Self::Fine => "fine",
        }
    }

    /// The status in words (never only a colour).
    pub fn words(self, days_left: i64) -> String {
        match self {
            Self::Fine => format!("OK: {days_left} days left"),
            Self::Warn => format!("Rotate within {days_left} days"),
            Self::Alert => format!("Rotate now: {days_left} days left"),
            Self::Expired => "Expired: the node cannot make blocks".to_owned(),
            Self::NotYetValid => "Not valid yet: its start period is in the future".to_owned(),
        }
    }
}

/// Whole days and the hours after them, of a time left in milliseconds (0, 0 when none is left).
pub fn days_and_hours(remaining_ms: i64) -> (i64, i64) {
    let ms = remaining_ms.max(0);
    (ms / DAY_MS, (ms % DAY_MS) / 3_600_000)
}

/// The date to rotate by: when the window enters the warning band. Rotating then leaves
/// `warn_days` of margin for a failed attempt, a holiday or a slow offline machine.
pub fn rotate_by(w: &KesWindow, t: Thresholds) -> DateTime<Utc> {
    // Saturates: a warning band of millions of days means "now" is already inside it.
    w.expiry_time
        .checked_sub_signed(Duration::days(i64::from(t.warn_days)))
        .unwrap_or(DateTime::<Utc>::MIN_UTC)
}

/// Sort key for a list of pools: most urgent first, then the least time left.
pub fn sort_key(w: &KesWindow, t: Thresholds) -> (Urgency, i64) {
    (Urgency::of(w, t), w.remaining_ms)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::chain::clock::{format_utc, ChainClock};

    /// Mainnet: KES period p starts at slot p × 129600, Unix time 1591566291 + slot.
    fn period_start(p: u64) -> DateTime<Utc> {
        ChainClock::mainnet().slot_start(p * 129_600).unwrap()
    }

    fn window_at(start: u64, now: DateTime<Utc>) -> KesWindow {
        ChainClock::mainnet().kes_window(start, now).unwrap()
    }

    const S: u64 = 1571;

    #[test]
    fn last_second_before_the_start_period_is_not_yet_valid() {
        let w = window_at(S, period_start(S) - Duration::seconds(1));
        assert_eq!(w.state, KesState::NotYetValid);
        assert_eq!(w.current_period, S - 1);
        assert_eq!(w.periods_left, 0);
        assert_eq!(Urgency::of(&w, Thresholds::default()), Urgency::NotYetValid);
    }

    #[test]
    fn first_second_of_the_start_period_has_all_periods_left() {
        let w = window_at(S, period_start(S));
        assert_eq!(w.state, KesState::Valid);
        assert_eq!(w.current_period, S);
        assert_eq!(w.periods_left, 61);
        assert_eq!(w.last_period, S + 61);
        assert_eq!(w.remaining_ms, 62 * 129_600 * 1000);
        assert_eq!(days_and_hours(w.remaining_ms), (93, 0));
        assert_eq!(Urgency::of(&w, Thresholds::default()), Urgency::Fine);
    }

    #[test]
    fn last_second_of_a_period_and_first_of_the_next() {
        let last = window_at(S, period_start(S + 1) - Duration::seconds(1));
        assert_eq!((last.current_period, last.periods_left), (S, 61));
        let first = window_at(S, period_start(S + 1));
        assert_eq!((first.current_period, first.periods_left), (S + 1, 60));
        assert_eq!(last.remaining_ms - first.remaining_ms, 1000);
    }

    #[test]
    fn last_valid_period_then_expired() {
        let last_second = window_at(S, period_start(S + 62) - Duration::seconds(1));
        assert_eq!(last_second.state, KesState::Valid);
        assert_eq!(last_second.current_period, S + 61);
        assert_eq!(last_second.periods_left, 0);
        assert_eq!(last_second.remaining_ms, 1000);
        assert_eq!(
            Urgency::of(&last_second, Thresholds::default()),
            Urgency::Alert
        );
        let expired = window_at(S, period_start(S + 62));
        assert_eq!(expired.state, KesState::Expired);
        assert_eq!(expired.current_period, S + 62);
        assert_eq!(expired.remaining_ms, 0);
        assert_eq!(
            format_utc(expired.expiry_time),
            format_utc(period_start(S + 62))
        );
        assert_eq!(
            Urgency::of(&expired, Thresholds::default()),
            Urgency::Expired
        );
    }

    #[test]
    fn thresholds_switch_exactly_at_their_day_count() {
        let t = Thresholds::default();
        let expiry = period_start(S + 62);
        let at = |d: i64, s: i64| {
            Urgency::of(
                &window_at(S, expiry - Duration::days(d) + Duration::seconds(s)),
                t,
            )
        };
        assert_eq!(at(14, 0), Urgency::Fine);
        assert_eq!(at(14, 1), Urgency::Warn);
        assert_eq!(at(3, 0), Urgency::Warn);
        assert_eq!(at(3, 1), Urgency::Alert);
    }

    #[test]
    fn rotate_by_is_the_start_of_the_warning_band() {
        let w = window_at(S, period_start(S));
        assert_eq!(
            format_utc(rotate_by(&w, Thresholds::default())),
            format_utc(period_start(S + 62) - Duration::days(14))
        );
    }

    #[test]
    fn a_huge_warning_band_does_not_panic() {
        let w = window_at(S, period_start(S));
        let t = Thresholds {
            warn_days: u32::MAX,
            ..Thresholds::default()
        };
        assert_eq!(rotate_by(&w, t), DateTime::<Utc>::MIN_UTC);
    }

    #[test]
    fn sorting_puts_the_most_urgent_first() {
        let now = period_start(S + 30);
        let t = Thresholds::default();
        // Ends at S+62−70 (expired), starts ahead, 1 period (36 h) left, 5 (7.5 days), 62.
        let mut starts = [S + 30, S - 27, S - 31, S + 31, S - 70];
        starts.sort_by_key(|s| sort_key(&window_at(*s, now), t));
        assert_eq!(starts, [S - 70, S + 31, S - 31, S - 27, S + 30]);
        let words: Vec<_> = starts
            .iter()
            .map(|s| Urgency::of(&window_at(*s, now), t).label())
            .collect();
        assert_eq!(words, ["expired", "not-yet-valid", "alert", "warn", "fine"]);
    }
}
