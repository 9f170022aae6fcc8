//! Bad-input cases: terminal escapes (issue 10, "Messages").
//!
//! Every case fails with its exact message and leaves the folder as it was; a control character
//! (ESC, DEL, C1) from the command line or from a file is shown escaped, never raw, and a very
//! long input keeps only its start.

use super::*;

#[test]
fn escapes_in_input_are_shown_escaped() {
    let w = secrets_workspace();
    let d = w.path();
    let relay = |flag: &str, host: &str| registration(&[flag, host, "--pool-relay-port", "3001"]);
    checked(
        d,
        &relay("--single-host-pool-relay", "relay\u{1b}[1A\u{1b}[2K.example.com"),
        REG,
        "--single-host-pool-relay: \"relay\\x1b[1A\\x1b[2K.example.com\" is not a DNS name: it contains the character '\\x1b'",
        &[],
    );
    checked(
        d,
        &registration(&["--multi-host-pool-relay", "relay\u{7f}.example.com"]),
        REG,
        "--multi-host-pool-relay: \"relay\\x7f.example.com\" is not a DNS name: it contains the character '\\x7f'",
        &[],
    );
    checked(
        d,
        &relay("--single-host-pool-relay", "relay\u{9b}2K.example.com"),
        REG,
        "--single-host-pool-relay: \"relay\\u{9b}2K.example.com\" is not a DNS name: it contains the character '\\u{9b}'",
        &[],
    );
    checked(
        d,
        &relay("--pool-relay-ipv4", "1.2.3.4\u{1b}[2K"),
        REG,
        "--pool-relay-ipv4: \"1.2.3.4\\x1b[2K\" is not an IPv4 address: write four numbers from 0 to 255 separated by dots, e.g. 203.0.113.10",
        &[],
    );
    checked(
        d,
        &registration(&["--pool-margin", "0.01\u{1b}[2K"]),
        REG,
        "--pool-margin: margin \"0.01\\x1b[2K\" is not a number: write a decimal such as 0.015 or a fraction such as 3/200",
        &[],
    );
    checked(
        d,
        &key_hash("stake_vk1\u{1b}[2K"),
        KEY_HASH,
        "--stake-verification-key \"stake_vk1\\x1b[2K\" is neither a bech32 key nor hexadecimal",
        &[],
    );
    checked(
        d,
        &s(&["kes", "period", "--mainnet", "--at", "2026\u{1b}[2K"]),
        "kes period",
        "--at: \"2026\\x1b[2K\" is not an RFC 3339 time like 2026-11-21T12:00:00Z: premature end of input",
        &[],
    );
    checked(
        d,
        &s(&[
            "stake-pool",
            "id",
            "--cold-verification-key-file",
            "cold.vkey",
            "--output-format",
            "hex\u{1b}[2K",
        ]),
        ID,
        "--output-format \"hex\\x1b[2K\" is not a format: use \"hex\" or \"bech32\"",
        &[],
    );
    // A file name holding an escape: named, escaped.
    checked(
        d,
        &s(&[
            "stake-pool",
            "id",
            "--cold-verification-key-file",
            "missing\u{1b}[2K.vkey",
            "--out-file",
            "id",
        ]),
        ID,
        "missing\\x1b[2K.vkey: cannot read the file: no such file",
        &[],
    );
    // A very long input keeps its start and no more (not hex: 64 hex digits would be hidden).
    let long = "9.".repeat(100);
    checked(
        d,
        &relay("--pool-relay-ipv4", &long),
        REG,
        &format!("--pool-relay-ipv4: \"{}…\" is not an IPv4 address: write four numbers from 0 to 255 separated by dots, e.g. 203.0.113.10", "9.".repeat(30)),
        &[],
    );
}

#[test]
fn escapes_in_files_are_shown_escaped() {
    let w = secrets_workspace();
    let d = w.path();
    checked(
        d,
        &s(&["stake-pool", "metadata-hash", "--pool-metadata-file", "meta-esc.json"]),
        META,
        "meta-esc.json: \"ticker\" must have at least 3 and at most 5 characters, but it has 7 characters.",
        &[],
    );
    checked(
        d,
        &s(&["plan", "check", "--plan-file", "plan-esc.json"]),
        "plan check",
        "plan-esc.json: owner 1 (\\x1b[1A\\x1b[2KAlice): pledge_ada: \"lots\" is not an amount: use digits, an optional decimal point and up to 6 decimals",
        &[],
    );
    let stake_address = "stake1u\u{1b}[1Ayehkck0lajq8gr28t9uxnuvgcqrc6070x3k9r8048z8y5gh6ffgw";
    checked(
        d,
        &s(&["stake-address", "registration-certificate", "--stake-address", stake_address, "--key-reg-deposit-amt", "2000000", "--out-file", "r.cert"]),
        REG_CERT,
        "--stake-address \"stake1u\\x1b[1Ayehkck0lajq8gr28t9uxnuvgcqrc6070x3k9r8048z8y5g…\" is not valid bech32: parse failed",
        &[],
    );
    // A usage error from the argument parser echoes the value: clap drops escape sequences
    // and DEL itself, and what it keeps (C1) is escaped on the way out.
    let mut pledge = registration(&[]);
    let i = pledge.iter().position(|a| a == "1000").unwrap();
    pledge[i] = "10\u{1b}[2K\u{7f}".to_owned();
    usage_case(
        d,
        &pledge,
        "invalid value '10' for '--pool-pledge <LOVELACE>'",
    );
    let magic = s(&["kes", "period", "--testnet-magic", "1\u{9b}2K"]);
    usage_case(
        d,
        &magic,
        "invalid value '1\\u{9b}2K' for '--testnet-magic <NATURAL>'",
    );
    for args in [pledge, magic] {
        let out = run_in(d, &args.iter().map(String::as_str).collect::<Vec<_>>());
        assert_clean(&String::from_utf8_lossy(&out.stderr), &[]);
    }
}
