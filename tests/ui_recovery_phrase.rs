//! The Keys tab's recovery-phrase dialog, clicked like a person: a new phrase read off the
//! screen and three of its words typed back, a phrase restored at a pool index, wrong words
//! and bad phrases refused with nothing written. The keys written are compared with what
//! `pool-console key derive` makes from the same words.
#![allow(clippy::disallowed_methods, clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};

use common::ui::{
    app, click, click_exact, fixed_now, harness, replace_text, shows, status, type_into,
};
use common::{ok, read};
use eframe::egui::accesskit::Role;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use egui_kittest::Harness;
use pool_console::app::{ConsoleApp, Tab};
use serde_json::Value;
use tempfile::TempDir;

/// The pool-key phrase cardano-signer's README publishes, and its pool id at index 0.
const POOL_PHRASE: &str = "suit want industry omit this alley april critic pyramid hammer grape tribe kiss thank uncle cry dizzy clip rocket bargain alien alert indoor income";

fn published_pool_id() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/third-party/key-derivation/cardano-signer.json");
    let v: Value = serde_json::from_slice(&read(&path)).unwrap();
    let case = &v["cases"][0];
    assert_eq!(case["mnemonic"], POOL_PHRASE);
    case["expect"]["pool_id_bech32"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// The console on the Keys tab of an empty pool folder.
fn keys_tab(ws: &Path) -> Harness<'static, ConsoleApp> {
    let mut a = app(vec![], fixed_now());
    a.open_workspace(ws);
    a.tab = Tab::Keys;
    let mut h = harness(a);
    h.run_steps(2);
    h
}

/// `key derive` of `phrase` at `path`, in a directory of its own: (skey, vkey) bytes.
fn key_derive(phrase: &str, path: &str) -> (Vec<u8>, Vec<u8>) {
    let dir = TempDir::new().unwrap();
    std::fs::write(dir.path().join("phrase.txt"), format!("{phrase}\n")).unwrap();
    ok(
        dir.path(),
        &[
            "key",
            "derive",
            "--mnemonic-file",
            "phrase.txt",
            "--path",
            path,
            "--signing-key-file",
            "d.skey",
            "--verification-key-file",
            "d.vkey",
        ],
    );
    (
        read(&dir.path().join("d.skey")),
        read(&dir.path().join("d.vkey")),
    )
}

/// The words the dialog shows, in order, read off its labels (" 3. word").
fn shown_words(h: &Harness<'_, ConsoleApp>, count: usize) -> Vec<String> {
    (1..=count)
        .map(|i| {
            let prefix = format!("{i:>2}. ");
            let label = h
                .get_by(|n| {
                    n.role() == Role::Label && n.value().is_some_and(|l| l.starts_with(&prefix))
                })
                .accesskit_node()
                .value()
                .unwrap();
            label[prefix.len()..].to_owned()
        })
        .collect()
}

/// The positions the dialog asks for, from its "Word N" labels.
fn asked_positions(h: &Harness<'_, ConsoleApp>) -> Vec<usize> {
    let asked: Vec<usize> = h
        .query_all_by(|n| {
            n.role() == Role::Label && n.value().is_some_and(|l| l.starts_with("Word "))
        })
        .filter_map(|n| {
            n.accesskit_node()
                .value()?
                .strip_prefix("Word ")?
                .parse()
                .ok()
        })
        .collect();
    assert_eq!(asked.len(), 3, "three words asked for: {asked:?}");
    asked
}

/// Types into the phrase entry (its words hidden behind dots).
fn type_phrase(h: &mut Harness<'_, ConsoleApp>, phrase: &str) {
    let field = h.get_by_label("Recovery phrase (12 to 24 words, in order)");
    field.focus();
    field.type_text(phrase);
    h.run_steps(2);
}

fn write_button_disabled(h: &Harness<'_, ConsoleApp>) -> bool {
    h.get_by_role_and_label(Role::Button, "Write cold keys for this pool")
        .accesskit_node()
        .is_disabled()
}

fn cold_files(ws: &Path) -> [PathBuf; 3] {
    ["cold.skey", "cold.vkey", "cold.counter"].map(|f| ws.join(f))
}

/// Opens "Create…", picks `count` words, reads them off the screen and goes to the type-back step.
fn make_phrase(h: &mut Harness<'_, ConsoleApp>, count: usize) -> Vec<String> {
    click(h, "Create cold keys with a recovery phrase");
    assert!(shows(
        h,
        "These words ARE your pool: anyone who has them can make your cold key and take the pool."
    ));
    assert!(shows(h, "Pool Console never saves them."));
    click_exact(h, &count.to_string());
    click(h, "Show the words");
    let words = shown_words(h, count);
    assert!(shows(h, &format!("Write these {count} words on paper")));
    click(h, "I have written them down");
    assert!(
        h.query_by_label_contains(&format!("{count:>2}. "))
            .is_none(),
        "the words are hidden"
    );
    words
}

