//! The Aion Unity profile, clicked like a person: a folder created for Aion shows Aion's tabs,
//! keys are generated and imported, the metadata limits are said under the fields, a registry
//! action becomes call data and a signed transaction, lockouts count down, a short self-bond
//! is called broken. Vectors are AION.md's (§1, §3, §4.2c).
#![allow(clippy::disallowed_methods, clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::aion::{
    aion_with_key, create_folder, rail_has, HASH, KEY_ADDRESS, KEY_HEX, SIGNING, URL,
};
use common::ui::{app, click, fixed_now, harness, shows, status, type_into};
use egui_kittest::kittest::Queryable as _;
use egui_kittest::Harness;
use pool_console::app::ConsoleApp;
use tempfile::TempDir;

#[test]
fn a_folder_created_for_aion_shows_the_aion_tabs_and_not_cardanos() {
    let dir = TempDir::new().unwrap();
    let (h, folder) = create_folder(&dir, "aion-pool", Some("Aion Unity"));
    assert!(folder.join("aion-profile.json").is_file());
    assert!(status(&h).starts_with("Created the Aion Unity pool folder"));
    for tab in [
        "🏠  Pool",
        "🔑  Keys",
        "📝  Metadata",
        "✒  Registry actions",
        "⏳  Lockouts",
        "⚖  Self-bond",
    ] {
        assert!(rail_has(&h, tab), "{tab} is missing");
    }
    for tab in ["⏱  KES", "📜  Op cert", "📝  Registration", "⚖  Governance"] {
        assert!(!rail_has(&h, tab), "{tab} is shown");
    }
    // The Pool tab's checklist is Aion's path.
    assert!(shows(&h, "Register (with 1 000 AION)"));
    assert!(shows(&h, "Go to Keys"));
}

#[test]
fn a_cardano_folder_still_shows_the_cardano_tabs() {
    let dir = TempDir::new().unwrap();
    let (h, folder) = create_folder(&dir, "cardano-pool", None);
    assert!(!folder.join("aion-profile.json").exists());
    assert!(rail_has(&h, "⏱  KES") && rail_has(&h, "📜  Op cert"));
    assert!(!rail_has(&h, "✒  Registry actions") && !rail_has(&h, "⚖  Self-bond"));
}

