//! Watching KES windows: how urgent a pool's rotation is, in which order to list pools, and the
//! date to rotate by. Pure: the caller passes the window computed for its "now".

use chrono::{DateTime, Duration, Utc};

use crate::core::chain::clock::{format_countdown, KesState, KesWindow};

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

    /// The status in words (never only a colour), for a time left in milliseconds.
    pub fn words(self, remaining_ms: i64) -> String {
        let (d, h) = days_and_hours(remaining_ms);
        match self {
            Self::Fine => format!("OK: {} left", plural(d, "day")),
            Self::Warn => format!("Overdue: rotate within {}", plural(d.max(1), "day")),
            Self::Alert => format!(
                "Alert: rotate now, {} {} left",
                plural(d, "day"),
                plural(h, "hour")
            ),
            Self::Expired => "Expired: the node makes no blocks".to_owned(),
            Self::NotYetValid => {
                "Not valid yet: the node refuses it until its start period".to_owned()
            }
        }
    }
}

fn plural(n: i64, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// What "periods left" means wherever it is shown: [`KesWindow::periods_left`] counts the
/// current period too, as cardano-node's `remainingKESPeriods` does.
pub const PERIODS_LEFT_MEANING: &str = "this one included";

/// "51 KES periods left, this one included" (or "no KES periods left").
pub fn periods_left_words(periods_left: u64) -> String {
    match periods_left {
        0 => "no KES periods left".to_owned(),
        1 => format!("1 KES period left, {PERIODS_LEFT_MEANING}"),
        n => format!("{n} KES periods left, {PERIODS_LEFT_MEANING}"),
    }
}

/// The one date that matters for a pool, and what it means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deadline {
    /// The rotate-by date is still ahead.
    RotateBy(DateTime<Utc>),
    /// The rotate-by date has passed; the key still works until `expires`.
    Overdue {
        since: DateTime<Utc>,
        expires: DateTime<Utc>,
    },
    /// The opcert ended then: the node makes no blocks.
    Expired(DateTime<Utc>),
    /// The opcert starts then; the node refuses it until that time.
    NotYetValid(DateTime<Utc>),
}

impl Deadline {
    /// The deadline of a window, by the same thresholds as its [`Urgency`].
    pub fn of(w: &KesWindow, t: Thresholds) -> Self {
        match Urgency::of(w, t) {
            Urgency::Fine => Self::RotateBy(rotate_by(w, t)),
            Urgency::Warn | Urgency::Alert => Self::Overdue {
                since: rotate_by(w, t),
                expires: w.expiry_time,
            },
            Urgency::Expired => Self::Expired(w.expiry_time),
            Urgency::NotYetValid => Self::NotYetValid(w.start_time),
        }
    }

    /// The headline, with dates written by `date` (the console writes local time): "Rotate by
    /// ⟨date⟩ (in 61 days)", "Overdue since ⟨date⟩", "Expired since ⟨date⟩ — the node makes no
    /// blocks", "Not valid until ⟨date⟩ — the node refuses it until then".
    pub fn headline(&self, now: DateTime<Utc>, date: &dyn Fn(DateTime<Utc>) -> String) -> String {
        match *self {
            Self::RotateBy(at) => format!(
                "Rotate by {} (in {})",
                date(at),
                format_countdown((at - now).num_milliseconds())
            ),
            Self::Overdue { since, .. } => format!("Overdue since {}", date(since)),
            Self::Expired(at) => format!("Expired since {} — the node makes no blocks", date(at)),
            Self::NotYetValid(at) => format!(
                "Not valid until {} — the node refuses it until then",
                date(at)
            ),
        }
    }

    /// Whether a reminder can still be set for the rotate-by date (never for a past date).
    pub fn can_remind(&self) -> bool {
        matches!(self, Self::RotateBy(_))
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
        assert_eq!(w.periods_left, 62);
        assert_eq!(w.last_period, S + 61);
        assert_eq!(w.remaining_ms, 62 * 129_600 * 1000);
        assert_eq!(days_and_hours(w.remaining_ms), (93, 0));
        assert_eq!(Urgency::of(&w, Thresholds::default()), Urgency::Fine);
    }

    #[test]
    fn last_second_of_a_period_and_first_of_the_next() {
        let last = window_at(S, period_start(S + 1) - Duration::seconds(1));
        assert_eq!((last.current_period, last.periods_left), (S, 62));
        let first = window_at(S, period_start(S + 1));
        assert_eq!((first.current_period, first.periods_left), (S + 1, 61));
        assert_eq!(last.remaining_ms - first.remaining_ms, 1000);
    }

    #[test]
    fn last_valid_period_then_expired() {
        let last_second = window_at(S, period_start(S + 62) - Duration::seconds(1));
        assert_eq!(last_second.state, KesState::Valid);
        assert_eq!(last_second.current_period, S + 61);
        assert_eq!(last_second.periods_left, 1, "the last period still counts");
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

    #[test]
    fn periods_left_in_words() {
        assert_eq!(
            periods_left_words(62),
            "62 KES periods left, this one included"
        );
        assert_eq!(
            periods_left_words(1),
            "1 KES period left, this one included"
        );
        assert_eq!(periods_left_words(0), "no KES periods left");
    }

    #[test]
    fn status_words_by_urgency() {
        const D: i64 = DAY_MS;
        assert_eq!(Urgency::Fine.words(75 * D + 5), "OK: 75 days left");
        assert_eq!(
            Urgency::Warn.words(7 * D + 3_600_000),
            "Overdue: rotate within 7 days"
        );
        assert_eq!(
            Urgency::Alert.words(D + 21 * 3_600_000),
            "Alert: rotate now, 1 day 21 hours left"
        );
        assert_eq!(
            Urgency::Expired.words(0),
            "Expired: the node makes no blocks"
        );
    }

    #[test]
    fn the_headline_of_each_state() {
        let t = Thresholds::default();
        let expiry = period_start(S + 62);
        let headline = |now: DateTime<Utc>| {
            Deadline::of(&window_at(S, now), t).headline(now, &|d| format_utc(d))
        };
        let by = expiry - Duration::days(14);
        assert_eq!(
            headline(period_start(S)),
            format!("Rotate by {} (in 79 days)", format_utc(by))
        );
        assert_eq!(
            headline(by - Duration::seconds(90)),
            format!("Rotate by {} (in 1 min 30 s)", format_utc(by))
        );
        // Past the rotate-by date (warn and alert alike): overdue, never "in 0 days".
        for now in [by + Duration::seconds(1), expiry - Duration::days(1)] {
            assert_eq!(headline(now), format!("Overdue since {}", format_utc(by)));
        }
        assert_eq!(
            headline(expiry),
            format!(
                "Expired since {} — the node makes no blocks",
                format_utc(expiry)
            )
        );
        assert_eq!(
            headline(period_start(S) - Duration::seconds(1)),
            format!(
                "Not valid until {} — the node refuses it until then",
                format_utc(period_start(S))
            )
        );
        assert!(Deadline::of(&window_at(S, period_start(S)), t).can_remind());
        assert!(!Deadline::of(&window_at(S, by + Duration::seconds(1)), t).can_remind());
        assert!(!Deadline::of(&window_at(S, expiry), t).can_remind());
    }
}
