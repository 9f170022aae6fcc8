//! `governance vote create|view` and `hash anchor-data`: every governance golden file of
//! cardano-cli byte for byte, the derived SPO votes, and SPO votes of fresh cold keys (plain
//! and CIP-1853 extended) checked field by field.
#![allow(clippy::disallowed_methods, clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{assert_same_file, fails, ok, plain_and_extended_cold_keys, read, vector, vector_str};
use pool_console::core::encoding::envelope::TextEnvelope;
use pool_console::core::encoding::hash::{blake2b_224, blake2b_256};
use pool_console::core::governance::{GovActionId, Vote, Voter, VotingProcedures};
use std::path::Path;
use tempfile::TempDir;

const TX: &str = "b1015258a99351c143a7a40b7b58f033ace10e3cc09c67780ed5b2b0992aa60a";
const TX_CC: &str = "d21d997b5dbdd90180b642c3f4f2653cea629f6134cd9dc820d0fe6f11b54af4";
const URL: &str = "https://example.com/vote";
const HASH: &str = "6163683a90d8cb460a38cdcf0d7bab286f0f004ec6e761dc670c2ca4d3709a17";
const EXAMPLE_HASH: &str = "de38a4f5b8b9d8372386cc923bad19d1a0662298cf355bbe947e5eedf127fa9c";

fn create(dir: &Path, era: &[&str], extra: &[&str]) {
    let mut args: Vec<&str> = era.to_vec();
    args.extend(["governance", "vote", "create"]);
    args.extend(extra);
    ok(dir, &args);
}

#[test]
fn the_golden_drep_vote_with_any_era_word() {
    let d = TempDir::new().unwrap();
    let drep = vector_str("input/governance/drep.vkey");
    for era in [&["conway"][..], &["latest"], &[]] {
        create(
            d.path(),
            era,
            &[
                "--yes",
                "--governance-action-tx-id",
                TX,
                "--governance-action-index",
                "5",
                "--drep-verification-key-file",
                &drep,
                "--out-file",
                "vote",
                "--anchor-url",
                URL,
                "--anchor-data-hash",
                HASH,
            ],
        );
        assert_same_file(&d.path().join("vote"), &vector("golden/governance/vote"));
    }
}

#[test]
fn the_golden_committee_votes() {
    let d = TempDir::new().unwrap();
    let cc = vector_str("input/governance/cc.vkey");
    for (flag, name) in [("--yes", "yes"), ("--no", "no"), ("--abstain", "abstain")] {
        let out = format!("vote_cc_{name}.json");
        create(
            d.path(),
            &["conway"],
            &[
                flag,
                "--governance-action-tx-id",
                TX_CC,
                "--governance-action-index",
                "0",
                "--cc-hot-verification-key-file",
                &cc,
                "--out-file",
                &out,
            ],
        );
        assert_same_file(
            &d.path().join(&out),
            &vector(&format!("golden/governance/{out}")),
        );
    }
}

#[test]
fn the_golden_views_to_stdout_and_to_a_file() {
    let d = TempDir::new().unwrap();
    let vote = vector_str("input/governance/vote");
    let json = ok(
        d.path(),
        &["conway", "governance", "vote", "view", "--vote-file", &vote],
    );
    assert_eq!(json, read(&vector("golden/governance/voteViewJSON")));
    ok(
        d.path(),
        &[
            "governance",
            "vote",
            "view",
            "--vote-file",
            &vote,
            "--output-json",
            "--out-file",
            "view.json",
        ],
    );
    assert_same_file(
        &d.path().join("view.json"),
        &vector("golden/governance/voteViewJSON"),
    );
    let yaml = ok(
        d.path(),
        &[
            "governance",
            "vote",
            "view",
            "--output-yaml",
            "--vote-file",
            &vote,
        ],
    );
    assert_eq!(yaml, read(&vector("golden/governance/voteViewYAML")));
    // A view replaces a view; its JSON and YAML are recognised as such.
    ok(
        d.path(),
        &[
            "governance",
            "vote",
            "view",
            "--vote-file",
            &vote,
            "--output-yaml",
            "--out-file",
            "view.json",
        ],
    );
    assert_same_file(
        &d.path().join("view.json"),
        &vector("golden/governance/voteViewYAML"),
    );
}

