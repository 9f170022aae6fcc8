//! Ours, beyond cardano-cli: `kes`, `inspect`, `review`, `plan`.

use clap::{ArgGroup, Args, Subcommand};
use std::path::PathBuf;

use super::*;

#[derive(Debug, Subcommand)]
pub enum KesCommand {
    /// Slot, epoch and KES period at a time (default: now)
    Period {
        #[command(flatten)]
        clock: ClockArg,
        /// The time to compute for, RFC 3339 (e.g. 2026-11-21T12:00:00Z). Default: now.
        #[arg(long, value_name = "TIME")]
        at: Option<String>,
        /// Print JSON instead of text.
        #[arg(long)]
        output_json: bool,
    },
    /// When an operational certificate's KES window ends, and whether it is valid now
    Expiry {
        /// The operational certificate (node.opcert).
        #[arg(long, value_name = "FILEPATH")]
        op_cert_file: PathBuf,
        #[command(flatten)]
        clock: ClockArg,
        /// The time to compute for, RFC 3339. Default: now.
        #[arg(long, value_name = "TIME")]
        at: Option<String>,
        /// Print JSON instead of text.
        #[arg(long)]
        output_json: bool,
    },
    /// Pre-deploy check: kes.skey, node.opcert and cold.vkey belong together and the opcert is
    /// valid now (exit 0 only when every check passes)
    Check(KesCheckArgs),
    /// One line per pool or node: KES periods left, expiry, status. Exit code by urgency:
    /// 0 fine, 1 warn, 2 alert, 3 expired, not yet valid, unreadable or unreachable
    Status(KesStatusArgs),
}

#[derive(Debug, Args)]
pub struct KesCheckArgs {
    /// The KES signing key the block producer will run (kes.skey).
    #[arg(long, value_name = "FILEPATH")]
    pub kes_signing_key_file: PathBuf,
    #[command(flatten)]
    pub passphrase: PassphraseArg,
    /// The operational certificate issued for it (node.opcert).
    #[arg(long, value_name = "FILEPATH")]
    pub op_cert_file: PathBuf,
    /// The pool's cold verification key (cold.vkey).
    #[arg(long, value_name = "FILEPATH")]
    pub cold_verification_key_file: PathBuf,
    #[command(flatten)]
    pub clock: ClockArg,
    /// The last issue number the chain has seen (from `query kes-period-info`).
    #[arg(long, value_name = "NATURAL", group = "counter_evidence")]
    pub on_chain_counter: Option<u64>,
    /// The saved output of `cardano-cli query kes-period-info` (its JSON).
    #[arg(long, value_name = "FILEPATH", group = "counter_evidence")]
    pub kes_period_info_file: Option<PathBuf>,
    /// The cold key's issue counter file, to tell a stale opcert.
    #[arg(long, value_name = "FILEPATH", group = "counter_evidence")]
    pub operational_certificate_issue_counter_file: Option<PathBuf>,
    /// The time to check at, RFC 3339. Default: now.
    #[arg(long, value_name = "TIME")]
    pub at: Option<String>,
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("sources").required(true).multiple(true)))]
pub struct KesStatusArgs {
    /// An operational certificate to report on (repeat for several pools).
    #[arg(long, value_name = "FILEPATH", group = "sources")]
    pub op_cert_file: Vec<PathBuf>,
    /// A node's Prometheus metrics URL, e.g. http://127.0.0.1:12798/metrics (repeatable).
    #[arg(long, value_name = "URL", group = "sources")]
    pub metrics_url: Vec<String>,
    #[command(flatten)]
    pub clock: ClockArg,
    /// Warn when fewer days than this are left.
    #[arg(long, value_name = "DAYS", default_value_t = 14)]
    pub warn_days: u32,
    /// Alert when fewer days than this are left.
    #[arg(long, value_name = "DAYS", default_value_t = 3)]
    pub alert_days: u32,
    /// How long to wait for each metrics URL (at most 3600; larger values are taken as 3600).
    #[arg(long, value_name = "SECONDS", default_value_t = 5)]
    pub timeout_seconds: u64,
    /// The time to report at, RFC 3339. Default: now.
    #[arg(long, value_name = "TIME")]
    pub at: Option<String>,
    /// Print JSON instead of text.
    #[arg(long)]
    pub output_json: bool,
}

#[derive(Debug, Args)]
pub struct InspectArgs {
    /// Files to describe: keys, counters, opcerts, certificates, metadata JSON.
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
    /// Mainnet or testnet, for showing stake addresses (default: taken from the file, else mainnet).
    #[arg(long, value_name = "NATURAL")]
    pub testnet_magic: Option<u32>,
    /// Print JSON instead of text.
    #[arg(long)]
    pub output_json: bool,
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("owner").multiple(false)))]
pub struct ReviewArgs {
    /// The registration certificate to review.
    #[arg(long, value_name = "FILEPATH")]
    pub cert_file: PathBuf,
    /// The pool's current registration, to show what changes.
    #[arg(long, value_name = "FILEPATH")]
    pub previous_cert_file: Option<PathBuf>,
    /// The pool plan the certificate should match; gives owner names and the pledge check.
    #[arg(long, value_name = "FILEPATH")]
    pub plan_file: Option<PathBuf>,
    /// Your stake verification key: says whether you are an owner (exit code 1 if not).
    #[arg(long, value_name = "FILEPATH", group = "owner")]
    pub owner_stake_verification_key_file: Option<PathBuf>,
    /// Your stake address (stake1…), instead of the key file.
    #[arg(long, value_name = "ADDRESS", group = "owner")]
    pub owner_stake_address: Option<String>,
    /// Also write the printable sign-off sheet (HTML) to this file.
    #[arg(long, value_name = "FILEPATH")]
    pub out_sign_off_sheet: Option<PathBuf>,
    /// Print JSON instead of text.
    #[arg(long)]
    pub output_json: bool,
}

#[derive(Debug, Subcommand)]
pub enum PlanCommand {
    /// Build the registration certificate a plan describes (the same bytes on every machine)
    Certificate {
        /// The pool plan (JSON).
        #[arg(long, value_name = "FILEPATH")]
        plan_file: PathBuf,
        /// Output filepath of the certificate.
        #[arg(long, value_name = "FILEPATH")]
        out_file: PathBuf,
    },
    /// Check a plan and print what it says
    Check {
        /// The pool plan (JSON).
        #[arg(long, value_name = "FILEPATH")]
        plan_file: PathBuf,
    },
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// The pool folder: cardano-cli style, CNTools' priv/pool/NAME, or SPO Scripts'.
    #[arg(value_name = "FOLDER")]
    pub folder: PathBuf,
    /// The network's clock for the opcert's expiry: 1 (preprod) or 2 (preview). Default: mainnet.
    #[arg(long, value_name = "NATURAL")]
    pub testnet_magic: Option<u32>,
    /// The time to report at, RFC 3339. Default: now.
    #[arg(long, value_name = "TIME")]
    pub at: Option<String>,
    /// Print JSON instead of text.
    #[arg(long)]
    pub output_json: bool,
}
