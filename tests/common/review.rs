//! Files for the review and signing tests, built from the cardano-cli vectors: the derived
//! mainnet registration, an older registration of the same pool, a plan naming its owners, and
//! transactions carrying it.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use pool_console::core::certificate::{Certificate, Era, PoolParams};
use pool_console::core::encoding::cbor::CborWriter;
use pool_console::core::keys::address::Network;
use pool_console::core::keys::{accept, KeyKind};
use pool_console::core::review::plan::{PlannedOwner, PoolPlan};
use pool_console::platform::load;

use super::vector;

/// Owners of the derived registration: `owner.vkey` ("Alice") and `stake_keys` ("Bob").
pub const ALICE_KEY: &str = "input/node-pool/owner.vkey";
pub const BOB_KEY: &str = "input/keys/stake_keys/verification_key";
/// Bob's signing key (same seed as `stake_keys`).
pub const BOB_SKEY: &str = "input/keys/transaction-sign/stake.skey";
pub const CERT: &str = "derived/pool-registration/conway-mainnet-full.cert";

pub fn params() -> PoolParams {
    load::registration(&vector(CERT)).unwrap().0
}

pub fn key_hash(rel: &str) -> [u8; 28] {
    load::verification_key(&vector(rel), accept::STAKE_VERIFICATION)
        .unwrap()
        .key_hash()
}

/// The same pool before: pledge 50,000 ADA, Alice alone, no DNS relay.
pub fn previous_params() -> PoolParams {
    let mut p = params();
    p.pledge = 50_000_000_000;
    let bob = key_hash(BOB_KEY);
    p.owners.retain(|h| h != &bob);
    p.relays.remove(3);
    p
}

pub fn write_cert(path: &Path, params: &PoolParams) {
    let env = Certificate::PoolRegistration(Box::new(params.clone())).to_envelope(Era::Conway);
    std::fs::write(path, env.render().expose()).unwrap();
}

/// A plan for the derived registration: Alice plans `alice` lovelace, Bob `bob`.
pub fn plan(alice: u64, bob: u64, bob_delegated: Option<bool>) -> PoolPlan {
    PoolPlan {
        network: Network::Mainnet,
        params: params(),
        owners: vec![
            PlannedOwner {
                name: "Alice".to_owned(),
                key_hash: key_hash(ALICE_KEY),
                pledge: alice,
                delegated: Some(true),
            },
            PlannedOwner {
                name: "Bob".to_owned(),
                key_hash: key_hash(BOB_KEY),
                pledge: bob,
                delegated: bob_delegated,
            },
        ],
    }
}

/// A Conway body spending one input, paying one output, with these certificates (CBOR each).
pub fn body_with(certs: &[Vec<u8>]) -> Vec<u8> {
    let mut w = CborWriter::new();
    w.map(if certs.is_empty() { 4 } else { 5 });
    w.uint(0)
        .tag(258)
        .array(1)
        .array(2)
        .bytes(&[0x23; 32])
        .uint(0);
    let addr = hex::decode("016b837ca50316ee4e00033482ed128887d72c2bae5b0438d692dc1251b0c8b17595ebdb93c1f974be0a9b1ef26c474649d9c2ae766ed135cf").unwrap();
    w.uint(1).array(1).array(2).bytes(&addr).uint(5_000_000);
    w.uint(2).uint(180_000);
    w.uint(3).uint(203_700_000);
    if !certs.is_empty() {
        w.uint(4).tag(258).array(certs.len());
        for c in certs {
            w.raw(c);
        }
    }
    w.into_bytes()
}

/// The pool `pool` votes Yes on `42…42#0` with an anchor and No on `42…42#1` without: the
/// body of one trip to the offline machine.
pub fn two_pool_votes_body(pool: [u8; 28]) -> Vec<u8> {
    use pool_console::core::governance::{
        Anchor, GovActionId, Vote, Voter, VotingProcedure, VotingProcedures,
    };
    let mut votes = VotingProcedures::default();
    for (index, vote, anchor) in [
        (
            0,
            Vote::Yes,
            Some(Anchor::new(POOL_VOTE_URL, [7; 32]).unwrap()),
        ),
        (1, Vote::No, None),
    ] {
        votes.insert(
            Voter::StakePool(pool),
            GovActionId::new([0x42; 32], index),
            VotingProcedure { vote, anchor },
        );
    }
    // body_with(&[]) is a map of 4 fields (head 0xa4): one more, field 19.
    let mut body = body_with(&[]);
    body[0] = 0xa5;
    body.push(0x13);
    body.extend(votes.encode());
    body
}

