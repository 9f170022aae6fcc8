//! The Aion metadata builder: the documented limits field by field, the JSON the form makes,
//! its content hash, the logo, and saving it (AION.md §2).

use std::path::Path;

use super::aion_core::metadata::{self, AionMetadata};
use super::aion_core::png;
use super::aion_desk::MetadataForm;
use super::aion_profile::names;
use super::ConsoleApp;
use crate::platform::files::OutputKind;

pub use metadata::{
    MAX_DESCRIPTION as DESCRIPTION_MAX, MAX_NAME as NAME_MAX, MAX_TAG as TAG_MAX,
    MAX_TAGS as TAGS_MAX,
};
/// The schema version the builder writes.
pub const SCHEMA_VERSION: &str = "1.0";

/// What is wrong with each field (None: nothing).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldErrors {
    pub name: Option<String>,
    pub description: Option<String>,
    pub url: Option<String>,
    pub tags: Option<String>,
}

impl FieldErrors {
    pub fn any(&self) -> bool {
        self.name.is_some()
            || self.description.is_some()
            || self.url.is_some()
            || self.tags.is_some()
    }
}

impl MetadataForm {
    pub fn tag_list(&self) -> Vec<String> {
        self.tags
            .split(',')
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
            .collect()
    }

    pub fn errors(&self) -> FieldErrors {
        let over = |what: &str, n: usize, max: usize| {
            (n > max).then(|| format!("{what} is {n} characters; at most {max}."))
        };
        let tags = self.tag_list();
        let long_tag = tags.iter().find(|t| t.chars().count() > TAG_MAX);
        FieldErrors {
            name: over("The name", self.name.chars().count(), NAME_MAX),
            description: over(
                "The description",
                self.description.chars().count(),
                DESCRIPTION_MAX,
            ),
            url: (!self.url.trim().is_empty() && !self.url.trim().starts_with("https://"))
                .then(|| "The pool URL starts with https://.".to_owned()),
            tags: if tags.len() > TAGS_MAX {
                Some(format!("{} tags; at most {TAGS_MAX}.", tags.len()))
            } else {
                long_tag.map(|t| format!("The tag \"{t}\" is over {TAG_MAX} characters."))
            },
        }
    }

    pub fn value(&self) -> AionMetadata {
        AionMetadata {
            schema_version: SCHEMA_VERSION.to_owned(),
            name: self.name.trim().to_owned(),
            description: self.description.trim().to_owned(),
            url: self.url.trim().to_owned(),
            logo_base64: self
                .logo_png
                .as_deref()
                .map(metadata::logo_base64)
                .unwrap_or_default(),
            tags: self.tag_list(),
        }
    }

    /// The exact JSON saved, and its content hash (hex).
    pub fn rendered(&self) -> (String, String) {
        let json = metadata::render(&self.value());
        let hash = hex::encode(metadata::content_hash(json.as_bytes()));
        (json, hash)
    }
}

impl ConsoleApp {
    /// Reads a PNG logo: it must be a PNG that decodes, 256×256 as documented. A file that
    /// is not leaves the logo chosen before in place.
    pub fn aion_load_logo(&mut self, path: &Path) {
        let form = &mut self.aion.metadata;
        match crate::platform::files::read(path) {
            Err(e) => form.logo_error = Some(format!("The logo was not read: {e}")),
            Ok(bytes) => {
                form.logo_error = logo_problem(bytes.expose());
                if form.logo_error.is_none() {
                    form.logo_png = Some(bytes.expose().to_vec());
                }
            }
        }
    }

