//! The Review tab's state: the certificate under review, the previous registration, the plan,
//! the owner's key, and the review the core builds from them. Each slot keeps its own error,
//! shown under the button that loaded it.

use std::path::{Path, PathBuf};

use super::pick::{AfterSave, PickFor, SaveJob};
use super::picker::PickKind;
use super::workspace::{names, Role};
use super::{file_label, ConsoleApp};
use crate::core::certificate::metadata::{self, PoolMetadata};
use crate::core::certificate::PoolParams;
use crate::core::keys::address::pool_bech32;
use crate::core::keys::address::{Credential, RewardAccount};
use crate::core::message::quote;
use crate::core::review::metadata_match::MetadataMatch;
use crate::core::review::plan::{self, PoolPlan};
use crate::core::review::signoff;
use crate::core::review::Review;
use crate::platform::files::OutputKind;
use crate::platform::{load, read};

/// A registration loaded from a file (or built from the plan).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadedCert {
    /// Where it came from, in words: a file name or "built from plan.json".
    pub source: String,
    /// The file it was read from (none when built from the plan).
    pub path: Option<PathBuf>,
    pub params: PoolParams,
    pub cbor: Vec<u8>,
}

#[derive(Debug, Clone, Default)]
pub struct ReviewDesk {
    pub cert: Option<LoadedCert>,
    pub cert_error: Option<String>,
    pub previous: Option<LoadedCert>,
    pub previous_error: Option<String>,
    pub plan: Option<(PathBuf, PoolPlan)>,
    pub plan_error: Option<String>,
    pub metadata: Option<LoadedMetadata>,
    pub metadata_error: Option<String>,
    /// A pasted stake address.
    pub owner_text: String,
    /// The file the owner's key came from, when loaded from a file.
    pub owner_source: Option<String>,
    pub owner_key: Option<[u8; 28]>,
    pub owner_error: Option<String>,
    /// Rebuilt whenever an input changes.
    pub review: Option<Review>,
}

fn load_cert(path: &Path) -> Result<LoadedCert, String> {
    let (params, cbor) = load::registration(path)?;
    Ok(LoadedCert {
        source: file_label(path),
        path: Some(path.to_path_buf()),
        params,
        cbor,
    })
}

/// A pool metadata file loaded to see what wallets will show and to check its hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadedMetadata {
    pub source: String,
    pub path: PathBuf,
    pub metadata: PoolMetadata,
    /// blake2b-256 of the file's bytes, as the certificate must name it.
    pub hash: [u8; 32],
}

impl ReviewDesk {
    fn rebuild(&mut self) {
        self.review = self.cert.as_ref().map(|c| {
            Review::new(
                &c.cbor,
                &c.params,
                self.previous.as_ref().map(|p| &p.params),
                self.plan.as_ref().map(|p| &p.1),
                self.owner_key.as_ref(),
            )
        });
    }

    /// A previous registration must be of the same pool to be compared.
    fn check_same_pool(&mut self) {
        if let (Some(c), Some(p)) = (&self.cert, &self.previous) {
            if c.params.operator != p.params.operator {
                self.previous_error = Some(format!(
                    "{} is the registration of {}, not of {}: load the same pool's current registration",
                    p.source,
                    pool_bech32(&p.params.operator),
                    pool_bech32(&c.params.operator)
                ));
                self.previous = None;
            }
        }
    }

    pub fn load_certificate(&mut self, path: &Path) {
        // Whatever was said about the last certificate (a previous registration of another
        // pool) is said again, if still true, about this one.
        self.previous_error = None;
        match load_cert(path) {
            Ok(c) => {
                self.cert = Some(c);
                self.cert_error = None;
                self.check_same_pool();
            }
            Err(e) => {
                // The old certificate's words must not stay on screen under a failed load.
                self.cert = None;
                self.cert_error = Some(e);
            }
        }
        self.rebuild();
    }

    pub fn load_previous(&mut self, path: &Path) {
        match load_cert(path) {
            Ok(c) => {
                self.previous = Some(c);
                self.previous_error = None;
                self.check_same_pool();
            }
            Err(e) => {
                self.previous = None;
                self.previous_error = Some(e);
            }
        }
        self.rebuild();
    }

    pub fn clear_previous(&mut self) {
        self.previous = None;
        self.previous_error = None;
        self.rebuild();
    }

    pub fn load_plan(&mut self, path: &Path) {
        match load::plan(path) {
            Ok(p) => {
                self.plan = Some((path.to_path_buf(), p));
                self.plan_error = None;
            }
            Err(e) => {
                self.plan = None;
                self.plan_error = Some(e);
            }
        }
        self.rebuild();
    }

    /// Reviews the certificate the loaded plan builds: what every owner with the plan gets.
    pub fn use_plan_certificate(&mut self) {
        let Some((path, plan)) = &self.plan else {
            return;
        };
        let cbor = plan.certificate_cbor();
        self.previous_error = None;
        self.cert = Some(LoadedCert {
            source: format!("built from {}", file_label(path)),
            path: None,
            params: plan.params.clone(),
            cbor,
        });
        self.cert_error = None;
        self.check_same_pool();
        self.rebuild();
    }

    pub fn load_metadata(&mut self, path: &Path) {
        let read = load::capped(path, read::METADATA).and_then(|bytes| {
            metadata::validate(bytes.expose()).map_err(|e| format!("{}: {e}", file_label(path)))
        });
        match read {
            Ok((metadata, hash)) => {
                self.metadata = Some(LoadedMetadata {
                    source: file_label(path),
                    path: path.to_path_buf(),
                    metadata,
                    hash,
                });
                self.metadata_error = None;
            }
            Err(e) => {
                self.metadata = None;
                self.metadata_error = Some(e);
            }
        }
    }

