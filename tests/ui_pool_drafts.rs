//! Each pool folder keeps its own registration draft: switching to bob's pool never shows
//! alice's owners, relays or metadata, and the drafts survive a restart.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::disallowed_methods)]

mod common;

use common::ui::*;
use eframe::egui::{Key, Modifiers};
use pool_console::app::registration::{OwnerDraft, RegistrationForm};
use pool_console::app::{ConsoleApp, Platform, Tab};
use pool_console::platform::clock::FixedClock;
use pool_console::platform::dialogs::ScriptedDialogs;
use tempfile::TempDir;

fn alice_form() -> RegistrationForm {
    RegistrationForm {
        pledge_ada: "100000".to_owned(),
        owners: vec![OwnerDraft {
            name: "alice".to_owned(),
            key: "alice.stake.vkey".to_owned(),
            pledge_ada: "100000".to_owned(),
        }],
        ..RegistrationForm::default()
    }
}

fn platform(answers: Vec<std::path::PathBuf>) -> Platform {
    Platform {
        dialogs: Box::new(ScriptedDialogs::answering(answers)),
        clock: Box::new(FixedClock(fixed_now())),
    }
}

#[test]
fn switching_pool_folders_switches_the_registration_draft() {
    let (alice, bob) = (TempDir::new().unwrap(), TempDir::new().unwrap());
    let answers = vec![bob.path().to_path_buf(), alice.path().to_path_buf()];
    let mut a = app(answers, fixed_now());
    a.open_workspace(alice.path());
    a.registration = alice_form();
    a.tab = Tab::Registration;
    let mut h = harness(a);
    h.run_steps(2);
    assert!(shows(&h, "alice.stake.vkey"), "alice's owner on screen");

    // Ctrl+O: bob's pool. Nothing of alice's draft is left on screen or in the form.
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run_steps(3);
    assert_eq!(h.state().workspace.as_ref().unwrap().dir, bob.path());
    assert_eq!(h.state().registration, RegistrationForm::default());
    assert!(!shows(&h, "alice.stake.vkey"));
    type_into(&mut h, "Pledge (ADA)", "5");
    assert_eq!(h.state().registration.pledge_ada, "5");

    // Back to alice: her draft, exactly as left; bob's is kept for him.
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run_steps(3);
    assert_eq!(h.state().workspace.as_ref().unwrap().dir, alice.path());
    assert_eq!(h.state().registration, alice_form());
    assert!(shows(&h, "alice.stake.vkey"));
    assert_eq!(
        h.state().pool_drafts.by_folder[bob.path()].pledge_ada,
        "5",
        "bob's draft parked"
    );
}

#[test]
fn drafts_of_every_pool_survive_a_restart() {
    use eframe::App as _;
    let (alice, bob) = (TempDir::new().unwrap(), TempDir::new().unwrap());
    let mut a = app(vec![], fixed_now());
    a.open_workspace(alice.path());
    a.registration = alice_form();
    a.open_workspace(bob.path());
    a.registration.cost_ada = "170".to_owned();
    let mut storage = MemoryStorage::default();
    a.save(&mut storage);

    // The last folder opened (bob) comes back with its draft; alice's waits for her folder.
    let mut back = ConsoleApp::restore(Some(&storage), platform(vec![]));
    assert_eq!(back.workspace.as_ref().unwrap().dir, bob.path());
    assert_eq!(back.registration.cost_ada, "170");
    assert_eq!(back.registration.owners, vec![]);
    back.open_workspace(alice.path());
    assert_eq!(back.registration, alice_form());
}

#[test]
fn the_one_shared_draft_of_older_versions_goes_to_the_first_folder() {
    let alice = TempDir::new().unwrap();
    let mut storage = MemoryStorage::default();
    eframe::set_value(
        &mut storage,
        "pool-console-registration-draft",
        &alice_form(),
    );
    let mut a = ConsoleApp::restore(Some(&storage), platform(vec![]));
    assert_eq!(a.registration, alice_form(), "shown with no folder open");
    a.open_workspace(alice.path());
    assert_eq!(a.registration, alice_form());
    assert_eq!(a.pool_drafts, Default::default());
}

#[test]
fn a_draft_naming_another_folders_key_says_so_under_the_field() {
    use pool_console::core::keys::{generate, KeyKind};
    let (alice, bob) = (TempDir::new().unwrap(), TempDir::new().unwrap());
    let (_, vk) = generate::ed25519(KeyKind::StakeSigning, &[4; 32]).unwrap();
    let key = alice.path().join("alice.stake.vkey");
    std::fs::write(&key, vk.to_envelope().render().expose()).unwrap();
    // Typed before any folder was open, naming alice's key: bob's folder takes the draft.
    let form = RegistrationForm {
        reward_account: key.to_str().unwrap().to_owned(),
        owners: vec![OwnerDraft {
            name: "alice".to_owned(),
            key: key.to_str().unwrap().to_owned(),
            pledge_ada: String::new(),
        }],
        ..RegistrationForm::default()
    };
    let mut a = ConsoleApp::new(Default::default(), form, platform(vec![]));
    a.open_workspace(bob.path());
    a.tab = Tab::Registration;
    let mut h = harness(a);
    h.run_steps(3);
    // Under the field, after a warning sign; a long path may be cut there (whole on hover).
    let note = "⚠ This file is outside the pool folder ";
    use egui_kittest::kittest::Queryable as _;
    assert_eq!(
        h.query_all_by_label_contains(note).count(),
        2,
        "under the owner key and the reward account"
    );
    // A key of this folder: no note.
    std::fs::copy(&key, bob.path().join("bob.stake.vkey")).unwrap();
    h.state_mut().registration.owners[0].key = "bob.stake.vkey".to_owned();
    h.state_mut().registration.reward_account = "bob.stake.vkey".to_owned();
    h.run_steps(3);
    assert_eq!(h.query_all_by_label_contains(note).count(), 0);
}
