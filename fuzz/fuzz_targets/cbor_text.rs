//! `text-view decode-cbor`'s printer (`cbor_text::pretty_text`) over arbitrary CBOR.
//!
//! Properties: never a panic or a stack overflow (the printer does not recurse); every success
//! starts with an empty line and ends with one newline, as cardano-cli's output does.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pool_console::core::encoding::cbor_text::pretty_text;

fuzz_target!(|data: &[u8]| {
    match pretty_text(data) {
        Ok(text) => {
            assert!(!data.is_empty(), "empty input is an error");
            assert!(
                text.starts_with('\n'),
                "the output begins with an empty line"
            );
            assert!(text.ends_with('\n'), "the output ends with a newline");
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
});
