//! The Keys tab: cold, VRF and KES keys, and the owners' stake keys.

use eframe::egui::{self, RichText, TextEdit};

use super::theme::{self, Level};
use super::widgets;
use crate::app::setup_steps;
use crate::app::workspace::Role;
use crate::app::{ConsoleApp, Tab};
use crate::core::keys::address::{Credential, RewardAccount};

fn key_row(
    app: &mut ConsoleApp,
    ui: &mut egui::Ui,
    title: &str,
    help: &str,
    roles: &[Role],
    button: &str,
) -> bool {
    let ws = app.workspace.as_ref();
    let present: Vec<String> = roles
        .iter()
        .filter_map(|r| ws.and_then(|w| w.first(*r).map(|p| w.short(&p))))
        .collect();
    let mut clicked = false;
    ui.label(RichText::new(title).strong()).on_hover_text(help);
    if present.is_empty() {
        ui.label(RichText::new("not generated yet").color(theme::weak(ui)));
    } else {
        ui.label(RichText::new(present.join(", ")).monospace());
    }
    if ui
        .add_enabled(ws.is_some(), egui::Button::new(button))
        .on_hover_text(help)
        .clicked()
    {
        clicked = true;
    }
    ui.end_row();
    clicked
}

/// The checklist's next step (the same steps the Pool tab shows): here, or a button to its tab.
fn next_step(app: &mut ConsoleApp, ui: &mut egui::Ui) {
    let steps = app.setup_steps();
    let Some((n, step)) = setup_steps::next(&steps) else {
        return;
    };
    let tab = step.tab();
    if tab == Tab::Keys {
        widgets::status_with(
            ui,
            Level::Warn,
            "➡",
            &format!("Next, step {n}: {} (below).", step.title),
        );
    } else if ui
        .button(format!("➡ Next: {} ({} tab)", step.title, tab.label()))
        .on_hover_text(format!("Step {n} of the checklist on the Pool tab"))
        .clicked()
    {
        app.show_tab(tab);
    }
    ui.add_space(4.0);
}

pub fn show(app: &mut ConsoleApp, ui: &mut egui::Ui) {
    widgets::section(
        ui,
        "Keys",
        "Generate the pool's keys. Existing files are never replaced without asking.",
    );
    if widgets::needs_workspace(app, ui) {
        return;
    }
    next_step(app, ui);
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(
            RichText::new("🔒 The cold signing key (cold.skey) controls the pool. Generate and keep it on an offline machine; copy only cold.vkey, the certificates and node files elsewhere.")
                .color(theme::WARN),
        );
    });
    ui.add_space(8.0);
    let mut cold = false;
    let mut vrf = false;
    let mut kes = false;
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        egui::Grid::new("keys").num_columns(3).spacing([16.0, 10.0]).show(ui, |ui| {
            cold = key_row(
                app,
                ui,
                "Cold keys and counter",
                "The pool's identity. The counter numbers each operational certificate.",
                &[Role::ColdVkey, Role::ColdSkey, Role::Counter],
                "Generate cold keys",
            );
            vrf = key_row(app, ui, "VRF keys", "Prove the node's right to make a block in a slot. Kept on the block producer.", &[Role::VrfVkey, Role::VrfSkey], "Generate VRF keys");
            kes = key_row(
                app,
                ui,
                "KES keys",
                "The hot key that signs blocks; valid for 62 KES periods (about 93 days) from its certificate.",
                &[Role::KesVkey, Role::KesSkey],
                "Generate KES keys",
            );
        });
        super::recovery_phrase::buttons(app, ui);
    });
    if cold {
        app.generate_cold_keys();
    }
    if vrf {
        app.generate_vrf_keys();
    }
    if kes {
        app.generate_kes_keys();
    }
    super::passphrase::key_files(app, ui);
    ui.add_space(10.0);
    widgets::section(ui, "Owner stake keys", "Each owner's stake key: its delegated ADA is the pledge, and the owner signs the registration.");
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        // Each key as its stake address (`stake1…`), what owners and wallets know it by.
        let network = app.network();
        let address = |hash: [u8; 28]| RewardAccount::new(network, Credential::Key(hash)).to_bech32().unwrap_or_else(|_| hex::encode(hash));
        let stake: Vec<(String, String)> = app
            .workspace
            .as_ref()
            .map(|w| w.stake_keys.iter().map(|k| (w.short(&k.path), address(k.key.key_hash()))).collect())
            .unwrap_or_default();
        if stake.is_empty() {
            ui.label(RichText::new("No stake keys in this folder yet.").color(theme::weak(ui)));
        }
        egui::Grid::new("stake-keys").num_columns(2).spacing([16.0, 4.0]).show(ui, |ui| {
            for (file, address) in &stake {
                ui.label(RichText::new(file).monospace());
                widgets::copyable(ui, "stake address", address, 40);
                ui.end_row();
            }
        });
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            let l = ui.label("Owner name");
            let field = ui.add(TextEdit::singleline(&mut app.drafts.owner_name).hint_text("e.g. alice").desired_width(180.0))
                .labelled_by(l.id);
            // Enter as the button: existing keys are still only replaced after a click.
            let entered = widgets::entered(ui, &field) && !app.drafts.owner_name.trim().is_empty();
            if entered || ui.button("Generate owner stake keys").on_hover_text("Writes <name>.stake.vkey and <name>.stake.skey, and adds the owner to the registration").clicked() {
                app.generate_stake_keys();
            }
        });
    });
}
