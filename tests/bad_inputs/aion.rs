//! Bad-input cases: the Aion commands (keys, addresses, metadata, lockouts). Each fails with
//! exit 1 and its exact message, never repeats a key, and writes nothing.

use super::*;

const SEED: &str = "6df86a106f599c78ab9b2ad593b2983038edf706a52b24bfa895b49066a7f2a0";
const ADDRESS: &str = "aion address";
const CHECK: &str = "aion metadata-check";
const LOCKOUT: &str = "aion lockout";
const KEY_GEN: &str = "aion key-gen";

/// A folder of broken Aion inputs beside a Cardano cold key.
fn aion_workspace() -> TempDir {
    let w = workspace();
    let d = w.path();
    let write = |name: &str, text: &str| std::fs::write(d.join(name), text).unwrap();
    write("short.skey", "0xabcd\n");
    write("nothex.skey", &format!("0x{}zz\n", &SEED[..62]));
    write("mixed.skey", &format!("0x{SEED}{}\n", "00".repeat(32)));
    write("bad.vkey", "0x1234\n");
    let other = pool_console::core::aion::keys::AionSigningKey::from_seed([9; 32]);
    let mine = pool_console::core::aion::keys::AionSigningKey::from_seed([8; 32]);
    let edited = pool_console::core::aion::key_file::verification_file(&mine.public_key())
        .replace(&mine.address().to_hex(), &other.address().to_hex());
    write("edited.vkey", &edited);
    write(
        "long-name.json",
        &format!(
            r#"{{"schemaVersion":"1","name":"{}","url":"https://x"}}"#,
            "n".repeat(65)
        ),
    );
    let tags: Vec<String> = (0..11).map(|i| format!("\"t{i}\"")).collect();
    write(
        "tags.json",
        &format!(
            r#"{{"schemaVersion":"1","name":"n","url":"https://x","tags":[{}]}}"#,
            tags.join(",")
        ),
    );
    let logo = pool_console::core::aion::metadata::logo_base64(
        &pool_console::core::aion::png::header(512, 512),
    );
    write(
        "logo.json",
        &format!(r#"{{"schemaVersion":"1","name":"n","url":"https://x","logo":"{logo}"}}"#),
    );
    write("not-json.json", "pool: x");
    write("big.json", &" ".repeat(1024 * 1024));
    write(
        "ftp.json",
        r#"{"schemaVersion":"1","name":"n","url":"ftp://x"}"#,
    );
    w
}

fn address(flag: &str, file: &str) -> Vec<String> {
    s(&["aion", "address", flag, file])
}

fn lockout(action: &str, since: &str, current: &str) -> Vec<String> {
    s(&[
        "aion",
        "lockout",
        "--action",
        action,
        "--since-block",
        since,
        "--current-block",
        current,
    ])
}

fn check(file: &str) -> Vec<String> {
    s(&["aion", "metadata-check", "--metadata-file", file])
}

#[test]
fn bad_aion_keys() {
    let w = aion_workspace();
    let d = w.path();
    let sk = "--signing-key-file";
    let vk = "--verification-key-file";
    case(d, &address(sk, "short.skey"), ADDRESS, "short.skey: the key is 2 bytes; an Aion private key is 32 bytes (the seed) or 64 bytes (seed and public key), written as hex with or without 0x");
    let out = case(d, &address(sk, "nothex.skey"), ADDRESS, "nothex.skey: the key is not hexadecimal: an Aion private key is 64 or 128 hex digits (0-9, a-f), with or without 0x");
    assert_clean(&String::from_utf8_lossy(&out.stderr), &[&SEED[..40]]);
    case(d, &address(sk, "mixed.skey"), ADDRESS, "mixed.skey: the key's last 32 bytes are not the public key of its first 32 (a damaged or mixed-up 64-byte key); export the key again");
    case(
        d,
        &address(vk, "bad.vkey"),
        ADDRESS,
        "bad.vkey: the public key is not 64 hex digits (32 bytes) with or without 0x",
    );
    case(d, &address(vk, "edited.vkey"), ADDRESS, "edited.vkey: the file's address is not the address of its public key (an edited or mixed-up file); make the verification key again from the signing key");
    // A Cardano key is not an Aion key.
    case(d, &address(sk, "other-cold.skey"), ADDRESS, "other-cold.skey: the key is not hexadecimal: an Aion private key is 64 or 128 hex digits (0-9, a-f), with or without 0x");
}

#[test]
fn aion_key_gen_refusals_write_nothing() {
    let w = aion_workspace();
    let d = w.path();
    let gen = |sk: &str, vk: &str| {
        s(&[
            "aion",
            "key-gen",
            "--signing-key-file",
            sk,
            "--verification-key-file",
            vk,
            "--force",
        ])
    };
    case(d, &gen("other-cold.skey", "new.vkey"), KEY_GEN, "other-cold.skey: the file holds a stake pool cold signing key; it is never replaced by an Aion signing key, even with --force (move it away or choose another name)");
    case(d, &gen("new.skey", "cold.vkey"), KEY_GEN, "cold.vkey: the file holds a stake pool cold verification key; it is never replaced by an Aion verification key, even with --force (move it away or choose another name)");
    case(
        d,
        &gen("-", "new.vkey"),
        KEY_GEN,
        "-: an Aion signing key is never written to a terminal or pipe; give a file name",
    );
}

#[test]
fn bad_aion_metadata() {
    let w = aion_workspace();
    let d = w.path();
    case(
        d,
        &check("long-name.json"),
        CHECK,
        "long-name.json: \"name\" is 65 characters; at most 64 are allowed",
    );
    case(
        d,
        &check("tags.json"),
        CHECK,
        "tags.json: \"tags\" has 11 tags; at most 10 are allowed",
    );
    case(
        d,
        &check("logo.json"),
        CHECK,
        "logo.json: \"logo\" is 512×512 pixels; it must be 256×256",
    );
    case(
        d,
        &check("not-json.json"),
        CHECK,
        "not-json.json: the file is not valid JSON: expected value at line 1 column 1",
    );
    case(
        d,
        &check("big.json"),
        CHECK,
        "big.json: the file is 1048576 bytes; it must be under 1 MiB (1048576 bytes)",
    );
    case(
        d,
        &check("ftp.json"),
        CHECK,
        "ftp.json: \"url\" \"ftp://x\" is not a web address; start it with https://",
    );
}

#[test]
fn bad_aion_lockouts() {
    let w = aion_workspace();
    let d = w.path();
    case(
        d,
        &lockout("retire", "1", "2"),
        LOCKOUT,
        "\"retire\" is not a lockout: use commission, signing-address, undelegate or transfer",
    );
    case(
        d,
        &lockout("commission", "500", "100"),
        LOCKOUT,
        "--current-block 100 is before --since-block 500; check the two block numbers",
    );
    let mut at = lockout("undelegate", "1000", "1640");
    at.extend(s(&["--at", "tomorrow"]));
    case(
        d,
        &at,
        LOCKOUT,
        "--at: \"tomorrow\" is not an RFC 3339 time like 2026-11-21T12:00:00Z: premature end of input",
    );
    usage_case(
        d,
        &lockout("commission", "-5", "100"),
        "unexpected argument '-5'",
    );
}
