//! The console, clicked like a person: tabs, forms, buttons, files written into a temporary
//! workspace. No renderer needed.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::ui::{app, click, fixed_now, harness, shows, type_into};
use common::{ok, read};
use pool_console::app::Tab;
use tempfile::TempDir;

#[test]
fn newcomer_walks_the_whole_checklist_and_gets_the_cli_certificate() {
    let dir = TempDir::new().unwrap();
    let ws = dir.path().to_path_buf();
    let mut h = harness(app(vec![ws.clone()], fixed_now()));
    h.run_steps(2);
    assert!(shows(&h, "No pool folder open yet."));

    // 1. folder
    click(&mut h, "Open or create a pool folder");
    assert_eq!(h.state().workspace.as_ref().unwrap().dir, ws);
    // 2–4. keys
    click(&mut h, "Go to Keys");
    assert_eq!(h.state().tab, Tab::Keys);
    click(&mut h, "Generate cold keys");
    click(&mut h, "Generate VRF keys");
    click(&mut h, "Generate KES keys");
    for f in ["cold.vkey", "cold.skey", "cold.counter", "vrf.vkey", "vrf.skey", "kes.vkey", "kes.skey"] {
        assert!(ws.join(f).is_file(), "{f} written");
    }
    // 5. opcert, with the current KES period filled in and a confirmation
    click(&mut h, "🏠");
    click(&mut h, "Go to Op cert");
    assert_eq!(h.state().drafts.kes_period, "1571");
    click(&mut h, "Issue operational certificate");
    assert!(shows(&h, "Issue the operational certificate?"));
    click(&mut h, "Issue certificate");
    assert!(ws.join("node.opcert").is_file());
    assert!(String::from_utf8(read(&ws.join("cold.counter"))).unwrap().contains("Next certificate issue number: 1"));
    // 6. owner
    click(&mut h, "🏠");
    click(&mut h, "Go to Keys");
    type_into(&mut h, "Owner name", "alice");
    click(&mut h, "Generate owner stake keys");
    assert!(ws.join("alice.stake.vkey").is_file());
    // 7–8. registration
    click(&mut h, "🏠");
    click(&mut h, "Go to Registration");
    assert_eq!(h.state().tab, Tab::Registration);
    type_into(&mut h, "Pledge (ADA)", "100000");
    type_into(&mut h, "Margin (%)", "1.5");
    type_into(&mut h, "address", "203.0.113.10");
    type_into(&mut h, "Pool name", "Alice Pool");
    type_into(&mut h, "Ticker", "ALICE");
    type_into(&mut h, "Description", "A pool run by Alice.");
    type_into(&mut h, "Homepage", "https://alice.example.com");
    type_into(&mut h, "Metadata URL", "https://alice.example.com/poolMetaData.json");
    assert!(h.state().check_registration().params.is_some(), "{:?}", h.state().check_registration().blockers());
    click(&mut h, "Build certificate");
    assert!(ws.join("pool.cert").is_file(), "{:?}", h.state().status);
    assert!(ws.join("poolMetaData.json").is_file());
    assert!(ws.join("alice.stake-registration.cert").is_file());
    assert!(ws.join("alice.delegation.cert").is_file());

    // The command line, from the same keys and parameters, writes the same bytes.
    let meta_hash = String::from_utf8(ok(&ws, &["stake-pool", "metadata-hash", "--pool-metadata-file", "poolMetaData.json"])).unwrap();
    ok(
        &ws,
        &[
            "stake-pool", "registration-certificate", "--cold-verification-key-file", "cold.vkey", "--vrf-verification-key-file",
            "vrf.vkey", "--pool-pledge", "100000000000", "--pool-cost", "170000000", "--pool-margin", "0.015",
            "--pool-reward-account-verification-key-file", "alice.stake.vkey", "--pool-owner-stake-verification-key-file",
            "alice.stake.vkey", "--pool-relay-ipv4", "203.0.113.10", "--pool-relay-port", "3001", "--metadata-url",
            "https://alice.example.com/poolMetaData.json", "--metadata-hash", &meta_hash, "--mainnet", "--out-file", "cli.cert",
        ],
    );
    assert_eq!(read(&ws.join("pool.cert")), read(&ws.join("cli.cert")));
    ok(&ws, &["stake-address", "registration-certificate", "--stake-verification-key-file", "alice.stake.vkey", "--key-reg-deposit-amt", "2000000", "--out-file", "cli-reg.cert"]);
    assert_eq!(read(&ws.join("alice.stake-registration.cert")), read(&ws.join("cli-reg.cert")));
    ok(&ws, &["stake-address", "stake-delegation-certificate", "--stake-verification-key-file", "alice.stake.vkey", "--cold-verification-key-file", "cold.vkey", "--out-file", "cli-del.cert"]);
    assert_eq!(read(&ws.join("alice.delegation.cert")), read(&ws.join("cli-del.cert")));
    // Every checklist step now reads done.
    click(&mut h, "🏠");
    assert!(!shows(&h, "Go to"), "no step left to do");
}
