//! The Aion Registry actions tab: pick one of the nine Pool Registry calls, fill its form, see
//! the call data, then sign the transaction with the management key: raw hex, hash and the
//! JSON-RPC request to copy or save for the online machine.

use eframe::egui::{self, RichText};

use super::form_fields::{self, Field, Note};
use super::theme::{self, Level};
use super::widgets;
use crate::app::aion_action_check::{ActionCheck, ActionField};
use crate::app::aion_desk::{ActionForm, RegistryAction};
use crate::app::ConsoleApp;

const W: f32 = 420.0;
/// The label column of both cards, so their fields line up.
const LABEL_W: f32 = 100.0;

/// A two-column form grid with the tab's label column.
fn grid(id: &str) -> egui::Grid {
    egui::Grid::new(id)
        .num_columns(2)
        .spacing([12.0, 2.0])
        .min_col_width(LABEL_W)
}

/// A field with its label, the hint inside it, and under it what is wrong with it or else
/// what goes there.
fn field(
    ui: &mut egui::Ui,
    check: &ActionCheck,
    which: ActionField,
    (help, hint): (&str, &str),
    value: &mut String,
) {
    let note = check
        .error(which)
        .map(Note::Error)
        .unwrap_or(Note::Hint(help));
    form_fields::row(
        ui,
        &Field {
            label: which.label(),
            help,
            hint,
            width: W,
        },
        value,
        Some(note),
    );
}

/// The fields the action takes.
fn action_fields(ui: &mut egui::Ui, action: RegistryAction, f: &mut ActionForm, c: &ActionCheck) {
    use ActionField as F;
    use RegistryAction as A;
    let address = "0xa0… (64 hex digits)";
    if matches!(action, A::RegisterPool | A::SetSigningAddress) {
        let help = "The block-signing key's address (Keys tab).";
        field(
            ui,
            c,
            F::SigningAddress,
            (help, address),
            &mut f.signing_address,
        );
    }
    if matches!(action, A::RegisterPool | A::RequestCommissionChange) {
        let help = "A percent with at most 4 decimals.";
        field(ui, c, F::Commission, (help, "5"), &mut f.commission);
    }
    if matches!(action, A::RegisterPool | A::UpdateMetadata) {
        let help = "Where the metadata JSON is served.";
        field(
            ui,
            c,
            F::MetadataUrl,
            (help, "https://…/pool.json"),
            &mut f.metadata_url,
        );
        let help = "The content hash the Metadata tab shows.";
        field(
            ui,
            c,
            F::MetadataHash,
            (help, "64 hex digits"),
            &mut f.metadata_hash,
        );
    }
    if matches!(action, A::FinalizeCommissionChange | A::FinalizeUndelegate) {
        let help = "The id the request's log gave.";
        field(ui, c, F::RequestId, (help, "1"), &mut f.request_id);
    }
    if matches!(action, A::Delegate | A::Undelegate | A::WithdrawRewards) {
        let help = "The pool's identity: its management key's address.";
        field(ui, c, F::Pool, (help, address), &mut f.pool);
    }
    if action == A::Undelegate {
        field(
            ui,
            c,
            F::Amount,
            ("How much to undelegate.", "1000"),
            &mut f.amount,
        );
        let help = "Paid to whoever finalizes the undelegation.";
        field(ui, c, F::Fee, (help, "0"), &mut f.fee);
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
    let check = app.aion_check();
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        grid("aion-action").show(ui, |ui| {
            action_fields(ui, action, &mut app.aion.form, &check);
        });
        fill_from_folder(app, ui, action);
        ui.label(RichText::new("Call data").strong());
        match &check.call_data {
            Some(data) => {
                let hex = format!("0x{}", hex::encode(data));
                widgets::copyable(ui, "call data", &hex, 48);
            }
            None => {
                let wait = "Shown here once the fields above are filled in and right.";
                ui.label(RichText::new(wait).color(theme::weak(ui)));
            }
        }
    });
    ui.add_space(8.0);
    transaction(app, ui, &check);
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

fn transaction(app: &mut ConsoleApp, ui: &mut egui::Ui, c: &ActionCheck) {
    use ActionField as F;
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new("Transaction").strong());
        let f = &mut app.aion.form;
        let mut now = false;
        grid("aion-tx").show(ui, |ui| {
            field(ui, c, F::Value, ("AION sent with the call.", "0"), &mut f.value);
            let help = "The management account's transaction count (eth_getTransactionCount on the online machine).";
            field(ui, c, F::Nonce, (help, "0"), &mut f.nonce);
            now = timestamp(ui, c, &mut f.timestamp_us);
            let help = "Empty: 2 000 000.";
            field(ui, c, F::EnergyLimit, (help, "2000000"), &mut f.energy_limit);
            let help = "Empty: 10 000 000 000 (the minimum).";
            field(ui, c, F::EnergyPrice, (help, "10000000000"), &mut f.energy_price);
        });
        if now {
            app.aion_timestamp_now();
        }
        sign_button(app, ui, c);
        app.aion_forget_stale_signature();
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

/// The timestamp with its "Now" button; returns whether Now was pressed.
fn timestamp(ui: &mut egui::Ui, c: &ActionCheck, value: &mut String) -> bool {
    let which = ActionField::Timestamp;
    let help = "Microseconds since 1970; the pool drops the transaction an hour after it.";
    let label = form_fields::grid_label(ui, which.label(), help);
    let now = ui
        .vertical(|ui| {
            let now = ui
                .horizontal(|ui| {
                    let edit = egui::TextEdit::singleline(value)
                        .hint_text("1600000000000000")
                        .desired_width(W - 60.0);
                    let r = ui.add(edit).labelled_by(label.id).on_hover_text(help);
                    if c.error(which).is_some() {
                        form_fields::outline_bad(ui, &r);
                    }
                    ui.small_button("Now")
                        .on_hover_text("This machine's clock")
                        .clicked()
                })
                .inner;
            let warn = "Broadcast within about an hour of this time, or the pool drops it.";
            let note = c.error(which).map(Note::Error).unwrap_or(Note::Warn(warn));
            form_fields::field_note(ui, Some(note));
            now
        })
        .inner;
    ui.end_row();
    now
}

/// Sign, enabled only when every field reads; otherwise one line says which fields stop it.
fn sign_button(app: &mut ConsoleApp, ui: &mut egui::Ui, c: &ActionCheck) {
    let blocker = c.blocker();
    let button = ui.add_enabled(
        blocker.is_none(),
        egui::Button::new("✒ Sign with the management key"),
    );
    match &blocker {
        None if button.clicked() => app.aion_sign(),
        None => {}
        Some(why) => {
            button.on_disabled_hover_text(why);
            ui.label(RichText::new(why).color(theme::weak(ui)));
        }
    }
}
