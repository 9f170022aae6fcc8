//! The chain's clock: slots, epochs and KES periods from genesis parameters.

pub mod clock;
pub mod genesis;
