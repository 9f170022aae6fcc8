//! `status FOLDER`: CNTools and SPO Scripts folders built with the command line itself (three
//! KES generations, the newest current), exact text and JSON, and bad folders.
#![allow(clippy::disallowed_methods, clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;

use common::{fails, ok, snapshot};
use tempfile::TempDir;

const NOW: &str = "2026-11-21T12:00:00Z"; // mainnet KES period 1571

fn text(b: Vec<u8>) -> String {
    String::from_utf8(b).unwrap()
}

fn cold(dir: &Path, vkey: &str, skey: &str, counter: &str) {
    ok(
        dir,
        &[
            "node",
            "key-gen",
            "--cold-verification-key-file",
            vkey,
            "--cold-signing-key-file",
            skey,
            "--operational-certificate-issue-counter-file",
            counter,
        ],
    );
}

fn pair(dir: &Path, command: &str, vkey: &str, skey: &str) {
    ok(
        dir,
        &[
            "node",
            command,
            "--verification-key-file",
            vkey,
            "--signing-key-file",
            skey,
        ],
    );
}

fn issue(dir: &Path, kes_vkey: &str, cold_skey: &str, counter: &str, period: u64, out: &str) {
    ok(
        dir,
        &[
            "node",
            "issue-op-cert",
            "--allow-distant-kes-period",
            "--kes-verification-key-file",
            kes_vkey,
            "--cold-signing-key-file",
            cold_skey,
            "--operational-certificate-issue-counter-file",
            counter,
            "--kes-period",
            &period.to_string(),
            "--out-file",
            out,
        ],
    );
}

/// The pool id of a cold key, as `stake-pool id` prints it (bech32, then hex).
fn pool_id(dir: &Path, vkey: &str) -> (String, String) {
    let id = |extra: &str| {
        let mut args = vec!["stake-pool", "id", "--cold-verification-key-file", vkey];
        if !extra.is_empty() {
            args.push(extra);
        }
        text(ok(dir, &args)).trim().to_owned()
    };
    (id(""), id("--output-hex"))
}

fn status(dir: &Path, folder: &str, json: bool) -> String {
    let mut args = vec!["status", folder, "--at", NOW];
    if json {
        args.push("--output-json");
    }
    text(ok(dir, &args))
}

/// The end of the text for a valid current opcert whose KES key is in the folder.
fn current_opcert(file: &str, issue_number: u64) -> String {
    format!(
        "Operational certificate: {file} (mainnet)\n\
        \x20 Issue number:        {issue_number}\n\
        \x20 Start KES period:    1571\n\
        \x20 Last valid period:   1632\n\
        \x20 Current KES period:  1571\n\
        \x20 Expires (UTC):       2027-02-21T09:44:51Z\n\
        \x20 Status:              valid\n\
        \x20 KES key matches:     yes\n\
        \n\
        Warnings: none\n"
    )
}

/// CNTools' `priv/pool/NAME/`, one rotation done.
fn cntools(root: &Path) -> std::path::PathBuf {
    let p = root.join("priv/pool/mypool");
    std::fs::create_dir_all(&p).unwrap();
    cold(&p, "cold.vkey", "cold.skey", "cold.counter");
    pair(&p, "key-gen-VRF", "vrf.vkey", "vrf.skey");
    pair(&p, "key-gen-KES", "hot.vkey", "hot.skey");
    issue(&p, "hot.vkey", "cold.skey", "cold.counter", 1571, "op.cert");
    std::fs::write(p.join("kes.start"), "1571\n").unwrap();
    std::fs::write(p.join("pool.config"), "{\"pledgeWallet\": \"owner\"}\n").unwrap();
    std::fs::write(
        p.join("poolmeta.json"),
        r#"{"name": "My Pool", "description": "Mine", "ticker": "MYP", "homepage": "https://example.com"}"#,
    )
    .unwrap();
    p
}