#[test]
fn create_shows_the_words_once_checks_three_and_writes_what_key_derive_makes() {
    let dir = TempDir::new().unwrap();
    let ws = dir.path();
    let mut h = keys_tab(ws);
    let words = make_phrase(&mut h, 24);
    let asked = asked_positions(&h);
    let mut sorted = asked.clone();
    sorted.dedup();
    assert_eq!(sorted.len(), 3, "three different positions");
    for p in &asked {
        // As people type: capitals and spaces are forgiven.
        type_into(
            &mut h,
            &format!("Word {p}"),
            &format!(" {} ", words[p - 1].to_uppercase()),
        );
    }
    click(&mut h, "Check and make the cold keys");

    let phrase = words.join(" ");
    let (skey, vkey) = key_derive(&phrase, "1853H/1815H/0H/0H");
    assert_eq!(read(&ws.join("cold.skey")), skey);
    assert_eq!(read(&ws.join("cold.vkey")), vkey);
    let counter = String::from_utf8(read(&ws.join("cold.counter"))).unwrap();
    assert!(
        counter.contains("Next certificate issue number: 0"),
        "{counter}"
    );
    assert!(
        h.state().recovery.is_none(),
        "the dialog closed, the phrase with it"
    );
    let said = status(&h);
    assert!(said.starts_with("Made the cold keys of pool index 0 from the recovery phrase (cold.vkey, cold.skey, cold.counter). Pool id pool1"), "{said}");
    for w in &words {
        assert!(
            !said.split_whitespace().any(|s| s == w),
            "no word of the phrase in the message"
        );
    }
}

/// A key press as the keyboard sends it.
fn key(h: &mut Harness<'_, ConsoleApp>, key: egui::Key) {
    for pressed in [true, false] {
        h.event(egui::Event::Key {
            key,
            physical_key: None,
            pressed,
            repeat: false,
            modifiers: egui::Modifiers::NONE,
        });
    }
    h.run_steps(2);
}

#[test]
fn the_words_can_be_typed_back_with_the_keyboard_alone() {
    let dir = TempDir::new().unwrap();
    let ws = dir.path();
    let mut h = keys_tab(ws);
    let words = make_phrase(&mut h, 12);
    // No click into a field: the first word's field has the keyboard, Tab moves on, Enter checks.
    for (i, p) in asked_positions(&h).into_iter().enumerate() {
        if i > 0 {
            key(&mut h, egui::Key::Tab);
        }
        h.event(egui::Event::Text(words[p - 1].clone()));
        h.run_steps(2);
    }
    key(&mut h, egui::Key::Enter);
    let (skey, _) = key_derive(&words.join(" "), "1853H/1815H/0H/0H");
    assert_eq!(read(&ws.join("cold.skey")), skey);
}

#[test]
fn a_wrong_typed_back_word_is_named_and_nothing_is_written() {
    let dir = TempDir::new().unwrap();
    let ws = dir.path();
    let mut h = keys_tab(ws);
    let words = make_phrase(&mut h, 12);
    let asked = asked_positions(&h);
    let wrong = asked[1];
    for p in &asked {
        let typed = if *p == wrong {
            "notaword"
        } else {
            &words[p - 1]
        };
        type_into(&mut h, &format!("Word {p}"), typed);
    }
    click(&mut h, "Check and make the cold keys");
    assert!(shows(&h, &format!("Word {wrong} is not the word shown in that place. Check it against your paper; nothing was written.")));
    for f in cold_files(ws) {
        assert!(!f.exists(), "{} not written", f.display());
    }
    // Still on the same step: the words can be looked at again.
    click(&mut h, "Show the words again");
    assert_eq!(shown_words(&h, 12), words);
    click(&mut h, "Cancel");
    assert!(h.state().recovery.is_none());
    assert_eq!(
        status(&h),
        "Closed the recovery phrase: nothing was written, and the words are gone from memory."
    );
}