/// The three derived SPO votes: (voter flags, decision, tx, index, anchor, file stem).
/// Voter flags, decision, tx id, index, anchor (URL, hash), file stem.
type Case = (
    Vec<String>,
    &'static str,
    &'static str,
    &'static str,
    Option<(String, &'static str)>,
    &'static str,
);

fn derived_cases() -> Vec<Case> {
    let url128 = format!("https://example.com/{}/vote.jsonld", "a".repeat(96));
    vec![
        (
            vec![
                "--cold-verification-key-file".into(),
                vector_str("input/node-pool/operator.vkey"),
            ],
            "--yes",
            TX,
            "5",
            Some((URL.to_owned(), HASH)),
            "spo-operator-yes-anchor",
        ),
        (
            vec![
                "--cold-verification-key-file".into(),
                vector_str("input/conway/poolCold.vkey"),
            ],
            "--no",
            TX_CC,
            "0",
            None,
            "spo-poolCold-no",
        ),
        (
            vec![
                "--cold-verification-key-file".into(),
                vector_str("input/node-pool/extended-operator.vkey"),
            ],
            "--abstain",
            TX_CC,
            "65535",
            Some((url128, EXAMPLE_HASH)),
            "spo-extended-operator-abstain-ix65535-url128",
        ),
    ]
}

#[test]
fn the_derived_spo_votes_and_their_views() {
    let d = TempDir::new().unwrap();
    for (voter, decision, tx, index, anchor, stem) in derived_cases() {
        let mut args: Vec<String> = vec![
            decision.into(),
            "--governance-action-tx-id".into(),
            tx.into(),
            "--governance-action-index".into(),
            index.into(),
        ];
        args.extend(voter.clone());
        if let Some((url, hash)) = &anchor {
            args.extend([
                "--anchor-url".into(),
                url.clone(),
                "--anchor-data-hash".into(),
                hash.to_string(),
            ]);
        }
        args.extend(["--out-file".into(), "spo.vote".into()]);
        create(
            d.path(),
            &["conway"],
            &args.iter().map(String::as_str).collect::<Vec<_>>(),
        );
        let golden = vector(&format!("derived/governance/{stem}.vote"));
        assert_same_file(&d.path().join("spo.vote"), &golden);
        let view = ok(
            d.path(),
            &["governance", "vote", "view", "--vote-file", "spo.vote"],
        );
        assert_eq!(
            view,
            read(&vector(&format!("derived/governance/{stem}.view.json"))),
            "{stem}"
        );
        // The same vote with the pool given by its id (hex and bech32), and the action by its
        // CIP-129 id, is the same file.
        let id_hex = String::from_utf8(ok(
            d.path(),
            &["stake-pool", "id", &voter[0], &voter[1], "--output-hex"],
        ))
        .unwrap();
        let id_bech32 =
            String::from_utf8(ok(d.path(), &["stake-pool", "id", &voter[0], &voter[1]])).unwrap();
        let action = GovActionId::new(
            hex::decode(tx).unwrap().try_into().unwrap(),
            index.parse().unwrap(),
        )
        .to_bech32();
        for id in [id_hex.trim(), id_bech32.trim()] {
            let mut again: Vec<String> = vec![
                decision.into(),
                "--governance-action-id".into(),
                action.clone(),
                "--stake-pool-id".into(),
                id.into(),
                "--out-file".into(),
                "again.vote".into(),
            ];
            if let Some((url, hash)) = &anchor {
                again.extend([
                    "--anchor-url".into(),
                    url.clone(),
                    "--anchor-data-hash".into(),
                    hash.to_string(),
                ]);
            }
            create(
                d.path(),
                &[],
                &again.iter().map(String::as_str).collect::<Vec<_>>(),
            );
            assert_same_file(&d.path().join("again.vote"), &golden);
        }
    }
}

/// Reads a vote file back and checks each field of its single vote, and the raw CBOR layout.
fn check_spo_vote(path: &Path, pool_id: [u8; 28], tx: [u8; 32], index: u16, vote: Vote) {
    let env = TextEnvelope::parse(&read(path)).unwrap();
    assert_eq!(env.type_name, "Governance voting procedures");
    assert_eq!(env.description, "");
    let cbor = env.cbor.expose().to_vec();
    let votes = VotingProcedures::decode(&cbor).unwrap();
    assert_eq!(votes.len(), 1);
    let (voter, action, procedure) = votes.iter().next().unwrap();
    assert_eq!(*voter, Voter::StakePool(pool_id));
    assert_eq!(*action, GovActionId::new(tx, index));
    assert_eq!(procedure.vote, vote);
    assert_eq!(procedure.anchor, None);
    // a1 {8204 581c <pool id>: a1 {[5820 <tx>, index]: [vote, null]}}
    let mut expected = hex::decode("a18204581c").unwrap();
    expected.extend(pool_id);
    expected.extend(hex::decode("a1825820").unwrap());
    expected.extend(tx);
    let index_head = match index {
        0..=23 => vec![index as u8],
        24..=255 => vec![0x18, index as u8],
        _ => vec![0x19, (index >> 8) as u8, index as u8],
    };
    expected.extend(index_head);
    expected.extend([0x82, vote_number(vote), 0xf6]);
    assert_eq!(cbor.len(), expected.len());
    assert_eq!(cbor, expected);
}

fn vote_number(v: Vote) -> u8 {
    match v {
        Vote::No => 0,
        Vote::Yes => 1,
        Vote::Abstain => 2,
    }
}

#[test]
fn spo_votes_of_fresh_cold_keys_plain_and_extended() {
    let d = TempDir::new().unwrap();
    let p = d.path();
    plain_and_extended_cold_keys(p);
    let tx = [0x5a; 32];
    for (vkey, extended, vote, flag, index) in [
        ("cold.vkey", false, Vote::Yes, "--yes", 3u16),
        ("x.vkey", true, Vote::No, "--no", 200),
    ] {
        let env = TextEnvelope::parse(&read(&p.join(vkey))).unwrap();
        let key = pool_console::core::encoding::cbor::decode_bytes(env.cbor.expose(), "key")
            .unwrap()
            .to_vec();
        assert_eq!(key.len(), if extended { 64 } else { 32 });
        let pool_id = blake2b_224(&key[..32]);
        let printed = ok(
            p,
            &[
                "stake-pool",
                "id",
                "--cold-verification-key-file",
                vkey,
                "--output-hex",
            ],
        );
        assert_eq!(
            String::from_utf8(printed).unwrap().trim(),
            hex::encode(pool_id)
        );
        let out = format!("{vkey}.vote");
        create(
            p,
            &["latest"],
            &[
                flag,
                "--governance-action-tx-id",
                &hex::encode(tx),
                "--governance-action-index",
                &index.to_string(),
                "--cold-verification-key-file",
                vkey,
                "--out-file",
                &out,
            ],
        );
        check_spo_vote(&p.join(&out), pool_id, tx, index, vote);
    }
}

#[test]
fn hash_anchor_data_text_binary_and_typed() {
    let d = TempDir::new().unwrap();
    let p = d.path();
    for (file, golden) in [
        (
            "example_anchor_data.txt",
            "hash-anchor-data_example_anchor_data.txt.out",
        ),
        (
            "example_anchor_data2.txt",
            "hash-anchor-data_example_anchor_data2.txt.out",
        ),
    ] {
        let input = vector_str(&format!("input/governance/{file}"));
        let expected = read(&vector(&format!("golden/governance/{golden}")));
        for flag in ["--file-binary", "--file-text"] {
            assert_eq!(ok(p, &["hash", "anchor-data", flag, &input]), expected);
            assert_eq!(
                ok(p, &["conway", "hash", "anchor-data", flag, &input]),
                expected
            );
        }
        ok(
            p,
            &[
                "hash",
                "anchor-data",
                "--file-binary",
                &input,
                "--out-file",
                "hash.txt",
            ],
        );
        assert_eq!(read(&p.join("hash.txt")), expected);
    }
    for text in [
        "foo",
        "longerText",
        "nonAscii: 你好",
        "nonAscii: à la mode de Cæn",
    ] {
        let printed = ok(p, &["hash", "anchor-data", "--text", text]);
        assert_eq!(
            printed,
            hex::encode(blake2b_256(text.as_bytes())).into_bytes()
        );
        ok(
            p,
            &[
                "hash",
                "anchor-data",
                "--text",
                text,
                "--out-file",
                "hash.txt",
            ],
        );
        assert_eq!(read(&p.join("hash.txt")), printed);
    }
    let input = vector_str("input/governance/example_anchor_data.txt");
    assert_eq!(
        ok(
            p,
            &[
                "hash",
                "anchor-data",
                "--file-binary",
                &input,
                "--expected-hash",
                EXAMPLE_HASH
            ]
        ),
        b"Hashes match!\n"
    );
    let wrong = format!("e{}", &EXAMPLE_HASH[1..]);
    let err = fails(
        p,
        &[
            "hash",
            "anchor-data",
            "--file-binary",
            &input,
            "--expected-hash",
            &wrong,
        ],
    );
    assert_eq!(
        err,
        format!("Command failed: hash anchor-data\nError: Hashes do not match!\nExpected: \"{wrong}\"\n  Actual: \"{EXAMPLE_HASH}\"\n")
    );
}

#[test]
fn a_local_anchor_copy_checks_the_hash_as_cardano_cli_does_online() {
    let d = TempDir::new().unwrap();
    let p = d.path();
    let drep = vector_str("input/governance/drep.vkey");
    let data = vector_str("input/governance/example_anchor_data.txt");
    let args = |hash: &'static str| -> Vec<String> {
        [
            "governance",
            "vote",
            "create",
            "--yes",
            "--governance-action-tx-id",
            TX,
            "--governance-action-index",
            "5",
            "--drep-verification-key-file",
            &drep,
            "--out-file",
            "vote",
            "--anchor-url",
            "ipfs://QmbL5EBFJLf8DdPkWAskG3Euin9tHY8naqQ2JDoHnWHHXJ",
            "--anchor-data-hash",
            hash,
            "--anchor-data-file",
            &data,
        ]
        .iter()
        .map(ToString::to_string)
        .collect()
    };
    let wrong = args("ee38a4f5b8b9d8372386cc923bad19d1a0662298cf355bbe947e5eedf127fa9c");
    let err = fails(p, &wrong.iter().map(String::as_str).collect::<Vec<_>>());
    // cardano-cli's golden message for the same mismatch (found online there).
    assert_eq!(
        err.as_bytes(),
        read(&vector(
            "golden/governance/governance_vote_create_hash_fails.out"
        ))
    );
    assert!(!p.join("vote").exists());
    let right = args(EXAMPLE_HASH);
    ok(p, &right.iter().map(String::as_str).collect::<Vec<_>>());
    let votes =
        VotingProcedures::from_envelope(&TextEnvelope::parse(&read(&p.join("vote"))).unwrap())
            .unwrap();
    let (_, _, procedure) = votes.iter().next().unwrap();
    assert_eq!(
        hex::encode(procedure.anchor.as_ref().unwrap().data_hash),
        EXAMPLE_HASH
    );
}