#[test]
fn cntools_folder_text() {
    let d = TempDir::new().unwrap();
    let p = cntools(d.path());
    let (bech, hex) = pool_id(&p, "cold.vkey");
    std::fs::write(p.join("pool.id"), format!("{hex}\n")).unwrap();
    let before = snapshot(&p);
    assert_eq!(
        status(d.path(), "priv/pool/mypool", false),
        format!(
            "Folder:         priv/pool/mypool\n\
             Layout:         CNTools (pool \"mypool\")\n\
             Pool id:        {bech}\n\
             Pool id (hex):  {hex}\n\
             \n\
             Files in use:\n\
            \x20 Cold verification key                 cold.vkey\n\
            \x20 Cold signing key                      cold.skey  (not encrypted)\n\
            \x20 Issue counter                         cold.counter\n\
            \x20 VRF verification key                  vrf.vkey\n\
            \x20 VRF signing key                       vrf.skey  (not encrypted)\n\
            \x20 KES verification key                  hot.vkey\n\
            \x20 KES signing key                       hot.skey  (not encrypted)\n\
            \x20 Operational certificate               op.cert\n\
            \x20 Pool metadata                         poolmeta.json\n\
            \x20 KES start period (CNTools)            kes.start\n\
            \x20 Pool id (CNTools)                     pool.id\n\
            \x20 Pool settings                         pool.config\n\
             \n\
             {}",
            current_opcert("op.cert", 0)
        )
    );
    assert_eq!(snapshot(&p), before, "status never changes a file");
}

/// SPO Scripts' `NAME.*` files with three KES generations (kes-000 … kes-002) and their
/// opcerts; the cold signing key replaced by an encrypted envelope (`encrHex`), as SPO
/// Scripts keeps it (status only reads its type, so the ciphertext here is a stand-in).
fn spo_scripts(root: &Path) -> std::path::PathBuf {
    let p = root.join("spo");
    std::fs::create_dir_all(&p).unwrap();
    cold(
        &p,
        "mypool.node.vkey",
        "mypool.node.skey",
        "mypool.node.counter",
    );
    pair(&p, "key-gen-VRF", "mypool.vrf.vkey", "mypool.vrf.skey");
    for (g, period) in [("000", 1447), ("001", 1509), ("002", 1571)] {
        let (vkey, skey) = (
            format!("mypool.kes-{g}.vkey"),
            format!("mypool.kes-{g}.skey"),
        );
        pair(&p, "key-gen-KES", &vkey, &skey);
        let out = format!("mypool.node-{g}.opcert");
        issue(
            &p,
            &vkey,
            "mypool.node.skey",
            "mypool.node.counter",
            period,
            &out,
        );
    }
    std::fs::write(
        p.join("mypool.node.skey"),
        "{\n  \"type\": \"StakePoolSigningKey_ed25519\",\n  \"description\": \"Encrypted Stake Pool Operator Signing Key\",\n  \"encrHex\": \"8c0d040903026c31\"\n}\n",
    )
    .unwrap();
    std::fs::write(p.join("mypool.kes.counter"), "002\n").unwrap();
    std::fs::write(
        p.join("mypool.kes-expire.json"),
        "{\"latestKESfileindex\": \"002\"}\n",
    )
    .unwrap();
    std::fs::write(p.join("mypool.pool.json"), "{\"poolName\": \"mypool\"}\n").unwrap();
    std::fs::write(p.join("README.txt"), "my notes\n").unwrap();
    p
}

const SPO_FILES: &str = "\
Files in use:
  Cold verification key                 mypool.node.vkey
  Cold signing key                      mypool.node.skey  (encrypted)
  Issue counter                         mypool.node.counter
  VRF verification key                  mypool.vrf.vkey
  VRF signing key                       mypool.vrf.skey  (not encrypted)
  KES verification key                  mypool.kes-002.vkey
  KES signing key                       mypool.kes-002.skey  (not encrypted)
  Operational certificate               mypool.node-002.opcert
  Pool settings                         mypool.pool.json
  KES generation counter (SPO Scripts)  mypool.kes.counter
  KES expiry note (SPO Scripts)         mypool.kes-expire.json

Older generations:
  KES verification key                  mypool.kes-001.vkey
  KES verification key                  mypool.kes-000.vkey
  KES signing key                       mypool.kes-001.skey  (not encrypted)
  KES signing key                       mypool.kes-000.skey  (not encrypted)
  Operational certificate               mypool.node-001.opcert
  Operational certificate               mypool.node-000.opcert

Other files:
  README.txt
";

