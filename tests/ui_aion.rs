//! The Aion Unity profile, clicked like a person: a folder created for Aion shows Aion's tabs,
//! keys are generated and imported, the metadata limits are said under the fields, a registry
//! action becomes call data and a signed transaction, lockouts count down, a short self-bond
//! is called broken. Vectors are AION.md's (§1, §3, §4.2c).
#![allow(clippy::disallowed_methods, clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::PathBuf;

use common::ui::{
    app, click, click_exact, fixed_now, harness, replace_text, shows, status, type_into,
};
use eframe::egui;
use egui_kittest::kittest::Queryable as _;
use egui_kittest::Harness;
use pool_console::app::ConsoleApp;
use tempfile::TempDir;

/// W3 fixture account 0: seed ‖ public key, and its checksummed address (AION.md §1).
const KEY_HEX: &str = "0x6df86a106f599c78ab9b2ad593b2983038edf706a52b24bfa895b49066a7f2a03ddfb8596435b9530b5e635736c801c1403578b85e582d98dd7a322ddfb1e4c1";
const KEY_ADDRESS: &str = "0xa0202797A7aff86FEc1a5D8B7cacEa276dE5bCfc2e8B14878C9BA48d7D5330A0";
const SIGNING: &str = "0xa09d19c066f341220d914414c42e5e796e7e4daf83a9abf4581b1670403bbd15";
const URL: &str = "https://jennijuju.github.io/stakeFrites.json";
const HASH: &str = "558729f5c8468f52b1f532ed53de5df98c0b94c66620c9e6f92b90f06f47a365";

