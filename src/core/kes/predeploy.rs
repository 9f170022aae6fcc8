//! The pre-deploy check: everything that must hold before kes.skey and node.opcert go to the
//! block producer. Each failure here is otherwise only found when a block is rejected
//! (`InvalidKesSignatureOCERT`, `CounterOverIncrementedOCERT`, an expired window).

use crate::core::chain::clock::{format_utc, KesState, KesWindow};
use crate::core::kes::opcert::OpCert;
use crate::core::kes::period_info;

/// What is known about the issue number the chain will compare the opcert with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CounterEvidence {
    /// The last number the chain has seen (None: no block made yet), from kes-period-info or typed.
    OnChain(Option<u64>),
    /// The cold key's counter file: the next number it would issue.
    CounterFile(u64),
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Pass,
    Fail,
    /// Not enough input to check; does not fail the whole check.
    NotChecked,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    pub name: &'static str,
    pub outcome: Outcome,
    pub detail: String,
}

impl Check {
    fn new(name: &'static str, passed: bool, detail: String) -> Self {
        let outcome = if passed { Outcome::Pass } else { Outcome::Fail };
        Self {
            name,
            outcome,
            detail,
        }
    }
}

/// True when no check failed.
pub fn all_passed(checks: &[Check]) -> bool {
    checks.iter().all(|c| c.outcome != Outcome::Fail)
}

/// Runs every check. `kes_vkey` is the public key derived from kes.skey; `window` is the
/// opcert's KES window at the time of checking.
pub fn run(
    cert: &OpCert,
    kes_vkey: Option<&[u8; 32]>,
    cold_vkey: Option<&[u8; 32]>,
    window: &KesWindow,
    counter: CounterEvidence,
) -> Vec<Check> {
    let pair = cert.check(cold_vkey, kes_vkey);
    let kes = match pair.kes_matches {
        Some(true) => Check::new("KES key", true, "kes.skey is the key this opcert certifies".into()),
        Some(false) => Check::new(
            "KES key",
            false,
            "kes.skey is not the key this opcert certifies: the node would sign blocks the network rejects (InvalidKesSignatureOCERT); deploy the kes.skey the opcert was issued for, or issue a new opcert for this key".into(),
        ),
        None => Check::new("KES key", false, "no KES signing key given".into()),
    };
    let cold = if !pair.signature_valid {
        Check::new(
            "Cold signature",
            false,
            "the cold-key signature in the opcert does not verify: the file is damaged or was edited; issue it again".into(),
        )
    } else {
        match pair.cold_matches {
            Some(true) => Check::new(
                "Cold signature",
                true,
                "signed by this pool's cold key, and the signature verifies".into(),
            ),
            Some(false) => Check::new(
                "Cold signature",
                false,
                "signed by another cold key than cold.vkey: this opcert belongs to another pool"
                    .into(),
            ),
            None => Check::new(
                "Cold signature",
                false,
                "no cold verification key given".into(),
            ),
        }
    };
    vec![
        kes,
        cold,
        window_check(window),
        counter_check(cert.issue_number, counter),
    ]
}

fn window_check(w: &KesWindow) -> Check {
    let range = format!("{}–{}", w.start_period, w.last_period);
    match w.state {
        KesState::Valid => Check::new(
            "KES period window",
            true,
            format!(
                "current period {} is inside {range}: {}, until {}",
                w.current_period,
                super::watch::periods_left_words(w.periods_left),
                format_utc(w.expiry_time)
            ),
        ),
        KesState::NotYetValid => Check::new(
            "KES period window",
            false,
            format!(
                "the opcert starts at period {} but the current period is {}: the node refuses it until then; issue it with --kes-period {} (check the machine clock)",
                w.start_period, w.current_period, w.current_period
            ),
        ),
        KesState::Expired => Check::new(
            "KES period window",
            false,
            format!(
                "the window {range} ended at {} (current period {}): generate a new KES key and issue a new opcert",
                format_utc(w.expiry_time),
                w.current_period
            ),
        ),
    }
}

