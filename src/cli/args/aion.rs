//! `aion …`: the Aion Unity profile's commands.
//! (wt-aion-tx: a minimal group holding only the transaction commands; the keys helper's
//! `aion.rs` adds key-gen, address, metadata and lockout. On merge, keep both sets.)

use clap::Subcommand;

use super::{AionCallDataCommand, AionTransactionCommand};

#[derive(Debug, Subcommand)]
pub enum AionCommand {
    /// Call data for a Pool Registry method, as hex for `aion transaction sign`
    #[command(subcommand, name = "call-data")]
    CallData(AionCallDataCommand),
    /// Sign an Aion transaction offline
    #[command(subcommand)]
    Transaction(AionTransactionCommand),
}
