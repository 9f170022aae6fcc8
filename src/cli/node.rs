//! `node key-gen`, `key-gen-KES`, `key-gen-VRF`, `key-hash-VRF`, `new-counter`, `issue-op-cert`.

use super::args::NodeCommand;
use super::output;
use super::{inputs, CliError, CliResult, Streams};
use crate::core::kes::issue_period;
use crate::core::keys::{accept, KeyKind};
use crate::ops::keys::{self as key_ops, PairKind, PairPaths};
use crate::ops::opcert::{self as opcert_ops, IssueRequest, PeriodCheck};
use crate::platform::clock::{Clock, SystemClock};
use crate::platform::load;

pub fn run(cmd: NodeCommand, io: &mut Streams<'_>) -> CliResult {
    match cmd {
        NodeCommand::KeyGen {
            format,
            cold_verification_key_file,
            cold_signing_key_file,
            operational_certificate_issue_counter_file,
            force,
        } => {
            let paths = PairPaths {
                verification: &cold_verification_key_file,
                signing: &cold_signing_key_file,
            };
            let (_, done) = key_ops::generate_cold(
                paths,
                &operational_certificate_issue_counter_file,
                format.resolve()?,
                force,
            )?;
            output::notes(&done, io)
        }
        NodeCommand::KeyGenKes(a) => output::generate_key_pair(PairKind::Kes, &a, io),
        NodeCommand::KeyGenVrf(a) => output::generate_key_pair(PairKind::Vrf, &a, io),
        NodeCommand::KeyHashVrf {
            verification_key,
            verification_key_file,
            out_file,
        } => {
            let vk = inputs::verification_key(
                verification_key_file.as_deref(),
                verification_key.as_deref().map(|t| ("verification-key", t)),
                accept::VRF_VERIFICATION,
            )?;
            output::text_value(
                &hex::encode(vk.key_hash_256()),
                out_file.as_deref(),
                false,
                io,
            )
        }
        NodeCommand::NewCounter {
            stake_pool_verification_key,
            stake_pool_verification_extended_key,
            genesis_delegate_verification_key,
            cold_verification_key_file,
            counter_value,
            operational_certificate_issue_counter_file,
            force,
        } => {
            let vk = if let Some(p) = &cold_verification_key_file {
                inputs::verification_key_file(p, accept::OPCERT_COLD_VERIFICATION)?
            } else if let Some(t) = &stake_pool_verification_key {
                inputs::verification_key_text(
                    "stake-pool-verification-key",
                    t,
                    &[KeyKind::ColdVerification],
                )?
            } else if let Some(t) = &stake_pool_verification_extended_key {
                inputs::verification_key_text(
                    "stake-pool-verification-extended-key",
                    t,
                    &[KeyKind::ColdExtendedVerification],
                )?
            } else if let Some(t) = &genesis_delegate_verification_key {
                inputs::verification_key_text(
                    "genesis-delegate-verification-key",
                    t,
                    &[KeyKind::GenesisDelegateVerification],
                )?
            } else {
                return Err(CliError::new("a cold verification key is required"));
            };
            let done = key_ops::new_counter(
                &vk,
                counter_value,
                &operational_certificate_issue_counter_file,
                force,
            )?;
            output::notes(&done, io)
        }
        NodeCommand::IssueOpCert {
            kes_verification_key,
            kes_verification_key_file,
            cold_signing_key_file,
            operational_certificate_issue_counter_file,
            kes_period,
            out_file,
            allow_distant_kes_period,
            passphrase,
        } => {
            let kes_vk = inputs::verification_key(
                kes_verification_key_file.as_deref(),
                kes_verification_key
                    .as_deref()
                    .map(|t| ("kes-verification-key", t)),
                accept::KES_VERIFICATION,
            )?;
            let period = if allow_distant_kes_period {
                PeriodCheck::Any
            } else {
                PeriodCheck::Near {
                    current: issue_period::current_periods(
                        SystemClock.now(),
                        &issue_period::public_networks(),
                    ),
                    how_to_fix: "use the period `pool-console kes period` prints (or pass --allow-distant-kes-period if this period is meant: a test network's own clock, say)",
                }
            };
            let ask = |key: &std::path::Path| passphrase.ask(key);
            let request = IssueRequest {
                kes_vkey: &kes_vk.public_key(),
                cold_signing_key: &cold_signing_key_file,
                counter: &operational_certificate_issue_counter_file,
                kes_period,
                out: &out_file,
                unlock: load::Unlock(&ask),
            };
            let (_, done) = opcert_ops::issue(&request, &period)?;
            output::notes(&done, io)
        }
    }
}
