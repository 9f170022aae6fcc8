//! The counter wizard's input and rule: which issue number a new opcert may carry.
//!
//! The chain remembers the last issue number it saw in a block from the pool, and accepts a
//! new certificate only with that number or one more. An offline machine cannot ask the chain,
//! so the operator types the number, or pastes the whole output of
//! `cardano-cli query kes-period-info` from an online machine, which also carries the number
//! in the counter file the node uses and the current KES period.

use serde_json::{Map, Value};

use crate::core::describe::recognise::{self, FileKind};
use crate::core::kes::opcert::{check_counter, counter_message};
use crate::core::message::quote;

/// What the chain (and the node's disk) say about the pool's issue numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OnChainCounter {
    /// None: the pool has not made a block yet (kes-period-info prints null)
    pub last_seen: Option<u64>,
    /// qKesOnDiskOperationalCertificateNumber when pasted from kes-period-info
    pub on_disk: Option<u64>,
    pub current_period: Option<u64>,
}

const CHAIN_KEY: &str = "qKesNodeStateOperationalCertificateNumber";
const DISK_KEY: &str = "qKesOnDiskOperationalCertificateNumber";
const PERIOD_KEY: &str = "qKesCurrentKesPeriod";

/// What to give, said in every parse error.
const WHAT_TO_GIVE: &str = "type the last issue number the chain has seen, or paste the whole output of cardano-cli query kes-period-info";
/// What a file should hold, said in every error about one.
const WHAT_TO_SAVE: &str = "give the file cardano-cli query kes-period-info --out-file writes (or its printed output saved as is), or --on-chain-counter N";

/// Where the text came from: typed (its errors may quote it) or a file (they never do).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Origin {
    Typed,
    File,
}

/// A typed number, or the output of `cardano-cli query kes-period-info` (text lines such as
/// "✓ ..." may come before the JSON object).
pub fn parse_on_chain(text: &str) -> Result<OnChainCounter, String> {
    parse(text, Origin::Typed)
}

/// The saved output of `cardano-cli query kes-period-info`, from a file. Errors say what the
/// file is instead (a signing key, an opcert, …) and never repeat any of its contents: a key
/// given here by mistake must not reach the terminal.
pub fn parse_on_chain_file(contents: &[u8]) -> Result<OnChainCounter, String> {
    if let Some(kind) = recognise::classify(contents) {
        return Err(format!(
            "is {}, not the saved output of cardano-cli query kes-period-info: {WHAT_TO_SAVE}",
            what_file(kind)
        ));
    }
    let Ok(text) = std::str::from_utf8(contents) else {
        return Err(format!(
            "is not text, so not the saved output of cardano-cli query kes-period-info: {WHAT_TO_SAVE}"
        ));
    };
    if quote::looks_secret(text) {
        return Err(format!(
            "holds what looks like a secret (a signing key or a recovery phrase; not shown), not the saved output of cardano-cli query kes-period-info: {WHAT_TO_SAVE}"
        ));
    }
    parse(text, Origin::File)
}

/// A recognised pool file in words, with an article.
fn what_file(kind: FileKind) -> String {
    match kind {
        FileKind::Key(k) => {
            let noun = k.human();
            let article = if noun.starts_with(['a', 'e', 'i', 'o', 'u']) {
                "an"
            } else {
                "a"
            };
            format!("{article} {noun} ({})", k.type_name())
        }
        FileKind::IssueCounter => "an operational certificate issue counter".to_owned(),
        FileKind::OpCert => "an operational certificate".to_owned(),
        FileKind::PoolRegistration => "a stake pool registration certificate".to_owned(),
        FileKind::PoolRetirement => "a stake pool retirement certificate".to_owned(),
        FileKind::StakeCertificate => "a stake address certificate".to_owned(),
        FileKind::PoolMetadata => "pool metadata".to_owned(),
        FileKind::Transaction => "a transaction".to_owned(),
        FileKind::Witness => "a transaction witness".to_owned(),
    }
}

