//! KES rotation from the console: the counter wizard, the rotation itself (new KES key, counter,
//! opcert, journal line), the pre-deploy check, the clock guard and the calendar reminder.

use super::pick::{AfterSave, PickFor, SaveJob};
use super::picker::PickKind;
use super::unlock::NeedsKey;
use super::workspace::{names, Role};
use super::{ConsoleApp, Pending};
use crate::core::chain::clock::format_utc;
use crate::core::kes::clock_guard::{self, GuardReport};
use crate::core::kes::journal::JournalEntry;
use crate::core::kes::period_info::{self, OnChainCounter};
use crate::core::kes::predeploy::{self, Check, CounterEvidence};
use crate::core::kes::watch;
use crate::core::keys::{accept, VerificationKey};
use crate::core::{kes::calendar, keys::address};
use crate::ops::opcert::{self as opcert_ops, RotationPaths};
use crate::platform::files::OutputKind;
use crate::platform::load;

/// What the person has typed into the rotation wizard, and what came of it.
#[derive(Debug, Clone, Default)]
pub struct RotationDraft {
    /// The last on-chain issue number: typed, pasted kes-period-info JSON, or read from the opcert.
    pub on_chain_text: String,
    /// The issue number for the new opcert (empty: the usual m + 1).
    pub issue_number_text: String,
    /// A slot or `query tip` JSON to check the machine clock against.
    pub reference_text: String,
    pub guard: Option<Result<GuardReport, String>>,
    /// The last pre-deploy check, and after a rotation, what to copy.
    pub checks: Option<Vec<Check>>,
    pub rotated: Option<String>,
}

/// A rotation ready to confirm.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RotationPlan {
    pub last_seen: Option<u64>,
    pub issue_number: u64,
    pub kes_period: u64,
}

impl ConsoleApp {
    /// The on-chain counter as typed or pasted; None while the field is empty.
    pub fn on_chain_counter(&self) -> Option<Result<OnChainCounter, String>> {
        let text = self.drafts.rotation.on_chain_text.trim();
        (!text.is_empty()).then(|| period_info::parse_on_chain(text))
    }

    /// Fills the on-chain number from the current opcert: once it has made a block, the chain
    /// has seen its number, and a stale cold.counter backup cannot mislead.
    pub fn use_opcert_number(&mut self) {
        match self.workspace.as_ref().and_then(|w| w.opcert.as_ref()) {
            Some(c) => self.drafts.rotation.on_chain_text = c.issue_number.to_string(),
            None => {
                self.fail("There is no operational certificate in this folder to read it from.")
            }
        }
    }

    /// Works out the rotation from the wizard's fields, or says what is missing or wrong.
    pub fn rotation_plan(&self) -> Result<RotationPlan, String> {
        let ws = self
            .workspace
            .as_ref()
            .ok_or("Open the pool folder first (Ctrl+O).")?;
        if !ws.has(Role::ColdSkey) {
            return Err(
                "Rotation needs cold.skey: run it on the offline machine that holds the cold key."
                    .into(),
            );
        }
        if ws.cold_vkey.is_none() && ws.counter.is_none() {
            return Err("Rotation needs cold.vkey or the issue counter to know the pool.".into());
        }
        let last_seen = match self.on_chain_counter() {
            None => {
                return Err("Give the last issue number the chain has seen: type it, paste `query kes-period-info`, or read it from node.opcert.".into())
            }
            Some(Err(e)) => return Err(e),
            Some(Ok(c)) => c.last_seen,
        };
        let typed = self.drafts.rotation.issue_number_text.trim();
        let issue_number = if typed.is_empty() {
            period_info::allowed(last_seen).1
        } else {
            typed.parse::<u64>().map_err(|_| {
                format!(
                    "{} is not a whole number",
                    crate::core::message::quote::quote(typed)
                )
            })?
        };
        period_info::judge(last_seen, issue_number)?;
        let kes_period = self
            .current_kes_period()
            .ok_or("The network's clock is not known: choose the network on the Pool tab.")?;
        Ok(RotationPlan {
            last_seen,
            issue_number,
            kes_period,
        })
    }

