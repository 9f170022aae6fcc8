//! Bech32 as Cardano uses it (`encoding::bech32::decode`, `decode_expecting`).
//!
//! Property: what decodes encodes back (under the same prefix) to the input, lower-cased and
//! trimmed.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pool_console::core::encoding::bech32::{decode, decode_expecting, encode};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok((hrp, bytes)) = decode(text) {
        assert_eq!(decode_expecting(text, &hrp).as_ref(), Ok(&bytes));
        let written = encode(&hrp, &bytes).expect("what decodes encodes");
        assert_eq!(
            written,
            text.trim().to_lowercase(),
            "encode(decode(s)) == s"
        );
    }
});
