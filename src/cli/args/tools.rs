//! `key`, `text-view` and `transaction`: conversions, decodings, witnesses.

use clap::{ArgGroup, Args, Subcommand};
use std::path::PathBuf;

use super::PassphraseArg;

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
    /// Encrypt a signing key with a passphrase (ours): SPO Scripts' "encrHex" envelope, an
    /// OpenPGP message that stock `gpg --decrypt` opens.
    Encrypt(KeyCryptArgs),
    /// Decrypt an encrypted signing key (SPO Scripts' or ours) back to a plain key (ours).
    Decrypt(KeyCryptArgs),
    /// Make a new BIP-39 recovery phrase (English words) and write it to a file readable only by you (ours)
    #[command(name = "mnemonic-gen")]
    MnemonicGen {
        /// The number of words: 12, 15, 18, 21 or 24.
        #[arg(long, value_name = "WORDS", value_parser = word_count)]
        size: usize,
        /// The output file; the phrase is never printed.
        #[arg(long, value_name = "FILEPATH")]
        out_file: PathBuf,
        /// Replace an existing recovery phrase file (never done otherwise).
        #[arg(long)]
        force: bool,
    },
    /// Derive a key pair from a recovery phrase on a CIP-1853 or CIP-1852 path (ours)
    Derive {
        /// Input filepath of the recovery phrase (12 to 24 BIP-39 English words).
        #[arg(long, value_name = "FILEPATH")]
        mnemonic_file: PathBuf,
        /// Derivation path: 1853H/1815H/0H/<pool index>H (cold key), 1852H/1815H/0H/2/0 (stake) or 1852H/1815H/0H/0/<index> (payment).
        #[arg(long, value_name = "PATH")]
        path: String,
        /// Output filepath of the extended signing key.
        #[arg(long, value_name = "FILEPATH")]
        signing_key_file: PathBuf,
        /// Output filepath of the extended verification key.
        #[arg(long, value_name = "FILEPATH")]
        verification_key_file: PathBuf,
        /// Replace existing key files of the same kinds (never done otherwise).
        #[arg(long)]
        force: bool,
    },
}

/// `key encrypt` / `key decrypt`: the key to read, the passphrase, the key to write.
#[derive(Debug, Args)]
pub struct KeyCryptArgs {
    /// Input filepath of the signing key (plain to encrypt, encrypted to decrypt).
    #[arg(long, value_name = "FILEPATH")]
    pub signing_key_file: PathBuf,
    /// File whose first line is the passphrase.
    #[arg(long, value_name = "FILEPATH")]
    pub passphrase_file: PathBuf,
    /// The key file to write (0600).
    #[arg(long, value_name = "FILEPATH")]
    pub out_file: PathBuf,
    /// Replace an existing key file of the same kind (never done otherwise).
    #[arg(long)]
    pub force: bool,
}

/// `--size`: a word count BIP-39 allows.
fn word_count(text: &str) -> Result<usize, String> {
    text.parse::<usize>()
        .ok()
        .filter(|n| crate::core::keys::mnemonic::WORD_COUNTS.contains(n))
        .ok_or_else(|| "a recovery phrase has 12, 15, 18, 21 or 24 words".to_owned())
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
        #[command(flatten)]
        passphrase: PassphraseArg,
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
