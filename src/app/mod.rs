//! The console's state and the actions it performs. No widgets here: `ui/` draws this state and
//! calls these actions; every format decision is the core's.

pub mod actions;
pub mod aion_action_check;
pub mod aion_actions;
pub mod aion_core;
pub mod aion_desk;
pub mod aion_metadata;
pub mod aion_profile;
mod aion_sign;
pub mod aion_tabs;
pub mod cli_equivalent;
pub mod governance;
pub mod governance_command;
mod governance_vote_file;
mod key_actions;
pub mod network;
pub mod nodes;
mod opcert_actions;
mod open_file;
pub mod pick;
pub mod picker;
pub mod plan_io;
pub mod pool_drafts;
pub mod protect_actions;
pub mod recovery_actions;
pub mod registration;
mod registration_actions;
pub mod registration_feedback;
pub mod registration_metadata;
pub mod registration_relays;
pub mod review;
pub mod rotation;
pub mod settings;
mod setup_facts;
pub mod setup_steps;
pub mod sign;
pub mod tab_command;
pub mod unlock;
pub mod watch;
pub mod workspace;

use serde::{Deserialize, Serialize};
use std::path::PathBuf;

use crate::core::chain::clock::ChainClock;
use crate::core::describe::Description;
use crate::core::keys::address::Network;
use crate::platform::clock::{Clock, SystemClock};
use crate::platform::dialogs::{Dialogs, NativeDialogs};
use network::NetworkChoice;
use registration::RegistrationForm;
use settings::Settings;
use workspace::Workspace;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Tab {
    #[default]
    Pool,
    Keys,
    Kes,
    Watch,
    OpCert,
    Registration,
    Review,
    Sign,
    Retire,
    Inspect,
    Governance,
    // The Aion Unity profile's own tabs (its Pool tab is the shared one).
    AionKeys,
    AionMetadata,
    AionActions,
    AionLockouts,
    AionSelfBond,
}

impl Tab {
    pub const ALL: [Self; 11] = [
        Self::Pool,
        Self::Keys,
        Self::Kes,
        Self::Watch,
        Self::OpCert,
        Self::Registration,
        Self::Review,
        Self::Sign,
        Self::Governance,
        Self::Retire,
        Self::Inspect,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Pool => "Pool",
            Self::Keys => "Keys",
            Self::Kes => "KES",
            Self::Watch => "Watch",
            Self::OpCert => "Op cert",
            Self::Registration => "Registration",
            Self::Review => "Review",
            Self::Sign => "Sign",
            Self::Retire => "Retire",
            Self::Inspect => "Inspect",
            Self::Governance => "Governance",
            Self::AionKeys => "Keys",
            Self::AionMetadata => "Metadata",
            Self::AionActions => "Registry actions",
            Self::AionLockouts => "Lockouts",
            Self::AionSelfBond => "Self-bond",
        }
    }

    pub fn icon(self) -> &'static str {
        match self {
            Self::Pool => "🏠",
            Self::Keys => "🔑",
            Self::Kes => "⏱",
            Self::Watch => "📡",
            Self::OpCert => "📜",
            Self::Registration => "📝",
            Self::Review => "👥",
            Self::Sign => "✒",
            Self::Retire => "⊗",
            Self::Inspect => "🔍",
            Self::Governance => "⚖",
            Self::AionKeys => "🔑",
            Self::AionMetadata => "📝",
            Self::AionActions => "✒",
            Self::AionLockouts => "⏳",
            Self::AionSelfBond => "⚖",
        }
    }
}

/// The last thing that happened, shown in the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub is_error: bool,
}

/// An action that needs an explicit yes first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pending {
    ReplaceColdKeys,
    /// Replace the cold keys with the ones the recovery-phrase dialog derives.
    ReplaceColdKeysFromPhrase,
    ReplaceVrfKeys,
    ReplaceKesKeys,
    ReplaceStakeKeys(String),
    IssueOpCert {
        kes_period: u64,
    },
    Retire {
        epoch: u64,
    },
    Rotate(rotation::RotationPlan),
    /// Create this missing pool folder, then open it.
    CreateWorkspace(PathBuf),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confirm {
    pub title: String,
    pub message: String,
    pub confirm_label: String,
    pub action: Pending,
}

