//! The one place that turns user input into the quoted piece of a message, and text read from a
//! file into something safe to show a person.
//!
//! Three promises, whatever the caller passes:
//! - no raw control character reaches a terminal from us: C0 (with ESC), DEL, C1, the Unicode
//!   line separators and the bidirectional overrides are shown escaped (`\x1b`, `\u{9b}`), so a
//!   name cannot move the cursor, erase a line or reorder what the reader sees;
//! - input that may be a secret (a signing key, its hex, a recovery phrase) is replaced by words
//!   saying what it looked like, never by any of its characters;
//! - a long input is cut to its start, so one bad paste does not flood the message.
//!
//! Callers quote what a person typed or passed as an argument. They never quote the contents of
//! a file: a message about a file says what the file is, not what is in it. Text from a file
//! that people must read (a DNS name, a metadata name, an owner name) goes through [`escape`].

use std::fmt::Write as _;

/// An input of at most this many characters (after escaping) is shown whole.
const SHOWN_WHOLE: usize = 64;
/// A longer one shows this many, then `…`: enough to recognise what was pasted.
const SHOWN_START: usize = 60;
/// Recovery phrases have 12, 15, 18, 21 or 24 words.
const PHRASE_WORDS: usize = 12;
/// A 32-byte secret key is 64 hex digits; a key hash (28 bytes) is 56.
pub(crate) const SECRET_HEX: usize = 64;

/// Where an input came from, for the one rule that depends on it: long hexadecimal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// Any input: only what is unmistakably secret is hidden.
    Plain,
    /// A flag or field where a signing key could be pasted by mistake (a key hash, an address,
    /// a verification key as text, an expected hash). A run of 64 or more hex digits is hidden
    /// there too, unless the whole input is exactly one of `allowed_hex` digits long (the
    /// length the flag itself takes, e.g. 64 for a blake2b-256 hash).
    SecretContext { allowed_hex: &'static [usize] },
}

/// A secret context where no long hex is expected (verification keys as text, key hashes).
pub const SECRET_CONTEXT: Source = Source::SecretContext { allowed_hex: &[] };

/// What a hidden input looked like; the words stand in for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Secret {
    Bech32Key,
    SigningKeyEnvelope,
    RecoveryPhrase,
    LongHex,
}

impl Secret {
    fn words(self) -> &'static str {
        match self {
            Self::Bech32Key => "(a secret key, not shown)",
            Self::SigningKeyEnvelope => "(a signing key file's text, not shown)",
            Self::RecoveryPhrase => "(a recovery phrase, not shown)",
            Self::LongHex => "(long hexadecimal that may be a secret key, not shown)",
        }
    }
}

/// The quoted piece of a message: `"input"`, escaped, shortened to about 60 characters, or
/// words such as `(a secret key, not shown)` when the input may be a secret.
pub fn quote(input: &str) -> String {
    quote_from(input, Source::Plain)
}

/// [`quote`] for input from a flag where a signing key may be pasted by mistake: long hex is
/// hidden too (see [`Source::SecretContext`]).
pub fn quote_in_secret_context(input: &str) -> String {
    quote_from(input, SECRET_CONTEXT)
}

/// [`quote`] with the source said explicitly.
pub fn quote_from(input: &str, source: Source) -> String {
    match secret_in(input, source) {
        Some(secret) => secret.words().to_owned(),
        None => format!("\"{}\"", shortened(input, true)),
    }
}

/// What [`quote`] shows, without the quotation marks, for messages that echo a short input
/// plainly (`margin 1.5 is above 1`). Secrets are replaced by words here too.
pub fn bare(input: &str) -> String {
    bare_from(input, Source::Plain)
}

/// [`bare`] with the source said explicitly.
pub fn bare_from(input: &str, source: Source) -> String {
    match secret_in(input, source) {
        Some(secret) => secret.words().to_owned(),
        None => shortened(input, false),
    }
}

/// Text from a file, made safe to print for people: control characters and backslashes are
/// escaped (so a literal `\x1b` cannot pass for an escaped ESC); nothing is shortened or
/// hidden, and ordinary Unicode is kept. Not for JSON output, which escapes by its own rules.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        push_escaped(&mut out, c, false);
    }
    out
}

