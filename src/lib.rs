//! Pool Console: a desktop console and a cardano-cli-compatible command line for Cardano
//! stake-pool operators, both built on one pure certificate core.

pub mod app;
pub mod cli;
pub mod core;
pub mod ops;
pub mod platform;
pub mod ui;