fn parse(text: &str, origin: Origin) -> Result<OnChainCounter, String> {
    let (pasted, what_to_give) = match origin {
        Origin::Typed => ("the pasted", WHAT_TO_GIVE),
        Origin::File => ("the file's", WHAT_TO_SAVE),
    };
    let text = text.trim();
    if text.is_empty() {
        return Err(match origin {
            Origin::Typed => format!("nothing was given: {WHAT_TO_GIVE}"),
            Origin::File => format!("is empty: {WHAT_TO_SAVE}"),
        });
    }
    let Some(open) = text.find('{') else {
        return text
            .parse::<u64>()
            .map(|n| OnChainCounter {
                last_seen: Some(n),
                on_disk: None,
                current_period: None,
            })
            .map_err(|_| match origin {
                Origin::Typed => format!(
                    "{} is not an issue number (a whole number of 0 or more): {WHAT_TO_GIVE}",
                    quote::quote(text)
                ),
                Origin::File => format!(
                    "holds neither an issue number nor the JSON output of cardano-cli query kes-period-info: {WHAT_TO_SAVE}"
                ),
            });
    };
    // The checks cardano-cli prints come first; the JSON object runs to the last brace.
    let close = text.rfind('}').map_or(text.len(), |i| i + 1);
    let json = text.get(open..close.max(open)).unwrap_or_default();
    let value: Value = serde_json::from_str(json).map_err(|e| {
        // A typed decoding can quote the file (`string "…"`): those pieces are hidden if secret.
        let reason = quote::library_reason(&e.to_string());
        match origin {
            Origin::Typed => format!("the JSON in the pasted text cannot be read ({reason}); paste the whole output, or {WHAT_TO_GIVE}"),
            Origin::File => format!("the JSON in the file cannot be read ({reason}): {WHAT_TO_SAVE}"),
        }
    })?;
    let Some(object) = value.as_object() else {
        return Err(format!("{pasted} JSON is not an object: {what_to_give}"));
    };
    if !object.contains_key(CHAIN_KEY) {
        return Err(format!(
            "{pasted} JSON has no {CHAIN_KEY} (the last issue number the chain has seen); is it the output of cardano-cli query kes-period-info? {what_to_give}"
        ));
    }
    Ok(OnChainCounter {
        last_seen: number_or_null(object, CHAIN_KEY, origin)?,
        on_disk: number_or_null(object, DISK_KEY, origin)?,
        current_period: number_or_null(object, PERIOD_KEY, origin)?,
    })
}

/// A key's value: a whole number, or None when it is null or absent.
fn number_or_null(
    object: &Map<String, Value>,
    key: &str,
    origin: Origin,
) -> Result<Option<u64>, String> {
    match object.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => v.as_u64().map(Some).ok_or_else(|| match origin {
            Origin::Typed => format!(
                "{key} is {}, but a whole number of 0 or more or null was expected: {WHAT_TO_GIVE}",
                quote::bare(&v.to_string())
            ),
            Origin::File => {
                format!("{key} is not a whole number of 0 or more or null: {WHAT_TO_SAVE}")
            }
        }),
    }
}

/// The issue numbers a new opcert may carry: (m, m+1), or (0, 1) before the first block.
pub fn allowed(last_seen: Option<u64>) -> (u64, u64) {
    match last_seen {
        // At u64::MAX there is no m + 1; the pair repeats m rather than wrapping to 0.
        Some(m) => (m, m.saturating_add(1)),
        None => (0, 1),
    }
}

