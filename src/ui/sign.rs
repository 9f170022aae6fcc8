//! The Sign tab: read a transaction in words before signing it offline, see which witnesses it
//! needs and has, sign with a key file, gather other owners' witnesses, and assemble.

use eframe::egui::{self, RichText};

use super::theme::{self, Level};
use super::widgets;
use crate::app::sign::LoadedTx;
use crate::app::workspace::Role;
use crate::app::ConsoleApp;
use crate::core::certificate::amount::format_ada;
use crate::core::certificate::{Certificate, Era};
use crate::core::describe::describe_certificate;
use crate::core::keys::address::Network;
use crate::core::message::quote::{escape, escape_controls_keeping_lines, escape_path};
use crate::core::review::fingerprint::Fingerprint;
use crate::core::transaction::view::{field_name, TxView};

pub fn show(app: &mut ConsoleApp, ui: &mut egui::Ui) {
    widgets::section(
        ui,
        "Sign offline",
        "Load the transaction the operator built (transaction build-raw or build), read what it does, then sign it with the keys it needs. Witness files are byte for byte what cardano-cli transaction witness writes.",
    );
    ui.horizontal(|ui| {
        if ui.button("📂 Load transaction…").clicked() {
            app.sign_pick_transaction();
        }
        if let Some(t) = &app.sign.tx {
            ui.label(
                RichText::new(
                    t.path
                        .file_name()
                        .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
                )
                .monospace(),
            );
        }
    });
    if let Some(e) = &app.sign.tx_error {
        ui.label(RichText::new(escape_controls_keeping_lines(e)).color(theme::error_text(ui)));
    }
    let Some(t) = app.sign.tx.clone() else {
        widgets::status(
            ui,
            Level::Neutral,
            "No transaction loaded yet. It can be the text envelope cardano-cli writes, or raw CBOR (binary or hex) of a transaction or its body.",
        );
        offer_folder_transactions(app, ui);
        return;
    };
    widgets::copyable(ui, "transaction id", &hex::encode(t.id), 12);
    ui.add_space(4.0);
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new("What it does").strong());
        body(ui, &t.view);
        governance(ui, &t.view);
    });
    ui.add_space(6.0);
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        witnesses(app, ui, &t);
    });
}

/// Transactions found in the open pool folder, one click each: the newcomer who copied the
/// registration transaction there need not look for it again.
fn offer_folder_transactions(app: &mut ConsoleApp, ui: &mut egui::Ui) {
    let found: Vec<std::path::PathBuf> = app
        .workspace
        .as_ref()
        .and_then(|w| w.files.get(&Role::Transaction))
        .cloned()
        .unwrap_or_default();
    if found.is_empty() {
        return;
    }
    ui.add_space(6.0);
    ui.label("Transactions in this pool folder:");
    for path in found {
        let name = path
            .file_name()
            .map_or_else(String::new, |n| escape_path(&n.to_string_lossy()));
        if ui.button(format!("📄 Open {name}")).clicked() {
            app.sign.load(&path);
        }
    }
}

