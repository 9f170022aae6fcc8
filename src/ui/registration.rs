//! The Registration tab: who, money, where, what wallets show; then build.

use eframe::egui::{self, RichText, TextEdit};

use super::theme::{self, Level};
use super::widgets;
use crate::app::registration::{FormCheck, OwnerDraft, RelayDraft, RelayKind};
use crate::app::ConsoleApp;
use crate::core::certificate::amount::format_ada;
use crate::core::certificate::metadata;
use crate::core::message::quote::escape;

pub fn show(app: &mut ConsoleApp, ui: &mut egui::Ui) {
    widgets::section(
        ui,
        "Registration certificate",
        "Everything the chain records about the pool. Fields are checked as you type.",
    );
    if widgets::needs_workspace(app, ui) {
        return;
    }
    let check = app.check_registration();
    let wide = ui.available_width() > 980.0;
    if wide {
        ui.horizontal_top(|ui| {
            ui.vertical(|ui| {
                ui.set_width(600.0);
                form(app, ui, &check);
            });
            ui.add_space(12.0);
            ui.vertical(|ui| {
                ui.set_max_width((ui.available_width() - 16.0).max(300.0));
                preview(app, ui, &check);
            });
        });
    } else {
        form(app, ui, &check);
        preview(app, ui, &check);
    }
}

fn form(app: &mut ConsoleApp, ui: &mut egui::Ui, check: &FormCheck) {
    for missing in &check.keys_missing {
        widgets::status(ui, Level::Alert, &format!("Needs {missing}."));
    }
    // Who
    ui.label(RichText::new("Who").strong().size(16.0));
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        owners(app, ui, check);
        egui::Grid::new("reward").num_columns(2).spacing([12.0, 6.0]).show(ui, |ui| {
            widgets::field(
                ui,
                "Reward account",
                "Where the pool's rewards go: a stake key file in this folder, a stake_vk1… key or a stake1… address.",
                &mut app.registration.reward_account,
                "alice.stake.vkey or stake1…",
                check.reward.as_deref(),
            );
        });
    });
    // Money
    ui.add_space(6.0);
    ui.label(RichText::new("Money").strong().size(16.0));
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        egui::Grid::new("money").num_columns(2).spacing([12.0, 6.0]).show(ui, |ui| {
            widgets::field(ui, "Pledge (ADA)", "What the owners promise to keep delegated to the pool. Delegators see it; if the owners hold less, the pool earns nothing.", &mut app.registration.pledge_ada, "e.g. 100000", check.pledge.as_deref());
            widgets::field(ui, "Fixed cost (ADA per epoch)", "Taken from each epoch's rewards before the margin. At least the protocol's minimum pool cost.", &mut app.registration.cost_ada, "e.g. 170", check.cost.as_deref());
            widgets::field(ui, "Margin (%)", "The pool's share of rewards after the fixed cost.", &mut app.registration.margin_percent, "e.g. 1.5", check.margin.as_deref());
        });
        let mut plain = Vec::new();
        if let Some(l) = check.pledge_lovelace {
            plain.push(format!("pledge {} = {l} lovelace", format_ada(l)));
        }
        if let Some(m) = &check.margin_value {
            plain.push(format!("margin {} = {m} exactly", m.percent_string(4)));
        }
        if !plain.is_empty() {
            ui.label(RichText::new(plain.join(" · ")).small().color(theme::weak(ui)));
        }
    });
    // Where
    ui.add_space(6.0);
    ui.label(RichText::new("Where (relays)").strong().size(16.0))
        .on_hover_text("The public nodes other pools connect to.");
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        relays(app, ui, check);
    });
    // What wallets show
    ui.add_space(6.0);
    ui.label(
        RichText::new("What wallets show (metadata)")
            .strong()
            .size(16.0),
    );
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        metadata_form(app, ui, check);
    });
    ui.add_space(8.0);
    build(app, ui, check);
}

