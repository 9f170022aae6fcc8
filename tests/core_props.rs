//! Property tests: decode(encode(x)) = x for every certificate, relay, opcert, counter and
//! envelope; margin parsing is exact; the clock is monotonic and consistent.
#![allow(clippy::disallowed_methods, clippy::unwrap_used, clippy::expect_used)]

use std::net::{Ipv4Addr, Ipv6Addr};

use chrono::{TimeZone, Utc};
use pool_console::core::certificate::margin::UnitInterval;
use pool_console::core::certificate::relay::{DnsName, Relay};
use pool_console::core::certificate::{Certificate, Drep, Era, PoolMetadataRef, PoolParams};
use pool_console::core::chain::clock::ChainClock;
use pool_console::core::encoding::cbor::{CborReader, CborWriter};
use pool_console::core::encoding::envelope::TextEnvelope;
use pool_console::core::kes::opcert::{IssueCounter, OpCert};
use pool_console::core::keys::address::{Credential, RewardAccount};
use proptest::prelude::*;

fn hash28() -> impl Strategy<Value = [u8; 28]> {
    any::<[u8; 28]>()
}

fn credential() -> impl Strategy<Value = Credential> {
    prop_oneof![
        hash28().prop_map(Credential::Key),
        hash28().prop_map(Credential::Script)
    ]
}

fn drep() -> impl Strategy<Value = Drep> {
    prop_oneof![
        hash28().prop_map(Drep::Key),
        hash28().prop_map(Drep::Script),
        Just(Drep::AlwaysAbstain),
        Just(Drep::AlwaysNoConfidence),
    ]
}

fn dns() -> impl Strategy<Value = DnsName> {
    "[a-z0-9_.-]{1,128}".prop_map(|s| DnsName::from_chain(&s).unwrap())
}

fn relay() -> impl Strategy<Value = Relay> {
    prop_oneof![
        (
            proptest::option::of(any::<u16>()),
            proptest::option::of(any::<u32>().prop_map(Ipv4Addr::from)),
            proptest::option::of(any::<u128>().prop_map(Ipv6Addr::from)),
        )
            .prop_map(|(port, ipv4, ipv6)| Relay::SingleHostAddr { port, ipv4, ipv6 }),
        (proptest::option::of(any::<u16>()), dns())
            .prop_map(|(port, name)| Relay::SingleHostName { port, name }),
        dns().prop_map(|name| Relay::MultiHostName { name }),
    ]
}

fn margin() -> impl Strategy<Value = UnitInterval> {
    (1u64.., any::<u64>()).prop_map(|(d, n)| {
        UnitInterval::from_raw(n % d.saturating_add(1).max(1), d).unwrap_or(UnitInterval::ZERO)
    })
}

fn pool_params() -> impl Strategy<Value = PoolParams> {
    (
        (
            hash28(),
            any::<[u8; 32]>(),
            any::<u64>(),
            any::<u64>(),
            margin(),
        ),
        (
            0u8..2,
            credential(),
            proptest::collection::vec(hash28(), 0..5),
        ),
        proptest::collection::vec(relay(), 0..6),
        proptest::option::of(("[ -~]{0,128}", any::<[u8; 32]>())),
    )
        .prop_map(
            |((operator, vrf, pledge, cost, margin), (net, cred, owners), relays, meta)| {
                PoolParams {
                    operator,
                    vrf_key_hash: vrf,
                    pledge,
                    cost,
                    margin,
                    reward_account: RewardAccount {
                        network_id: net,
                        credential: cred,
                    },
                    owners: PoolParams::normalise_owners(owners),
                    relays,
                    metadata: meta.map(|(url, hash)| PoolMetadataRef { url, hash }),
                }
            },
        )
}

