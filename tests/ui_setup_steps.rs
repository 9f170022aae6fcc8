//! Finishing what a newcomer starts: the checklist says what is left after the certificate
//! (with the exact commands), the Keys tab points to the same next step, and the cardano-cli
//! equivalent always belongs to the tab on screen.
#![allow(clippy::disallowed_methods, clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;

use common::ui::{app, click, click_exact, fixed_now, harness, shows};
use eframe::egui;
use egui_kittest::kittest::Queryable as _;
use egui_kittest::Harness;
use pool_console::app::registration::certificate;
use pool_console::app::{ConsoleApp, Tab};
use pool_console::core::certificate::margin::UnitInterval;
use pool_console::core::certificate::{metadata, Certificate, Era, PoolMetadataRef, PoolParams};
use pool_console::core::encoding::envelope::TextEnvelope;
use pool_console::core::kes::opcert::{self, IssueCounter};
use pool_console::core::keys::address::{Credential, RewardAccount};
use pool_console::core::keys::{generate, KeyKind};
use tempfile::TempDir;

const METADATA: &str = r#"{"name":"Alice Pool","description":"A pool run by Alice.","ticker":"ALICE","homepage":"https://alice.example.com"}"#;
const URL: &str = "https://alice.example.com/poolMetaData.json";

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::write(dir.join(name), bytes).unwrap();
}

fn write_envelopes(dir: &Path, files: Vec<(&str, TextEnvelope)>) {
    for (name, envelope) in files {
        write(dir, name, envelope.render().expose());
    }
}

/// Keys from fixed seeds: cold, VRF and KES pairs, the counter (and the opcert when `opcert`).
fn keys(dir: &Path, opcert: bool) {
    let (cold_sk, cold_vk) = generate::ed25519(KeyKind::ColdSigning, &[1; 32]).unwrap();
    let (vrf_sk, vrf_vk) = generate::vrf(&[2; 32]).unwrap();
    let (kes_sk, kes_vk) = generate::kes(&[3; 32]).unwrap();
    let counter = IssueCounter {
        next_issue_number: 0,
        cold_vkey: cold_vk.public_key(),
    };
    let mut files = vec![
        ("cold.vkey", cold_vk.to_envelope()),
        ("cold.skey", cold_sk.to_envelope()),
        ("vrf.vkey", vrf_vk.to_envelope()),
        ("vrf.skey", vrf_sk.to_envelope()),
        ("kes.vkey", kes_vk.to_envelope()),
        ("kes.skey", kes_sk.to_envelope()),
    ];
    if opcert {
        let issued = opcert::issue(&cold_sk, &counter, &kes_vk.public_key(), 1571).unwrap();
        files.push(("cold.counter", issued.next_counter.to_envelope()));
        files.push(("node.opcert", issued.opcert.to_envelope()));
    } else {
        files.push(("cold.counter", counter.to_envelope()));
    }
    write_envelopes(dir, files);
}

/// Steps 1 to 8 done: keys, opcert, an owner, the metadata and the certificates, as the
/// console writes them. Returns the metadata hash.
fn built_pool(dir: &Path) -> [u8; 32] {
    keys(dir, true);
    let (cold_sk, _) = generate::ed25519(KeyKind::ColdSigning, &[1; 32]).unwrap();
    let cold_vk = cold_sk.verification_key().unwrap();
    let (_, vrf_vk) = generate::vrf(&[2; 32]).unwrap();
    let (stake_sk, stake_vk) = generate::ed25519(KeyKind::StakeSigning, &[4; 32]).unwrap();
    write_envelopes(
        dir,
        vec![
            ("alice.stake.vkey", stake_vk.to_envelope()),
            ("alice.stake.skey", stake_sk.to_envelope()),
        ],
    );
    write(dir, "poolMetaData.json", METADATA.as_bytes());
    let hash = metadata::hash(METADATA.as_bytes());
    let owner = Credential::Key(stake_vk.key_hash());
    let params = PoolParams {
        operator: cold_vk.key_hash(),
        vrf_key_hash: vrf_vk.key_hash_256(),
        pledge: 100_000_000_000,
        cost: 170_000_000,
        margin: UnitInterval::new(15, 1000).unwrap(),
        reward_account: RewardAccount {
            network_id: 1,
            credential: owner,
        },
        owners: vec![stake_vk.key_hash()],
        relays: Vec::new(),
        metadata: Some(PoolMetadataRef {
            url: URL.to_owned(),
            hash,
        }),
    };
    let registration = Certificate::StakeRegistration {
        credential: owner,
        deposit: Some(2_000_000),
    };
    let delegation = Certificate::StakeDelegation {
        credential: owner,
        pool: params.operator,
    };
    write_envelopes(
        dir,
        vec![
            ("pool.cert", certificate(&params).to_envelope(Era::Conway)),
            (
                "alice.stake-registration.cert",
                registration.to_envelope(Era::Conway),
            ),
            ("alice.delegation.cert", delegation.to_envelope(Era::Conway)),
        ],
    );
    hash
}

