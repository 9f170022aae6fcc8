//! What the checklist knows, gathered from the open folder (read once per scan: the Pool and
//! Keys tabs ask every frame) and from the console's own state.

use std::path::Path;

use super::setup_steps::{self, CertFacts, Facts, NamedHash, Signer, Step};
use super::workspace::{Role, Workspace};
use super::ConsoleApp;
use crate::core::certificate::{metadata, Certificate, PoolParams};
use crate::core::keys::address::Credential;
use crate::core::keys::VerificationKey;
use crate::platform::{load, read};

/// The folder part of [`Facts`]: files read and decoded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FolderFacts {
    metadata_file: Option<NamedHash>,
    pool_cert: Option<CertFacts>,
}

fn metadata_file(ws: &Workspace) -> Option<NamedHash> {
    let path = ws.first(Role::Metadata)?;
    let bytes = read::read_regular(&path, read::METADATA).ok()?;
    Some(NamedHash {
        name: ws.short(&path),
        hash: metadata::hash(bytes.expose()),
    })
}

fn decoded(path: &Path) -> Option<Certificate> {
    let env = load::envelope(path).ok()?;
    Certificate::from_envelope(&env).ok().map(|(c, _)| c)
}

/// `alice.stake.vkey` → `alice.stake.skey`.
fn signing_name(vkey: &str) -> String {
    vkey.strip_suffix(".vkey")
        .map_or_else(|| format!("{vkey}.skey"), |s| format!("{s}.skey"))
}

fn owner_signers(ws: &Workspace, params: &PoolParams) -> Vec<Signer> {
    params
        .owners
        .iter()
        .enumerate()
        .map(
            |(i, hash)| match ws.stake_keys.iter().find(|k| &k.key.key_hash() == hash) {
                Some(k) => {
                    let skey = signing_name(&ws.short(&k.path));
                    let name = skey.strip_suffix(".stake.skey").unwrap_or(&skey).to_owned();
                    Signer {
                        name,
                        skey,
                        in_folder: true,
                    }
                }
                None => Signer {
                    name: format!("owner {}", i + 1),
                    skey: format!("owner{}.stake.skey", i + 1),
                    in_folder: false,
                },
            },
        )
        .collect()
}

fn pool_cert(ws: &Workspace) -> Option<CertFacts> {
    let path = ws.first(Role::PoolCert)?;
    let (params, _) = load::registration(&path).ok()?;
    let owner = |c: &Credential| params.owners.contains(c.hash());
    let mut facts = CertFacts {
        name: ws.short(&path),
        metadata: params.metadata.clone(),
        cold_skey: ws.short(&ws.path_for(Role::ColdSkey)),
        owners: owner_signers(ws, &params),
        ..CertFacts::default()
    };
    for p in ws.all(Role::StakeCert) {
        match decoded(p) {
            Some(Certificate::StakeRegistration { credential, .. }) if owner(&credential) => {
                facts.stake_registrations.push(ws.short(p));
            }
            Some(Certificate::StakeDelegation { credential, pool })
                if owner(&credential) && pool == params.operator =>
            {
                facts.delegations.push(ws.short(p));
            }
            _ => {}
        }
    }
    Some(facts)
}

impl FolderFacts {
    pub fn read(ws: &Workspace) -> Self {
        Self {
            metadata_file: metadata_file(ws),
            pool_cert: pool_cert(ws),
        }
    }
}

impl ConsoleApp {
    fn folder_facts(&self) -> FolderFacts {
        let Some(ws) = &self.workspace else {
            return FolderFacts::default();
        };
        let key = (self.scan_generation, ws.dir.clone());
        if let Some((k, f)) = &*self.setup_cache.borrow() {
            if *k == key {
                return f.clone();
            }
        }
        let facts = FolderFacts::read(ws);
        *self.setup_cache.borrow_mut() = Some((key, facts.clone()));
        facts
    }

    /// The Sign tab holds a transaction registering this pool, with every witness it needs.
    fn registration_witnessed(&self) -> bool {
        let (Some(t), Some(pool)) = (
            &self.sign.tx,
            self.workspace.as_ref().and_then(Workspace::pool_id),
        ) else {
            return false;
        };
        let registers = t.view.certificates.iter().any(
            |c| matches!(&c.decoded, Ok(Certificate::PoolRegistration(p)) if p.operator == pool),
        );
        registers
            && t.needs
                .iter()
                .all(|n| t.has_witness(&self.sign.witnesses, &n.key_hash))
    }

    pub fn setup_facts(&self) -> Facts {
        let ws = self.workspace.as_ref();
        let has = |r: Role| ws.is_some_and(|w| w.has(r));
        let opcert_ok = ws.is_some_and(|w| {
            w.opcert.as_ref().is_some_and(|c| {
                let cold = w.cold_vkey.as_ref().map(VerificationKey::public_key);
                let kes = w.kes_vkey.as_ref().map(VerificationKey::public_key);
                c.check(cold.as_ref(), kes.as_ref()).is_ok()
            })
        });
        let folder = self.folder_facts();
        Facts {
            folder_open: ws.is_some(),
            cold_keys: has(Role::ColdVkey) && has(Role::Counter),
            vrf_keys: has(Role::VrfVkey),
            kes_keys: has(Role::KesVkey),
            opcert_ok,
            owner_keys: has(Role::StakeVkey) || !self.registration.owners.is_empty(),
            metadata_file: folder.metadata_file,
            pool_cert: folder.pool_cert,
            network_flag: self.network_choice().cli_flag(self.network()),
            form_metadata_url: self.registration.metadata.url.clone(),
            witnessed: self.registration_witnessed(),
        }
    }

    /// The checklist: the Pool tab draws it, the Keys tab points to its next step.
    pub fn setup_steps(&self) -> Vec<Step> {
        setup_steps::steps(&self.setup_facts())
    }
}