/// A certificate together with the era that encodes it losslessly.
fn certificate() -> impl Strategy<Value = (Certificate, Era)> {
    let deposit = any::<u64>();
    prop_oneof![
        (credential(), deposit).prop_map(|(c, d)| (
            Certificate::StakeRegistration {
                credential: c,
                deposit: Some(d)
            },
            Era::Conway
        )),
        credential().prop_map(|c| (
            Certificate::StakeRegistration {
                credential: c,
                deposit: None
            },
            Era::PreConway
        )),
        (credential(), deposit).prop_map(|(c, d)| (
            Certificate::StakeDeregistration {
                credential: c,
                deposit: Some(d)
            },
            Era::Conway
        )),
        credential().prop_map(|c| (
            Certificate::StakeDeregistration {
                credential: c,
                deposit: None
            },
            Era::PreConway
        )),
        (credential(), hash28()).prop_map(|(c, p)| (
            Certificate::StakeDelegation {
                credential: c,
                pool: p
            },
            Era::Conway
        )),
        (pool_params(), any::<bool>()).prop_map(|(p, conway)| (
            Certificate::PoolRegistration(Box::new(p)),
            if conway { Era::Conway } else { Era::PreConway }
        )),
        (hash28(), any::<u64>()).prop_map(|(p, e)| (
            Certificate::PoolRetirement { pool: p, epoch: e },
            Era::Conway
        )),
        (credential(), drep()).prop_map(|(c, d)| (
            Certificate::VoteDelegation {
                credential: c,
                drep: d
            },
            Era::Conway
        )),
        (credential(), hash28(), drep()).prop_map(|(c, p, d)| (
            Certificate::StakeVoteDelegation {
                credential: c,
                pool: p,
                drep: d
            },
            Era::Conway
        )),
        (credential(), hash28(), deposit).prop_map(|(c, p, d)| (
            Certificate::StakeRegistrationDelegation {
                credential: c,
                pool: p,
                deposit: d
            },
            Era::Conway
        )),
        (credential(), drep(), deposit).prop_map(|(c, d, x)| (
            Certificate::VoteRegistrationDelegation {
                credential: c,
                drep: d,
                deposit: x
            },
            Era::Conway
        )),
        (credential(), hash28(), drep(), deposit).prop_map(|(c, p, d, x)| (
            Certificate::StakeVoteRegistrationDelegation {
                credential: c,
                pool: p,
                drep: d,
                deposit: x
            },
            Era::Conway
        )),
    ]
}

proptest! {
    #[test]
    fn certificates_round_trip((cert, era) in certificate()) {
        let bytes = cert.encode(era);
        let (decoded, decoded_era) = Certificate::decode(&bytes).unwrap();
        prop_assert_eq!(&decoded, &cert);
        prop_assert_eq!(decoded_era, era);
        prop_assert_eq!(decoded.encode(decoded_era), bytes);
        // And through the text envelope.
        let env = TextEnvelope::parse(cert.to_envelope(era).render().expose()).unwrap();
        prop_assert_eq!(Certificate::from_envelope(&env).unwrap(), (cert, era));
    }

    #[test]
    fn relays_round_trip(r in relay()) {
        let mut w = CborWriter::new();
        r.encode(&mut w);
        let bytes = w.into_bytes();
        let mut rd = CborReader::new(&bytes);
        prop_assert_eq!(Relay::decode(&mut rd).unwrap(), r);
        prop_assert!(rd.finish().is_ok());
    }

    #[test]
    fn truncated_certificates_never_decode((cert, era) in certificate(), cut in any::<prop::sample::Index>()) {
        let bytes = cert.encode(era);
        let n = cut.index(bytes.len());
        prop_assert!(Certificate::decode(&bytes[..n]).is_err());
    }

    #[test]
    fn opcerts_and_counters_round_trip(kes in any::<[u8; 32]>(), n in any::<u64>(), p in any::<u64>(), sig in any::<[u8; 32]>(), cold in any::<[u8; 32]>()) {
        let mut signature = [0u8; 64];
        signature[..32].copy_from_slice(&sig);
        let c = OpCert { kes_vkey: kes, issue_number: n, kes_period: p, signature, cold_vkey: cold };
        prop_assert_eq!(OpCert::decode(&c.encode()).unwrap(), c.clone());
        let env = TextEnvelope::parse(c.to_envelope().render().expose()).unwrap();
        prop_assert_eq!(OpCert::from_envelope(&env).unwrap(), c);
        let counter = IssueCounter { next_issue_number: n, cold_vkey: cold };
        prop_assert_eq!(IssueCounter::decode(&counter.encode()).unwrap(), counter);
    }

    #[test]
    fn envelopes_round_trip(ty in "\\PC{0,40}", desc in "\\PC{0,80}", cbor in proptest::collection::vec(any::<u8>(), 0..200)) {
        let env = TextEnvelope::new(&ty, &desc, cbor);
        let text = env.render();
        prop_assert_eq!(TextEnvelope::parse(text.expose()).unwrap(), env);
        let ends_right = text.expose().ends_with(b"\"\n}\n");
        prop_assert!(ends_right);
    }

    #[test]
    fn fraction_margins_parse_exactly(d in 1u64..=u64::MAX, n in any::<u64>()) {
        let n = n % d.saturating_add(1).max(1);
        let m = UnitInterval::parse(&format!("{n}/{d}")).unwrap();
        // Same value (cross-multiplied exactly), fully reduced.
        prop_assert_eq!(u128::from(m.numerator()) * u128::from(d), u128::from(n) * u128::from(m.denominator()));
        prop_assert_eq!(gcd(m.numerator(), m.denominator()), 1);
    }

    #[test]
    fn decimal_margins_parse_exactly(digits in "[0-9]{1,18}") {
        let text = format!("0.{digits}");
        let m = UnitInterval::parse(&text).unwrap();
        let value: u128 = digits.parse().unwrap();
        let scale = 10u128.pow(u32::try_from(digits.len()).unwrap());
        prop_assert_eq!(u128::from(m.numerator()) * scale, value * u128::from(m.denominator()));
        prop_assert_eq!(gcd(m.numerator(), m.denominator()), 1);
    }

    #[test]
    fn margins_above_one_are_refused(n in 2u64..1000, d in 1u64..1000) {
        prop_assume!(n > d);
        let text = format!("{n}/{d}");
        prop_assert!(UnitInterval::parse(&text).is_err());
    }

    #[test]
    fn clock_is_monotonic_and_consistent(a in 1_506_203_091i64..4_000_000_000, b in 1_506_203_091i64..4_000_000_000) {
        let c = ChainClock::mainnet();
        let (t1, t2) = (Utc.timestamp_opt(a.min(b), 0).unwrap(), Utc.timestamp_opt(a.max(b), 0).unwrap());
        let (p1, p2) = (c.point_at(t1).unwrap(), c.point_at(t2).unwrap());
        prop_assert!(p1.slot <= p2.slot && p1.epoch <= p2.epoch && p1.kes_period <= p2.kes_period);
        prop_assert!(c.slot_start(p1.slot).unwrap() <= t1);
        prop_assert!(c.slot_start(p1.slot + 1).unwrap() > t1);
        prop_assert_eq!(c.epoch_of_slot(p1.slot), p1.epoch);
    }
}

