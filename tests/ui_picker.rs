//! The console's own file picker, clicked like a person on a laptop without the desktop
//! portal: typed paths, folders, "New folder", creating a pool folder, loading and saving.
#![allow(clippy::disallowed_methods, clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;

use common::ui::{
    app, app_without_dialogs, click, click_exact, click_starting, fixed_now, harness, key,
    replace_text, shows,
};
use common::{assert_same_file, vector};
use eframe::egui::{self, Key};
use egui_kittest::Harness;
use pool_console::app::{ConsoleApp, Tab};
use pool_console::platform::dialogs::NoDialogs;
use tempfile::TempDir;

fn picker_open(h: &Harness<'_, ConsoleApp>) -> bool {
    h.state().picking.open.is_some()
}

/// Types a folder's path into the picker's path field and presses Enter.
fn go_to(h: &mut Harness<'_, ConsoleApp>, dir: &Path) {
    replace_text(h, "Folder", dir.to_str().unwrap());
    key(h, Key::Enter);
}

#[test]
fn a_pool_folder_opens_by_typing_its_path() {
    let dir = TempDir::new().unwrap();
    let ws = dir.path().join("alpha");
    std::fs::create_dir(&ws).unwrap();
    std::fs::copy(
        vector("input/node-pool/operator.vkey"),
        ws.join("cold.vkey"),
    )
    .unwrap();
    let mut h = harness(app_without_dialogs(fixed_now()));
    h.run_steps(2);
    click(&mut h, "Open or create a pool folder");
    assert!(picker_open(&h), "the console's own picker opens");
    // Why it is not the desktop's dialog, in words.
    assert!(shows(&h, NoDialogs::WHY));
    go_to(&mut h, &ws);
    assert!(picker_open(&h), "Enter on a folder goes there");
    assert_eq!(h.state().picking.open.as_ref().unwrap().picker.dir, ws);
    click_exact(&mut h, "Open this folder");
    assert!(!picker_open(&h));
    assert_eq!(h.state().workspace.as_ref().unwrap().dir, ws);
    assert!(
        shows(&h, "(1 pool files recognised)"),
        "{:?}",
        h.state().status
    );
}

#[test]
fn folders_open_by_clicking_and_new_folders_are_made_with_their_name() {
    let dir = TempDir::new().unwrap();
    let pools = dir.path().join("pools");
    std::fs::create_dir_all(pools.join("alpha")).unwrap();
    std::fs::create_dir_all(pools.join("beta")).unwrap();
    std::fs::write(pools.join("notes.txt"), b"x").unwrap();
    // The picker is a setting here; the desktop's dialog would answer nothing.
    let mut a = app(vec![], fixed_now());
    a.settings.builtin_file_picker = true;
    a.settings.recent_workspaces = vec![pools.join("alpha")];
    let mut h = harness(a);
    h.run_steps(2);
    click(&mut h, "Open or create a pool folder");
    // It starts beside the last pool folder, with it among the recent folders; a folder
    // pick lists no files.
    assert_eq!(h.state().picking.open.as_ref().unwrap().picker.dir, pools);
    assert!(shows(&h, "🕘 alpha"));
    assert!(!shows(&h, "notes.txt"));
    click_starting(&mut h, "🗀 beta");
    assert_eq!(
        h.state().picking.open.as_ref().unwrap().picker.dir,
        pools.join("beta")
    );
    assert!(shows(&h, "No folders here."));
    click(&mut h, "New folder…");
    replace_text(&mut h, "New folder in beta:", "gamma");
    click_exact(&mut h, "Create folder");
    let gamma = pools.join("beta").join("gamma");
    assert!(gamma.is_dir());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&gamma).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o700);
    }
    assert_eq!(h.state().picking.open.as_ref().unwrap().picker.dir, gamma);
    // A second folder of the same name is refused in words.
    click(&mut h, "Parent folder");
    click(&mut h, "New folder…");
    replace_text(&mut h, "New folder in beta:", "gamma");
    key(&mut h, Key::Enter);
    assert!(shows(&h, "gamma already exists."));
    click_exact(&mut h, "Don't create");
    click_starting(&mut h, "🗀 gamma");
    // Enter confirms the folder shown.
    key(&mut h, Key::Enter);
    assert!(!picker_open(&h));
    assert_eq!(h.state().workspace.as_ref().unwrap().dir, gamma);
}