/// An empty folder opened from the checklist, then its "Go to Keys".
fn new_pool_on_keys_tab(dir: &Path) -> Harness<'static, ConsoleApp> {
    let mut h = harness(app(vec![dir.to_path_buf()], fixed_now()));
    h.run_steps(2);
    click(&mut h, "Open or create a pool folder");
    click(&mut h, "Go to Keys");
    h
}

fn opened(dir: &Path) -> Harness<'static, ConsoleApp> {
    let mut a = app(Vec::new(), fixed_now());
    a.open_workspace(dir);
    let mut h = harness(a);
    h.run_steps(3);
    h
}

#[test]
fn after_the_certificate_the_checklist_says_what_is_left_with_the_commands() {
    let dir = TempDir::new().unwrap();
    let hash = hex::encode(built_pool(dir.path()));
    let mut h = opened(dir.path());
    assert_eq!(h.state().tab, Tab::Pool);
    for n in 1..=8 {
        assert!(shows(&h, &format!("✔ {n}.")), "step {n} done");
    }
    // Step 9 is next; the others wait on the online machine, except the witnesses the Sign
    // tab can see.
    assert!(h.query_by_label("➡ 9.").is_some());
    assert!(shows(&h, "Upload poolMetaData.json exactly as written"));
    assert!(shows(
        &h,
        &format!(
            "✔ poolMetaData.json is in the folder; its hash {hash} is the one in the certificate."
        )
    ));
    assert!(shows(
        &h,
        &format!("• Metadata URL in the certificate: {URL}")
    ));
    assert!(h.query_by_label("○ 10.").is_some());
    assert!(shows(&h, "Pay the pool deposit"));
    assert!(shows(&h, "500 ADA on mainnet at the time of writing"));
    assert!(shows(
        &h,
        "stakePoolDeposit field of the protocol parameters"
    ));
    for command in [
        format!("cardano-cli latest stake-pool metadata-hash --pool-metadata-url {URL} --expected-hash {hash}"),
        "cardano-cli latest query protocol-parameters --mainnet --out-file protocol.json".to_owned(),
        "cardano-cli latest query utxo --address \"$PAYMENT_ADDR\" --mainnet".to_owned(),
        "cardano-cli latest transaction build \\\n  --tx-in \"$TX_IN\" \\\n  --change-address \"$PAYMENT_ADDR\" \\\n  --certificate-file alice.stake-registration.cert \\\n  --certificate-file pool.cert \\\n  --certificate-file alice.delegation.cert \\\n  --witness-override 3 \\\n  --mainnet \\\n  --out-file tx.raw".to_owned(),
        "cardano-cli latest transaction witness --tx-body-file tx.raw --signing-key-file payment.skey --mainnet --out-file payment.witness".to_owned(),
        "cardano-cli latest transaction witness --tx-body-file tx.raw --signing-key-file cold.skey --mainnet --out-file cold.witness".to_owned(),
        "cardano-cli latest transaction witness --tx-body-file tx.raw --signing-key-file alice.stake.skey --mainnet --out-file alice.witness".to_owned(),
        "cardano-cli latest transaction assemble --tx-body-file tx.raw \\\n  --witness-file payment.witness \\\n  --witness-file cold.witness \\\n  --witness-file alice.witness \\\n  --out-file tx.signed".to_owned(),
        "cardano-cli latest transaction submit --tx-file tx.signed --mainnet".to_owned(),
    ] {
        assert!(h.query_by_label(&command).is_some(), "shows {command}");
    }
    // The Pool tab has no action of its own: no cardano-cli equivalent under it.
    assert!(!shows(&h, "cardano-cli equivalent"));
    click(&mut h, "Go to Sign");
    assert_eq!(h.state().tab, Tab::Sign);
    click(&mut h, "🏠");
    click(&mut h, "Go to Review");
    assert_eq!(h.state().tab, Tab::Review);
}

