//! What the Op cert tab's buttons do: issue an operational certificate through the
//! operations layer (its KES period checked against the folder's clock), and verify one.

use super::unlock::NeedsKey;
use super::workspace::{names, Role};
use super::{ConsoleApp, Pending};
use crate::core::keys::{accept, VerificationKey};
use crate::ops::opcert::{self as opcert_ops, IssueRequest};
use crate::platform::load;

impl ConsoleApp {
    /// The KES period now, from the workspace's network clock.
    pub fn current_kes_period(&self) -> Option<u64> {
        let clock = self.clock.as_ref()?;
        clock
            .point_at(self.platform.clock.now())
            .ok()
            .map(|p| p.kes_period)
    }

    pub fn request_opcert(&mut self) {
        let Some(ws) = &self.workspace else {
            self.fail("Open a pool folder first.");
            return;
        };
        let missing: Vec<&str> = [
            (Role::ColdSkey, "cold.skey"),
            (Role::Counter, "the issue counter"),
            (Role::KesVkey, "kes.vkey"),
        ]
        .into_iter()
        .filter(|(r, _)| !ws.has(*r))
        .map(|(_, n)| n)
        .collect();
        if !missing.is_empty() {
            self.fail(format!(
                "Issuing needs {} (Keys tab).",
                missing.join(" and ")
            ));
            return;
        }
        let Ok(period) = self.drafts.kes_period.trim().parse::<u64>() else {
            self.fail(
                "The KES period must be a whole number (the current one is filled in for you).",
            );
            return;
        };
        let n = ws.counter.as_ref().map_or(0, |c| c.next_issue_number);
        let counter = self.short(Role::Counter);
        self.ask(
            "Issue the operational certificate?",
            format!(
                "This signs node.opcert with issue number {n} and KES period {period}, and moves {counter} to {}. The number can only go up: a certificate issued by mistake still counts.",
                n + 1
            ),
            "Issue certificate",
            Pending::IssueOpCert { kes_period: period },
        );
    }

    pub(crate) fn short(&self, role: Role) -> String {
        self.workspace
            .as_ref()
            .map(|w| w.short(&w.path_for(role)))
            .unwrap_or_default()
    }

    pub(super) fn write_opcert(&mut self, kes_period: u64) {
        let Some(ws) = &self.workspace else { return };
        let cold = ws.path_for(Role::ColdSkey);
        if self.ask_passphrase_for(&cold, NeedsKey::IssueOpCert { kes_period }) {
            return;
        }
        if let Err(e) = self.write_opcert_with(kes_period, load::Unlock::LOCKED) {
            self.fail(e);
        }
    }

    /// Issues node.opcert, the cold key opened with `unlock` when it is encrypted; says what
    /// was done, or returns what went wrong (nothing written).
    pub(super) fn write_opcert_with(
        &mut self,
        kes_period: u64,
        unlock: load::Unlock<'_>,
    ) -> Result<(), String> {
        let Some(ws) = self.workspace.clone() else {
            return Ok(());
        };
        let (cold_path, counter_path, kes_path) = (
            ws.path_for(Role::ColdSkey),
            ws.path_for(Role::Counter),
            ws.path_for(Role::KesVkey),
        );
        let out = ws.dir.join(names::OPCERT);
        let period = self.period_check();
        let kes = load::verification_key(&kes_path, accept::KES_VERIFICATION)?;
        let request = IssueRequest {
            kes_vkey: &kes.public_key(),
            cold_signing_key: &cold_path,
            counter: &counter_path,
            kes_period,
            out: &out,
            unlock,
        };
        let (cert, done) = opcert_ops::issue(&request, &period).map_err(|e| e.0)?;
        self.note(&done);
        let n = cert.issue_number;
        self.rescan();
        self.say(format!("Issued node.opcert (issue number {n}, KES period {kes_period}). Copy node.opcert and kes.skey to the block producer and restart it."));
        Ok(())
    }

    /// Checks node.opcert against cold.vkey and kes.vkey.
    pub fn verify_opcert(&mut self) {
        let Some(ws) = &self.workspace else { return };
        let result = match &ws.opcert {
            None => Err("There is no operational certificate in this folder yet.".to_owned()),
            Some(c) => {
                let cold = ws.cold_vkey.as_ref().map(VerificationKey::public_key);
                let kes = ws.kes_vkey.as_ref().map(VerificationKey::public_key);
                let problems = c.check(cold.as_ref(), kes.as_ref()).problems();
                if problems.is_empty() {
                    Ok(format!(
                        "node.opcert is valid: signed by this pool's cold key for kes.vkey, issue number {}, from KES period {}.",
                        c.issue_number, c.kes_period
                    ))
                } else {
                    Err(format!(
                        "node.opcert has problems: {}.",
                        problems.join("; ")
                    ))
                }
            }
        };
        self.drafts.verify_result = Some(result);
    }
}
