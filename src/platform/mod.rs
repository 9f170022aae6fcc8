//! Side effects the core never performs: files and entropy.

pub mod entropy;
pub mod files;
