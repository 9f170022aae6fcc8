//! A chain clock for any network, read from its Shelley and Byron genesis files.

use crate::core::message::quote::library_reason;
use serde::Deserialize;
use thiserror::Error;

use crate::core::chain::clock::{format_utc, parse_time, ChainClock};

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum GenesisError {
    #[error("the Shelley genesis is not valid: {0}")]
    Shelley(String),
    #[error("the Byron genesis is not valid: {0}")]
    Byron(String),
    #[error("the Shelley genesis systemStart {shelley} differs from the Byron genesis startTime {byron}: are both files from the same network?")]
    StartMismatch { shelley: String, byron: String },
    #[error("{0} must be greater than zero")]
    Zero(&'static str),
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Shelley {
    system_start: String,
    network_magic: u32,
    epoch_length: u64,
    slot_length: f64,
    #[serde(rename = "slotsPerKESPeriod")]
    slots_per_kes_period: u64,
    #[serde(rename = "maxKESEvolutions")]
    max_kes_evolutions: u64,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Byron {
    start_time: i64,
    block_version_data: BlockVersionData,
    protocol_consts: ProtocolConsts,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct BlockVersionData {
    slot_duration: serde_json::Value,
}

#[derive(Deserialize)]
struct ProtocolConsts {
    k: u64,
}

/// Builds a clock from genesis file contents. The Shelley transition epoch is not in either
/// file: it is taken from `transition_epoch`, else from the known public networks by magic,
/// else 0 (a network that starts in Shelley, like preview and most private testnets).
pub fn clock_from_genesis(
    shelley_json: &[u8],
    byron_json: &[u8],
    transition_epoch: Option<u64>,
) -> Result<ChainClock, GenesisError> {
    let s: Shelley = serde_json::from_slice(shelley_json)
        .map_err(|e| GenesisError::Shelley(library_reason(&e.to_string())))?;
    let b: Byron = serde_json::from_slice(byron_json)
        .map_err(|e| GenesisError::Byron(library_reason(&e.to_string())))?;
    let start = parse_time(&s.system_start).map_err(GenesisError::Shelley)?;
    if start.timestamp() != b.start_time {
        let byron = chrono::DateTime::from_timestamp(b.start_time, 0)
            .map_or_else(|| b.start_time.to_string(), format_utc);
        return Err(GenesisError::StartMismatch {
            shelley: format_utc(start),
            byron,
        });
    }
    let byron_slot_ms: u64 = match &b.block_version_data.slot_duration {
        serde_json::Value::String(v) => v.parse().map_err(|_| {
            GenesisError::Byron(format!(
                "blockVersionData.slotDuration {} is not a number",
                crate::core::message::quote::quote(v)
            ))
        })?,
        serde_json::Value::Number(n) => n.as_u64().ok_or_else(|| {
            GenesisError::Byron("blockVersionData.slotDuration is not a whole number".to_owned())
        })?,
        _ => {
            return Err(GenesisError::Byron(
                "blockVersionData.slotDuration is missing".to_owned(),
            ))
        }
    };
    let shelley_slot_ms = (s.slot_length * 1000.0).round();
    if !(1.0..1e12).contains(&shelley_slot_ms) {
        return Err(GenesisError::Zero("slotLength"));
    }
    for (value, name) in [
        (s.epoch_length, "epochLength"),
        (s.slots_per_kes_period, "slotsPerKESPeriod"),
        (s.max_kes_evolutions, "maxKESEvolutions"),
        (b.protocol_consts.k, "protocolConsts.k"),
        (byron_slot_ms, "slotDuration"),
    ] {
        if value == 0 {
            return Err(GenesisError::Zero(name));
        }
    }
    let transition = transition_epoch
        .or_else(|| ChainClock::known_transition_epoch(s.network_magic))
        .unwrap_or(0);
    Ok(ChainClock {
        name: format!("network magic {}", s.network_magic),
        network_magic: s.network_magic,
        system_start_ms: b
            .start_time
            .checked_mul(1000)
            .ok_or(GenesisError::Byron("startTime is out of range".to_owned()))?,
        byron_slot_ms,
        byron_epoch_slots: b
            .protocol_consts
            .k
            .checked_mul(10)
            .ok_or(GenesisError::Byron(
                "protocolConsts.k is too large".to_owned(),
            ))?,
        shelley_transition_epoch: transition,
        shelley_slot_ms: shelley_slot_ms as u64,
        shelley_epoch_slots: s.epoch_length,
        slots_per_kes_period: s.slots_per_kes_period,
        max_kes_evolutions: s.max_kes_evolutions,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHELLEY: &str = r#"{"systemStart":"2017-09-23T21:44:51Z","networkMagic":764824073,
        "epochLength":432000,"slotLength":1,"slotsPerKESPeriod":129600,"maxKESEvolutions":62,
        "securityParam":2160,"activeSlotsCoeff":0.05}"#;
    const BYRON: &str = r#"{"startTime":1506203091,"protocolConsts":{"k":2160,"protocolMagic":764824073},
        "blockVersionData":{"slotDuration":"20000"}}"#;

    #[test]
    fn mainnet_genesis_gives_the_mainnet_clock() {
        let mut c = clock_from_genesis(SHELLEY.as_bytes(), BYRON.as_bytes(), None).unwrap();
        c.name = "mainnet".to_owned();
        assert_eq!(c, ChainClock::mainnet());
    }

    #[test]
    fn absurd_numbers_are_errors_not_panics() {
        let byron = BYRON.replace("\"k\":2160", "\"k\":2000000000000000000");
        assert_eq!(
            clock_from_genesis(SHELLEY.as_bytes(), byron.as_bytes(), None),
            Err(GenesisError::Byron(
                "protocolConsts.k is too large".to_owned()
            ))
        );
        let c = clock_from_genesis(SHELLEY.as_bytes(), BYRON.as_bytes(), Some(u64::MAX)).unwrap();
        let now = chrono::DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        assert!(c.point_at(now).is_ok());
    }

    #[test]
    fn mismatched_start_is_refused() {
        let byron = BYRON.replace("1506203091", "1506203092");
        let err = clock_from_genesis(SHELLEY.as_bytes(), byron.as_bytes(), None).unwrap_err();
        assert!(matches!(err, GenesisError::StartMismatch { .. }));
    }
}
