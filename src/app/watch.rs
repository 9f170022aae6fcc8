//! The pool list of the Watch tab: every workspace the operator has opened and every opcert file
//! added on its own. Files are read when the list is loaded; the windows are worked out again
//! at every frame from the clock, so the list stays right as time passes.

use chrono::{DateTime, Utc};
use std::path::{Path, PathBuf};

use super::network::NetworkChoice;
use super::settings::Settings;
use super::workspace::Workspace;
use super::{ConsoleApp, Tab};
use crate::core::chain::clock::{ChainClock, KesWindow};
use crate::core::kes::journal::JournalEntry;
use crate::core::kes::opcert::OpCert;
use crate::core::kes::refresh::Schedule;
use crate::core::kes::watch::{self, Thresholds, Urgency};
use crate::core::keys::address::pool_bech32;
use crate::platform::load;

/// What the list needs from one opcert.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OpCertFacts {
    pub kes_period: u64,
    pub issue_number: u64,
    pub pool_id: [u8; 28],
}

impl From<&OpCert> for OpCertFacts {
    fn from(c: &OpCert) -> Self {
        Self {
            kes_period: c.kes_period,
            issue_number: c.issue_number,
            pool_id: c.pool_id(),
        }
    }
}

/// One line of the list, as loaded.
#[derive(Debug, Clone)]
pub struct WatchEntry {
    /// The folder's or the file's name.
    pub label: String,
    /// The workspace folder, or the opcert file.
    pub source: PathBuf,
    pub is_workspace: bool,
    pub network: NetworkChoice,
    pub clock: Result<ChainClock, String>,
    pub opcert: Result<OpCertFacts, String>,
    /// Past rotations (workspaces only).
    pub journal: Vec<JournalEntry>,
}

impl WatchEntry {
    pub fn pool_bech32(&self) -> Option<String> {
        self.opcert.as_ref().ok().map(|c| pool_bech32(&c.pool_id))
    }

    /// The window at `now`, or why there is none.
    pub fn window(&self, now: DateTime<Utc>) -> Result<KesWindow, String> {
        let facts = self.opcert.as_ref().map_err(Clone::clone)?;
        let clock = self.clock.as_ref().map_err(Clone::clone)?;
        clock
            .kes_window(facts.kes_period, now)
            .map_err(|e| e.to_string())
    }
}

/// A line of the list at one moment.
#[derive(Debug, Clone)]
pub struct WatchRow<'a> {
    pub entry: &'a WatchEntry,
    pub window: Result<KesWindow, String>,
}

impl WatchRow<'_> {
    pub fn urgency(&self, t: Thresholds) -> Option<Urgency> {
        self.window.as_ref().ok().map(|w| Urgency::of(w, t))
    }
}

#[derive(Debug, Clone, Default)]
pub struct PoolList {
    pub entries: Vec<WatchEntry>,
}

fn name_of(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

impl PoolList {
    /// Reads every watched workspace and opcert file named in the settings.
    pub fn load(settings: &Settings) -> Self {
        let mut entries = Vec::new();
        for dir in &settings.watched_workspaces {
            let network = settings.networks.get(dir).cloned().unwrap_or_default();
            let (opcert, journal) = match Workspace::scan(dir) {
                Ok(ws) => (
                    ws.opcert
                        .as_ref()
                        .map(OpCertFacts::from)
                        .ok_or_else(|| "no operational certificate in this folder yet".to_owned()),
                    ws.journal,
                ),
                Err(e) => (Err(e), Vec::new()),
            };
            entries.push(WatchEntry {
                label: name_of(dir),
                source: dir.clone(),
                is_workspace: true,
                clock: network.clock(),
                network,
                opcert,
                journal,
            });
        }
        for file in &settings.watched_opcerts {
            let opcert = load::envelope(&file.path).and_then(|env| {
                OpCert::from_envelope(&env)
                    .map(|c| OpCertFacts::from(&c))
                    .map_err(|e| format!("{}: {e}", file.path.display()))
            });
            entries.push(WatchEntry {
                label: name_of(&file.path),
                source: file.path.clone(),
                is_workspace: false,
                clock: file.network.clock(),
                network: file.network.clone(),
                opcert,
                journal: Vec::new(),
            });
        }
        Self { entries }
    }

    /// Every entry at `now`, most urgent first; entries that cannot be read come first of all,
    /// since nobody can tell how long they have.
    pub fn rows(&self, now: DateTime<Utc>, t: Thresholds) -> Vec<WatchRow<'_>> {
        let mut rows: Vec<WatchRow<'_>> = self
            .entries
            .iter()
            .map(|entry| WatchRow {
                entry,
                window: entry.window(now),
            })
            .collect();
        rows.sort_by_key(|r| match &r.window {
            Err(_) => (0, None),
            Ok(w) => (1, Some(watch::sort_key(w, t))),
        });
        rows
    }
}

impl ConsoleApp {
    /// How long until the current tab shows something new by the clock alone: the KES and
    /// Watch tabs count down to the minute (to the second in a deadline's last hour) and Watch
    /// polls its nodes; the Pool and Op cert tabs show days and periods, so the next minute
    /// will do. `None`: the tab changes only on input.
    pub fn next_change(&self) -> Option<std::time::Duration> {
        let now = self.platform.clock.now();
        let t = self.settings.thresholds();
        let mut schedule = Schedule::default();
        let mut poll = None;
        match self.tab {
            Tab::Kes => {
                if let Some(w) = self.kes_window() {
                    schedule.window(&w, t);
                }
            }
            Tab::Watch => {
                for w in self
                    .pool_list
                    .iter()
                    .flat_map(|l| &l.entries)
                    .filter_map(|e| e.window(now).ok())
                {
                    schedule.window(&w, t);
                }
                poll = self.nodes.next_poll_in();
            }
            Tab::Pool | Tab::OpCert => {}
            _ => return None,
        }
        let clock = std::time::Duration::from_millis(schedule.next_change_ms(now));
        Some(poll.map_or(clock, |p| p.min(clock)))
    }
}

impl ConsoleApp {
    /// Asks for an opcert file to watch on its own.
    pub fn pick_watched_opcert(&mut self) {
        self.pick(
            super::picker::PickKind::File,
            "Watch an operational certificate",
            super::pick::PickFor::WatchOpcert,
        );
    }

    pub(super) fn watch_opcert(&mut self, path: PathBuf) {
        if self.settings.watched_opcerts.iter().any(|w| w.path == path) {
            return self.say(format!("{} is already on the list.", path.display()));
        }
        let network = self.network_choice();
        self.say(format!(
            "Watching {} on {}.",
            path.display(),
            network.label()
        ));
        self.settings
            .watched_opcerts
            .push(super::settings::WatchedFile { path, network });
        self.pool_list = None;
    }
}
