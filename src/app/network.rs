//! The network a workspace is for: which clock, which address prefix.

use serde::{Deserialize, Serialize};
use std::path::PathBuf;

use crate::core::chain::clock::ChainClock;
use crate::core::chain::genesis;
use crate::core::keys::address::Network;
use crate::platform::{load, read};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum NetworkChoice {
    #[default]
    Mainnet,
    Preprod,
    Preview,
    /// A network known by its genesis files.
    Custom {
        shelley_genesis: PathBuf,
        byron_genesis: PathBuf,
    },
}

impl NetworkChoice {
    pub fn label(&self) -> String {
        match self {
            Self::Mainnet => "mainnet".to_owned(),
            Self::Preprod => "preprod".to_owned(),
            Self::Preview => "preview".to_owned(),
            Self::Custom {
                shelley_genesis, ..
            } => format!(
                "custom ({})",
                shelley_genesis
                    .file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
            ),
        }
    }

    /// The chain clock; for a custom network, read from its genesis files.
    pub fn clock(&self) -> Result<ChainClock, String> {
        match self {
            Self::Mainnet => Ok(ChainClock::mainnet()),
            Self::Preprod => Ok(ChainClock::preprod()),
            Self::Preview => Ok(ChainClock::preview()),
            Self::Custom {
                shelley_genesis,
                byron_genesis,
            } => {
                let s = load::capped(shelley_genesis, read::GENESIS)?;
                let b = load::capped(byron_genesis, read::GENESIS)?;
                genesis::clock_from_genesis(s.expose(), b.expose(), None).map_err(|e| e.to_string())
            }
        }
    }

    pub fn network(&self, clock: Option<&ChainClock>) -> Network {
        match self {
            Self::Mainnet => Network::Mainnet,
            Self::Preprod => Network::Testnet { magic: 1 },
            Self::Preview => Network::Testnet { magic: 2 },
            Self::Custom { .. } => match clock.map(|c| c.network_magic) {
                Some(Network::MAINNET_MAGIC) => Network::Mainnet,
                Some(magic) => Network::Testnet { magic },
                None => Network::Testnet { magic: 0 },
            },
        }
    }

    /// The cardano-cli network flag.
    pub fn cli_flag(&self, network: Network) -> String {
        match network {
            Network::Mainnet => "--mainnet".to_owned(),
            Network::Testnet { magic } => format!("--testnet-magic {magic}"),
        }
    }
}
