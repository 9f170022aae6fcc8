//! The on-chain issue number as typed or pasted (`kes::period_info::parse_on_chain`: a number,
//! or the output of `cardano-cli query kes-period-info`) and as a saved file
//! (`parse_on_chain_file`), with the rule applied to what was read (`allowed`, `judge`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use pool_console::core::kes::period_info::{allowed, judge, parse_on_chain, parse_on_chain_file};

fuzz_target!(|data: &[u8]| {
    let from_file = parse_on_chain_file(data);
    let Ok(text) = std::str::from_utf8(data) else {
        assert!(from_file.is_err(), "a file that is not text is refused");
        return;
    };
    if let Ok(counter) = parse_on_chain(text) {
        let (low, high) = allowed(counter.last_seen);
        assert!(low <= high);
        assert!(
            judge(counter.last_seen, low).is_ok(),
            "the allowed pair is allowed"
        );
        assert!(
            judge(counter.last_seen, high).is_ok(),
            "the allowed pair is allowed"
        );
        if let Some(n) = counter.on_disk {
            let _ = judge(counter.last_seen, n);
        }
    }
    if let Ok(counter) = from_file {
        assert_eq!(
            parse_on_chain(text),
            Ok(counter),
            "typed and file read the same numbers"
        );
    }
});
