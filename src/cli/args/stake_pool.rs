//! `stake-pool`: ids, registration and retirement certificates, metadata hashes.

use clap::{ArgGroup, Args, Subcommand};
use std::path::PathBuf;

use super::*;

#[derive(Debug, Subcommand)]
pub enum StakePoolCommand {
    /// Build pool id from the offline key
    Id {
        #[command(flatten)]
        pool: PoolKeyArg,
        /// Format pool-id output to BECH32 (default).
        #[arg(long, conflicts_with_all = ["output_hex", "output_format"])]
        output_bech32: bool,
        /// Format pool-id output to BASE16.
        #[arg(long, conflicts_with = "output_format")]
        output_hex: bool,
        /// Deprecated: "hex" or "bech32".
        #[arg(long, value_name = "STRING")]
        output_format: Option<String>,
        /// Optional output file. Default is to write to stdout.
        #[arg(long, value_name = "FILEPATH")]
        out_file: Option<PathBuf>,
    },
    /// Create a stake pool registration certificate
    #[command(name = "registration-certificate")]
    RegistrationCertificate(Box<RegistrationArgs>),
    /// Create a stake pool deregistration certificate
    #[command(name = "deregistration-certificate")]
    DeregistrationCertificate {
        #[command(flatten)]
        pool: PoolKeyArg,
        /// The epoch number.
        #[arg(long, value_name = "NATURAL")]
        epoch: u64,
        /// The output file.
        #[arg(long, value_name = "FILEPATH")]
        out_file: PathBuf,
    },
    /// Calculate the hash of a stake pool metadata file, optionally checking the obtained hash
    /// against an expected value.
    #[command(name = "metadata-hash")]
    MetadataHash {
        /// Filepath of the pool metadata.
        #[arg(
            long,
            value_name = "FILEPATH",
            required_unless_present = "pool_metadata_url"
        )]
        pool_metadata_file: Option<PathBuf>,
        /// URL of the metadata: not fetched (Pool Console works offline); download it and use
        /// --pool-metadata-file.
        #[arg(long, value_name = "TEXT", conflicts_with = "pool_metadata_file")]
        pool_metadata_url: Option<String>,
        /// Expected hash for the stake pool metadata, for verification purposes.
        #[arg(long, value_name = "HASH", conflicts_with = "out_file")]
        expected_hash: Option<String>,
        /// The output file.
        #[arg(long, value_name = "FILEPATH")]
        out_file: Option<PathBuf>,
    },
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("vrf").required(true).multiple(false)))]
#[command(group(ArgGroup::new("reward").required(true).multiple(false)))]
#[command(group(ArgGroup::new("owner").required(true).multiple(true)))]
pub struct RegistrationArgs {
    #[command(flatten)]
    pub pool: PoolKeyArg,
    /// VRF verification key (Bech32 or hex-encoded).
    #[arg(long, value_name = "STRING", group = "vrf")]
    pub vrf_verification_key: Option<String>,
    /// Filepath of the VRF verification key.
    #[arg(long, value_name = "FILEPATH", group = "vrf")]
    pub vrf_verification_key_file: Option<PathBuf>,
    /// The stake pool's pledge.
    #[arg(long, value_name = "LOVELACE")]
    pub pool_pledge: u64,
    /// The stake pool's cost.
    #[arg(long, value_name = "LOVELACE")]
    pub pool_cost: u64,
    /// The stake pool's margin.
    #[arg(long, value_name = "RATIONAL", allow_hyphen_values = true)]
    pub pool_margin: String,
    /// Reward account stake verification key (Bech32 or hex-encoded).
    #[arg(long, value_name = "STRING", group = "reward")]
    pub pool_reward_account_verification_key: Option<String>,
    /// Filepath of the reward account stake verification key.
    #[arg(
        long,
        visible_alias = "reward-account-verification-key-file",
        value_name = "FILEPATH",
        group = "reward"
    )]
    pub pool_reward_account_verification_key_file: Option<PathBuf>,
    /// Pool owner stake verification key (Bech32 or hex-encoded).
    #[arg(long, value_name = "STRING", group = "owner")]
    pub pool_owner_verification_key: Vec<String>,
    /// Filepath of the pool owner stake verification key.
    #[arg(long, value_name = "FILEPATH", group = "owner")]
    pub pool_owner_stake_verification_key_file: Vec<PathBuf>,
    /// The stake pool relay's IPv4 address
    #[arg(long, value_name = "STRING")]
    pub pool_relay_ipv4: Vec<String>,
    /// The stake pool relay's IPv6 address
    #[arg(long, value_name = "STRING")]
    pub pool_relay_ipv6: Vec<String>,
    /// The stake pool relay's port
    #[arg(long, value_name = "INT", allow_negative_numbers = true)]
    pub pool_relay_port: Vec<String>,
    /// The stake pool relay's DNS name that corresponds to an A or AAAA DNS record
    #[arg(long, value_name = "STRING")]
    pub single_host_pool_relay: Vec<String>,
    /// The stake pool relay's DNS name that corresponds to an SRV DNS record
    #[arg(long, value_name = "STRING")]
    pub multi_host_pool_relay: Vec<String>,
    /// Accepted for compatibility; refused, since relays cannot be reached from an offline machine.
    #[arg(long)]
    pub validate_relays: bool,
    /// Pool metadata URL (maximum length of 128 characters).
    #[arg(long, value_name = "URL", requires = "metadata_hash")]
    pub metadata_url: Option<String>,
    /// Accepted for compatibility; refused: hash the file with `stake-pool metadata-hash` instead.
    #[arg(long)]
    pub check_metadata_hash: bool,
    /// Pool metadata hash.
    #[arg(long, value_name = "HASH", requires = "metadata_url")]
    pub metadata_hash: Option<String>,
    #[command(flatten)]
    pub network: NetworkArg,
    /// The output file.
    #[arg(long, value_name = "FILEPATH")]
    pub out_file: PathBuf,
}
