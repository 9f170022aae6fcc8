//! Drawing the console: the top bar, the navigation rail, the status line and the tabs.
//! Widgets only; actions live in `app::actions`, formats in the core.

mod aion_actions;
mod aion_keys;
mod aion_metadata;
mod aion_stake;
mod clock_guard;
mod confirm;
pub mod form_fields;
mod governance;
mod governance_default;
mod governance_vote;
mod inspect;
mod kes;
mod keys;
mod nodes;
mod opcert;
mod passphrase;
mod picker;
mod pool;
mod recovery_phrase;
mod registration;
mod registration_preview;
mod registration_rows;
mod retire;
mod review;
mod review_fields;
mod review_metadata;
mod rotate;
mod sign;
pub mod theme;
mod timeline;
mod watch;
pub mod widgets;

use eframe::egui::{self, Key, KeyboardShortcut, Modifiers, RichText};

use crate::app::network::NetworkChoice;
use crate::app::pool_drafts::PoolDrafts;
use crate::app::registration::RegistrationForm;
use crate::app::settings::{Settings, SETTINGS_KEY};
use crate::app::{ConsoleApp, Platform, Tab};
use crate::core::keys::address::pool_bech32;

/// Before drafts were kept per pool folder: one draft for all (read once, as the unfiled one).
const LEGACY_REGISTRATION_KEY: &str = "pool-console-registration-draft";
const DRAFTS_KEY: &str = "pool-console-registration-drafts";

impl ConsoleApp {
    /// Builds the app for eframe, restoring settings and the registration draft.
    pub fn from_creation(cc: &eframe::CreationContext<'_>, platform: Platform) -> Self {
        let app = Self::restore(cc.storage, platform);
        theme::apply(&cc.egui_ctx, app.settings.dark_mode);
        app
    }

    /// The console as it was left: settings, every pool's registration draft, and the last
    /// pool folder opened again.
    pub fn restore(storage: Option<&dyn eframe::Storage>, platform: Platform) -> Self {
        let settings: Settings = storage
            .and_then(|s| eframe::get_value(s, SETTINGS_KEY))
            .unwrap_or_default();
        let mut drafts: PoolDrafts = storage
            .and_then(|s| eframe::get_value(s, DRAFTS_KEY))
            .unwrap_or_default();
        if drafts == PoolDrafts::default() {
            drafts.unfiled = storage
                .and_then(|s| eframe::get_value::<RegistrationForm>(s, LEGACY_REGISTRATION_KEY))
                .filter(|f| *f != RegistrationForm::default());
        }
        // The draft typed with no folder open is on screen until a folder takes it.
        let form = drafts.unfiled.take().unwrap_or_default();
        let mut app = Self::new(settings, form, platform);
        app.pool_drafts = drafts;
        if let Some(dir) = app.settings.recent_workspaces.first().cloned() {
            if dir.is_dir() {
                app.open_workspace(&dir);
                app.status = None;
            }
        }
        app
    }

