//! `stake-address` commands: keys, hashes, addresses and the certificates owners submit.

use std::path::Path;

use super::args::StakeAddressCommand;
use super::{inputs, output, CliError, CliResult, Streams};
use crate::core::certificate::{Certificate, Era};
use crate::core::keys::accept;
use crate::core::keys::address::RewardAccount;

/// Conway needs the deposit in (de)registration certificates; earlier eras have none.
fn deposit_for(era: Era, amount: Option<u64>, command: &str) -> Result<Option<u64>, CliError> {
    match (era, amount) {
        (Era::Conway, Some(d)) => Ok(Some(d)),
        (Era::Conway, None) => Err(CliError::new(format!(
            "stake-address {command}: --key-reg-deposit-amt is required from Conway on (the current key deposit, e.g. 2000000 lovelace)"
        ))),
        (Era::PreConway, None) => Ok(None),
        (Era::PreConway, Some(_)) => Err(CliError::new(format!(
            "stake-address {command}: --key-reg-deposit-amt is only for Conway certificates; drop it or leave out the babbage era word"
        ))),
    }
}

fn conway_only(era: Era, command: &str) -> CliResult {
    if era == Era::Conway {
        Ok(())
    } else {
        Err(CliError::new(format!(
            "stake-address {command} exists only from Conway on"
        )))
    }
}

fn write(cert: &Certificate, era: Era, out: &Path, io: &mut Streams<'_>) -> CliResult {
    output::write_certificate(cert, era, out, io)
}

pub fn run(cmd: StakeAddressCommand, era: Era, io: &mut Streams<'_>) -> CliResult {
    use StakeAddressCommand as C;
    match cmd {
        C::KeyGen(a) => output::generate_key_pair(crate::ops::keys::PairKind::Stake, &a, io),
        C::KeyHash { key, out_file } => {
            let vk = inputs::verification_key(
                key.stake_verification_key_file.as_deref(),
                key.stake_verification_key
                    .as_deref()
                    .map(|t| ("stake-verification-key", t)),
                accept::STAKE_VERIFICATION,
            )?;
            output::text_value(&hex::encode(vk.key_hash()), out_file.as_deref(), true, io)
        }
        C::Build {
            credential,
            network: net,
            out_file,
        } => {
            let cred = inputs::build_credential(&credential)?;
            let addr = RewardAccount::new(net.network(), cred).to_bech32()?;
            output::text_value(&addr, out_file.as_deref(), true, io)
        }
        C::RegistrationCertificate {
            credential,
            key_reg_deposit_amt,
            out_file,
        } => {
            let deposit = deposit_for(era, key_reg_deposit_amt, "registration-certificate")?;
            let credential = inputs::stake_credential(&credential)?;
            write(
                &Certificate::StakeRegistration {
                    credential,
                    deposit,
                },
                era,
                &out_file,
                io,
            )
        }
        C::DeregistrationCertificate {
            credential,
            key_reg_deposit_amt,
            out_file,
        } => {
            let deposit = deposit_for(era, key_reg_deposit_amt, "deregistration-certificate")?;
            let credential = inputs::stake_credential(&credential)?;
            write(
                &Certificate::StakeDeregistration {
                    credential,
                    deposit,
                },
                era,
                &out_file,
                io,
            )
        }
        C::StakeDelegationCertificate {
            credential,
            pool,
            out_file,
        } => {
            let credential = inputs::stake_credential(&credential)?;
            let pool = inputs::pool_target(&pool)?;
            write(
                &Certificate::StakeDelegation { credential, pool },
                era,
                &out_file,
                io,
            )
        }
        C::RegistrationAndDelegationCertificate {
            credential,
            pool,
            key_reg_deposit_amt,
            out_file,
        } => {
            conway_only(era, "registration-and-delegation-certificate")?;
            let credential = inputs::stake_credential(&credential)?;
            let pool = inputs::pool_target(&pool)?;
            let cert = Certificate::StakeRegistrationDelegation {
                credential,
                pool,
                deposit: key_reg_deposit_amt,
            };
            write(&cert, era, &out_file, io)
        }
        C::VoteDelegationCertificate {
            credential,
            drep,
            out_file,
        } => {
            conway_only(era, "vote-delegation-certificate")?;
            let credential = inputs::stake_credential(&credential)?;
            let drep = inputs::drep(&drep)?;
            write(
                &Certificate::VoteDelegation { credential, drep },
                era,
                &out_file,
                io,
            )
        }
        C::StakeAndVoteDelegationCertificate {
            credential,
            pool,
            drep,
            out_file,
        } => {
            conway_only(era, "stake-and-vote-delegation-certificate")?;
            let credential = inputs::stake_credential(&credential)?;
            let pool = inputs::pool_target(&pool)?;
            let drep = inputs::drep(&drep)?;
            write(
                &Certificate::StakeVoteDelegation {
                    credential,
                    pool,
                    drep,
                },
                era,
                &out_file,
                io,
            )
        }
        C::RegistrationAndVoteDelegationCertificate {
            credential,
            drep,
            key_reg_deposit_amt,
            out_file,
        } => {
            conway_only(era, "registration-and-vote-delegation-certificate")?;
            let credential = inputs::stake_credential(&credential)?;
            let drep = inputs::drep(&drep)?;
            let cert = Certificate::VoteRegistrationDelegation {
                credential,
                drep,
                deposit: key_reg_deposit_amt,
            };
            write(&cert, era, &out_file, io)
        }
        C::RegistrationStakeAndVoteDelegationCertificate {
            credential,
            pool,
            drep,
            key_reg_deposit_amt,
            out_file,
        } => {
            conway_only(era, "registration-stake-and-vote-delegation-certificate")?;
            let credential = inputs::stake_credential(&credential)?;
            let pool = inputs::pool_target(&pool)?;
            let drep = inputs::drep(&drep)?;
            let cert = Certificate::StakeVoteRegistrationDelegation {
                credential,
                pool,
                drep,
                deposit: key_reg_deposit_amt,
            };
            write(&cert, era, &out_file, io)
        }
    }
}
