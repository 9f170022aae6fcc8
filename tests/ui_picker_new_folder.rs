//! The picker's "New folder" while a pool folder is being picked asks which chain the pool is
//! on, as the "Create" question does: the choice sticks to the new folder, and opening it
//! opens it with that chain's tabs (an Aion Unity one marked with aion-profile.json).
#![allow(clippy::disallowed_methods, clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};

use common::ui::{
    app_without_dialogs, click, click_exact, fixed_now, harness, replace_text, shows, status,
};
use eframe::egui;
use egui_kittest::kittest::Queryable as _;
use egui_kittest::Harness;
use pool_console::app::ConsoleApp;
use tempfile::TempDir;

fn rail_has(h: &Harness<'_, ConsoleApp>, tab: &str) -> bool {
    h.query_by_role_and_label(egui::accesskit::Role::Button, tab)
        .is_some()
}

/// Chooses the chain's radio button (its label is also in the note about the folder shown).
fn choose(h: &mut Harness<'_, ConsoleApp>, chain: &str) {
    h.get_by_role_and_label(egui::accesskit::Role::RadioButton, chain)
        .click();
    h.run_steps(3);
}

/// Opens the picker for a pool folder in `dir` and makes `name` with "New folder", choosing
/// `chain` when given (Cardano is the default).
fn new_folder(
    dir: &Path,
    name: &str,
    chain: Option<&str>,
) -> (Harness<'static, ConsoleApp>, PathBuf) {
    let mut a = app_without_dialogs(fixed_now());
    a.settings.recent_workspaces = vec![dir.join("old-pool")];
    let mut h = harness(a);
    h.run_steps(2);
    click(&mut h, "Open or create a pool folder");
    assert_eq!(h.state().picking.open.as_ref().unwrap().picker.dir, dir);
    click(&mut h, "New folder…");
    assert!(shows(&h, "The pool is on:"));
    if let Some(chain) = chain {
        choose(&mut h, chain);
    }
    replace_text(
        &mut h,
        &format!(
            "New folder in {}:",
            dir.file_name().unwrap().to_str().unwrap()
        ),
        name,
    );
    click_exact(&mut h, "Create folder");
    let made = dir.join(name);
    assert_eq!(h.state().picking.open.as_ref().unwrap().picker.dir, made);
    (h, made)
}

/// "Open this folder" on the folder made: it opens, and the status line says `said` with
/// the folder's path for `{}`.
fn open_made(h: &mut Harness<'_, ConsoleApp>, made: &Path, said: &str) {
    click_exact(h, "Open this folder");
    assert_eq!(h.state().workspace.as_ref().unwrap().dir, made);
    assert_eq!(status(h), said.replace("{}", &made.display().to_string()));
}

#[test]
fn a_new_folder_made_for_aion_opens_with_the_aion_tabs_and_its_marker() {
    let dir = TempDir::new().unwrap();
    let (mut h, made) = new_folder(dir.path(), "aion-pool", Some("Aion Unity"));
    // Only opening it makes it a pool folder: until then it stays empty.
    assert_eq!(std::fs::read_dir(&made).unwrap().count(), 0);
    assert!(shows(
        &h,
        "ℹ This new folder is for a pool on Aion Unity: “Open this folder” opens it with the Aion Unity tabs."
    ));
    open_made(
        &mut h,
        &made,
        "Created the Aion Unity pool folder {} and opened it. Next: generate the management and signing keys (Keys tab).",
    );
    assert_eq!(
        std::fs::read_to_string(made.join("aion-profile.json")).unwrap(),
        "{\"profile\":\"aion-unity\",\"note\":\"Pool Console opens this folder with its Aion Unity tabs.\"}\n"
    );
    assert!(rail_has(&h, "✒  Registry actions"));
    assert!(!rail_has(&h, "⏱  KES"));
}

#[test]
fn a_new_folder_is_for_cardano_unless_aion_is_chosen_and_gets_no_marker() {
    let dir = TempDir::new().unwrap();
    let (mut h, made) = new_folder(dir.path(), "cardano-pool", None);
    assert!(shows(
        &h,
        "ℹ This new folder is for a pool on Cardano: “Open this folder” opens it with the Cardano tabs."
    ));
    open_made(
        &mut h,
        &made,
        "Created the pool folder {} and opened it. Next: generate the cold keys (Keys tab).",
    );
    assert_eq!(std::fs::read_dir(&made).unwrap().count(), 0, "no marker");
    assert!(rail_has(&h, "⏱  KES"));
    assert!(!rail_has(&h, "✒  Registry actions"));
}

#[test]
fn the_chain_sticks_to_its_folder_and_a_folder_made_on_the_way_is_not_marked() {
    let dir = TempDir::new().unwrap();
    // "pools" is made for Aion by mistake, then "aion-pool" inside it; the first choice
    // does not follow into the second "New folder", which starts at Cardano again.
    let (mut h, pools) = new_folder(dir.path(), "pools", Some("Aion Unity"));
    click(&mut h, "New folder…");
    assert_eq!(
        h.state()
            .picking
            .open
            .as_ref()
            .unwrap()
            .picker
            .new_folder_chain,
        Some(pool_console::app::aion_profile::Profile::Cardano)
    );
    choose(&mut h, "Aion Unity");
    replace_text(&mut h, "New folder in pools:", "aion-pool");
    click_exact(&mut h, "Create folder");
    click_exact(&mut h, "Open this folder");
    assert!(pools.join("aion-pool").join("aion-profile.json").is_file());
    assert!(!pools.join("aion-profile.json").exists());
    assert!(rail_has(&h, "✒  Registry actions"));
}
