//! What messages may show of the input: quoting, escaping and the last net against secrets.

pub mod quote;
pub mod redact;
