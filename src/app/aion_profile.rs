//! Which chain a pool folder is for. A folder is Aion Unity when it holds the marker file
//! `aion-profile.json` (written when the console creates an Aion folder) or an Aion key file
//! (`management.key` / `signing.key`, one line of `0x` and 128 hex digits); anything else is
//! Cardano, so every existing folder opens as before.

use crate::core::aion::metadata;
use crate::ops::aion_keys;
use crate::platform::files::OutputKind;
use crate::platform::read;
use crate::platform::target::{self, Existing, Holding};
use std::path::Path;

use serde::{Deserialize, Serialize};

/// The marker the console writes into a folder created for Aion Unity.
pub const MARKER: &str = "aion-profile.json";
/// The marker's content: says what it is to anyone who opens it.
pub const MARKER_TEXT: &str = "{\"profile\":\"aion-unity\",\"note\":\"Pool Console opens this folder with its Aion Unity tabs.\"}\n";

/// The Aion key files, by role: the management (identity) key and the block-signing key.
pub mod names {
    pub const MANAGEMENT_KEY: &str = "management.key";
    pub const MANAGEMENT_PUB: &str = "management.pub";
    pub const SIGNING_KEY: &str = "signing.key";
    pub const SIGNING_PUB: &str = "signing.pub";
    pub const METADATA: &str = "aion-metadata.json";
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Profile {
    #[default]
    Cardano,
    Aion,
}

impl Profile {
    pub fn label(self) -> &'static str {
        match self {
            Self::Cardano => "Cardano",
            Self::Aion => "Aion Unity",
        }
    }
}

/// What the Aion tabs read from the folder: kept until the folder is scanned again.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AionFacts {
    pub profile: Profile,
    /// The public keys of the management and block-signing keys, when their files are there.
    pub management_pk: Option<[u8; 32]>,
    pub signing_pk: Option<[u8; 32]>,
    pub metadata_saved: bool,
    /// The content hash of the saved metadata file, in hex (None: none, or unreadable).
    pub metadata_hash: Option<String>,
    /// The saved metadata file is one Pool Console wrote (its keys), so saving may replace it.
    pub metadata_ours: bool,
    /// A signed registerPool transaction is saved in the folder.
    pub registration_signed: bool,
}

/// Reads the folder's Aion files (names first; only the small public and private key files
/// are opened, and a private key's text is wiped as soon as it is looked at).
pub fn scan(dir: &Path) -> AionFacts {
    let files = read::regular_files(dir).unwrap_or_default();
    let named = |n: &str| files.iter().any(|p| p.file_name().is_some_and(|f| f == n));
    let aion_key = [names::MANAGEMENT_KEY, names::SIGNING_KEY]
        .iter()
        .any(|n| named(n) && is_aion_key_file(&dir.join(n)));
    let profile = if named(MARKER) || aion_key {
        Profile::Aion
    } else {
        Profile::Cardano
    };
    // Read once: its hash, and whether it is metadata the console wrote (saving may replace it).
    let metadata = named(names::METADATA)
        .then(|| read::read_regular(&dir.join(names::METADATA), read::AION_METADATA).ok())
        .flatten();
    let metadata_ours = metadata.as_ref().is_some_and(|b| {
        target::recognise_within(b.expose(), OutputKind::AionMetadata.recognise_limit())
            == Existing::Holds(Holding::AionMetadata)
    });
    AionFacts {
        profile,
        management_pk: public_key(
            &dir.join(names::MANAGEMENT_PUB),
            &dir.join(names::MANAGEMENT_KEY),
        ),
        signing_pk: public_key(&dir.join(names::SIGNING_PUB), &dir.join(names::SIGNING_KEY)),
        metadata_saved: named(names::METADATA),
        metadata_hash: metadata
            .as_ref()
            .map(|b| hex::encode(metadata::content_hash(b.expose()))),
        metadata_ours,
        registration_signed: files.iter().any(|p| {
            p.file_name()
                .map(|f| f.to_string_lossy())
                .is_some_and(|f| f.starts_with("aion-register-pool-") && f.ends_with(".tx.hex"))
        }),
    }
}

/// A role's public key: from its public key file (the console's bare hex or the command
/// line's JSON), else from its private key file (read through the one Aion key reader, wiped).
fn public_key(public: &Path, private: &Path) -> Option<[u8; 32]> {
    aion_keys::read_verification(public).ok().or_else(|| {
        aion_keys::read_signing(private)
            .ok()
            .map(|k| k.public_key())
    })
}

/// A private key file in a form Aion tools export (seed, or seed ‖ public key).
fn is_aion_key_file(path: &Path) -> bool {
    aion_keys::read_signing(path).is_ok()
}