fn body(ui: &mut egui::Ui, v: &TxView) {
    egui::Grid::new("sign-body")
        .num_columns(2)
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            for (i, input) in v.inputs.iter().enumerate() {
                ui.label(format!("Input {}", i + 1)).on_hover_text(
                    "An output being spent. The body names it by transaction id and index only: whose funds it holds is on chain.",
                );
                ui.label(RichText::new(input.label()).monospace());
                ui.end_row();
            }
            for (i, o) in v.outputs.iter().enumerate() {
                ui.label(format!("Output {}", i + 1));
                // Where the money goes, whole: an address wraps rather than run off the window.
                ui.add(egui::Label::new(RichText::new(o.words()).monospace()).wrap());
                ui.end_row();
            }
            ui.label("Fee");
            ui.label(format_ada(v.fee));
            ui.end_row();
            if v.deposits_paid() > 0 || v.deposits_refunded() > 0 {
                ui.label("Deposits").on_hover_text(
                    "Stake key deposits stated in certificates. A pool deposit is not in the body: it is the protocol parameter (500 ADA on mainnet), paid on first registration only.",
                );
                ui.label(format!(
                    "{} paid, {} refunded",
                    format_ada(v.deposits_paid()),
                    format_ada(v.deposits_refunded())
                ));
                ui.end_row();
            }
            ui.label("Valid").on_hover_text("The slots in which the transaction can be included");
            ui.label(v.validity_text());
            ui.end_row();
            for w in &v.withdrawals {
                ui.label("Withdrawal");
                ui.add(
                    egui::Label::new(
                        RichText::new(format!("{} from {}", format_ada(w.lovelace), w.account_text()))
                            .monospace(),
                    )
                    .wrap(),
                );
                ui.end_row();
            }
            let others: Vec<&str> = v
                .fields
                .iter()
                .filter(|k| !matches!(k, 0..=5 | 8 | 19 | 20))
                .map(|k| field_name(*k))
                .collect();
            if !others.is_empty() {
                ui.label("Also present");
                ui.label(others.join(", "));
                ui.end_row();
            }
        });
    // Addresses of stake certificates: the body's network id, else a withdrawal's, else an
    // output's (only mainnet vs testnet matters for how they are shown).
    let testnet = match v.network_id {
        Some(id) => id == 0,
        None => match v.withdrawals.first() {
            Some(w) => w.account.network_id == 0,
            None => v.outputs.iter().any(|o| o.address.starts_with("addr_test")),
        },
    };
    let network = if testnet {
        Network::Testnet { magic: 0 }
    } else {
        Network::Mainnet
    };
    for (i, c) in v.certificates.iter().enumerate() {
        let title = format!("Certificate {}: {}", i + 1, c.kind_text());
        egui::CollapsingHeader::new(RichText::new(title).strong())
            .id_salt(("sign-cert", i))
            .default_open(true)
            .show(ui, |ui| match &c.decoded {
                Ok(cert) => {
                    if matches!(cert, Certificate::PoolRegistration(_)) {
                        ui.label(
                            RichText::new(format!(
                                "Fingerprint: {}",
                                Fingerprint::of(&c.raw).words_text()
                            ))
                            .strong(),
                        )
                        .on_hover_text("The same words as on the Review tab mean this is the certificate the owners reviewed");
                    }
                    let d = describe_certificate(cert, Era::Conway, network);
                    egui::Grid::new(("sign-cert-fields", i))
                        .num_columns(2)
                        .spacing([16.0, 2.0])
                        .show(ui, |ui| {
                            // DNS names and URLs come from the transaction: escaped.
                            for (k, val) in d.fields.iter().filter(|(k, _)| k != "Encoding") {
                                ui.label(escape(k));
                                // Whole and wrapped, as on Review: at 960 px a stake
                                // credential (hash and address) is wider than the window.
                                ui.add(egui::Label::new(RichText::new(escape(val)).monospace()).wrap());
                                ui.end_row();
                            }
                        });
                    for w in &d.warnings {
                        widgets::status(ui, Level::Warn, &escape(w));
                    }
                }
                Err(e) => {
                    widgets::status(ui, Level::Warn, &escape_controls_keeping_lines(e));
                    ui.label(RichText::new(c.raw_hex()).monospace().small());
                }
            });
    }
}

/// Votes under one heading (one trip to the offline machine signs them all), then proposals.
/// URLs come from the transaction: escaped.
fn governance(ui: &mut egui::Ui, v: &TxView) {
    if !v.votes.is_empty() {
        let title = match v.votes.len() {
            1 => "Vote".to_owned(),
            n => format!("Votes ({n})"),
        };
        egui::CollapsingHeader::new(RichText::new(title).strong())
            .id_salt("sign-votes")
            .default_open(true)
            .show(ui, |ui| {
                for vote in &v.votes {
                    ui.add(egui::Label::new(escape(&vote.words())).wrap());
                }
            });
    }
    for p in &v.proposals {
        ui.add(egui::Label::new(escape(&p.words())).wrap());
    }
}

