//! The pool plan between the Registration builder and a file: export what the form says
//! (plus owner names and contributions), import a plan into the form, and tell the person
//! whether the form now builds exactly the plan's certificate.

use std::path::Path;

use super::pick::{AfterSave, PickFor, SaveJob};
use super::picker::PickKind;
use super::registration::{OwnerDraft, RelayDraft, RelayKind};
use super::registration_feedback::FormAction;
use super::{file_label, ConsoleApp};
use crate::core::certificate::amount;
use crate::core::certificate::relay::Relay;
use crate::core::keys::address::Credential;
use crate::core::keys::address::RewardAccount;
use crate::core::review;
use crate::core::review::plan::{PlannedOwner, PoolPlan};
use crate::platform::files::OutputKind;
use crate::platform::load;

/// A plan imported into the builder, kept to compare the form against it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedPlan {
    pub file: String,
    pub plan: PoolPlan,
}

impl ConsoleApp {
    /// The plan the form describes, or what is still missing.
    pub fn plan_from_form(&self) -> Result<PoolPlan, String> {
        let check = self.check_registration();
        let needs = check.needs(FormAction::ExportPlan);
        let Some(params) = check.params.clone().filter(|_| needs.is_empty()) else {
            return Err(format!(
                "the form is not complete yet: fix {}",
                needs.join(", ")
            ));
        };
        let mut owners = Vec::with_capacity(self.registration.owners.len());
        for (i, (o, hash)) in self
            .registration
            .owners
            .iter()
            .zip(&check.owner_hashes)
            .enumerate()
        {
            let name = if o.name.trim().is_empty() {
                format!("Owner {}", i + 1)
            } else {
                o.name.trim().to_owned()
            };
            let pledge = amount::parse_ada(&o.pledge_ada)
                .map_err(|e| format!("{name}'s planned pledge: {e}"))?;
            let Some(key_hash) = *hash else {
                return Err(format!("{name}'s stake key is not readable"));
            };
            owners.push(PlannedOwner {
                name,
                key_hash,
                pledge,
                delegated: None,
            });
        }
        let plan = PoolPlan {
            network: self.network(),
            params,
            owners,
        };
        // Never export a plan that its own import would refuse.
        plan.to_file()
            .check()
            .map_err(|e| format!("the plan {e}"))?;
        Ok(plan)
    }

    pub fn export_plan(&mut self) {
        let plan = match self.plan_from_form() {
            Ok(p) => p,
            Err(e) => {
                self.form_failed(
                    FormAction::ExportPlan,
                    format!("Cannot export the plan: {e}."),
                );
                return;
            }
        };
        self.pick(
            PickKind::Save {
                file_name: "pool-plan.json".to_owned(),
            },
            "Save the pool plan",
            PickFor::Save(SaveJob {
                bytes: plan.to_json().into_bytes(),
                kind: OutputKind::Plan,
                then: AfterSave::Plan,
            }),
        );
    }

    pub fn pick_and_import_plan(&mut self) {
        self.pick(
            PickKind::File,
            "Choose a pool plan (JSON)",
            PickFor::ImportPlan,
        );
    }

    /// Fills the form from a plan. Keys stay the folder's: if they are not the plan's, the
    /// comparison under the form says so.
    pub fn import_plan(&mut self, path: &Path) {
        let plan = match load::plan(path) {
            Ok(p) => p,
            Err(e) => {
                self.fail(e);
                return;
            }
        };
        let relays = match plan
            .params
            .relays
            .iter()
            .map(relay_draft)
            .collect::<Result<Vec<_>, _>>()
        {
            Ok(r) => r,
            Err(e) => {
                self.fail(format!("{}: {e}", path.display()));
                return;
            }
        };
        let p = &plan.params;
        let percent = p.margin.percent_string(6);
        if percent.starts_with('≈') {
            self.fail(format!(
                "{}: the margin {} has no exact percentage, so the builder cannot hold it; review the plan's certificate on the Review tab instead",
                path.display(),
                p.margin
            ));
            return;
        }
        let form = &mut self.registration;
        form.pledge_ada = amount::ada_text(p.pledge);
        form.cost_ada = amount::ada_text(p.cost);
        form.margin_percent = percent.trim_end_matches('%').to_owned();
        form.reward_account = p.reward_account.to_bech32().unwrap_or_default();
        form.owners = plan
            .owners
            .iter()
            .map(|o| OwnerDraft {
                name: o.name.clone(),
                key: RewardAccount::new(plan.network, Credential::Key(o.key_hash))
                    .to_bech32()
                    .unwrap_or_else(|_| hex::encode(o.key_hash)),
                pledge_ada: amount::ada_text(o.pledge),
            })
            .collect();
        form.relays = relays;
        form.metadata.url = p
            .metadata
            .as_ref()
            .map(|m| m.url.clone())
            .unwrap_or_default();
        let file = file_label(path);
        self.say(format!("Imported the pool plan {file} into the form"));
        self.drafts.imported_plan = Some(ImportedPlan { file, plan });
    }

    /// How the form differs from the imported plan (empty when it builds the same certificate).
    pub fn form_vs_plan(&self) -> Option<Vec<String>> {
        let imported = self.drafts.imported_plan.as_ref()?;
        let check = self.check_registration();
        Some(match &check.params {
            Some(params) => review::plan_mismatches(params, &imported.plan),
            None => vec![format!(
                "the form is not complete yet: fix {}",
                check.blockers().join(", ")
            )],
        })
    }
}

/// One relay as a row of the builder's relay editor.
fn relay_draft(r: &Relay) -> Result<RelayDraft, String> {
    let port = |p: &Option<u16>| p.map(|p| p.to_string()).unwrap_or_default();
    Ok(match r {
        Relay::SingleHostAddr {
            port: p,
            ipv4: Some(a),
            ipv6: None,
        } => RelayDraft {
            kind: RelayKind::Address,
            host: a.to_string(),
            port: port(p),
        },
        Relay::SingleHostAddr {
            port: p,
            ipv4: None,
            ipv6: Some(a),
        } => RelayDraft {
            kind: RelayKind::Address,
            host: a.to_string(),
            port: port(p),
        },
        Relay::SingleHostAddr { .. } => {
            return Err(format!(
                "relay {} has both an IPv4 and an IPv6 address, which the relay editor keeps one per row; review the plan's certificate on the Review tab instead",
                r.display()
            ))
        }
        Relay::SingleHostName { port: p, name } => RelayDraft {
            kind: RelayKind::DnsName,
            host: name.as_str().to_owned(),
            port: port(p),
        },
        Relay::MultiHostName { name } => RelayDraft {
            kind: RelayKind::Srv,
            host: name.as_str().to_owned(),
            port: String::new(),
        },
    })
}