#[test]
fn generating_keys_writes_their_files_and_shows_the_addresses() {
    let dir = TempDir::new().unwrap();
    let (mut h, folder) = create_folder(&dir, "aion-pool", Some("Aion Unity"));
    click(&mut h, "Go to Keys");
    click(&mut h, "Generate the management key");
    click(&mut h, "Generate the block-signing key");
    for name in [
        "management.key",
        "management.pub",
        "signing.key",
        "signing.pub",
    ] {
        assert!(folder.join(name).is_file(), "{name} was not written");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(folder.join("signing.key"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    // The address shown is the one of the public key written, and the public key file is
    // the command line's own (JSON), so `aion address` reads it.
    let pub_text = std::fs::read_to_string(folder.join("signing.pub")).unwrap();
    let pk = pool_console::core::aion::key_file::read_verification(&pub_text).unwrap();
    assert_eq!(
        pub_text,
        pool_console::core::aion::key_file::verification_file(&pk)
    );
    let address =
        pool_console::app::aion_core::address::Address::from_public_key(&pk).to_checksum();
    for option in ["--verification-key-file", "--signing-key-file"] {
        let file = if option.starts_with("--v") {
            "signing.pub"
        } else {
            "signing.key"
        };
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_pool-console"))
            .args(["aion", "address", option])
            .arg(folder.join(file))
            .arg("--checksum")
            .output()
            .unwrap();
        assert_eq!(String::from_utf8(out.stdout).unwrap().trim(), address);
    }
    assert!(h.query_by_label(&address).is_some());
    assert!(status(&h).contains(&address));
    // Both keys there: the checklist moves on to the metadata.
    click(&mut h, "🏠  Pool");
    assert!(shows(&h, "Go to Metadata"));
}

#[test]
fn an_imported_key_shows_its_address_and_never_its_text() {
    let dir = TempDir::new().unwrap();
    let (h, folder) = aion_with_key(&dir);
    assert!(h.query_by_label(KEY_ADDRESS).is_some());
    assert!(
        status(&h).starts_with("Imported the management key"),
        "{}",
        status(&h)
    );
    assert!(!status(&h).contains("6df86a10"));
    assert_eq!(
        std::fs::read_to_string(folder.join("management.key"))
            .unwrap()
            .trim(),
        KEY_HEX
    );
    assert!(h.state().aion.import_hex.is_empty());
    // Opening the folder again finds it Aion by its files.
    let mut again = app(vec![], fixed_now());
    again.open_workspace(&folder);
    assert_eq!(
        again.profile,
        pool_console::app::aion_profile::Profile::Aion
    );
}

#[test]
fn a_name_over_64_characters_is_said_under_the_field() {
    let dir = TempDir::new().unwrap();
    let (mut h, _) = create_folder(&dir, "aion-pool", Some("Aion Unity"));
    click(&mut h, "📝  Metadata");
    assert!(shows(&h, "0 of 64 characters"));
    type_into(&mut h, "Name", &"x".repeat(65));
    assert!(shows(&h, "The name is 65 characters; at most 64."));
    click(&mut h, "Save the metadata");
    assert!(status(&h).starts_with("The metadata was not saved"));
}

#[test]
fn a_registration_becomes_call_data_and_a_signed_transaction() {
    let dir = TempDir::new().unwrap();
    let (mut h, folder) = aion_with_key(&dir);
    click(&mut h, "✒  Registry actions");
    assert!(shows(&h, "Registering carries the 1 000 AION self-bond"));
    type_into(&mut h, "Signing address", SIGNING);
    type_into(&mut h, "Commission (%)", "2");
    type_into(&mut h, "Metadata URL", URL);
    type_into(&mut h, "Metadata hash", HASH);
    // AION.md §3's registerPool row (the stand-in encodes it for real; the core must agree).
    assert_eq!(
        hex::encode(h.state().aion_call_data().unwrap()),
        concat!(
            "21000c7265676973746572506f6f6c22a09d19c066f341220d914414c42e5e796e7e4daf83a9abf4581b1670403bbd15",
            "0500004e2011002c68747470733a2f2f6a656e6e696a756a752e6769746875622e696f2f7374616b654672697465732e6a736f6e",
            "110020558729f5c8468f52b1f532ed53de5df98c0b94c66620c9e6f92b90f06f47a365"
        )
    );
    assert!(shows(
        &h,
        "0x21000c7265676973746572506f6f6c22a09d19c066f341"
    ));
    type_into(&mut h, "Nonce", "0");
    type_into(&mut h, "Timestamp (µs)", "1600000000000000");
    click(&mut h, "Sign with the management key");
    // AION.md §4.2c: the registerPool transaction with 1 000 AION, nonce 0.
    let txhash = "d17c172e926c85ac7d4473eb0a905fefd0777ec90d921874d0cf6b5dde7a761b";
    assert!(h.query_by_label(txhash).is_some());
    let signed = h.state().aion.signed.clone().unwrap();
    assert!(signed.raw_hex.starts_with("0xf9012d00a0a008e42a76"));
    assert!(signed.raw_hex.ends_with("0ca308611e0dc630b"));
    assert_eq!(
        signed.json_rpc,
        format!(
            r#"{{"jsonrpc":"2.0","method":"eth_sendRawTransaction","params":["{}"],"id":1}}"#,
            signed.raw_hex
        )
    );
    assert!(shows(
        &h,
        "The pool drops a transaction about an hour after its timestamp"
    ));
    click(&mut h, "Save the signed transaction");
    let raw = std::fs::read_to_string(folder.join("aion-register-pool-d17c172e.tx.hex")).unwrap();
    assert_eq!(raw.trim(), signed.raw_hex);
    assert!(folder
        .join("aion-register-pool-d17c172e.json-rpc.json")
        .is_file());
    // after merge: also decode the saved transaction with the core's SignedTx::decode.
}

#[test]
fn a_lockout_counts_down_in_blocks_and_a_date() {
    let dir = TempDir::new().unwrap();
    let (mut h, _) = create_folder(&dir, "aion-pool", Some("Aion Unity"));
    click(&mut h, "⏳  Lockouts");
    type_into(&mut h, "Since block", "100");
    type_into(&mut h, "Current block", "50000");
    // Commission: 100 + 60 480 − 50 000 blocks of 10 s.
    assert!(shows(&h, "10580 blocks left (of 60480)"));
    let at = fixed_now() + chrono::Duration::seconds(105_800);
    let date = at
        .with_timezone(&chrono::Local)
        .format("%Y-%m-%d %H:%M %Z")
        .to_string();
    assert!(shows(
        &h,
        &format!("About 1d 5h 23m at 10 s a block: around {date}.")
    ));
    assert!(shows(
        &h,
        "pool-console aion lockout --action commission --since-block 100 --current-block 50000"
    ));
}

/// The Self-bond tab of a new Aion folder with both amounts typed.
fn self_bond(own: &str, total: &str) -> Harness<'static, ConsoleApp> {
    let dir = TempDir::new().unwrap();
    let (mut h, _) = create_folder(&dir, "aion-pool", Some("Aion Unity"));
    click(&mut h, "⚖  Self-bond");
    type_into(&mut h, "Self-bond (AION)", own);
    type_into(&mut h, "Total stake (AION)", total);
    h
}

/// Each line is shown whole, as one label (a sentence, capital to full stop).
fn says(h: &Harness<'_, ConsoleApp>, lines: &[&str]) {
    for line in lines {
        assert!(h.query_by_label(line).is_some(), "not shown whole: {line}");
    }
}

const BROKEN_HELP: &str = "While broken, the pool makes no blocks and earns nothing. The self-bond grows with \"Delegate (self-bond)\" on the Registry actions tab.";

#[test]
fn a_self_bond_under_1000_aion_is_broken_and_says_why() {
    let h = self_bond("500", "800");
    says(
        &h,
        &[
            "⛔ Broken: the pool is not active",
            "The self-bond is 500 AION, under the 1 000 AION minimum. Add 500 AION to it to make the pool active.",
            BROKEN_HELP,
        ],
    );
}

#[test]
fn a_self_bond_under_1_percent_says_both_ways_back() {
    let h = self_bond("1000", "200000");
    says(
        &h,
        &[
            "⛔ Broken: the pool is not active",
            "The self-bond of 1000 AION is under 1 % of the pool's 200000 AION. Add 1010.101010101010101011 AION to it, or let 100000 AION of delegations leave, to make the pool active.",
            BROKEN_HELP,
        ],
    );
}

#[test]
fn an_active_self_bond_shows_the_room_left_for_delegations() {
    let h = self_bond("1000", "40000");
    says(
        &h,
        &[
            "✔ Active",
            "The self-bond of 1000 AION meets the 1 000 AION minimum and is at least 1 % of the pool's 40000 AION, so the pool is active.",
            "Room left for delegations: 60000 AION. The pool stays active while its total stake is at most 100 times the self-bond (100000 AION).",
        ],
    );
    let full = self_bond("1000", "100000");
    says(
        &full,
        &["Room left for delegations: 0 AION. The pool is at its limit: one more delegation breaks it unless the self-bond grows first."],
    );
}

#[test]
fn a_total_under_the_self_bond_is_called_a_slip_under_the_field() {
    let h = self_bond("1000", "500");
    says(
        &h,
        &[
            "The total stake includes the self-bond, so it is at least 1000 AION: type the pool's whole stake.",
            "Correct the total stake to see the pool's state.",
        ],
    );
    assert!(!shows(&h, "✔ Active"));
}

#[test]
fn the_action_forms_fill_from_the_folder_and_say_what_is_wrong() {
    let dir = TempDir::new().unwrap();
    let (mut h, _) = aion_with_key(&dir);
    click(&mut h, "✒  Registry actions");
    // No signing key yet: nothing to fill from; an address that is not a0 is refused in words.
    assert!(!shows(&h, "Use this folder's signing key"));
    type_into(&mut h, "Signing address", &format!("0xb1{}", &SIGNING[4..]));
    type_into(&mut h, "Commission (%)", "2");
    type_into(&mut h, "Metadata URL", URL);
    type_into(&mut h, "Metadata hash", HASH);
    assert!(shows(
        &h,
        "An Aion account address starts with a0; this one starts with b1 (is it an Ethereum or a contract address?)."
    ));
    // Delegating to this pool: the management key's address, one click away.
    h.get_by_role_and_label(egui::accesskit::Role::ComboBox, "Action")
        .click();
    h.run_steps(3);
    click(&mut h, "Delegate (self-bond)");
    click(&mut h, "Use this pool");
    assert_eq!(h.state().aion.form.pool, KEY_ADDRESS.to_lowercase());
    // AION.md §3's delegate row.
    assert_eq!(
        hex::encode(h.state().aion_call_data().unwrap()),
        "21000864656c656761746522a0202797a7aff86fec1a5d8b7cacea276de5bcfc2e8b14878c9ba48d7d5330a0"
    );
    assert!(shows(&h, "pool-console aion call-data delegate --pool 0xa0202797a7aff86fec1a5d8b7cacea276de5bcfc2e8b14878c9ba48d7d5330a0"));
}

#[test]
fn a_folder_of_aion_tools_opens_as_aion_with_its_key() {
    // Only the private key, as Aion tools export it: no marker, no public key file.
    let dir = TempDir::new().unwrap();
    std::fs::write(dir.path().join("management.key"), format!("{KEY_HEX}\n")).unwrap();
    let mut a = app(vec![], fixed_now());
    a.open_workspace(dir.path());
    let mut h = harness(a);
    h.run_steps(2);
    click(&mut h, "🔑  Keys");
    assert!(
        h.query_by_label(KEY_ADDRESS).is_some(),
        "the address from the private key"
    );
    assert!(!shows(&h, "No management key yet."));
}

#[test]
fn an_empty_action_form_says_what_to_fill_in() {
    let dir = TempDir::new().unwrap();
    let (mut h, _) = create_folder(&dir, "aion-pool", Some("Aion Unity"));
    click(&mut h, "✒  Registry actions");
    // Nothing is wrong yet, only missing: the Sign button says what to fill in.
    assert!(shows(
        &h,
        "To sign, fill in Signing address, Commission (%), Metadata URL, Metadata hash, Nonce, Timestamp (µs)."
    ));
}

#[test]
fn a_self_bond_that_is_not_an_amount_is_said_under_it_as_a_sentence() {
    let h = self_bond("abc", "50000");
    assert!(h
        .query_by_label(
            "\"abc\" is not an amount: use digits, an optional decimal point and up to 18 decimals."
        )
        .is_some());
    // The other field keeps its hint, so the form does not look half-empty.
    assert!(h
        .query_by_label("All the stake delegated to the pool, the self-bond included.")
        .is_some());
}
