//! Tests of the parent module.

use super::*;
use crate::core::review::plan::tests::SAMPLE;

fn plan() -> PoolPlan {
    PoolPlan::parse(SAMPLE.as_bytes()).unwrap()
}

#[test]
fn only_changed_fields_are_reported() {
    let old = plan().params;
    let mut new = old.clone();
    new.pledge = 300_000_000_000;
    new.relays.remove(1);
    let review = Review::new(b"x", &new, Some(&old), Some(&plan()), None);
    assert_eq!(
        review.changes(),
        vec![
            "Pledge: 250\u{a0}000 ADA → 300\u{a0}000 ADA".to_owned(),
            "Relay: removed (198.51.100.7:6000 [IP address])".to_owned(),
        ]
    );
}

#[test]
fn owners_are_found_by_key() {
    let p = plan().params;
    let verdict = owner_verdict(&p, &[1; 28]);
    assert_eq!(verdict, "You are owner 1 of 2.");
    let stranger = owner_verdict(&p, &[9; 28]);
    assert!(
        stranger.starts_with("Your key is not an owner of this pool: stake1"),
        "{stranger}"
    );
}

#[test]
fn pledge_above_what_counts_is_warned() {
    let mut plan = plan();
    plan.owners[1].delegated = Some(false);
    let check = pledge_check(&plan.params, &plan, None);
    assert_eq!(check.counted, 150_000_000_000);
    assert!(!check.is_met());
    assert!(check.warnings[0].starts_with(
            "The declared pledge (250\u{a0}000 ADA) is more than the owners' stake that counts (150\u{a0}000 ADA)"
        ));
    assert!(check.warnings[1].starts_with("Bob's stake is not delegated to this pool"));
}

#[test]
fn a_new_owner_counts_only_after_the_snapshot() {
    let plan = plan();
    let mut old = plan.params.clone();
    old.owners.retain(|h| h != &[1; 28]);
    let check = pledge_check(&plan.params, &plan, Some(&old));
    assert!(check.is_met());
    assert!(check.warnings[0].starts_with("Bob is a new owner"));
    assert!(check.warnings[1]
        .starts_with("Until that snapshot only the continuing owners count (150\u{a0}000 ADA)"));
}

#[test]
fn relays_in_another_order_are_a_change() {
    let old = plan().params;
    let mut new = old.clone();
    new.relays.swap(0, 1);
    let review = Review::new(b"x", &new, Some(&old), None, None);
    assert_eq!(review.changes().len(), 1);
    assert!(review.changes()[0].starts_with("Relay order: relay1.example.com:3001"));
}

#[test]
fn the_same_fields_in_other_bytes_are_not_the_plan() {
    let plan = plan();
    let old_era = plan
        .certificate()
        .encode(crate::core::certificate::Era::PreConway);
    let review = Review::new(&old_era, &plan.params, None, Some(&plan), None);
    assert_eq!(review.plan_mismatches.len(), 1);
    assert!(review.plan_mismatches[0]
        .starts_with("the certificate's bytes differ from what the plan builds"));
    let same = Review::new(
        &plan.certificate_cbor(),
        &plan.params,
        None,
        Some(&plan),
        None,
    );
    assert!(same.plan_mismatches.is_empty());
}

#[test]
fn a_certificate_differing_from_its_plan_is_named() {
    let plan = plan();
    let mut cert = plan.params.clone();
    cert.cost = 340_000_000;
    assert_eq!(
        plan_mismatches(&cert, &plan),
        vec!["Fixed cost per epoch: the plan says 170 ADA, the certificate says 340 ADA"]
    );
}

#[test]
fn owners_and_relays_are_numbered_in_words() {
    let review = Review::new(b"x", &plan().params, None, Some(&plan()), None);
    let shown: Vec<(String, String)> = review
        .rows
        .iter()
        .filter(|r| r.label.starts_with("Owner") || r.label.starts_with("Relay"))
        .map(|r| (r.label.clone(), r.current.clone().unwrap()))
        .collect();
    assert_eq!(
        shown,
        [
            ("Owner 1 of 2 (Bob)".to_owned(), owner_address(&plan().params, &[1; 28])),
            (
                "Owner 2 of 2 (Alice)".to_owned(),
                "stake1uyehkck0lajq8gr28t9uxnuvgcqrc6070x3k9r8048z8y5gh6ffgw".to_owned()
            ),
            (
                "Relay 1".to_owned(),
                "relay1.example.com:3001 [DNS name (A/AAAA)]".to_owned()
            ),
            ("Relay 2".to_owned(), "198.51.100.7:6000 [IP address]".to_owned()),
            (
                "Relay 3".to_owned(),
                "_cardano._tcp.example.com [DNS SRV record: no port here, the SRV record gives hosts and ports]".to_owned()
            ),
        ]
    );
    assert!(shown[0].1.starts_with("stake1"));
}

#[test]
fn reserved_relay_addresses_are_warned_as_inspect_warns() {
    let review = Review::new(b"x", &plan().params, None, None, None);
    assert_eq!(
        review.warnings,
        ["relay 2: 198.51.100.7 is a private or reserved address: other pools on the internet cannot reach it"]
    );
    assert!(review
        .to_text()
        .contains("warning: relay 2: 198.51.100.7 is a private"));
}
