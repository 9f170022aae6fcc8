//! `status FOLDER`: what an existing pool folder holds, as cardano-cli guides, CNTools or SPO
//! Scripts laid it out. Reads only; never renames or writes a file.

use std::fmt::Write as _;
use std::path::Path;

use serde_json::{json, Value};

use super::args::{ClockArg, StatusArgs};
use super::clock_args::{chain_clock, print, time_arg, window};
use super::{CliError, CliResult, Streams};
use crate::core::chain::clock::{self, KesState};
use crate::core::kes::opcert::OpCert;
use crate::core::keys::address::pool_bech32;
use crate::core::keys::{AnyKey, VerificationKey};
use crate::core::message::quote;
use crate::core::pool_folder::{checks, recognise, FolderLayout, Part, Placed, Tool};
use crate::platform::{load, pool_folder_scan};

/// The opcert's window in words.
struct Expiry {
    issue_number: u64,
    start: u64,
    last: u64,
    current: u64,
    expires: String,
    status: &'static str,
}

pub fn run(a: &StatusArgs, io: &mut Streams<'_>) -> CliResult {
    if let Some(magic) = a.testnet_magic.filter(|m| ![1, 2, 764_824_073].contains(m)) {
        return Err(CliError::new(format!(
            "--testnet-magic {magic} is not a network status knows: give 1 (preprod), 2 (preview), or leave it out for mainnet"
        )));
    }
    let clock = chain_clock(&ClockArg {
        mainnet: a.testnet_magic.is_none(),
        testnet_magic: a.testnet_magic,
        shelley_genesis_file: None,
        byron_genesis_file: None,
        shelley_transition_epoch: None,
    })?;
    let now = time_arg(a.at.as_deref())?;
    let dir = &a.folder;
    let seen: Vec<_> = pool_folder_scan::scan(dir)
        .map_err(CliError::new)?
        .into_iter()
        .map(|(_, s)| s)
        .collect();
    let layout = recognise(&seen);
    let vkey_of = |p: &Placed| -> Option<VerificationKey> {
        if p.encrypted {
            return None;
        }
        match load::key(&dir.join(&p.name)).ok()? {
            AnyKey::Verification(v) => Some(v),
            AnyKey::Signing(s) => s.verification_key().ok(),
        }
    };
    let key_of = |p: &Placed| vkey_of(p).map(|v| v.public_key());
    let cold = [Part::ColdVkey, Part::ColdSkey]
        .into_iter()
        .find_map(|part| layout.get(part).and_then(vkey_of));
    let cold_vkey = cold.as_ref().map(VerificationKey::public_key);
    let opcert_file = layout.get(Part::OpCert);
    let opcert = opcert_file
        .and_then(|p| OpCert::from_envelope(&load::envelope(&dir.join(&p.name)).ok()?).ok());
    let counter = layout
        .get(Part::Counter)
        .and_then(|p| load::counter(&dir.join(&p.name)).ok());
    let kes_keys = [&layout.current, &layout.history, &layout.also]
        .into_iter()
        .flatten()
        .filter(|p| matches!(p.part, Part::KesVkey | Part::KesSkey))
        .filter_map(|p| key_of(p).map(|k| (p.name.clone(), k)))
        .collect();
    let mut verdict = checks::check(
        &layout,
        &checks::Read {
            cold_vkey,
            opcert: opcert.as_ref(),
            counter: counter.as_ref(),
            kes_keys,
        },
    );
    let expiry = match (&opcert, opcert_file) {
        (Some(cert), Some(file)) => {
            match window(&clock, &dir.join(&file.name), cert.kes_period, now) {
                Ok(w) => Some(Expiry {
                    issue_number: cert.issue_number,
                    start: w.start_period,
                    last: w.last_period,
                    current: w.current_period,
                    expires: clock::format_utc(w.expiry_time),
                    status: match w.state {
                        KesState::Valid => "valid",
                        KesState::Expired => "expired",
                        KesState::NotYetValid => "not yet valid",
                    },
                }),
                Err(e) => {
                    verdict.warnings.push(e);
                    None
                }
            }
        }
        _ => None,
    };
    let pool_id = cold.as_ref().map(VerificationKey::key_hash);
    let pool_name = match layout.tool {
        Tool::SpoScripts => layout.pool_name.clone(),
        Tool::CnTools => dir.file_name().map(|n| n.to_string_lossy().into_owned()),
        Tool::CardanoCli => None,
    };
    let report = Report {
        dir,
        layout: &layout,
        pool_name,
        pool_id,
        network: clock.name.clone(),
        expiry,
        verdict,
    };
    let text = if a.output_json {
        format!("{}\n", serde_json::to_string_pretty(&report.json())?)
    } else {
        report.text()
    };
    print(io, &text)
}

