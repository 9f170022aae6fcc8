//! The pool margin as typed (`UnitInterval::parse`: `0.015` or `3/200`; `parse_percent`:
//! `1.5%`), and its percentage text.
//!
//! Properties: a parsed margin is reduced and in [0, 1]; its `n/d` text parses back to itself;
//! an exact percentage text parses back (as a percent) to the same margin.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pool_console::core::certificate::margin::UnitInterval;

fn check(m: UnitInterval) {
    assert!(m.denominator() > 0);
    assert!(m.numerator() <= m.denominator());
    assert_eq!(UnitInterval::parse(&m.to_string()), Ok(m), "n/d reads back");
    assert_eq!(
        UnitInterval::new(m.numerator(), m.denominator()),
        Ok(m),
        "parsed margins are reduced"
    );
    for decimals in [0, 2, 6] {
        let shown = m.percent_string(decimals);
        if !shown.starts_with('≈') {
            assert_eq!(
                UnitInterval::parse_percent(&shown),
                Ok(m),
                "{shown} reads back"
            );
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(m) = UnitInterval::parse(text) {
        check(m);
    }
    if let Ok(m) = UnitInterval::parse_percent(text) {
        check(m);
    }
    // The raw form a certificate carries.
    if data.len() >= 16 {
        let n = u64::from_le_bytes(data[..8].try_into().expect("8 bytes"));
        let d = u64::from_le_bytes(data[8..16].try_into().expect("8 bytes"));
        if let Some(raw) = UnitInterval::from_raw(n, d) {
            let _ = raw.percent_string(6);
            assert!(UnitInterval::new(n, d).is_ok());
        }
    }
});
