//! What the Registration and Retire tabs' buttons do: metadata, the registration
//! certificate with the owners' certificates, and the retirement certificate.

use super::actions::file_stem;
use super::pick::PickFor;
use super::picker::PickKind;
use super::registration::{self, PoolKeys};
use super::registration_feedback::FormAction;
use super::workspace::names;
use super::{ConsoleApp, Pending};
use crate::core::certificate::metadata;
use crate::core::certificate::{Certificate, Era};
use crate::core::keys::address::Credential;
use crate::ops;
use crate::platform::files::{Output, OutputKind};
use crate::platform::load;
use std::path::{Path, PathBuf};

impl ConsoleApp {
    pub fn load_metadata(&mut self) {
        self.pick(
            PickKind::File,
            "Open a pool metadata JSON file",
            PickFor::Metadata,
        );
    }

    pub(super) fn load_metadata_from(&mut self, path: &Path) {
        let path = path.to_path_buf();
        match load::capped(&path, crate::platform::read::METADATA).map(|b| b.expose().to_vec()) {
            Err(e) => self.fail(e),
            Ok(bytes) => match metadata::validate(&bytes) {
                Err(e) => self.fail(format!("{}: {e}", path.display())),
                Ok((m, hash)) => {
                    let url = self.registration.metadata.url.clone();
                    self.registration.metadata =
                        registration::MetadataDraft::from_metadata(&m, &url);
                    self.drafts.loaded_metadata = Some((path.clone(), bytes));
                    self.say(format!(
                        "Loaded {} (hash {}).",
                        path.display(),
                        hex::encode(hash)
                    ));
                }
            },
        }
    }

    /// The metadata bytes that will be hashed: the loaded file while the form still matches it.
    pub fn metadata_bytes(&self) -> Option<&[u8]> {
        let (_, bytes) = self.drafts.loaded_metadata.as_ref()?;
        let (m, _) = metadata::validate(bytes).ok()?;
        (m == self.registration.metadata.to_metadata()).then_some(bytes.as_slice())
    }

    pub fn check_registration(&self) -> registration::FormCheck {
        let inputs = super::CheckInputs {
            form: self.registration.clone(),
            network: self.network(),
            generation: self.scan_generation,
            metadata: self.metadata_bytes().map(<[u8]>::to_vec),
        };
        if let Some((cached_inputs, check)) = &*self.check_cache.borrow() {
            if *cached_inputs == inputs {
                return check.clone();
            }
        }
        let check = self.check_registration_now();
        *self.check_cache.borrow_mut() = Some((inputs, check.clone()));
        check
    }

    pub(super) fn check_registration_now(&self) -> registration::FormCheck {
        let base = self
            .workspace
            .as_ref()
            .map_or_else(PathBuf::new, |w| w.dir.clone());
        let keys = PoolKeys {
            cold: self.workspace.as_ref().and_then(|w| w.cold_vkey.as_ref()),
            vrf: self.workspace.as_ref().and_then(|w| w.vrf_vkey.as_ref()),
        };
        self.registration
            .check(&keys, self.network(), &base, self.metadata_bytes())
    }

    /// Saves pool.cert (and the metadata file, and each owner's certificates when asked).
    pub fn build_registration(&mut self) {
        let Some(ws) = self.workspace.clone() else {
            self.fail("Open a pool folder first.");
            return;
        };
        let check = self.check_registration();
        let Some(params) = check.params.clone() else {
            self.form_failed(
                FormAction::Build,
                format!(
                    "The certificate cannot be built yet: fix {} (each says what is wrong under it).",
                    check.blockers().join(", ")
                ),
            );
            return;
        };
        let cert = registration::certificate(&params);
        let mut outputs: Vec<(PathBuf, Vec<u8>, OutputKind)> = vec![(
            ws.dir.join(names::POOL_CERT),
            cert.to_envelope(registration::ERA)
                .render()
                .expose()
                .to_vec(),
            OutputKind::Certificate,
        )];
        let loaded = self.metadata_bytes().is_some();
        if let (Some(json), false) = (&check.metadata_json, loaded) {
            outputs.push((
                ws.dir.join(names::METADATA),
                json.as_bytes().to_vec(),
                OutputKind::Metadata,
            ));
        }
        if self.drafts.build_owner_certs {
            let deposit = check.deposit_lovelace.unwrap_or(2_000_000);
            for (owner, hash) in self.registration.owners.iter().zip(&check.owner_hashes) {
                let Some(hash) = hash else { continue };
                let stem = file_stem(&owner.name);
                let credential = Credential::Key(*hash);
                let reg = Certificate::StakeRegistration {
                    credential,
                    deposit: Some(deposit),
                };
                let del = Certificate::StakeDelegation {
                    credential,
                    pool: params.operator,
                };
                let (rn, dn) = super::tab_command::owner_cert_names(&stem);
                outputs.push((
                    ws.dir.join(&rn),
                    reg.to_envelope(Era::Conway).render().expose().to_vec(),
                    OutputKind::Certificate,
                ));
                outputs.push((
                    ws.dir.join(&dn),
                    del.to_envelope(Era::Conway).render().expose().to_vec(),
                    OutputKind::Certificate,
                ));
            }
        }
        let list: Vec<Output<'_>> = outputs
            .iter()
            .map(|(p, b, kind)| Output {
                path: p,
                bytes: b,
                kind: *kind,
            })
            .collect();
        match ops::outputs::write_all(&list) {
            Ok(done) => self.note(&done),
            Err(e) => {
                self.fail(e.to_string());
                return;
            }
        }
        let written: Vec<String> = outputs.iter().map(|(p, _, _)| ws.short(p)).collect();
        self.rescan();
        self.say(format!("Saved {}.", written.join(", ")));
    }

    // ------------------------------------------------------------------ retire

    pub fn request_retirement(&mut self) {
        let Ok(epoch) = self.drafts.retire_epoch.trim().parse::<u64>() else {
            self.fail("The retirement epoch must be a whole number.");
            return;
        };
        if self
            .workspace
            .as_ref()
            .and_then(|w| w.cold_vkey.as_ref())
            .is_none()
        {
            self.fail("Retiring needs the pool's cold verification key (cold.vkey).");
            return;
        }
        if let (Some(clock), Some(now)) = (&self.clock, Some(self.platform.clock.now())) {
            if let Ok(p) = clock.point_at(now) {
                if epoch <= p.epoch {
                    self.fail(format!("Epoch {epoch} has already begun (the current epoch is {}): choose {} or later.", p.epoch, p.epoch + 1));
                    return;
                }
            }
        }
        self.ask(
            "Write a retirement certificate?",
            format!("Once submitted, the pool stops at the start of epoch {epoch}: delegators must move, and the deposit returns to the reward account. It can be cancelled by re-registering before then."),
            "Yes, write it",
            Pending::Retire { epoch },
        );
    }

    pub(super) fn write_retirement(&mut self, epoch: u64) {
        let Some(ws) = self.workspace.clone() else {
            return;
        };
        let Some(pool) = ws.pool_id() else { return };
        let cert = Certificate::PoolRetirement { pool, epoch };
        let out = ws.dir.join(names::RETIRE_CERT);
        match ops::outputs::certificate(&cert, Era::Conway, &out) {
            Ok(done) => {
                self.note(&done);
                self.rescan();
                self.say(format!(
                    "Saved {} (retirement at epoch {epoch}).",
                    names::RETIRE_CERT
                ));
            }
            Err(e) => self.fail(e.to_string()),
        }
    }
}
