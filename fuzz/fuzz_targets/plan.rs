//! Pool plans (`review::plan::PoolPlan::parse`): the JSON owners edit and exchange.
//!
//! Property: a checked plan written with `to_json` reads back as the same plan and builds the
//! same certificate bytes. The review of the plan's own certificate against it finds no
//! mismatch.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pool_console::core::review::plan::PoolPlan;
use pool_console::core::review::{plan_mismatches, signoff, Review};

fuzz_target!(|data: &[u8]| {
    let plan = match PoolPlan::parse(data) {
        Ok(plan) => plan,
        Err(e) => {
            let _ = e.to_string();
            return;
        }
    };
    let json = plan.to_json();
    let again = PoolPlan::parse(json.as_bytes()).expect("a written plan reads back");
    assert_eq!(again, plan, "parse(to_json(p)) == p");
    let cbor = plan.certificate_cbor();
    assert_eq!(again.certificate_cbor(), cbor);
    assert!(plan_mismatches(&plan.params, &plan).is_empty());
    let _ = plan.planned_pledge();
    let owner = plan.owners.first().map(|o| o.key_hash);
    let review = Review::new(&cbor, &plan.params, None, Some(&plan), owner.as_ref());
    assert!(review.plan_mismatches.is_empty());
    let _ = review.to_text();
    let _ = signoff::html(&review, "fuzz", "2026-01-01");
});