    pub fn request_rotation(&mut self) {
        let plan = match self.rotation_plan() {
            Ok(p) => p,
            Err(e) => return self.fail(e),
        };
        let counter = self.short(Role::Counter);
        self.ask(
            "Rotate the KES key?",
            format!(
                "This makes a new KES key pair (replacing kes.vkey and kes.skey), sets {counter} to {n}, issues node.opcert with issue number {n} for KES period {p}, and leaves {counter} at {next}. Until the block producer runs the new kes.skey and node.opcert it keeps using the old ones.",
                n = plan.issue_number,
                p = plan.kes_period,
                next = plan.issue_number + 1
            ),
            "Rotate",
            Pending::Rotate(plan),
        );
    }

    pub(super) fn rotate(&mut self, plan: RotationPlan) {
        let Some(ws) = &self.workspace else { return };
        let cold = ws.path_for(Role::ColdSkey);
        if self.ask_passphrase_for(&cold, NeedsKey::Rotate(plan)) {
            return;
        }
        if let Err(e) = self.rotate_with(plan, load::Unlock::LOCKED) {
            self.fail(e);
        }
    }

    /// The rotation, the cold key opened with `unlock` when it is encrypted; says what was
    /// done, or returns what went wrong.
    pub(super) fn rotate_with(
        &mut self,
        plan: RotationPlan,
        unlock: load::Unlock<'_>,
    ) -> Result<(), String> {
        let Some(ws) = self.workspace.clone() else {
            return Ok(());
        };
        let cold_path = ws.path_for(Role::ColdSkey);
        let counter_path = ws.path_for(Role::Counter);
        let (kes_vk_path, kes_sk_path, opcert_path) = (
            ws.dir.join(names::KES_VKEY),
            ws.dir.join(names::KES_SKEY),
            ws.dir.join(names::OPCERT),
        );
        let rotation = RotationPaths {
            cold_signing_key: &cold_path,
            counter: &counter_path,
            kes_verification_key: &kes_vk_path,
            kes_signing_key: &kes_sk_path,
            opcert: &opcert_path,
            unlock,
        };
        let result = opcert_ops::rotate(
            &rotation,
            plan.issue_number,
            plan.kes_period,
            &self.period_check(),
        )
        .map(|(vk, cert, done)| {
            self.note(&done);
            (vk, cert)
        })
        .map_err(|e| e.0);
        let (kes_vk, cert) = result.map_err(|e| format!("Nothing was changed: {e}"))?;
        let entry = JournalEntry::new(
            self.platform.clock.now(),
            address::pool_bech32(&cert.pool_id()),
            cert.issue_number,
            cert.kes_period,
            &kes_vk.public_key(),
        );
        let journal_note = match opcert_ops::record_rotation(&ws.dir, &entry) {
            Ok(()) => String::new(),
            Err(e) => format!(" The rotation journal could not be written: {e}"),
        };
        let short_counter = ws.short(&counter_path);
        self.rescan();
        self.run_predeploy();
        self.drafts.rotation.rotated = Some(format!(
            "Copy kes.skey and node.opcert to the block producer (replacing the old ones), then restart the node. Keep cold.skey and {short_counter} here, offline.",
        ));
        if journal_note.is_empty() {
            self.say(format!(
                "Rotated: node.opcert has issue number {} for KES period {}; {short_counter} is now at {}.",
                cert.issue_number,
                cert.kes_period,
                cert.issue_number + 1
            ));
        } else {
            self.fail(format!("Rotated, but:{journal_note}"));
        }
        Ok(())
    }

    /// Checks the folder's kes.skey, node.opcert and cold.vkey as the block producer will use them.
    pub fn run_predeploy(&mut self) {
        let kes = self.workspace.as_ref().and_then(|w| w.first(Role::KesSkey));
        if kes.is_some_and(|k| self.ask_passphrase_for(&k, NeedsKey::Predeploy)) {
            return;
        }
        if let Err(e) = self.predeploy_with(load::Unlock::LOCKED) {
            self.fail(e);
        }
    }

