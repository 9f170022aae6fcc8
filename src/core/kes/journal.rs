//! The rotation journal: one line per opcert issued, so the next rotation knows the last issue
//! number and KES key even when the chain has not seen them yet.
//!
//! One compact JSON object per line (JSON Lines) keeps the file append-only: a new entry never
//! rewrites an old one, and a line cut short by a power loss spoils only itself. The KES key is
//! recorded by its blake2b-256 hash, enough to recognise it again without keeping key material.

use chrono::{DateTime, Utc};
use serde::Deserialize;

use crate::core::chain::clock::{format_utc, parse_time};
use crate::core::encoding::bech32::decode_expecting;
use crate::core::encoding::hash::blake2b_256;
use crate::core::message::quote::{quote, quote_from, Source};

/// The journal's file name inside the pool folder.
pub const FILE_NAME: &str = "rotation-journal.jsonl";

/// One issued opcert.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JournalEntry {
    pub recorded_at: DateTime<Utc>,
    /// bech32 pool1…
    pub pool_id: String,
    pub issue_number: u64,
    pub kes_period: u64,
    /// blake2b-256 of the KES verification key, hex
    pub kes_vkey_hash: String,
}

impl JournalEntry {
    pub fn new(
        recorded_at: DateTime<Utc>,
        pool_id: String,
        issue_number: u64,
        kes_period: u64,
        kes_vkey: &[u8; 32],
    ) -> Self {
        Self {
            recorded_at,
            pool_id,
            issue_number,
            kes_period,
            kes_vkey_hash: hex::encode(blake2b_256(kes_vkey)),
        }
    }

    /// The entry as one compact JSON line, ending with '\n'. Keys in a fixed order (recordedAt,
    /// pool, issueNumber, kesPeriod, kesVkeyHash) so the file reads the same by eye every time.
    pub fn to_line(&self) -> String {
        let value = serde_json::json!({
            "recordedAt": format_utc(self.recorded_at),
            "pool": self.pool_id,
            "issueNumber": self.issue_number,
            "kesPeriod": self.kes_period,
            "kesVkeyHash": self.kes_vkey_hash,
        });
        format!("{value}\n")
    }
}

/// A line as written; unknown keys are allowed so a later version may add some.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Line {
    recorded_at: String,
    pool: String,
    issue_number: u64,
    kes_period: u64,
    kes_vkey_hash: String,
}

/// Every readable entry in file order, and one message per line that could not be read
/// ("line 3: …"); blank lines are skipped.
pub fn parse(text: &str) -> (Vec<JournalEntry>, Vec<String>) {
    let mut entries = Vec::new();
    let mut problems = Vec::new();
    for (index, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match entry(line) {
            Ok(e) => entries.push(e),
            Err(why) => problems.push(format!("line {}: {why}", index + 1)),
        }
    }
    (entries, problems)
}