#[test]
fn spo_scripts_folder_text_newest_generation_is_current() {
    let d = TempDir::new().unwrap();
    let p = spo_scripts(d.path());
    let (bech, hex) = pool_id(&p, "mypool.node.vkey");
    let before = snapshot(&p);
    assert_eq!(
        status(d.path(), "spo", false),
        format!(
            "Folder:         spo\n\
             Layout:         SPO Scripts (pool \"mypool\")\n\
             Pool id:        {bech}\n\
             Pool id (hex):  {hex}\n\
             \n\
             {SPO_FILES}\
             \n\
             {}",
            current_opcert("mypool.node-002.opcert", 2)
        )
    );
    assert_eq!(
        snapshot(&p),
        before,
        "status never renames or changes a file"
    );
}

#[test]
fn spo_scripts_folder_json() {
    let d = TempDir::new().unwrap();
    let p = spo_scripts(d.path());
    let (bech, hex) = pool_id(&p, "mypool.node.vkey");
    let v: serde_json::Value = serde_json::from_str(&status(d.path(), "spo", true)).unwrap();
    let file = |role: &str, name: &str, generation: Option<u32>, encrypted: Option<bool>| {
        let mut f = serde_json::json!({"role": role, "file": name, "generation": generation});
        if let Some(e) = encrypted {
            f["encrypted"] = e.into();
        }
        f
    };
    let expected = serde_json::json!({
        "folder": "spo",
        "layout": "SPO Scripts",
        "poolName": "mypool",
        "poolId": {"bech32": bech, "hex": hex},
        "files": [
            file("coldVerificationKey", "mypool.node.vkey", None, None),
            file("coldSigningKey", "mypool.node.skey", None, Some(true)),
            file("issueCounter", "mypool.node.counter", None, None),
            file("vrfVerificationKey", "mypool.vrf.vkey", None, None),
            file("vrfSigningKey", "mypool.vrf.skey", None, Some(false)),
            file("kesVerificationKey", "mypool.kes-002.vkey", Some(2), None),
            file("kesSigningKey", "mypool.kes-002.skey", Some(2), Some(false)),
            file("operationalCertificate", "mypool.node-002.opcert", Some(2), None),
            file("poolSettings", "mypool.pool.json", None, None),
            file("kesCounter", "mypool.kes.counter", None, None),
            file("kesExpiry", "mypool.kes-expire.json", None, None),
        ],
        "olderGenerations": [
            file("kesVerificationKey", "mypool.kes-001.vkey", Some(1), None),
            file("kesVerificationKey", "mypool.kes-000.vkey", Some(0), None),
            file("kesSigningKey", "mypool.kes-001.skey", Some(1), Some(false)),
            file("kesSigningKey", "mypool.kes-000.skey", Some(0), Some(false)),
            file("operationalCertificate", "mypool.node-001.opcert", Some(1), None),
            file("operationalCertificate", "mypool.node-000.opcert", Some(0), None),
        ],
        "alsoPresent": [],
        "otherFiles": ["README.txt"],
        "operationalCertificate": {
            "file": "mypool.node-002.opcert",
            "network": "mainnet",
            "issueNumber": 2,
            "startKesPeriod": 1571,
            "lastValidKesPeriod": 1632,
            "currentKesPeriod": 1571,
            "expiresUtc": "2027-02-21T09:44:51Z",
            "status": "valid",
        },
        "kesKeyMatchesOpcert": true,
        "warnings": [],
    });
    assert_eq!(v, expected);
}

#[test]
fn cntools_folder_json_names_the_folder_as_the_pool() {
    let d = TempDir::new().unwrap();
    cntools(d.path());
    let v: serde_json::Value =
        serde_json::from_str(&status(d.path(), "priv/pool/mypool", true)).unwrap();
    assert_eq!(v["layout"], "CNTools");
    assert_eq!(v["poolName"], "mypool");
    assert_eq!(v["files"][6]["file"], "hot.skey");
    assert_eq!(v["files"][6]["role"], "kesSigningKey");
    assert_eq!(v["operationalCertificate"]["issueNumber"], 0);
    assert_eq!(v["kesKeyMatchesOpcert"], true);
}

// ---------------------------------------------------------------- what looks wrong

/// The warnings section that ends the text.
fn warnings(out: &str) -> &str {
    &out[out.find("\nWarnings").unwrap() + 1..]
}

#[test]
fn opcert_whose_kes_key_is_missing_is_warned() {
    let d = TempDir::new().unwrap();
    let p = cntools(d.path());
    std::fs::remove_file(p.join("hot.skey")).unwrap();
    std::fs::remove_file(p.join("hot.vkey")).unwrap();
    let before = snapshot(&p);
    let out = status(d.path(), "priv/pool/mypool", false);
    assert!(!out.contains("KES key matches"), "{out}");
    assert_eq!(
        warnings(&out),
        "Warnings:\n  - the KES key that op.cert certifies is not in the folder; the block producer needs that KES signing key\n"
    );
    assert_eq!(snapshot(&p), before);
}

