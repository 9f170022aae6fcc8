//! The console, clicked like a person: tabs, forms, buttons, files written into a temporary
//! workspace. No renderer needed.
#![allow(clippy::disallowed_methods, clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::ui::{app, click, click_exact, fixed_now, harness, shows, type_into, MemoryStorage};
use common::{ok, read};
use egui_kittest::kittest::Queryable as _;
use pool_console::app::Tab;
use tempfile::TempDir;

#[test]
fn newcomer_walks_the_whole_checklist_and_gets_the_cli_certificate() {
    let dir = TempDir::new().unwrap();
    let ws = dir.path().to_path_buf();
    let mut h = harness(app(vec![ws.clone()], fixed_now()));
    h.run_steps(2);
    assert!(shows(&h, "No pool folder open yet."));

    // 1. folder
    click(&mut h, "Open or create a pool folder");
    assert_eq!(h.state().workspace.as_ref().unwrap().dir, ws);
    // 2–4. keys
    click(&mut h, "Go to Keys");
    assert_eq!(h.state().tab, Tab::Keys);
    click(&mut h, "Generate cold keys");
    click(&mut h, "Generate VRF keys");
    click(&mut h, "Generate KES keys");
    for f in [
        "cold.vkey",
        "cold.skey",
        "cold.counter",
        "vrf.vkey",
        "vrf.skey",
        "kes.vkey",
        "kes.skey",
    ] {
        assert!(ws.join(f).is_file(), "{f} written");
    }
    // 5. opcert, with the current KES period filled in and a confirmation
    click(&mut h, "🏠");
    click(&mut h, "Go to Op cert");
    assert_eq!(h.state().drafts.kes_period, "1571");
    click(&mut h, "Issue operational certificate");
    assert!(shows(&h, "Issue the operational certificate?"));
    click(&mut h, "Issue certificate");
    assert!(ws.join("node.opcert").is_file());
    assert!(String::from_utf8(read(&ws.join("cold.counter")))
        .unwrap()
        .contains("Next certificate issue number: 1"));
    // 6. owner
    click(&mut h, "🏠");
    click(&mut h, "Go to Keys");
    type_into(&mut h, "Owner name", "alice");
    click(&mut h, "Generate owner stake keys");
    assert!(ws.join("alice.stake.vkey").is_file());
    // 7–8. registration
    click(&mut h, "🏠");
    click(&mut h, "Go to Registration");
    assert_eq!(h.state().tab, Tab::Registration);
    type_into(&mut h, "Pledge (ADA)", "100000");
    type_into(&mut h, "Margin (%)", "1.5");
    type_into(&mut h, "Relay 1 address", "203.0.113.10");
    type_into(&mut h, "Pool name", "Alice Pool");
    type_into(&mut h, "Ticker", "ALICE");
    type_into(&mut h, "Description", "A pool run by Alice.");
    type_into(&mut h, "Homepage", "https://alice.example.com");
    type_into(
        &mut h,
        "Metadata URL",
        "https://alice.example.com/poolMetaData.json",
    );
    assert!(
        h.state().check_registration().params.is_some(),
        "{:?}",
        h.state().check_registration().blockers()
    );
    // The equivalent under the form is the certificate command, as soon as the form is complete.
    assert!(shows(
        &h,
        "cardano-cli latest stake-pool registration-certificate \\\n  --cold-verification-key-file cold.vkey"
    ));
    click(&mut h, "Build certificate");
    assert!(ws.join("pool.cert").is_file(), "{:?}", h.state().status);
    assert!(ws.join("poolMetaData.json").is_file());
    assert!(ws.join("alice.stake-registration.cert").is_file());
    assert!(ws.join("alice.delegation.cert").is_file());

    // The command line, from the same keys and parameters, writes the same bytes.
    let meta_hash = String::from_utf8(ok(
        &ws,
        &[
            "stake-pool",
            "metadata-hash",
            "--pool-metadata-file",
            "poolMetaData.json",
        ],
    ))
    .unwrap();
    ok(
        &ws,
        &[
            "stake-pool",
            "registration-certificate",
            "--cold-verification-key-file",
            "cold.vkey",
            "--vrf-verification-key-file",
            "vrf.vkey",
            "--pool-pledge",
            "100000000000",
            "--pool-cost",
            "170000000",
            "--pool-margin",
            "0.015",
            "--pool-reward-account-verification-key-file",
            "alice.stake.vkey",
            "--pool-owner-stake-verification-key-file",
            "alice.stake.vkey",
            "--pool-relay-ipv4",
            "203.0.113.10",
            "--pool-relay-port",
            "3001",
            "--metadata-url",
            "https://alice.example.com/poolMetaData.json",
            "--metadata-hash",
            &meta_hash,
            "--mainnet",
            "--out-file",
            "cli.cert",
        ],
    );
    assert_eq!(read(&ws.join("pool.cert")), read(&ws.join("cli.cert")));
    ok(
        &ws,
        &[
            "stake-address",
            "registration-certificate",
            "--stake-verification-key-file",
            "alice.stake.vkey",
            "--key-reg-deposit-amt",
            "2000000",
            "--out-file",
            "cli-reg.cert",
        ],
    );
    assert_eq!(
        read(&ws.join("alice.stake-registration.cert")),
        read(&ws.join("cli-reg.cert"))
    );
    ok(
        &ws,
        &[
            "stake-address",
            "stake-delegation-certificate",
            "--stake-verification-key-file",
            "alice.stake.vkey",
            "--cold-verification-key-file",
            "cold.vkey",
            "--out-file",
            "cli-del.cert",
        ],
    );
    assert_eq!(
        read(&ws.join("alice.delegation.cert")),
        read(&ws.join("cli-del.cert"))
    );
    // Every step on this machine now reads done; what is left starts with the upload.
    click(&mut h, "🏠");
    for n in 1..=8 {
        assert!(shows(&h, &format!("✔ {n}.")), "step {n} done");
    }
    assert!(!shows(&h, "Go to Keys") && !shows(&h, "Go to Registration"));
    assert!(h.query_by_label("➡ 9.").is_some());
}