/// Reads and checks one line.
fn entry(line: &str) -> Result<JournalEntry, String> {
    let raw: Line = serde_json::from_str(line).map_err(|e| {
        let e = crate::core::message::quote::library_reason(&e.to_string());
        format!("not a journal entry ({e}); the line may have been cut short or edited by hand, and is left out")
    })?;
    let recorded_at = parse_time(&raw.recorded_at).map_err(|e| format!("recordedAt: {e}"))?;
    match decode_expecting(&raw.pool, "pool") {
        Ok(id) if id.len() == 28 => {}
        Ok(id) => {
            return Err(format!(
                "pool: {} holds {} bytes, but a pool id has 28",
                quote(&raw.pool),
                id.len()
            ))
        }
        Err(e) => return Err(format!("pool: {} {e}", quote(&raw.pool))),
    }
    let hash = &raw.kes_vkey_hash;
    let is_hex = hash.len() == 64
        && hash
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
    if !is_hex {
        return Err(format!(
            "kesVkeyHash: {} is not 64 lowercase hex digits (a blake2b-256 hash)",
            // A hash field: 64 hex digits are what belongs here, shown back as typed.
            quote_from(hash, Source::SecretContext { allowed_hex: &[64] })
        ));
    }
    Ok(JournalEntry {
        recorded_at,
        pool_id: raw.pool,
        issue_number: raw.issue_number,
        kes_period: raw.kes_period,
        kes_vkey_hash: raw.kes_vkey_hash,
    })
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;

    const POOL: &str = "pool12t0y7agkqct89pf00eeytkvfjlquv76tjy27duannan9w63ckxv";

    fn entry_at(issue_number: u64) -> JournalEntry {
        JournalEntry::new(
            parse_time("2026-09-01T08:30:05Z").unwrap_or_default(),
            POOL.to_owned(),
            issue_number,
            1031,
            &[0; 32],
        )
    }

    #[test]
    fn line_format() {
        assert_eq!(
            entry_at(7).to_line(),
            "{\"recordedAt\":\"2026-09-01T08:30:05Z\",\"pool\":\"pool12t0y7agkqct89pf00eeytkvfjlquv76tjy27duannan9w63ckxv\",\"issueNumber\":7,\"kesPeriod\":1031,\"kesVkeyHash\":\"89eb0d6a8a691dae2cd15ed0369931ce0a949ecafa5c3f93f8121833646e15c3\"}\n"
        );
    }

    #[test]
    fn round_trip_in_file_order() {
        let text = format!("{}\n  \n{}", entry_at(7).to_line(), entry_at(8).to_line());
        assert_eq!(parse(&text), (vec![entry_at(7), entry_at(8)], vec![]));
        assert_eq!(parse(""), (vec![], vec![]));
        // CRLF line ends (a file opened in a Windows editor) still read.
        let crlf = entry_at(9).to_line().replace('\n', "\r\n");
        assert_eq!(parse(&crlf), (vec![entry_at(9)], vec![]));
    }

    /// Found with the `journal` fuzz target's property: an offset carried this time into 10000,
    /// and the entry's `to_line` wrote `+10000-…`, which no reader takes back.
    #[test]
    fn a_time_past_year_9999_in_utc_is_a_bad_line() {
        let line = entry_at(7).to_line();
        let edited = line.replace("2026-09-01T08:30:05Z", "9999-12-31T23:59:59-23:59");
        let (entries, problems) = parse(&edited);
        assert!(entries.is_empty());
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].contains("outside the years 0000 to 9999"),
            "{}",
            problems[0]
        );
        for e in parse(&line).0 {
            assert_eq!(parse(&e.to_line()).0, vec![e]);
        }
    }

    #[test]
    fn bad_lines_are_named_and_the_rest_kept() {
        let line = entry_at(7).to_line();
        let good = line.trim_end();
        let cut = &good[..40];
        let text = [
            good,
            cut,
            &good.replace("2026-09-01T08:30:05Z", "yesterday"),
            &good.replace(POOL, "stake1xyz"),
            &good.replace(
                POOL,
                "pool12a39rkzfylvn9wfe8j6y8ucq6g2l4mw4azj70y0gd8ejczznyj2",
            ),
            &good.replace("89eb0d6a", "89EB0D6A"),
            &good.replace("\"issueNumber\":7", "\"issueNumber\":-7"),
            &good.replace(",\"kesPeriod\":1031", ""),
            &entry_at(8).to_line(),
        ]
        .join("\n");
        let (entries, problems) = parse(&text);
        assert_eq!(entries, vec![entry_at(7), entry_at(8)]);
        assert_eq!(problems.len(), 7);
        assert_eq!(problems[0], "line 2: not a journal entry (EOF while parsing a string at line 1 column 40); the line may have been cut short or edited by hand, and is left out");
        assert_eq!(problems[1], "line 3: recordedAt: \"yesterday\" is not an RFC 3339 time like 2026-11-21T12:00:00Z: premature end of input");
        assert_eq!(
            problems[2],
            "line 4: pool: \"stake1xyz\" is not valid bech32: invalid checksum"
        );
        assert!(
            problems[3].starts_with("line 5: pool: \"pool12a39"),
            "{}",
            problems[3]
        );
        assert_eq!(problems[4], "line 6: kesVkeyHash: \"89EB0D6A8a691dae2cd15ed0369931ce0a949ecafa5c3f93f8121833646e15c3\" is not 64 lowercase hex digits (a blake2b-256 hash)");
        assert!(
            problems[5].starts_with("line 7: not a journal entry (invalid value: integer `-7`"),
            "{}",
            problems[5]
        );
        assert!(
            problems[6].starts_with("line 8: not a journal entry (missing field `kesPeriod`"),
            "{}",
            problems[6]
        );
    }
}
