//! Which tabs the rail shows for the open folder's profile, and the Aion tabs' command-line
//! equivalents (`pool-console aion …`, issue 15's command contract).

use super::aion_actions::key_files;
use super::aion_core::keys::Role;
use super::aion_desk::RegistryAction;
use super::aion_profile::{names, Profile};
use super::tab_command::TabCommand;
use super::{ConsoleApp, Tab};

/// The Aion Unity profile's rail.
pub const AION_TABS: [Tab; 6] = [
    Tab::Pool,
    Tab::AionKeys,
    Tab::AionMetadata,
    Tab::AionActions,
    Tab::AionLockouts,
    Tab::AionSelfBond,
];

impl ConsoleApp {
    /// The tabs of the open folder's profile, in rail order.
    pub fn tabs(&self) -> &'static [Tab] {
        if self.is_aion() {
            &AION_TABS
        } else {
            &Tab::ALL
        }
    }

    /// Keeps the tab on screen one of the profile's: the other profile's Keys tab becomes
    /// this one's, any other becomes Pool.
    pub(crate) fn keep_tab_in_profile(&mut self) {
        if self.tabs().contains(&self.tab) {
            return;
        }
        self.tab = match (self.tab, self.profile) {
            (Tab::Keys, Profile::Aion) => Tab::AionKeys,
            (Tab::AionKeys, _) => Tab::Keys,
            _ => Tab::Pool,
        };
    }

    /// The command line equivalent of the Aion tab on screen.
    pub fn aion_command(&self) -> TabCommand {
        let d = &self.aion;
        match self.tab {
            Tab::AionKeys => {
                let line = |role: Role| {
                    let (k, p) = key_files(role);
                    format!("pool-console aion key-gen --signing-key-file {k} --verification-key-file {p}\npool-console aion address --verification-key-file {p} --checksum")
                };
                TabCommand::Command(format!("{}\n{}", line(Role::Management), line(Role::Signing)))
            }
            Tab::AionMetadata => TabCommand::Command(format!(
                "pool-console aion metadata-check --metadata-file {m}\npool-console aion metadata-hash --metadata-file {m}",
                m = names::METADATA
            )),
            Tab::AionActions => TabCommand::Command(self.aion_action_command()),
            Tab::AionLockouts => {
                match (d.since_block.trim().parse::<u64>(), d.current_block.trim().parse::<u64>()) {
                    (Ok(since), Ok(current)) => TabCommand::Command(format!(
                        "pool-console aion lockout --action {} --since-block {since} --current-block {current}",
                        lockout_word(d.lockout)
                    )),
                    _ => TabCommand::Hint("Type both block numbers to see the command."),
                }
            }
            _ => TabCommand::Nothing,
        }
    }

    fn aion_action_command(&self) -> String {
        let f = &self.aion.form;
        let or = |v: &str, placeholder: &str| {
            if v.trim().is_empty() {
                placeholder.to_owned()
            } else {
                v.trim().to_owned()
            }
        };
        let args = match self.aion.action {
            RegistryAction::RegisterPool => format!(
                "--signing-address {} --commission-rate {} --metadata-url {} --metadata-hash {}",
                or(&f.signing_address, "A"),
                or(&f.commission, "PCT"),
                or(&f.metadata_url, "U"),
                or(&f.metadata_hash, "H")
            ),
            RegistryAction::UpdateMetadata => format!(
                "--metadata-url {} --metadata-hash {}",
                or(&f.metadata_url, "U"),
                or(&f.metadata_hash, "H")
            ),
            RegistryAction::RequestCommissionChange => {
                format!("--commission-rate {}", or(&f.commission, "PCT"))
            }
            RegistryAction::FinalizeCommissionChange | RegistryAction::FinalizeUndelegate => {
                format!("--request-id {}", or(&f.request_id, "N"))
            }
            RegistryAction::SetSigningAddress => {
                format!("--signing-address {}", or(&f.signing_address, "A"))
            }
            RegistryAction::Delegate | RegistryAction::WithdrawRewards => {
                format!("--pool {}", or(&f.pool, "A"))
            }
            RegistryAction::Undelegate => format!(
                "--pool {} --amount-aion {} --fee-aion {}",
                or(&f.pool, "A"),
                or(&f.amount, "X"),
                or(&f.fee, "X")
            ),
        };
        format!(
            "pool-console aion call-data {} {args}\npool-console aion transaction sign --signing-key-file {} --pool-registry mainnet \\\n  --call-data HEX --value-aion {} --nonce {} --timestamp-us {}",
            self.aion.action.command(),
            names::MANAGEMENT_KEY,
            or(&f.value, "X"),
            or(&f.nonce, "N"),
            or(&f.timestamp_us, "T"),
        )
    }
}

/// The lockout's word on the command line.
pub fn lockout_word(a: super::aion_core::lockout::LockoutAction) -> &'static str {
    use super::aion_core::lockout::LockoutAction as L;
    match a {
        L::Commission => "commission",
        L::SigningAddress => "signing-address",
        L::Undelegate => "undelegate",
        L::Transfer => "transfer",
    }
}
