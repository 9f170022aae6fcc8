//! The Aion Unity profile's UI tests' shared steps: AION.md's fixture values, a folder
//! created through the Pool tab for a chain, the W3 key imported, a registration filled in.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use super::ui::{app, click, click_exact, fixed_now, harness, replace_text, shows, type_into};
use eframe::egui;
use egui_kittest::kittest::Queryable as _;
use egui_kittest::Harness;
use pool_console::app::ConsoleApp;
use tempfile::TempDir;

/// W3 fixture account 0: seed ‖ public key, and its checksummed address (AION.md §1).
pub const KEY_HEX: &str = "0x6df86a106f599c78ab9b2ad593b2983038edf706a52b24bfa895b49066a7f2a03ddfb8596435b9530b5e635736c801c1403578b85e582d98dd7a322ddfb1e4c1";
pub const KEY_ADDRESS: &str = "0xa0202797A7aff86FEc1a5D8B7cacEa276dE5bCfc2e8B14878C9BA48d7D5330A0";
pub const SIGNING: &str = "0xa09d19c066f341220d914414c42e5e796e7e4daf83a9abf4581b1670403bbd15";
pub const URL: &str = "https://jennijuju.github.io/stakeFrites.json";
pub const HASH: &str = "558729f5c8468f52b1f532ed53de5df98c0b94c66620c9e6f92b90f06f47a365";

/// Creates `name` through the Pool tab's "Open or create" and its confirmation, for `chain`.
pub fn create_folder(
    dir: &TempDir,
    name: &str,
    chain: Option<&str>,
) -> (Harness<'static, ConsoleApp>, PathBuf) {
    create_folder_then_picking(dir, name, chain, vec![])
}

/// [`create_folder`], with the file dialogs after it answering `picks` in turn.
pub fn create_folder_then_picking(
    dir: &TempDir,
    name: &str,
    chain: Option<&str>,
    picks: Vec<PathBuf>,
) -> (Harness<'static, ConsoleApp>, PathBuf) {
    let new = dir.path().join(name);
    let answers = std::iter::once(new.clone()).chain(picks).collect();
    let mut h = harness(app(answers, fixed_now()));
    h.run_steps(2);
    click(&mut h, "Open or create a pool folder");
    assert!(shows(&h, "The pool is on:"));
    if let Some(chain) = chain {
        click(&mut h, chain);
    }
    click_exact(&mut h, "Create");
    assert_eq!(h.state().workspace.as_ref().unwrap().dir, new);
    (h, new)
}

/// An Aion folder opened with the W3 key imported as its management key.
pub fn aion_with_key(dir: &TempDir) -> (Harness<'static, ConsoleApp>, PathBuf) {
    let (mut h, folder) = create_folder(dir, "aion-pool", Some("Aion Unity"));
    click(&mut h, "🔑  Keys");
    // A password field: what is pasted is never drawn.
    let field = h.get_by_role_and_label(egui::accesskit::Role::PasswordInput, "Private key (hex):");
    field.focus();
    field.type_text(KEY_HEX);
    h.run_steps(2);
    click(&mut h, "Import the key");
    (h, folder)
}

pub fn rail_has(h: &Harness<'_, ConsoleApp>, tab: &str) -> bool {
    use egui::accesskit::Role;
    h.query_by_role_and_label(Role::Button, tab).is_some()
}

/// Fills the registerPool form with AION.md §3's values, nonce 0 and a fixed timestamp.
pub fn fill_registration(h: &mut Harness<'_, ConsoleApp>) {
    type_into(h, "Signing address", SIGNING);
    type_into(h, "Commission (%)", "2");
    type_into(h, "Metadata URL", URL);
    type_into(h, "Metadata hash", HASH);
    type_into(h, "Nonce", "0");
    type_into(h, "Timestamp (µs)", "1600000000000000");
}

/// Replaces the metadata form's name and saves it.
pub fn save_metadata(h: &mut Harness<'_, ConsoleApp>, name: &str) {
    replace_text(h, "Name", name);
    click(h, "Save the metadata");
}

/// A folder with the W3 management key and AION.md's registerPool signed on Registry actions.
pub fn signed_registration(dir: &TempDir) -> (Harness<'static, ConsoleApp>, PathBuf) {
    let (mut h, folder) = aion_with_key(dir);
    click(&mut h, "✒  Registry actions");
    fill_registration(&mut h);
    click(&mut h, "Sign with the management key");
    (h, folder)
}
