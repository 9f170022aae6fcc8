//! `node`: key generation, counters and operational certificates.

use clap::{ArgGroup, Args, Subcommand};
use std::path::PathBuf;

use super::*;

#[derive(Debug, Subcommand)]
pub enum NodeCommand {
    /// Create a key pair for a node operator's offline key and a new certificate issue counter
    #[command(name = "key-gen")]
    KeyGen {
        #[command(flatten)]
        format: KeyOutputFormat,
        /// Filepath of the cold verification key.
        #[arg(long, value_name = "FILEPATH")]
        cold_verification_key_file: PathBuf,
        /// Filepath of the cold signing key.
        #[arg(long, value_name = "FILEPATH")]
        cold_signing_key_file: PathBuf,
        /// The file with the issue counter for the operational certificate.
        #[arg(long, value_name = "FILEPATH")]
        operational_certificate_issue_counter_file: PathBuf,
        /// Replace existing files (never done otherwise).
        #[arg(long)]
        force: bool,
    },
    /// Create a key pair for a node KES operational key
    #[command(name = "key-gen-KES")]
    KeyGenKes(KeyPairArgs),
    /// Create a key pair for a node VRF operational key
    #[command(name = "key-gen-VRF")]
    KeyGenVrf(KeyPairArgs),
    /// Print hash of a node's operational VRF key.
    #[command(name = "key-hash-VRF", group(ArgGroup::new("vrf").required(true).multiple(false)))]
    KeyHashVrf {
        /// Verification key (Bech32 or hex-encoded).
        #[arg(long, value_name = "STRING", group = "vrf")]
        verification_key: Option<String>,
        /// Input filepath of the verification key.
        #[arg(long, value_name = "FILEPATH", group = "vrf")]
        verification_key_file: Option<PathBuf>,
        /// Optional output file. Default is to write to stdout.
        #[arg(long, value_name = "FILEPATH")]
        out_file: Option<PathBuf>,
    },
    /// Create a new certificate issue counter
    #[command(name = "new-counter", group(ArgGroup::new("cold").required(true).multiple(false)))]
    NewCounter {
        /// Stake pool verification key (Bech32 or hex-encoded).
        #[arg(long, value_name = "STRING", group = "cold")]
        stake_pool_verification_key: Option<String>,
        /// Stake pool verification extended key (Bech32 or hex-encoded).
        #[arg(long, value_name = "STRING", group = "cold")]
        stake_pool_verification_extended_key: Option<String>,
        /// Genesis delegate verification key (hex-encoded).
        #[arg(long, value_name = "STRING", group = "cold")]
        genesis_delegate_verification_key: Option<String>,
        /// Filepath of the cold verification key.
        #[arg(long, value_name = "FILEPATH", group = "cold")]
        cold_verification_key_file: Option<PathBuf>,
        /// The next certificate issue counter value to use.
        #[arg(long, value_name = "INT")]
        counter_value: u64,
        /// The file with the issue counter for the operational certificate.
        #[arg(long, value_name = "FILEPATH")]
        operational_certificate_issue_counter_file: PathBuf,
        /// Replace an existing counter file (never done otherwise).
        #[arg(long)]
        force: bool,
    },
    /// Issue a node operational certificate
    #[command(name = "issue-op-cert", group(ArgGroup::new("kes").required(true).multiple(false)))]
    IssueOpCert {
        /// A Bech32 or hex-encoded hot KES verification key.
        #[arg(long, value_name = "STRING", group = "kes")]
        kes_verification_key: Option<String>,
        /// Filepath of the hot KES verification key.
        #[arg(
            long,
            visible_alias = "hot-kes-verification-key-file",
            value_name = "FILEPATH",
            group = "kes"
        )]
        kes_verification_key_file: Option<PathBuf>,
        /// Filepath of the cold signing key.
        #[arg(long, value_name = "FILEPATH")]
        cold_signing_key_file: PathBuf,
        /// The file with the issue counter for the operational certificate.
        #[arg(long, value_name = "FILEPATH")]
        operational_certificate_issue_counter_file: PathBuf,
        /// The start of the KES key validity period.
        #[arg(long, value_name = "NATURAL")]
        kes_period: u64,
        /// The output file.
        #[arg(long, value_name = "FILEPATH")]
        out_file: PathBuf,
        /// Issue for a KES period more than one away from the current one on mainnet, preprod
        /// and preview (refused otherwise: a typo would cost an issue number). Ours.
        #[arg(long)]
        allow_distant_kes_period: bool,
        #[command(flatten)]
        passphrase: PassphraseArg,
    },
}

#[derive(Debug, Args)]
pub struct KeyPairArgs {
    #[command(flatten)]
    pub format: KeyOutputFormat,
    /// Output filepath of the verification key.
    #[arg(long, value_name = "FILEPATH")]
    pub verification_key_file: PathBuf,
    /// Output filepath of the signing key.
    #[arg(long, value_name = "FILEPATH")]
    pub signing_key_file: PathBuf,
    /// Replace existing key files (never done otherwise).
    #[arg(long)]
    pub force: bool,
}
