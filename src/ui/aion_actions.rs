//! The Aion Registry actions tab: pick one of the nine Pool Registry calls, fill its form, see
//! the call data, then sign the transaction with the management key: raw hex, hash and the
//! JSON-RPC request to copy or save for the online machine.

use eframe::egui::{self, RichText};

use super::form_fields::{self, Field, Note};
use super::theme::{self, Level};
use super::widgets;
use crate::app::aion_desk::{ActionForm, RegistryAction};
use crate::app::ConsoleApp;

const W: f32 = 420.0;

fn field(ui: &mut egui::Ui, label: &str, help: &str, hint: &str, value: &mut String) {
    form_fields::row(
        ui,
        &Field {
            label,
            help,
            hint,
            width: W,
        },
        value,
        None,
    );
}

/// The fields the action takes.
fn action_fields(ui: &mut egui::Ui, action: RegistryAction, f: &mut ActionForm) {
    use RegistryAction as A;
    let address = "0xa0… (64 hex digits)";
    if matches!(action, A::RegisterPool | A::SetSigningAddress) {
        field(
            ui,
            "Signing address",
            "The block-signing key's address (Keys tab)",
            address,
            &mut f.signing_address,
        );
    }
    if matches!(action, A::RegisterPool | A::RequestCommissionChange) {
        field(
            ui,
            "Commission (%)",
            "A percent with at most 4 decimals",
            "5",
            &mut f.commission,
        );
    }
    if matches!(action, A::RegisterPool | A::UpdateMetadata) {
        field(
            ui,
            "Metadata URL",
            "Where the metadata JSON is served",
            "https://…/pool.json",
            &mut f.metadata_url,
        );
        field(
            ui,
            "Metadata hash",
            "The content hash the Metadata tab shows",
            "64 hex digits",
            &mut f.metadata_hash,
        );
    }
    if matches!(action, A::FinalizeCommissionChange | A::FinalizeUndelegate) {
        field(
            ui,
            "Request id",
            "The id the request's log gave",
            "1",
            &mut f.request_id,
        );
    }
    if matches!(action, A::Delegate | A::Undelegate | A::WithdrawRewards) {
        field(
            ui,
            "Pool address",
            "The pool's identity: its management key's address",
            address,
            &mut f.pool,
        );
    }
    if action == A::Undelegate {
        field(
            ui,
            "Amount (AION)",
            "How much to undelegate",
            "1000",
            &mut f.amount,
        );
        field(
            ui,
            "Fee (AION)",
            "Paid to whoever finalizes the undelegation",
            "0",
            &mut f.fee,
        );
    }
}

pub fn show(app: &mut ConsoleApp, ui: &mut egui::Ui) {
    widgets::section(
        ui,
        "Pool Registry actions",
        "Each action is a call to the mainnet Pool Registry, signed here with the management key and broadcast from an online machine.",
    );
    if widgets::needs_workspace(app, ui) {
        return;
    }
    let before = app.aion.action;
    egui::ComboBox::from_label("Action")
        .selected_text(app.aion.action.label())
        .show_ui(ui, |ui| {
            for a in RegistryAction::ALL {
                ui.selectable_value(&mut app.aion.action, a, a.label());
            }
        });
    if app.aion.action != before {
        app.aion.signed = None;
        app.aion.form.value = app.aion.action.default_value().to_owned();
    }
    if app.aion.action == RegistryAction::RegisterPool {
        widgets::status(
            ui,
            Level::Warn,
            "Registering carries the 1 000 AION self-bond: the value below must be at least 1000.",
        );
    }
    let action = app.aion.action;
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        egui::Grid::new("aion-action")
            .num_columns(2)
            .spacing([12.0, 2.0])
            .show(ui, |ui| {
                action_fields(ui, action, &mut app.aion.form);
            });
        fill_from_folder(app, ui, action);
        match app.aion_call_data() {
            Ok(data) => {
                ui.label(RichText::new("Call data").strong());
                let hex = format!("0x{}", hex::encode(&data));
                widgets::copyable(ui, "call data", &hex, 48);
            }
            Err(e) => {
                ui.label(RichText::new(e).color(theme::weak(ui)));
            }
        }
    });
    ui.add_space(8.0);
    transaction(app, ui);
}