/// How the two votes of [`two_pool_votes_body`] read, in the ledger's order.
pub fn two_pool_votes_words(pool: &[u8; 28]) -> [String; 2] {
    let pool = pool_console::core::keys::address::pool_bech32(pool);
    let on = |i| {
        let id = pool_console::core::governance::GovActionId::new([0x42; 32], i);
        format!("{} ({id})", id.to_bech32())
    };
    [
        format!("Pool {pool} votes Yes on {}, anchor {POOL_VOTE_URL}", on(0)),
        format!("Pool {pool} votes No on {}, no anchor", on(1)),
    ]
}

pub const POOL_VOTE_URL: &str = "https://pool.example/rationale.jsonld";

/// `transaction build-raw`'s file for a body: `[body, {}, true, null]` in a text envelope.
pub fn tx_file(path: &Path, body: &[u8]) {
    let text = format!(
        "{{\n    \"type\": \"Tx ConwayEra\",\n    \"description\": \"Ledger Cddl Format\",\n    \"cborHex\": \"84{}a0f5f6\"\n}}\n",
        hex::encode(body)
    );
    std::fs::write(path, text).unwrap();
}

/// The registration transaction an operator hands the owners.
pub fn registration_tx(dir: &Path) -> PathBuf {
    let cert = Certificate::PoolRegistration(Box::new(params())).encode(Era::Conway);
    let path = dir.join("registration.tx");
    tx_file(&path, &body_with(&[cert]));
    path
}

/// The registration with the first owner's delegation to the pool, as the operator builds
/// them together: that owner's key signs for two roles.
pub fn registration_and_delegation_tx(dir: &Path) -> PathBuf {
    let p = params();
    let registration = Certificate::PoolRegistration(Box::new(p.clone())).encode(Era::Conway);
    let delegation = Certificate::StakeDelegation {
        credential: pool_console::core::keys::address::Credential::Key(p.owners[0]),
        pool: p.operator,
    }
    .encode(Era::Conway);
    let path = dir.join("registration.tx");
    tx_file(&path, &body_with(&[registration, delegation]));
    path
}

/// The CreateWitness golden body as `transaction build-raw` writes it.
pub fn golden_tx(dir: &Path) -> PathBuf {
    let body = String::from_utf8(super::read(&vector(
        "derived/witness/txbody-signed-by-witness-out.cbor.hex",
    )))
    .unwrap();
    let path = dir.join("tx.raw");
    tx_file(&path, &hex::decode(body.trim()).unwrap());
    path
}

pub fn is_payment(kind: KeyKind) -> bool {
    matches!(
        kind,
        KeyKind::PaymentSigning | KeyKind::PaymentExtendedSigning
    )
}

/// A DNS relay name of 58 bytes: long enough to wrap at 960 px, short enough for every era.
pub const LONG_RELAY: &str = "relay-one.frankfurt.eu-central.infrastructure.alicepool.io";
/// A long metadata URL (66 bytes), whose host must stay visible.
pub const LONG_URL: &str = "https://metadata.alicepool-infrastructure.io/pools/alice-meta.json";

/// The metadata file Alice's pool serves.
pub fn metadata_file() -> String {
    pool_console::core::certificate::metadata::render(
        &pool_console::core::certificate::metadata::PoolMetadata {
            name: "Alice's Pool".to_owned(),
            description: "A small pool run by Alice and Bob from two countries.".to_owned(),
            ticker: "ALICE".to_owned(),
            homepage: "https://alicepool.io".to_owned(),
            extended: None,
        },
    )
}

/// The derived registration with a long DNS relay (port 3001), a private relay address, and
/// a long metadata URL whose hash is that of [`metadata_file`].
pub fn long_params() -> PoolParams {
    use pool_console::core::certificate::relay::{DnsName, Relay};
    let mut p = params();
    p.relays = vec![
        Relay::SingleHostName {
            port: Some(3001),
            name: DnsName::parse(LONG_RELAY).unwrap(),
        },
        Relay::SingleHostAddr {
            port: Some(6000),
            ipv4: Some("10.0.0.5".parse().unwrap()),
            ipv6: None,
        },
    ];
    p.metadata = Some(pool_console::core::certificate::PoolMetadataRef {
        url: LONG_URL.to_owned(),
        hash: pool_console::core::certificate::metadata::hash(metadata_file().as_bytes()),
    });
    p
}

/// The derived registration on a test network: owners and reward account are `stake_test1…`.
pub fn testnet_params() -> PoolParams {
    let mut p = params();
    p.reward_account.network_id = 0;
    p
}