#[test]
fn the_keys_tab_points_to_the_checklist_next_step_and_goes_there() {
    let dir = TempDir::new().unwrap();
    keys(dir.path(), false);
    let mut h = opened(dir.path());
    // The Pool tab and the Keys tab agree: step 5, the operational certificate.
    assert!(h.query_by_label("➡ 5.").is_some());
    click(&mut h, "🔑");
    assert_eq!(h.state().tab, Tab::Keys);
    click_exact(
        &mut h,
        "➡ Next: Issue the operational certificate (Op cert tab)",
    );
    assert_eq!(h.state().tab, Tab::OpCert);
}

#[test]
fn the_keys_tab_says_when_the_next_step_is_on_it() {
    let dir = TempDir::new().unwrap();
    let mut h = new_pool_on_keys_tab(dir.path());
    assert!(shows(&h, "➡ Next, step 2: Generate the cold keys (below)."));
    click(&mut h, "Generate cold keys");
    assert!(shows(&h, "➡ Next, step 3: Generate the VRF keys (below)."));
    assert!(!shows(&h, "step 2:"));
}

/// The Op cert tab's equivalent is issue-op-cert, even right after KES keys were generated on
/// the Keys tab and the KES tab was visited; its Copy button copies exactly that.
#[test]
fn the_cli_equivalent_belongs_to_the_tab_on_screen_and_copies_whole() {
    let dir = TempDir::new().unwrap();
    let mut h = new_pool_on_keys_tab(dir.path());
    click(&mut h, "Generate cold keys");
    click(&mut h, "Generate VRF keys");
    click(&mut h, "Generate KES keys");
    assert!(shows(
        &h,
        "cardano-cli node key-gen-KES --verification-key-file kes.vkey --signing-key-file kes.skey"
    ));
    click(&mut h, "⏱");
    assert_eq!(h.state().tab, Tab::Kes);
    click(&mut h, "📜");
    assert_eq!(h.state().tab, Tab::OpCert);
    let issue = "cardano-cli node issue-op-cert --kes-verification-key-file kes.vkey --cold-signing-key-file cold.skey --operational-certificate-issue-counter-file cold.counter --kes-period 1571 --out-file node.opcert";
    assert!(h.query_by_label(issue).is_some());
    assert!(!shows(&h, "key-gen-KES"), "no command of another tab");
    // The command follows what is typed.
    h.state_mut().drafts.kes_period = "1570".to_owned();
    h.run_steps(2);
    assert!(shows(&h, "--kes-period 1570 --out-file node.opcert"));
    h.state_mut().drafts.kes_period = "1571".to_owned();
    h.run_steps(2);

    h.get_by_label("📋 Copy command").click();
    h.step();
    let copied: Vec<&str> = h
        .output()
        .platform_output
        .commands
        .iter()
        .filter_map(|c| match c {
            egui::OutputCommand::CopyText(t) => Some(t.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(copied, [issue]);
}

#[test]
fn a_tab_whose_command_is_incomplete_says_what_is_missing() {
    let dir = TempDir::new().unwrap();
    keys(dir.path(), true);
    let mut h = opened(dir.path());
    click(&mut h, "⊗");
    assert_eq!(h.state().tab, Tab::Retire);
    assert!(shows(&h, "Type the retirement epoch to see the command."));
    assert!(h.query_by_label("📋 Copy command").is_none());
}