#[test]
fn restore_at_index_1_shows_the_pool_id_first_then_writes_what_key_derive_makes() {
    let dir = TempDir::new().unwrap();
    let ws = dir.path();
    let mut h = keys_tab(ws);
    click(&mut h, "Restore from a recovery phrase");
    type_phrase(&mut h, POOL_PHRASE);
    // Index 0 first: the pool id cardano-signer publishes for this phrase.
    click(&mut h, "Check the phrase");
    assert!(shows(&h, &published_pool_id()));
    assert!(
        !write_button_disabled(&h),
        "writing offered once the pool id is shown"
    );

    // Another index: the pool id shown is gone until checked again.
    replace_text(&mut h, "Pool index", "1");
    assert!(!shows(&h, &published_pool_id()));
    assert!(write_button_disabled(&h), "no writing until checked again");
    click(&mut h, "Check the phrase");
    let (skey, vkey) = key_derive(POOL_PHRASE, "1853H/1815H/0H/1H");
    let vk: Value = serde_json::from_slice(&vkey).unwrap();
    let vk_hex = vk["cborHex"].as_str().unwrap();
    let pk = hex::decode(&vk_hex[4..68]).unwrap();
    let id: [u8; 28] = pool_console::core::encoding::hash::blake2b_224(&pk);
    let pool_1 = pool_console::core::keys::address::pool_bech32(&id);
    assert_ne!(pool_1, published_pool_id());
    assert!(
        shows(&h, &pool_1),
        "pool id of index 1 shown before writing"
    );
    for f in cold_files(ws) {
        assert!(!f.exists(), "nothing written before the click");
    }
    click(&mut h, "Write cold keys for this pool");
    assert_eq!(read(&ws.join("cold.vkey")), vkey);
    assert_eq!(read(&ws.join("cold.skey")), skey);
    assert!(ws.join("cold.counter").is_file());
    assert!(status(&h).contains(&format!("Made the cold keys of pool index 1 from the recovery phrase (cold.vkey, cold.skey, cold.counter). Pool id {pool_1}.")));
}

#[test]
fn a_phrase_with_a_wrong_checksum_is_refused_with_the_exact_message() {
    let dir = TempDir::new().unwrap();
    let ws = dir.path();
    let mut h = keys_tab(ws);
    click(&mut h, "Restore from a recovery phrase");
    // Two words swapped: every word is in the list, the checksum is not.
    let swapped = POOL_PHRASE.replacen("suit want", "want suit", 1);
    type_phrase(&mut h, &swapped);
    click(&mut h, "Check the phrase");
    assert!(shows(&h, "✖ The recovery phrase's checksum does not match: a word is wrong or two words are swapped; check every word against where you wrote them down. Nothing was written."));
    assert!(!shows(&h, "Pool id"));
    assert!(write_button_disabled(&h));
    for f in cold_files(ws) {
        assert!(!f.exists());
    }
}

/// Restores `index` of the published phrase and writes it (no confirmation expected).
fn restore(h: &mut Harness<'_, ConsoleApp>, index: &str) {
    click(h, "Restore from a recovery phrase");
    type_phrase(h, POOL_PHRASE);
    replace_text(h, "Pool index", index);
    click(h, "Check the phrase");
    click(h, "Write cold keys for this pool");
}

#[test]
fn replacing_phrase_cold_keys_asks_first_as_generate_does() {
    let dir = TempDir::new().unwrap();
    let ws = dir.path();
    let mut h = keys_tab(ws);
    restore(&mut h, "0");
    let first = read(&ws.join("cold.skey"));
    assert_eq!(first, key_derive(POOL_PHRASE, "1853H/1815H/0H/0H").0);
    restore(&mut h, "1");
    assert!(shows(&h, "⚠ Replace the cold keys?"));
    assert!(shows(
        &h,
        "Replacing them makes a NEW pool with a new pool id."
    ));
    click_exact(&mut h, "Cancel");
    assert_eq!(
        read(&ws.join("cold.skey")),
        first,
        "cancelled: the old key stays"
    );
    // Back in the dialog, still showing the pool id of index 1.
    assert!(h.state().recovery.is_some());
    assert!(!write_button_disabled(&h));
    click(&mut h, "Write cold keys for this pool");
    click(&mut h, "Replace cold keys");
    let (skey, _) = key_derive(POOL_PHRASE, "1853H/1815H/0H/1H");
    assert_eq!(read(&ws.join("cold.skey")), skey, "{}", status(&h));
}

#[test]
fn a_folder_with_plain_cold_keys_is_told_before_any_words() {
    let dir = TempDir::new().unwrap();
    let ws = dir.path();
    let mut h = keys_tab(ws);
    click(&mut h, "Generate cold keys");
    let before = read(&ws.join("cold.skey"));
    for button in [
        "Restore from a recovery phrase",
        "Create cold keys with a recovery phrase",
    ] {
        click(&mut h, button);
        assert!(h.state().recovery.is_none(), "no dialog");
        assert_eq!(status(&h), "This folder already holds cold keys made without a recovery phrase; keys from a phrase never replace them. Open a new, empty pool folder for the phrase's keys, or move cold.skey, cold.vkey and cold.counter elsewhere first (keep a copy: they are the old pool).");
    }
    assert_eq!(read(&ws.join("cold.skey")), before);
}
