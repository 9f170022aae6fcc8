use super::*;
use crate::core::encoding::cbor::CborWriter;
use crate::core::governance::{
    Anchor, GovActionId, Vote, Voter, VotingProcedure, VotingProcedures,
};
use crate::core::keys::address::{pool_bech32, Credential, Network};

const POOL: [u8; 28] = [0x9a; 28];
const ACTION_TX: [u8; 32] = [0x42; 32];

/// `{0: [[id, 0]], 1: [], 2: 0}` and the given fields.
fn body(extra: &[(u64, Vec<u8>)]) -> Vec<u8> {
    let mut w = CborWriter::new();
    w.map(3 + extra.len());
    w.uint(0).array(1).array(2).bytes(&[0x11; 32]).uint(0);
    w.uint(1).array(0).uint(2).uint(0);
    for (key, value) in extra {
        w.uint(*key).raw(value);
    }
    w.into_bytes()
}

/// The pool votes Yes on action #0 with an anchor and Abstain on #1 without.
fn two_pool_votes() -> Vec<u8> {
    let mut v = VotingProcedures::default();
    v.insert(
        Voter::StakePool(POOL),
        GovActionId::new(ACTION_TX, 0),
        VotingProcedure {
            vote: Vote::Yes,
            anchor: Some(Anchor::new("https://pool.example/why.jsonld", [7; 32]).unwrap()),
        },
    );
    v.insert(
        Voter::StakePool(POOL),
        GovActionId::new(ACTION_TX, 1),
        VotingProcedure {
            vote: Vote::Abstain,
            anchor: None,
        },
    );
    v.encode()
}

fn err(bytes: &[u8]) -> String {
    decode_body(bytes).unwrap_err().to_string()
}

#[test]
fn two_votes_of_one_pool_in_words_and_its_cold_key_needed() {
    let view = decode_body(&body(&[(19, two_pool_votes())])).unwrap();
    let words: Vec<String> = view.votes.iter().map(TxVote::words).collect();
    let id = |i: u16| GovActionId::new(ACTION_TX, i);
    assert_eq!(
        words,
        [
            format!(
                "Pool {} votes Yes on {} ({}#0), anchor https://pool.example/why.jsonld",
                pool_bech32(&POOL),
                id(0).to_bech32(),
                hex::encode(ACTION_TX)
            ),
            format!(
                "Pool {} votes Abstain on {} ({}#1), no anchor",
                pool_bech32(&POOL),
                id(1).to_bech32(),
                hex::encode(ACTION_TX)
            ),
        ]
    );
    assert_eq!(
        required_witnesses(&view),
        [Need {
            key_hash: POOL,
            roles: vec![Role::PoolVote { pool: POOL }]
        }]
    );
    assert_eq!(
        Role::PoolVote { pool: POOL }.describe(),
        format!("cold key of {}, to vote", pool_bech32(&POOL))
    );
}

#[test]
fn drep_and_committee_voters_need_their_keys_scripts_none() {
    let mut v = VotingProcedures::default();
    let no = VotingProcedure {
        vote: Vote::No,
        anchor: None,
    };
    for voter in [
        Voter::DrepKey([1; 28]),
        Voter::CommitteeKey([2; 28]),
        Voter::DrepScript([3; 28]),
    ] {
        v.insert(voter, GovActionId::new(ACTION_TX, 4), no.clone());
    }
    let view = decode_body(&body(&[(19, v.encode())])).unwrap();
    let need = |key_hash, role| Need {
        key_hash,
        roles: vec![role],
    };
    assert_eq!(
        required_witnesses(&view),
        [
            need([2; 28], Role::CommitteeVote),
            need([1; 28], Role::DrepVote)
        ]
    );
    assert!(view.votes[0].words().starts_with(&format!(
        "Committee hot {} (key hash {}) votes No",
        Voter::CommitteeKey([2; 28]).to_bech32(),
        hex::encode([2; 28])
    )));
}

