//! The cardano-cli commands behind the Governance tab: the reward account's vote delegation,
//! each rationale's hash, each vote, and the online machine's one transaction for them all.

use super::governance::{vote_file_name, GovernanceDesk};
use super::tab_command::TabCommand;
use super::workspace::{names, Role};
use super::ConsoleApp;
use crate::core::certificate::Drep;

impl ConsoleApp {
    pub(super) fn governance_command(&self) -> TabCommand {
        let desk = &self.governance;
        let mut lines = Vec::new();
        if let (Some(key), Ok(drep)) = (self.governance_reward_key(), desk.drep()) {
            let vkey = self
                .workspace
                .as_ref()
                .map(|w| w.short(&key.path))
                .unwrap_or_default();
            let stem = vkey.strip_suffix(".vkey").unwrap_or(&vkey);
            let target = match drep {
                Drep::AlwaysAbstain => "--always-abstain".to_owned(),
                Drep::AlwaysNoConfidence => "--always-no-confidence".to_owned(),
                Drep::Key(h) | Drep::Script(h) => format!("--drep-key-hash {}", hex::encode(h)),
            };
            lines.push(format!(
                "cardano-cli conway stake-address vote-delegation-certificate --stake-verification-key-file {vkey} {target} --out-file {stem}.vote-deleg.cert"
            ));
        }
        let cold = self.short(Role::ColdVkey);
        let cold = if cold.is_empty() {
            names::COLD_VKEY.to_owned()
        } else {
            cold
        };
        for (action, draft) in desk.actions.iter().zip(&desk.drafts) {
            let Some(vote) = draft.vote else { continue };
            let mut line = format!(
                "cardano-cli conway governance vote create {} --governance-action-tx-id {} --governance-action-index {} --cold-verification-key-file {cold}",
                vote.cli_flag(),
                hex::encode(action.tx_id),
                action.index
            );
            let (url, hash) = (draft.anchor_url.trim(), draft.anchor_hash.trim());
            if !url.is_empty() && !hash.is_empty() {
                // The rationale saved here: how its hash is made again.
                if let Some((path, _)) = draft
                    .anchor
                    .as_ref()
                    .filter(|(_, h)| hex::encode(h) == hash)
                {
                    let file = self
                        .workspace
                        .as_ref()
                        .map_or_else(|| path.display().to_string(), |w| w.short(path));
                    lines.push(format!("cardano-cli hash anchor-data --file-text {file}"));
                }
                line.push_str(&format!(" --anchor-url {url} --anchor-data-hash {hash}"));
            }
            line.push_str(&format!(" --out-file {}", vote_file_name(action)));
            lines.push(line);
        }
        if lines.is_empty() {
            return TabCommand::Hint("Pick a vote, or a vote delegation, to see the commands.");
        }
        TabCommand::Command(lines.join("\n"))
    }
}

/// The online machine's command: one transaction with every vote file saved (else every vote
/// drafted), two witnesses (payment key and cold key).
pub fn online_build(desk: &GovernanceDesk, saved: &[String]) -> String {
    let files: Vec<String> = if saved.is_empty() {
        desk.actions
            .iter()
            .zip(&desk.drafts)
            .filter(|(_, d)| d.vote.is_some())
            .map(|(a, _)| format!("--vote-file {}", vote_file_name(a)))
            .collect()
    } else {
        saved.iter().map(|f| format!("--vote-file {f}")).collect()
    };
    let files = if files.is_empty() {
        "--vote-file vote-a.vote --vote-file vote-b.vote".to_owned()
    } else {
        files.join(" ")
    };
    format!(
        "cardano-cli conway transaction build --tx-in TXIN --change-address PAYMENT_ADDR {files} --witness-override 2 --out-file votes.txbody"
    )
}