/// Side effects the console cannot do without: dialogs and the clock (files go through
/// `platform::files` directly, in the actions).
pub struct Platform {
    pub dialogs: Box<dyn Dialogs>,
    pub clock: Box<dyn Clock>,
}

impl Default for Platform {
    fn default() -> Self {
        Self {
            dialogs: Box::new(NativeDialogs),
            clock: Box::new(SystemClock),
        }
    }
}

/// Per-tab inputs that are not worth persisting.
#[derive(Debug, Clone, Default)]
pub struct Drafts {
    pub owner_name: String,
    pub kes_period: String,
    pub retire_epoch: String,
    pub inspect_path: String,
    pub inspected: Vec<(String, Result<Description, String>)>,
    pub build_owner_certs: bool,
    /// A metadata file the person loaded, kept byte for byte for its hash until they edit it.
    pub loaded_metadata: Option<(PathBuf, Vec<u8>)>,
    pub verify_result: Option<Result<String, String>>,
    pub rotation: rotation::RotationDraft,
    /// Bring the rotation steps into view at the next frame (the "Rotate" buttons).
    pub scroll_to_rotation: bool,
    /// The Watch tab's "add an endpoint" field.
    pub new_metrics_url: String,
    /// A pool plan imported into the builder, to compare the form against.
    pub imported_plan: Option<plan_io::ImportedPlan>,
    /// The Registration form's last failed action, until the form allows it.
    pub form_feedback: registration_feedback::FormFeedback,
    /// What the last write found and finished of an interrupted earlier one, said with the
    /// next status line.
    pub recovered: Vec<String>,
}

pub struct ConsoleApp {
    pub settings: Settings,
    pub registration: RegistrationForm,
    /// The registration drafts of the pool folders not on screen (each folder keeps its own).
    pub pool_drafts: pool_drafts::PoolDrafts,
    pub workspace: Option<Workspace>,
    pub clock: Option<ChainClock>,
    pub tab: Tab,
    /// The tab drawn last frame: a different one starts scrolled to its top.
    pub(crate) shown_tab: Option<Tab>,
    pub status: Option<Status>,
    pub confirm: Option<Confirm>,
    pub drafts: Drafts,
    pub platform: Platform,
    /// The builder's last check and what it was computed from: every frame asks for it, and
    /// it only changes when the form, the network or the folder's files do.
    pub(crate) check_cache: std::cell::RefCell<Option<(CheckInputs, registration::FormCheck)>>,
    /// What the checklist read from the folder, and at which scan of which folder.
    pub(crate) setup_cache: std::cell::RefCell<Option<((u64, PathBuf), setup_facts::FolderFacts)>>,
    /// Bumped whenever the folder is scanned again (files may have changed on disk).
    pub(crate) scan_generation: u64,
    /// The Watch tab's pool list, loaded when the tab is first shown and on Refresh.
    pub pool_list: Option<watch::PoolList>,
    pub nodes: nodes::NodeWatch,
    /// The Review tab: certificate, previous registration, plan, owner key.
    pub review: review::ReviewDesk,
    /// The Sign tab: a transaction, its decoded body, the witnesses gathered.
    pub sign: sign::SignDesk,
    /// The Governance tab: actions from the online machine, votes, rationales.
    pub governance: governance::GovernanceDesk,
    /// The console's own file picker, when open, and what the desktop's dialogs did.
    pub picking: pick::Picking,
    /// The recovery-phrase dialog, when open; its phrase is wiped when it closes.
    pub recovery: Option<recovery_actions::PhraseDialog>,
    /// The "Protect with a passphrase" dialog, when open.
    pub protect: Option<protect_actions::ProtectDialog>,
    /// The passphrase prompt in front of an action that needs an encrypted key.
    pub unlock: Option<unlock::UnlockPrompt>,
    /// Whether this machine looks online (tests put their own answer here).
    pub online_probe: fn() -> bool,
    /// The probe's answer and the folder scan it was asked at.
    pub(crate) online_cache: std::cell::Cell<Option<(u64, bool)>>,
    /// The open folder's chain: Cardano unless its files say Aion Unity.
    pub profile: aion_profile::Profile,
    /// The chain a folder about to be created is for (the create confirmation's choice).
    pub new_folder_profile: aion_profile::Profile,
    /// The Aion Unity tabs' inputs and results.
    pub aion: aion_desk::AionDesk,
    /// What the Aion tabs read from the folder at its last scan.
    pub aion_facts: aion_profile::AionFacts,
}

