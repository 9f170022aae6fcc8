//! Bad-input cases for `governance vote create|view` and `hash anchor-data` (issue 14): the
//! ledger's limits, hashes and ids of the wrong size, the wrong key, offline-only checks; each
//! refused with its exact message, the folder unchanged.

#[allow(unused_imports)]
use super::*;

use pool_console::core::message::quote::quote;

const VOTE: &str = "governance vote create";
const TX: &str = "b1015258a99351c143a7a40b7b58f033ace10e3cc09c67780ed5b2b0992aa60a";
const DOC_HASH: &str = "de38a4f5b8b9d8372386cc923bad19d1a0662298cf355bbe947e5eedf127fa9c";
const ZERO_17: &str = "gov_action1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqpzklpgpf";

/// A vote by the pool of cold.vkey on TX#index, plus `extra`.
fn vote(index: &str, extra: &[&str]) -> Vec<String> {
    let mut v = s(&[
        "governance",
        "vote",
        "create",
        "--yes",
        "--governance-action-tx-id",
        TX,
        "--governance-action-index",
        index,
        "--out-file",
        "pool.vote",
    ]);
    if !extra
        .iter()
        .any(|a| a.contains("-key") || a.contains("-id"))
    {
        v.extend(s(&["--cold-verification-key-file", "cold.vkey"]));
    }
    v.extend(s(extra));
    v
}

/// The same vote with the action given by its CIP-129 id.
fn vote_by_id(id: &str, extra: &[&str]) -> Vec<String> {
    let mut v = s(&[
        "governance",
        "vote",
        "create",
        "--no",
        "--governance-action-id",
        id,
        "--out-file",
        "pool.vote",
    ]);
    v.extend(s(extra));
    v
}

fn anchored(url: &str, hash: &str, extra: &[&str]) -> Vec<String> {
    let mut a = vec!["--anchor-url", url, "--anchor-data-hash", hash];
    a.extend(extra);
    vote("0", &a)
}

#[test]
fn votes_refuse_what_the_ledger_would() {
    let w = workspace();
    let d = w.path();
    std::fs::copy(
        vector("input/governance/example_anchor_data.txt"),
        d.join("doc.txt"),
    )
    .unwrap();
    std::fs::copy(vector("input/governance/drep.vkey"), d.join("drep.vkey")).unwrap();
    let c = |args: Vec<String>, message: &str| {
        case(d, &args, VOTE, message);
    };
    c(vote("65536", &[]), "--governance-action-index: the governance action index is 65536; the ledger accepts at most 65535");
    c(
        vote("-1", &[]),
        "--governance-action-index \"-1\" is not a whole number from 0 to 65535",
    );
    c(vote("99999999999999999999999", &[]), "--governance-action-index \"99999999999999999999999\" is far above 65535, the largest index the ledger accepts");
    let mut short_tx = vote("0", &[]);
    short_tx[5] = TX[2..].to_owned();
    c(
        short_tx,
        "--governance-action-tx-id is 31 bytes; a transaction id is 32 bytes (64 hex characters)",
    );
    let mut bad_tx = vote("0", &[]);
    bad_tx[5] = format!("zz{}", &TX[2..]);
    c(
        bad_tx,
        &format!(
            "--governance-action-tx-id \"zz{}\" is not hexadecimal (64 characters expected)",
            &TX[2..]
        ),
    );
    let url129 = format!("https://example.com/{}", "a".repeat(109));
    c(anchored(&url129, DOC_HASH, &[]), "--anchor-url: the anchor URL is 129 bytes; the ledger accepts at most 128 (use a shorter link, e.g. an ipfs:// one)");
    c(
        anchored("https://x", &DOC_HASH[2..], &[]),
        "--anchor-data-hash is 31 bytes; it must be 32 bytes (64 hex characters)",
    );
    c(
        anchored("https://x", "not-a-hash", &[]),
        "--anchor-data-hash \"not-a-hash\" is not hexadecimal (64 characters expected)",
    );
    c(anchored("https://x", DOC_HASH, &["--check-anchor-data-hash"]), "--check-anchor-data-hash needs to download the anchor document, and pool-console works offline: download it on the online machine, bring it over, and give it with --anchor-data-file FILE instead");
    let wrong = format!("e{}", &DOC_HASH[1..]);
    c(
        anchored("https://x", &wrong, &["--anchor-data-file", "doc.txt"]),
        &format!("Hashes do not match!\nExpected: \"{wrong}\"\n  Actual: \"{DOC_HASH}\""),
    );
    c(
        anchored(
            "https://x",
            DOC_HASH,
            &["--anchor-data-file", "missing.txt"],
        ),
        "missing.txt: cannot read the file: no such file",
    );
    let pool_prefixed = pool_console::core::encoding::bech32::encode("pool", &[0; 33]).unwrap();
    c(vote_by_id(&pool_prefixed, &["--cold-verification-key-file", "cold.vkey"]), &format!("governance action id {} has the bech32 prefix \"pool\", but \"gov_action\" was expected", quote(&pool_prefixed)));
    let short_id = pool_console::core::encoding::bech32::encode("gov_action", &[0; 32]).unwrap();
    c(vote_by_id(&short_id, &["--cold-verification-key-file", "cold.vkey"]), &format!("governance action id {} holds 32 bytes; a gov_action1… id holds 33 (the 32-byte transaction id and a one-byte index) or 34 (a two-byte index)", quote(&short_id)));
    c(vote_by_id(ZERO_17, &["--stake-pool-id", "abcd"]), "--stake-pool-id \"abcd\" is 2 bytes; a pool id is 28 bytes (56 hex characters or pool1… bech32)");
    c(vote_by_id(ZERO_17, &["--cold-verification-key-file", "vrf.vkey"]), &format!("vrf.vkey: is a VRF verification key (VrfVerificationKey_PraosVRF), but {COLD_KINDS} is needed here"));
    c(vote_by_id(ZERO_17, &["--cc-hot-verification-key-file", "drep.vkey"]), "drep.vkey: has type \"DRepVerificationKey_ed25519\", but a constitutional committee hot verification key was expected");
    let mut over_key = vote_by_id(ZERO_17, &["--cold-verification-key-file", "cold.vkey"]);
    over_key[7] = "cold.vkey".to_owned();
    c(over_key, "cold.vkey: the file holds a stake pool cold verification key; an output never replaces a key or counter file (choose another output name)");
    usage_case(
        d,
        &vote("0", &["--no"]),
        "the argument '--yes' cannot be used with '--no'",
    );
}

