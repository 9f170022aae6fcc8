//! Command-line grammar: cardano-cli's command and flag names, plus our own `kes` and `inspect`.

use clap::{ArgGroup, Args, Parser, Subcommand};
use std::path::PathBuf;

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
    /// Open the console on a pool folder (ours)
    Open {
        /// The pool folder.
        #[arg(value_name = "FOLDER")]
        folder: PathBuf,
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
    pub fn network(&self) -> crate::core::address::Network {
        use crate::core::address::Network;
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

// ---------------------------------------------------------------- node

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

// ---------------------------------------------------------------- stake-pool

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

// ---------------------------------------------------------------- stake-address

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

// ---------------------------------------------------------------- key, text-view

#[derive(Debug, Subcommand)]
pub enum KeyCommand {
    /// Convert a cardano-address extended signing key to a corresponding Shelley-format key
    #[command(name = "convert-cardano-address-key")]
    ConvertCardanoAddressKey {
        /// Use a Shelley-era extended stake key.
        #[arg(long)]
        shelley_stake_key: bool,
        /// Input filepath of the signing key (a bech32 xprv… or stake_xsk… string).
        #[arg(long, value_name = "FILEPATH")]
        signing_key_file: PathBuf,
        /// The output file.
        #[arg(long, value_name = "FILEPATH")]
        out_file: PathBuf,
        /// Replace an existing key file (never done otherwise).
        #[arg(long)]
        force: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum TextViewCommand {
    /// Print a TextView file as decoded CBOR.
    #[command(name = "decode-cbor", group(ArgGroup::new("fmt").multiple(false)))]
    DecodeCbor {
        /// CBOR input file.
        #[arg(long, value_name = "FILEPATH")]
        in_file: PathBuf,
        /// Format text view info output format to BASE16 CBOR.
        #[arg(long, group = "fmt")]
        output_cbor_hex: bool,
        /// Format text view info output format to JSON.
        #[arg(long, group = "fmt")]
        output_json: bool,
        /// Format text view info output format to TEXT (default).
        #[arg(long, group = "fmt")]
        output_text: bool,
        /// Format text view info output format to YAML.
        #[arg(long, group = "fmt")]
        output_yaml: bool,
        /// Optional output file. Default is to write to stdout.
        #[arg(long, value_name = "FILEPATH")]
        out_file: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum TransactionCommand {
    /// Create a transaction witness
    Witness {
        /// Input filepath of the JSON TxBody.
        #[arg(long, value_name = "FILEPATH")]
        tx_body_file: PathBuf,
        /// Input filepath of the signing key.
        #[arg(long, value_name = "FILEPATH")]
        signing_key_file: PathBuf,
        /// Byron address (Base58-encoded); Byron witnesses are not supported.
        #[arg(long, value_name = "STRING")]
        address: Option<String>,
        /// Use the mainnet magic id (not needed for key witnesses).
        #[arg(long, conflicts_with = "testnet_magic")]
        mainnet: bool,
        /// Specify a testnet magic id (not needed for key witnesses).
        #[arg(long, value_name = "NATURAL")]
        testnet_magic: Option<u32>,
        /// The output file.
        #[arg(long, value_name = "FILEPATH")]
        out_file: PathBuf,
    },
    /// Assemble a tx body and witness(es) to form a transaction
    Assemble {
        /// Input filepath of the JSON TxBody.
        #[arg(long, value_name = "FILEPATH")]
        tx_body_file: PathBuf,
        /// Filepath of the witness
        #[arg(long, value_name = "FILEPATH")]
        witness_file: Vec<PathBuf>,
        /// Produce transaction in canonical CBOR (not supported: the body is never re-encoded).
        #[arg(long)]
        out_canonical_cbor: bool,
        /// The output file.
        #[arg(long, value_name = "FILEPATH")]
        out_file: PathBuf,
    },
}

// ---------------------------------------------------------------- ours

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
