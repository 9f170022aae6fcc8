//! `governance vote create|view` and the top-level `hash anchor-data`, with cardano-cli's flags.

use clap::{ArgGroup, Args, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Subcommand)]
pub enum GovernanceCommand {
    /// Vote commands
    #[command(subcommand)]
    Vote(VoteCommand),
}

#[derive(Debug, Subcommand)]
pub enum VoteCommand {
    /// Vote creation.
    Create(Box<VoteCreateArgs>),
    /// Vote viewing.
    View(VoteViewArgs),
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("decision").required(true).multiple(false)))]
#[command(group(ArgGroup::new("action").required(true).multiple(false)))]
#[command(group(ArgGroup::new("voter").required(true).multiple(false)))]
pub struct VoteCreateArgs {
    /// Vote yes.
    #[arg(long, group = "decision")]
    pub yes: bool,
    /// Vote no.
    #[arg(long, group = "decision")]
    pub no: bool,
    /// Abstain.
    #[arg(long, group = "decision")]
    pub abstain: bool,
    /// Txid of the governance action.
    #[arg(
        long,
        value_name = "TXID",
        group = "action",
        requires = "governance_action_index"
    )]
    pub governance_action_tx_id: Option<String>,
    /// Tx's governance action index.
    #[arg(
        long,
        value_name = "WORD16",
        requires = "governance_action_tx_id",
        allow_hyphen_values = true
    )]
    pub governance_action_index: Option<String>,
    /// The governance action as a CIP-129 id, gov_action1… (ours; instead of the tx id and index).
    #[arg(long, value_name = "GOV_ACTION_ID", group = "action")]
    pub governance_action_id: Option<String>,
    /// DRep verification key (Bech32 or hex-encoded).
    #[arg(long, value_name = "STRING", group = "voter")]
    pub drep_verification_key: Option<String>,
    /// Filepath of the DRep verification key.
    #[arg(long, value_name = "FILEPATH", group = "voter")]
    pub drep_verification_key_file: Option<PathBuf>,
    /// DRep verification key hash (either Bech32-encoded or hex-encoded).
    #[arg(long, value_name = "HASH", group = "voter")]
    pub drep_key_hash: Option<String>,
    /// Cold Native or Plutus script file hash (hex-encoded).
    #[arg(long, value_name = "HASH", group = "voter")]
    pub drep_script_hash: Option<String>,
    /// Stake pool verification key (Bech32 or hex-encoded).
    #[arg(long, value_name = "STRING", group = "voter")]
    pub stake_pool_verification_key: Option<String>,
    /// Stake pool verification extended key (Bech32 or hex-encoded).
    #[arg(long, value_name = "STRING", group = "voter")]
    pub stake_pool_verification_extended_key: Option<String>,
    /// Filepath of the stake pool verification key.
    #[arg(long, value_name = "FILEPATH", group = "voter")]
    pub cold_verification_key_file: Option<PathBuf>,
    /// Stake pool ID/verification key hash (either Bech32-encoded or hex-encoded).
    #[arg(long, value_name = "STAKE_POOL_ID", group = "voter")]
    pub stake_pool_id: Option<String>,
    /// Constitutional Committee hot key (hex-encoded).
    #[arg(long, value_name = "STRING", group = "voter")]
    pub cc_hot_verification_key: Option<String>,
    /// Filepath of the Constitutional Committee hot key.
    #[arg(long, value_name = "FILEPATH", group = "voter")]
    pub cc_hot_verification_key_file: Option<PathBuf>,
    /// Constitutional Committee key hash (hex-encoded).
    #[arg(long, value_name = "STRING", group = "voter")]
    pub cc_hot_key_hash: Option<String>,
    /// Cold Native or Plutus script file hash (hex-encoded).
    #[arg(long, value_name = "HASH", group = "voter")]
    pub cc_hot_script_hash: Option<String>,
    /// Vote anchor URL
    #[arg(long, value_name = "TEXT", requires = "anchor_data_hash")]
    pub anchor_url: Option<String>,
    /// Hash of the vote anchor data (obtain it with "pool-console hash anchor-data ...").
    #[arg(long, value_name = "HASH", requires = "anchor_url")]
    pub anchor_data_hash: Option<String>,
    /// Needs the document from the URL: pool-console works offline, so use --anchor-data-file.
    #[arg(long, requires = "anchor_data_hash")]
    pub check_anchor_data_hash: bool,
    /// A local copy of the anchor document: its hash must equal --anchor-data-hash (ours).
    #[arg(long, value_name = "FILEPATH", requires = "anchor_data_hash")]
    pub anchor_data_file: Option<PathBuf>,
    /// Output filepath of the vote.
    #[arg(long, value_name = "FILEPATH")]
    pub out_file: PathBuf,
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("view_format").multiple(false)))]
pub struct VoteViewArgs {
    /// Input filepath of the vote.
    #[arg(long, value_name = "FILEPATH")]
    pub vote_file: PathBuf,
    /// Format governance vote view output to JSON (default).
    #[arg(long, group = "view_format")]
    pub output_json: bool,
    /// Format governance vote view output to YAML.
    #[arg(long, group = "view_format")]
    pub output_yaml: bool,
    /// Optional output file. Default is to write to stdout.
    #[arg(long, value_name = "FILEPATH")]
    pub out_file: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum HashCommand {
    /// Compute the hash of some anchor data (to then pass it to other commands).
    #[command(name = "anchor-data")]
    AnchorData(AnchorDataArgs),
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("anchor_source").required(true).multiple(false)))]
#[command(group(ArgGroup::new("anchor_result").multiple(false)))]
pub struct AnchorDataArgs {
    /// Text to hash as UTF-8
    #[arg(long, value_name = "TEXT", group = "anchor_source")]
    pub text: Option<String>,
    /// Binary file to hash
    #[arg(long, value_name = "FILEPATH", group = "anchor_source")]
    pub file_binary: Option<PathBuf>,
    /// Text file to hash
    #[arg(long, value_name = "FILEPATH", group = "anchor_source")]
    pub file_text: Option<PathBuf>,
    /// A URL to the file to hash: pool-console works offline, so hash a local copy instead.
    #[arg(long, value_name = "TEXT", group = "anchor_source")]
    pub url: Option<String>,
    /// Expected hash for the anchor data, for verification purposes. If provided, the hash of
    /// the anchor data will be compared to this value.
    #[arg(long, value_name = "HASH", group = "anchor_result")]
    pub expected_hash: Option<String>,
    /// The output file.
    #[arg(long, value_name = "FILEPATH", group = "anchor_result")]
    pub out_file: Option<PathBuf>,
}