#[test]
fn newest_kes_key_missing_leaves_an_older_one_that_does_not_match() {
    let d = TempDir::new().unwrap();
    let p = spo_scripts(d.path());
    std::fs::remove_file(p.join("mypool.kes-002.skey")).unwrap();
    std::fs::remove_file(p.join("mypool.kes-002.vkey")).unwrap();
    let out = status(d.path(), "spo", false);
    assert!(
        out.contains(
            "  KES signing key                       mypool.kes-001.skey  (not encrypted)\n"
        ),
        "{out}"
    );
    assert!(out.contains("  KES key matches:     no\n"), "{out}");
    assert_eq!(
        warnings(&out),
        "Warnings:\n  - the KES key that mypool.node-002.opcert certifies is not in the folder; the block producer needs that KES signing key\n"
    );
}

#[test]
fn counter_behind_the_opcert_is_warned() {
    let d = TempDir::new().unwrap();
    let p = cntools(d.path());
    std::fs::remove_file(p.join("cold.counter")).unwrap();
    ok(
        &p,
        &[
            "node",
            "new-counter",
            "--cold-verification-key-file",
            "cold.vkey",
            "--counter-value",
            "0",
            "--operational-certificate-issue-counter-file",
            "cold.counter",
        ],
    );
    let out = status(d.path(), "priv/pool/mypool", false);
    assert_eq!(
        warnings(&out),
        "Warnings:\n  - the issue counter (next issue number 0) is behind op.cert (issue number 0); the next opcert must use 1 or more\n"
    );
}

// ---------------------------------------------------------------- bad folders

fn refused(dir: &Path, args: &[&str], message: &str) {
    let before = snapshot(dir);
    assert_eq!(
        fails(dir, args),
        format!("Command failed: status\nError: {message}\n")
    );
    assert_eq!(snapshot(dir), before, "nothing written for {args:?}");
}

#[test]
fn missing_folder_file_and_empty_folder_are_refused() {
    let d = TempDir::new().unwrap();
    let p = cntools(d.path());
    std::fs::create_dir(d.path().join("empty")).unwrap();
    std::fs::create_dir(d.path().join("notes")).unwrap();
    std::fs::write(d.path().join("notes/todo.txt"), "rotate KES\n").unwrap();
    let root = d.path();
    refused(
        root,
        &["status", "nowhere"],
        "nowhere: no such folder; give the pool folder (for CNTools, priv/pool/NAME)",
    );
    refused(
        root,
        &["status", "priv/pool/mypool/cold.vkey"],
        "priv/pool/mypool/cold.vkey: this is a file, not a folder; give the folder that holds the pool's keys",
    );
    for (root_of_pools, below) in [
        ("priv", "priv/pool/mypool"),
        ("priv/pool", "priv/pool/mypool"),
    ] {
        refused(
            root,
            &["status", root_of_pools],
            &format!("{root_of_pools}: no pool files here, but {below} holds a pool; give that folder (pool-console status {below})"),
        );
    }
    std::fs::create_dir_all(d.path().join("priv/pool/second")).unwrap();
    std::fs::copy(
        p.join("cold.vkey"),
        d.path().join("priv/pool/second/cold.vkey"),
    )
    .unwrap();
    refused(
        root,
        &["status", "priv"],
        "priv: no pool files here, but these folders hold pools: priv/pool/mypool, priv/pool/second; give one of them",
    );
    for empty in ["empty", "notes"] {
        refused(
            root,
            &["status", empty],
            &format!("{empty}: no pool files here (no keys, issue counter or operational certificate); is it the right folder?"),
        );
    }
    refused(
        root,
        &["status", "priv/pool/mypool", "--at", "yesterday"],
        "--at: \"yesterday\" is not an RFC 3339 time like 2026-11-21T12:00:00Z: premature end of input",
    );
    refused(
        root,
        &["status", "priv/pool/mypool", "--testnet-magic", "42"],
        "--testnet-magic 42 is not a network status knows: give 1 (preprod), 2 (preview), or leave it out for mainnet",
    );
    assert!(p.join("op.cert").exists());
}