/// A folder laid out by another tool: names differ, envelope types decide.
fn cntools_like_pool(dir: &std::path::Path) {
    ok(
        dir,
        &[
            "node",
            "key-gen",
            "--cold-verification-key-file",
            "op.vkey",
            "--cold-signing-key-file",
            "op.skey",
            "--operational-certificate-issue-counter-file",
            "op.counter",
        ],
    );
    ok(
        dir,
        &[
            "node",
            "key-gen-VRF",
            "--verification-key-file",
            "vrf.vkey",
            "--signing-key-file",
            "vrf.skey",
        ],
    );
    ok(
        dir,
        &[
            "node",
            "key-gen-KES",
            "--verification-key-file",
            "hot.vkey",
            "--signing-key-file",
            "hot.skey",
        ],
    );
    ok(
        dir,
        &[
            "node",
            "issue-op-cert",
            "--allow-distant-kes-period",
            "--kes-verification-key-file",
            "hot.vkey",
            "--cold-signing-key-file",
            "op.skey",
            "--operational-certificate-issue-counter-file",
            "op.counter",
            "--kes-period",
            "1560",
            "--out-file",
            "op.cert",
        ],
    );
}

#[test]
fn every_tab_opens_from_the_rail() {
    let dir = TempDir::new().unwrap();
    cntools_like_pool(dir.path());
    let mut a = app(vec![], fixed_now());
    a.open_workspace(dir.path());
    let mut h = harness(a);
    h.run_steps(2);
    for (label, tab, heading) in [
        ("🔑", Tab::Keys, "Owner stake keys"),
        ("⏱", Tab::Kes, "Current KES period"),
        ("📜", Tab::OpCert, "Check the certificate in this folder"),
        ("📝", Tab::Registration, "What wallets show (metadata)"),
        ("⊗", Tab::Retire, "Retirement epoch"),
        ("🔍", Tab::Inspect, "Nothing inspected yet"),
        ("🏠", Tab::Pool, "Set up a new pool"),
    ] {
        click(&mut h, label);
        assert_eq!(h.state().tab, tab);
        assert!(shows(&h, heading), "{heading} on {tab:?}");
    }
}

#[test]
fn folders_of_other_tools_are_recognised_by_content() {
    let dir = TempDir::new().unwrap();
    cntools_like_pool(dir.path());
    let mut a = app(vec![], fixed_now());
    a.open_workspace(dir.path());
    let ws = a.workspace.as_ref().unwrap();
    assert!(ws.cold_vkey.is_some() && ws.vrf_vkey.is_some() && ws.kes_vkey.is_some());
    assert_eq!(ws.opcert.as_ref().unwrap().kes_period, 1560);
    assert!(ws.problems.is_empty(), "{:?}", ws.problems);
    let mut h = harness(a);
    h.run_steps(2);
    assert!(shows(&h, "Files recognised (8)"));
}