    fn shortcuts(&mut self, ctx: &egui::Context) {
        // A picker, a confirmation, a passphrase or the recovery phrase is open: its own keys only.
        if self.picking.open.is_some()
            || self.confirm.is_some()
            || self.recovery.is_some()
            || self.protect.is_some()
            || self.unlock.is_some()
        {
            return;
        }
        if ctx.input_mut(|i| i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::O)))
        {
            self.choose_workspace();
        }
        if ctx.input_mut(|i| i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::S)))
            && self.tab == Tab::Registration
        {
            self.build_registration();
        }
        let dropped: Vec<std::path::PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        for path in dropped {
            if path.is_dir() {
                self.open_workspace(&path);
            } else {
                self.open_file(&path);
            }
        }
    }

    fn top_bar(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            ui.label(RichText::new("Pool Console").strong().size(17.0));
            ui.separator();
            let name = self.workspace.as_ref().map_or_else(
                || "No pool folder".to_owned(),
                |w| {
                    w.dir.file_name().map_or_else(
                        || w.dir.display().to_string(),
                        |n| n.to_string_lossy().into_owned(),
                    )
                },
            );
            let recent = self.settings.recent_workspaces.clone();
            let mut open: Option<std::path::PathBuf> = None;
            egui::ComboBox::from_id_salt("workspace")
                .selected_text(format!("📁 {name}"))
                .show_ui(ui, |ui| {
                    for dir in &recent {
                        if ui
                            .selectable_label(false, dir.display().to_string())
                            .clicked()
                        {
                            open = Some(dir.clone());
                        }
                    }
                    if ui.button("Open another folder…").clicked() {
                        open = Some(std::path::PathBuf::new());
                    }
                })
                .response
                .on_hover_text("The pool folder (Ctrl+O opens another)");
            match open {
                Some(p) if p.as_os_str().is_empty() => self.choose_workspace(),
                Some(p) => self.open_workspace(&p),
                None => {}
            }
            if self.is_aion() {
                ui.label(RichText::new("🌐 Aion Unity mainnet").color(theme::OK))
                    .on_hover_text("This folder is an Aion Unity pool's (its files say so)");
            } else if self.workspace.is_some() {
                let mut choice = self.network_choice();
                let mut custom = false;
                let before = choice.clone();
                egui::ComboBox::from_label("Network")
                    .selected_text(RichText::new(format!("🌐 {}", choice.label())).color(
                        if choice == NetworkChoice::Mainnet {
                            theme::OK
                        } else {
                            theme::WARN
                        },
                    ))
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut choice, NetworkChoice::Mainnet, "mainnet");
                        ui.selectable_value(&mut choice, NetworkChoice::Preprod, "preprod");
                        ui.selectable_value(&mut choice, NetworkChoice::Preview, "preview");
                        if ui
                            .selectable_label(
                                matches!(choice, NetworkChoice::Custom { .. }),
                                "custom (genesis files)…",
                            )
                            .clicked()
                        {
                            custom = true;
                        }
                    });
                if custom {
                    self.choose_custom_network();
                } else if choice != before {
                    self.set_network(choice);
                }
                if let Some(id) = self
                    .workspace
                    .as_ref()
                    .and_then(crate::app::workspace::Workspace::pool_id)
                {
                    ui.separator();
                    widgets::copyable(ui, "pool id", &pool_bech32(&id), 8);
                }
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.menu_button("⚙", |ui| {
                    ui.checkbox(
                        &mut self.settings.builtin_file_picker,
                        "Use the built-in file picker",
                    )
                    .on_hover_text(
                        "Open and save files with Pool Console's own picker instead of the desktop's dialog (it is used anyway when the desktop has none)",
                    );
                })
                .response
                .on_hover_text("Settings");
                let (icon, tip) = if self.settings.dark_mode {
                    ("☀ Light", "Switch to the light theme")
                } else {
                    ("🌙 Dark", "Switch to the dark theme")
                };
                if ui.button(icon).on_hover_text(tip).clicked() {
                    self.settings.dark_mode = !self.settings.dark_mode;
                    theme::apply(ui.ctx(), self.settings.dark_mode);
                }
            });
        });
    }

    fn nav(&mut self, ui: &mut egui::Ui) {
        ui.add_space(6.0);
        for &tab in self.tabs() {
            let text = RichText::new(format!("{}  {}", tab.icon(), tab.label())).size(15.0);
            let selected = self.tab == tab;
            if ui
                .add_sized(
                    [ui.available_width(), 32.0],
                    egui::Button::selectable(selected, text),
                )
                .clicked()
            {
                self.show_tab(tab);
            }
        }
    }

    fn status_line(&self, ui: &mut egui::Ui) {
        ui.horizontal_wrapped(|ui| match &self.status {
            Some(s) if s.is_error => {
                ui.label(RichText::new(format!("⛔ {}", s.text)).color(theme::error_text(ui)));
            }
            Some(s) => {
                ui.label(RichText::new(format!("✔ {}", s.text)));
            }
            None => {
                ui.label(
                    RichText::new("Ready. Drop a file here to inspect it, or a folder to open it.")
                        .color(theme::weak(ui)),
                );
            }
        });
    }

    /// One frame of the console.
    pub fn frame(&mut self, ui: &mut egui::Ui) {
        self.shortcuts(ui.ctx());
        if self.nodes.waker.is_none() {
            let ctx = ui.ctx().clone();
            self.nodes.waker = Some(std::sync::Arc::new(move || ctx.request_repaint()));
        }
        egui::Panel::top("top").show(ui, |ui| {
            ui.add_space(4.0);
            self.top_bar(ui);
            ui.add_space(2.0);
        });
        egui::Panel::bottom("status").show(ui, |ui| {
            ui.add_space(2.0);
            self.status_line(ui);
        });
        egui::Panel::left("nav")
            .exact_size(150.0)
            .resizable(false)
            .show(ui, |ui| self.nav(ui));
        self.keep_tab_in_profile();
        // Each tab opens at its top, however far down the previous one was scrolled.
        let tab_changed = self.shown_tab.replace(self.tab) != Some(self.tab);
        egui::CentralPanel::default_margins().show(ui, |ui| {
            let mut area = egui::ScrollArea::vertical().auto_shrink(false);
            if tab_changed {
                area = area.vertical_scroll_offset(0.0);
            }
            area.show(ui, |ui| {
                ui.set_max_width(ui.available_width().min(1100.0));
                match self.tab {
                    Tab::Pool if self.is_aion() => aion_keys::pool(self, ui),
                    Tab::Pool => pool::show(self, ui),
                    Tab::Keys => keys::show(self, ui),
                    Tab::Kes => kes::show(self, ui),
                    Tab::Watch => watch::show(self, ui),
                    Tab::OpCert => opcert::show(self, ui),
                    Tab::Registration => registration::show(self, ui),
                    Tab::Review => review::show(self, ui),
                    Tab::Sign => sign::show(self, ui),
                    Tab::Retire => retire::show(self, ui),
                    Tab::Inspect => inspect::show(self, ui),
                    Tab::Governance => governance::show(self, ui),
                    Tab::AionKeys => aion_keys::show(self, ui),
                    Tab::AionMetadata => aion_metadata::show(self, ui),
                    Tab::AionActions => aion_actions::show(self, ui),
                    Tab::AionLockouts => aion_stake::lockouts(self, ui),
                    Tab::AionSelfBond => aion_stake::self_bond(self, ui),
                }
                let title = if self.is_aion() {
                    "Command line equivalent"
                } else {
                    "cardano-cli equivalent"
                };
                widgets::cli_equivalent_titled(ui, title, &self.tab_command());
            });
        });
        recovery_phrase::show(self, ui);
        confirm::show(self, ui);
        passphrase::show(self, ui);
        picker::show(self, ui);
        // Calm when idle: the tab is drawn again when what it shows next changes by the clock
        // (a minute; a second in the last hour before a deadline), or when a node poll is due.
        if let Some(after) = self.next_change() {
            ui.ctx().request_repaint_after(after);
        }
    }
}

impl eframe::App for ConsoleApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        // Nothing that looks like a secret is ever written to the settings file.
        eframe::set_value(storage, SETTINGS_KEY, &self.settings.without_secrets());
        let folder = self.workspace.as_ref().map(|w| w.dir.as_path());
        eframe::set_value(
            storage,
            DRAFTS_KEY,
            &self.pool_drafts.to_save(folder, &self.registration),
        );
        // The one shared draft of older versions is now in the drafts: never read it again.
        eframe::set_value(
            storage,
            LEGACY_REGISTRATION_KEY,
            &RegistrationForm::default(),
        );
    }
}
