//! The chain's clock: slots, epochs and KES periods from genesis parameters.
#![deny(clippy::indexing_slicing)]

pub mod clock;
pub mod genesis;
