//! Text documents: pool plans (and the review built on one), kes-period-info output, node
//! metrics, genesis files and the clock they make, the rotation journal, clock-guard slots.

use chrono::DateTime;
use pool_console::core::chain::clock::{format_duration, ChainClock};
use pool_console::core::chain::genesis::clock_from_genesis;
use pool_console::core::kes::opcert::OpCert;
use pool_console::core::kes::predeploy::{self, CounterEvidence};
use pool_console::core::kes::watch::{self, Thresholds, Urgency};
use pool_console::core::kes::{clock_guard, issue_period, journal, node_metrics, period_info};
use pool_console::core::review::plan::PoolPlan;
use pool_console::core::review::{plan_mismatches, pledge_check, signoff, Review};
use proptest::prelude::*;

use crate::harness::{bounded, bytes, config, mutated_text, now, text};

/// A plan as an owner writes it by hand (the core's own sample), and a testnet one.
pub const PLANS: [&str; 2] = [
    include_str!("../data/plans/owner-written.json"),
    r#"{"format":"pool-console pool plan","version":1,"network":"testnet","network_magic":42,
  "pool_id":"0f292fcaa02b8b2f9b3c8f9fd8e0bb21abedb692a6d5058df3ef2735",
  "vrf_key_hash":"0000000000000000000000000000000000000000000000000000000000000001",
  "pledge_ada":"0.000001","cost_ada":"340","margin":"0.0333","reward_account":
  "stake_test1uqehkck0lajq8gr28t9uxnuvgcqrc6070x3k9r8048z8y5gssrtvn","owners":[{"name":" Carol ",
  "stake_key_hash":"02020202020202020202020202020202020202020202020202020202","pledge_ada":"1,000"}],
  "relays":[{"ipv4":"203.0.113.10","ipv6":"[2001:db8::1]","port":1},{"dns":"a.b","port":65535}]}"#,
];

/// What `cardano-cli query kes-period-info` prints.
const KES_PERIOD_INFO: &str =
    "✓ The operational certificate counter agrees with the node protocol state counter
✓ Operational certificate's kes period is within the correct KES period interval
{
    \"qKesCurrentKesPeriod\": 1571,
    \"qKesEndKesInterval\": 1624,
    \"qKesKesKeyExpiry\": null,
    \"qKesMaxKESEvolutions\": 62,
    \"qKesNodeStateOperationalCertificateNumber\": 6,
    \"qKesOnDiskOperationalCertificateNumber\": 7,
    \"qKesRemainingSlotsInKesPeriod\": 6804000,
    \"qKesSlotsPerKesPeriod\": 129600,
    \"qKesStartKesInterval\": 1562
}";

/// A node's metrics page, new and legacy names, labels and timestamps.
const METRICS: &str = "# TYPE cardano_node_metrics_currentKESPeriod_int gauge
cardano_node_metrics_currentKESPeriod_int 1571
cardano_node_metrics_remainingKESPeriods_int{network=\"main}net\",a=\"\\\"\"} 52 1700000000000
cardano_node_Forge_metrics_operationalCertificateStartKESPeriod_int 1562
cardano_node_metrics_operationalCertificateExpiryKESPeriod_int 1.624e3
cardano_node_metrics_slotNum_int 203616000
";

const SHELLEY: &str = r#"{"systemStart":"2017-09-23T21:44:51Z","networkMagic":764824073,
    "epochLength":432000,"slotLength":1,"slotsPerKESPeriod":129600,"maxKESEvolutions":62,
    "securityParam":2160,"activeSlotsCoeff":0.05}"#;
const BYRON: &str = r#"{"startTime":1506203091,"protocolConsts":{"k":2160,"protocolMagic":764824073},
    "blockVersionData":{"slotDuration":"20000"}}"#;

const TIP: &str = r#"{"block": 11000000, "epoch": 530, "era": "Conway", "hash": "ab",
    "slot": 143000000, "slotInEpoch": 123, "slotsToEpochEnd": 4, "syncProgress": "100.00"}"#;

/// Journal lines as the console writes them.
pub fn journal_text() -> String {
    let pool = "pool12t0y7agkqct89pf00eeytkvfjlquv76tjy27duannan9w63ckxv";
    (0..3)
        .map(|i| journal::JournalEntry::new(now(), pool.to_owned(), i, 1000 + i, &[i as u8; 32]))
        .map(|e| e.to_line())
        .collect()
}

