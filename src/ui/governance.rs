//! The Governance tab: the actions from the online machine, which ones the pool may vote on,
//! the selected action's vote and rationale, and the pool's default vote.

use eframe::egui::{self, RichText, TextEdit};

use super::theme::{self, Level};
use super::widgets;
use super::{governance_default, governance_vote};
use crate::app::governance_command::online_build;
use crate::app::ConsoleApp;
use crate::core::governance_actions::may_vote::PoolMayVote;
use crate::core::governance_actions::GovernanceAction;

pub fn show(app: &mut ConsoleApp, ui: &mut egui::Ui) {
    widgets::section(
        ui,
        "Governance",
        "Vote on governance actions with the cold key, here on the offline machine.",
    );
    paste_box(app, ui);
    if !app.governance.actions.is_empty() {
        ui.add_space(8.0);
        action_list(app, ui);
        if let Some(i) = app.governance.selected {
            ui.add_space(8.0);
            governance_vote::show(app, ui, i);
        }
        ui.add_space(8.0);
        online_side(app, ui);
    }
    ui.add_space(8.0);
    governance_default::show(app, ui);
}

/// The online machine's one transaction for every saved vote, and the way back to signing.
fn online_side(app: &mut ConsoleApp, ui: &mut egui::Ui) {
    let saved = app.governance_saved_votes();
    ui.label(RichText::new("On the online machine").strong());
    let note = if saved.is_empty() {
        "Save a vote file per action: one transaction carries them all (two witnesses: payment and cold key).".to_owned()
    } else {
        format!(
            "Copy the {} saved vote file{} to the online machine and build one transaction with them (two witnesses: payment and cold key):",
            saved.len(),
            if saved.len() == 1 { "" } else { "s" }
        )
    };
    ui.label(RichText::new(note).color(theme::weak(ui)));
    widgets::command_text(ui, &online_build(&app.governance, &saved));
    if !saved.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.label("Then bring votes.txbody back here: the Sign tab signs it with the cold key.");
            if ui.button("Go to Sign").clicked() {
                app.show_tab(crate::app::Tab::Sign);
            }
        });
    }
}

fn paste_box(app: &mut ConsoleApp, ui: &mut egui::Ui) {
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        let l = ui.label("Proposals JSON")
            .on_hover_text("The output of `cardano-cli conway query proposals --all-proposals` or `query gov-state`, from the online machine");
        // gov-state JSON runs to megabytes: the box scrolls instead of pushing the list away.
        egui::ScrollArea::vertical()
            .id_salt("proposals-json")
            .max_height(110.0)
            .show(ui, |ui| {
                ui.add(
                    TextEdit::multiline(&mut app.governance.pasted)
                        .hint_text("Paste the output of cardano-cli conway query proposals here")
                        .desired_rows(4)
                        .desired_width(f32::INFINITY)
                        .code_editor(),
                )
                .labelled_by(l.id);
            });
        ui.horizontal(|ui| {
            let can_read = !app.governance.pasted.trim().is_empty();
            if ui.add_enabled(can_read, egui::Button::new("Read pasted JSON")).clicked() {
                app.governance_read_pasted();
            }
            if ui.button("Load file…").clicked() {
                app.governance_load_file();
            }
        });
        if let Some(e) = &app.governance.error {
            ui.label(RichText::new(e).color(theme::error_text(ui)));
        }
    });
}

fn action_list(app: &mut ConsoleApp, ui: &mut egui::Ui) {
    let mut open = None;
    for (i, action) in app.governance.actions.iter().enumerate() {
        theme::card(ui).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(action.kind.words()).strong());
                match action.may_vote() {
                    PoolMayVote::Yes => widgets::status(ui, Level::Ok, "A pool may vote"),
                    PoolMayVote::No { reason } => {
                        widgets::status(
                            ui,
                            Level::Neutral,
                            &format!("Pools do not vote: {reason}"),
                        );
                    }
                }
            });
            facts(ui, action);
            let selected = app.governance.selected == Some(i);
            let label = format!("Open {}", widgets::elide(&action.id_hex(), 8));
            if ui.selectable_label(selected, label).clicked() {
                open = Some(i);
            }
        });
    }
    if let Some(i) = open {
        app.governance.selected = Some(i);
    }
}

/// Id, expiry, anchor URL and the pools' tally.
fn facts(ui: &mut egui::Ui, action: &GovernanceAction) {
    ui.horizontal_wrapped(|ui| {
        widgets::copyable(ui, "action id (txid#index)", &action.id_hex(), 12);
        widgets::copyable(ui, "CIP-129 action id", &action.id_bech32(), 14);
    });
    let mut line = Vec::new();
    if let Some(e) = action.expires_after {
        line.push(format!("expires after epoch {e}"));
    }
    if !action.changed_parameters.is_empty() {
        line.push(format!("changes {}", action.changed_parameters.join(", ")));
    }
    if let Some(t) = action.pool_votes {
        line.push(format!(
            "SPO votes: {} yes · {} no · {} abstain",
            t.yes, t.no, t.abstain
        ));
    }
    if !line.is_empty() {
        ui.label(line.join(" — "));
    }
    what_it_changes(ui, action);
    if !action.anchor_url.is_empty() {
        ui.label(
            RichText::new(format!(
                "Anchor: {}",
                crate::core::message::quote::escape(&action.anchor_url)
            ))
            .color(theme::weak(ui)),
        );
    }
}

/// The action's contents in words, so a pool votes knowing what a change changes. The lines
/// come from `core` already escaped; each wraps within the card.
fn what_it_changes(ui: &mut egui::Ui, action: &GovernanceAction) {
    if action.contents.is_empty() {
        return;
    }
    ui.label(RichText::new("What it changes").strong());
    ui.indent(("what-it-changes", action.id_hex()), |ui| {
        for line in &action.contents {
            ui.label(line);
        }
    });
}
