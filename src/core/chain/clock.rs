//! The chain clock: wall time ↔ slot, epoch and KES period, and opcert validity windows.
//!
//! Pure arithmetic over genesis numbers; the caller passes "now". Byron slots last 20 s and
//! Shelley slots 1 s on the public networks, so a time before the Shelley transition is counted
//! in Byron slots. KES period = absolute slot ÷ slots per KES period (as cardano-cli computes it).

use chrono::{DateTime, Datelike, TimeZone, Utc};
use thiserror::Error;

/// Everything needed to turn time into slots for one network.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainClock {
    pub name: String,
    pub network_magic: u32,
    /// Byron genesis `startTime`, in Unix milliseconds.
    pub system_start_ms: i64,
    pub byron_slot_ms: u64,
    pub byron_epoch_slots: u64,
    /// Epoch at which Shelley started (not in the genesis files; known per network).
    pub shelley_transition_epoch: u64,
    pub shelley_slot_ms: u64,
    pub shelley_epoch_slots: u64,
    pub slots_per_kes_period: u64,
    pub max_kes_evolutions: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ClockError {
    #[error("{0} is before the network started ({1})")]
    BeforeStart(String, String),
    #[error("the time is too far in the future to count in slots")]
    OutOfRange,
}

/// A point on the chain's clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChainPoint {
    pub slot: u64,
    pub epoch: u64,
    pub kes_period: u64,
}

/// Where an opcert stands at a given time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KesWindow {
    /// First KES period the opcert is valid for (its `kes_period`).
    pub start_period: u64,
    /// When the start period begins (the node refuses the opcert before then).
    pub start_time: DateTime<Utc>,
    /// Last valid KES period: start + max evolutions − 1.
    pub last_period: u64,
    /// The first slot after the window: start of period start + max evolutions.
    pub expiry_slot: u64,
    pub expiry_time: DateTime<Utc>,
    pub current_period: u64,
    /// The KES periods in which the opcert still works, **the current one included**: end − current
    /// while valid (62 in its first period, 1 in its last), 0 when expired or not yet valid. This
    /// is how cardano-node counts its `remainingKESPeriods` metric (expiry period − current
    /// period), so the console, the command line and the node say the same number.
    pub periods_left: u64,
    /// Time from `now` to expiry; negative once expired.
    pub remaining_ms: i64,
    pub state: KesState,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KesState {
    /// The current period lies before the opcert's start period.
    NotYetValid,
    Valid,
    Expired,
}

fn ms_of(t: DateTime<Utc>) -> i64 {
    t.timestamp_millis()
}

fn time_of(ms: i64) -> Option<DateTime<Utc>> {
    Utc.timestamp_millis_opt(ms).single()
}

/// RFC 3339 with seconds and a `Z` (e.g. `2024-09-01T21:44:51Z`).
pub fn format_utc(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// Parses an RFC 3339 time such as `2024-09-01T21:44:51Z` or `…+02:00`.
///
/// Only times that [`format_utc`] writes back as RFC 3339 are accepted: an offset can carry
/// `9999-12-31T23:59:59-23:59` into the year 10000 (or `0000-01-01T00:00:00+00:01` into the
/// year −1) once taken to UTC, which has no four-digit year (the rotation journal would write
/// a line it cannot read back).
pub fn parse_time(text: &str) -> Result<DateTime<Utc>, String> {
    let shown = || crate::core::message::quote::quote(text.trim());
    let t = DateTime::parse_from_rfc3339(text.trim())
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| {
            format!(
                "{} is not an RFC 3339 time like 2026-11-21T12:00:00Z: {e}",
                shown()
            )
        })?;
    if !(0..=9999).contains(&t.year()) {
        return Err(format!(
            "{} falls outside the years 0000 to 9999 once taken to UTC; give a time like 2026-11-21T12:00:00Z",
            shown()
        ));
    }
    Ok(t)
}

/// A duration in milliseconds as "12d 3h 4m" (or "-…" when negative).
pub fn format_duration(ms: i64) -> String {
    let sign = if ms < 0 { "-" } else { "" };
    let total = ms.unsigned_abs() / 1000;
    let (d, h, m) = (total / 86_400, (total % 86_400) / 3600, (total % 3600) / 60);
    if d > 0 {
        format!("{sign}{d}d {h}h {m}m")
    } else if h > 0 {
        format!("{sign}{h}h {m}m")
    } else {
        format!("{sign}{m}m {}s", total % 60)
    }
}

/// A time still ahead, in words that change at most once a minute until its last hour, then once
/// a second: "61 days", "1 day 5 h", "5 h 12 min", "12 min 30 s" (nothing shorter than a second).
pub fn format_countdown(ms: i64) -> String {
    let total = ms.max(0) / 1000;
    let (d, h, m, s) = (
        total / 86_400,
        (total % 86_400) / 3600,
        (total % 3600) / 60,
        total % 60,
    );
    match (d, h) {
        (2.., _) => format!("{d} days"),
        (1, _) => format!("1 day {h} h"),
        (0, 1..) => format!("{h} h {m} min"),
        _ => format!("{m} min {s} s"),
    }
}