fn owners(app: &mut ConsoleApp, ui: &mut egui::Ui, check: &FormCheck) {
    ui.label("Owners").on_hover_text("Stake keys whose delegated ADA counts as pledge. Each owner signs the registration transaction.");
    let mut remove = None;
    for (i, owner) in app.registration.owners.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            let n = ui.label(format!("Owner {} name", i + 1));
            ui.add(TextEdit::singleline(&mut owner.name).desired_width(110.0))
                .labelled_by(n.id);
            let k = ui.label("key");
            ui.add(
                TextEdit::singleline(&mut owner.key)
                    .hint_text("file, stake_vk1…, stake1… or hash")
                    .desired_width(260.0),
            )
            .labelled_by(k.id);
            let p = ui
                .label("pledge")
                .on_hover_text("The ADA this owner plans to keep delegated (for the pool plan and its pledge check)");
            ui.add(
                TextEdit::singleline(&mut owner.pledge_ada)
                    .hint_text("ADA")
                    .desired_width(80.0),
            )
            .labelled_by(p.id);
            if ui
                .small_button("✖")
                .on_hover_text(format!("Remove owner {}", i + 1))
                .clicked()
            {
                remove = Some(i);
            }
        });
        if let Some(Some(e)) = check.owners.get(i) {
            ui.label(RichText::new(e).small().color(theme::error_text(ui)));
        }
    }
    if let Some(i) = remove {
        app.registration.owners.remove(i);
    }
    if let Some(e) = &check.owners_missing {
        ui.label(RichText::new(e).small().color(theme::weak(ui)));
    }
    ui.horizontal(|ui| {
        if ui.button("➕ Add owner").clicked() {
            app.registration.owners.push(OwnerDraft::default());
        }
        let stake: Vec<String> = app
            .workspace
            .as_ref()
            .map(|w| w.stake_keys.iter().map(|k| w.short(&k.path)).collect())
            .unwrap_or_default();
        for file in stake {
            if !app.registration.owners.iter().any(|o| o.key == file)
                && ui
                    .button(format!("➕ {file}"))
                    .on_hover_text("Add this stake key as an owner")
                    .clicked()
            {
                let name = file
                    .trim_end_matches(".vkey")
                    .trim_end_matches(".stake")
                    .to_owned();
                app.registration.owners.push(OwnerDraft {
                    name,
                    key: file,
                    pledge_ada: String::new(),
                });
            }
        }
    });
    ui.add_space(4.0);
}

fn relays(app: &mut ConsoleApp, ui: &mut egui::Ui, check: &FormCheck) {
    let mut remove = None;
    let mut swap = None;
    let n = app.registration.relays.len();
    for (i, relay) in app.registration.relays.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            ui.label(format!("{}.", i + 1));
            egui::ComboBox::from_id_salt(format!("relay-kind-{i}"))
                .selected_text(relay.kind.label())
                .width(150.0)
                .show_ui(ui, |ui| {
                    for k in RelayKind::ALL {
                        ui.selectable_value(&mut relay.kind, k, k.label());
                    }
                })
                .response
                .on_hover_text(format!("Relay {} kind", i + 1));
            let h = ui.label(if relay.kind == RelayKind::Address {
                "address"
            } else {
                "name"
            });
            ui.add(
                TextEdit::singleline(&mut relay.host)
                    .hint_text(if relay.kind == RelayKind::Address {
                        "203.0.113.10"
                    } else {
                        "relay1.example.com"
                    })
                    .desired_width(200.0),
            )
            .labelled_by(h.id);
            if relay.kind != RelayKind::Srv {
                let p = ui.label("port");
                ui.add(TextEdit::singleline(&mut relay.port).desired_width(60.0))
                    .labelled_by(p.id);
            }
            if ui
                .add_enabled(i > 0, egui::Button::new("⬆").small())
                .on_hover_text(format!("Move relay {} up", i + 1))
                .clicked()
            {
                swap = Some((i - 1, i));
            }
            if ui
                .add_enabled(i + 1 < n, egui::Button::new("⬇").small())
                .on_hover_text(format!("Move relay {} down", i + 1))
                .clicked()
            {
                swap = Some((i, i + 1));
            }
            if ui
                .small_button("✖")
                .on_hover_text(format!("Remove relay {}", i + 1))
                .clicked()
            {
                remove = Some(i);
            }
        });
        if let Some(c) = check.relays.get(i) {
            match &c.relay {
                Err(_) if relay.host.trim().is_empty() => {}
                Err(e) => {
                    ui.label(RichText::new(e).small().color(theme::error_text(ui)));
                }
                Ok(_) => {
                    for w in &c.warnings {
                        ui.label(RichText::new(format!("⚠ {w}")).small().color(theme::WARN));
                    }
                }
            }
        }
    }
    if let Some((a, b)) = swap {
        app.registration.relays.swap(a, b);
    }
    if let Some(i) = remove {
        app.registration.relays.remove(i);
    }
    if app.registration.relays.is_empty() {
        ui.label(
            RichText::new("No relays: other pools will not find this one. Add at least one.")
                .small()
                .color(theme::WARN),
        );
    }
    if ui.button("➕ Add relay").clicked() {
        app.registration.relays.push(RelayDraft {
            port: "3001".to_owned(),
            ..RelayDraft::default()
        });
    }
    let bytes: Vec<String> = check
        .relays
        .iter()
        .filter_map(|r| r.cbor_hex.clone())
        .collect();
    if !bytes.is_empty() {
        egui::CollapsingHeader::new("On chain (relay bytes)")
            .id_salt("relay-bytes")
            .show(ui, |ui| {
                for (i, b) in bytes.iter().enumerate() {
                    ui.label(RichText::new(format!("{}: {b}", i + 1)).monospace().small());
                }
            });
    }
}

