//! What the console remembers between runs. Never secrets: only paths, choices and thresholds.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::PathBuf;

use super::network::NetworkChoice;
use super::registration::RegistrationForm;
use super::Tab;
use crate::core::kes::watch::Thresholds;
use crate::core::message::quote::{self, Source};

pub const SETTINGS_KEY: &str = "pool-console-settings";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Most recent first.
    pub recent_workspaces: Vec<PathBuf>,
    pub networks: BTreeMap<PathBuf, NetworkChoice>,
    pub dark_mode: bool,
    /// KES warning and alert thresholds, in days before expiry.
    pub warn_days: u32,
    pub alert_days: u32,
    pub last_tab: Tab,
    /// Every workspace opened and not removed from the Watch list, in the order first opened.
    pub watched_workspaces: Vec<PathBuf>,
    /// Opcert files watched on their own (not in a workspace), with their network.
    pub watched_opcerts: Vec<WatchedFile>,
    /// Node metrics endpoints polled on the Watch tab.
    pub metrics_endpoints: Vec<MetricsEndpoint>,
    /// Open Pool Console's own file picker instead of the desktop's dialog.
    pub builtin_file_picker: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WatchedFile {
    pub path: PathBuf,
    pub network: NetworkChoice,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MetricsEndpoint {
    pub url: String,
    pub network: NetworkChoice,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            recent_workspaces: Vec::new(),
            networks: BTreeMap::new(),
            dark_mode: true,
            warn_days: 14,
            alert_days: 3,
            last_tab: Tab::Pool,
            watched_workspaces: Vec::new(),
            watched_opcerts: Vec::new(),
            metrics_endpoints: Vec::new(),
            builtin_file_picker: false,
        }
    }
}

impl Settings {
    /// What is written to disk: any entry that looks like a secret (see core::message::quote) is left
    /// out, whatever was typed or picked.
    pub fn without_secrets(&self) -> Self {
        let public = |p: &PathBuf| !quote::looks_secret(&p.to_string_lossy());
        let mut s = self.clone();
        s.recent_workspaces.retain(public);
        s.watched_workspaces.retain(public);
        s.networks.retain(|p, n| public(p) && network_is_public(n));
        s.watched_opcerts
            .retain(|w| public(&w.path) && network_is_public(&w.network));
        s.metrics_endpoints
            .retain(|m| !quote::looks_secret(&m.url) && network_is_public(&m.network));
        s
    }

    pub fn thresholds(&self) -> Thresholds {
        Thresholds {
            warn_days: self.warn_days,
            alert_days: self.alert_days,
        }
    }

    pub fn remember_workspace(&mut self, dir: &std::path::Path) {
        self.recent_workspaces.retain(|p| p != dir);
        self.recent_workspaces.insert(0, dir.to_path_buf());
        self.recent_workspaces.truncate(8);
        if !self.watched_workspaces.iter().any(|p| p == dir) {
            self.watched_workspaces.push(dir.to_path_buf());
        }
    }
}

fn network_is_public(n: &NetworkChoice) -> bool {
    match n {
        NetworkChoice::Custom {
            shelley_genesis,
            byron_genesis,
        } => [shelley_genesis, byron_genesis]
            .iter()
            .all(|p| !quote::looks_secret(&p.to_string_lossy())),
        _ => true,
    }
}

/// Key fields take a file path, bech32, a 64-hex key or a 56-hex hash; longer hex (a signing
/// key's cborHex, an extended secret) may be a secret pasted by mistake.
const KEY_FIELD: Source = Source::SecretContext {
    allowed_hex: &[56, 64],
};

/// Empties a typed value that looks like a secret.
fn scrub(field: &mut String, source: Source) {
    if quote::looks_secret_from(field, source) {
        field.clear();
    }
}

/// The registration draft as saved with the settings: every field that looks like a secret
/// (a signing key, its hex in a key field, a recovery phrase) is saved empty, so a paste into
/// the wrong box never reaches the settings file.
pub fn registration_without_secrets(form: &RegistrationForm) -> RegistrationForm {
    let mut f = form.clone();
    let plain = Source::Plain;
    for field in [
        &mut f.pledge_ada,
        &mut f.cost_ada,
        &mut f.margin_percent,
        &mut f.deposit_ada,
        &mut f.metadata.name,
        &mut f.metadata.ticker,
        &mut f.metadata.description,
        &mut f.metadata.homepage,
        &mut f.metadata.extended,
        &mut f.metadata.url,
    ] {
        scrub(field, plain);
    }
    scrub(&mut f.reward_account, KEY_FIELD);
    for o in &mut f.owners {
        scrub(&mut o.name, plain);
        scrub(&mut o.key, KEY_FIELD);
        scrub(&mut o.pledge_ada, plain);
    }
    for r in &mut f.relays {
        scrub(&mut r.host, plain);
        scrub(&mut r.port, plain);
    }
    f
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::registration::OwnerDraft;

    const PHRASE: &str =
        "abandon ability able about above absent absorb abstract absurd abuse access accident";

    #[test]
    fn secrets_are_never_saved() {
        let mut form = RegistrationForm {
            pledge_ada: "250000".to_owned(),
            reward_account: format!("5820{}", "ab".repeat(32)),
            ..RegistrationForm::default()
        };
        form.metadata.description = PHRASE.to_owned();
        form.owners.push(OwnerDraft {
            name: "Alice".to_owned(),
            key: "stake_sk1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqq".to_owned(),
            pledge_ada: "1000".to_owned(),
        });
        form.owners.push(OwnerDraft {
            name: "Bob".to_owned(),
            key: "ab".repeat(32),
            pledge_ada: String::new(),
        });
        let saved = registration_without_secrets(&form);
        assert_eq!(saved.pledge_ada, "250000");
        assert_eq!(saved.reward_account, "");
        assert_eq!(saved.metadata.description, "");
        assert_eq!(saved.owners[0].key, "");
        assert_eq!(saved.owners[0].name, "Alice");
        // A verification key as 64 hex digits is what the field takes: kept.
        assert_eq!(saved.owners[1].key, "ab".repeat(32));
        let json = serde_json::to_string(&saved).unwrap();
        assert!(!json.contains("stake_sk1") && !json.contains("abandon"));

        let mut settings = Settings {
            recent_workspaces: vec![
                PathBuf::from("/pools/alpha"),
                PathBuf::from("/tmp/addr_xsk1qqqqqqqqqqqqqqqq"),
            ],
            ..Settings::default()
        };
        settings.metrics_endpoints.push(MetricsEndpoint {
            url: "http://127.0.0.1:12798/metrics".to_owned(),
            network: NetworkChoice::Mainnet,
        });
        let saved = settings.without_secrets();
        assert_eq!(saved.recent_workspaces, vec![PathBuf::from("/pools/alpha")]);
        assert_eq!(saved.metrics_endpoints.len(), 1);
    }
}
