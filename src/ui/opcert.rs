//! The Op cert tab: issue an operational certificate with the counter and period filled in,
//! and verify the one in the folder.

use eframe::egui::{self, RichText, TextEdit};

use super::theme::{self, Level};
use super::widgets;
use crate::app::workspace::Role;
use crate::app::ConsoleApp;

pub fn show(app: &mut ConsoleApp, ui: &mut egui::Ui) {
    widgets::section(
        ui,
        "Operational certificate",
        "The cold key signs the KES key, an issue number and a start period. The node needs node.opcert and kes.skey.",
    );
    if widgets::needs_workspace(app, ui) {
        return;
    }
    let Some(ws) = app.workspace.clone() else {
        return;
    };
    let current = app.current_kes_period();
    if app.drafts.kes_period.trim().is_empty() {
        if let Some(p) = current {
            app.drafts.kes_period = p.to_string();
        }
    }
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        let mut period_entered = false;
        egui::Grid::new("opcert-form").num_columns(2).spacing([16.0, 8.0]).show(ui, |ui| {
            ui.label("Issue number").on_hover_text("Taken from the counter file; the chain accepts the last number it saw, or one more.");
            match &ws.counter {
                Some(c) => ui.label(RichText::new(format!("{} (from {})", c.next_issue_number, ws.short(&ws.path_for(Role::Counter)))).monospace()),
                None => ui.label(RichText::new("no counter file: generate the cold keys first").color(theme::error_text(ui))),
            };
            ui.end_row();
            let l = ui.label("Start KES period").on_hover_text("The period the certificate starts from: normally the current one.");
            ui.vertical(|ui| {
                let field = ui.add(TextEdit::singleline(&mut app.drafts.kes_period).desired_width(120.0)).labelled_by(l.id);
                period_entered = widgets::entered(ui, &field);
                if let Some(p) = current {
                    let typed = app.drafts.kes_period.trim().parse::<u64>().ok();
                    match typed {
                        // Said before the click: issuing would be refused (ops::opcert).
                        Some(t) if t.abs_diff(p) > crate::core::kes::issue_period::SLACK => {
                            ui.label(RichText::new(format!("{t} is far from the current KES period, {p}: an opcert starts at the current one.")).color(theme::error_text(ui)));
                        }
                        _ => {
                            ui.label(RichText::new(format!("The current KES period is {p}.")).color(theme::weak(ui)));
                        }
                    }
                }
            });
            ui.end_row();
            ui.label("KES key");
            ui.label(RichText::new(if ws.has(Role::KesVkey) { ws.short(&ws.path_for(Role::KesVkey)) } else { "no kes.vkey yet".to_owned() }).monospace());
            ui.end_row();
        });
        ui.add_space(6.0);
        let ready = ws.has(Role::ColdSkey) && ws.has(Role::Counter) && ws.has(Role::KesVkey);
        let button = ui.add_enabled(ready, egui::Button::new(RichText::new("Issue operational certificate").strong()));
        if !ready {
            ui.label(RichText::new("Needs cold.skey, the counter and kes.vkey (Keys tab).").color(theme::weak(ui)));
        }
        // Enter in the period field as the button: the confirmation that follows takes a click.
        if button.clicked() || (ready && period_entered) {
            app.request_opcert();
        }
    });
    ui.add_space(8.0);
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new("Check the certificate in this folder").strong());
        if ui
            .add_enabled(
                ws.has(Role::OpCert),
                egui::Button::new("Verify node.opcert"),
            )
            .clicked()
        {
            app.verify_opcert();
        }
        match &app.drafts.verify_result {
            Some(Ok(t)) => widgets::status(ui, Level::Ok, t),
            Some(Err(t)) => widgets::status(ui, Level::Alert, t),
            None => {}
        }
    });
}
