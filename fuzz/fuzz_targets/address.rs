//! Stake addresses (`RewardAccount::from_bech32`, `from_bytes`), pool ids as typed
//! (`review::plan::parse_pool_id`) and output addresses as shown (`view::address_text`).
//!
//! Properties: a reward account read from bech32 or bytes writes back to the same text or bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pool_console::core::keys::address::{pool_bech32, RewardAccount};
use pool_console::core::review::plan::parse_pool_id;
use pool_console::core::transaction::view::address_text;

fuzz_target!(|data: &[u8]| {
    if let Ok(account) = RewardAccount::from_bytes(data) {
        assert_eq!(&account.to_bytes()[..], data);
        let text = account
            .to_bech32()
            .expect("a reward account has a bech32 form");
        assert_eq!(RewardAccount::from_bech32(&text), Ok(account));
    }
    let _ = address_text(data);
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(account) = RewardAccount::from_bech32(text) {
        let written = account
            .to_bech32()
            .expect("a reward account has a bech32 form");
        assert_eq!(written, text.trim().to_lowercase());
        assert_eq!(RewardAccount::from_bytes(&account.to_bytes()), Ok(account));
    }
    if let Some(id) = parse_pool_id(text) {
        assert_eq!(parse_pool_id(&pool_bech32(&id)), Some(id));
    }
});