#[test]
fn a_folder_of_pools_points_at_the_pool_inside() {
    let dir = TempDir::new().unwrap();
    let pool = dir.path().join("priv/pool/mypool");
    std::fs::create_dir_all(&pool).unwrap();
    cntools_like_pool(&pool);
    let priv_dir = dir.path().join("priv");
    let mut a = app(vec![], fixed_now());
    a.open_workspace(&priv_dir);
    let mut h = harness(a);
    h.run_steps(2);
    let note = format!(
        "Opened {0}: no pool files here, but {0}/pool/mypool holds a pool; open that folder instead",
        priv_dir.display()
    );
    assert_eq!(h.state().status.as_ref().unwrap().text, note);
    assert!(shows(&h, &note));
}

#[test]
fn kes_countdown_for_a_fixed_clock() {
    let dir = TempDir::new().unwrap();
    cntools_like_pool(dir.path());
    let mut a = app(vec![], fixed_now());
    a.open_workspace(dir.path());
    a.tab = Tab::Kes;
    let mut h = harness(a);
    h.run_steps(2);
    // Start 1560, now 1571 (0.72 into it): 62 − 11 periods left ≈ 75.5 days.
    assert!(shows(&h, "OK: 75 days left"));
    assert!(shows(&h, "51 of 62 KES periods left"));
    assert!(shows(&h, "Last valid period"));
    assert!(
        shows(&h, "2027-02-04T21:44:51Z"),
        "expiry in UTC: start of period 1622"
    );
}

#[test]
fn replacing_keys_asks_first_and_cancel_keeps_them() {
    let dir = TempDir::new().unwrap();
    cntools_like_pool(dir.path());
    let before = read(&dir.path().join("vrf.skey"));
    let mut a = app(vec![], fixed_now());
    a.open_workspace(dir.path());
    a.tab = Tab::Keys;
    let mut h = harness(a);
    h.run_steps(2);
    click(&mut h, "Generate VRF keys");
    assert!(shows(&h, "Replace the VRF keys?"));
    click(&mut h, "Cancel");
    assert_eq!(read(&dir.path().join("vrf.skey")), before);
    assert_eq!(
        h.state().status.as_ref().unwrap().text,
        "Cancelled: nothing was changed."
    );
    click(&mut h, "Generate VRF keys");
    click(&mut h, "Replace VRF keys");
    assert_ne!(read(&dir.path().join("vrf.skey")), before);
}

#[test]
fn opcert_verification_and_registration_errors_inline() {
    let dir = TempDir::new().unwrap();
    cntools_like_pool(dir.path());
    let mut a = app(vec![], fixed_now());
    a.open_workspace(dir.path());
    a.tab = Tab::OpCert;
    let mut h = harness(a);
    h.run_steps(2);
    click(&mut h, "Verify node.opcert");
    assert!(shows(&h, "node.opcert is valid: signed by this pool's cold key for kes.vkey, issue number 0, from KES period 1560."));

    click(&mut h, "📝");
    type_into(&mut h, "Relay 1 address", "relay.example.com");
    assert!(shows(
        &h,
        "\"relay.example.com\" is a name, not an IP address: choose the kind \"DNS name (A/AAAA)\""
    ));
    type_into(&mut h, "Margin (%)", "150");
    assert!(shows(&h, "150 % is over 100 %"));
    assert!(shows(&h, "To build, fix:"));
    assert!(!dir.path().join("pool.cert").exists());
}

#[test]
fn retirement_refuses_a_past_epoch_then_writes_after_confirmation() {
    let dir = TempDir::new().unwrap();
    cntools_like_pool(dir.path());
    let mut a = app(vec![], fixed_now());
    a.open_workspace(dir.path());
    a.tab = Tab::Retire;
    let mut h = harness(a);
    h.run_steps(2);
    assert!(shows(&h, "The current epoch is 669"));
    type_into(&mut h, "Retirement epoch", "660");
    click(&mut h, "Write retirement certificate");
    assert_eq!(
        h.state().status.as_ref().unwrap().text,
        "Epoch 660 has already begun (the current epoch is 669): choose 670 or later."
    );
    h.state_mut().drafts.retire_epoch = "671".to_owned();
    click(&mut h, "Write retirement certificate");
    assert!(shows(
        &h,
        "Once submitted, the pool stops at the start of epoch 671"
    ));
    click(&mut h, "Yes, write it");
    let text = String::from_utf8(read(&dir.path().join("deregistration.cert"))).unwrap();
    assert!(text.contains("Stake Pool Retirement Certificate"));
}

#[test]
fn inspect_a_typed_path() {
    let dir = TempDir::new().unwrap();
    cntools_like_pool(dir.path());
    let mut h = harness(app(vec![], fixed_now()));
    h.state_mut().tab = Tab::Inspect;
    h.run_steps(2);
    type_into(
        &mut h,
        "or its path",
        dir.path().join("op.cert").to_str().unwrap(),
    );
    click_exact(&mut h, "Inspect");
    assert!(shows(&h, "Operational certificate"));
    assert!(shows(&h, "valid"));
}

