//! `inspect`: plain-language descriptions of every file kind.
#![allow(clippy::disallowed_methods, clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{fails, ok, vector_str};
use tempfile::TempDir;

fn inspect(rel: &str) -> String {
    let d = TempDir::new().unwrap();
    String::from_utf8(ok(d.path(), &["inspect", &vector_str(rel)])).unwrap()
}

fn has(out: &str, line: &str) {
    assert!(
        out.contains(&format!("{line}\n")),
        "missing {line:?} in:\n{out}"
    );
}

#[test]
fn registration_certificate_fields_in_plain_language() {
    let out = inspect("derived/pool-registration/conway-mainnet-full.cert");
    has(
        &out,
        "conway-mainnet-full.cert: Certificate: stake pool registration",
    );
    has(
        &out,
        "  Pool id (bech32):     pool1gyj2ps463fa6qkpyk00j8acx58ytxgu5g643vuy6apd2zmszdzp",
    );
    has(
        &out,
        "  Pool id (hex):        4124a0c2ba8a7ba05824b3df23f706a1c8b3239446ab16709ae85aa1",
    );
    // Digits grouped by no-break spaces, so a missing zero shows.
    has(
        &out,
        "  Pledge:               100\u{a0}000 ADA (100\u{a0}000\u{a0}000\u{a0}000 lovelace)",
    );
    // Owners as stake addresses, not key hashes.
    has(
        &out,
        "  Owner 1:              stake1u96fgs8c0zjm52kr4vpahhkx4cadtjylqm7fcqckzx28sqcdlklal",
    );
    has(&out, "  Margin:               1.5% (3/200)");
    has(
        &out,
        "  Relay 2:              [2001:db8::1]:3002 [IP address]",
    );
    has(
        &out,
        "  Relay 5:              SRV _cardano._tcp.example.com [DNS SRV record]",
    );
    has(
        &out,
        "  Metadata URL:         https://example.com/poolMetadata.json",
    );
    has(&out, "  warning: relay 1: 203.0.113.10 is a private or reserved address: other pools on the internet cannot reach it");
    let babbage = inspect("derived/pool-registration/babbage-mainnet-full.cert");
    has(
        &babbage,
        "  Encoding:             pre-Conway (Shelley to Babbage)",
    );
}

#[test]
fn opcert_signature_checked() {
    let out = inspect("third-party/dingo-devnet/opcert.cert");
    has(&out, "  Cold key signature:    valid");
    has(&out, "  Issue number:          0");
    // The 2020 cardano-cli fixture signs the pre-release message: shown as invalid.
    let legacy = inspect("input/certificates_legacy_shelley/operational_certificate");
    has(&legacy, "  Cold key signature:    INVALID");
    has(&legacy, "  warning: the cold key signature does not verify: a node would reject blocks made with this certificate");
}

#[test]
fn keys_counters_and_metadata() {
    let out = inspect("input/node-pool/vrf.vkey");
    has(&out, "  VRF key hash:              6aa5f600f54659d456dc2628997df23d98f8f85681edd3e6f4a9340cb06b8db7");
    let sk = inspect("input/keys/stake_keys/signing_key");
    has(&sk, "  Secret:                    32 bytes (not shown)");
    has(
        &sk,
        "  Stake key hash:            81b4245f84593f63c0ff2296930254f77a0690fa9de5f969cac27cb0",
    );
    has(
        &sk,
        "  Stake address:             stake1uxqmgfzls3vn7c7qlu3fdycz2nmh5p5sl2w7t7tfetp8evqacghf3",
    );
    let counter = inspect("derived/opcert/n7-p350/counter-after");
    has(&counter, "  Next issue number:     8");
    let meta = inspect("input/metadata/example_stake_pool_metadata.json");
    has(&meta, "  Ticker:             GPC");
    has(&meta, "  Size:               113 of 512 bytes");
    has(
        &meta,
        "  Hash (blake2b-256): 8241de08075886a7d09c847c9bbd1719459dac0bd0a2f085e673611ebb9a5965",
    );
}