fn gcd(mut a: u64, mut b: u64) -> u64 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

mod governance_votes {
    use super::hash28;
    use pool_console::core::governance::{
        Anchor, GovActionId, Vote, Voter, VotingProcedure, VotingProcedures,
    };
    use proptest::prelude::*;

    fn voter() -> impl Strategy<Value = Voter> {
        prop_oneof![
            hash28().prop_map(Voter::CommitteeKey),
            hash28().prop_map(Voter::CommitteeScript),
            hash28().prop_map(Voter::DrepKey),
            hash28().prop_map(Voter::DrepScript),
            hash28().prop_map(Voter::StakePool),
        ]
    }

    fn procedure() -> impl Strategy<Value = VotingProcedure> {
        let vote = prop_oneof![Just(Vote::No), Just(Vote::Yes), Just(Vote::Abstain)];
        let anchor = proptest::option::of(
            ("\\PC{0,32}", any::<[u8; 32]>())
                .prop_filter_map("URL within 128 bytes", |(url, hash)| {
                    Anchor::new(&url, hash).ok()
                }),
        );
        (vote, anchor).prop_map(|(vote, anchor)| VotingProcedure { vote, anchor })
    }

    proptest! {
        #[test]
        fn voting_procedures_round_trip(
            votes in proptest::collection::vec(
                (voter(), any::<[u8; 32]>(), any::<u16>(), procedure()),
                1..6,
            )
        ) {
            let mut v = VotingProcedures::default();
            for (voter, tx, index, p) in votes {
                v.insert(voter, GovActionId::new(tx, index), p);
            }
            let bytes = v.encode();
            prop_assert_eq!(VotingProcedures::decode(&bytes).unwrap(), v.clone());
            prop_assert_eq!(VotingProcedures::from_envelope(&v.to_envelope()).unwrap(), v);
        }

        #[test]
        fn cip_129_ids_round_trip(tx in any::<[u8; 32]>(), index in any::<u16>()) {
            let id = GovActionId::new(tx, index);
            prop_assert_eq!(GovActionId::from_bech32(&id.to_bech32()).unwrap(), id);
        }
    }
}
