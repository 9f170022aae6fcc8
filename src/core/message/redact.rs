//! The last net under every message: whatever a message was built from (a value the argument
//! parser echoes, a path, a URL, a library's reason), no secret the person typed on the command
//! line goes out. `core::message::quote` hides secrets where a message quotes input on purpose; this
//! catches the places that quote it by accident.

use crate::core::message::quote::{escape, looks_secret_in_secret_context, SECRET_HEX};

/// What stands where a secret was.
pub const HIDDEN: &str = "(a secret, not shown)";
/// A piece of a secret this long, found anywhere in a message, is hidden with its
/// surroundings (a message may show a secret shortened, escaped or cut in two).
const PIECE: usize = 16;
/// Flags whose value is a 64-hex hash, shown back as cardano-cli does (a secret of the same
/// length given there is hidden by `quote`'s allowance only when it is exactly a hash).
const HASH_FLAGS: [&str; 4] = [
    "--metadata-hash",
    "--expected-hash",
    "--anchor-data-hash",
    "--governance-action-tx-id",
];

/// Whether a command-line value may be secret: what `quote` hides in a secret context, and
/// hex split into groups (`7471 c38d …`, `74:71:c3 …`, two lines).
pub fn value_is_secret(value: &str) -> bool {
    looks_secret_in_secret_context(value) || grouped_hex_digits(value) >= SECRET_HEX
}

/// The most hex digits in one stretch of `text` made only of hex digits and separators.
pub fn grouped_hex_digits(text: &str) -> usize {
    let (mut best, mut run) = (0usize, 0usize);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_hexdigit() {
            run += 1;
            best = best.max(run);
        } else if c == '\\' && chars.peek().is_some_and(|n| matches!(n, 'n' | 'r' | 't')) {
            chars.next(); // an escaped line break, as a message shows it
        } else if !matches!(c, ' ' | '\t' | '\r' | '\n' | ':' | ',' | '-') {
            run = 0;
        }
    }
    best
}

/// `message` with every secret value of `args` hidden: the value as typed, as `quote` escapes
/// it, and any piece of either of [`PIECE`] characters or more.
pub fn redact(message: &str, args: &[String]) -> String {
    let mut secrets: Vec<String> = Vec::new();
    let mut after: Option<&str> = None;
    for a in args {
        // `--flag=value` carries its value after the first `=`.
        let (flag, value) = match a.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (Some(f), v),
            _ => (after, a.as_str()),
        };
        let is_hash_flag = flag.is_some_and(|f| HASH_FLAGS.contains(&f));
        let is_hash = value.len() == SECRET_HEX && value.bytes().all(|b| b.is_ascii_hexdigit());
        if value_is_secret(value) && !(is_hash_flag && is_hash) {
            secrets.extend([value.to_owned(), escape(value)]);
        }
        after = a.starts_with("--").then_some(a.as_str());
    }
    if secrets.is_empty() {
        return message.to_owned();
    }
    let chars: Vec<char> = message.chars().collect();
    let mut hidden = vec![false; chars.len()];
    for secret in &secrets {
        let s: Vec<char> = secret.chars().collect();
        let piece = PIECE.min(s.len());
        if piece == 0 {
            continue;
        }
        for (start, window) in chars.windows(piece).enumerate() {
            if s.windows(piece).any(|w| w == window) {
                hidden
                    .iter_mut()
                    .skip(start)
                    .take(piece)
                    .for_each(|h| *h = true);
            }
        }
    }
    let mut out = String::with_capacity(message.len());
    let mut in_secret = false;
    for (c, h) in chars.iter().zip(&hidden) {
        match (h, in_secret) {
            (true, false) => {
                out.push_str(HIDDEN);
                in_secret = true;
            }
            (true, true) => {}
            (false, _) => {
                in_secret = false;
                out.push(*c);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEX: &str = "7471c38de33d944639446955aa54b668e871d0c36feefbabf0748897d5916e94";

    fn args(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn a_secret_argument_is_hidden_wherever_a_message_echoes_it() {
        let sk = "stake_sk1w3cu8r0r8k2yvwfjsd5uch8gyuw5nq3hl8a9vqlzqg9zzq8y3eaqmvc9t7";
        let m = format!("error: invalid value '{sk}' for '--testnet-magic <NATURAL>'");
        assert_eq!(
            redact(&m, &args(&["pool-console", "--testnet-magic", sk])),
            format!("error: invalid value '{HIDDEN}' for '--testnet-magic <NATURAL>'")
        );
        let m = format!("--output-format \"{}…\" is not a format", &HEX[..60]);
        assert_eq!(
            redact(&m, &args(&["--output-format", HEX])),
            format!("--output-format \"{HIDDEN}…\" is not a format")
        );
        let m = format!("{HEX}: cannot read the file: no such file");
        assert_eq!(
            redact(&m, &args(&[&format!("--signing-key-file={HEX}")])),
            format!("{HIDDEN}: cannot read the file: no such file")
        );
    }

    #[test]
    fn hex_split_in_groups_is_a_secret_and_short_hex_is_not() {
        let grouped: String = HEX
            .as_bytes()
            .chunks(8)
            .map(|c| std::str::from_utf8(c).unwrap())
            .collect::<Vec<_>>()
            .join(" ");
        assert!(value_is_secret(&grouped));
        let two_lines = format!("{}\n{}", &HEX[..32], &HEX[32..]);
        assert!(value_is_secret(&two_lines));
        assert!(value_is_secret(&format!("{}\\n{}", &HEX[..32], &HEX[32..])));
        assert!(!value_is_secret(&HEX[..56]), "a key hash is not a secret");
        assert!(!value_is_secret("relay1.example.com"));
        assert_eq!(
            redact("nothing here", &args(&["relay1.example.com"])),
            "nothing here"
        );
    }
}
