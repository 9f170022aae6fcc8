//! The files the Aion Unity tabs write, clicked like a person: keys are the command line's
//! own files and never written over another file, the metadata is replaced only by metadata
//! (with its new hash said) and read back when the folder reopens, a saved transaction
//! decodes, and nothing of one pool's forms follows the operator into another pool.
#![allow(clippy::disallowed_methods, clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::aion::{aion_with_key, create_folder, save_metadata, signed_registration, KEY_HEX};
use common::ui::{click, replace_text, shows, status, type_into};
use egui_kittest::kittest::Queryable as _;
use pool_console::app::aion_profile::MARKER_TEXT;
use tempfile::TempDir;

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
    // The management key is there: importing another is not offered, and says why.
    assert!(shows(
        &h,
        "This folder already has its management key, and an import never replaces it: move management.key and management.pub away first to import another."
    ));
    // No box to paste a secret into for nothing, and no button.
    assert!(h.query_by_label("Import the key").is_none());
    assert!(h.query_by_label("Private key (hex):").is_none());
}

#[test]
fn the_saved_transaction_is_one_the_command_line_reads_back() {
    use pool_console::core::aion::transaction::SignedTx;
    let dir = TempDir::new().unwrap();
    let (mut h, folder) = signed_registration(&dir);
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

#[test]
fn a_reopened_folder_shows_its_saved_metadata_and_another_folder_does_not() {
    let dir = TempDir::new().unwrap();
    let (mut h, first) = create_folder(&dir, "aion-pool", Some("Aion Unity"));
    click(&mut h, "📝  Metadata");
    assert!(shows(
        &h,
        "Not saved yet: aion-metadata.json is not in this folder."
    ));
    type_into(&mut h, "Pool URL", "https://example.org");
    type_into(&mut h, "Tags", "low fee, community");
    save_metadata(&mut h, "Frites");
    assert!(shows(
        &h,
        "✔ Saved: aion-metadata.json in this folder is exactly this."
    ));
    // Another Aion pool: its own, empty form.
    let second = dir.path().join("other-pool");
    std::fs::create_dir(&second).unwrap();
    std::fs::write(second.join("aion-profile.json"), MARKER_TEXT).unwrap();
    h.state_mut().open_workspace(&second);
    h.run_steps(2);
    assert_eq!(h.state().aion.metadata.name, "");
    assert!(shows(&h, "Not saved yet"));
    // Back to the first: the form is what was saved, and it matches the file.
    h.state_mut().open_workspace(&first);
    h.run_steps(2);
    let form = &h.state().aion.metadata;
    assert_eq!(
        (form.name.as_str(), form.url.as_str(), form.tags.as_str()),
        ("Frites", "https://example.org", "low fee, community")
    );
    assert!(shows(
        &h,
        "✔ Saved: aion-metadata.json in this folder is exactly this."
    ));
    replace_text(&mut h, "Name", "Frites 2");
    assert!(shows(
        &h,
        "⚠ aion-metadata.json in this folder is different (its hash starts "
    ));
}

#[test]
fn a_signed_transaction_never_follows_the_operator_into_another_pool() {
    let dir = TempDir::new().unwrap();
    let (mut h, _) = signed_registration(&dir);
    assert!(shows(&h, "Save the signed transaction"));
    let other = dir.path().join("other-pool");
    std::fs::create_dir(&other).unwrap();
    std::fs::write(other.join("aion-profile.json"), MARKER_TEXT).unwrap();
    h.state_mut().open_workspace(&other);
    h.run_steps(2);
    assert!(h.state().aion.signed.is_none());
    assert!(!shows(&h, "Save the signed transaction"));
    assert!(std::fs::read_dir(&other).unwrap().count() == 1);
}

#[test]
fn a_metadata_file_of_other_key_names_is_said_and_kept() {
    let dir = TempDir::new().unwrap();
    let (mut h, folder) = create_folder(&dir, "aion-pool", Some("Aion Unity"));
    let theirs = r#"{"poolName":"Theirs","website":"https://example.org"}"#;
    std::fs::write(folder.join("aion-metadata.json"), theirs).unwrap();
    h.state_mut().rescan();
    click(&mut h, "📝  Metadata");
    assert!(shows(
        &h,
        "⚠ aion-metadata.json in this folder is not metadata Pool Console wrote (other key names, or not metadata at all), so saving never replaces it: rename or move it to save this form."
    ));
    assert!(!shows(&h, "save to replace it"));
    type_into(&mut h, "Pool URL", "https://example.org");
    save_metadata(&mut h, "Mine");
    assert_eq!(
        std::fs::read_to_string(folder.join("aion-metadata.json")).unwrap(),
        theirs
    );
}

#[test]
fn a_signed_transaction_goes_away_when_the_form_changes() {
    let dir = TempDir::new().unwrap();
    let (mut h, folder) = signed_registration(&dir);
    assert!(shows(&h, "Save the signed transaction"));
    // The nonce typed after signing: the transaction signed with nonce 0 is not the form's.
    replace_text(&mut h, "Nonce", "1");
    assert!(h.state().aion.signed.is_none());
    assert!(!shows(&h, "Save the signed transaction"));
    h.state_mut().aion_save_signed();
    assert!(std::fs::read_dir(&folder).unwrap().all(|e| !e
        .unwrap()
        .file_name()
        .to_string_lossy()
        .ends_with(".tx.hex")));
    // Signed again, it is the form's transaction: one saved file, of nonce 1.
    click(&mut h, "Sign with the management key");
    click(&mut h, "Save the signed transaction");
    let saved: Vec<_> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".tx.hex"))
        .collect();
    assert_eq!(saved.len(), 1);
    let raw = std::fs::read_to_string(&saved[0]).unwrap();
    let bytes = hex::decode(raw.trim().trim_start_matches("0x")).unwrap();
    let (tx, _, _) = pool_console::core::aion::transaction::SignedTx::decode(&bytes).unwrap();
    assert_eq!(tx.nonce, 1);
}