fn plan(input: String) -> Result<(), TestCaseError> {
    let read = bounded("PoolPlan::parse", move || {
        let plan = PoolPlan::parse(input.as_bytes()).ok()?;
        let cbor = plan.certificate_cbor();
        let owner = plan.owners.first().map(|o| o.key_hash);
        let review = Review::new(&cbor, &plan.params, None, Some(&plan), owner.as_ref());
        let _ = (review.to_text(), review.to_json());
        let _ = signoff::html(&review, "plan", "today");
        let _ = pledge_check(&plan.params, &plan, Some(&plan.params));
        let _ = (plan_mismatches(&plan.params, &plan), plan.planned_pledge());
        let again = PoolPlan::parse(plan.to_json().as_bytes());
        Some((plan, again))
    })?;
    if let Some((plan, again)) = read {
        prop_assert_eq!(
            again,
            Ok(plan),
            "a plan does not read back from its own file"
        );
    }
    Ok(())
}

/// JSON pointers to every leaf value of `doc`.
fn leaves(doc: &serde_json::Value, at: String, out: &mut Vec<String>) {
    match doc {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                leaves(v, format!("{at}/{k}"), out);
            }
        }
        serde_json::Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                leaves(v, format!("{at}/{i}"), out);
            }
        }
        _ => out.push(at),
    }
}

/// A sample plan with one value replaced by any text, number, boolean or null: well-formed
/// JSON, so the damage reaches the checks of every field.
fn plans_with_any_value() -> impl Strategy<Value = String> {
    let value = prop_oneof![
        text().prop_map(serde_json::Value::from),
        "[0-9]{1,22}([./][0-9]{0,22})?".prop_map(serde_json::Value::from),
        any::<u64>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<bool>().prop_map(serde_json::Value::from),
        Just(serde_json::Value::Null),
    ];
    (
        prop::sample::select(PLANS.to_vec()),
        any::<prop::sample::Index>(),
        value,
    )
        .prop_map(|(plan, at, value)| {
            let mut doc: serde_json::Value = serde_json::from_str(plan).unwrap();
            let mut paths = Vec::new();
            leaves(&doc, String::new(), &mut paths);
            let path = paths.swap_remove(at.index(paths.len()));
            *doc.pointer_mut(&path).unwrap() = value;
            doc.to_string()
        })
}

fn kes_period_info(input: String) -> Result<(), TestCaseError> {
    let parsed = bounded("period_info::parse_on_chain", move || {
        let _ = period_info::parse_on_chain_file(input.as_bytes());
        let parsed = period_info::parse_on_chain(&input);
        if let Ok(c) = &parsed {
            for n in [0, 1, u64::MAX] {
                let _ = period_info::judge(c.last_seen, n);
            }
        }
        parsed
    })?;
    if let Ok(c) = parsed {
        let (low, high) = period_info::allowed(c.last_seen);
        prop_assert!(low <= high);
        prop_assert!(period_info::judge(c.last_seen, low).is_ok());
    }
    Ok(())
}

fn metrics(input: String) -> Result<(), TestCaseError> {
    bounded("node_metrics::parse", move || {
        if let Ok(kes) = node_metrics::parse(&input) {
            for clock in [
                Some(ChainClock::mainnet()),
                Some(ChainClock::preview()),
                None,
            ] {
                let _ = kes.time_left_ms(clock.as_ref(), now());
                let _ = kes.expiry_time(clock.as_ref());
            }
        }
    })
}

/// Everything the console and the command line do with a clock, at awkward times and numbers.
fn use_clock(clock: &ChainClock, seconds: i64, slot: u64, period: u64) {
    let times = [
        Some(now()),
        DateTime::from_timestamp(seconds, 0),
        Some(DateTime::<chrono::Utc>::MAX_UTC),
        Some(DateTime::<chrono::Utc>::MIN_UTC),
    ];
    let _ = (clock.system_start(), clock.first_shelley_slot());
    let _ = (clock.slot_start(slot), clock.epoch_of_slot(slot));
    for t in times.into_iter().flatten() {
        let _ = clock.point_at(t);
        let _ = clock_guard::check(clock, t, slot);
        for start in [period, 0, u64::MAX] {
            if let Ok(w) = clock.kes_window(start, t) {
                let t = Thresholds::default();
                let _ = (
                    Urgency::of(&w, t),
                    watch::rotate_by(&w, t),
                    watch::sort_key(&w, t),
                );
                let _ = watch::days_and_hours(w.remaining_ms);
                let _ = format_duration(w.remaining_ms);
            }
        }
    }
    let current = issue_period::current_periods(now(), &[("x", clock.clone())]);
    let _ = (
        issue_period::describe(&current),
        issue_period::is_plausible(period, &current),
    );
}

fn genesis(shelley: String, byron: String, transition: Option<u64>) -> Result<(), TestCaseError> {
    bounded("clock_from_genesis", move || {
        if let Ok(clock) = clock_from_genesis(shelley.as_bytes(), byron.as_bytes(), transition) {
            use_clock(&clock, 1_900_000_000, 200_000_000, 1_700);
            use_clock(&clock, -1, u64::MAX, u64::MAX);
        }
    })
}

