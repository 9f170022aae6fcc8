#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use super::view::{view_json, view_yaml};
use super::*;
use crate::core::encoding::envelope::TextEnvelope;

/// A vector under tests/data/cardano-cli/, built in (the core reads no files).
macro_rules! file {
    ($rel:literal) => {
        include_bytes!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/cardano-cli/",
            $rel
        ))
        .as_slice()
    };
}

fn h28(s: &str) -> [u8; 28] {
    hex::decode(s).unwrap().try_into().unwrap()
}

fn h32(s: &str) -> [u8; 32] {
    hex::decode(s).unwrap().try_into().unwrap()
}

const DREP: &str = "eb09d5556a8bce421074e394d02c79ced96741657b4cf7ca8995294d";
const TX: &str = "b1015258a99351c143a7a40b7b58f033ace10e3cc09c67780ed5b2b0992aa60a";
const HASH: &str = "6163683a90d8cb460a38cdcf0d7bab286f0f004ec6e761dc670c2ca4d3709a17";

fn golden_vote() -> VotingProcedures {
    VotingProcedures::single(
        Voter::DrepKey(h28(DREP)),
        GovActionId::new(h32(TX), 5),
        VotingProcedure {
            vote: Vote::Yes,
            anchor: Some(Anchor::new("https://example.com/vote", h32(HASH)).unwrap()),
        },
    )
}

#[test]
fn the_golden_drep_vote_byte_for_byte() {
    let v = golden_vote();
    assert_eq!(
        v.to_envelope().render().expose(),
        file!("golden/governance/vote")
    );
    let env = TextEnvelope::parse(file!("golden/governance/vote")).unwrap();
    assert_eq!(VotingProcedures::from_envelope(&env).unwrap(), v);
}

#[test]
fn the_golden_views() {
    let v = golden_vote();
    assert_eq!(
        view_json(&v).as_bytes(),
        file!("golden/governance/voteViewJSON")
    );
    assert_eq!(
        view_yaml(&v).as_bytes(),
        file!("golden/governance/voteViewYAML")
    );
}

#[test]
fn committee_votes_and_the_hot_key_hash() {
    let env = TextEnvelope::parse(file!("input/governance/cc.vkey")).unwrap();
    let hash = committee_hot_key_hash(&env).unwrap();
    assert_eq!(
        hex::encode(hash),
        "96ded47e88ee07c28ec3c2bf5ea156e37e544ff5beb5348d3c653282"
    );
    let tx = h32("d21d997b5dbdd90180b642c3f4f2653cea629f6134cd9dc820d0fe6f11b54af4");
    for (vote, golden) in [
        (Vote::Yes, file!("golden/governance/vote_cc_yes.json")),
        (Vote::No, file!("golden/governance/vote_cc_no.json")),
        (
            Vote::Abstain,
            file!("golden/governance/vote_cc_abstain.json"),
        ),
    ] {
        let v = VotingProcedures::single(
            Voter::CommitteeKey(hash),
            GovActionId::new(tx, 0),
            VotingProcedure { vote, anchor: None },
        );
        assert_eq!(v.to_envelope().render().expose(), golden);
    }
    // A DRep key is not a committee key.
    let drep = TextEnvelope::parse(file!("input/governance/drep.vkey")).unwrap();
    assert!(committee_hot_key_hash(&drep).is_err());
}

#[test]
fn derived_spo_votes_read_and_view() {
    for (name, text, view) in [
        (
            "yes-anchor",
            file!("derived/governance/spo-operator-yes-anchor.vote"),
            file!("derived/governance/spo-operator-yes-anchor.view.json"),
        ),
        (
            "poolCold-no",
            file!("derived/governance/spo-poolCold-no.vote"),
            file!("derived/governance/spo-poolCold-no.view.json"),
        ),
        (
            "limits",
            file!("derived/governance/spo-extended-operator-abstain-ix65535-url128.vote"),
            file!("derived/governance/spo-extended-operator-abstain-ix65535-url128.view.json"),
        ),
    ] {
        let v = VotingProcedures::from_envelope(&TextEnvelope::parse(text).unwrap()).unwrap();
        assert_eq!(v.to_envelope().render().expose(), text, "{name}");
        assert_eq!(view_json(&v).as_bytes(), view, "{name}");
        let (voter, _, _) = v.iter().next().unwrap();
        assert!(matches!(voter, Voter::StakePool(_)), "{name}");
    }
}

