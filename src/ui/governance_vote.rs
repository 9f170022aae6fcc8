//! The selected governance action: its anchor checked against a local copy, the vote, the
//! rationale editor (CIP-100) and the vote file.

use eframe::egui::{self, RichText, TextEdit};

use super::theme::{self, Level};
use super::widgets;
use crate::app::governance::{AnchorCheck, VoteChoice};
use crate::app::ConsoleApp;
use crate::core::governance_actions::rationale::anchor_url_problem;

pub fn show(app: &mut ConsoleApp, ui: &mut egui::Ui, i: usize) {
    let Some(action) = app.governance.actions.get(i).cloned() else {
        return;
    };
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new(format!("{} {}", action.kind.words(), action.id_hex())).heading());
        widgets::copyable(ui, "CIP-129 action id", &action.id_bech32(), 40);
        anchor_check(app, ui, i, action.anchor_hash.is_some());
        if let crate::core::governance_actions::may_vote::PoolMayVote::No { reason } =
            action.may_vote()
        {
            widgets::status(
                ui,
                Level::Neutral,
                &format!("A pool may not vote on this action ({reason}): no vote file can be made for it."),
            );
            return;
        }
        ui.add_space(6.0);
        vote_picker(app, ui, i);
        ui.add_space(6.0);
        rationale(app, ui, i);
        ui.add_space(6.0);
        save_vote(app, ui, i);
    });
}

fn anchor_check(app: &mut ConsoleApp, ui: &mut egui::Ui, i: usize, has_hash: bool) {
    ui.horizontal_wrapped(|ui| {
        if ui
            .add_enabled(has_hash, egui::Button::new("Check the anchor against a local copy…"))
            .on_hover_text("Load the document the anchor URL points to (downloaded on the online machine): its blake2b-256 must be the action's anchor hash")
            .clicked()
        {
            app.governance_check_anchor(i);
        }
        match app.governance.drafts.get(i).and_then(|d| d.anchor_check.as_ref()) {
            Some(AnchorCheck::Match { file }) => {
                widgets::status(ui, Level::Ok, &format!("{file} matches the anchor hash"));
            }
            Some(AnchorCheck::Mismatch { file, found }) => widgets::status(
                ui,
                Level::Alert,
                &format!(
                    "{file} does not match the anchor hash (its hash is {})",
                    hex::encode(found)
                ),
            ),
            None => {}
        }
    });
}

fn vote_picker(app: &mut ConsoleApp, ui: &mut egui::Ui, i: usize) {
    let Some(draft) = app.governance.drafts.get_mut(i) else {
        return;
    };
    ui.horizontal(|ui| {
        ui.label(RichText::new("Your vote").strong());
        for (choice, word) in [
            (VoteChoice::Yes, "Yes"),
            (VoteChoice::No, "No"),
            (VoteChoice::Abstain, "Abstain"),
        ] {
            if ui
                .selectable_label(draft.vote == Some(choice), word)
                .clicked()
            {
                draft.vote = Some(choice);
            }
        }
    });
}

fn rationale(app: &mut ConsoleApp, ui: &mut egui::Ui, i: usize) {
    let Some(draft) = app.governance.drafts.get_mut(i) else {
        return;
    };
    ui.label(RichText::new("Rationale (optional, CIP-100)").strong());
    let r = &mut draft.rationale;
    egui::Grid::new(("rationale", i))
        .num_columns(2)
        .spacing([10.0, 6.0])
        .show(ui, |ui| {
            for (label, text, rows) in [
                ("Summary", &mut r.summary, 2),
                ("Rationale statement", &mut r.rationale_statement, 3),
                ("Precedent discussion", &mut r.precedent_discussion, 1),
                (
                    "Counterargument discussion",
                    &mut r.counterargument_discussion,
                    1,
                ),
                ("Conclusion", &mut r.conclusion, 1),
                ("Authors (one per line)", &mut draft.authors, 1),
            ] {
                let l = ui.label(label);
                ui.add(
                    TextEdit::multiline(text)
                        .desired_rows(rows)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(l.id);
                ui.end_row();
            }
            let l = ui.label("Anchor URL").on_hover_text(
                "Where the rationale will be published; the ledger allows 128 bytes",
            );
            ui.vertical(|ui| {
                ui.add(
                    TextEdit::singleline(&mut draft.anchor_url)
                        .hint_text("https://… or ipfs://…")
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(l.id);
                if let Some(p) = anchor_url_problem(&draft.anchor_url) {
                    ui.label(RichText::new(p).color(theme::error_text(ui)));
                }
            });
            ui.end_row();
            let l = ui.label("Anchor data hash").on_hover_text(
                "blake2b-256 of the published rationale: filled in when you save the rationale here, or typed for one written elsewhere (cardano-cli hash anchor-data)",
            );
            ui.add(
                TextEdit::singleline(&mut draft.anchor_hash)
                    .hint_text("64 hex digits")
                    .desired_width(f32::INFINITY)
                    .code_editor(),
            )
            .labelled_by(l.id);
            ui.end_row();
        });
    if ui.button("Save rationale…").clicked() {
        app.governance_save_rationale(i);
    }
}

/// The vote file: the button says what is still missing instead of failing later.
fn save_vote(app: &mut ConsoleApp, ui: &mut egui::Ui, i: usize) {
    let Some(draft) = app.governance.drafts.get(i) else {
        return;
    };
    let missing = match (draft.vote, draft.anchor()) {
        (None, _) => Some("Pick Yes, No or Abstain first.".to_owned()),
        (_, Err(e)) => Some(e),
        _ => None,
    };
    let saved = draft.saved.as_ref().map(|p| {
        app.workspace
            .as_ref()
            .map_or_else(|| p.display().to_string(), |w| w.short(p))
    });
    ui.horizontal_wrapped(|ui| {
        let button = ui.add_enabled(missing.is_none(), egui::Button::new("Save vote file…"));
        let button = match &missing {
            Some(why) => button.on_disabled_hover_text(why),
            None => button.on_hover_text(
                "A cardano-cli vote file for this action, voted by the folder's cold key (cold.vkey)",
            ),
        };
        if button.clicked() {
            app.governance_save_vote(i);
        }
        if let Some(p) = saved {
            widgets::status(ui, Level::Ok, &format!("Saved to {p}"));
        }
    });
    if let Some(why) = missing {
        ui.label(RichText::new(why).color(theme::weak(ui)));
    }
}
