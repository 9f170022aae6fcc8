//! The recovery-phrase dialog of the Keys tab: make cold keys with a new phrase (the words
//! shown once, three typed back) or restore them from a phrase and a pool index.

use eframe::egui::{self, Id, Key, RichText, TextEdit};

use super::{confirm, theme, widgets};
use crate::app::recovery_actions::{PhraseDialog, Step};
use crate::app::ConsoleApp;
use crate::core::keys::mnemonic::WORD_COUNTS;

/// What a click in the dialog asks for, done once the dialog is drawn.
enum Act {
    Close,
    ShowWords,
    WrittenDown,
    BackToWords,
    CheckWords,
    CheckPhrase,
    WriteRestored,
}

/// The phrase entry and the typed-back words: their ids, so their edit history can be
/// dropped with the dialog.
fn entry_id() -> Id {
    Id::unique("recovery-phrase-entry")
}

fn check_id(i: usize) -> Id {
    Id::unique(("recovery-phrase-check", i))
}

const WARNING: &str = "These words ARE your pool: anyone who has them can make your cold key and take the pool. Write them on paper, and never type them into a computer that goes online. Pool Console never saves them.";

/// The two buttons under the cold keys.
pub fn buttons(app: &mut ConsoleApp, ui: &mut egui::Ui) {
    let open = app.workspace.is_some();
    ui.horizontal_wrapped(|ui| {
        if ui
            .add_enabled(
                open,
                egui::Button::new("Create cold keys with a recovery phrase…"),
            )
            .on_hover_text("Cold keys you can make again from 12 to 24 written-down words")
            .clicked()
        {
            app.start_phrase_create();
        }
        if ui
            .add_enabled(open, egui::Button::new("Restore from a recovery phrase…"))
            .on_hover_text("Make the cold keys again from the words you wrote down")
            .clicked()
        {
            app.start_phrase_restore();
        }
    });
}

pub fn show(app: &mut ConsoleApp, ui: &mut egui::Ui) {
    // The replace-keys question is on screen: it is answered first, then this comes back.
    if app.confirm.is_some() {
        return;
    }
    let folder = app
        .workspace
        .as_ref()
        .map(|w| w.dir.display().to_string())
        .unwrap_or_default();
    let Some(d) = app.recovery.as_mut() else {
        return;
    };
    let mut act = None;
    egui::Modal::new(Id::unique("recovery-phrase")).show(ui.ctx(), |ui| {
        ui.set_max_width(640.0);
        ui.set_min_width(560.0);
        let title = if d.step == Step::Restore {
            "Restore cold keys from a recovery phrase"
        } else {
            "Create cold keys with a recovery phrase"
        };
        ui.label(RichText::new(title).heading());
        ui.add_space(6.0);
        ui.label(
            RichText::new(format!("⚠ {WARNING}"))
                .color(theme::ALERT)
                .strong(),
        );
        ui.add_space(8.0);
        act = match d.step {
            Step::Warning => warning(ui, d),
            Step::Words => words(ui, d),
            Step::TypeBack => type_back(ui, d),
            Step::Restore => restore(ui, d),
        };
        if let Some(problem) = &d.problem {
            ui.add_space(6.0);
            ui.label(
                RichText::new(format!("✖ {problem}"))
                    .color(theme::error_text(ui))
                    .strong(),
            );
        }
        ui.add_space(4.0);
        ui.label(
            RichText::new(format!(
                "Writes cold.skey, cold.vkey and cold.counter in {folder}"
            ))
            .color(theme::weak(ui))
            .small(),
        );
    });
    if ui.input(|i| i.key_pressed(Key::Escape)) {
        act = Some(Act::Close);
    }
    match act {
        Some(Act::Close) => {
            forget_fields(ui.ctx());
            app.close_phrase_dialog();
            app.say("Closed the recovery phrase: nothing was written, and the words are gone from memory.");
        }
        Some(Act::ShowWords) => app.show_new_phrase(),
        Some(Act::WrittenDown) => app.ask_words_back(),
        Some(Act::BackToWords) => app.back_to_words(),
        Some(Act::CheckWords) => app.check_words_and_write(),
        Some(Act::CheckPhrase) => app.check_restored_phrase(),
        Some(Act::WriteRestored) => app.write_restored(),
        None => {}
    }
    if app.recovery.is_none() {
        forget_fields(ui.ctx());
    }
}

/// Drops egui's copy of what was typed (its undo history) with the dialog.
fn forget_fields(ctx: &egui::Context) {
    ctx.data_mut(|data| {
        data.remove::<egui::text_edit::TextEditState>(entry_id());
        for i in 0..crate::app::recovery_actions::CHECKED_WORDS {
            data.remove::<egui::text_edit::TextEditState>(check_id(i));
        }
    });
}

/// Cancel on the left, the step's button on the right.
fn footer(
    ui: &mut egui::Ui,
    next: &str,
    enabled: bool,
    then: Act,
    extra: Option<(&str, Act)>,
) -> Option<Act> {
    let mut act = None;
    ui.add_space(10.0);
    ui.horizontal(|ui| {
        if ui
            .button("Cancel")
            .on_hover_text("Close and forget the words; nothing is written (Escape)")
            .clicked()
        {
            act = Some(Act::Close);
        }
        if let Some((label, extra_act)) = extra {
            if ui.button(label).clicked() {
                act = Some(extra_act);
            }
        }
        if ui
            .add_enabled(enabled, confirm::primary(next, false))
            .clicked()
        {
            act = Some(then);
        }
    });
    act
}

