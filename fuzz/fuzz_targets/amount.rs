//! ADA amounts as typed (`certificate::amount::parse_ada`: `250000`, `250,000`, `340.5 ADA`).
//!
//! Properties: what parses is written by `ada_text` and by `format_ada` in forms that parse
//! back to the same lovelace.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pool_console::core::certificate::amount::{ada_text, format_ada, parse_ada};

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(lovelace) = parse_ada(text) {
            assert_eq!(parse_ada(&ada_text(lovelace)), Ok(lovelace));
            assert_eq!(parse_ada(&format_ada(lovelace)), Ok(lovelace));
        }
    }
    // Every u64 lovelace amount is written readably.
    if data.len() >= 8 {
        let lovelace = u64::from_le_bytes(data[..8].try_into().expect("8 bytes"));
        assert_eq!(parse_ada(&ada_text(lovelace)), Ok(lovelace));
        assert_eq!(parse_ada(&format_ada(lovelace)), Ok(lovelace));
    }
});
