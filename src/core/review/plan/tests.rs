//! Tests of the parent module.

use super::*;
use std::net::Ipv4Addr;

/// A plan as an owner would write it by hand.
pub(crate) const SAMPLE: &str = include_str!("../../../../tests/data/plans/owner-written.json");

#[test]
fn a_hand_written_plan_is_read_exactly() {
    let plan = PoolPlan::parse(SAMPLE.as_bytes()).unwrap();
    let p = &plan.params;
    assert_eq!(plan.network, Network::Mainnet);
    assert_eq!(p.pledge, 250_000_000_000);
    assert_eq!(p.cost, 170_000_000);
    assert_eq!((p.margin.numerator(), p.margin.denominator()), (3, 200));
    assert_eq!(plan.owners.len(), 2);
    assert_eq!(plan.owners[0].name, "Alice");
    assert_eq!(plan.owners[1].key_hash, [1; 28]);
    assert_eq!(plan.owners[1].delegated, None);
    assert_eq!(plan.planned_pledge(), 250_000_000_000);
    assert_eq!(
        p.relays[1],
        Relay::SingleHostAddr {
            port: Some(6000),
            ipv4: Some(Ipv4Addr::new(198, 51, 100, 7)),
            ipv6: None
        }
    );
    // The certificate holds the owners sorted, whatever order the plan lists them in.
    let mut sorted = p.owners.clone();
    sorted.sort_unstable();
    assert_eq!(p.owners, sorted);
}

#[test]
fn export_then_import_gives_the_same_plan_and_the_same_bytes() {
    let plan = PoolPlan::parse(SAMPLE.as_bytes()).unwrap();
    let json = plan.to_json();
    let again = PoolPlan::parse(json.as_bytes()).unwrap();
    assert_eq!(again, plan);
    assert_eq!(again.to_json(), json, "export is stable");
    assert_eq!(again.certificate_cbor(), plan.certificate_cbor());
    assert!(json.ends_with("}\n") && !json.ends_with("\n\n"));
}

#[test]
fn owner_order_in_the_plan_does_not_change_the_certificate() {
    let mut file: PlanFile = serde_json::from_str(SAMPLE).unwrap();
    let a = file.check().unwrap().certificate_cbor();
    file.owners.reverse();
    let b = file.check().unwrap().certificate_cbor();
    assert_eq!(a, b);
}

fn edited(edit: impl FnOnce(&mut PlanFile)) -> String {
    let mut file: PlanFile = serde_json::from_str(SAMPLE).unwrap();
    edit(&mut file);
    file.check().unwrap_err().to_string()
}

#[test]
fn bad_plans_say_what_is_wrong() {
    assert_eq!(
        edited(|f| f.margin = "3/2".to_owned()),
        "margin 3/2 is above 1: it is a fraction between 0 and 1 (0.015 means 1.5%)"
    );
    assert_eq!(
        edited(|f| f.margin_percent = Some("2".to_owned())),
        "margin 3/200 is 1.5%, but margin_percent says 2: fix one of them"
    );
    assert_eq!(
            edited(|f| f.owners[1].pledge_ada = "lots".to_owned()),
            "owner 2 (Bob): pledge_ada: \"lots\" is not an amount: use digits, an optional decimal point and up to 6 decimals"
        );
    assert_eq!(
        edited(|f| f.owners[1].stake_key_hash =
            f.owners[0].stake_address.clone().map(|_| "ab".to_owned())),
        "owner 2 (Bob): stake_key_hash \"ab\" is not a stake key hash (56 hex digits)"
    );
    assert_eq!(
            edited(|f| f.network = "preprod".to_owned()),
            "reward_account stake1uyehkck0lajq8gr28t9uxnuvgcqrc6070x3k9r8048z8y5gh6ffgw is a mainnet address, but the plan is for preprod"
        );
    assert_eq!(
        edited(|f| f.relays[0].port = Some(70000)),
        "relay 1: port 70000 is not between 1 and 65535"
    );
    assert_eq!(
        edited(|f| f.relays[2].port = Some(3001)),
        "relay 3: an SRV relay carries its own ports: remove \"port\""
    );
    assert_eq!(
        edited(|f| f.owners[1].stake_key_hash = Some(hex::encode(
            RewardAccount::from_bech32(f.owners[0].stake_address.as_deref().unwrap())
                .unwrap()
                .credential
                .hash()
        ))),
        "owners Alice and Bob have the same stake key"
    );
    assert_eq!(
        edited(|f| f.owners.clear()),
        PlanError::NoOwners.to_string()
    );
    assert_eq!(
            edited(|f| f.format = "something else".to_owned()),
            "is a JSON document, but not a pool plan (its \"format\" is \"something else\", not \"pool-console pool plan\")"
        );
}

#[test]
fn values_from_the_plan_are_quoted_safely() {
    assert_eq!(
            edited(|f| {
                f.owners[1].name = "\u{1b}[1A\u{1b}[2KBob".to_owned();
                f.owners[1].pledge_ada = "x".to_owned();
            }),
            "owner 2 (\\x1b[1A\\x1b[2KBob): pledge_ada: \"x\" is not an amount: use digits, an optional decimal point and up to 6 decimals"
        );
    let secret = format!("5820{}", "ab".repeat(32));
    let e = edited(|f| f.pool_id = secret.clone());
    assert!(!e.contains("abab"), "{e}");
}

#[test]
fn a_misspelt_field_is_refused() {
    let text = SAMPLE.replace("\"pledge_ada\": \"250000\"", "\"pledge\": \"250000\"");
    let e = PoolPlan::parse(text.as_bytes()).unwrap_err().to_string();
    assert!(
        e.starts_with("is not a pool plan: unknown field `pledge`"),
        "{e}"
    );
}
