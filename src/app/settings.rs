//! What the console remembers between runs. Never secrets: only paths, choices and thresholds.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::PathBuf;

use super::network::NetworkChoice;
use super::Tab;
use crate::core::kes_watch::Thresholds;

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
        }
    }
}

impl Settings {
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