/// Buttons that fill the form from this folder: its keys' addresses, the metadata's hash.
fn fill_from_folder(app: &mut ConsoleApp, ui: &mut egui::Ui, action: RegistryAction) {
    use crate::app::aion_core::keys::Role;
    use RegistryAction as A;
    ui.horizontal_wrapped(|ui| {
        let signing = app.aion_address(Role::Signing);
        if let (Some(a), A::RegisterPool | A::SetSigningAddress) = (signing, action) {
            if ui.button("Use this folder's signing key").clicked() {
                app.aion.form.signing_address = a.to_hex();
            }
        }
        let pool = app.aion_address(Role::Management);
        if let (Some(a), A::Delegate | A::Undelegate | A::WithdrawRewards) = (pool, action) {
            if ui
                .button("Use this pool")
                .on_hover_text("The management key's address: the pool's identity")
                .clicked()
            {
                app.aion.form.pool = a.to_hex();
            }
        }
        if matches!(action, A::RegisterPool | A::UpdateMetadata)
            && !app.aion.metadata.name.trim().is_empty()
            && ui
                .button("Use the Metadata tab's hash")
                .on_hover_text("The content hash of the metadata as the Metadata tab builds it")
                .clicked()
        {
            app.aion.form.metadata_hash = app.aion.metadata.rendered().1;
        }
    });
}

fn transaction(app: &mut ConsoleApp, ui: &mut egui::Ui) {
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new("Transaction").strong());
        let f = &mut app.aion.form;
        let mut now = false;
        egui::Grid::new("aion-tx").num_columns(2).spacing([12.0, 2.0]).show(ui, |ui| {
            field(ui, "Value (AION)", "AION sent with the call", "0", &mut f.value);
            field(ui, "Nonce", "The management account's transaction count (eth_getTransactionCount on the online machine)", "0", &mut f.nonce);
            let label = form_fields::grid_label(ui, "Timestamp (µs)", "Microseconds since 1970; the pool drops the transaction an hour after it");
            ui.vertical(|ui| {
                ui.horizontal(|ui| {
                    ui.add(egui::TextEdit::singleline(&mut f.timestamp_us).desired_width(W - 80.0)).labelled_by(label.id);
                    now = ui.small_button("Now").on_hover_text("This machine's clock").clicked();
                });
                form_fields::field_note(ui, Some(Note::Warn("Broadcast within about an hour of this time, or the pool drops it.")));
            });
            ui.end_row();
            field(ui, "Energy limit", "Empty: 2 000 000", "2000000", &mut f.energy_limit);
            field(ui, "Energy price", "Empty: 10 000 000 000 (the minimum)", "10000000000", &mut f.energy_price);
        });
        if now {
            app.aion_timestamp_now();
        }
        if ui.button("✒ Sign with the management key").clicked() {
            app.aion_sign();
        }
        let Some(s) = app.aion.signed.clone() else {
            return;
        };
        ui.add_space(6.0);
        widgets::status(ui, Level::Ok, &format!("Signed: {}", s.action.label()));
        egui::Grid::new("aion-signed").num_columns(2).show(ui, |ui| {
            ui.label("Raw transaction:");
            widgets::copyable(ui, "raw transaction", &s.raw_hex, 40);
            ui.end_row();
            ui.label("Transaction hash:");
            widgets::copyable(ui, "transaction hash", &s.hash_hex, 40);
            ui.end_row();
            ui.label("JSON-RPC request:");
            widgets::copyable(ui, "JSON-RPC request", &s.json_rpc, 40);
            ui.end_row();
        });
        widgets::status(ui, Level::Warn, "The pool drops a transaction about an hour after its timestamp: broadcast it before then.");
        if ui.button("💾 Save the signed transaction").clicked() {
            app.aion_save_signed();
        }
    });
}
