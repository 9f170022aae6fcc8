//! Lockout periods of the Pool Registry, in blocks (AION.md §4.3–4.4): how many are left
//! and roughly when they end, at one block about every 10 seconds.

use chrono::{DateTime, TimeDelta, Utc};

use super::AionError;

pub use super::self_bond;

/// The block time the staking contracts count with ("6 blocks per minute").
pub const BLOCK_SECONDS: u64 = 10;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LockoutAction {
    /// From `requestCommissionRateChange` to `finalizeCommissionRateChange`.
    Commission,
    /// Between signing-address changes, counted from registration too.
    SigningAddress,
    /// From `undelegate` to `finalizeUndelegate`.
    Undelegate,
    /// From a delegation transfer to `finalizeTransfer`.
    Transfer,
}

impl LockoutAction {
    pub const ALL: [Self; 4] = [
        Self::Commission,
        Self::SigningAddress,
        Self::Undelegate,
        Self::Transfer,
    ];

    /// The mainnet lock, in blocks.
    pub fn blocks(self) -> u64 {
        match self {
            Self::Commission | Self::SigningAddress => 60_480,
            Self::Undelegate => 8_640,
            Self::Transfer => 60,
        }
    }

    /// The command-line word.
    pub fn name(self) -> &'static str {
        match self {
            Self::Commission => "commission",
            Self::SigningAddress => "signing-address",
            Self::Undelegate => "undelegate",
            Self::Transfer => "transfer",
        }
    }

    /// What waits, for people.
    pub fn label(self) -> &'static str {
        match self {
            Self::Commission => "Commission rate change",
            Self::SigningAddress => "Signing address change",
            Self::Undelegate => "Undelegation",
            Self::Transfer => "Delegation transfer",
        }
    }

    pub fn parse(text: &str) -> Result<Self, AionError> {
        let t = text.trim().to_ascii_lowercase();
        Self::ALL
            .into_iter()
            .find(|a| a.name() == t)
            .ok_or_else(|| AionError::UnknownLockout(text.trim().to_owned()))
    }
}

/// Blocks still to wait: the action may be finalised once `current ≥ since + blocks`.
pub fn blocks_left(action: LockoutAction, since_block: u64, current_block: u64) -> u64 {
    since_block
        .saturating_add(action.blocks())
        .saturating_sub(current_block)
}

/// When `blocks` more blocks will probably have passed, from `now` at [`BLOCK_SECONDS`] each.
pub fn estimated_time(blocks: u64, now: DateTime<Utc>) -> DateTime<Utc> {
    let seconds = i64::try_from(blocks.saturating_mul(BLOCK_SECONDS)).unwrap_or(i64::MAX);
    TimeDelta::try_seconds(seconds)
        .and_then(|d| now.checked_add_signed(d))
        .unwrap_or(DateTime::<Utc>::MAX_UTC)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn locks_count_down_and_end() {
        let c = LockoutAction::Commission;
        assert_eq!(blocks_left(c, 100, 100), 60_480);
        assert_eq!(blocks_left(c, 100, 60_579), 1);
        assert_eq!(blocks_left(c, 100, 60_580), 0);
        assert_eq!(blocks_left(LockoutAction::Undelegate, 0, 10), 8_630);
        assert_eq!(blocks_left(LockoutAction::Transfer, 5, 1_000), 0);
        assert_eq!(blocks_left(c, u64::MAX, 0), u64::MAX);
    }

    #[test]
    fn actions_parse_by_name() {
        for a in LockoutAction::ALL {
            assert_eq!(LockoutAction::parse(a.name()), Ok(a));
        }
        assert_eq!(
            LockoutAction::parse("retire").unwrap_err().to_string(),
            "\"retire\" is not a lockout: use commission, signing-address, undelegate or transfer"
        );
    }

    #[test]
    fn the_estimate_is_ten_seconds_a_block() {
        let now = DateTime::from_timestamp(1_600_000_000, 0).unwrap();
        assert_eq!(
            estimated_time(8_640, now),
            DateTime::from_timestamp(1_600_086_400, 0).unwrap()
        );
        assert_eq!(estimated_time(u64::MAX, now), DateTime::<Utc>::MAX_UTC);
    }
}