/// A file name as typed, safe to print: control characters escaped as in [`escape`], but
/// backslashes kept, so Windows paths read as written.
pub fn escape_path(text: &str) -> String {
    escape_controls(text, false)
}

/// The safety net for a whole message: control characters escaped except the newlines that
/// separate its lines, and nothing else touched (backslashes from [`quote`] stay single).
pub fn escape_controls_keeping_lines(text: &str) -> String {
    escape_controls(text, true)
}

/// JSON text made safe for a terminal and still the same JSON: serde_json escapes only C0, so
/// DEL, C1 (a raw U+009B is CSI to some terminals) and the separators and bidirectional
/// controls are written as `\u009b` escapes, which every JSON reader decodes back.
pub fn escape_json_for_terminal(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        // Outside strings JSON has only ASCII structure and whitespace; these occur in strings.
        if c == '\\' || u32::from(c) < 0x20 || !is_escaped(c) {
            out.push(c);
        } else {
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        }
    }
    out
}

fn escape_controls(text: &str, keep_lines: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c == '\\' || (keep_lines && c == '\n') || !is_escaped(c) {
            out.push(c);
        } else {
            push_escaped(&mut out, c, false);
        }
    }
    out
}

/// A JSON library's reason for refusing a file, safe to show: the pieces of the file it
/// quotes (`string "…"`, ``unknown field `…` ``) are escaped, shortened, and hidden when they
/// look like a secret, while its words and the line and column stay.
pub fn library_reason(reason: &str) -> String {
    let mut out = String::with_capacity(reason.len());
    let mut rest = reason;
    while let Some(open) = rest.find(['"', '`']) {
        let mark = &rest[open..=open];
        let Some(len) = rest[open + 1..].find(mark) else {
            break;
        };
        out.push_str(&rest[..=open]);
        out.push_str(&bare_from(&rest[open + 1..open + 1 + len], SECRET_CONTEXT));
        out.push_str(mark);
        rest = &rest[open + 1 + len + 1..];
    }
    out.push_str(rest);
    out
}

/// Whether text may be a secret wherever it came from: a signing key's text envelope, a bech32
/// secret key (`stake_sk1…`, `addr_xsk1…`, `root_xsk1…`, `xprv1…`) or a run of 12 or more
/// BIP-39 English words (a recovery phrase).
pub fn looks_secret(text: &str) -> bool {
    secret_in(text, Source::Plain).is_some()
}

/// [`looks_secret`], plus a run of 64 or more hex digits: for input from a flag or field where
/// a signing key's hex could land by mistake.
pub fn looks_secret_in_secret_context(text: &str) -> bool {
    secret_in(text, SECRET_CONTEXT).is_some()
}

/// [`looks_secret`] with the source said explicitly.
pub fn looks_secret_from(text: &str, source: Source) -> bool {
    secret_in(text, source).is_some()
}

fn secret_in(text: &str, source: Source) -> Option<Secret> {
    let lower = text.to_lowercase();
    if is_signing_envelope(&lower) {
        return Some(Secret::SigningKeyEnvelope);
    }
    if has_secret_bech32(&lower) {
        return Some(Secret::Bech32Key);
    }
    if is_recovery_phrase(&lower) {
        return Some(Secret::RecoveryPhrase);
    }
    // Long hex is hidden everywhere: no flag or field takes 64 hex digits but the two hash
    // flags (their allowance), and a whole 32-byte key shown would be a key given away.
    let allowed: &[usize] = match source {
        Source::SecretContext { allowed_hex } => allowed_hex,
        Source::Plain => &[],
    };
    has_long_hex(text, allowed).then_some(Secret::LongHex)
}

/// JSON (or a piece of it) whose type or description names a signing key or a secret.
fn is_signing_envelope(lower: &str) -> bool {
    let jsonish = lower.contains('{') || lower.contains("cborhex") || lower.contains("\"type\"");
    jsonish
        && ["signingkey", "signing key", "secret", "xsk"]
            .iter()
            .any(|m| lower.contains(m))
}

