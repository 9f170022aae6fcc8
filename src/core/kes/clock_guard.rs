//! Is the machine's clock right? A check before an opcert is issued on an offline machine.
//!
//! The KES period an opcert starts at is worked out from the wall clock. A cold machine that
//! has been off for months often has a drifted clock, and a wrong period makes the node
//! refuse to forge. The operator copies the chain tip's slot from an online machine; comparing
//! the start of that slot with the local clock shows the drift without any network here.

use chrono::{DateTime, Utc};

use crate::core::chain::clock::{format_utc, ChainClock, ChainPoint, ClockError};
use crate::core::message::quote;

/// How far the machine may be off before a warning, in seconds. The tip of a synced node is
/// usually within a block or two (about 20 s each) of the real time, so a minute leaves room
/// for that lag while still catching a clock that is clearly wrong.
pub const TOLERANCE_SECONDS: i64 = 60;

/// What to paste, said in every parse error.
const WHAT_TO_PASTE: &str = "paste a slot number or the output of cardano-cli query tip";

/// A slot from the online side: a plain number, or the JSON printed by `cardano-cli query tip`
/// (its "slot" field).
pub fn parse_reference(text: &str) -> Result<u64, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err(format!("nothing was given: {WHAT_TO_PASTE}"));
    }
    if text.starts_with('{') {
        let json: serde_json::Value = serde_json::from_str(text).map_err(|e| {
            let e = quote::library_reason(&e.to_string());
            format!("the text is not valid JSON ({e}): {WHAT_TO_PASTE}")
        })?;
        return match json.get("slot") {
            Some(slot) => slot.as_u64().ok_or_else(|| {
                format!(
                    "the \"slot\" field is {}, not a whole number of 0 or more: {WHAT_TO_PASTE}",
                    quote::bare(&slot.to_string())
                )
            }),
            None => Err(format!(
                "the JSON has no \"slot\" field (is the node still starting?): {WHAT_TO_PASTE}"
            )),
        };
    }
    text.parse::<u64>().map_err(|_| {
        format!(
            "{} is not a slot number (a whole number of 0 or more): {WHAT_TO_PASTE}",
            quote::quote(text)
        )
    })
}

/// The machine's view of the chain clock next to the reference slot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuardReport {
    pub machine: ChainPoint,
    pub reference_slot: u64,
    pub reference_period: u64,
    /// machine − reference in seconds; positive: the machine is ahead
    pub offset_seconds: i64,
    pub warnings: Vec<String>,
}

impl GuardReport {
    /// True when the clock is within the tolerance and agrees on the KES period.
    pub fn is_ok(&self) -> bool {
        self.warnings.is_empty()
    }
}

