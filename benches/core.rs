//! Speed of the certificate core: key generation, opcert issue, registration encode/decode.
//! Targets (release, 2-core machine): encode ≤ 2 µs, decode ≤ 4 µs, Sum6 KES keygen ≤ 5 ms.
#![allow(
    clippy::disallowed_methods,
    clippy::unwrap_used,
    clippy::expect_used,
    missing_docs
)]

use std::hint::black_box;
use std::net::{Ipv4Addr, Ipv6Addr};

use criterion::{criterion_group, criterion_main, Criterion};
use pool_console::core::certificate::margin::UnitInterval;
use pool_console::core::certificate::relay::{DnsName, Relay};
use pool_console::core::certificate::{Certificate, Era, PoolMetadataRef, PoolParams};
use pool_console::core::kes::opcert::{self, IssueCounter};
use pool_console::core::keys::address::{Credential, Network, RewardAccount};
use pool_console::core::keys::{generate, KeyKind};

/// A registration with 2 owners, 4 relays and metadata.
fn registration() -> Certificate {
    Certificate::PoolRegistration(Box::new(PoolParams {
        operator: [0x41; 28],
        vrf_key_hash: [0x6a; 32],
        pledge: 100_000_000_000,
        cost: 170_000_000,
        margin: UnitInterval::new(3, 200).unwrap(),
        reward_account: RewardAccount::new(Network::Mainnet, Credential::Key([0x74; 28])),
        owners: PoolParams::normalise_owners([[0x74; 28], [0x81; 28]]),
        relays: vec![
            Relay::SingleHostAddr {
                port: Some(3001),
                ipv4: Some(Ipv4Addr::new(203, 0, 113, 10)),
                ipv6: None,
            },
            Relay::SingleHostAddr {
                port: Some(3003),
                ipv4: Some(Ipv4Addr::new(198, 51, 100, 7)),
                ipv6: Some("2a01:4f8:191:412c::3".parse::<Ipv6Addr>().unwrap()),
            },
            Relay::SingleHostName {
                port: Some(3001),
                name: DnsName::parse("relay1.example.com").unwrap(),
            },
            Relay::MultiHostName {
                name: DnsName::parse("_cardano._tcp.example.com").unwrap(),
            },
        ],
        metadata: Some(PoolMetadataRef {
            url: "https://example.com/poolMetadata.json".to_owned(),
            hash: [0x82; 32],
        }),
    }))
}

fn certificates(c: &mut Criterion) {
    let cert = registration();
    let bytes = cert.encode(Era::Conway);
    c.bench_function("registration encode (2 owners, 4 relays, metadata)", |b| {
        b.iter(|| black_box(&cert).encode(Era::Conway));
    });
    c.bench_function("registration decode (2 owners, 4 relays, metadata)", |b| {
        b.iter(|| Certificate::decode(black_box(&bytes)).unwrap());
    });
    c.bench_function("registration text envelope render", |b| {
        b.iter(|| black_box(&cert).to_envelope(Era::Conway).render());
    });
}

fn keys(c: &mut Criterion) {
    c.bench_function("KES Sum6 key generation", |b| {
        b.iter(|| generate::kes(black_box(&[7u8; 32])).unwrap())
    });
    c.bench_function("cold key generation (Ed25519)", |b| {
        b.iter(|| generate::ed25519(KeyKind::ColdSigning, black_box(&[7u8; 32])).unwrap());
    });
    c.bench_function("VRF key generation", |b| {
        b.iter(|| generate::vrf(black_box(&[7u8; 32])).unwrap())
    });
}

fn opcerts(c: &mut Criterion) {
    let (cold, vk) = generate::ed25519(KeyKind::ColdSigning, &[5u8; 32]).unwrap();
    let counter = IssueCounter {
        next_issue_number: 7,
        cold_vkey: vk.public_key(),
    };
    c.bench_function("opcert issue (sign + counter)", |b| {
        b.iter(|| opcert::issue(black_box(&cold), black_box(&counter), &[9u8; 32], 1031).unwrap());
    });
    let issued = opcert::issue(&cold, &counter, &[9u8; 32], 1031).unwrap();
    c.bench_function("opcert verify", |b| {
        b.iter(|| black_box(&issued.opcert).signature_valid())
    });
}

criterion_group!(benches, certificates, keys, opcerts);
criterion_main!(benches);
