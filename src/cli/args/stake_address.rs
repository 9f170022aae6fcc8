//! `stake-address`: stake keys, addresses and their certificates.

use clap::{ArgGroup, Args, Subcommand};
use std::path::PathBuf;

use super::*;

#[derive(Debug, Subcommand)]
pub enum StakeAddressCommand {
    /// Create a stake address key pair
    #[command(name = "key-gen")]
    KeyGen(KeyPairArgs),
    /// Print the hash of a stake address key
    #[command(name = "key-hash")]
    KeyHash {
        #[command(flatten)]
        key: StakeKeyArg,
        /// Optional output file. Default is to write to stdout.
        #[arg(long, value_name = "FILEPATH")]
        out_file: Option<PathBuf>,
    },
    /// Build a stake address
    Build {
        #[command(flatten)]
        credential: BuildCredentialArg,
        #[command(flatten)]
        network: NetworkArg,
        /// Optional output file. Default is to write to stdout.
        #[arg(long, value_name = "FILEPATH")]
        out_file: Option<PathBuf>,
    },
    /// Create a stake address registration certificate
    #[command(name = "registration-certificate")]
    RegistrationCertificate {
        #[command(flatten)]
        credential: StakeCredentialArg,
        /// Key registration deposit amount (required from Conway on).
        #[arg(long, value_name = "NATURAL")]
        key_reg_deposit_amt: Option<u64>,
        /// The output file.
        #[arg(long, value_name = "FILEPATH")]
        out_file: PathBuf,
    },
    /// Create a stake address deregistration certificate
    #[command(name = "deregistration-certificate")]
    DeregistrationCertificate {
        #[command(flatten)]
        credential: StakeCredentialArg,
        /// Key registration deposit amount (required from Conway on).
        #[arg(long, value_name = "NATURAL")]
        key_reg_deposit_amt: Option<u64>,
        /// The output file.
        #[arg(long, value_name = "FILEPATH")]
        out_file: PathBuf,
    },
    /// Create a stake address stake delegation certificate
    #[command(name = "stake-delegation-certificate")]
    StakeDelegationCertificate {
        #[command(flatten)]
        credential: StakeCredentialArg,
        #[command(flatten)]
        pool: PoolTargetArg,
        /// The output file.
        #[arg(long, value_name = "FILEPATH")]
        out_file: PathBuf,
    },
    /// Create a stake address registration and delegation certificate
    #[command(name = "registration-and-delegation-certificate")]
    RegistrationAndDelegationCertificate {
        #[command(flatten)]
        credential: StakeCredentialArg,
        #[command(flatten)]
        pool: PoolTargetArg,
        /// Key registration deposit amount.
        #[arg(long, value_name = "NATURAL")]
        key_reg_deposit_amt: u64,
        /// The output file.
        #[arg(long, value_name = "FILEPATH")]
        out_file: PathBuf,
    },
    /// Create a vote delegation certificate
    #[command(name = "vote-delegation-certificate")]
    VoteDelegationCertificate {
        #[command(flatten)]
        credential: StakeCredentialArg,
        #[command(flatten)]
        drep: DrepArg,
        /// The output file.
        #[arg(long, value_name = "FILEPATH")]
        out_file: PathBuf,
    },
    /// Create a stake and vote delegation certificate
    #[command(name = "stake-and-vote-delegation-certificate")]
    StakeAndVoteDelegationCertificate {
        #[command(flatten)]
        credential: StakeCredentialArg,
        #[command(flatten)]
        pool: PoolTargetArg,
        #[command(flatten)]
        drep: DrepArg,
        /// The output file.
        #[arg(long, value_name = "FILEPATH")]
        out_file: PathBuf,
    },
    /// Create a stake address registration and vote delegation certificate
    #[command(name = "registration-and-vote-delegation-certificate")]
    RegistrationAndVoteDelegationCertificate {
        #[command(flatten)]
        credential: StakeCredentialArg,
        #[command(flatten)]
        drep: DrepArg,
        /// Key registration deposit amount.
        #[arg(long, value_name = "NATURAL")]
        key_reg_deposit_amt: u64,
        /// The output file.
        #[arg(long, value_name = "FILEPATH")]
        out_file: PathBuf,
    },
    /// Create a stake address registration, stake delegation and vote delegation certificate
    #[command(name = "registration-stake-and-vote-delegation-certificate")]
    RegistrationStakeAndVoteDelegationCertificate {
        #[command(flatten)]
        credential: StakeCredentialArg,
        #[command(flatten)]
        pool: PoolTargetArg,
        #[command(flatten)]
        drep: DrepArg,
        /// Key registration deposit amount.
        #[arg(long, value_name = "NATURAL")]
        key_reg_deposit_amt: u64,
        /// The output file.
        #[arg(long, value_name = "FILEPATH")]
        out_file: PathBuf,
    },
}

/// `stake-address build` takes no stake address (it makes one).
#[derive(Debug, Args, Clone)]
#[command(group(ArgGroup::new("build_credential").required(true).multiple(false)))]
pub struct BuildCredentialArg {
    /// Stake verification key (Bech32 or hex-encoded).
    #[arg(long, value_name = "STRING", group = "build_credential")]
    pub stake_verification_key: Option<String>,
    /// Filepath of the staking verification key.
    #[arg(
        long,
        visible_alias = "staking-verification-key-file",
        value_name = "FILEPATH",
        group = "build_credential"
    )]
    pub stake_verification_key_file: Option<PathBuf>,
    /// Stake verification key hash (hex-encoded).
    #[arg(long, value_name = "HASH", group = "build_credential")]
    pub stake_key_hash: Option<String>,
    /// Filepath of the staking script.
    #[arg(long, value_name = "FILEPATH", group = "build_credential")]
    pub stake_script_file: Option<PathBuf>,
}
