//! The self-bond rule (AION.md §4.4): a pool is active iff its own stake is at least
//! 1 000 AION and `floor(self · 100 / total) ≥ 1`, i.e. others may delegate up to 99× it.

use super::amount::{format_aion, NAMP_PER_AION};

/// 1 000 AION, the least self-bond (and the value `registerPool` must carry).
pub const MIN_SELF_BOND_NAMP: u128 = 1_000 * NAMP_PER_AION;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SelfBondStatus {
    pub active: bool,
    /// How much more may be delegated before the pool breaks the 1 % rule (0 when it already
    /// has, or when the self-bond is under the minimum).
    pub room_for_delegation_namp: u128,
    /// Why, in whole sentences: what is wrong and how to fix it, or why the pool is active.
    pub reason: String,
}

/// `self_bond_namp` is the pool's own stake; `total_namp` all its stake, self-bond included.
pub fn status(self_bond_namp: u128, total_namp: u128) -> SelfBondStatus {
    let total = total_namp.max(self_bond_namp);
    let cap = self_bond_namp.saturating_mul(100);
    if self_bond_namp < MIN_SELF_BOND_NAMP {
        return SelfBondStatus {
            active: false,
            room_for_delegation_namp: 0,
            reason: format!(
                "The self-bond is {} AION, under the 1 000 AION minimum. Add {} AION to it to make the pool active.",
                format_aion(self_bond_namp),
                format_aion(MIN_SELF_BOND_NAMP - self_bond_namp)
            ),
        };
    }
    // floor(self·100 / total) ≥ 1 ⇔ self·100 ≥ total; x more self-bond raises both sides,
    // so it takes x ≥ (total − 100·self) / 99; without it, total − 100·self must leave.
    if cap < total {
        return SelfBondStatus {
            active: false,
            room_for_delegation_namp: 0,
            reason: format!(
                "The self-bond of {} AION is under 1 % of the pool's {} AION. Add {} AION to it, or let {} AION of delegations leave, to make the pool active.",
                format_aion(self_bond_namp),
                format_aion(total),
                format_aion((total - cap).div_ceil(99)),
                format_aion(total - cap)
            ),
        };
    }
    SelfBondStatus {
        active: true,
        room_for_delegation_namp: cap - total,
        reason: format!(
            "The self-bond of {} AION meets the 1 000 AION minimum and is at least 1 % of the pool's {} AION, so the pool is active.",
            format_aion(self_bond_namp),
            format_aion(total)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const AION: u128 = NAMP_PER_AION;

    #[test]
    fn active_with_room_left() {
        let s = status(1_000 * AION, 1_000 * AION);
        assert!(s.active);
        assert_eq!(s.room_for_delegation_namp, 99_000 * AION);
        let full = status(1_000 * AION, 100_000 * AION);
        assert!(full.active);
        assert_eq!(full.room_for_delegation_namp, 0);
    }

    #[test]
    fn broken_when_small_or_outgrown() {
        let small = status(999 * AION, 999 * AION);
        assert!(!small.active);
        assert_eq!(
            small.reason,
            "The self-bond is 999 AION, under the 1 000 AION minimum. Add 1 AION to it to make the pool active."
        );
        let outgrown = status(1_000 * AION, 100_000 * AION + 1);
        assert!(!outgrown.active);
        assert_eq!(outgrown.room_for_delegation_namp, 0);
        assert_eq!(
            outgrown.reason,
            "The self-bond of 1000 AION is under 1 % of the pool's 100000.000000000000000001 AION. Add 0.000000000000000001 AION to it, or let 0.000000000000000001 AION of delegations leave, to make the pool active."
        );
    }
}
