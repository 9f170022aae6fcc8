#![allow(clippy::indexing_slicing, clippy::unwrap_used)]

use super::default_vote::{missing_vote, Counted, RewardDelegation};
use super::may_vote::{pool_may_vote, PoolMayVote};
use super::rationale::{anchor_url_problem, matches_anchor, Rationale};
use super::*;

const FIXTURE: &str = include_str!("../../../tests/data/governance/proposals.json");
const ANCHOR_COPY: &[u8] = include_bytes!("../../../tests/data/governance/info-anchor.jsonld");

#[test]
fn the_fixture_reads_as_three_actions() {
    let actions = parse_proposals(FIXTURE).unwrap();
    assert_eq!(actions.len(), 3);
    let info = &actions[0];
    assert_eq!(info.kind, ActionKind::InfoAction);
    assert_eq!(
        info.id_hex(),
        "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90#0"
    );
    assert_eq!(info.expires_after, Some(612));
    assert_eq!(info.proposed_in, Some(606));
    assert_eq!(info.anchor_url, "https://example.com/info-anchor.jsonld");
    assert_eq!(
        info.pool_votes,
        Some(PoolTally {
            yes: 2,
            no: 0,
            abstain: 1
        })
    );
    assert!(info.may_vote().allowed());
    assert_eq!(actions[1].kind, ActionKind::TreasuryWithdrawals);
    assert!(!actions[1].may_vote().allowed());
    assert_eq!(actions[2].changed_parameters, vec!["maxTxSize".to_owned()]);
    assert!(actions[2].may_vote().allowed());
}

#[test]
fn a_parameter_change_that_builds_on_another_still_counts_its_parameters() {
    // The previous action id is an object too: it must not be taken for the update.
    let mut v: serde_json::Value = serde_json::from_str(FIXTURE).unwrap();
    v[2]["proposalProcedure"]["govAction"]["contents"][0] =
        serde_json::json!({ "govActionIx": 0, "txId": "ab".repeat(32) });
    let actions = parse_proposals(&v.to_string()).unwrap();
    assert_eq!(actions[2].changed_parameters, vec!["maxTxSize".to_owned()]);
    assert!(actions[2].may_vote().allowed());
    assert_eq!(
        actions[2].contents,
        vec![
            "maxTxSize becomes 18000 (security group: pools vote)".to_owned(),
            format!("Previous action: {}#0", "ab".repeat(32)),
        ]
    );
}

#[test]
fn gov_state_nests_the_actions_under_proposals() {
    let list: serde_json::Value = serde_json::from_str(FIXTURE).unwrap();
    let gov_state = serde_json::json!({ "committee": null, "proposals": list }).to_string();
    assert_eq!(parse_proposals(&gov_state).unwrap().len(), 3);
}

#[test]
fn the_anchor_copy_matches_its_action() {
    let actions = parse_proposals(FIXTURE).unwrap();
    assert!(matches_anchor(
        ANCHOR_COPY,
        &actions[0].anchor_hash.unwrap()
    ));
    assert!(!matches_anchor(
        ANCHOR_COPY,
        &actions[2].anchor_hash.unwrap()
    ));
}

#[test]
fn pools_vote_on_five_kinds_and_security_parameters_only() {
    let none: Vec<String> = Vec::new();
    for kind in [
        ActionKind::NoConfidence,
        ActionKind::UpdateCommittee,
        ActionKind::HardForkInitiation,
        ActionKind::InfoAction,
    ] {
        assert_eq!(pool_may_vote(kind, &none), PoolMayVote::Yes, "{kind:?}");
    }
    for kind in [ActionKind::TreasuryWithdrawals, ActionKind::NewConstitution] {
        assert!(!pool_may_vote(kind, &none).allowed(), "{kind:?}");
    }
    // No parameter read: the console says it cannot tell rather than "no security parameter".
    assert_eq!(
        pool_may_vote(ActionKind::ParameterChange, &none),
        PoolMayVote::No {
            reason: "this console could not read which parameters it changes, so it cannot tell whether pools vote: check the action on an explorer (pools vote only on the security group)".to_owned()
        }
    );
    let only = |p: &str| vec![p.to_owned()];
    for p in may_vote::SECURITY_GROUP {
        assert!(
            pool_may_vote(ActionKind::ParameterChange, &only(p)).allowed(),
            "{p}"
        );
    }
    for p in [
        "dRepActivity",
        "stakePoolTargetNum",
        "costModels",
        "poolVotingThresholds",
    ] {
        let verdict = pool_may_vote(ActionKind::ParameterChange, &only(p));
        assert_eq!(
            verdict,
            PoolMayVote::No {
                reason: "it changes no parameter of the security group: only DReps and the committee vote on it".to_owned()
            },
            "{p}"
        );
    }
    let mixed = vec!["dRepActivity".to_owned(), "txFeeFixed".to_owned()];
    assert!(pool_may_vote(ActionKind::ParameterChange, &mixed).allowed());
}