#[test]
fn a_missing_pool_folder_is_created_after_a_yes_that_names_it() {
    let dir = TempDir::new().unwrap();
    let new = dir.path().join("pools").join("new-pool");
    let mut h = harness(app_without_dialogs(fixed_now()));
    h.run_steps(2);
    click(&mut h, "Open or create a pool folder");
    go_to(&mut h, &new);
    let question = format!("Create the pool folder {}?", new.display());
    assert!(shows(&h, &question));
    // Cancel: nothing is created.
    click_exact(&mut h, "Cancel");
    assert!(!new.exists());
    assert!(h.state().workspace.is_none());
    // Again, and yes.
    click(&mut h, "Open or create a pool folder");
    go_to(&mut h, &new);
    click_exact(&mut h, "Create");
    assert!(new.is_dir());
    assert_eq!(h.state().workspace.as_ref().unwrap().dir, new);
    assert!(shows(
        &h,
        &format!("Created the pool folder {} and opened it.", new.display())
    ));
}

#[test]
fn inspect_loads_a_file_chosen_in_the_picker() {
    let dir = TempDir::new().unwrap();
    std::fs::copy(
        vector("input/node-pool/operator.vkey"),
        dir.path().join("cold.vkey"),
    )
    .unwrap();
    std::fs::write(dir.path().join(".hidden"), b"x").unwrap();
    let mut h = harness(app_without_dialogs(fixed_now()));
    h.state_mut().tab = Tab::Inspect;
    h.run_steps(2);
    click(&mut h, "Open a file…");
    go_to(&mut h, dir.path());
    assert!(!shows(&h, ".hidden"), "dot files are hidden");
    click(&mut h, "Show hidden files");
    assert!(shows(&h, ".hidden"));
    // Open with nothing chosen says what to do.
    click_exact(&mut h, "Open");
    assert!(shows(&h, "Choose a file in the list first."));
    click_starting(&mut h, "🗋 cold.vkey");
    assert!(shows(&h, "Chosen: cold.vkey"));
    click_exact(&mut h, "Open");
    assert!(!picker_open(&h));
    let (name, result) = &h.state().drafts.inspected[0];
    assert_eq!(Path::new(name), dir.path().join("cold.vkey"));
    assert!(result.is_ok(), "{result:?}");
}