#[test]
fn cip_129_vectors() {
    let zero = GovActionId::new([0; 32], 17);
    assert_eq!(
        zero.to_bech32(),
        "gov_action1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqpzklpgpf"
    );
    let ones = GovActionId::new([0x11; 32], 0);
    assert_eq!(
        ones.to_bech32(),
        "gov_action1zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zygsq6dmejn"
    );
    for id in [zero, ones, GovActionId::new([7; 32], 255)] {
        assert_eq!(GovActionId::from_bech32(&id.to_bech32()).unwrap(), id);
    }
    // Above 255 the index takes two bytes.
    let big = GovActionId::new([9; 32], 65535);
    let (_, bytes) = crate::core::encoding::bech32::decode(&big.to_bech32()).unwrap();
    assert_eq!(bytes.len(), 34);
    assert_eq!(GovActionId::from_bech32(&big.to_bech32()).unwrap(), big);
    assert!(GovActionId::from_bech32(
        "pool1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqpzklpgpf"
    )
    .is_err());
    let short = crate::core::encoding::bech32::encode("gov_action", &[0; 32]).unwrap();
    assert!(GovActionId::from_bech32(&short)
        .unwrap_err()
        .to_string()
        .contains("holds 32 bytes"));
}

#[test]
fn limits() {
    assert!(Anchor::new(&"a".repeat(128), [0; 32]).is_ok());
    assert_eq!(
        Anchor::new(&"a".repeat(129), [0; 32]).unwrap_err(),
        GovernanceError::UrlTooLong { len: 129 }
    );
    assert_eq!(action_id::parse_index("65535").unwrap(), 65535);
    assert_eq!(
        action_id::parse_index("65536").unwrap_err(),
        GovernanceError::IndexTooLarge { index: 65536 }
    );
    assert!(action_id::parse_index("-1").is_err());
    assert!(action_id::parse_tx_id(&"ab".repeat(31)).is_err());
    assert!(action_id::parse_tx_id(&"ab".repeat(32)).is_ok());
    assert!(parse_hash32(&"zz".repeat(32), "--anchor-data-hash").is_err());
}

/// The golden vote's CBOR with one piece replaced.
fn golden_hex_with(from: &str, to: &str) -> Vec<u8> {
    let hex = hex::encode(golden_vote().encode());
    assert!(hex.contains(from), "{from}");
    hex::decode(hex.replacen(from, to, 1)).unwrap()
}

#[test]
fn decoding_refuses_what_the_ledger_refuses() {
    let bad = |from: &str, to: &str| VotingProcedures::decode(&golden_hex_with(from, to));
    assert_eq!(
        bad("a18202581c", "a18205581c").unwrap_err(),
        GovernanceError::ScriptPool
    );
    assert_eq!(
        bad("a18202581c", "a18206581c").unwrap_err(),
        GovernanceError::UnknownVoter { tag: 6 }
    );
    assert_eq!(
        bad("a60a0582", "a60a1a0001000082").unwrap_err(),
        GovernanceError::IndexTooLarge { index: 65536 }
    );
    assert_eq!(
        bad("05820182", "05820382").unwrap_err(),
        GovernanceError::UnknownVote { value: 3 }
    );
    assert_eq!(
        VotingProcedures::decode(&[0xa0]).unwrap_err(),
        GovernanceError::Empty
    );
    assert!(VotingProcedures::decode(&golden_vote().encode()[..20]).is_err());
    let mut trailing = golden_vote().encode();
    trailing.push(0);
    assert!(VotingProcedures::decode(&trailing).is_err());
    // A 129-byte URL: written by cardano-cli 11.2, refused by the ledger and by us.
    let long = VotingProcedures::single(
        Voter::StakePool([1; 28]),
        GovActionId::new([2; 32], 0),
        VotingProcedure {
            vote: Vote::No,
            anchor: Some(Anchor::new("x", [3; 32]).unwrap()),
        },
    );
    let hex = hex::encode(long.encode()).replacen("6178", &format!("7881{}", "78".repeat(129)), 1);
    assert_eq!(
        VotingProcedures::decode(&hex::decode(hex).unwrap()).unwrap_err(),
        GovernanceError::UrlTooLong { len: 129 }
    );
}

