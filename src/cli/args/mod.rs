//! Command-line grammar: cardano-cli's command and flag names, plus our own `kes` and `inspect`.

use clap::{ArgGroup, Args, Parser, Subcommand};
use std::path::PathBuf;

mod aion;
mod aion_tx;
mod governance;
mod node;
mod ours;
mod stake_address;
mod stake_pool;
mod tools;

pub use aion::*;
pub use aion_tx::*;
pub use governance::*;
pub use node::*;
pub use ours::*;
pub use stake_address::*;
pub use stake_pool::*;
pub use tools::*;

#[derive(Debug, Parser)]
#[command(
    name = "pool-console",
    version,
    about = "Stake-pool operator console and cardano-cli-compatible command line",
    long_about = "Stake-pool operator console and cardano-cli-compatible command line.\n\n\
        With no command, opens the console. Commands use cardano-cli's names and flags, with an \
        optional leading era word (conway, latest, or babbage for pre-Conway encodings), and \
        write files cardano-cli reads unchanged."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Node operation commands (cold, VRF and KES keys, operational certificates)
    #[command(subcommand)]
    Node(NodeCommand),
    /// Stake pool commands
    #[command(subcommand, name = "stake-pool")]
    StakePool(StakePoolCommand),
    /// Stake address commands
    #[command(subcommand, name = "stake-address")]
    StakeAddress(StakeAddressCommand),
    /// Key utility commands
    #[command(subcommand)]
    Key(KeyCommand),
    /// Commands for text-envelope files
    #[command(subcommand, name = "text-view")]
    TextView(TextViewCommand),
    /// Governance commands (votes)
    #[command(subcommand)]
    Governance(GovernanceCommand),
    /// Hashing commands (anchor data)
    #[command(subcommand)]
    Hash(HashCommand),
    /// Transaction commands (witness and assemble, for signing offline)
    #[command(subcommand)]
    Transaction(TransactionCommand),
    /// KES clock: current period, and when an operational certificate expires (ours)
    #[command(subcommand)]
    Kes(KesCommand),
    /// Describe any key, counter, certificate or opcert file in plain language (ours)
    Inspect(InspectArgs),
    /// Review a pool registration before owners sign: fields, changes, owners, pledge (ours)
    Review(ReviewArgs),
    /// Pool plans: the readable JSON document owners agree on (ours)
    #[command(subcommand)]
    Plan(PlanCommand),
    /// What an existing pool folder holds (cardano-cli, CNTools or SPO Scripts layout): pool
    /// id, which file plays which role, the current opcert and KES key, warnings (ours)
    Status(StatusArgs),
    /// Aion Unity pools: keys, addresses, metadata, lockouts, call data, signed transactions (ours)
    #[command(subcommand)]
    Aion(AionCommand),
    /// Open the console on a pool folder (ours)
    Open {
        /// The pool folder.
        #[arg(value_name = "FOLDER")]
        folder: PathBuf,
        /// Create the folder (and any missing folders above it) when it does not exist yet;
        /// it is made readable only by you, since the pool's keys will live there.
        #[arg(long)]
        create: bool,
    },
}

// ---------------------------------------------------------------- shared argument groups

#[derive(Debug, Args, Clone, Default)]
#[command(group(ArgGroup::new("key_output").multiple(false)))]
pub struct KeyOutputFormat {
    /// Format key output to BECH32.
    #[arg(long, group = "key_output")]
    pub key_output_bech32: bool,
    /// Format key output to TEXT_ENVELOPE (default).
    #[arg(long, group = "key_output")]
    pub key_output_text_envelope: bool,
    /// Deprecated: "text-envelope" or "bech32".
    #[arg(long, value_name = "STRING", group = "key_output")]
    pub key_output_format: Option<String>,
}

/// Where the passphrase of an encrypted signing key comes from (ours).
#[derive(Debug, Args, Clone, Default)]
pub struct PassphraseArg {
    /// File whose first line is the passphrase of an encrypted signing key (ours); without it,
    /// the passphrase is asked on the terminal.
    #[arg(long, value_name = "FILEPATH")]
    pub passphrase_file: Option<PathBuf>,
}

#[derive(Debug, Args, Clone)]
#[command(group(ArgGroup::new("network").required(true).multiple(false)))]
pub struct NetworkArg {
    /// Use the mainnet magic id.
    #[arg(long, group = "network")]
    pub mainnet: bool,
    /// Specify a testnet magic id.
    #[arg(long, value_name = "NATURAL", group = "network")]
    pub testnet_magic: Option<u32>,
}

impl NetworkArg {
    /// The network the flags name (mainnet unless a testnet magic is given).
    pub fn network(&self) -> crate::core::keys::address::Network {
        use crate::core::keys::address::Network;
        match self.testnet_magic {
            Some(magic) if !self.mainnet => Network::Testnet { magic },
            _ => Network::Mainnet,
        }
    }
}

/// A stake pool cold key given as a string, an extended string, or a file.
#[derive(Debug, Args, Clone)]
#[command(group(ArgGroup::new("pool_key").required(true).multiple(false)))]
pub struct PoolKeyArg {
    /// Stake pool verification key (Bech32 or hex-encoded).
    #[arg(long, value_name = "STRING", group = "pool_key")]
    pub stake_pool_verification_key: Option<String>,
    /// Stake pool verification extended key (Bech32 or hex-encoded).
    #[arg(long, value_name = "STRING", group = "pool_key")]
    pub stake_pool_verification_extended_key: Option<String>,
    /// Filepath of the stake pool verification key.
    #[arg(long, value_name = "FILEPATH", group = "pool_key")]
    pub cold_verification_key_file: Option<PathBuf>,
}