    /// Fills a pristine form from the folder's saved metadata, so reopening a pool shows what
    /// was saved and a second save edits it rather than starting over.
    pub(super) fn aion_load_saved_metadata(&mut self) {
        let Some(dir) = self.workspace_dir() else {
            return;
        };
        if !self.aion_facts.metadata_saved || self.aion.metadata != MetadataForm::default() {
            return;
        }
        let path = dir.join(names::METADATA);
        let Ok(bytes) =
            crate::platform::read::read_regular(&path, crate::platform::read::AION_METADATA)
        else {
            return;
        };
        let Some(saved) = metadata::read_fields(bytes.expose()) else {
            return;
        };
        let form = &mut self.aion.metadata;
        form.name = saved.name;
        form.description = saved.description;
        form.url = saved.url;
        form.tags = saved.tags.join(", ");
        if !saved.logo_base64.is_empty() {
            // Checked like a chosen PNG: the preview decodes it, and a logo of another size
            // (1×100000, or a decompression bomb) must never reach the decoder or the GPU.
            let png = metadata::logo_png(&saved.logo_base64);
            let fault = png.as_deref().map(logo_fault);
            let file = names::METADATA;
            form.logo_error = match fault {
                None => Some(format!("The logo in {file} is not base64: choose the PNG again.")),
                Some(None) => None,
                Some(Some(LogoFault::NotPng)) => Some(format!(
                    "The logo in {file} is not a PNG image: choose a 256×256 PNG."
                )),
                Some(Some(LogoFault::Size(w, h))) => Some(format!(
                    "The logo in {file} is {w}×{h} pixels; Aion asks for 256×256: choose a 256×256 PNG."
                )),
                Some(Some(LogoFault::Damaged)) => Some(format!(
                    "The logo in {file} is a damaged PNG: choose the PNG again."
                )),
            };
            if form.logo_error.is_none() {
                form.logo_png = png;
            }
        }
    }

    pub fn aion_pick_logo(&mut self) {
        self.pick(
            super::picker::PickKind::File,
            "The pool's logo (a 256×256 PNG)",
            super::pick::PickFor::AionLogo,
        );
    }

    pub fn aion_save_metadata(&mut self) {
        let form = &self.aion.metadata;
        if form.errors().any() || form.name.trim().is_empty() {
            return self.fail("The metadata was not saved: give the pool a name and fix what is marked under the fields.");
        }
        let (json, hash) = form.rendered();
        let replacing = self.aion_facts.metadata_saved;
        let saved = self.aion_save(&[(names::METADATA, json.as_bytes(), OutputKind::AionMetadata)]);
        match (saved, replacing) {
            (Ok(()), false) => self.say(format!(
                "Saved {}: upload it exactly as it is; its content hash is {hash}.",
                names::METADATA
            )),
            // A registered pool's on-chain hash still names the old file until it is updated.
            (Ok(()), true) => self.say(format!(
                "Replaced {}: its content hash is now {hash}. Upload the new file, and if the pool is registered, send \"Update metadata\" with this hash.",
                names::METADATA
            )),
            (Err(e), _) => self.fail(format!("{} was not saved: {e}", names::METADATA)),
        }
    }
}

/// What keeps a PNG from being the pool's logo.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LogoFault {
    NotPng,
    Size(u32, u32),
    Damaged,
}

/// What keeps a file from being the pool's logo, if anything: the core reads the PNG's size
/// from its header; the preview's decoder must open it too.
fn logo_fault(bytes: &[u8]) -> Option<LogoFault> {
    match png::dimensions(bytes) {
        None => Some(LogoFault::NotPng),
        Some((w, h)) if (w, h) != (metadata::LOGO_SIDE, metadata::LOGO_SIDE) => {
            Some(LogoFault::Size(w, h))
        }
        Some(_) if eframe::icon_data::from_png_bytes(bytes).is_err() => Some(LogoFault::Damaged),
        Some(_) => None,
    }
}

/// Why a chosen file is not taken as the logo, in words.
fn logo_problem(bytes: &[u8]) -> Option<String> {
    const KEPT: &str = "Any logo chosen before is kept.";
    Some(match logo_fault(bytes)? {
        LogoFault::NotPng => format!("That file is not a PNG image: choose a 256×256 PNG. {KEPT}"),
        LogoFault::Size(w, h) => {
            format!("That PNG is {w}×{h} pixels; Aion asks for 256×256. {KEPT}")
        }
        LogoFault::Damaged => {
            format!("That PNG is damaged: it does not open as an image. {KEPT}")
        }
    })
}