#[test]
fn a_plan_is_imported_and_exported_through_the_picker() {
    let plan = common::review::plan(70_000_000_000, 30_000_000_000, None);
    let mut plan = plan;
    plan.owners[0].delegated = None;
    plan.params.relays.remove(2);
    let dir = TempDir::new().unwrap();
    std::fs::write(dir.path().join("plan.json"), plan.to_json()).unwrap();
    let ws = dir.path().join("pool");
    std::fs::create_dir(&ws).unwrap();
    std::fs::copy(
        vector("input/node-pool/operator.vkey"),
        ws.join("cold.vkey"),
    )
    .unwrap();
    std::fs::copy(vector("input/node-pool/vrf.vkey"), ws.join("vrf.vkey")).unwrap();
    let mut a = app_without_dialogs(fixed_now());
    a.open_workspace(&ws);
    let mut h = harness(a);
    click_exact(&mut h, "📝  Registration");
    common::ui::press(&mut h, "Import plan…");
    // File picks start in the pool folder.
    assert_eq!(h.state().picking.open.as_ref().unwrap().picker.dir, ws);
    click(&mut h, "Parent folder");
    click_starting(&mut h, "🗋 plan.json");
    click_exact(&mut h, "Open");
    assert!(
        h.state().drafts.imported_plan.is_some(),
        "{:?}",
        h.state().status
    );
    common::ui::press(&mut h, "Load metadata file…");
    let metadata = vector("input/metadata/example_stake_pool_metadata.json");
    go_to(&mut h, metadata.parent().unwrap());
    click_starting(&mut h, "🗋 example_stake_pool_metadata.json");
    click_exact(&mut h, "Open");
    assert!(shows(
        &h,
        "The form builds exactly the certificate of plan.json."
    ));

    common::ui::press(&mut h, "Export plan…");
    // A save names the file already; the folder is typed.
    assert_eq!(
        h.state().picking.open.as_ref().unwrap().picker.file_name,
        "pool-plan.json"
    );
    go_to(&mut h, dir.path());
    replace_text(&mut h, "File name", "exported.json");
    click_exact(&mut h, "Save");
    assert!(!picker_open(&h));
    assert_same_file(
        &dir.path().join("exported.json"),
        &dir.path().join("plan.json"),
    );
    assert!(shows(&h, "Saved the pool plan to"));

    // Saving onto a file asks once more, then replaces it.
    std::fs::write(dir.path().join("pool-plan.json"), plan.to_json()).unwrap();
    common::ui::press(&mut h, "Export plan…");
    assert_eq!(
        h.state().picking.open.as_ref().unwrap().picker.dir,
        dir.path()
    );
    click_exact(&mut h, "Save");
    assert!(shows(&h, "pool-plan.json already exists."));
    click_exact(&mut h, "Replace");
    assert!(!picker_open(&h));
    assert!(shows(&h, "Saved the pool plan to"));
}

#[test]
fn cancel_and_escape_leave_everything_unchanged() {
    let dir = TempDir::new().unwrap();
    let mut a = app_without_dialogs(fixed_now());
    a.open_workspace(dir.path());
    a.status = None;
    let mut h = harness(a);
    h.state_mut().tab = Tab::Inspect;
    h.run_steps(2);
    click(&mut h, "Open a file…");
    assert!(picker_open(&h));
    key(&mut h, Key::Escape);
    assert!(!picker_open(&h));
    click(&mut h, "Open a file…");
    click(&mut h, "New folder…");
    let label = format!(
        "New folder in {}:",
        dir.path().file_name().unwrap().to_str().unwrap()
    );
    replace_text(&mut h, &label, "never");
    click_exact(&mut h, "Cancel");
    assert!(!picker_open(&h));
    assert!(h.state().drafts.inspected.is_empty());
    assert!(h.state().status.is_none(), "{:?}", h.state().status);
    assert!(!dir.path().join("never").exists());
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn bad_paths_and_unreadable_folders_are_said_in_words() {
    let dir = TempDir::new().unwrap();
    std::fs::write(dir.path().join("file.txt"), b"x").unwrap();
    let mut h = harness(app_without_dialogs(fixed_now()));
    h.state_mut().tab = Tab::Inspect;
    h.run_steps(2);
    click(&mut h, "Open a file…");
    let missing = dir.path().join("nope");
    go_to(&mut h, &missing);
    assert!(shows(&h, &format!("{} does not exist.", missing.display())));
    go_to(&mut h, dir.path());
    replace_text(&mut h, "Folder", "file.txt/inner");
    key(&mut h, Key::Enter);
    assert!(shows(
        &h,
        &format!(
            "{}: {} is a file, not a folder.",
            dir.path().join("file.txt/inner").display(),
            dir.path().join("file.txt").display()
        )
    ));

    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let locked = dir.path().join("locked");
        std::fs::create_dir(&locked).unwrap();
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
        let root = std::fs::read_dir(&locked).is_ok();
        if !root {
            go_to(&mut h, dir.path());
            click_starting(&mut h, "🗀 locked");
            assert!(shows(
                &h,
                &format!(
                    "{}: cannot list the folder: permission denied",
                    locked.display()
                )
            ));
        }
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o700)).unwrap();
    }
}