/// `[deposit, stake address, [tag, …], [url, hash]]` with `items` after the tag.
fn proposal(tag: u64, items: usize, url: &str) -> Vec<u8> {
    let account = RewardAccount::new(Network::Mainnet, Credential::Key([0x3d; 28]));
    let mut w = CborWriter::new();
    w.array(4)
        .uint(100_000_000_000)
        .bytes(&account.to_bytes())
        .array(items + 1)
        .uint(tag);
    for _ in 0..items {
        w.null();
    }
    w.array(2).text(url).bytes(&[5; 32]);
    w.into_bytes()
}

fn proposals(items: &[Vec<u8>]) -> Vec<u8> {
    let mut w = CborWriter::new();
    w.tag(258).array(items.len());
    for p in items {
        w.raw(p);
    }
    w.into_bytes()
}

#[test]
fn proposals_in_words_and_they_need_no_key() {
    let view = decode_body(&body(&[(
        20,
        proposals(&[
            proposal(6, 0, "https://x.example/info"),
            proposal(3, 1, "ipfs://Qm"),
        ]),
    )]))
    .unwrap();
    let stake = RewardAccount::new(Network::Mainnet, Credential::Key([0x3d; 28]))
        .to_bech32()
        .unwrap();
    let words: Vec<String> = view.proposals.iter().map(TxProposal::words).collect();
    assert_eq!(
        words,
        [
            format!("Proposal: Info action, deposit 100\u{a0}000 ADA, returned to {stake}, anchor https://x.example/info"),
            format!("Proposal: No confidence, deposit 100\u{a0}000 ADA, returned to {stake}, anchor ipfs://Qm"),
        ]
    );
    assert!(required_witnesses(&view).is_empty());
}

#[test]
fn bad_votes_and_proposals_are_named_by_field() {
    // The vote 7 where 0, 1 or 2 belongs: the last procedure's `[1, null]` becomes `[7, null]`.
    let mut votes = two_pool_votes();
    let at = votes.len() - 2;
    assert_eq!(votes[at..], [0x02, 0xf6]);
    votes[at] = 0x07;
    assert_eq!(
        err(&body(&[(19, votes)])),
        "field 19 (voting procedures) cannot be read: vote 7 is not a vote (0: No, 1: Yes, 2: Abstain); rebuild the transaction with cardano-cli"
    );
    assert_eq!(
        err(&body(&[(19, vec![0xa0])])),
        "field 19 (voting procedures) cannot be read: the voting procedures hold no votes (the ledger needs at least one); rebuild the transaction with cardano-cli"
    );
    assert_eq!(
        err(&body(&[(20, proposals(&[proposal(9, 0, "u")]))])),
        "proposal 0 (field 20) has governance action type 9; the ledger's types are 0 (parameter change) to 6 (info action)"
    );
    assert_eq!(
        err(&body(&[(20, proposals(&[proposal(3, 0, "u")]))])),
        "proposal 0 (field 20) has a no confidence action of 1 items; it has 2, so the body is damaged"
    );
    assert_eq!(
        err(&body(&[(20, proposals(&[]))])),
        "field 20 (proposal procedures) is empty; the ledger needs at least one proposal there, so rebuild the transaction without the field"
    );
    // Cut short inside the votes: the usual "ends early", never a panic.
    let whole = body(&[(19, two_pool_votes())]);
    for cut in 1..whole.len() {
        let _ = decode_body(&whole[..cut]);
    }
    assert!(err(&whole[..whole.len() - 3]).starts_with("the transaction body ends early"));
}

#[test]
fn indefinite_length_votes_read_as_definite_ones() {
    let definite = two_pool_votes();
    // a1 <voter> a2 <id> <p> <id> <p>  →  bf <voter> bf <id> <p> <id> <p> ff ff
    let mut indefinite = vec![0xbf];
    let voter_len = 1 + 1 + 2 + 28;
    indefinite.extend(&definite[1..1 + voter_len]);
    indefinite.push(0xbf);
    indefinite.extend(&definite[2 + voter_len..]);
    indefinite.extend([0xff, 0xff]);
    let a = decode_body(&body(&[(19, definite)])).unwrap();
    let b = decode_body(&body(&[(19, indefinite)])).unwrap();
    assert_eq!(a.votes, b.votes);
}