fn counter_check(n: u64, evidence: CounterEvidence) -> Check {
    const NAME: &str = "Issue counter";
    match evidence {
        CounterEvidence::OnChain(m) => match period_info::judge(m, n) {
            Ok(why) => Check::new(NAME, true, why),
            Err(why) => Check::new(NAME, false, why),
        },
        CounterEvidence::CounterFile(next) if next == n.saturating_add(1) => Check::new(
            NAME,
            true,
            format!("issue number {n}; the counter file is at {next}, so this is the latest opcert issued from it"),
        ),
        CounterEvidence::CounterFile(next) if next > n => Check::new(
            NAME,
            false,
            format!("issue number {n}, but the counter file is already at {next}: a newer opcert was issued after this one; deploy the newest"),
        ),
        CounterEvidence::CounterFile(next) => Check::new(
            NAME,
            false,
            format!("issue number {n}, but the counter file is at {next}: the counter was reset or restored from an old backup, so the next opcert would be refused; set it with `node new-counter --counter-value {}`", n.saturating_add(1)),
        ),
        CounterEvidence::Unknown => Check {
            name: NAME,
            outcome: Outcome::NotChecked,
            detail: format!("issue number {n}; not compared with the chain: give the last on-chain number (query kes-period-info) to check it"),
        },
    }
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::core::chain::clock::{parse_time, ChainClock};
    use crate::core::kes::opcert::{issue, IssueCounter};

    fn cold() -> crate::core::keys::SigningKey {
        use crate::core::keys::{generate, KeyKind};
        generate::ed25519(KeyKind::ColdSigning, &[7; 32]).unwrap().0
    }

    fn cert(n: u64, period: u64, kes: [u8; 32]) -> OpCert {
        let sk = cold();
        let vk = sk.verification_key().unwrap().public_key();
        let counter = IssueCounter {
            next_issue_number: n,
            cold_vkey: vk,
        };
        issue(&sk, &counter, &kes, period).unwrap().opcert
    }

    fn now_window(start: u64) -> KesWindow {
        ChainClock::mainnet()
            .kes_window(start, parse_time("2026-11-21T12:00:00Z").unwrap())
            .unwrap()
    }

    #[test]
    fn a_good_pair_passes_every_check() {
        let c = cert(4, 1571, [9; 32]);
        let checks = run(
            &c,
            Some(&[9; 32]),
            Some(&c.cold_vkey),
            &now_window(1571),
            CounterEvidence::OnChain(Some(3)),
        );
        assert!(all_passed(&checks), "{checks:?}");
        assert!(checks.iter().all(|c| c.outcome == Outcome::Pass));
        assert_eq!(
            checks[2].detail,
            "current period 1571 is inside 1571–1632: 62 KES periods left, this one included, until 2027-02-21T09:44:51Z"
        );
    }

    #[test]
    fn each_fault_fails_its_own_check() {
        let c = cert(6, 1572, [9; 32]);
        let checks = run(
            &c,
            Some(&[8; 32]),
            Some(&[1; 32]),
            &now_window(1572),
            CounterEvidence::OnChain(Some(4)),
        );
        let failed: Vec<_> = checks
            .iter()
            .filter(|c| c.outcome == Outcome::Fail)
            .map(|c| c.name)
            .collect();
        assert_eq!(
            failed,
            [
                "KES key",
                "Cold signature",
                "KES period window",
                "Issue counter"
            ]
        );
        assert!(!all_passed(&checks));
        assert!(checks[2].detail.contains("issue it with --kes-period 1571"));
    }

    #[test]
    fn the_counter_file_tells_a_stale_opcert() {
        let c = cert(4, 1571, [9; 32]);
        let at = |next| counter_check(c.issue_number, CounterEvidence::CounterFile(next));
        assert_eq!(at(5).outcome, Outcome::Pass);
        assert_eq!(at(7).outcome, Outcome::Fail);
        assert_eq!(at(2).outcome, Outcome::Fail);
        let unknown = counter_check(4, CounterEvidence::Unknown);
        assert_eq!(unknown.outcome, Outcome::NotChecked);
        assert!(all_passed(&[unknown]));
    }
}