/// Creates `name` through the Pool tab's "Open or create" and its confirmation, for `chain`.
fn create_folder(
    dir: &TempDir,
    name: &str,
    chain: Option<&str>,
) -> (Harness<'static, ConsoleApp>, PathBuf) {
    let new = dir.path().join(name);
    let mut h = harness(app(vec![new.clone()], fixed_now()));
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
fn aion_with_key(dir: &TempDir) -> (Harness<'static, ConsoleApp>, PathBuf) {
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

fn rail_has(h: &Harness<'_, ConsoleApp>, tab: &str) -> bool {
    use egui::accesskit::Role;
    h.query_by_role_and_label(Role::Button, tab).is_some()
}

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

#[test]
fn a_self_bond_under_1000_aion_is_broken_and_says_why() {
    let dir = TempDir::new().unwrap();
    let (mut h, _) = create_folder(&dir, "aion-pool", Some("Aion Unity"));
    click(&mut h, "⚖  Self-bond");
    type_into(&mut h, "Self-bond (AION)", "500");
    type_into(&mut h, "Total stake (AION)", "800");
    assert!(shows(&h, "Broken: the pool is not active"));
    assert!(shows(&h, "the self-bond is 500 AION, under the 1000 AION minimum: add 500 AION to make the pool active"));
}

#[test]
fn an_active_self_bond_shows_the_room_left_for_delegations() {
    let dir = TempDir::new().unwrap();
    let (mut h, _) = create_folder(&dir, "aion-pool", Some("Aion Unity"));
    click(&mut h, "⚖  Self-bond");
    type_into(&mut h, "Self-bond (AION)", "1000");
    type_into(&mut h, "Total stake (AION)", "40000");
    assert!(shows(&h, "Active"));
    assert!(shows(&h, "Room left for delegations: 60000 AION"));
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
        "The signing address: an Aion account address starts with a0; this one starts with b1"
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
    assert!(shows(
        &h,
        "Fill in the signing address (0xa0…, shown on the Keys tab)."
    ));
}

/// Fills the metadata form's name and URL and saves it.
fn save_metadata(h: &mut Harness<'_, ConsoleApp>, name: &str) {
    replace_text(h, "Name", name);
    click(h, "Save the metadata");
}

#[test]
fn saving_the_metadata_again_replaces_it_and_gives_the_new_hash() {
    use pool_console::core::aion::metadata;
    let dir = TempDir::new().unwrap();
    let (mut h, folder) = create_folder(&dir, "aion-pool", Some("Aion Unity"));
    click(&mut h, "📝  Metadata");
    type_into(&mut h, "Pool URL", "https://example.org");
    save_metadata(&mut h, "First");
    let first = std::fs::read(folder.join("aion-metadata.json")).unwrap();
    assert!(String::from_utf8_lossy(&first).contains(r#""name":"First""#));
    assert_eq!(
        status(&h),
        format!(
            "Saved aion-metadata.json: upload it exactly as it is; its content hash is {}.",
            hex::encode(metadata::content_hash(&first))
        )
    );
    save_metadata(&mut h, "Second");
    let second = std::fs::read(folder.join("aion-metadata.json")).unwrap();
    assert!(String::from_utf8_lossy(&second).contains(r#""name":"Second""#));
    assert_eq!(
        status(&h),
        format!(
            "Replaced aion-metadata.json: its content hash is now {}. Upload the new file, and if the pool is registered, send \"Update metadata\" with this hash.",
            hex::encode(metadata::content_hash(&second))
        )
    );
}

#[test]
fn the_metadata_never_replaces_a_file_of_another_kind() {
    let dir = TempDir::new().unwrap();
    let (mut h, folder) = create_folder(&dir, "aion-pool", Some("Aion Unity"));
    // A file the operator keeps under that name, not metadata the console wrote.
    let theirs = "my notes about the pool\n";
    std::fs::write(folder.join("aion-metadata.json"), theirs).unwrap();
    click(&mut h, "📝  Metadata");
    type_into(&mut h, "Pool URL", "https://example.org");
    save_metadata(&mut h, "Mine");
    assert_eq!(
        std::fs::read_to_string(folder.join("aion-metadata.json")).unwrap(),
        theirs
    );
    let said = status(&h);
    assert!(
        said.starts_with("aion-metadata.json was not saved: "),
        "{said}"
    );
    assert!(!said.contains("my notes"), "{said}");
}

#[test]
fn a_key_is_never_written_over_a_cardano_key_or_an_existing_aion_key() {
    let dir = TempDir::new().unwrap();
    let (mut h, folder) = aion_with_key(&dir);
    // A Cardano signing key where the block-signing key would go.
    let cardano =
        std::fs::read("tests/data/cardano-cli/input/keys/stake_keys/signing_key").unwrap();
    std::fs::write(folder.join("signing.key"), &cardano).unwrap();
    h.state_mut().rescan();
    h.run_steps(2);
    click(&mut h, "Generate the block-signing key");
    assert_eq!(
        status(&h),
        "signing.key already exists: the block-signing key was not replaced. Move the old files away first if you mean to replace it."
    );
    assert_eq!(std::fs::read(folder.join("signing.key")).unwrap(), cardano);
    assert!(!folder.join("signing.pub").exists());
    // The management key pasted again is not written over the one there.
    let before = std::fs::read(folder.join("management.pub")).unwrap();
    let field = h.get_by_role_and_label(egui::accesskit::Role::PasswordInput, "Private key (hex):");
    field.focus();
    field.type_text(KEY_HEX);
    h.run_steps(2);
    click(&mut h, "Import the key");
    assert!(
        status(&h).starts_with("management.key already exists"),
        "{}",
        status(&h)
    );
    assert_eq!(
        std::fs::read(folder.join("management.pub")).unwrap(),
        before
    );
}

#[test]
fn the_saved_transaction_is_one_the_command_line_reads_back() {
    use pool_console::core::aion::transaction::SignedTx;
    let dir = TempDir::new().unwrap();
    let (mut h, folder) = aion_with_key(&dir);
    click(&mut h, "✒  Registry actions");
    type_into(&mut h, "Signing address", SIGNING);
    type_into(&mut h, "Commission (%)", "2");
    type_into(&mut h, "Metadata URL", URL);
    type_into(&mut h, "Metadata hash", HASH);
    type_into(&mut h, "Nonce", "0");
    type_into(&mut h, "Timestamp (µs)", "1600000000000000");
    click(&mut h, "Sign with the management key");
    click(&mut h, "Save the signed transaction");
    let stem = folder.join("aion-register-pool-d17c172e");
    let raw = std::fs::read_to_string(stem.with_extension("tx.hex")).unwrap();
    let bytes = hex::decode(raw.trim().trim_start_matches("0x")).unwrap();
    let (tx, public_key, _) = SignedTx::decode(&bytes).unwrap();
    assert_eq!(
        tx.to,
        pool_console::core::aion::transaction::POOL_REGISTRY_MAINNET
    );
    assert_eq!((tx.nonce, tx.value), (0, 1000 * 10u128.pow(18)));
    assert_eq!(hex::encode(public_key), &KEY_HEX[66..]);
    let rpc = std::fs::read_to_string(stem.with_extension("json-rpc.json")).unwrap();
    let rpc: serde_json::Value = serde_json::from_str(&rpc).unwrap();
    assert_eq!(rpc["params"][0].as_str().unwrap(), raw.trim());
    // Saving again writes the same two files over themselves (same kind, same bytes).
    click(&mut h, "Save the signed transaction");
    assert!(
        status(&h).starts_with("Saved aion-register-pool-d17c172e.tx.hex"),
        "{}",
        status(&h)
    );
}
