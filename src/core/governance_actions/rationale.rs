//! A vote's rationale: a CIP-100 JSON-LD document with CIP-136's body fields, written the same
//! way for the same fields (fixed key order, two-space indent, one final newline), so its
//! blake2b-256 hash, the vote's anchor hash, can be made again from the fields.

use serde_json::{json, Map, Value};

use crate::core::encoding::hash::blake2b_256;

/// CIP-136: the summary is at most 300 characters.
pub const SUMMARY_MAX: usize = 300;
/// The ledger's limit on an anchor URL (`Url` in cardano-ledger BaseTypes): 128 bytes.
pub const ANCHOR_URL_MAX: usize = 128;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rationale {
    pub summary: String,
    pub rationale_statement: String,
    pub precedent_discussion: String,
    pub counterargument_discussion: String,
    pub conclusion: String,
    /// Author names, one per entry; empty ones are left out.
    pub authors: Vec<String>,
}

impl Rationale {
    /// What stops the document from being written, if anything.
    pub fn problem(&self) -> Option<String> {
        let summary = self.summary.trim();
        if summary.is_empty() {
            return Some("Write a summary (CIP-136 requires one).".to_owned());
        }
        let chars = summary.chars().count();
        if chars > SUMMARY_MAX {
            return Some(format!(
                "The summary is {chars} characters; CIP-136 allows {SUMMARY_MAX}."
            ));
        }
        if self.rationale_statement.trim().is_empty() {
            return Some("Write the rationale statement (CIP-136 requires one).".to_owned());
        }
        None
    }

    /// The document's bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut body = Map::new();
        for (key, text) in [
            ("summary", &self.summary),
            ("rationaleStatement", &self.rationale_statement),
            ("precedentDiscussion", &self.precedent_discussion),
            (
                "counterargumentDiscussion",
                &self.counterargument_discussion,
            ),
            ("conclusion", &self.conclusion),
        ] {
            if !text.trim().is_empty() {
                body.insert(key.to_owned(), Value::String(text.trim().to_owned()));
            }
        }
        let authors: Vec<Value> = self
            .authors
            .iter()
            .map(|a| a.trim())
            .filter(|a| !a.is_empty())
            .map(|a| json!({ "name": a }))
            .collect();
        let doc = json!({
            "@context": context(),
            "hashAlgorithm": "blake2b-256",
            "authors": authors,
            "body": body,
        });
        let mut text = serde_json::to_string_pretty(&doc).unwrap_or_default();
        text.push('\n');
        text.into_bytes()
    }

    pub fn hash(&self) -> [u8; 32] {
        blake2b_256(&self.to_bytes())
    }
}

fn context() -> Value {
    json!({
        "@language": "en-us",
        "CIP100": "https://github.com/cardano-foundation/CIPs/blob/master/CIP-0100/README.md#",
        "CIP136": "https://github.com/cardano-foundation/CIPs/blob/master/CIP-0136/README.md#",
        "hashAlgorithm": "CIP100:hashAlgorithm",
        "body": {
            "@id": "CIP136:body",
            "@context": {
                "summary": "CIP136:summary",
                "rationaleStatement": "CIP136:rationaleStatement",
                "precedentDiscussion": "CIP136:precedentDiscussion",
                "counterargumentDiscussion": "CIP136:counterargumentDiscussion",
                "conclusion": "CIP136:conclusion"
            }
        },
        "authors": {
            "@id": "CIP100:authors",
            "@container": "@set",
            "@context": { "name": "http://xmlns.com/foaf/0.1/name" }
        }
    })
}

/// What is wrong with an anchor URL as typed, if anything (checked on every keystroke).
pub fn anchor_url_problem(url: &str) -> Option<String> {
    let len = url.len();
    (len > ANCHOR_URL_MAX).then(|| {
        format!("The URL is {len} bytes; the ledger allows {ANCHOR_URL_MAX}: use a shorter link.")
    })
}

/// Whether a local copy's bytes are the document an anchor hash names.
pub fn matches_anchor(bytes: &[u8], anchor_hash: &[u8; 32]) -> bool {
    &blake2b_256(bytes) == anchor_hash
}