    /// The pre-deploy check, kes.skey opened with `unlock` when it is encrypted; its failure
    /// to read the files is returned, the checks' verdict said.
    pub(super) fn predeploy_with(&mut self, unlock: load::Unlock<'_>) -> Result<(), String> {
        let checks = (|| -> Result<Vec<Check>, String> {
            let ws = self
                .workspace
                .as_ref()
                .ok_or("Open the pool folder first.")?;
            let cert = ws
                .opcert
                .as_ref()
                .ok_or("There is no operational certificate in this folder yet.")?;
            let kes = match ws.first(Role::KesSkey) {
                Some(p) => Some(
                    load::signing_key_unlocked(&p, accept::KES_SIGNING, unlock)?
                        .verification_key()
                        .map_err(|e| e.to_string())?
                        .public_key(),
                ),
                None => None,
            };
            let cold = ws.cold_vkey.as_ref().map(VerificationKey::public_key);
            let clock = self
                .clock
                .as_ref()
                .ok_or("The network's clock is not known.")?;
            let window = clock
                .kes_window(cert.kes_period, self.platform.clock.now())
                .map_err(|e| e.to_string())?;
            let evidence = match (self.on_chain_counter(), &ws.counter) {
                (Some(Ok(c)), _) => CounterEvidence::OnChain(c.last_seen),
                (_, Some(counter)) => CounterEvidence::CounterFile(counter.next_issue_number),
                _ => CounterEvidence::Unknown,
            };
            Ok(predeploy::run(
                cert,
                kes.as_ref(),
                cold.as_ref(),
                &window,
                evidence,
            ))
        })();
        match checks {
            Ok(c) => {
                let passed = predeploy::all_passed(&c);
                self.drafts.rotation.checks = Some(c);
                if passed {
                    self.say("Pre-deploy check passed: kes.skey, node.opcert and cold.vkey belong together and the opcert is valid now.");
                } else {
                    self.fail("Pre-deploy check failed: see the checks on the KES tab.");
                }
            }
            Err(e) => {
                self.drafts.rotation.checks = None;
                return Err(e);
            }
        }
        Ok(())
    }

    /// Compares the machine clock with a slot from the online side.
    pub fn check_clock(&mut self) {
        let text = self.drafts.rotation.reference_text.clone();
        let result = clock_guard::parse_reference(&text).and_then(|slot| {
            let clock = self
                .clock
                .as_ref()
                .ok_or("The network's clock is not known: open a pool folder first.")?;
            clock_guard::check(clock, self.platform.clock.now(), slot).map_err(|e| e.to_string())
        });
        self.drafts.rotation.guard = Some(result);
    }

    /// Saves the rotate-by date of this pool's opcert as a calendar event.
    pub fn export_calendar(&mut self) {
        let Some(w) = self.kes_window() else {
            return self.fail("There is no operational certificate to remind about.");
        };
        let t = self.settings.thresholds();
        if !watch::Deadline::of(&w, t).can_remind() {
            // No event for a date already past: the reminder would fire never, or at once.
            return self
                .fail("The rotate-by date has passed: rotate now instead of setting a reminder.");
        }
        let pool = self
            .workspace
            .as_ref()
            .and_then(|ws| ws.pool_id())
            .map(|id| address::pool_bech32(&id))
            .unwrap_or_default();
        let name = self
            .workspace
            .as_ref()
            .and_then(|w| w.dir.file_name())
            .map_or_else(|| "pool".to_owned(), |n| n.to_string_lossy().into_owned());
        let at = watch::rotate_by(&w, t);
        let text = calendar::ics(&calendar::Reminder {
            uid: format!("kes-{pool}-{}@poolconsole", w.start_period),
            summary: format!("Rotate the KES key of {name}"),
            description: format!(
                "The operational certificate of {name} ({pool}) started at KES period {} and expires at {} (UTC), when the node stops making blocks. Generate a new KES key, issue a new opcert (Pool Console, KES tab) and restart the block producer.",
                w.start_period,
                format_utc(w.expiry_time)
            ),
            at,
            alarm_hours_before: 24,
            stamp: self.platform.clock.now(),
        });
        self.pick(
            PickKind::Save {
                file_name: format!("{name}-kes-rotate-by.ics"),
            },
            "Save the rotation reminder",
            PickFor::Save(SaveJob {
                bytes: text.into_bytes(),
                kind: OutputKind::Calendar,
                then: AfterSave::Reminder { at },
            }),
        );
    }
}
