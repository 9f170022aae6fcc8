//! The Aion Lockouts and Self-bond tabs: countdowns in blocks and dates, and whether the
//! self-bond keeps the pool active, in words.

use eframe::egui::{self, RichText};

use super::form_fields::{self, Field, Note};
use super::theme::{self, Level};
use super::widgets;
use crate::app::aion_core::lockout::{self, LockoutAction};
use crate::app::aion_core::{amount, self_bond};
use crate::app::ConsoleApp;
use crate::core::message::sentence;

fn what(a: LockoutAction) -> &'static str {
    match a {
        LockoutAction::Commission => "Commission change (request, then finalize)",
        LockoutAction::SigningAddress => "Signing address change (also counts from registration)",
        LockoutAction::Undelegate => "Undelegation (undelegate, then finalize)",
        LockoutAction::Transfer => "Delegation transfer",
    }
}

pub fn lockouts(app: &mut ConsoleApp, ui: &mut egui::Ui) {
    widgets::section(ui, "Lockouts", "How long the Pool Registry makes each change wait, counted in blocks (about 10 seconds each).");
    let now = app.platform.clock.now();
    let d = &mut app.aion;
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        egui::ComboBox::from_label("Lockout")
            .selected_text(what(d.lockout))
            .show_ui(ui, |ui| {
                for a in [
                    LockoutAction::Commission,
                    LockoutAction::SigningAddress,
                    LockoutAction::Undelegate,
                    LockoutAction::Transfer,
                ] {
                    ui.selectable_value(
                        &mut d.lockout,
                        a,
                        format!("{} — {} blocks", what(a), a.blocks()),
                    );
                }
            });
        egui::Grid::new("aion-lockout")
            .num_columns(2)
            .spacing([12.0, 2.0])
            .show(ui, |ui| {
                let bad = |t: &str| {
                    (!t.trim().is_empty() && t.trim().parse::<u64>().is_err())
                        .then_some("A block number is a whole number.")
                };
                let (e1, e2) = (bad(&d.since_block), bad(&d.current_block));
                form_fields::row(
                    ui,
                    &Field {
                        label: "Since block",
                        help: "The block of the request (or the registration)",
                        hint: "e.g. 7500000",
                        width: 200.0,
                    },
                    &mut d.since_block,
                    Some(e1.map_or(
                        Note::Hint("The block of the request, or of the registration."),
                        Note::Error,
                    )),
                );
                form_fields::row(
                    ui,
                    &Field {
                        label: "Current block",
                        help: "The chain's current block (from an online machine or explorer)",
                        hint: "e.g. 7530000",
                        width: 200.0,
                    },
                    &mut d.current_block,
                    Some(e2.map_or(
                        Note::Hint(
                            "The chain's current block, from an online machine or an explorer.",
                        ),
                        Note::Error,
                    )),
                );
            });
        let (Ok(since), Ok(current)) = (
            d.since_block.trim().parse::<u64>(),
            d.current_block.trim().parse::<u64>(),
        ) else {
            ui.label(
                RichText::new("Type both block numbers to see the countdown.")
                    .color(theme::weak(ui)),
            );
            return;
        };
        let left = lockout::blocks_left(d.lockout, since, current);
        if left == 0 {
            widgets::status(
                ui,
                Level::Ok,
                &format!(
                    "Over: the {} blocks have passed; the change can be finalized.",
                    d.lockout.blocks()
                ),
            );
        } else {
            let secs = left.saturating_mul(lockout::BLOCK_SECONDS);
            let at = i64::try_from(secs)
                .ok()
                .and_then(|s| now.checked_add_signed(chrono::Duration::seconds(s)));
            widgets::status(
                ui,
                Level::Warn,
                &format!("{left} blocks left (of {})", d.lockout.blocks()),
            );
            ui.label(format!(
                "About {} at 10 s a block: around {}.",
                crate::core::chain::clock::format_duration(
                    i64::try_from(secs.saturating_mul(1000)).unwrap_or(i64::MAX)
                ),
                at.map_or_else(|| "a date too far to show".to_owned(), widgets::local_time)
            ));
        }
    });
}

pub fn self_bond(app: &mut ConsoleApp, ui: &mut egui::Ui) {
    widgets::section(ui, "Self-bond", "A pool is active while its own stake is at least 1 000 AION and at least 1 % of all the stake delegated to it.");
    let d = &mut app.aion;
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        // The core's message as a sentence of its own under the field.
        let parsed = |t: &str| amount::parse_aion(t).map_err(|e| sentence(&e.to_string()));
        let (own, total) = (parsed(&d.self_bond_aion), parsed(&d.total_aion));
        // The total includes the self-bond: a smaller one is a typing slip, said under it.
        let under_own = match (&own, &total) {
            (Ok(o), Ok(t)) if t < o => Some(format!(
                "The total stake includes the self-bond, so it is at least {} AION: type the pool's whole stake.",
                amount::format_aion(*o)
            )),
            _ => None,
        };
        egui::Grid::new("aion-bond").num_columns(2).spacing([12.0, 2.0]).show(ui, |ui| {
            let e1 = own.as_ref().err().filter(|_| !d.self_bond_aion.trim().is_empty());
            let e2 = total.as_ref().err().filter(|_| !d.total_aion.trim().is_empty()).or(under_own.as_ref());
            form_fields::row(ui, &Field { label: "Self-bond (AION)", help: "What the management key delegated to its own pool", hint: "1000", width: 240.0 }, &mut d.self_bond_aion, Some(e1.map_or(Note::Hint("What the management key delegated to its own pool."), |e| Note::Error(e))));
            form_fields::row(ui, &Field { label: "Total stake (AION)", help: "All the stake delegated to the pool, the self-bond included", hint: "50000", width: 240.0 }, &mut d.total_aion, Some(e2.map_or(Note::Hint("All the stake delegated to the pool, the self-bond included."), |e| Note::Error(e))));
        });
        let (Ok(own), Ok(total)) = (own, total) else {
            ui.label(RichText::new("Type both amounts to see the pool's state.").color(theme::weak(ui)));
            return;
        };
        if under_own.is_some() {
            ui.label(RichText::new("Correct the total stake to see the pool's state.").color(theme::weak(ui)));
            return;
        }
        let s = self_bond::status(own, total);
        if s.active {
            widgets::status(ui, Level::Ok, "Active");
            ui.label(s.reason);
            ui.label(room_words(own, s.room_for_delegation_namp));
        } else {
            widgets::status(ui, Level::Alert, "Broken: the pool is not active");
            ui.label(s.reason);
            ui.label("While broken, the pool makes no blocks and earns nothing. The self-bond grows with \"Delegate (self-bond)\" on the Registry actions tab.");
        }
    });
}

/// How much more others may delegate to an active pool, and what happens past that.
fn room_words(own: u128, room: u128) -> String {
    if room == 0 {
        return "Room left for delegations: 0 AION. The pool is at its limit: one more delegation breaks it unless the self-bond grows first.".to_owned();
    }
    format!(
        "Room left for delegations: {} AION. The pool stays active while its total stake is at most 100 times the self-bond ({} AION).",
        amount::format_aion(room),
        amount::format_aion(own.saturating_mul(100))
    )
}