#[test]
fn settings_persist_without_secrets() {
    use eframe::App as _;
    let dir = TempDir::new().unwrap();
    cntools_like_pool(dir.path());
    let mut a = app(vec![], fixed_now());
    a.open_workspace(dir.path());
    a.set_network(pool_console::app::network::NetworkChoice::Preview);
    a.settings.dark_mode = false;
    a.registration.pledge_ada = "1234".to_owned();
    let mut storage = MemoryStorage::default();
    a.save(&mut storage);
    let all: String = storage.0.values().cloned().collect();
    assert!(
        all.contains(dir.path().to_str().unwrap()),
        "recent workspace kept"
    );
    assert!(all.contains("Preview") && all.contains("1234"));
    // No byte of any signing key file, in hex or as stored, reaches the settings.
    for f in ["op.skey", "vrf.skey", "hot.skey"] {
        let text = String::from_utf8(read(&dir.path().join(f))).unwrap();
        let env =
            pool_console::core::encoding::envelope::TextEnvelope::parse(text.as_bytes()).unwrap();
        let secret_hex = hex::encode(&env.cbor.expose()[2..34]);
        assert!(!all.contains(&secret_hex), "{f} leaked into settings");
    }
    let restored: pool_console::app::settings::Settings =
        eframe::get_value(&storage, pool_console::app::settings::SETTINGS_KEY).unwrap();
    assert!(!restored.dark_mode);
    assert_eq!(
        restored.networks.get(dir.path()),
        Some(&pool_console::app::network::NetworkChoice::Preview)
    );
}

#[test]
fn custom_network_from_genesis_files_and_metadata_saved_as_hashed() {
    let dir = TempDir::new().unwrap();
    cntools_like_pool(dir.path());
    let shelley = dir.path().join("shelley-genesis.json");
    let byron = dir.path().join("byron-genesis.json");
    std::fs::write(&shelley, r#"{"systemStart":"2022-10-25T00:00:00Z","networkMagic":2,"epochLength":86400,"slotLength":1,"slotsPerKESPeriod":129600,"maxKESEvolutions":62}"#).unwrap();
    std::fs::write(&byron, r#"{"startTime":1666656000,"protocolConsts":{"k":432},"blockVersionData":{"slotDuration":"20000"}}"#).unwrap();
    let mut a = app(vec![shelley, byron], fixed_now());
    a.open_workspace(dir.path());
    a.choose_custom_network();
    assert_eq!(a.clock.as_ref().unwrap().network_magic, 2);
    assert_eq!(
        a.network(),
        pool_console::core::keys::address::Network::Testnet { magic: 2 }
    );
    a.tab = Tab::Registration;
    let mut h = harness(a);
    h.run_steps(2);
    type_into(&mut h, "Pool name", "Alice Pool");
    type_into(&mut h, "Ticker", "ALICE");
    type_into(&mut h, "Homepage", "https://alice.example.com");
    // The longer form scrolls the button into view over a few frames: hover first, as a hand.
    common::ui::press(&mut h, "Save metadata file");
    let saved = read(&dir.path().join("poolMetaData.json"));
    let shown = hex::encode(pool_console::core::certificate::metadata::hash(&saved));
    assert!(
        shows(&h, &shown[..12]),
        "the hash shown is the saved file's"
    );
}

#[test]
fn tab_moves_through_the_money_fields_in_reading_order() {
    use eframe::egui::{accesskit::Role, Key, Modifiers};
    use egui_kittest::kittest::Queryable as _;
    let dir = TempDir::new().unwrap();
    cntools_like_pool(dir.path());
    let other = TempDir::new().unwrap();
    let mut a = app(vec![other.path().to_path_buf()], fixed_now());
    a.open_workspace(dir.path());
    a.tab = Tab::Registration;
    let mut h = harness(a);
    h.run_steps(2);
    type_into(&mut h, "Pledge (ADA)", "5");
    for next in ["Fixed cost (ADA per epoch)", "Margin (%)"] {
        h.key_press(Key::Tab);
        h.run_steps(2);
        assert!(
            h.get_by_role_and_label(Role::TextInput, next).is_focused(),
            "Tab reaches {next}"
        );
    }
    // Ctrl+O asks for a folder and opens it.
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run_steps(2);
    assert_eq!(h.state().workspace.as_ref().unwrap().dir, other.path());
}
