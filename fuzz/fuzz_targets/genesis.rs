//! Genesis files (`chain::genesis::clock_from_genesis`), and the chain clock built from them
//! at arbitrary times and KES periods (`point_at`, `slot_start`, `epoch_of_slot`, `kes_window`).
//!
//! Input layout: the Shelley genesis, a NUL byte, the Byron genesis, a NUL byte, then up to 24
//! bytes of numbers (a transition epoch flag and value, a time in seconds, a KES period).
#![no_main]

use chrono::DateTime;
use libfuzzer_sys::fuzz_target;
use pool_console::core::chain::clock::format_utc;
use pool_console::core::chain::genesis::clock_from_genesis;

fn number(bytes: &[u8], at: usize) -> u64 {
    let mut b = [0u8; 8];
    for (i, v) in bytes.iter().skip(at).take(8).enumerate() {
        b[i] = *v;
    }
    u64::from_le_bytes(b)
}

fuzz_target!(|data: &[u8]| {
    let mut parts = data.splitn(3, |b| *b == 0);
    let shelley = parts.next().unwrap_or_default();
    let byron = parts.next().unwrap_or_default();
    let numbers = parts.next().unwrap_or_default();
    let transition =
        (numbers.first().is_some_and(|f| f & 1 == 1)).then(|| number(numbers, 1) % 1000);
    let Ok(clock) = clock_from_genesis(shelley, byron, transition) else {
        return;
    };
    let _ = clock.system_start();
    let _ = clock.first_shelley_slot();
    // Times from the network start on, over chrono's whole range.
    let offset_s = number(numbers, 9) as i64;
    let secs = (clock.system_start_ms / 1000).saturating_add(offset_s % 400_000_000_000);
    let Some(now) = DateTime::from_timestamp(secs, 0) else {
        return;
    };
    let _ = format_utc(now);
    if let Ok(point) = clock.point_at(now) {
        assert_eq!(
            clock.epoch_of_slot(point.slot),
            point.epoch,
            "epoch of the slot at t"
        );
        if let Ok(start) = clock.slot_start(point.slot) {
            assert!(start <= now, "the slot at t starts no later than t");
        }
    }
    let period = number(numbers, 17);
    let _ = clock.kes_window(period, now);
    let _ = clock.kes_window(period % 100_000, now);
});