/// Ok(explanation) when n is allowed, Err(why, and what to use) otherwise. Use
/// opcert::counter_message(m, n) when last_seen is Some(m); for None explain that a pool that
/// has not made a block yet may use 0 or 1.
pub fn judge(last_seen: Option<u64>, n: u64) -> Result<String, String> {
    match last_seen {
        Some(m) => {
            let message = counter_message(m, n);
            if check_counter(m, n).is_valid() {
                Ok(message)
            } else {
                Err(message)
            }
        }
        None if n <= 1 => Ok(format!(
            "issue number {n} is valid: the pool has not made a block yet, so the chain has no number on record and a first certificate may carry 0 or 1"
        )),
        None => Err(format!(
            "issue number {n} is too large: the pool has not made a block yet, so the chain accepts only 0 or 1, and blocks would be rejected (CounterOverIncrementedOCERT); use 0 or 1 and reset the counter file with `node new-counter --counter-value 0`"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PASTED: &str =
        "✓ The operational certificate counter agrees with the node protocol state counter
✓ Operational certificate's kes period is within the correct KES period interval
{
    \"qKesCurrentKesPeriod\": 1031,
    \"qKesEndKesInterval\": 1086,
    \"qKesKesKeyExpiry\": \"2025-01-12T21:44:51Z\",
    \"qKesMaxKESEvolutions\": 62,
    \"qKesNodeStateOperationalCertificateNumber\": 6,
    \"qKesOnDiskOperationalCertificateNumber\": 7,
    \"qKesRemainingSlotsInKesPeriod\": 5000,
    \"qKesSlotsPerKesPeriod\": 129600,
    \"qKesStartKesInterval\": 1024
}
";

    #[test]
    fn typed_numbers() {
        let six = OnChainCounter {
            last_seen: Some(6),
            on_disk: None,
            current_period: None,
        };
        assert_eq!(parse_on_chain(" 6\n"), Ok(six));
        assert_eq!(
            parse_on_chain("six"),
            Err("\"six\" is not an issue number (a whole number of 0 or more): type the last issue number the chain has seen, or paste the whole output of cardano-cli query kes-period-info".to_owned())
        );
        assert_eq!(
            parse_on_chain("-1"),
            Err("\"-1\" is not an issue number (a whole number of 0 or more): type the last issue number the chain has seen, or paste the whole output of cardano-cli query kes-period-info".to_owned())
        );
        assert_eq!(
            parse_on_chain(""),
            Err("nothing was given: type the last issue number the chain has seen, or paste the whole output of cardano-cli query kes-period-info".to_owned())
        );
    }

    #[test]
    fn pasted_kes_period_info() {
        assert_eq!(
            parse_on_chain(PASTED),
            Ok(OnChainCounter {
                last_seen: Some(6),
                on_disk: Some(7),
                current_period: Some(1031),
            })
        );
        let before_first_block = PASTED.replace(
            "OperationalCertificateNumber\": 6",
            "OperationalCertificateNumber\": null",
        );
        assert_eq!(
            parse_on_chain(&before_first_block),
            Ok(OnChainCounter {
                last_seen: None,
                on_disk: Some(7),
                current_period: Some(1031),
            })
        );
    }

    #[test]
    fn malformed_json() {
        assert_eq!(
            parse_on_chain(r#"{"qKesCurrentKesPeriod": 1031}"#),
            Err("the pasted JSON has no qKesNodeStateOperationalCertificateNumber (the last issue number the chain has seen); is it the output of cardano-cli query kes-period-info? type the last issue number the chain has seen, or paste the whole output of cardano-cli query kes-period-info".to_owned())
        );
        assert_eq!(
            parse_on_chain(r#"{"qKesNodeStateOperationalCertificateNumber": "6"}"#),
            Err("qKesNodeStateOperationalCertificateNumber is \"6\", but a whole number of 0 or more or null was expected: type the last issue number the chain has seen, or paste the whole output of cardano-cli query kes-period-info".to_owned())
        );
        assert_eq!(
            parse_on_chain(r#"{"qKesNodeStateOperationalCertificateNumber": 6, "qKesCurrentKesPeriod": -2}"#),
            Err("qKesCurrentKesPeriod is -2, but a whole number of 0 or more or null was expected: type the last issue number the chain has seen, or paste the whole output of cardano-cli query kes-period-info".to_owned())
        );
        assert_eq!(
            parse_on_chain("✓ ok\n{\"qKesNodeStateOperationalCertificateNumber\": 6,"),
            Err("the JSON in the pasted text cannot be read (EOF while parsing a value at line 1 column 48); paste the whole output, or type the last issue number the chain has seen, or paste the whole output of cardano-cli query kes-period-info".to_owned())
        );
        assert_eq!(
            parse_on_chain("} {"),
            Err("the JSON in the pasted text cannot be read (EOF while parsing a value at line 1 column 0); paste the whole output, or type the last issue number the chain has seen, or paste the whole output of cardano-cli query kes-period-info".to_owned())
        );
    }

    #[test]
    fn a_file_is_named_never_quoted() {
        let hint = "not the saved output of cardano-cli query kes-period-info: give the file cardano-cli query kes-period-info --out-file writes (or its printed output saved as is), or --on-chain-counter N";
        let secret = "7a".repeat(32);
        let cold = format!(
            r#"{{"type": "StakePoolSigningKey_ed25519", "description": "", "cborHex": "5820{secret}"}}"#
        );
        let e = parse_on_chain_file(cold.as_bytes()).unwrap_err();
        assert_eq!(
            e,
            format!("is a stake pool cold signing key (StakePoolSigningKey_ed25519), {hint}")
        );
        let phrase = "legal winner thank year wave sausage worth useful legal winner thank yellow";
        let e = parse_on_chain_file(phrase.as_bytes()).unwrap_err();
        assert!(e.starts_with("holds what looks like a secret"), "{e}");
        assert!(!e.contains("legal"), "{e}");
        let e = parse_on_chain_file(b"seven").unwrap_err();
        assert!(!e.contains("seven"), "{e}");
        assert_eq!(
            parse_on_chain_file(PASTED.as_bytes()).map(|c| c.last_seen),
            Ok(Some(6))
        );
        assert_eq!(
            parse_on_chain_file(br#"{"qKesNodeStateOperationalCertificateNumber": "s3cret"}"#),
            Err("qKesNodeStateOperationalCertificateNumber is not a whole number of 0 or more or null: give the file cardano-cli query kes-period-info --out-file writes (or its printed output saved as is), or --on-chain-counter N".to_owned())
        );
    }

    #[test]
    fn typed_text_is_quoted_safely() {
        let e = parse_on_chain("6\u{1b}[2K").unwrap_err();
        assert!(e.starts_with("\"6\\x1b[2K\" is not an issue number"), "{e}");
        let e = parse_on_chain(&format!("stake_sk1{}", "q".repeat(50))).unwrap_err();
        assert!(
            e.starts_with("(a secret key, not shown) is not an issue number"),
            "{e}"
        );
    }

    #[test]
    fn allowed_pairs() {
        assert_eq!(allowed(None), (0, 1));
        assert_eq!(allowed(Some(6)), (6, 7));
        assert_eq!(allowed(Some(u64::MAX)), (u64::MAX, u64::MAX));
    }

    #[test]
    fn judged_against_the_chain() {
        assert_eq!(judge(Some(6), 7), Ok(counter_message(6, 7)));
        assert_eq!(judge(Some(6), 6), Ok(counter_message(6, 6)));
        assert_eq!(judge(Some(6), 5), Err(counter_message(6, 5)));
        assert_eq!(judge(Some(6), 8), Err(counter_message(6, 8)));
        assert_eq!(
            judge(Some(6), 7),
            Ok(
                "issue number 7 is valid: one more than the last number the chain has seen (6)"
                    .to_owned()
            )
        );
        assert_eq!(judge(Some(u64::MAX), u64::MAX).map(|_| ()), Ok(()));
    }

    #[test]
    fn judged_before_the_first_block() {
        assert_eq!(
            judge(None, 0),
            Ok("issue number 0 is valid: the pool has not made a block yet, so the chain has no number on record and a first certificate may carry 0 or 1".to_owned())
        );
        assert!(judge(None, 1).is_ok());
        assert_eq!(
            judge(None, 2),
            Err("issue number 2 is too large: the pool has not made a block yet, so the chain accepts only 0 or 1, and blocks would be rejected (CounterOverIncrementedOCERT); use 0 or 1 and reset the counter file with `node new-counter --counter-value 0`".to_owned())
        );
    }
}