#[test]
fn views_and_anchor_hashes_refuse_bad_input() {
    let w = workspace();
    let d = w.path();
    case(
        d,
        &s(&["governance", "vote", "view", "--vote-file", "cold.vkey"]),
        "governance vote view",
        "cold.vkey: has type \"StakePoolVerificationKey_ed25519\", but a vote file (Governance voting procedures) was expected",
    );
    // What cardano-cli 11.2 writes for a 129-byte URL, and then cannot read back either.
    let long = format!(
        "a18204581c{}a1825820{TX}0082018278{:02x}{}5820{DOC_HASH}",
        "11".repeat(28),
        129,
        "61".repeat(129)
    );
    std::fs::write(
        d.join("long.vote"),
        format!("{{\"type\": \"Governance voting procedures\", \"description\": \"\", \"cborHex\": \"{long}\"}}"),
    )
    .unwrap();
    case(
        d,
        &s(&["governance", "vote", "view", "--vote-file", "long.vote"]),
        "governance vote view",
        "long.vote: the anchor URL is 129 bytes; the ledger accepts at most 128 (use a shorter link, e.g. an ipfs:// one)",
    );
    let hash = "hash anchor-data";
    case(d, &s(&["hash", "anchor-data", "--url", "https://example.com/a.jsonld"]), hash, "--url needs to download the anchor document, and pool-console works offline: download it on the online machine, bring it over, and give it with --file-binary FILE instead");
    case(
        d,
        &s(&[
            "hash",
            "anchor-data",
            "--text",
            "x",
            "--expected-hash",
            "abcd",
        ]),
        hash,
        "--expected-hash is 2 bytes; it must be 32 bytes (64 hex characters)",
    );
    case(
        d,
        &s(&["hash", "anchor-data", "--file-text", "missing.txt"]),
        hash,
        "missing.txt: cannot read the file: no such file",
    );
    // A hash written over a key is refused like any other output.
    case(d, &s(&["hash", "anchor-data", "--text", "x", "--out-file", "cold.vkey"]), hash, "cold.vkey: the file holds a stake pool cold verification key; an output never replaces a key or counter file (choose another output name)");
}