#[test]
fn indefinite_lengths_read_like_definite_ones() {
    // {_ [_ 4, h] : {_ [txid, 0]: [0, null]}} with indefinite maps and arrays.
    let hex = format!(
        "bf9f04581c{}ffbf825820{}00 8200f6ffff",
        "11".repeat(28),
        "22".repeat(32)
    )
    .replace(' ', "");
    let v = VotingProcedures::decode(&hex::decode(hex).unwrap()).unwrap();
    let (voter, action, p) = v.iter().next().unwrap();
    assert_eq!(*voter, Voter::StakePool([0x11; 28]));
    assert_eq!(*action, GovActionId::new([0x22; 32], 0));
    assert_eq!(p.vote, Vote::No);
}

#[test]
fn several_votes_in_ledger_order_and_views_sorted_as_text() {
    let mut v = VotingProcedures::default();
    let p = |vote| VotingProcedure { vote, anchor: None };
    v.insert(
        Voter::StakePool([1; 28]),
        GovActionId::new([2; 32], 5),
        p(Vote::Yes),
    );
    v.insert(
        Voter::StakePool([1; 28]),
        GovActionId::new([2; 32], 10),
        p(Vote::No),
    );
    v.insert(
        Voter::DrepKey([9; 28]),
        GovActionId::new([2; 32], 0),
        p(Vote::Abstain),
    );
    v.insert(
        Voter::CommitteeKey([9; 28]),
        GovActionId::new([2; 32], 0),
        p(Vote::Abstain),
    );
    assert_eq!(v.len(), 4);
    let tags: Vec<u64> = v.voters().map(Voter::tag).collect();
    assert_eq!(tags, [0, 2, 4]);
    let indexes: Vec<u16> = v.iter().map(|(_, a, _)| a.index).collect();
    assert_eq!(indexes, [0, 0, 5, 10]);
    assert_eq!(VotingProcedures::decode(&v.encode()).unwrap(), v);
    let json = view_json(&v);
    let ten = json.find("#10\"").unwrap();
    let five = json.find("#5\"").unwrap();
    assert!(ten < five, "text order, as cardano-cli: {json}");
    assert!(json.find("committee-keyHash").unwrap() < json.find("drep-keyHash").unwrap());
    let yaml = view_yaml(&v);
    assert!(
        yaml.contains("    anchor: null\n    decision: VoteNo\n"),
        "{yaml}"
    );
}

#[test]
fn anchor_hash_of_the_example_documents() {
    let hash = |bytes: &[u8]| hex::encode(anchor_data_hash(bytes)).into_bytes();
    assert_eq!(
        hash(file!("input/governance/example_anchor_data.txt")),
        file!("golden/governance/hash-anchor-data_example_anchor_data.txt.out")
    );
    assert_eq!(
        hash(file!("input/governance/example_anchor_data2.txt")),
        file!("golden/governance/hash-anchor-data_example_anchor_data2.txt.out")
    );
}

/// CIP-105's test vector 1 (CIP-129 ids): a DRep key and script hash, a CC hot key and script.
#[test]
fn voters_in_cip129_form() {
    let h = |x: &str| <[u8; 28]>::try_from(hex::decode(x).unwrap()).unwrap();
    let cases = [
        (
            Voter::DrepKey(h(
                "a5b45515a3ff8cb7c02ce351834da324eb6dfc41b5779cb5e6b832aa",
            )),
            "drep1y2jmg4g450lced7q9n34rq6d5vjwkm0ugx6h0894u6ur92s9txn3a",
        ),
        (
            Voter::DrepScript(h(
                "d0657126dbf0c135a7224d91ca068f5bf769af6d1f1df0bce5170ec5",
            )),
            "drep1y0gx2ufxm0cvzdd8yfxerjsx3adlw6d0d503mu9uu5tsa3gtkvwpe",
        ),
        (
            Voter::CommitteeKey(h(
                "f6d29c0f7164d37610cbf67b126a993beb24a076d0653f1fa069588f",
            )),
            "cc_hot1qtmd98q0w9jdxasse0m8kyn2nya7kf9qwmgx20cl5p543rcdtr4dz",
        ),
        (
            Voter::CommitteeScript(h(
                "d27a4229c92ec8961b6bfd32a87380dcee4a08c77b0d6c8b33f180e8",
            )),
            "cc_hot1q0f85s3feyhv39smd07n92rnsrwwujsgcaas6mytx0ccp6q7ak53g",
        ),
    ];
    for (voter, id) in cases {
        assert_eq!(voter.to_bech32(), id, "{voter:?}");
    }
}
