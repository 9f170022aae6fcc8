//! The text envelope as `text-view decode-cbor --output-yaml` and `--output-json` print it,
//! byte for byte as cardano-cli does (these formats show the envelope, not a decoding).

use crate::core::encoding::envelope::json_string;

/// The text envelope as YAML (`--output-yaml`): the same three fields, sorted, one per line.
/// Strings YAML would read as something else (empty, numbers, booleans, special characters)
/// are single-quoted.
pub fn envelope_yaml(kind: &str, description: &str, cbor: &[u8]) -> String {
    format!(
        "cborHex: {}\ndescription: {}\ntype: {}\n",
        yaml_scalar(&hex::encode(cbor)),
        yaml_scalar(description),
        yaml_scalar(kind)
    )
}

/// A YAML string scalar as libyaml writes it for aeson values: plain when it reads back as the
/// same string, single-quoted otherwise.
pub fn yaml_scalar(s: &str) -> String {
    let plain_word = |w: &str| {
        matches!(
            w.to_ascii_lowercase().as_str(),
            "true" | "false" | "yes" | "no" | "null" | "~" | "on" | "off"
        )
    };
    let needs_quotes = s.is_empty()
        || s.parse::<f64>().is_ok()
        || s.bytes().all(|b| b.is_ascii_digit())
        || plain_word(s)
        || s.starts_with(|c: char| "-?:,[]{}#&*!|>'\"%@`".contains(c) || c.is_whitespace())
        || s.ends_with(char::is_whitespace)
        || s.contains(": ")
        || s.contains(" #")
        || s.chars().any(char::is_control);
    if s.chars().any(|c| c != '\n' && !yaml_printable(c)) {
        yaml_double_quoted(s)
    } else if needs_quotes {
        format!("'{}'", s.replace('\'', "''"))
    } else {
        s.to_owned()
    }
}

/// libyaml's printable set (`IS_PRINTABLE`): what it may write unescaped.
fn yaml_printable(c: char) -> bool {
    matches!(c, '\n' | ' '..='~' | '\u{85}' | '\u{A0}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
        && c != '\u{FEFF}'
}

/// The double-quoted style libyaml falls back to when a string holds characters it may not
/// print (a terminal escape in an anchor URL, say): every such character escaped, so nothing
/// raw reaches the terminal.
fn yaml_double_quoted(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '\0' => out.push_str("\\0"),
            '\u{7}' => out.push_str("\\a"),
            '\u{8}' => out.push_str("\\b"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\u{B}' => out.push_str("\\v"),
            '\u{C}' => out.push_str("\\f"),
            '\r' => out.push_str("\\r"),
            '\u{1B}' => out.push_str("\\e"),
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{85}' => out.push_str("\\N"),
            '\u{2028}' => out.push_str("\\L"),
            '\u{2029}' => out.push_str("\\P"),
            c if yaml_printable(c) => out.push(c),
            c if u32::from(c) <= 0xFF => out.push_str(&format!("\\x{:02X}", u32::from(c))),
            c if u32::from(c) <= 0xFFFF => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push_str(&format!("\\U{:08X}", u32::from(c))),
        }
    }
    out.push('"');
    out
}

/// The text envelope as `cardano-cli text-view decode-cbor --output-json` prints it: the
/// envelope's fields sorted by name, 4-space indentation, lower-case hex, no trailing newline.
/// The CBOR is not decoded (cardano-cli does not check it for this format).
pub fn envelope_json(kind: &str, description: &str, cbor: &[u8]) -> String {
    format!(
        "{{\n    \"cborHex\": \"{}\",\n    \"description\": {},\n    \"type\": {}\n}}",
        hex::encode(cbor),
        json_string(description),
        json_string(kind)
    )
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn unprintable_characters_are_escaped_in_double_quotes() {
        assert_eq!(
            yaml_scalar("https://x.example/\u{1b}[31mred"),
            "\"https://x.example/\\e[31mred\""
        );
        assert_eq!(
            yaml_scalar("a\u{7f}b\u{9b}c\"\\"),
            "\"a\\x7Fb\\x9Bc\\\"\\\\\""
        );
        assert_eq!(yaml_scalar("tab\there"), "\"tab\\there\"");
        assert_eq!(yaml_scalar("https://é.example"), "https://é.example");
        assert_eq!(yaml_scalar("a: b"), "'a: b'");
    }

    #[test]
    fn envelope_yaml_quotes_only_what_needs_it() {
        assert_eq!(
            envelope_yaml("Certificate", "", &[0x83, 0x04]),
            "cborHex: '8304'\ndescription: ''\ntype: Certificate\n"
        );
        assert_eq!(
            yaml_scalar("Stake Pool Retirement Certificate"),
            "Stake Pool Retirement Certificate"
        );
        assert_eq!(yaml_scalar("it's: odd"), "'it''s: odd'");
    }

    #[test]
    fn envelope_json_matches_cardano_cli_layout() {
        let cbor =
            hex::decode("8304581c8ffff1f19a1b751ff9ecb0504cab3d3d34952ac735f92da54c67f9fa182a")
                .unwrap();
        let got = envelope_json(
            "CertificateShelley",
            "Stake Pool Retirement Certificate",
            &cbor,
        );
        assert_eq!(
                got,
                "{\n    \"cborHex\": \"8304581c8ffff1f19a1b751ff9ecb0504cab3d3d34952ac735f92da54c67f9fa182a\",\n    \"description\": \"Stake Pool Retirement Certificate\",\n    \"type\": \"CertificateShelley\"\n}"
            );
        assert_eq!(
            json_string("a\"\\\n\x01\u{e9}"),
            "\"a\\\"\\\\\\n\\u0001\u{e9}\""
        );
    }
}