    /// The loaded metadata file against the certificate under review.
    pub fn metadata_match(&self) -> Option<MetadataMatch> {
        let cert = self.cert.as_ref()?;
        let m = self.metadata.as_ref()?;
        Some(MetadataMatch::of(&cert.params, &m.hash))
    }

    pub fn load_owner_key(&mut self, path: &Path) {
        match load::public_stake_key(path) {
            Ok(vk) => {
                self.owner_key = Some(vk.key_hash());
                self.owner_source = Some(file_label(path));
                self.owner_text.clear();
                self.owner_error = None;
            }
            Err(e) => {
                self.owner_key = None;
                self.owner_error = Some(e);
            }
        }
        self.rebuild();
    }

    /// Reads the pasted stake address.
    pub fn use_owner_text(&mut self) {
        let t = self.owner_text.trim();
        let parsed = RewardAccount::from_bech32(t)
            .map_err(|e| format!("{} {e}", quote::quote_in_secret_context(t)))
            .and_then(|a| match a.credential {
                Credential::Key(h) => Ok(h),
                Credential::Script(_) => {
                    Err("this is a script address; pool owners are stake keys".to_owned())
                }
            });
        match parsed {
            Ok(h) => {
                self.owner_key = Some(h);
                self.owner_source = None;
                self.owner_error = None;
            }
            Err(e) => {
                self.owner_key = None;
                self.owner_error = Some(e);
            }
        }
        self.rebuild();
    }
}

/// A file of the open pool folder the Review tab can load in one click.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FolderOffer {
    pub path: PathBuf,
    /// "Load pool.cert from this folder".
    pub button: String,
}

impl ConsoleApp {
    /// The folder's registration certificate, unless it is the one under review.
    pub fn review_folder_certificate(&self) -> Option<FolderOffer> {
        let ws = self.workspace.as_ref()?;
        // The console's own pool.cert first; another registration in the folder otherwise.
        let certs = ws.all(Role::PoolCert);
        let path = certs
            .iter()
            .find(|p| p.file_name().is_some_and(|n| n == names::POOL_CERT))
            .or(certs.first())?
            .clone();
        let loaded = self.review.cert.as_ref().and_then(|c| c.path.as_ref());
        (loaded != Some(&path)).then(|| FolderOffer {
            button: format!("Load {} from this folder", file_label(&path)),
            path,
        })
    }

    /// The folder's metadata file, unless it is the one loaded.
    pub fn review_folder_metadata(&self) -> Option<FolderOffer> {
        let path = self.workspace.as_ref()?.first(Role::Metadata)?;
        let loaded = self.review.metadata.as_ref().map(|m| &m.path);
        (loaded != Some(&path)).then(|| FolderOffer {
            button: format!("Load {} from this folder", file_label(&path)),
            path,
        })
    }

    /// Loads a certificate for review. The status line spoke of the last action (a saved
    /// certificate, say): it is cleared, so nothing about the last certificate stays.
    pub fn review_load_certificate(&mut self, path: &Path) {
        self.review.load_certificate(path);
        self.status = None;
    }

    pub fn review_pick_metadata(&mut self) {
        self.pick(
            PickKind::File,
            "Choose the pool metadata file (poolMetaData.json)",
            PickFor::ReviewMetadata,
        );
    }

    pub fn review_pick_certificate(&mut self) {
        self.pick(
            PickKind::File,
            "Choose the registration certificate to review",
            PickFor::ReviewCertificate,
        );
    }

    pub fn review_pick_previous(&mut self) {
        self.pick(
            PickKind::File,
            "Choose the pool's current (previous) registration certificate",
            PickFor::ReviewPrevious,
        );
    }

    pub fn review_pick_plan(&mut self) {
        self.pick(
            PickKind::File,
            "Choose the pool plan (JSON)",
            PickFor::ReviewPlan,
        );
    }

    pub fn review_pick_owner_key(&mut self) {
        self.pick(
            PickKind::File,
            "Choose your stake verification key (stake.vkey)",
            PickFor::ReviewOwnerKey,
        );
    }

    /// Saves the certificate under review (e.g. the one built from the plan).
    pub fn review_save_certificate(&mut self) {
        let Some(c) = &self.review.cert else { return };
        let env =
            crate::core::certificate::Certificate::PoolRegistration(Box::new(c.params.clone()))
                .to_envelope(plan::ERA);
        // Keep the loaded bytes: a certificate read from a file is saved exactly as it was.
        let env = crate::core::encoding::envelope::TextEnvelope::new(
            &env.type_name,
            &env.description,
            c.cbor.clone(),
        );
        self.pick(
            PickKind::Save {
                file_name: "pool-registration.cert".to_owned(),
            },
            "Save the registration certificate",
            PickFor::Save(SaveJob {
                bytes: env.render().expose().to_vec(),
                kind: OutputKind::Certificate,
                then: AfterSave::Certificate,
            }),
        );
    }

    /// Writes the printable sign-off sheet.
    pub fn review_export_sheet(&mut self) {
        let Some(review) = &self.review.review else {
            return;
        };
        let title = self
            .review
            .plan
            .as_ref()
            .map(|(p, _)| file_label(p))
            .unwrap_or_else(|| pool_bech32(&review.params.operator));
        let when = crate::core::chain::clock::format_utc(self.platform.clock.now());
        let html = signoff::html(
            review,
            &title,
            &format!("Prepared {when} with Pool Console"),
        );
        self.pick(
            PickKind::Save {
                file_name: "sign-off.html".to_owned(),
            },
            "Save the sign-off sheet",
            PickFor::Save(SaveJob {
                bytes: html.into_bytes(),
                kind: OutputKind::SignOffSheet,
                then: AfterSave::SignOffSheet,
            }),
        );
    }
}
