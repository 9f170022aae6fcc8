//! The rotation journal (`kes::journal::parse`): JSON Lines a power loss or a hand edit may
//! have spoilt.
//!
//! Properties: one result per non-blank line (an entry or a problem); an entry written back
//! with `to_line` reads back, and writing that again gives the same line.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pool_console::core::kes::journal::parse;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (entries, problems) = parse(text);
    let lines = text.lines().filter(|l| !l.trim().is_empty()).count();
    assert_eq!(
        entries.len() + problems.len(),
        lines,
        "one outcome per line"
    );
    for e in &entries {
        let line = e.to_line();
        let (again, problems) = parse(&line);
        assert!(
            problems.is_empty(),
            "a written line reads back: {line:?} {problems:?}"
        );
        assert_eq!(again.len(), 1);
        assert_eq!(again[0].to_line(), line, "a written line is stable");
    }
});
