//! The Registration tab's repeated rows: owners (name, stake key, planned pledge) and relays
//! (kind, address or name, port). Each field has its own label and its own message line.

use eframe::egui::{self, RichText, TextEdit};

use super::form_fields::{self, checked, Field, Note};
use super::theme;
use crate::app::pool_drafts::outside_folder_note;
use crate::app::registration::{FormCheck, OwnerDraft, RelayDraft, RelayKind};
use crate::app::registration_feedback::{FormAction, FormFeedback};
use crate::app::ConsoleApp;
use crate::core::certificate::amount::format_ada;

const KEY_WIDTH: f32 = 420.0;

pub fn owners(app: &mut ConsoleApp, ui: &mut egui::Ui, check: &FormCheck, fb: &FormFeedback) {
    ui.label(RichText::new("Owners").strong()).on_hover_text(
        "Stake keys whose delegated ADA counts as pledge. Each owner signs the registration transaction.",
    );
    let amount = form_fields::amount_width(ui);
    let folder = app.workspace.as_ref().map(|w| w.dir.clone());
    let mut remove = None;
    egui::Grid::new("owners")
        .num_columns(2)
        .spacing([12.0, 2.0])
        .show(ui, |ui| {
            for (i, owner) in app.registration.owners.iter_mut().enumerate() {
                let n = i + 1;
                let l = form_fields::grid_label(ui, &format!("Owner {n} name"), "How the owners call each other; it names this owner's certificate files.");
                ui.horizontal(|ui| {
                    ui.add(TextEdit::singleline(&mut owner.name).desired_width(200.0))
                        .labelled_by(l.id);
                    if ui
                        .small_button("✖")
                        .on_hover_text(format!("Remove owner {n}"))
                        .clicked()
                    {
                        remove = Some(i);
                    }
                });
                ui.end_row();
                let key_error = check.owners.get(i).cloned().flatten();
                let outside = folder.as_deref().and_then(|f| outside_folder_note(&owner.key, f));
                let note = checked(&owner.key, key_error.as_deref(), fb.insists(FormAction::Build))
                    .or(outside.as_deref().map(Note::Warn));
                form_fields::row(
                    ui,
                    &Field {
                        label: &format!("Owner {n} stake key"),
                        help: "A stake key file in this folder, a stake_vk1… key, a stake1… address or a 56-hex key hash.",
                        hint: "file, stake_vk1…, stake1… or hash",
                        width: KEY_WIDTH,
                    },
                    &mut owner.key,
                    note,
                );
                let pledge = check.owner_pledges.get(i);
                let planned = pledge.and_then(|p| p.as_ref().ok()).map(|l| format!("{} planned by this owner", format_ada(*l)));
                let note = match pledge {
                    Some(Ok(_)) => planned.as_deref().map(Note::Hint),
                    Some(Err(e))
                        if owner.pledge_ada.trim().is_empty()
                            && !fb.insists(FormAction::ExportPlan) =>
                    {
                        Some(Note::Hint(e))
                    }
                    Some(Err(e)) => Some(Note::Error(e)),
                    None => None,
                };
                form_fields::row(
                    ui,
                    &Field {
                        label: &format!("Owner {n} pledge (ADA)"),
                        help: "The ADA this owner plans to keep delegated. The pool plan lists it so the owners can check the pledge split; the certificate holds only the total pledge.",
                        hint: "ADA",
                        width: amount,
                    },
                    &mut owner.pledge_ada,
                    note,
                );
            }
        });
    if let Some(i) = remove {
        app.registration.owners.remove(i);
    }
    // Only while there is no owner: it comes and goes with a click, never while typing.
    if let Some(missing) = check.owners_missing.as_deref() {
        form_fields::field_note(
            ui,
            Some(if fb.insists(FormAction::Build) {
                Note::Error(missing)
            } else {
                Note::Hint(missing)
            }),
        );
    }
    ui.horizontal_wrapped(|ui| {
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

pub fn relays(app: &mut ConsoleApp, ui: &mut egui::Ui, check: &FormCheck, fb: &FormFeedback) {
    let insist = fb.insists(FormAction::Build);
    let mut remove = None;
    let mut swap = None;
    let count = app.registration.relays.len();
    egui::Grid::new("relays")
        .num_columns(2)
        .spacing([12.0, 2.0])
        .show(ui, |ui| {
            for (i, relay) in app.registration.relays.iter_mut().enumerate() {
                let n = i + 1;
                form_fields::grid_label(
                    ui,
                    &format!("Relay {n}"),
                    "How other pools reach this relay.",
                );
                ui.horizontal(|ui| {
                    egui::ComboBox::from_id_salt(format!("relay-kind-{i}"))
                        .selected_text(relay.kind.label())
                        .width(170.0)
                        .show_ui(ui, |ui| {
                            for k in RelayKind::ALL {
                                ui.selectable_value(&mut relay.kind, k, k.label());
                            }
                        })
                        .response
                        .on_hover_text(format!("Relay {n} kind"));
                    if ui
                        .add_enabled(i > 0, egui::Button::new("⬆").small())
                        .on_hover_text(format!("Move relay {n} up"))
                        .clicked()
                    {
                        swap = Some((i - 1, i));
                    }
                    if ui
                        .add_enabled(n < count, egui::Button::new("⬇").small())
                        .on_hover_text(format!("Move relay {n} down"))
                        .clicked()
                    {
                        swap = Some((i, n));
                    }
                    if ui
                        .small_button("✖")
                        .on_hover_text(format!("Remove relay {n}"))
                        .clicked()
                    {
                        remove = Some(i);
                    }
                });
                ui.end_row();
                let row = check.relays.get(i);
                let warnings = row.map(|r| r.warnings.join("; ")).unwrap_or_default();
                let host_note = checked(&relay.host, row.and_then(|r| r.host.as_deref()), insist)
                    .or_else(|| (!warnings.is_empty()).then_some(Note::Warn(&warnings)));
                let address = relay.kind == RelayKind::Address;
                form_fields::row(
                    ui,
                    &Field {
                        label: &format!(
                            "Relay {n} {}",
                            if address { "address" } else { "DNS name" }
                        ),
                        help: if address {
                            "The relay's public IPv4 or IPv6 address."
                        } else {
                            "The relay's DNS name, without http:// or a port."
                        },
                        hint: if address {
                            "203.0.113.10"
                        } else {
                            "relay1.example.com"
                        },
                        width: 260.0,
                    },
                    &mut relay.host,
                    host_note,
                );
                if relay.kind != RelayKind::Srv {
                    let note = checked(&relay.port, row.and_then(|r| r.port.as_deref()), insist);
                    form_fields::row(
                        ui,
                        &Field {
                            label: &format!("Relay {n} port"),
                            help: "The TCP port the relay listens on (usually 3001).",
                            hint: "3001",
                            width: 80.0,
                        },
                        &mut relay.port,
                        note,
                    );
                }
            }
        });
    if let Some((a, b)) = swap {
        app.registration.relays.swap(a, b);
    }
    if let Some(i) = remove {
        app.registration.relays.remove(i);
    }
    if app.registration.relays.is_empty() {
        ui.label(
            RichText::new("⚠ No relays: other pools will not find this one. Add at least one.")
                .color(theme::WARN),
        );
    }
    if ui.button("➕ Add relay").clicked() {
        app.registration.relays.push(RelayDraft {
            port: "3001".to_owned(),
            ..RelayDraft::default()
        });
    }
    // Always there, so that a relay starting to parse does not push the metadata down.
    egui::CollapsingHeader::new("On chain (relay bytes)")
        .id_salt("relay-bytes")
        .show(ui, |ui| {
            let mut any = false;
            for (i, r) in check.relays.iter().enumerate() {
                if let Some(b) = &r.cbor_hex {
                    any = true;
                    ui.label(RichText::new(format!("{}: {b}", i + 1)).monospace());
                }
            }
            if !any {
                ui.label(RichText::new("No relay is complete yet.").color(theme::weak(ui)));
            }
        });
}