/// Compares the machine's clock at `machine_now` with the start of `reference_slot`.
pub fn check(
    clock: &ChainClock,
    machine_now: DateTime<Utc>,
    reference_slot: u64,
) -> Result<GuardReport, ClockError> {
    let machine = clock.point_at(machine_now)?;
    let reference_start = clock.slot_start(reference_slot)?;
    let offset_seconds = machine_now
        .signed_duration_since(reference_start)
        .num_seconds();
    let reference_period = reference_slot
        .checked_div(clock.slots_per_kes_period)
        .unwrap_or(0);
    let mut warnings = Vec::new();
    if offset_seconds.unsigned_abs() > TOLERANCE_SECONDS.unsigned_abs() {
        let side = if offset_seconds > 0 {
            "ahead of"
        } else {
            "behind"
        };
        warnings.push(format!(
            "the machine clock is {} s {side} the reference (slot {reference_slot} began at {}): set the clock (or enable time sync) before issuing an opcert; the chain tip can lag a block or two behind, so compare again if it is close",
            offset_seconds.unsigned_abs(),
            format_utc(reference_start),
        ));
    }
    if machine.kes_period != reference_period {
        warnings.push(format!(
            "the machine clock is in KES period {} but the reference slot is in KES period {reference_period}: an opcert issued now would carry the wrong KES period; fix the clock, or give KES period {reference_period} explicitly",
            machine.kes_period,
        ));
    }
    Ok(GuardReport {
        machine,
        reference_slot,
        reference_period,
        offset_seconds,
        warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::chain::clock::parse_time;
    use chrono::Duration;

    // Slot 133 660 800 on mainnet begins at 2024-09-01T21:44:51Z, in KES period 1031.
    const SLOT: u64 = 133_660_800;

    fn at(s: &str) -> DateTime<Utc> {
        parse_time(s).unwrap_or_default()
    }

    #[test]
    fn plain_numbers() {
        assert_eq!(parse_reference(" 133660800\n"), Ok(SLOT));
        assert_eq!(parse_reference("0"), Ok(0));
        assert_eq!(
            parse_reference("-5"),
            Err("\"-5\" is not a slot number (a whole number of 0 or more): paste a slot number or the output of cardano-cli query tip".to_owned())
        );
        assert_eq!(
            parse_reference("12.5"),
            Err("\"12.5\" is not a slot number (a whole number of 0 or more): paste a slot number or the output of cardano-cli query tip".to_owned())
        );
        assert_eq!(
            parse_reference("  \n"),
            Err(
                "nothing was given: paste a slot number or the output of cardano-cli query tip"
                    .to_owned()
            )
        );
    }

    #[test]
    fn query_tip_json() {
        let tip = r#"{
    "block": 10823147,
    "epoch": 507,
    "era": "Babbage",
    "hash": "4b1c7e0e6f1e1ac3d6a0a5c02a59f5cf3ab3a9d5d32e0f5a7b6c4d3e2f1a0b9c",
    "slot": 133660800,
    "slotInEpoch": 0,
    "slotsToEpochEnd": 432000,
    "syncProgress": "100.00"
}"#;
        assert_eq!(parse_reference(tip), Ok(SLOT));
        assert_eq!(
            parse_reference(r#"{"epoch": 507}"#),
            Err("the JSON has no \"slot\" field (is the node still starting?): paste a slot number or the output of cardano-cli query tip".to_owned())
        );
        assert_eq!(
            parse_reference(r#"{"slot": "12"}"#),
            Err("the \"slot\" field is \"12\", not a whole number of 0 or more: paste a slot number or the output of cardano-cli query tip".to_owned())
        );
        assert_eq!(
            parse_reference(r#"{"slot": -1}"#),
            Err("the \"slot\" field is -1, not a whole number of 0 or more: paste a slot number or the output of cardano-cli query tip".to_owned())
        );
        assert_eq!(
            parse_reference(r#"{"slot": 12"#),
            Err("the text is not valid JSON (EOF while parsing an object at line 1 column 11): paste a slot number or the output of cardano-cli query tip".to_owned())
        );
    }

    #[test]
    fn clock_in_step() {
        let c = ChainClock::mainnet();
        let r = check(&c, at("2024-09-01T21:45:50Z"), SLOT);
        assert_eq!(
            r,
            Ok(GuardReport {
                machine: ChainPoint {
                    slot: SLOT + 59,
                    epoch: 507,
                    kes_period: 1031
                },
                reference_slot: SLOT,
                reference_period: 1031,
                offset_seconds: 59,
                warnings: vec![],
            })
        );
        assert!(r.is_ok_and(|r| r.is_ok()));
        // Exactly the tolerance is still fine, and so is a tip from the future within it.
        let r = check(&c, at("2024-09-01T21:45:51Z"), SLOT).map(|r| (r.offset_seconds, r.is_ok()));
        assert_eq!(r, Ok((60, true)));
        let r = check(&c, at("2024-09-01T21:43:51Z"), SLOT).map(|r| (r.offset_seconds, r.is_ok()));
        assert_eq!(r, Ok((-60, true)));
    }

    #[test]
    fn clock_ahead_and_behind() {
        let c = ChainClock::mainnet();
        let r = check(&c, at("2024-09-01T21:45:52Z"), SLOT).map(|r| r.warnings);
        assert_eq!(
            r,
            Ok(vec!["the machine clock is 61 s ahead of the reference (slot 133660800 began at 2024-09-01T21:44:51Z): set the clock (or enable time sync) before issuing an opcert; the chain tip can lag a block or two behind, so compare again if it is close".to_owned()])
        );
        let r = check(&c, at("2024-09-01T21:43:50Z"), SLOT).map(|r| (r.offset_seconds, r.warnings));
        assert_eq!(
            r,
            Ok((-61, vec!["the machine clock is 61 s behind the reference (slot 133660800 began at 2024-09-01T21:44:51Z): set the clock (or enable time sync) before issuing an opcert; the chain tip can lag a block or two behind, so compare again if it is close".to_owned()]))
        );
    }

    #[test]
    fn different_kes_period_is_named_even_within_tolerance() {
        let c = ChainClock::mainnet();
        // The reference is the last slot of period 1030; the machine is 10 s later, in 1031.
        let last_1030 = 1031 * 129_600 - 1;
        let now = c.slot_start(last_1030).unwrap_or_default() + Duration::seconds(10);
        let r = check(&c, now, last_1030);
        assert_eq!(
            r.map(|r| (r.offset_seconds, r.machine.kes_period, r.reference_period, r.warnings)),
            Ok((10, 1031, 1030, vec!["the machine clock is in KES period 1031 but the reference slot is in KES period 1030: an opcert issued now would carry the wrong KES period; fix the clock, or give KES period 1030 explicitly".to_owned()]))
        );
    }

    #[test]
    fn a_clock_months_off_gets_both_warnings() {
        let c = ChainClock::mainnet();
        let r = check(&c, at("2024-01-01T00:00:00Z"), SLOT);
        assert_eq!(r.as_ref().map(|r| r.warnings.len()), Ok(2));
        assert_eq!(r.map(|r| r.offset_seconds), Ok(-21_159_891));
    }

    #[test]
    fn impossible_inputs_are_errors() {
        let c = ChainClock::mainnet();
        assert_eq!(
            check(&c, at("2017-01-01T00:00:00Z"), SLOT),
            Err(ClockError::BeforeStart(
                "2017-01-01T00:00:00Z".to_owned(),
                "2017-09-23T21:44:51Z".to_owned()
            ))
        );
        assert_eq!(
            check(&c, at("2024-09-01T21:44:51Z"), u64::MAX),
            Err(ClockError::OutOfRange)
        );
    }
}