impl ChainClock {
    fn public(
        name: &str,
        magic: u32,
        start_unix: i64,
        byron_k: u64,
        transition: u64,
        epoch: u64,
    ) -> Self {
        Self {
            name: name.to_owned(),
            network_magic: magic,
            system_start_ms: start_unix * 1000,
            byron_slot_ms: 20_000,
            byron_epoch_slots: 10 * byron_k,
            shelley_transition_epoch: transition,
            shelley_slot_ms: 1000,
            shelley_epoch_slots: epoch,
            slots_per_kes_period: 129_600,
            max_kes_evolutions: 62,
        }
    }

    pub fn mainnet() -> Self {
        Self::public("mainnet", 764_824_073, 1_506_203_091, 2160, 208, 432_000)
    }

    pub fn preprod() -> Self {
        Self::public("preprod", 1, 1_654_041_600, 2160, 4, 432_000)
    }

    pub fn preview() -> Self {
        Self::public("preview", 2, 1_666_656_000, 432, 0, 86_400)
    }

    /// The Shelley transition epoch of a public network, by magic (not stored in genesis files).
    pub fn known_transition_epoch(magic: u32) -> Option<u64> {
        match magic {
            764_824_073 => Some(208),
            1 => Some(4),
            2 => Some(0),
            _ => None,
        }
    }

    pub fn first_shelley_slot(&self) -> u64 {
        self.shelley_transition_epoch
            .saturating_mul(self.byron_epoch_slots)
    }

    fn first_shelley_ms(&self) -> i64 {
        let byron_ms = u128::from(self.first_shelley_slot()) * u128::from(self.byron_slot_ms);
        self.system_start_ms
            .saturating_add(i64::try_from(byron_ms).unwrap_or(i64::MAX))
    }

    pub fn system_start(&self) -> DateTime<Utc> {
        time_of(self.system_start_ms).unwrap_or_default()
    }

    /// Slot, epoch and KES period at `t`.
    pub fn point_at(&self, t: DateTime<Utc>) -> Result<ChainPoint, ClockError> {
        let ms = ms_of(t);
        if ms < self.system_start_ms {
            return Err(ClockError::BeforeStart(
                format_utc(t),
                format_utc(self.system_start()),
            ));
        }
        let shelley_ms = self.first_shelley_ms();
        let (slot, epoch) = if ms < shelley_ms {
            let slot = (ms - self.system_start_ms).unsigned_abs() / self.byron_slot_ms;
            (slot, slot / self.byron_epoch_slots)
        } else {
            let since = (ms - shelley_ms).unsigned_abs() / self.shelley_slot_ms;
            let slot = self
                .first_shelley_slot()
                .checked_add(since)
                .ok_or(ClockError::OutOfRange)?;
            (
                slot,
                self.shelley_transition_epoch
                    .saturating_add(since / self.shelley_epoch_slots),
            )
        };
        Ok(ChainPoint {
            slot,
            epoch,
            kes_period: slot / self.slots_per_kes_period,
        })
    }

    /// The wall-clock time at which `slot` begins.
    pub fn slot_start(&self, slot: u64) -> Result<DateTime<Utc>, ClockError> {
        let first = self.first_shelley_slot();
        let ms = if slot < first {
            u128::from(slot) * u128::from(self.byron_slot_ms)
        } else {
            u128::from(first) * u128::from(self.byron_slot_ms)
                + u128::from(slot - first) * u128::from(self.shelley_slot_ms)
        };
        let ms = i64::try_from(ms).map_err(|_| ClockError::OutOfRange)?;
        time_of(
            self.system_start_ms
                .checked_add(ms)
                .ok_or(ClockError::OutOfRange)?,
        )
        .ok_or(ClockError::OutOfRange)
    }

    /// Epoch containing `slot`.
    pub fn epoch_of_slot(&self, slot: u64) -> u64 {
        let first = self.first_shelley_slot();
        if slot < first {
            slot / self.byron_epoch_slots
        } else {
            self.shelley_transition_epoch
                .saturating_add((slot - first) / self.shelley_epoch_slots)
        }
    }

