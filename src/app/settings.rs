//! What the console remembers between runs. Never secrets: only paths, choices and thresholds.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::PathBuf;

use super::network::NetworkChoice;
use super::Tab;

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
        }
    }
}

impl Settings {
    pub fn remember_workspace(&mut self, dir: &std::path::Path) {
        self.recent_workspaces.retain(|p| p != dir);
        self.recent_workspaces.insert(0, dir.to_path_buf());
        self.recent_workspaces.truncate(8);
    }
}