/// A pool given as a key, or (for delegation) as its id.
#[derive(Debug, Args, Clone)]
#[command(group(ArgGroup::new("pool_target").required(true).multiple(false)))]
pub struct PoolTargetArg {
    /// Stake pool verification key (Bech32 or hex-encoded).
    #[arg(long, value_name = "STRING", group = "pool_target")]
    pub stake_pool_verification_key: Option<String>,
    /// Stake pool verification extended key (Bech32 or hex-encoded).
    #[arg(long, value_name = "STRING", group = "pool_target")]
    pub stake_pool_verification_extended_key: Option<String>,
    /// Filepath of the stake pool verification key.
    #[arg(long, value_name = "FILEPATH", group = "pool_target")]
    pub cold_verification_key_file: Option<PathBuf>,
    /// Stake pool ID/verification key hash (either Bech32-encoded or hex-encoded).
    #[arg(long, value_name = "STAKE_POOL_ID", group = "pool_target")]
    pub stake_pool_id: Option<String>,
}

/// A stake credential: key, key file, key hash, script file or stake address.
#[derive(Debug, Args, Clone)]
#[command(group(ArgGroup::new("stake_credential").required(true).multiple(false)))]
pub struct StakeCredentialArg {
    /// Stake verification key (Bech32 or hex-encoded).
    #[arg(long, value_name = "STRING", group = "stake_credential")]
    pub stake_verification_key: Option<String>,
    /// Filepath of the staking verification key.
    #[arg(
        long,
        visible_alias = "staking-verification-key-file",
        value_name = "FILEPATH",
        group = "stake_credential"
    )]
    pub stake_verification_key_file: Option<PathBuf>,
    /// Stake verification key hash (hex-encoded).
    #[arg(long, value_name = "HASH", group = "stake_credential")]
    pub stake_key_hash: Option<String>,
    /// Filepath of the staking script (a Plutus script envelope).
    #[arg(long, value_name = "FILEPATH", group = "stake_credential")]
    pub stake_script_file: Option<PathBuf>,
    /// Target stake address (bech32 format).
    #[arg(long, value_name = "ADDRESS", group = "stake_credential")]
    pub stake_address: Option<String>,
}

/// Stake key only (key-hash).
#[derive(Debug, Args, Clone)]
#[command(group(ArgGroup::new("stake_key").required(true).multiple(false)))]
pub struct StakeKeyArg {
    /// Stake verification key (Bech32 or hex-encoded).
    #[arg(long, value_name = "STRING", group = "stake_key")]
    pub stake_verification_key: Option<String>,
    /// Filepath of the staking verification key.
    #[arg(
        long,
        visible_alias = "staking-verification-key-file",
        value_name = "FILEPATH",
        group = "stake_key"
    )]
    pub stake_verification_key_file: Option<PathBuf>,
}

/// A vote delegation target.
#[derive(Debug, Args, Clone)]
#[command(group(ArgGroup::new("drep").required(true).multiple(false)))]
pub struct DrepArg {
    /// DRep verification key (Bech32 or hex-encoded).
    #[arg(long, value_name = "STRING", group = "drep")]
    pub drep_verification_key: Option<String>,
    /// Filepath of the DRep verification key.
    #[arg(long, value_name = "FILEPATH", group = "drep")]
    pub drep_verification_key_file: Option<PathBuf>,
    /// DRep verification key hash (either Bech32-encoded or hex-encoded).
    #[arg(long, value_name = "HASH", group = "drep")]
    pub drep_key_hash: Option<String>,
    /// Delegate to the always-abstain option.
    #[arg(long, group = "drep")]
    pub always_abstain: bool,
    /// Delegate to the always-no-confidence option.
    #[arg(long, group = "drep")]
    pub always_no_confidence: bool,
}

/// Where a network clock comes from.
#[derive(Debug, Args, Clone)]
#[command(group(ArgGroup::new("clock").required(true).multiple(false)))]
pub struct ClockArg {
    /// Use mainnet's genesis numbers.
    #[arg(long, group = "clock")]
    pub mainnet: bool,
    /// A public testnet by magic: 1 (preprod) or 2 (preview); others need genesis files.
    #[arg(long, value_name = "NATURAL", group = "clock")]
    pub testnet_magic: Option<u32>,
    /// Shelley genesis file of a custom network (with --byron-genesis-file).
    #[arg(
        long,
        value_name = "FILEPATH",
        group = "clock",
        requires = "byron_genesis_file"
    )]
    pub shelley_genesis_file: Option<PathBuf>,
    /// Byron genesis file of a custom network.
    #[arg(long, value_name = "FILEPATH", requires = "shelley_genesis_file")]
    pub byron_genesis_file: Option<PathBuf>,
    /// Epoch at which the custom network entered Shelley (default: 0, or the known value for
    /// mainnet, preprod and preview).
    #[arg(long, value_name = "NATURAL", requires = "shelley_genesis_file")]
    pub shelley_transition_epoch: Option<u64>,
}
