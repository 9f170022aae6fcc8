//! cardano-node's Prometheus text (`kes::node_metrics::parse`), with the times the KES screens
//! work out from the figures read (`time_left_ms`, `expiry_time`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use pool_console::core::chain::clock::{parse_time, ChainClock};
use pool_console::core::kes::node_metrics::parse;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(kes) = parse(text) else {
        return;
    };
    let at = parse_time("2026-01-01T00:00:00Z").expect("a fixed time");
    for clock in [ChainClock::mainnet(), ChainClock::preview()] {
        let _ = kes.time_left_ms(Some(&clock), at);
        let _ = kes.expiry_time(Some(&clock));
    }
    let _ = kes.time_left_ms(None, at);
    // The page read again gives the same figures.
    assert_eq!(parse(text), Ok(kes));
});