fn metadata_form(app: &mut ConsoleApp, ui: &mut egui::Ui, check: &FormCheck) {
    let m = &mut app.registration.metadata;
    egui::Grid::new("metadata").num_columns(2).spacing([12.0, 6.0]).show(ui, |ui| {
        widgets::field(ui, "Pool name", "Shown by wallets; at most 50 characters.", &mut m.name, "My Stake Pool", None);
        widgets::field(ui, "Ticker", "3 to 5 characters, shown everywhere the pool is listed.", &mut m.ticker, "MYSP", None);
        let l = ui.label("Description").on_hover_text("At most 255 characters.");
        ui.add(TextEdit::multiline(&mut m.description).desired_rows(2).desired_width(320.0)).labelled_by(l.id);
        ui.end_row();
        widgets::field(ui, "Homepage", "The pool's website.", &mut m.homepage, "https://example.com", None);
        widgets::field(ui, "Extended metadata URL (optional)", "CIP-6 extended metadata, if you publish one.", &mut m.extended, "", None);
        widgets::field(ui, "Metadata URL", "Where you will host the JSON file; goes into the certificate (at most 128 characters).", &mut m.url, "https://example.com/poolMetaData.json", check.metadata_url.as_deref());
    });
    if let Some(e) = &check.metadata {
        ui.label(RichText::new(e).small().color(theme::error_text(ui)));
    }
    ui.horizontal(|ui| {
        if ui.button("Load metadata file…").clicked() {
            app.load_metadata();
        }
        if ui
            .button("Save metadata file")
            .on_hover_text("Writes poolMetaData.json: upload it unchanged to the metadata URL")
            .clicked()
        {
            app.save_metadata();
        }
        if let Some((p, _)) = &app.drafts.loaded_metadata {
            let kept = app.metadata_bytes().is_some();
            ui.label(
                RichText::new(if kept {
                    format!("hashing {} as loaded", p.display())
                } else {
                    "edited: the file will be rewritten".to_owned()
                })
                .small()
                .color(theme::weak(ui)),
            );
        }
    });
}

