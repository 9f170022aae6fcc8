//! Pool metadata files (`certificate::metadata::validate`), and the metadata URL and hash as
//! typed (`check_url`, `parse_hash`).
//!
//! Property: valid metadata rendered by `render` (when that still fits the 512-byte limit) is
//! valid again with the same fields.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pool_console::core::certificate::metadata::{
    check_url, hash, parse_hash, render, room, validate, MAX_BYTES,
};

fuzz_target!(|data: &[u8]| {
    let _ = room(data.len());
    if let Ok((meta, h)) = validate(data) {
        assert_eq!(h, hash(data), "the hash is over the exact bytes");
        let rendered = render(&meta);
        if rendered.len() <= MAX_BYTES {
            let (again, _) = validate(rendered.as_bytes()).expect("rendered metadata is valid");
            assert_eq!(again, meta);
        }
    }
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = check_url(text);
        if let Ok(h) = parse_hash(text) {
            assert_eq!(parse_hash(&hex_of(&h)), Ok(h));
        }
    }
});

fn hex_of(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
