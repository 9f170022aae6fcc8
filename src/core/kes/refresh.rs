//! When the KES screens next change, so an idle console draws only then. They show the time to
//! the minute, and seconds only in the last hour before a deadline: the answer is the next
//! minute boundary of the clock or of a countdown, one second in a countdown's last hour, or an
//! instant at which a status changes (a threshold, a poll that is due), whichever comes first.
//! Pure: the caller passes "now".

use chrono::{DateTime, Duration, Utc};

use super::watch::{rotate_by, Thresholds};
use crate::core::chain::clock::{KesState, KesWindow};

const SECOND_MS: i64 = 1000;
const MINUTE_MS: i64 = 60 * SECOND_MS;
const HOUR_MS: i64 = 60 * MINUTE_MS;

/// The times the shown text depends on.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Schedule {
    /// Counted down on screen ("in 61 days", "12 min 30 s"): minutes, then seconds in the last hour.
    countdowns: Vec<DateTime<Utc>>,
    /// A status changes at that instant, with no countdown shown.
    events: Vec<DateTime<Utc>>,
}

impl Schedule {
    pub fn countdown_to(&mut self, at: DateTime<Utc>) {
        self.countdowns.push(at);
    }

    pub fn event_at(&mut self, at: DateTime<Utc>) {
        self.events.push(at);
    }

    /// What a KES window shows: the countdowns to its rotate-by date and expiry (or start), and
    /// the alert threshold.
    pub fn window(&mut self, w: &KesWindow, t: Thresholds) {
        match w.state {
            KesState::NotYetValid => self.countdown_to(w.start_time),
            KesState::Valid => {
                self.countdown_to(rotate_by(w, t));
                self.countdown_to(w.expiry_time);
                if let Some(alert) = w
                    .expiry_time
                    .checked_sub_signed(Duration::days(i64::from(t.alert_days)))
                {
                    self.event_at(alert);
                }
            }
            KesState::Expired => {}
        }
    }

    /// Milliseconds from `now` to the next change of what is shown (1 to 60 000).
    pub fn next_change_ms(&self, now: DateTime<Utc>) -> u64 {
        let now_ms = now.timestamp_millis();
        // The clock itself, shown to the minute.
        let mut next = MINUTE_MS - now_ms.rem_euclid(MINUTE_MS);
        for at in &self.countdowns {
            let left = at.timestamp_millis().saturating_sub(now_ms);
            if left <= 0 {
                continue; // past: shown as a date, which does not move
            }
            let step = if left <= HOUR_MS {
                SECOND_MS
            } else {
                // Seconds appear when the last hour begins.
                next = next.min(left - HOUR_MS);
                MINUTE_MS
            };
            let to_boundary = left % step;
            next = next.min(if to_boundary == 0 { step } else { to_boundary });
        }
        for at in &self.events {
            let left = at.timestamp_millis().saturating_sub(now_ms);
            if left > 0 {
                next = next.min(left);
            }
        }
        u64::try_from(next.max(1)).unwrap_or(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::chain::clock::{parse_time, ChainClock};

    fn t(s: &str) -> DateTime<Utc> {
        parse_time(s).unwrap()
    }

    #[test]
    fn nothing_to_count_down_waits_for_the_next_minute() {
        let s = Schedule::default();
        assert_eq!(s.next_change_ms(t("2026-11-21T12:00:00Z")), 60_000);
        assert_eq!(s.next_change_ms(t("2026-11-21T12:00:59.250Z")), 750);
    }

    #[test]
    fn a_far_countdown_moves_on_its_own_minute_boundaries() {
        let mut s = Schedule::default();
        // 75 days 9 h 44 min 51 s ahead: its minute figure changes in 51 s.
        s.countdown_to(t("2027-02-04T21:44:51Z"));
        assert_eq!(s.next_change_ms(t("2026-11-21T12:00:00Z")), 51_000);
        // After that change, the clock's own minute comes first.
        assert_eq!(s.next_change_ms(t("2026-11-21T12:00:51Z")), 9_000);
    }

    #[test]
    fn the_last_hour_ticks_every_second() {
        let mut s = Schedule::default();
        s.countdown_to(t("2026-11-21T12:30:00Z"));
        assert_eq!(s.next_change_ms(t("2026-11-21T12:00:00Z")), 1_000);
        assert_eq!(s.next_change_ms(t("2026-11-21T12:29:59.600Z")), 400);
        // An hour and five seconds ahead: seconds start showing in 5 s.
        assert_eq!(s.next_change_ms(t("2026-11-21T11:29:55Z")), 5_000);
        // Once past, the deadline is a date and the minute clock is all that moves.
        assert_eq!(s.next_change_ms(t("2026-11-21T12:30:00Z")), 60_000);
    }

    #[test]
    fn a_status_change_wakes_at_its_instant() {
        let mut s = Schedule::default();
        s.event_at(t("2026-11-21T12:00:10Z"));
        s.event_at(t("2026-11-21T11:00:00Z"));
        assert_eq!(s.next_change_ms(t("2026-11-21T12:00:00Z")), 10_000);
    }

    #[test]
    fn a_window_counts_down_to_rotate_by_and_expiry_and_wakes_at_the_alert() {
        let clock = ChainClock::mainnet();
        let th = Thresholds::default();
        let start = |p: u64| clock.slot_start(p * 129_600).unwrap();
        // Opcert from 1511: expires at the start of 1573; rotate by 14 days earlier.
        let expiry = start(1573);
        let by_window = |now| {
            let mut s = Schedule::default();
            s.window(&clock.kes_window(1511, now).unwrap(), th);
            s.next_change_ms(now)
        };
        // 30 minutes before expiry: every second.
        assert_eq!(by_window(expiry - Duration::minutes(30)), 1_000);
        // 3 days and 20 s before expiry: the alert begins in 20 s.
        assert_eq!(
            by_window(expiry - Duration::days(3) - Duration::seconds(20)),
            20_000
        );
        // Expired: only the minute clock.
        let after = expiry + Duration::seconds(9);
        assert_eq!(
            by_window(after),
            u64::try_from(60_000 - after.timestamp_millis().rem_euclid(60_000)).unwrap()
        );
        // Not valid yet: counts down to its start.
        let mut s = Schedule::default();
        let before = start(1580) - Duration::minutes(10);
        s.window(&clock.kes_window(1580, before).unwrap(), th);
        assert_eq!(s.next_change_ms(before), 1_000);
    }

    #[test]
    fn never_zero_and_never_more_than_a_minute() {
        let mut s = Schedule::default();
        let now = t("2026-11-21T12:00:00Z");
        s.countdown_to(now + Duration::milliseconds(1));
        s.event_at(DateTime::<Utc>::MAX_UTC);
        s.countdown_to(DateTime::<Utc>::MAX_UTC);
        s.countdown_to(DateTime::<Utc>::MIN_UTC);
        assert_eq!(s.next_change_ms(now), 1);
        assert!(Schedule::default().next_change_ms(DateTime::<Utc>::MAX_UTC) <= 60_000);
    }
}
