//! What messages may show of the input: quoting, escaping and the last net against secrets.
#![deny(clippy::indexing_slicing)]

pub mod quote;
pub mod redact;
