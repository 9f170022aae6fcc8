//! `aion key-gen`, `address`, `metadata-hash`, `metadata-check` and `lockout` through the
//! real binary, on the AION.md vectors.
#![allow(clippy::disallowed_methods, clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{fails, ok, run_in};
use tempfile::TempDir;

const SEED: &str = "6df86a106f599c78ab9b2ad593b2983038edf706a52b24bfa895b49066a7f2a0";
const PK: &str = "3ddfb8596435b9530b5e635736c801c1403578b85e582d98dd7a322ddfb1e4c1";
const CHECKSUM: &str = "0xa0202797A7aff86FEc1a5D8B7cacEa276dE5bCfc2e8B14878C9BA48d7D5330A0";

fn text(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap()
}

#[test]
fn key_gen_writes_a_secret_key_and_a_matching_public_one() {
    let dir = TempDir::new().unwrap();
    let d = dir.path();
    let args = [
        "aion",
        "key-gen",
        "--signing-key-file",
        "pool.skey",
        "--verification-key-file",
        "pool.vkey",
    ];
    let printed = text(ok(d, &args));
    let sk = std::fs::read_to_string(d.join("pool.skey")).unwrap();
    assert!(
        sk.starts_with("0x") && sk.len() == 2 + 128 + 1,
        "{}",
        sk.len()
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(d.join("pool.skey"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let from_sk = text(ok(
        d,
        &[
            "aion",
            "address",
            "--signing-key-file",
            "pool.skey",
            "--checksum",
        ],
    ));
    let from_vk = text(ok(
        d,
        &[
            "aion",
            "address",
            "--verification-key-file",
            "pool.vkey",
            "--checksum",
        ],
    ));
    assert_eq!(from_sk, from_vk);
    assert_eq!(printed, format!("Aion address: {from_sk}"));
    // A second key-gen is refused; --force replaces the pair.
    let before = std::fs::read(d.join("pool.skey")).unwrap();
    let e = fails(d, &args);
    assert!(e.contains("pool.skey: the file already exists; it holds an Aion signing key and is not replaced without --force"), "{e}");
    assert_eq!(std::fs::read(d.join("pool.skey")).unwrap(), before);
    let mut forced = args.to_vec();
    forced.push("--force");
    ok(d, &forced);
    assert_ne!(std::fs::read(d.join("pool.skey")).unwrap(), before);
}

#[test]
fn key_gen_never_replaces_a_cardano_key_or_the_other_aion_kind() {
    let dir = TempDir::new().unwrap();
    let d = dir.path();
    let cold = format!(
        "{{\"type\": \"StakePoolSigningKey_ed25519\", \"description\": \"\", \"cborHex\": \"5820{}\"}}",
        "11".repeat(32)
    );
    std::fs::write(d.join("cold.skey"), &cold).unwrap();
    std::fs::write(d.join("seed.hex"), format!("0x{SEED}\n")).unwrap();
    let e = fails(
        d,
        &[
            "aion",
            "key-gen",
            "--signing-key-file",
            "cold.skey",
            "--verification-key-file",
            "a.vkey",
            "--force",
        ],
    );
    assert!(e.contains("cold.skey: the file holds a stake pool cold signing key; it is never replaced by an Aion signing key, even with --force"), "{e}");
    let e = fails(
        d,
        &[
            "aion",
            "key-gen",
            "--signing-key-file",
            "b.skey",
            "--verification-key-file",
            "seed.hex",
            "--force",
        ],
    );
    assert!(e.contains("seed.hex: the file holds an Aion signing key; it is never replaced by an Aion verification key, even with --force"), "{e}");
    assert_eq!(std::fs::read_to_string(d.join("cold.skey")).unwrap(), cold);
    assert!(!d.join("a.vkey").exists() && !d.join("b.skey").exists());
}

#[test]
fn addresses_of_the_fixture_key_in_both_forms() {
    let dir = TempDir::new().unwrap();
    let d = dir.path();
    std::fs::write(d.join("seed.skey"), format!("0x{SEED}\n")).unwrap();
    std::fs::write(d.join("full.skey"), format!("{SEED}{PK}")).unwrap();
    std::fs::write(d.join("pk.vkey"), format!("0x{PK}\n")).unwrap();
    for (flag, file) in [
        ("--signing-key-file", "seed.skey"),
        ("--signing-key-file", "full.skey"),
        ("--verification-key-file", "pk.vkey"),
    ] {
        assert_eq!(
            text(ok(d, &["aion", "address", flag, file])),
            format!("{}\n", CHECKSUM.to_lowercase())
        );
        assert_eq!(
            text(ok(d, &["aion", "address", flag, file, "--checksum"])),
            format!("{CHECKSUM}\n")
        );
    }
}

#[test]
fn metadata_hash_and_check() {
    let dir = TempDir::new().unwrap();
    let d = dir.path();
    std::fs::write(d.join("v.json"), r#"{"schemaVersion":"1.0"}"#).unwrap();
    assert_eq!(
        text(ok(
            d,
            &["aion", "metadata-hash", "--metadata-file", "v.json"]
        )),
        "8de206947fc0c650ef085aa87e508e7a5d3b56cbffd3babd6a9ff8a0723edccd\n"
    );
    std::fs::write(
        d.join("good.json"),
        r#"{"schemaVersion":"1.0","name":"Frites","tags":["a"],"url":"https://example.org","website":"x"}"#,
    )
    .unwrap();
    let out = run_in(
        d,
        &["aion", "metadata-check", "--metadata-file", "good.json"],
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        text(out.stdout),
        "good.json: passes every documented check (its hash: aion metadata-hash)\n"
    );
    assert!(text(out.stderr)
        .starts_with("Warning: good.json: field \"website\" is not one Pool Console knows"));
    let e = fails(d, &["aion", "metadata-check", "--metadata-file", "v.json"]);
    assert_eq!(
        e,
        "Command failed: aion metadata-check\nError: v.json: \"name\" is missing; \"url\" is missing\n"
    );
}

#[test]
fn lockouts_count_blocks_and_estimate_the_end() {
    let dir = TempDir::new().unwrap();
    let out = text(ok(
        dir.path(),
        &[
            "aion",
            "lockout",
            "--action",
            "undelegate",
            "--since-block",
            "1000",
            "--current-block",
            "1640",
        ],
    ));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        "Undelegation: 8640 blocks from block 1000, so from block 9640"
    );
    assert_eq!(lines[1], "Blocks left: 8000");
    // 8000 blocks of 10 s: 22 h 13 min from now.
    assert!(lines[2].starts_with("Ends about:  20"), "{}", lines[2]);
    assert!(
        lines[2].ends_with("(in about 22 h 13 min, at 10 s a block)"),
        "{}",
        lines[2]
    );
    let done = text(ok(
        dir.path(),
        &[
            "aion",
            "lockout",
            "--action",
            "signing-address",
            "--since-block",
            "0",
            "--current-block",
            "60480",
        ],
    ));
    assert_eq!(
        done,
        "Signing address change: 60480 blocks from block 0, so from block 60480\nBlocks left: 0 (the lock ended at block 60480; it may be finalised now)\n"
    );
}

#[test]
fn a_lockout_end_is_estimated_from_the_time_given_with_at() {
    let dir = TempDir::new().unwrap();
    let lockout = |at: &str| {
        text(ok(
            dir.path(),
            &[
                "aion",
                "lockout",
                "--action",
                "commission",
                "--since-block",
                "5200000",
                "--current-block",
                "5230000",
                "--at",
                at,
            ],
        ))
    };
    // 30 480 blocks of 10 s after the time given: 3 days 12 h 40 min later.
    let expected = "Commission rate change: 60480 blocks from block 5200000, so from block 5260480\nBlocks left: 30480\nEnds about:  2026-11-25T00:40:00Z (in about 3 days, at 10 s a block)\n";
    assert_eq!(lockout("2026-11-21T12:00:00Z"), expected);
    // Another zone is the same instant.
    assert_eq!(lockout("2026-11-21T13:00:00+01:00"), expected);
}