#[test]
fn json_output_and_failures_per_file() {
    let d = TempDir::new().unwrap();
    let out = ok(
        d.path(),
        &[
            "inspect",
            "--output-json",
            &vector_str("golden/stake-address/reg-certificate-1.json"),
        ],
    );
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v[0]["title"], "Certificate: stake address registration");
    assert_eq!(
        v[0]["fields"]["Deposit"],
        "2 ADA (2\u{a0}000\u{a0}000 lovelace)"
    );
    std::fs::write(d.path().join("junk"), "junk").unwrap();
    let err = fails(d.path(), &["inspect", "junk"]);
    assert_eq!(err, "Command failed: inspect\nError: junk: is not a file this tool knows: not a text envelope, a bech32 key or pool metadata JSON\n");
}

#[test]
fn text_view_decode_cbor_formats() {
    let d = TempDir::new().unwrap();
    let cert = vector_str("derived/pool-deregistration/operator-epoch-300.cert");
    let text = String::from_utf8(ok(
        d.path(),
        &["text-view", "decode-cbor", "--in-file", &cert],
    ))
    .unwrap();
    assert_eq!(
        text,
        "\n83  # list(3)\n   04  # int(4)\n   58 1c 41 24 a0 c2 ba 8a 7b a0 58 24 b3 df 23 f7 \n   06 a1 c8 b3 23 94 46 ab 16 70 9a e8 5a a1  # bytes(28)\n   19 01 2c  # int(300)\n"
    );
    let json = String::from_utf8(ok(
        d.path(),
        &[
            "latest",
            "text-view",
            "decode-cbor",
            "--in-file",
            &cert,
            "--output-json",
        ],
    ))
    .unwrap();
    assert_eq!(
        json,
        "{\n    \"cborHex\": \"8304581c4124a0c2ba8a7ba05824b3df23f706a1c8b3239446ab16709ae85aa119012c\",\n    \"description\": \"Stake Pool Retirement Certificate\",\n    \"type\": \"Certificate\"\n}"
    );
    ok(
        d.path(),
        &[
            "text-view",
            "decode-cbor",
            "--in-file",
            &cert,
            "--out-file",
            "out.txt",
        ],
    );
    assert_eq!(
        std::fs::read_to_string(d.path().join("out.txt")).unwrap(),
        text
    );
    std::fs::write(
        d.path().join("bad"),
        r#"{"type":"Certificate","description":"","cborHex":"8304"}"#,
    )
    .unwrap();
    let err = fails(d.path(), &["text-view", "decode-cbor", "--in-file", "bad"]);
    assert_eq!(err, "Command failed: text-view decode-cbor\nError: bad: the CBOR ends early (truncated data) while reading a CBOR item\n");
}

#[test]
fn vote_files_in_words() {
    let drep = inspect("golden/governance/vote");
    assert!(drep.ends_with(
        "vote: Governance vote\n\
        \x20 Voter:       DRep key drep1yt4sn424d29uussswn3ef5pv088dje6pv4a5ea723x2jjngc7ws7c (eb09d5556a8bce421074e394d02c79ced96741657b4cf7ca8995294d)\n\
        \x20 Action:      gov_action1kyq4yk9fjdguzsa85s9hkk8sxwkwzr3uczwxw7qw6ketpxf25c9q2xyhz6m (b1015258a99351c143a7a40b7b58f033ace10e3cc09c67780ed5b2b0992aa60a#5)\n\
        \x20 Vote:        Yes\n\
        \x20 Anchor URL:  https://example.com/vote\n\
        \x20 Anchor hash: 6163683a90d8cb460a38cdcf0d7bab286f0f004ec6e761dc670c2ca4d3709a17\n"
    ), "{drep}");
    let spo = inspect("derived/governance/spo-poolCold-no.vote");
    has(&spo, "  Vote:   No");
    has(&spo, "  Anchor: none");
    assert!(spo.contains("  Voter:  stake pool pool1"), "{spo}");
}

