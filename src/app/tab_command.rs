//! The cardano-cli equivalent shown under a tab: the command its action would run, computed
//! from the tab and what is typed in it (never "the last action", which belonged to another tab).

use super::actions::file_stem;
use super::cli_equivalent as cli;
use super::rotation::RotationPlan;
use super::workspace::{names, Role, Workspace};
use super::{ConsoleApp, Tab};

/// What the cardano-cli equivalent panel shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TabCommand {
    /// The tab has no action with a cardano-cli equivalent.
    Nothing,
    /// The tab has one, but what is typed does not make a command yet: says what is missing.
    Hint(&'static str),
    Command(String),
}

/// The owner certificates' file names for an owner whose file stem is `stem`.
pub fn owner_cert_names(stem: &str) -> (String, String) {
    (
        format!("{stem}.stake-registration.cert"),
        format!("{stem}.delegation.cert"),
    )
}

impl ConsoleApp {
    pub fn tab_command(&self) -> TabCommand {
        // Votes need no pool folder until they are signed (the cold key is named by file).
        if self.tab == Tab::Governance {
            return self.governance_command();
        }
        let Some(ws) = &self.workspace else {
            return TabCommand::Nothing;
        };
        if self.is_aion() {
            return self.aion_command();
        }
        match self.tab {
            Tab::Keys => TabCommand::Command(self.keys_command()),
            Tab::OpCert => match self.drafts.kes_period.trim().parse::<u64>() {
                Ok(period) => TabCommand::Command(self.with_cold_key(cli::issue_op_cert(
                    &self.short(Role::KesVkey),
                    &self.short(Role::ColdSkey),
                    &self.short(Role::Counter),
                    period,
                    names::OPCERT,
                ))),
                Err(_) => TabCommand::Hint("Type the start KES period to see the command."),
            },
            Tab::Kes => self.rotation_plan().map_or(TabCommand::Nothing, |plan| {
                TabCommand::Command(self.rotation_command(plan))
            }),
            Tab::Registration => self.registration_command(ws),
            Tab::Retire => match self.drafts.retire_epoch.trim().parse::<u64>() {
                Ok(epoch) => TabCommand::Command(cli::retirement(
                    &self.short(Role::ColdVkey),
                    epoch,
                    names::RETIRE_CERT,
                )),
                Err(_) => TabCommand::Hint("Type the retirement epoch to see the command."),
            },
            _ => TabCommand::Nothing,
        }
    }

    /// The Keys tab's four buttons, the owner's files named as typed.
    fn keys_command(&self) -> String {
        let stem = file_stem(&self.drafts.owner_name);
        [
            cli::key_gen(names::COLD_VKEY, names::COLD_SKEY, names::COUNTER),
            cli::key_gen_vrf(names::VRF_VKEY, names::VRF_SKEY),
            cli::key_gen_kes(names::KES_VKEY, names::KES_SKEY),
            cli::stake_key_gen(&format!("{stem}.stake.vkey"), &format!("{stem}.stake.skey")),
        ]
        .join("\n")
    }

    /// A rotation: new KES key, counter set to the plan's number, opcert issued.
    fn rotation_command(&self, plan: RotationPlan) -> String {
        let counter = self.short(Role::Counter);
        [
            cli::key_gen_kes(names::KES_VKEY, names::KES_SKEY),
            cli::new_counter(&self.short(Role::ColdVkey), plan.issue_number, &counter),
            self.with_cold_key(cli::issue_op_cert(
                names::KES_VKEY,
                &self.short(Role::ColdSkey),
                &counter,
                plan.kes_period,
                names::OPCERT,
            )),
        ]
        .join("\n")
    }

    /// cardano-cli cannot read an encrypted cold key: the same command is Pool Console's then,
    /// which asks for the passphrase (or takes `--passphrase-file`).
    fn with_cold_key(&self, issue: String) -> String {
        let encrypted = self.workspace.as_ref().is_some_and(|ws| {
            ws.first(Role::ColdSkey)
                .is_some_and(|p| ws.is_encrypted(&p))
        });
        match issue.strip_prefix("cardano-cli ") {
            Some(rest) if encrypted => format!(
                "# {} is encrypted: cardano-cli cannot read it; pool-console takes the same flags and asks for the passphrase\npool-console {rest}",
                self.short(Role::ColdSkey)
            ),
            _ => issue,
        }
    }

    /// The metadata hash, the certificate, and each owner's certificates when they are built too.
    fn registration_command(&self, ws: &Workspace) -> TabCommand {
        let check = self.check_registration();
        let Some(params) = &check.params else {
            return TabCommand::Hint("The command appears here once the form is complete.");
        };
        let mut lines = Vec::new();
        if params.metadata.is_some() {
            let file = self
                .drafts
                .loaded_metadata
                .as_ref()
                .filter(|_| self.metadata_bytes().is_some())
                .map_or_else(|| names::METADATA.to_owned(), |(p, _)| ws.short(p));
            lines.push(cli::metadata_hash(&file));
        }
        let owners: Vec<String> = self
            .registration
            .owners
            .iter()
            .map(|o| o.key.clone())
            .collect();
        let network_flag = self.network_choice().cli_flag(self.network());
        lines.push(cli::registration(
            params,
            &cli::RegistrationArgs {
                cold_vkey: &self.short(Role::ColdVkey),
                vrf_vkey: &self.short(Role::VrfVkey),
                reward: &self.registration.reward_account,
                owners: &owners,
                network_flag: &network_flag,
                out: names::POOL_CERT,
            },
        ));
        if self.drafts.build_owner_certs {
            let deposit = check.deposit_lovelace.unwrap_or(2_000_000);
            for (owner, hash) in self.registration.owners.iter().zip(&check.owner_hashes) {
                if hash.is_none() {
                    continue;
                }
                let (reg, del) = owner_cert_names(&file_stem(&owner.name));
                lines.push(cli::stake_registration(&owner.key, deposit, &reg));
                lines.push(cli::stake_delegation(
                    &owner.key,
                    &self.short(Role::ColdVkey),
                    &del,
                ));
            }
        }
        TabCommand::Command(lines.join("\n"))
    }
}