/// A word that is a bech32 secret key: a prefix ending `_sk` or `_xsk`, or `xprv`, then the
/// separator `1` and data. Checksums are not checked: a mistyped secret is still a secret.
fn has_secret_bech32(lower: &str) -> bool {
    lower
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .any(|word| {
            ["_sk1", "_xsk1"]
                .iter()
                .filter_map(|m| word.find(m).map(|i| &word[i + m.len()..]))
                .chain(word.strip_prefix("xprv1"))
                .chain(word.strip_prefix("xsk1"))
                .any(|data| data.len() >= 6)
        })
}

/// 12 or more BIP-39 English words in a row, or mostly such words: a recovery phrase, also
/// when numbered ("1. abandon 2. ability …") or with a word or two mistyped.
fn is_recovery_phrase(lower: &str) -> bool {
    let english = bip39::Language::English;
    let (mut words, mut listed, mut run, mut longest) = (0usize, 0usize, 0usize, 0usize);
    for word in lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty() && !w.bytes().all(|b| b.is_ascii_digit()))
    {
        words += 1;
        // Whole words, or the first four letters (how phrases are stamped on steel plates:
        // every BIP-39 English word is unique in its first four).
        let abbreviated = word.len() == 4 && english.words_by_prefix_iter(word).next().is_some();
        if english.find_word(word).is_some() || abbreviated {
            listed += 1;
            run += 1;
            longest = longest.max(run);
        } else {
            run = 0;
        }
    }
    // A 12-word phrase with one word mistyped still counts.
    let one_typo = words >= PHRASE_WORDS && listed + 1 >= PHRASE_WORDS && listed * 12 >= words * 11;
    longest >= PHRASE_WORDS || one_typo || (listed >= PHRASE_WORDS && listed * 4 >= words * 3)
}

/// A run of 64 or more hex digits, unless the whole input is exactly an allowed length.
fn has_long_hex(text: &str, allowed_hex: &[usize]) -> bool {
    let t = text.trim();
    if allowed_hex.contains(&t.len()) && t.bytes().all(|b| b.is_ascii_hexdigit()) {
        return false;
    }
    let mut run = 0usize;
    for b in t.bytes() {
        run = if b.is_ascii_hexdigit() { run + 1 } else { 0 };
        if run >= SECRET_HEX {
            return true;
        }
    }
    false
}

/// Escaped, and cut to its start when long (whole escapes only, never half of one).
fn shortened(input: &str, in_quotes: bool) -> String {
    let mut out = String::new();
    let mut unit = String::new();
    let mut shown = 0usize;
    let mut cut_at = None;
    for c in input.chars() {
        unit.clear();
        push_escaped(&mut unit, c, in_quotes);
        let n = unit.chars().count();
        if cut_at.is_none() && shown + n > SHOWN_START {
            cut_at = Some(out.len());
        }
        shown += n;
        if shown > SHOWN_WHOLE {
            let keep = cut_at.unwrap_or(out.len());
            out.truncate(keep);
            out.push('…');
            return out;
        }
        out.push_str(&unit);
    }
    out
}

/// Characters that are shown escaped rather than sent to the terminal.
fn is_escaped(c: char) -> bool {
    c.is_control() // C0, DEL and C1
        || matches!(
            c,
            '\\'
            | '\u{2028}' // line separator
            | '\u{2029}' // paragraph separator
            | '\u{202a}'..='\u{202e}' // bidirectional embeddings and overrides
            | '\u{2066}'..='\u{2069}' // bidirectional isolates
        )
}