fn warning(ui: &mut egui::Ui, d: &mut PhraseDialog) -> Option<Act> {
    ui.label("The console makes a new recovery phrase and shows it once. You write it down, type three of its words back, and the cold keys are made from it. The same words make the same keys again on any machine (CIP-1853, as cardano-signer and `pool-console key derive` do).");
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        ui.label("Number of words");
        for n in WORD_COUNTS {
            ui.selectable_value(&mut d.word_count, n, n.to_string());
        }
    });
    ui.label(RichText::new("24 words is the usual choice for a pool.").color(theme::weak(ui)));
    footer(ui, "Show the words", true, Act::ShowWords, None)
}

fn words(ui: &mut egui::Ui, d: &mut PhraseDialog) -> Option<Act> {
    let Some(words) = d.words() else {
        return Some(Act::Close);
    };
    ui.label(format!(
        "Write these {} words on paper, in this order. They are shown only now.",
        words.len()
    ));
    ui.add_space(6.0);
    egui::Frame::group(ui.style()).show(ui, |ui| {
        egui::Grid::new("recovery-words")
            .num_columns(4)
            .spacing([28.0, 8.0])
            .show(ui, |ui| {
                for (i, word) in words.iter().enumerate() {
                    ui.label(
                        RichText::new(format!("{:>2}. {word}", i + 1))
                            .monospace()
                            .size(18.0),
                    );
                    if i % 4 == 3 {
                        ui.end_row();
                    }
                }
            });
    });
    footer(ui, "I have written them down", true, Act::WrittenDown, None)
}

/// The first field takes the keyboard when its step opens (all empty, nothing focused), so
/// typing starts there; after that the person moves the focus.
fn focus_if_nothing_is(ui: &egui::Ui, field: &egui::Response, empty: bool) {
    if empty && ui.memory(|m| m.focused().is_none()) {
        field.request_focus();
    }
}

fn type_back(ui: &mut egui::Ui, d: &mut PhraseDialog) -> Option<Act> {
    ui.label("Type these words from your paper, to check it is written right:");
    ui.add_space(6.0);
    let empty = d.checks.iter().all(|(_, typed)| typed.is_empty());
    let mut entered = false;
    egui::Grid::new("recovery-check")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            for (i, (position, typed)) in d.checks.iter_mut().enumerate() {
                let l = ui.label(format!("Word {position}"));
                let field = ui
                    .add(
                        TextEdit::singleline(&mut **typed)
                            .id(check_id(i))
                            .font(egui::TextStyle::Monospace)
                            .desired_width(180.0),
                    )
                    .labelled_by(l.id);
                if i == 0 {
                    focus_if_nothing_is(ui, &field, empty);
                }
                entered |= widgets::entered(ui, &field);
                ui.end_row();
            }
        });
    ui.add_space(6.0);
    pool_index(ui, d, "One phrase can hold several pools: 0 for the first, 1 for the second. Write the index next to the words.");
    let act = footer(
        ui,
        "Check and make the cold keys",
        true,
        Act::CheckWords,
        Some(("Show the words again", Act::BackToWords)),
    );
    // Enter in any of the words checks them, as the button does.
    if entered {
        Some(Act::CheckWords)
    } else {
        act
    }
}

/// The pool index field; true when it changed.
fn pool_index(ui: &mut egui::Ui, d: &mut PhraseDialog, help: &str) -> bool {
    let mut changed = false;
    ui.horizontal(|ui| {
        let l = ui.label("Pool index");
        changed = ui
            .add(TextEdit::singleline(&mut d.index).desired_width(60.0))
            .labelled_by(l.id)
            .changed();
    });
    ui.label(RichText::new(help).color(theme::weak(ui)));
    changed
}

fn restore(ui: &mut egui::Ui, d: &mut PhraseDialog) -> Option<Act> {
    let l = ui.label("Recovery phrase (12 to 24 words, in order)");
    let entry = ui
        .add(
            TextEdit::multiline(&mut *d.typed)
                .id(entry_id())
                .password(!d.show_words)
                .font(egui::TextStyle::Monospace)
                .desired_rows(3)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(l.id);
    focus_if_nothing_is(ui, &entry, d.typed.is_empty());
    ui.checkbox(&mut d.show_words, "Show words")
        .on_hover_text("Show the words to check them against your paper");
    ui.add_space(6.0);
    let index_changed = pool_index(
        ui,
        d,
        "The index used when the keys were made; 0 for the first pool.",
    );
    if entry.changed() || index_changed {
        d.edited();
    }
    ui.add_space(6.0);
    let checked = ui
        .button("Check the phrase")
        .on_hover_text("Shows the pool id these words and this index make; writes nothing")
        .clicked();
    if let Some(pool) = &d.pool_id {
        ui.add_space(6.0);
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("Pool id").strong());
            ui.label(RichText::new(pool).monospace());
        });
        ui.label(
            RichText::new("Check this is your pool before writing the keys.").color(theme::WARN),
        );
    }
    footer(
        ui,
        "Write cold keys for this pool",
        d.pool_id.is_some(),
        Act::WriteRestored,
        None,
    )
    .or(checked.then_some(Act::CheckPhrase))
}
