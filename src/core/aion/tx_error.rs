//! What can be wrong with Aion call data and transactions: each message says what is wrong
//! and how to fix it.

use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum AionTxError {
    #[error("the metadata URL is {0} bytes; the Pool Registry takes at most 32767 (use a shorter address for the metadata file)")]
    UrlTooLong(usize),
    #[error("a commission rate of {0} ten-thousandths of a percent is above 100 % (1000000)")]
    CommissionTooLarge(u32),
    #[error("request id {0} is larger than any id the Pool Registry hands out (at most 9223372036854775807); copy the id from the request's log")]
    RequestIdTooLarge(u64),
    #[error("the call data is not hexadecimal: give the hex `aion call-data` prints, with or without 0x")]
    CallDataNotHex,
    #[error("the transaction ends early: {0}")]
    Truncated(&'static str),
    #[error("the transaction has {0} bytes after its end; it is not one signed Aion transaction")]
    Trailing(usize),
    #[error("a signed Aion transaction is an RLP list; this is not one")]
    NotAList,
    #[error("field {0} of the transaction is a list where Aion has a byte string")]
    NestedList(usize),
    #[error("the transaction has {0} fields; a signed Aion transaction has 9")]
    FieldCount(usize),
    #[error("the {field} field is {len} bytes; Aion allows at most {max}")]
    FieldTooLong {
        field: &'static str,
        len: usize,
        max: usize,
    },
    #[error("the destination is {0} bytes; an Aion address is 32 (contract deployments are not signed here)")]
    DestinationLength(usize),
    #[error("the transaction type is {0}; only type 01 (a call or transfer) is signed here")]
    TxType(String),
    #[error("the signature field is {0} bytes; Aion's is 96 (public key and signature)")]
    SignatureLength(usize),
}