fn push_escaped(out: &mut String, c: char, in_quotes: bool) {
    match c {
        '"' if in_quotes => out.push_str("\\\""),
        '\\' => out.push_str("\\\\"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c if u32::from(c) < 0x20 || c == '\u{7f}' => {
            let _ = write!(out, "\\x{:02x}", u32::from(c));
        }
        c if is_escaped(c) => {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        }
        c => out.push(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PHRASE_12: &str =
        "abandon ability able about above absent absorb abstract absurd abuse access accident";
    const PHRASE_24: &str =
        "legal winner thank year wave sausage worth useful legal winner thank yellow \
                             letter advice cage absurd amount doctor acoustic avoid letter always";

    #[test]
    fn escapes_terminal_controls_visibly() {
        assert_eq!(escape("a\u{1b}[1A\u{1b}[2Kb"), "a\\x1b[1A\\x1b[2Kb");
        assert_eq!(escape("del\u{7f}"), "del\\x7f");
        assert_eq!(escape("csi\u{9b}2K"), "csi\\u{9b}2K");
        assert_eq!(escape("\u{0}\u{7}\u{8}"), "\\x00\\x07\\x08");
        assert_eq!(escape("a\nb\tc\rd"), "a\\nb\\tc\\rd");
        assert_eq!(escape("rtl\u{202e}txt\u{2028}"), "rtl\\u{202e}txt\\u{2028}");
    }

    #[test]
    fn escapes_are_unambiguous() {
        // A literal backslash cannot pass for an escaped control character.
        assert_eq!(escape("\\x1b"), "\\\\x1b");
        assert_ne!(escape("\\x1b"), escape("\u{1b}"));
        assert_eq!(quote("say \"hi\""), "\"say \\\"hi\\\"\"");
    }

    #[test]
    fn ordinary_text_is_untouched() {
        assert_eq!(escape("Zürich 東京 pool 🏊‍♀️"), "Zürich 東京 pool 🏊‍♀️");
        assert_eq!(quote("abc"), "\"abc\"");
        assert_eq!(bare("1.5"), "1.5");
        let addr = "stake1u96fgs8c0zjm52kr4vpahhkx4cadtjylqm7fcqckzx28sqcdlklam";
        assert_eq!(quote(addr), format!("\"{addr}\""));
        assert_eq!(quote_in_secret_context(addr), format!("\"{addr}\""));
        // A 56-hex key hash of the wrong kind is shown: it is short and public.
        let hash = "ab".repeat(28);
        assert_eq!(quote_in_secret_context(&hash), format!("\"{hash}\""));
        assert!(!looks_secret("relay1.example.com"));
        assert!(!looks_secret("stake_vk1qqqqqqqqqqqq"));
        assert!(!looks_secret(
            r#"{"type": "StakeVerificationKeyShelley_ed25519", "cborHex": "5820ab"}"#
        ));
        assert!(!looks_secret(
            "We are a small pool run by two friends since 2020"
        ));
    }

    #[test]
    fn long_input_keeps_its_start() {
        let long = "x".repeat(200);
        let q = quote(&long);
        assert_eq!(q, format!("\"{}…\"", "x".repeat(60)));
        assert_eq!(quote(&"y".repeat(64)), format!("\"{}\"", "y".repeat(64)));
        assert_eq!(quote(&"y".repeat(65)), format!("\"{}…\"", "y".repeat(60)));
        // Escapes count as what they show and are never cut in half.
        let escapes = "\u{1b}".repeat(40);
        assert_eq!(quote(&escapes), format!("\"{}…\"", "\\x1b".repeat(15)));
        assert_eq!(bare(&long).chars().count(), 61);
    }

    #[test]
    fn bech32_secret_keys_are_hidden() {
        for s in [
            "stake_sk1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq",
            "addr_xsk1qqqqqqqqqqqqqqqqqqqqqqqqqq",
            "root_xsk1qqqqqqqqqqqqqqqqqqqq",
            "ed25519_sk1qqqqqqqqqqqqqq",
            "xprv1yq7c6nlmxncg7txy0z6lqf3fww4vm20m60lrxttx5lr4qm",
            "\"STAKE_SK1QQQQQQQQQQQQQQQQ\"",
        ] {
            assert!(looks_secret(s), "{s}");
            assert_eq!(quote(s), "(a secret key, not shown)");
            assert_eq!(bare(s), "(a secret key, not shown)");
        }
    }

    #[test]
    fn signing_key_envelopes_are_hidden() {
        let env = format!(
            r#"{{"type": "StakePoolSigningKey_ed25519", "description": "Stake Pool Operator Signing Key", "cborHex": "5820{}"}}"#,
            "11".repeat(32)
        );
        assert!(looks_secret(&env));
        assert_eq!(quote(&env), "(a signing key file's text, not shown)");
        assert!(looks_secret(
            r#"{"type": "PaymentExtendedSigningKey_ed25519_bip32""#
        ));
    }

    #[test]
    fn recovery_phrases_are_hidden() {
        assert!(looks_secret(PHRASE_12));
        assert!(looks_secret(PHRASE_24));
        assert_eq!(quote(PHRASE_24), "(a recovery phrase, not shown)");
        // Numbered, upper-case, or with a mistyped word or two: still a phrase.
        assert!(looks_secret(&PHRASE_24.to_uppercase()));
        let numbered: Vec<String> = PHRASE_12
            .split(' ')
            .enumerate()
            .map(|(i, w)| format!("{}. {w}", i + 1))
            .collect();
        assert!(looks_secret(&numbered.join(" ")));
        assert!(looks_secret(&PHRASE_24.replacen("sausage", "sausag", 1)));
        // One word of twelve mistyped.
        let first = PHRASE_12.split(' ').next().unwrap();
        assert!(looks_secret(&PHRASE_12.replacen(first, "xqzt", 1)));
        // Steel-plate abbreviations are a phrase too.
        let short: Vec<String> = PHRASE_12
            .split(' ')
            .map(|w| w.chars().take(4).collect())
            .collect();
        assert!(looks_secret(&short.join(" ")));
        // Eleven words are not a phrase.
        let eleven: Vec<&str> = PHRASE_12.split(' ').take(11).collect();
        assert!(!looks_secret(&eleven.join(" ")));
    }

    #[test]
    fn a_library_reason_keeps_its_words_not_the_secret() {
        let key = format!("5820{}", "ab".repeat(32));
        let r = format!("invalid type: string \"{key}\", expected u32 at line 1 column 90");
        assert_eq!(
            library_reason(&r),
            "invalid type: string \"(long hexadecimal that may be a secret key, not shown)\", expected u32 at line 1 column 90"
        );
        assert_eq!(
            library_reason("unknown field `colour`, expected one of `name`"),
            "unknown field `colour`, expected one of `name`"
        );
    }

    #[test]
    fn long_hex_is_hidden_everywhere() {
        let cbor = format!("5820{}", "ab".repeat(32));
        let pasted = format!("{cbor}\"");
        assert!(looks_secret(&pasted));
        assert!(looks_secret_in_secret_context(&pasted));
        assert_eq!(
            quote_in_secret_context(&pasted),
            "(long hexadecimal that may be a secret key, not shown)"
        );
        assert!(looks_secret_in_secret_context(&"cd".repeat(64)));
        assert!(looks_secret_in_secret_context(&"cd".repeat(32)));
        assert!(!looks_secret_in_secret_context(&"cd".repeat(31)));
        // Where 64 hex digits is the expected length, exactly that is shown.
        let hash_flag = Source::SecretContext { allowed_hex: &[64] };
        assert_eq!(
            quote_from(&"ef".repeat(32), hash_flag),
            format!("\"{}\"", "ef".repeat(32))
        );
        assert!(looks_secret_from(&cbor, hash_flag));
    }

    #[test]
    fn json_stays_json() {
        let value = serde_json::json!({"name": "a\u{1b}[2K\u{7f}\u{9b}\u{202e}b\\"});
        let text = escape_json_for_terminal(&serde_json::to_string_pretty(&value).unwrap());
        assert!(
            !text.contains(['\u{1b}', '\u{7f}', '\u{9b}', '\u{202e}']),
            "{text}"
        );
        assert!(text.contains("\\u009b") && text.contains('\n'), "{text}");
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, value);
    }

    #[test]
    fn the_safety_net_keeps_lines_and_backslashes() {
        assert_eq!(
            escape_controls_keeping_lines("a\u{1b}[2K\nb \\x1b \u{9b}"),
            "a\\x1b[2K\nb \\x1b \\u{9b}"
        );
        assert_eq!(
            escape_path("C:\\pool\\cold\u{1b}[2K.vkey\n"),
            "C:\\pool\\cold\\x1b[2K.vkey\\n"
        );
    }
}