struct Report<'a> {
    dir: &'a Path,
    layout: &'a FolderLayout,
    pool_name: Option<String>,
    pool_id: Option<[u8; 28]>,
    network: String,
    expiry: Option<Expiry>,
    verdict: checks::Verdict,
}

/// "(encrypted)" or "(not encrypted)" after a signing key.
fn lock_note(p: &Placed) -> &'static str {
    match (p.part.is_signing_key(), p.encrypted) {
        (false, _) => "",
        (true, true) => "  (encrypted)",
        (true, false) => "  (not encrypted)",
    }
}

impl Report<'_> {
    fn text(&self) -> String {
        let mut t = String::new();
        let _ = writeln!(
            t,
            "Folder:         {}",
            quote::escape_path(&self.dir.display().to_string())
        );
        let _ = match &self.pool_name {
            Some(n) => writeln!(
                t,
                "Layout:         {} (pool \"{}\")",
                self.layout.tool.label(),
                quote::escape_path(n)
            ),
            None => writeln!(t, "Layout:         {}", self.layout.tool.label()),
        };
        if let Some(id) = &self.pool_id {
            let _ = writeln!(t, "Pool id:        {}", pool_bech32(id));
            let _ = writeln!(t, "Pool id (hex):  {}", hex::encode(id));
        }
        let lists = [
            ("Files in use:", &self.layout.current),
            ("Older generations:", &self.layout.history),
            ("Also present, not used:", &self.layout.also),
        ];
        for (title, list) in lists {
            if list.is_empty() {
                continue;
            }
            let _ = writeln!(t, "\n{title}");
            for p in list {
                let _ = writeln!(
                    t,
                    "  {:<38}{}{}",
                    p.part.label(),
                    quote::escape_path(&p.name),
                    lock_note(p)
                );
            }
        }
        if !self.layout.unused.is_empty() {
            let _ = writeln!(t, "\nOther files:");
            for n in &self.layout.unused {
                let _ = writeln!(t, "  {}", quote::escape_path(n));
            }
        }
        if let (Some(e), Some(f)) = (&self.expiry, self.layout.get(Part::OpCert)) {
            let _ = writeln!(
                t,
                "\nOperational certificate: {} ({})",
                quote::escape_path(&f.name),
                self.network
            );
            let _ = writeln!(t, "  Issue number:        {}", e.issue_number);
            let _ = writeln!(t, "  Start KES period:    {}", e.start);
            let _ = writeln!(t, "  Last valid period:   {}", e.last);
            let _ = writeln!(t, "  Current KES period:  {}", e.current);
            let _ = writeln!(t, "  Expires (UTC):       {}", e.expires);
            let _ = writeln!(t, "  Status:              {}", e.status);
        }
        if let Some(m) = self.verdict.kes_matches {
            let _ = writeln!(t, "  KES key matches:     {}", if m { "yes" } else { "no" });
        }
        if self.verdict.warnings.is_empty() {
            let _ = writeln!(t, "\nWarnings: none");
        } else {
            let _ = writeln!(t, "\nWarnings:");
            for w in &self.verdict.warnings {
                let _ = writeln!(t, "  - {w}");
            }
        }
        t
    }

    fn json(&self) -> Value {
        let files = |list: &[Placed]| -> Value {
            list.iter()
                .map(|p| {
                    let mut v =
                        json!({"role": p.part.key(), "file": p.name, "generation": p.generation});
                    if p.part.is_signing_key() {
                        v["encrypted"] = json!(p.encrypted);
                    }
                    v
                })
                .collect()
        };
        json!({
            "folder": self.dir.display().to_string(),
            "layout": self.layout.tool.label(),
            "poolName": self.pool_name,
            "poolId": self.pool_id.map(|id| json!({"bech32": pool_bech32(&id), "hex": hex::encode(id)})),
            "files": files(&self.layout.current),
            "olderGenerations": files(&self.layout.history),
            "alsoPresent": files(&self.layout.also),
            "otherFiles": self.layout.unused,
            "operationalCertificate": self.expiry.as_ref().zip(self.layout.get(Part::OpCert)).map(|(e, f)| json!({
                "file": f.name,
                "network": self.network,
                "issueNumber": e.issue_number,
                "startKesPeriod": e.start,
                "lastValidKesPeriod": e.last,
                "currentKesPeriod": e.current,
                "expiresUtc": e.expires,
                "status": e.status,
            })),
            "kesKeyMatchesOpcert": self.verdict.kes_matches,
            "warnings": self.verdict.warnings,
        })
    }
}
