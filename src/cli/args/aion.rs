//! `aion …`: the Aion Unity profile's commands (ours): keys, addresses, pool metadata,
//! lockouts; call data and signed transactions.

use clap::{ArgGroup, Args, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Subcommand)]
pub enum AionCommand {
    /// Create an Aion key pair: the signing key in the hex form Aion's tools use (0x, seed and
    /// public key), the verification key with its address
    #[command(name = "key-gen")]
    KeyGen {
        /// Output filepath of the signing key (written readable only by you).
        #[arg(long, value_name = "FILEPATH")]
        signing_key_file: PathBuf,
        /// Output filepath of the verification key.
        #[arg(long, value_name = "FILEPATH")]
        verification_key_file: PathBuf,
        /// Replace existing Aion key files (never done otherwise).
        #[arg(long)]
        force: bool,
    },
    /// Print the account address (0xa0…) of an Aion key
    Address(AionAddressArgs),
    /// Print the BLAKE2b-256 hash of a metadata file's exact bytes (the metaDataContentHash)
    #[command(name = "metadata-hash")]
    MetadataHash {
        /// The metadata JSON file, exactly as it will be uploaded.
        #[arg(long, value_name = "FILEPATH")]
        metadata_file: PathBuf,
    },
    /// Check a metadata file against the documented limits (exit 1 with the reasons)
    #[command(name = "metadata-check")]
    MetadataCheck {
        /// The metadata JSON file.
        #[arg(long, value_name = "FILEPATH")]
        metadata_file: PathBuf,
    },
    /// Blocks left in a Pool Registry lockout, and roughly when it ends (10 s a block)
    Lockout {
        /// commission, signing-address, undelegate or transfer.
        #[arg(long, value_name = "ACTION")]
        action: String,
        /// The block of the request (for signing-address: of the last change, or registration).
        #[arg(long, value_name = "BLOCK")]
        since_block: u64,
        /// The chain's current block.
        #[arg(long, value_name = "BLOCK")]
        current_block: u64,
        /// The time the current block was seen, RFC 3339; the end is estimated from it.
        /// Default: now.
        #[arg(long, value_name = "TIME")]
        at: Option<String>,
    },
    /// Call data for a Pool Registry method, as hex for `aion transaction sign`
    #[command(subcommand, name = "call-data")]
    CallData(super::AionCallDataCommand),
    /// Sign an Aion transaction offline
    #[command(subcommand)]
    Transaction(super::AionTransactionCommand),
}

#[derive(Debug, Args, Clone)]
#[command(group(ArgGroup::new("aion_key").required(true).multiple(false)))]
pub struct AionAddressArgs {
    /// An Aion signing key file (hex of the seed, or of seed and public key).
    #[arg(long, value_name = "FILEPATH", group = "aion_key")]
    pub signing_key_file: Option<PathBuf>,
    /// An Aion verification key file.
    #[arg(long, value_name = "FILEPATH", group = "aion_key")]
    pub verification_key_file: Option<PathBuf>,
    /// Print the checksummed form (letter case from the address's hash).
    #[arg(long)]
    pub checksum: bool,
}
