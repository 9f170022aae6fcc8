//! `aion call-data …` and `aion transaction sign`: Pool Registry calls and the offline signed
//! transaction that carries them (AION.md §3, §4).

use clap::{ArgGroup, Args, Subcommand, ValueEnum};
use std::path::PathBuf;

use crate::core::aion::transaction::{DEFAULT_ENERGY_LIMIT, DEFAULT_ENERGY_PRICE};

/// The call data of one Pool Registry method, printed as hex for `aion transaction sign`.
#[derive(Debug, Subcommand)]
pub enum AionCallDataCommand {
    /// registerPool: the pool's block-signing address, commission rate and metadata; send it
    /// from the management key with at least 1000 AION as value (the self-bond)
    #[command(name = "register-pool")]
    RegisterPool {
        #[command(flatten)]
        signing: SigningAddressArg,
        #[command(flatten)]
        commission: CommissionArg,
        #[command(flatten)]
        metadata: MetadataArgs,
    },
    /// updateMetaData: a new metadata URL and content hash
    #[command(name = "update-metadata")]
    UpdateMetadata {
        #[command(flatten)]
        metadata: MetadataArgs,
    },
    /// requestCommissionRateChange: asks for a new rate, final after 60 480 blocks (~7 days)
    #[command(name = "request-commission-change")]
    RequestCommissionChange {
        #[command(flatten)]
        commission: CommissionArg,
    },
    /// finalizeCommissionRateChange: applies a requested rate once its lockout has passed
    #[command(name = "finalize-commission-change")]
    FinalizeCommissionChange {
        #[command(flatten)]
        request: RequestIdArg,
    },
    /// setSigningAddress: a new block-signing address (60 480 blocks after the last change or
    /// the registration)
    #[command(name = "set-signing-address")]
    SetSigningAddress {
        #[command(flatten)]
        signing: SigningAddressArg,
    },
    /// delegate: stake to a pool; the amount is the transaction's value
    Delegate {
        #[command(flatten)]
        pool: PoolArg,
    },
    /// undelegate: takes stake back from a pool, final after 8 640 blocks (~24 hours)
    Undelegate {
        #[command(flatten)]
        pool: PoolArg,
        /// The stake to take back, in AION (up to 18 decimals).
        #[arg(long, value_name = "AION", allow_hyphen_values = true)]
        amount_aion: String,
        /// What whoever finalizes the undelegation is paid, in AION (0 to finalize it yourself).
        #[arg(long, value_name = "AION", allow_hyphen_values = true)]
        fee_aion: String,
    },
    /// finalizeUndelegate: returns undelegated stake once its lockout has passed (anyone may
    /// send it)
    #[command(name = "finalize-undelegate")]
    FinalizeUndelegate {
        #[command(flatten)]
        request: RequestIdArg,
    },
    /// withdrawRewards: pays a delegator's rewards from a pool
    #[command(name = "withdraw-rewards")]
    WithdrawRewards {
        #[command(flatten)]
        pool: PoolArg,
    },
}

#[derive(Debug, Args, Clone)]
pub struct SigningAddressArg {
    /// The block-signing (hot) key's Aion address (0xa0…, 64 hex digits).
    #[arg(long, value_name = "ADDRESS")]
    pub signing_address: String,
}

#[derive(Debug, Args, Clone)]
pub struct CommissionArg {
    /// The commission rate in percent, at most 4 decimals (2.5 for 2.5 %).
    #[arg(long, value_name = "PERCENT", allow_hyphen_values = true)]
    pub commission_rate: String,
}

#[derive(Debug, Args, Clone)]
pub struct MetadataArgs {
    /// Where the metadata JSON is served (HTTPS; at most 32 767 bytes).
    #[arg(long, value_name = "URL")]
    pub metadata_url: String,
    /// BLAKE2b-256 of the exact bytes served (64 hex digits; `aion metadata-hash` prints it).
    #[arg(long, value_name = "HASH")]
    pub metadata_hash: String,
}

#[derive(Debug, Args, Clone)]
pub struct RequestIdArg {
    /// The request id, from the request transaction's log.
    #[arg(long, value_name = "ID")]
    pub request_id: u64,
}

#[derive(Debug, Args, Clone)]
pub struct PoolArg {
    /// The pool's address (its management key's address, 0xa0…).
    #[arg(long, value_name = "ADDRESS")]
    pub pool: String,
}

/// Signing transactions offline.
#[derive(Debug, Subcommand)]
pub enum AionTransactionCommand {
    /// Sign a call or transfer offline and print the raw transaction to broadcast with
    /// eth_sendRawTransaction, and its hash; the pool drops it about an hour after its timestamp
    Sign(AionSignArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AionNetwork {
    Mainnet,
}

#[derive(Debug, Args, Clone)]
#[command(group(ArgGroup::new("destination").required(true).multiple(false)))]
pub struct AionSignArgs {
    /// The sender's private key: hex of the 32-byte seed or the 64-byte seed and public key,
    /// 0x optional (as Aion's tools export it).
    #[arg(long, value_name = "FILEPATH")]
    pub signing_key_file: PathBuf,
    /// The destination address (0xa0…).
    #[arg(long, value_name = "ADDRESS", group = "destination")]
    pub to: Option<String>,
    /// Send to the Pool Registry contract of this network.
    #[arg(long, value_name = "NETWORK", group = "destination")]
    pub pool_registry: Option<AionNetwork>,
    /// The call data in hex (`aion call-data` prints it; 0x optional; empty for a transfer).
    #[arg(long, value_name = "HEX")]
    pub call_data: String,
    /// The AION sent with the call (1000 for register-pool's self-bond, the stake for
    /// delegate, else 0).
    #[arg(long, value_name = "AION", allow_hyphen_values = true)]
    pub value_aion: String,
    /// The sender's next nonce (eth_getTransactionCount on an online machine; 0 for a new
    /// account's first transaction).
    #[arg(long, value_name = "N")]
    pub nonce: u128,
    /// When the transaction is made, in microseconds since 1970 (UTC): the pool drops it an
    /// hour later.
    #[arg(long, value_name = "MICROSECONDS")]
    pub timestamp_us: u64,
    /// Energy limit (at most 2 000 000 for a call).
    #[arg(long, value_name = "N", default_value_t = DEFAULT_ENERGY_LIMIT)]
    pub energy_limit: u64,
    /// Energy price in nAmp (at least 10 000 000 000).
    #[arg(long, value_name = "N", default_value_t = DEFAULT_ENERGY_PRICE)]
    pub energy_price: u64,
    /// Write the raw transaction (or, with --output-json, the JSON) to this file instead of
    /// printing it.
    #[arg(long, value_name = "FILEPATH")]
    pub out_file: Option<PathBuf>,
    /// JSON: the raw transaction, its hash, its fields and the eth_sendRawTransaction request.
    #[arg(long)]
    pub output_json: bool,
}