#[test]
fn bad_json_says_where_and_quotes_little() {
    let long_line = format!("[{{\"actionId\": {}", "x".repeat(500));
    let e = parse_proposals(&long_line).unwrap_err();
    assert!(
        e.starts_with("This is not valid JSON (line 1, column "),
        "{e}"
    );
    assert!(e.len() < 250, "{e}");
    assert!(e.contains("query proposals"), "{e}");
    let e = parse_proposals("{\"committee\": {}}").unwrap_err();
    assert!(e.starts_with("This JSON has no governance actions"), "{e}");
    let e =
        parse_proposals("[{\"actionId\": {\"txId\": \"abcd\", \"govActionIx\": 0}}]").unwrap_err();
    assert_eq!(
        e,
        "Action 1 in the list: its actionId.txId is not 64 hexadecimal digits."
    );
    let bad_ix = FIXTURE.replacen("\"govActionIx\": 0", "\"govActionIx\": 70000", 1);
    assert_eq!(
        parse_proposals(&bad_ix).unwrap_err(),
        "Action 1 in the list: its actionId.govActionIx is not a whole number from 0 to 65535."
    );
    let bad_tag = FIXTURE.replacen("\"InfoAction\"", "\"\\u001b[2JWipe\"", 1);
    let e = parse_proposals(&bad_tag).unwrap_err();
    assert!(!e.contains('\u{1b}'), "{e}");
    assert!(e.contains("is not one Pool Console knows"), "{e}");
}

#[test]
fn a_missing_pool_vote_follows_the_ledger() {
    use ActionKind as K;
    use RewardDelegation as D;
    for d in [D::None, D::AlwaysAbstain, D::AlwaysNoConfidence, D::Drep] {
        assert_eq!(missing_vote(K::HardForkInitiation, d), Counted::No, "{d:?}");
    }
    assert_eq!(
        missing_vote(K::NoConfidence, D::AlwaysNoConfidence),
        Counted::Yes
    );
    assert_eq!(
        missing_vote(K::UpdateCommittee, D::AlwaysNoConfidence),
        Counted::No
    );
    assert_eq!(
        missing_vote(K::InfoAction, D::AlwaysAbstain),
        Counted::Abstain
    );
    assert_eq!(
        missing_vote(K::NoConfidence, D::AlwaysAbstain),
        Counted::Abstain
    );
    assert_eq!(missing_vote(K::ParameterChange, D::None), Counted::No);
    assert_eq!(missing_vote(K::ParameterChange, D::Drep), Counted::No);
}

#[test]
fn the_rationale_is_the_same_bytes_for_the_same_fields() {
    let r = Rationale {
        summary: "Yes: larger transactions help.".to_owned(),
        rationale_statement: "Scripts need room.".to_owned(),
        authors: vec!["Alice".to_owned(), " ".to_owned()],
        ..Rationale::default()
    };
    assert_eq!(r.problem(), None);
    let bytes = r.to_bytes();
    assert_eq!(bytes, r.clone().to_bytes());
    let doc: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(doc["hashAlgorithm"], "blake2b-256");
    assert_eq!(doc["authors"], serde_json::json!([{ "name": "Alice" }]));
    assert_eq!(doc["body"]["summary"], "Yes: larger transactions help.");
    assert!(doc["body"].get("conclusion").is_none());
    assert_eq!(r.hash(), crate::core::encoding::hash::blake2b_256(&bytes));
    assert_eq!(
        Rationale::default().problem().unwrap(),
        "Write a summary (CIP-136 requires one)."
    );
}

#[test]
fn anchor_urls_stop_at_128_bytes() {
    assert_eq!(anchor_url_problem(&"a".repeat(128)), None);
    assert_eq!(
        anchor_url_problem(&"a".repeat(129)).unwrap(),
        "The URL is 129 bytes; the ledger allows 128: use a shorter link."
    );
}
