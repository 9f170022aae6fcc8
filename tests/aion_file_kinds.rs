//! The file layer knows the Aion files the console writes, so each replaces only its own
//! kind: metadata over metadata, a transaction (raw or its JSON-RPC request) over a
//! transaction, the folder marker over a marker; never a key, never a Cardano file.
#![allow(clippy::disallowed_methods, clippy::unwrap_used, clippy::expect_used)]

use pool_console::app::aion_profile::MARKER_TEXT;
use pool_console::core::aion::key_file;
use pool_console::core::aion::keys::AionSigningKey;
use pool_console::core::aion::metadata::{self, AionMetadata};
use pool_console::core::aion::transaction::{self, UnsignedTx, POOL_REGISTRY_MAINNET};
use pool_console::platform::files::{write_one, FileError, OutputKind};
use pool_console::platform::target::{recognise, same_kind, Existing, Holding};
use tempfile::TempDir;

fn console_metadata() -> String {
    metadata::render(&AionMetadata {
        schema_version: "1.0".into(),
        name: "Frites".into(),
        url: "https://example.org".into(),
        ..AionMetadata::default()
    })
}

/// Writes [`console_metadata`] to `path` as the console saves it.
fn save_metadata(path: &std::path::Path, force: bool) -> Result<Vec<String>, FileError> {
    write_one(
        path,
        console_metadata().as_bytes(),
        OutputKind::AionMetadata,
        force,
    )
}

fn signed() -> transaction::SignedTx {
    let tx = UnsignedTx {
        to: POOL_REGISTRY_MAINNET,
        value: 0,
        nonce: 0,
        timestamp_us: 1_600_000_000_000_000,
        energy_limit: 2_000_000,
        energy_price: 10_000_000_000,
        data: vec![0x21],
    };
    transaction::sign(&tx, &[7; 32])
}

#[test]
fn each_aion_file_is_recognised_as_what_it_is() {
    let holds = |text: &str| recognise(text.as_bytes());
    assert_eq!(
        holds(&console_metadata()),
        Existing::Holds(Holding::AionMetadata)
    );
    assert_eq!(
        holds(MARKER_TEXT),
        Existing::Holds(Holding::AionProfileMarker)
    );
    let tx = signed();
    assert_eq!(
        holds(&format!("{}\n", tx.raw_hex())),
        Existing::Holds(Holding::AionTransaction)
    );
    assert_eq!(
        holds(&transaction::json_rpc_request(&tx)),
        Existing::Holds(Holding::AionTransaction)
    );
    // A JSON-RPC request of another method, or with a damaged transaction, is nothing known.
    let other = transaction::json_rpc_request(&tx).replace("eth_sendRawTransaction", "eth_call");
    assert_eq!(holds(&other), Existing::Unknown);
    let damaged = transaction::json_rpc_request(&tx).replace("\"0x", "\"0x00");
    assert_eq!(holds(&damaged), Existing::Unknown);
    // Metadata with other key names is the operator's own file: never replaced.
    assert_eq!(
        holds(r#"{"poolName":"Frites","website":"https://example.org"}"#),
        Existing::Unknown
    );
}

#[test]
fn aion_outputs_replace_only_their_own_kind() {
    let key = AionSigningKey::from_seed([3; 32]);
    let aion_key = Holding::AionSigningKey;
    let cardano_metadata =
        Holding::File(pool_console::core::describe::recognise::FileKind::PoolMetadata);
    for kind in [
        OutputKind::AionMetadata,
        OutputKind::AionProfileMarker,
        OutputKind::AionTransaction,
    ] {
        assert!(!same_kind(kind, aion_key), "{kind:?}");
        assert!(!same_kind(kind, Holding::AionVerificationKey), "{kind:?}");
        assert!(!same_kind(kind, Holding::TextValue), "{kind:?}");
        assert!(!same_kind(kind, cardano_metadata), "{kind:?}");
        assert!(!kind.is_secret(), "{kind:?}");
    }
    assert!(same_kind(OutputKind::AionMetadata, Holding::AionMetadata));
    assert!(!same_kind(OutputKind::Metadata, Holding::AionMetadata));
    assert!(!same_kind(
        OutputKind::AionMetadata,
        Holding::AionTransaction
    ));

    // On disk: metadata saved over an Aion key is refused and the key is left as it was.
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("aion-metadata.json");
    let key_text = key_file::signing_file(&key);
    std::fs::write(&path, key_text.as_bytes()).unwrap();
    let err = save_metadata(&path, true).unwrap_err().to_string();
    assert!(err.contains("an Aion signing key"), "{err}");
    assert!(!err.contains(&key_text[2..10]), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), *key_text);
    // Over earlier metadata it is replaced, without --force.
    std::fs::write(&path, console_metadata().replace("Frites", "Old")).unwrap();
    save_metadata(&path, false).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), console_metadata());
}

#[test]
fn metadata_with_keys_the_console_does_not_write_is_never_replaced() {
    // The operator's own keys would be dropped by a save of the form: the file is theirs.
    let theirs = r#"{"schemaVersion":"1.0","name":"Frites","url":"https://example.org","website":"https://frites.example"}"#;
    assert_eq!(recognise(theirs.as_bytes()), Existing::Unknown);
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("aion-metadata.json");
    std::fs::write(&path, theirs).unwrap();
    let err = save_metadata(&path, false).unwrap_err().to_string();
    assert_eq!(
        err,
        format!(
            "{}: the file holds data this tool does not recognise; it is never replaced by Aion pool metadata, even with --force (move it away or choose another name)",
            path.display()
        )
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs);
}

#[test]
fn metadata_with_a_logo_over_64_kib_is_replaced_like_any_other() {
    // A 256×256 photo is easily 60 KB of PNG, 80 KB in base64: still the console's metadata.
    let with_logo = |name: &str| {
        metadata::render(&AionMetadata {
            schema_version: "1.0".into(),
            name: name.into(),
            url: "https://example.org".into(),
            logo_base64: metadata::logo_base64(&[0x89; 60_000]),
            ..AionMetadata::default()
        })
    };
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("aion-metadata.json");
    std::fs::write(&path, with_logo("Old")).unwrap();
    assert!(std::fs::metadata(&path).unwrap().len() > 64 * 1024);
    write_one(
        &path,
        with_logo("New").as_bytes(),
        OutputKind::AionMetadata,
        false,
    )
    .unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), with_logo("New"));
    // Anything over the 1 MiB metadata limit is still refused, and left as it was.
    let huge = with_logo("Old").replace(
        "\"name\"",
        &format!("\"x\":\"{}\",\"name\"", "y".repeat(1024 * 1024)),
    );
    std::fs::write(&path, &huge).unwrap();
    let err = write_one(
        &path,
        with_logo("New").as_bytes(),
        OutputKind::AionMetadata,
        false,
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("more than any pool file"), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), huge);
}
