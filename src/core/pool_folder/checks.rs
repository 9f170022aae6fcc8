//! What looks wrong in a pool folder once its current files are read: the opcert's KES key
//! missing or in an older file, a counter behind the opcert, keys of another pool.

use super::{FolderLayout, Part};
use crate::core::kes::opcert::{IssueCounter, OpCert};

/// What was read from the folder's files (public parts only).
#[derive(Debug, Default)]
pub struct Read<'a> {
    /// The cold verification key's 32 bytes.
    pub cold_vkey: Option<[u8; 32]>,
    pub opcert: Option<&'a OpCert>,
    pub counter: Option<&'a IssueCounter>,
    /// Every readable KES key file (current and history) and its verification key.
    pub kes_keys: Vec<(String, [u8; 32])>,
}

/// The verdict: whether the current KES key is the one the opcert certifies, and warnings.
#[derive(Debug, PartialEq, Eq)]
pub struct Verdict {
    pub kes_matches: Option<bool>,
    pub warnings: Vec<String>,
}

pub fn check(layout: &FolderLayout, read: &Read<'_>) -> Verdict {
    let mut warnings = Vec::new();
    for part in [Part::ColdVkey, Part::ColdSkey, Part::Counter, Part::VrfSkey] {
        let extra = layout.also.iter().filter(|p| p.part == part).count();
        if let (Some(used), true) = (layout.get(part), extra > 0) {
            warnings.push(format!(
                "{} files hold a {}; using {}",
                extra + 1,
                part.label().to_lowercase(),
                used.name
            ));
        }
    }
    if read.cold_vkey.is_none() {
        warnings.push(
            "no readable cold verification key, so the pool id is unknown; add the pool's cold.vkey"
                .to_owned(),
        );
    }
    let current_kes = layout
        .get(Part::KesVkey)
        .or_else(|| layout.get(Part::KesSkey))
        .map(|p| p.name.as_str());
    let mut kes_matches = None;
    match (read.opcert, layout.get(Part::OpCert)) {
        (Some(cert), Some(file)) => {
            let current = read
                .kes_keys
                .iter()
                .find(|(n, _)| Some(n.as_str()) == current_kes);
            kes_matches = current.map(|(_, k)| *k == cert.kes_vkey);
            if kes_matches != Some(true) {
                match read.kes_keys.iter().find(|(_, k)| *k == cert.kes_vkey) {
                    Some((older, _)) => warnings.push(format!(
                        "{} certifies the KES key in {older}, not the current {}",
                        file.name,
                        current_kes.unwrap_or("one")
                    )),
                    None => warnings.push(format!(
                        "the KES key that {} certifies is not in the folder; the block producer needs that KES signing key",
                        file.name
                    )),
                }
            }
            if let Some(c) = read.counter {
                if c.next_issue_number <= cert.issue_number {
                    warnings.push(format!(
                        "the issue counter (next issue number {}) is behind {} (issue number {}); the next opcert must use {} or more",
                        c.next_issue_number,
                        file.name,
                        cert.issue_number,
                        cert.issue_number.saturating_add(1)
                    ));
                }
            }
            if read.cold_vkey.is_some_and(|k| k != cert.cold_vkey) {
                warnings.push(format!(
                    "{} was signed by another cold key than this pool's",
                    file.name
                ));
            }
        }
        (None, Some(file)) => warnings.push(format!(
            "{} cannot be read as an operational certificate",
            file.name
        )),
        _ => warnings.push("no operational certificate in the folder".to_owned()),
    }
    if let (Some(c), Some(k)) = (read.counter, read.cold_vkey) {
        if c.cold_vkey != k {
            warnings
                .push("the issue counter belongs to another cold key than this pool's".to_owned());
        }
    }
    Verdict {
        kes_matches,
        warnings,
    }
}
