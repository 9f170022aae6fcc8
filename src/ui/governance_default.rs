//! "The pool's default vote, explained": what a missing vote counts as for each action type,
//! by the reward account's vote delegation, and the certificate that sets it.

use eframe::egui::{self, RichText, TextEdit};

use super::theme;
use super::widgets;
use crate::app::ConsoleApp;
use crate::core::governance_actions::default_vote::{
    missing_vote, why, RewardDelegation, WITHDRAWALS_NOTE,
};
use crate::core::governance_actions::ActionKind;

/// The action types a pool votes on (a parameter change: in the security group).
const POOL_KINDS: [ActionKind; 5] = [
    ActionKind::NoConfidence,
    ActionKind::UpdateCommittee,
    ActionKind::HardForkInitiation,
    ActionKind::ParameterChange,
    ActionKind::InfoAction,
];

pub fn show(app: &mut ConsoleApp, ui: &mut egui::Ui) {
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new("The pool's default vote, explained").heading());
        ui.label(
            RichText::new("When the pool does not vote, the ledger counts it by its reward account's vote delegation (protocol version 10 on).")
                .color(theme::weak(ui)),
        );
        let desk = &mut app.governance;
        ui.horizontal_wrapped(|ui| {
            ui.label("Reward account's vote delegation:");
            for d in [
                RewardDelegation::None,
                RewardDelegation::AlwaysAbstain,
                RewardDelegation::AlwaysNoConfidence,
                RewardDelegation::Drep,
            ] {
                ui.radio_value(&mut desk.delegation, d, d.words());
            }
        });
        if desk.delegation == RewardDelegation::Drep {
            ui.horizontal(|ui| {
                let l = ui.label("DRep id");
                ui.add(TextEdit::singleline(&mut desk.drep_id).hint_text("drep1…").desired_width(420.0))
                    .labelled_by(l.id);
            });
        }
        for kind in POOL_KINDS {
            let name = if kind == ActionKind::ParameterChange {
                "Parameter change (security group)"
            } else {
                kind.words()
            };
            ui.label(format!(
                "{name}: a missing vote {} — {}.",
                missing_vote(kind, desk.delegation).words(),
                why(kind, desk.delegation)
            ));
        }
        ui.label(RichText::new(WITHDRAWALS_NOTE).color(theme::weak(ui)));
        certificate_button(app, ui);
    });
}

fn certificate_button(app: &mut ConsoleApp, ui: &mut egui::Ui) {
    let key = app.governance_reward_key().map(|k| {
        app.workspace
            .as_ref()
            .map_or_else(String::new, |w| w.short(&k.path))
    });
    let problem = match (&key, app.governance.drep()) {
        (None, _) => Some("This folder has no stake verification key: generate the owner's stake keys on the Keys tab.".to_owned()),
        (_, Err(e)) => Some(e),
        _ => None,
    };
    ui.horizontal_wrapped(|ui| {
        let button = ui.add_enabled(
            problem.is_none(),
            egui::Button::new("Make the vote-delegation certificate…"),
        );
        if let Some(p) = &problem {
            button.clone().on_disabled_hover_text(p);
        }
        if button.clicked() {
            app.governance_vote_delegation();
        }
        if let Some(k) = key {
            ui.label(
                RichText::new(format!("for the reward account key {k}")).color(theme::weak(ui)),
            );
        }
    });
    if let Some(p) = problem.filter(|_| app.workspace.is_some()) {
        widgets::status(ui, theme::Level::Neutral, &p);
    }
}
