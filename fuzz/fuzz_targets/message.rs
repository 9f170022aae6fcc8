//! The text every error message quotes from its input (`message::quote`: `quote`, `bare`,
//! `escape`, `library_reason`, `looks_secret`) and the last net that redacts secrets from a
//! message (`message::redact::redact`).
//!
//! Input layout: the message, then for each NUL byte one more command-line argument.
//! Properties: escaped text has no control characters left; a redacted message that looked
//! secret no longer repeats the secret argument.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pool_console::core::message::quote::{
    bare, escape, escape_controls_keeping_lines, escape_json_for_terminal, escape_path,
    library_reason, looks_secret, looks_secret_in_secret_context, quote, quote_in_secret_context,
};
use pool_console::core::message::redact::{grouped_hex_digits, redact, value_is_secret};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut parts = text.split('\0');
    let message = parts.next().unwrap_or_default();
    let args: Vec<String> = parts.map(str::to_owned).collect();

    let escaped = escape(message);
    assert!(
        !escaped.chars().any(char::is_control),
        "escape leaves no control character"
    );
    let _ = escape_path(message);
    let _ = escape_controls_keeping_lines(message);
    let _ = escape_json_for_terminal(message);
    for shown in [
        quote(message),
        quote_in_secret_context(message),
        bare(message),
    ] {
        assert!(
            !shown.chars().any(char::is_control),
            "quoted text has no control character"
        );
    }
    let _ = library_reason(message);
    let _ = (
        looks_secret(message),
        looks_secret_in_secret_context(message),
    );
    let _ = grouped_hex_digits(message);
    let redacted = redact(message, &args);
    for (i, a) in args.iter().enumerate() {
        // Hash flags may show a 64-hex hash back, and `--flag=value` is judged by its value.
        let after_hash_flag = i > 0 && args[i - 1].ends_with("-hash");
        if value_is_secret(a) && !a.starts_with("--") && !after_hash_flag {
            assert!(
                !redacted.contains(a.as_str()),
                "a secret argument is not repeated"
            );
        }
    }
});