#[test]
fn a_transaction_in_words_with_the_witnesses_it_needs() {
    let body = inspect("input/transaction/txbody");
    let tail = "Transaction (Conway era)\n\
        \x20 Transaction id:   573a40ed296cc5b20cafbfcb0488717df7ec8e34977394ac896155b728856afc\n\
        \x20 Input 1:          54b5f2d5ed0fa142e724c9a982864d9e080b10648a66c8f7956eb3cc2cf16c00#0\n\
        \x20 Output 1:         9\u{a0}492.754285 ADA to addr_test1vpfwv0ezc5g8a4mkku8hhy3y3vp92t7s3ul8g778g5yegsgalc6gc\n\
        \x20 Fee:              0.196433 ADA\n\
        \x20 Valid:            before slot 10080733\n\
        \x20 Certificate 1:    stake pool registration\n\
        \x20 Certificate 2:    stake delegation\n\
        \x20 Witness needed 1: not signed yet: cold key of pool1um4ev0jer0rxgqd4u8rk8axfhsn6mavwkus0v0yqnxqaw9wjprh (key hash e6eb963e591bc66401b5e1c763f4c9bc27adf58eb720f63c809981d7)\n\
        \x20 Witness needed 2: not signed yet: owner of pool1um4ev0jer0rxgqd4u8rk8axfhsn6mavwkus0v0yqnxqaw9wjprh, stake key for a certificate (key hash 5e35891efec9c4a4e08d2a6a6d03598056d014e287618548e2556f8c)\n\
        \x20 Key witnesses:    0 carried; the payment keys of the inputs are not named in a body\n";
    assert!(body.ends_with(tail), "{body}");
    // cardano-cli's assembled transaction carries the cold key's witness, which signs it.
    let assembled = inspect("golden/transaction/assemble_out");
    has(&assembled, "  Witness needed 1: signed: cold key of pool1um4ev0jer0rxgqd4u8rk8axfhsn6mavwkus0v0yqnxqaw9wjprh (key hash e6eb963e591bc66401b5e1c763f4c9bc27adf58eb720f63c809981d7)");
    has(
        &assembled,
        "  Key witnesses:    1 carried; the payment keys of the inputs are not named in a body",
    );
    assert!(!assembled.contains("warning"), "{assembled}");
}

#[test]
fn a_witness_that_does_not_sign_the_body_is_called_out() {
    use pool_console::core::transaction::TxFile;
    // cardano-cli's assembled transaction with one bit of its witness's signature flipped.
    let mut tx = TxFile::from_file_contents(&common::read(&common::vector(
        "golden/transaction/assemble_out",
    )))
    .unwrap();
    let witness = tx.key_witnesses().unwrap().remove(0);
    let at = tx
        .cbor
        .windows(64)
        .position(|w| w == witness.signature)
        .unwrap();
    tx.cbor[at] ^= 1;
    let d = TempDir::new().unwrap();
    let path = d.path().join("tx.signed");
    std::fs::write(&path, tx.to_envelope().render().expose()).unwrap();
    let out = String::from_utf8(ok(d.path(), &["inspect", path.to_str().unwrap()])).unwrap();
    has(
        &out,
        "  warning: the witness of key hash e6eb963e591bc66401b5e1c763f4c9bc27adf58eb720f63c809981d7 does not sign this body (it was made for another transaction, or is damaged): drop it and sign again",
    );
    has(&out, "  Witness needed 1: not signed yet: cold key of pool1um4ev0jer0rxgqd4u8rk8axfhsn6mavwkus0v0yqnxqaw9wjprh (key hash e6eb963e591bc66401b5e1c763f4c9bc27adf58eb720f63c809981d7)");
}

#[test]
fn a_damaged_witness_set_still_shows_the_body() {
    use pool_console::core::transaction::TxFile;
    let good =
        TxFile::from_file_contents(&common::read(&common::vector("input/transaction/txbody")))
            .unwrap();
    // [body, {0: 5}, true, null]: key witnesses that are not a list.
    let mut cbor = vec![0x84];
    cbor.extend_from_slice(good.body().unwrap());
    cbor.extend_from_slice(&[0xa1, 0x00, 0x05, 0xf5, 0xf6]);
    let tx = TxFile { cbor, ..good };
    let d = TempDir::new().unwrap();
    let path = d.path().join("tx.signed");
    std::fs::write(&path, tx.to_envelope().render().expose()).unwrap();
    let out = String::from_utf8(ok(d.path(), &["inspect", path.to_str().unwrap()])).unwrap();
    has(&out, "  Fee:            0.196433 ADA");
    assert!(
        out.contains("  warning: the witnesses cannot be read ("),
        "{out}"
    );
    assert!(!out.contains("Witness needed"), "{out}");
}
