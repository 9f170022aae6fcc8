//! `node key-gen`, `key-gen-KES`, `key-gen-VRF`, `key-hash-VRF`, `new-counter`, `issue-op-cert`.

use std::path::Path;

use super::args::NodeCommand;
use super::output::{self, KeyFormat};
use super::{inputs, CliError, CliResult, Streams};
use crate::core::keys::{accept, generate, KeyKind};
use crate::core::opcert::{self, IssueCounter};
use crate::platform::entropy;
use crate::platform::files::{self, Output, Protection};
use crate::platform::load;

pub fn run(cmd: NodeCommand, io: &mut Streams<'_>) -> CliResult {
    match cmd {
        NodeCommand::KeyGen {
            format,
            cold_verification_key_file,
            cold_signing_key_file,
            operational_certificate_issue_counter_file,
            force,
        } => key_gen(
            format.resolve()?,
            &cold_verification_key_file,
            &cold_signing_key_file,
            &operational_certificate_issue_counter_file,
            force,
        ),
        NodeCommand::KeyGenKes(a) => output::generate_key_pair(&a, generate::kes),
        NodeCommand::KeyGenVrf(a) => output::generate_key_pair(&a, generate::vrf),
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
            let counter = IssueCounter {
                next_issue_number: counter_value,
                cold_vkey: vk.public_key(),
            };
            let bytes = counter.to_envelope_without_description().render();
            files::write_one(
                &operational_certificate_issue_counter_file,
                bytes.expose(),
                Protection::Guarded,
                force,
            )?;
            Ok(())
        }
        NodeCommand::IssueOpCert {
            kes_verification_key,
            kes_verification_key_file,
            cold_signing_key_file,
            operational_certificate_issue_counter_file,
            kes_period,
            out_file,
        } => {
            let kes_vk = inputs::verification_key(
                kes_verification_key_file.as_deref(),
                kes_verification_key
                    .as_deref()
                    .map(|t| ("kes-verification-key", t)),
                accept::KES_VERIFICATION,
            )?;
            issue_op_cert(
                &kes_vk.public_key(),
                &cold_signing_key_file,
                &operational_certificate_issue_counter_file,
                kes_period,
                &out_file,
            )
        }
    }
}

fn key_gen(
    format: KeyFormat,
    vk_path: &Path,
    sk_path: &Path,
    counter_path: &Path,
    force: bool,
) -> CliResult {
    let seed = entropy::seed32().map_err(CliError::new)?;
    let (sk, vk) = generate::ed25519(KeyKind::ColdSigning, &seed)?;
    let counter = IssueCounter {
        next_issue_number: 0,
        cold_vkey: vk.public_key(),
    };
    let counter_bytes = counter.to_envelope().render();
    let counter_output = Output {
        path: counter_path,
        bytes: counter_bytes.expose(),
        protection: Protection::Guarded,
    };
    output::write_key_pair(
        &vk,
        vk_path,
        &sk,
        sk_path,
        format,
        force,
        Some(counter_output),
    )
}

fn issue_op_cert(
    kes_vkey: &[u8; 32],
    cold_path: &Path,
    counter_path: &Path,
    kes_period: u64,
    out_file: &Path,
) -> CliResult {
    let cold = inputs::signing_key_file(cold_path, accept::OPCERT_COLD_SIGNING)?;
    let counter = load::counter(counter_path).map_err(CliError::new)?;
    let issued = opcert::issue(&cold, &counter, kes_vkey, kes_period).map_err(|e| match e {
        opcert::OpCertError::CounterKeyMismatch { .. } | opcert::OpCertError::CounterOverflow => {
            CliError::file(counter_path, e)
        }
        other => CliError::file(cold_path, other),
    })?;
    // As cardano-cli: the incremented counter is renamed into place before the certificate.
    // Both are checked and staged first, and a failed rename puts the counter back, so the
    // counter never moves without a certificate.
    let next = issued.next_counter.to_envelope().render();
    let cert = issued.opcert.to_envelope().render();
    files::write_all(
        &[
            Output {
                path: counter_path,
                bytes: next.expose(),
                protection: Protection::CounterUpdate,
            },
            Output {
                path: out_file,
                bytes: cert.expose(),
                protection: Protection::Output,
            },
        ],
        false,
    )?;
    Ok(())
}