fn preview(app: &ConsoleApp, ui: &mut egui::Ui, check: &FormCheck) {
    ui.label(RichText::new("Preview").strong().size(16.0));
    theme::card(ui).show(ui, |ui| {
        ui.set_min_width(300.0);
        // Typed, or filled from an imported plan or metadata file: control characters escaped.
        let m = app.registration.metadata.to_metadata();
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(if m.ticker.is_empty() {
                    "TICKR".to_owned()
                } else {
                    escape(&m.ticker)
                })
                .strong()
                .size(20.0)
                .color(theme::ACCENT),
            );
            ui.label(
                RichText::new(if m.name.is_empty() {
                    "Pool name".to_owned()
                } else {
                    escape(&m.name)
                })
                .strong(),
            );
        });
        if !m.description.is_empty() {
            ui.label(escape(&m.description));
        }
        if !m.homepage.is_empty() {
            ui.label(RichText::new(escape(&m.homepage)).color(theme::ACCENT));
        }
        ui.separator();
        egui::Grid::new("card").num_columns(2).show(ui, |ui| {
            ui.label("Margin");
            ui.label(
                check
                    .margin_value
                    .as_ref()
                    .map_or_else(|| "—".to_owned(), |m| m.percent_string(4)),
            );
            ui.end_row();
            ui.label("Fixed cost");
            ui.label(
                check
                    .cost_lovelace
                    .map_or_else(|| "—".to_owned(), format_ada),
            );
            ui.end_row();
            ui.label("Pledge");
            ui.label(
                check
                    .pledge_lovelace
                    .map_or_else(|| "—".to_owned(), format_ada),
            );
            ui.end_row();
        });
    });
    ui.add_space(6.0);
    theme::card(ui).show(ui, |ui| {
        ui.set_min_width(300.0);
        let json = check
            .metadata_json
            .clone()
            .unwrap_or_else(|| metadata::render(&app.registration.metadata.to_metadata()));
        let used = app.metadata_bytes().map_or(json.len(), <[u8]>::len);
        let fraction = used as f32 / metadata::MAX_BYTES as f32;
        let level = match metadata::room(used) {
            metadata::Room::Over => Level::Alert,
            metadata::Room::NearlyFull => Level::Warn,
            metadata::Room::Fits => Level::Ok,
        };
        ui.label("Metadata size");
        ui.add(
            egui::ProgressBar::new(fraction.min(1.0))
                .fill(level.color(ui))
                .text(format!("{used} of {} bytes", metadata::MAX_BYTES)),
        );
        if let Some(j) = &check.metadata_json {
            let hash = hex::encode(metadata::hash(app.metadata_bytes().unwrap_or(j.as_bytes())));
            ui.label("Metadata hash (blake2b-256)");
            widgets::copyable(ui, "metadata hash", &hash, 12);
        }
    });
}

/// Export the form as a pool plan for the owners, or fill it from one.
fn plan(app: &mut ConsoleApp, ui: &mut egui::Ui) {
    ui.horizontal(|ui| {
        ui.label(RichText::new("Pool plan").strong()).on_hover_text(
            "A readable JSON file with every field and each owner's planned pledge: owners review it, and the same plan builds the same certificate everywhere",
        );
        if ui.button("Export plan…").clicked() {
            app.export_plan();
        }
        if ui.button("Import plan…").clicked() {
            app.pick_and_import_plan();
        }
    });
    let Some(differences) = app.form_vs_plan() else {
        return;
    };
    let file = app
        .drafts
        .imported_plan
        .as_ref()
        .map(|p| p.file.clone())
        .unwrap_or_default();
    if differences.is_empty() {
        widgets::status(
            ui,
            Level::Ok,
            &format!("The form builds exactly the certificate of {file}."),
        );
    } else {
        widgets::status(
            ui,
            Level::Warn,
            &format!("The form does not build the certificate of {file} yet:"),
        );
        for d in differences {
            ui.label(RichText::new(format!("• {}", escape(&d))).small());
        }
    }
}

fn build(app: &mut ConsoleApp, ui: &mut egui::Ui, check: &FormCheck) {
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        plan(app, ui);
        ui.separator();
        ui.checkbox(
            &mut app.drafts.build_owner_certs,
            "Also write each owner's stake registration and delegation certificates",
        );
        if app.drafts.build_owner_certs {
            ui.horizontal(|ui| {
                let l = ui.label("Stake key deposit (ADA)").on_hover_text(
                    "The key deposit of the current protocol parameters (2 ADA on mainnet).",
                );
                ui.add(TextEdit::singleline(&mut app.registration.deposit_ada).desired_width(80.0))
                    .labelled_by(l.id);
            });
        }
        let blockers = check.blockers();
        let ready = check.params.is_some();
        let button = ui.add_enabled(
            ready,
            egui::Button::new(RichText::new("Build certificate").strong()),
        );
        if ready {
            if button.on_hover_text("Saves pool.cert (Ctrl+S)").clicked() {
                app.build_registration();
            }
        } else {
            ui.label(
                RichText::new(format!("To build, fix: {}.", blockers.join(", ")))
                    .small()
                    .color(theme::weak(ui)),
            );
        }
    });
}