/// Genesis numbers anywhere in their types' ranges, with a start both files agree on.
fn genesis_numbers() -> impl Strategy<Value = (String, String)> {
    let number = || prop_oneof![any::<u64>(), 0u64..3, 1u64..1_000_000];
    (
        (
            -62_135_596_800i64..253_402_300_799,
            any::<u32>(),
            number(),
            number(),
        ),
        (
            prop_oneof![any::<f64>(), 0.0f64..1e10, Just(0.2)],
            number(),
            number(),
            number(),
        ),
    )
        .prop_map(
            |((start, magic, epoch, kes), (slot, evolutions, k, duration))| {
                let system_start = DateTime::from_timestamp(start, 0)
                    .unwrap()
                    .to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
                let shelley = serde_json::json!({
                    "systemStart": system_start, "networkMagic": magic, "epochLength": epoch,
                    "slotLength": slot, "slotsPerKESPeriod": kes, "maxKESEvolutions": evolutions,
                });
                let byron = serde_json::json!({
                    "startTime": start, "protocolConsts": {"k": k},
                    "blockVersionData": {"slotDuration": duration.to_string()},
                });
                (shelley.to_string(), byron.to_string())
            },
        )
}

fn journal(input: String) -> Result<(), TestCaseError> {
    let lines = input.lines().filter(|l| !l.trim().is_empty()).count();
    let (entries, problems) = bounded("journal::parse", move || journal::parse(&input))?;
    prop_assert_eq!(entries.len() + problems.len(), lines, "a line went missing");
    Ok(())
}

fn tip(input: String) -> Result<(), TestCaseError> {
    bounded("clock_guard::parse_reference", move || {
        if let Ok(slot) = clock_guard::parse_reference(&input) {
            let _ = clock_guard::check(&ChainClock::mainnet(), now(), slot);
        }
    })
}

/// An opcert with arbitrary numbers through the pre-deploy check.
fn predeploy(n: u64, period: u64, counter: u64) -> Result<(), TestCaseError> {
    bounded("predeploy::run", move || {
        let cert = OpCert {
            kes_vkey: [1; 32],
            issue_number: n,
            kes_period: period,
            signature: [2; 64],
            cold_vkey: [3; 32],
        };
        let clock = ChainClock::mainnet();
        if let Ok(window) = clock.kes_window(period, now()) {
            for evidence in [
                CounterEvidence::OnChain(Some(counter)),
                CounterEvidence::OnChain(None),
                CounterEvidence::CounterFile(counter),
                CounterEvidence::Unknown,
            ] {
                let checks = predeploy::run(&cert, Some(&[1; 32]), None, &window, evidence);
                let _ = predeploy::all_passed(&checks);
            }
        }
    })
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn plans_from_any_text(input in text()) {
        plan(input)?;
    }

    #[test]
    fn plans_damaged(input in mutated_text(&PLANS)) {
        plan(input)?;
    }

    #[test]
    fn plans_with_any_field_value(input in plans_with_any_value()) {
        plan(input)?;
    }

    #[test]
    fn kes_period_info_from_any_text(input in text()) {
        kes_period_info(input)?;
    }

    #[test]
    fn kes_period_info_damaged(input in mutated_text(&[KES_PERIOD_INFO, "6", " 18446744073709551615 "])) {
        kes_period_info(input)?;
    }

    #[test]
    fn node_metrics_from_any_text(input in text()) {
        metrics(input)?;
    }

    #[test]
    fn node_metrics_damaged(input in mutated_text(&[METRICS])) {
        metrics(input)?;
    }

    #[test]
    fn genesis_from_any_text(shelley in text(), byron in text(), transition in any::<Option<u64>>()) {
        genesis(shelley, byron, transition)?;
    }

    #[test]
    fn genesis_damaged(shelley in mutated_text(&[SHELLEY]), byron in mutated_text(&[BYRON]), transition in any::<Option<u64>>()) {
        genesis(shelley, byron, transition)?;
    }

    #[test]
    fn genesis_with_any_numbers((shelley, byron) in genesis_numbers(), transition in any::<Option<u64>>()) {
        genesis(shelley, byron, transition)?;
    }

    #[test]
    fn journal_from_any_text(input in text()) {
        journal(input)?;
    }

    #[test]
    fn journal_damaged(input in mutated_text(&[journal_text().as_str()])) {
        journal(input)?;
    }

    #[test]
    fn tip_from_any_text(input in text()) {
        tip(input)?;
    }

    #[test]
    fn tip_damaged(input in mutated_text(&[TIP, "143000000"])) {
        tip(input)?;
    }

    #[test]
    fn kes_period_info_files_from_any_bytes(input in bytes()) {
        bounded("period_info::parse_on_chain_file", move || {
            let _ = period_info::parse_on_chain_file(&input);
        })?;
    }

    #[test]
    fn predeploy_with_any_numbers(n in any::<u64>(), period in prop_oneof![any::<u64>(), 0u64..3000], counter in any::<u64>()) {
        predeploy(n, period, counter)?;
    }
}