/// Everything a registration check depends on.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CheckInputs {
    pub form: RegistrationForm,
    pub network: Network,
    pub generation: u64,
    pub metadata: Option<Vec<u8>>,
}

impl ConsoleApp {
    pub fn new(settings: Settings, registration: RegistrationForm, platform: Platform) -> Self {
        let tab = settings.last_tab;
        Self {
            settings,
            registration,
            pool_drafts: pool_drafts::PoolDrafts::default(),
            workspace: None,
            clock: None,
            tab,
            shown_tab: None,
            status: None,
            confirm: None,
            drafts: Drafts {
                build_owner_certs: true,
                ..Drafts::default()
            },
            platform,
            check_cache: std::cell::RefCell::new(None),
            setup_cache: std::cell::RefCell::new(None),
            scan_generation: 0,
            pool_list: None,
            nodes: nodes::NodeWatch::default(),
            review: review::ReviewDesk::default(),
            sign: sign::SignDesk::default(),
            governance: governance::GovernanceDesk::default(),
            picking: pick::Picking::default(),
            recovery: None,
            protect: None,
            unlock: None,
            online_probe: crate::platform::online::looks_online,
            online_cache: std::cell::Cell::new(None),
            profile: aion_profile::Profile::default(),
            new_folder_profile: aion_profile::Profile::default(),
            aion: aion_desk::AionDesk::default(),
            aion_facts: aion_profile::AionFacts::default(),
        }
    }

    pub fn network_choice(&self) -> NetworkChoice {
        self.workspace
            .as_ref()
            .and_then(|w| self.settings.networks.get(&w.dir).cloned())
            .unwrap_or_default()
    }

    pub fn network(&self) -> Network {
        self.network_choice().network(self.clock.as_ref())
    }

    pub fn say(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: self.with_recovered(text.into()),
            is_error: false,
        });
    }

    pub fn fail(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: self.with_recovered(text.into()),
            is_error: true,
        });
    }

    /// Writes one output through the operations layer, keeping what it recovered.
    pub fn save_output(
        &mut self,
        path: &std::path::Path,
        bytes: &[u8],
        kind: crate::platform::files::OutputKind,
    ) -> Result<(), String> {
        let done = crate::ops::outputs::write(path, bytes, kind).map_err(|e| e.0)?;
        self.note(&done);
        Ok(())
    }

    /// Keeps what a write recovered, to be said with the next status line.
    pub fn note(&mut self, done: &crate::ops::Done) {
        self.drafts.recovered.extend(done.notes.iter().cloned());
    }

    fn with_recovered(&mut self, text: String) -> String {
        if self.drafts.recovered.is_empty() {
            return text;
        }
        let notes = std::mem::take(&mut self.drafts.recovered);
        format!("{text} Note: {}.", notes.join("; "))
    }

    /// The KES periods an opcert may start at now: the folder's network, by the machine clock.
    pub fn period_check(&self) -> crate::ops::opcert::PeriodCheck {
        let current =
            self.current_kes_period()
                .map(|period| crate::core::kes::issue_period::CurrentPeriod {
                    network: self.network_choice().label(),
                    period,
                });
        match current {
            Some(c) => crate::ops::opcert::PeriodCheck::Near {
                current: vec![c],
                how_to_fix: "use the current period, which the Op cert tab fills in",
            },
            // No clock for this folder: the Op cert tab already says so; nothing to compare.
            None => crate::ops::opcert::PeriodCheck::Any,
        }
    }
}

pub use crate::core::kes::watch::Urgency;

/// A file's name for messages and labels (the whole path when it has no name).
pub(crate) fn file_label(path: &std::path::Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

impl ConsoleApp {
    /// The workspace opcert's validity window at the platform clock's "now".
    pub fn kes_window(&self) -> Option<crate::core::chain::clock::KesWindow> {
        let cert = self.workspace.as_ref()?.opcert.as_ref()?;
        self.clock
            .as_ref()?
            .kes_window(cert.kes_period, self.platform.clock.now())
            .ok()
    }

    /// Goes to `tab` and remembers it for the next start.
    pub fn show_tab(&mut self, tab: Tab) {
        self.tab = tab;
        self.settings.last_tab = tab;
    }

    pub fn urgency(&self, w: &crate::core::chain::clock::KesWindow) -> Urgency {
        Urgency::of(w, self.settings.thresholds())
    }
}