#[test]
fn the_setting_chooses_the_built_in_picker_and_a_second_pick_follows_the_first() {
    let dir = TempDir::new().unwrap();
    std::fs::write(dir.path().join("shelley-genesis.json"), b"{}").unwrap();
    // The desktop answers the first genesis pick and is then closed by the person.
    let mut a = app(vec![dir.path().join("shelley-genesis.json")], fixed_now());
    a.open_workspace(dir.path());
    let mut h = harness(a);
    h.run_steps(2);
    h.state_mut().choose_custom_network();
    h.run_steps(2);
    assert!(shows(
        &h,
        "The network was not changed: no Byron genesis file was chosen."
    ));
    assert!(!picker_open(&h));

    click(&mut h, "⚙");
    click(&mut h, "Use the built-in file picker");
    assert!(h.state().settings.builtin_file_picker);
    key(&mut h, Key::Escape);
    h.state_mut().choose_custom_network();
    h.run_steps(2);
    assert!(
        picker_open(&h),
        "the setting opens the console's own picker"
    );
    assert!(!shows(&h, "This is Pool Console's own file picker"));
    go_to(&mut h, dir.path());
    click_starting(&mut h, "🗋 shelley-genesis.json");
    click_exact(&mut h, "Open");
    // The Byron file is asked next, in the same picker, from the same folder.
    let open = h.state().picking.open.as_ref().unwrap();
    assert!(open.picker.title.contains("Byron genesis"));
    assert_eq!(open.picker.dir, dir.path());
    click_exact(&mut h, "Cancel");
    assert!(shows(
        &h,
        "The network was not changed: no Byron genesis file was chosen."
    ));
}

#[test]
fn the_keyboard_alone_opens_a_folder_ctrl_o_then_enter() {
    let dir = TempDir::new().unwrap();
    let pools = dir.path().join("pools");
    std::fs::create_dir_all(pools.join("alpha")).unwrap();
    let mut a = app_without_dialogs(fixed_now());
    a.settings.recent_workspaces = vec![pools.join("alpha")];
    let mut h = harness(a);
    h.run_steps(2);
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::O);
    h.run_steps(3);
    assert!(picker_open(&h));
    // Ctrl+O again does not stack a second picker.
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::O);
    h.run_steps(3);
    key(&mut h, Key::Enter);
    assert!(!picker_open(&h));
    assert_eq!(h.state().workspace.as_ref().unwrap().dir, pools);
}

#[test]
fn new_folder_takes_the_typing_at_once() {
    let dir = TempDir::new().unwrap();
    let mut h = harness(app_without_dialogs(fixed_now()));
    h.run_steps(2);
    click(&mut h, "Open or create a pool folder");
    go_to(&mut h, dir.path());
    click(&mut h, "New folder…");
    // No click into the name field: it has the keyboard already.
    h.event(egui::Event::Text("my-pool".to_owned()));
    h.run_steps(2);
    let picker = &h.state().picking.open.as_ref().unwrap().picker;
    assert_eq!(picker.new_folder.as_deref(), Some("my-pool"));
    key(&mut h, Key::Enter);
    assert!(dir.path().join("my-pool").is_dir());
}

#[test]
fn enter_on_a_missing_path_asks_before_creating_it() {
    let dir = TempDir::new().unwrap();
    let missing = dir.path().join("new-pool");
    let mut h = harness(app_without_dialogs(fixed_now()));
    h.run_steps(2);
    click(&mut h, "Open or create a pool folder");
    go_to(&mut h, &missing);
    // The Enter that chose the path does not also answer the question it raised.
    assert!(!missing.exists());
    assert!(shows(&h, "Create the pool folder"));
    key(&mut h, Key::Enter);
    assert!(missing.is_dir(), "a second Enter creates it");
}