fn witnesses(app: &mut ConsoleApp, ui: &mut egui::Ui, t: &LoadedTx) {
    ui.label(RichText::new("Witnesses").strong())
        .on_hover_text("Signatures the transaction needs before it can be submitted");
    // Whether each is signed comes first and the roles last, wrapping: at 960 px a role
    // naming the pool id pushed "missing" off the window.
    egui::Grid::new("sign-needs")
        .num_columns(3)
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            for n in &t.needs {
                if t.has_witness(&app.sign.witnesses, &n.key_hash) {
                    widgets::status(ui, Level::Ok, "signed");
                } else {
                    widgets::status(ui, Level::Warn, "missing");
                }
                ui.label(RichText::new(widgets::elide(&hex::encode(n.key_hash), 8)).monospace())
                    .on_hover_text(hex::encode(n.key_hash));
                let roles: Vec<String> = n.roles.iter().map(|r| r.describe()).collect();
                ui.add(egui::Label::new(roles.join(", ")).wrap());
                ui.end_row();
            }
            ui.label("");
            ui.label("");
            ui.add(
                egui::Label::new(
                    RichText::new(
                        "payment key(s) of the inputs: the body cannot tell which; sign with the keys that hold the inputs",
                    )
                    .color(theme::weak(ui)),
                )
                .wrap(),
            );
            ui.end_row();
        });
    if t.stale > 0 {
        widgets::status(
            ui,
            Level::Alert,
            &format!(
                "The file already holds {} witness(es) that do not sign this body: they were made for an earlier version. Start again from the unsigned transaction.",
                t.stale
            ),
        );
    }
    let registers_a_pool = t
        .view
        .decoded_certificates()
        .any(|c| matches!(c, Certificate::PoolRegistration(_)));
    if !registers_a_pool {
        // Owner mode is only about pool registrations.
    } else if t.hw_problems.is_empty() {
        widgets::status(
            ui,
            Level::Ok,
            "A hardware-wallet owner can sign this in owner mode (only the pool certificate, no withdrawals, canonical order). Still check that no output pays the device's own address.",
        );
    } else {
        widgets::status(
            ui,
            Level::Warn,
            "A hardware-wallet owner cannot sign this in owner mode:",
        );
        for p in &t.hw_problems {
            ui.label(format!("• {p}"));
        }
    }
    if !app.sign.witnesses.is_empty() {
        ui.add_space(4.0);
        ui.label(RichText::new("Gathered").strong());
        for h in &app.sign.witnesses {
            ui.label(
                RichText::new(format!(
                    "{}  (key hash {})",
                    escape_path(&h.source),
                    widgets::elide(&hex::encode(h.witness.key_hash()), 8)
                ))
                .monospace(),
            );
        }
    }
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        if ui
            .button(RichText::new("✒ Sign with a key…").strong())
            .on_hover_text(
                "Pick a cold, stake or payment signing key; the witness is saved as a file",
            )
            .clicked()
        {
            app.sign_with_key();
        }
        if ui.button("➕ Add witness file…").clicked() {
            app.sign_add_witness();
        }
        let missing = app.sign.missing().len();
        let label = if missing == 0 {
            "Assemble signed transaction…".to_owned()
        } else {
            format!("Assemble ({missing} missing)…")
        };
        if ui
            .add_enabled(!app.sign.witnesses.is_empty(), egui::Button::new(label))
            .on_disabled_hover_text("Sign or add at least one witness first")
            .clicked()
        {
            app.sign_assemble();
        }
    });
    if let Some(e) = &app.sign.error {
        ui.label(RichText::new(escape_controls_keeping_lines(e)).color(theme::error_text(ui)));
    }
}