    /// The validity window of an opcert starting at `start_period`, seen at `now`.
    pub fn kes_window(
        &self,
        start_period: u64,
        now: DateTime<Utc>,
    ) -> Result<KesWindow, ClockError> {
        let current = self.point_at(now)?.kes_period;
        let end = start_period
            .checked_add(self.max_kes_evolutions)
            .ok_or(ClockError::OutOfRange)?;
        let expiry_slot = end
            .checked_mul(self.slots_per_kes_period)
            .ok_or(ClockError::OutOfRange)?;
        let expiry_time = self.slot_start(expiry_slot)?;
        let start_time = self.slot_start(
            start_period
                .checked_mul(self.slots_per_kes_period)
                .ok_or(ClockError::OutOfRange)?,
        )?;
        let state = if current < start_period {
            KesState::NotYetValid
        } else if current < end {
            KesState::Valid
        } else {
            KesState::Expired
        };
        let periods_left = if state == KesState::Valid {
            end - current
        } else {
            0
        };
        Ok(KesWindow {
            start_period,
            start_time,
            last_period: end - 1,
            expiry_slot,
            expiry_time,
            current_period: current,
            periods_left,
            remaining_ms: ms_of(expiry_time) - ms_of(now),
            state,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> DateTime<Utc> {
        parse_time(s).unwrap()
    }

    #[test]
    fn mainnet_epoch_507() {
        let c = ChainClock::mainnet();
        let p = c.point_at(t("2024-09-01T21:44:51Z")).unwrap();
        assert_eq!(
            p,
            ChainPoint {
                slot: 133_660_800,
                epoch: 507,
                kes_period: 1031
            }
        );
        assert_eq!(
            format_utc(c.slot_start(133_660_800).unwrap()),
            "2024-09-01T21:44:51Z"
        );
        assert_eq!(c.first_shelley_slot(), 4_492_800);
        assert_eq!(c.slot_start(4_492_800).unwrap().timestamp(), 1_596_059_091);
    }

    #[test]
    fn preview_vector() {
        let c = ChainClock::preview();
        let time = Utc.timestamp_opt(1_694_212_036, 0).unwrap();
        let p = c.point_at(time).unwrap();
        assert_eq!(
            p,
            ChainPoint {
                slot: 27_556_036,
                epoch: 318,
                kes_period: 212
            }
        );
    }

    #[test]
    fn window_edges() {
        let c = ChainClock::mainnet();
        // Last second of period 1030 / first second of 1031.
        let start_1031 = c.slot_start(1031 * 129_600).unwrap();
        let last_1030 = start_1031 - chrono::Duration::seconds(1);
        assert_eq!(c.point_at(last_1030).unwrap().kes_period, 1030);
        assert_eq!(c.point_at(start_1031).unwrap().kes_period, 1031);
        let w = c.kes_window(1031, last_1030).unwrap();
        assert_eq!(w.state, KesState::NotYetValid);
        let w = c.kes_window(1031, start_1031).unwrap();
        assert_eq!(
            (w.state, w.periods_left, w.last_period),
            (KesState::Valid, 62, 1092)
        );
        let last_valid = c.slot_start(1093 * 129_600).unwrap() - chrono::Duration::seconds(1);
        let w = c.kes_window(1031, last_valid).unwrap();
        assert_eq!(
            (w.state, w.current_period, w.periods_left, w.remaining_ms),
            (KesState::Valid, 1092, 1, 1000)
        );
        let w = c
            .kes_window(1031, last_valid + chrono::Duration::seconds(1))
            .unwrap();
        assert_eq!((w.state, w.remaining_ms), (KesState::Expired, 0));
    }

    /// Found with the `journal` fuzz target's property (a written journal line reads back).
    #[test]
    fn parse_time_accepts_only_times_format_utc_writes_back() {
        for edge in ["9999-12-31T23:59:59-23:59", "0000-01-01T00:00:00+00:01"] {
            let e = parse_time(edge).unwrap_err();
            assert!(e.contains("outside the years 0000 to 9999"), "{e}");
        }
        for ok in [
            "9999-12-31T23:59:59Z",
            "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59+01:00",
        ] {
            let t = parse_time(ok).unwrap();
            assert_eq!(parse_time(&format_utc(t)), Ok(t), "{ok}");
        }
    }

    #[test]
    fn durations() {
        assert_eq!(format_duration(93 * 86_400_000 + 3_600_000), "93d 1h 0m");
        assert_eq!(format_duration(-90_000), "-1m 30s");
    }

    #[test]
    fn countdowns_show_seconds_only_in_the_last_hour() {
        const H: i64 = 3_600_000;
        assert_eq!(format_countdown(61 * 24 * H + 5 * H), "61 days");
        assert_eq!(format_countdown(2 * 24 * H), "2 days");
        assert_eq!(format_countdown(2 * 24 * H - 1), "1 day 23 h");
        assert_eq!(format_countdown(24 * H - 1), "23 h 59 min");
        assert_eq!(format_countdown(H), "1 h 0 min");
        assert_eq!(format_countdown(H - 1), "59 min 59 s");
        assert_eq!(format_countdown(999), "0 min 0 s");
        assert_eq!(format_countdown(-5), "0 min 0 s");
    }

    #[test]
    fn periods_left_count_the_current_one_as_the_node_does() {
        // cardano-node: remainingKESPeriods = (start + maxKESEvolutions) − current period.
        let c = ChainClock::mainnet();
        let at = |p: u64| c.slot_start(p * 129_600).unwrap();
        for (now, left) in [(1031, 62), (1032, 61), (1092, 1), (1093, 0), (1030, 0)] {
            assert_eq!(
                c.kes_window(1031, at(now)).unwrap().periods_left,
                left,
                "at {now}"
            );
        }
        assert_eq!(c.kes_window(1031, at(1031)).unwrap().start_time, at(1031));
    }
}
