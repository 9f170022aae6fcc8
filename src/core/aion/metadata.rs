//! Aion pool metadata: the JSON document a pool's `metaDataUrl` serves, its limits
//! (AION.md §2) and its content hash, BLAKE2b-256 of the exact bytes uploaded.
//!
//! The JSON key names are published nowhere we could find; Pool Console writes
//! `schemaVersion`, `logo`, `description`, `name`, `tags`, `url`, and reads other names
//! with a warning rather than refusing them.

use base64::Engine;
use serde_json::{Map, Value};

use super::{blake2b_256, png};
use crate::core::message::quote::quote;

pub const MAX_BYTES: usize = 1024 * 1024;
pub const MAX_NAME: usize = 64;
pub const MAX_DESCRIPTION: usize = 256;
pub const MAX_TAGS: usize = 10;
pub const MAX_TAG: usize = 35;
pub const LOGO_SIDE: u32 = 256;
/// The keys Pool Console writes, in the order it writes them.
pub const KEYS: [&str; 6] = [
    "schemaVersion",
    "logo",
    "description",
    "name",
    "tags",
    "url",
];

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AionMetadata {
    pub schema_version: String,
    pub name: String,
    pub description: String,
    pub url: String,
    /// The logo PNG in standard base64 (empty: no logo).
    pub logo_base64: String,
    pub tags: Vec<String>,
}

/// The document as Pool Console writes it: compact JSON, keys in [`KEYS`] order, an empty
/// logo, description or tag list left out, no trailing newline (the hash covers every byte).
pub fn render(m: &AionMetadata) -> String {
    let mut o = Map::new();
    o.insert("schemaVersion".into(), m.schema_version.clone().into());
    if !m.logo_base64.is_empty() {
        o.insert("logo".into(), m.logo_base64.clone().into());
    }
    if !m.description.is_empty() {
        o.insert("description".into(), m.description.clone().into());
    }
    o.insert("name".into(), m.name.clone().into());
    if !m.tags.is_empty() {
        o.insert("tags".into(), m.tags.clone().into());
    }
    o.insert("url".into(), m.url.clone().into());
    Value::Object(o).to_string()
}

/// A PNG's bytes as the `logo` value.
pub fn logo_base64(png_bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(png_bytes)
}

/// The fields of a metadata document under Pool Console's key names, to edit it again
/// (None: not a JSON object). A field missing or not of its type is left empty; `check`
/// says what is wrong with the file.
pub fn read_fields(bytes: &[u8]) -> Option<AionMetadata> {
    let Ok(Value::Object(doc)) = serde_json::from_slice::<Value>(bytes) else {
        return None;
    };
    let text = |key: &str| {
        doc.get(key)
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned()
    };
    let tags = doc.get("tags").and_then(Value::as_array).map(|tags| {
        tags.iter()
            .filter_map(Value::as_str)
            .map(str::to_owned)
            .collect()
    });
    Some(AionMetadata {
        schema_version: text("schemaVersion"),
        name: text("name"),
        description: text("description"),
        url: text("url"),
        logo_base64: text("logo"),
        tags: tags.unwrap_or_default(),
    })
}

/// The PNG bytes of a `logo` value (plain base64, or a `data:image/png;base64,` URL).
pub fn logo_png(logo_base64: &str) -> Option<Vec<u8>> {
    let body = logo_base64
        .strip_prefix("data:image/png;base64,")
        .unwrap_or(logo_base64);
    base64::engine::general_purpose::STANDARD
        .decode(body.trim())
        .ok()
}

/// A metadata content hash as typed: 64 hex digits, `0x` optional; `None` otherwise.
pub fn parse_content_hash(text: &str) -> Option<[u8; 32]> {
    let t = text.trim();
    hex::decode(t.strip_prefix("0x").unwrap_or(t))
        .ok()
        .and_then(|b| b.try_into().ok())
}

/// BLAKE2b-256 of exactly these bytes: the `metaDataContentHash` to register.
pub fn content_hash(bytes: &[u8]) -> [u8; 32] {
    blake2b_256(bytes)
}

/// What is wrong with a metadata file (errors) and what may be (warnings).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MetadataReport {
    pub errors: Vec<String>,
    pub warnings: Vec<String>,
}

impl MetadataReport {
    pub fn is_ok(&self) -> bool {
        self.errors.is_empty()
    }
}

/// Checks a metadata file's bytes against every documented limit.
pub fn check(bytes: &[u8]) -> MetadataReport {
    let mut r = MetadataReport::default();
    if bytes.len() >= MAX_BYTES {
        r.errors.push(format!(
            "the file is {} bytes; it must be under 1 MiB (1048576 bytes)",
            bytes.len()
        ));
        return r;
    }
    let Ok(text) = std::str::from_utf8(bytes) else {
        r.errors
            .push("the file is not UTF-8 text; save it as UTF-8 JSON".to_owned());
        return r;
    };
    let doc = match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(doc)) => doc,
        Ok(_) => {
            r.errors.push(
                "the file is JSON but not an object ({ … }); metadata is one JSON object"
                    .to_owned(),
            );
            return r;
        }
        Err(e) => {
            r.errors.push(format!("the file is not valid JSON: {e}"));
            return r;
        }
    };
    check_text(&doc, "schemaVersion", None, true, &mut r);
    check_text(&doc, "name", Some(MAX_NAME), true, &mut r);
    check_text(&doc, "description", Some(MAX_DESCRIPTION), false, &mut r);
    check_url(&doc, &mut r);
    check_tags(&doc, &mut r);
    check_logo(&doc, &mut r);
    for key in doc.keys().filter(|k| !KEYS.contains(&k.as_str())) {
        r.warnings.push(format!(
            "field {} is not one Pool Console knows; the key names are not published, and Pool Console uses schemaVersion, logo, description, name, tags and url",
            quote(key)
        ));
    }
    r
}

/// A string field, required or not, of at most `max` characters.
fn check_text(
    doc: &Map<String, Value>,
    key: &str,
    max: Option<usize>,
    required: bool,
    r: &mut MetadataReport,
) {
    match doc.get(key) {
        None if required => r.errors.push(format!("\"{key}\" is missing")),
        None => {}
        Some(Value::String(s)) => {
            let n = s.chars().count();
            if let Some(max) = max.filter(|m| n > *m) {
                r.errors.push(format!(
                    "\"{key}\" is {n} characters; at most {max} are allowed"
                ));
            }
            if required && s.trim().is_empty() {
                r.errors.push(format!("\"{key}\" is empty"));
            }
        }
        Some(_) => r.errors.push(format!("\"{key}\" must be a string")),
    }
}

fn check_url(doc: &Map<String, Value>, r: &mut MetadataReport) {
    check_text(doc, "url", None, true, r);
    if let Some(Value::String(url)) = doc.get("url") {
        if url.starts_with("http://") {
            r.warnings
                .push("\"url\" is plain http; https is expected".to_owned());
        } else if !url.starts_with("https://") && !url.trim().is_empty() {
            r.errors.push(format!(
                "\"url\" {} is not a web address; start it with https://",
                quote(url)
            ));
        }
    }
}

fn check_tags(doc: &Map<String, Value>, r: &mut MetadataReport) {
    let Some(tags) = doc.get("tags") else {
        return;
    };
    let Some(tags) = tags.as_array() else {
        r.errors
            .push("\"tags\" must be a list of strings, e.g. [\"low fee\"]".to_owned());
        return;
    };
    if tags.len() > MAX_TAGS {
        r.errors.push(format!(
            "\"tags\" has {} tags; at most {MAX_TAGS} are allowed",
            tags.len()
        ));
    }
    for (i, tag) in tags.iter().enumerate() {
        match tag.as_str() {
            None => r.errors.push(format!("tag {} is not a string", i + 1)),
            Some(t) if t.chars().count() > MAX_TAG => r.errors.push(format!(
                "tag {} is {} characters; at most {MAX_TAG} are allowed",
                i + 1,
                t.chars().count()
            )),
            Some(_) => {}
        }
    }
}

fn check_logo(doc: &Map<String, Value>, r: &mut MetadataReport) {
    let Some(logo) = doc.get("logo") else {
        return;
    };
    let Some(text) = logo.as_str() else {
        r.errors
            .push("\"logo\" must be a string: a 256×256 PNG in base64".to_owned());
        return;
    };
    if text.starts_with("data:image/png;base64,") {
        r.warnings.push(
            "\"logo\" starts with data:image/png;base64, — the docs ask for plain base64"
                .to_owned(),
        );
    }
    let Some(bytes) = logo_png(text) else {
        r.errors
            .push("\"logo\" is not base64; it must be a 256×256 PNG in base64".to_owned());
        return;
    };
    match png::dimensions(&bytes) {
        None => r
            .errors
            .push("\"logo\" is not a PNG image; it must be a 256×256 PNG in base64".to_owned()),
        Some((w, h)) if (w, h) != (LOGO_SIDE, LOGO_SIDE) => r
            .errors
            .push(format!("\"logo\" is {w}×{h} pixels; it must be 256×256")),
        Some(_) => {}
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn good() -> AionMetadata {
        AionMetadata {
            schema_version: "1.0".into(),
            name: "Frites".into(),
            description: "A pool".into(),
            url: "https://example.org".into(),
            logo_base64: logo_base64(&png::header(256, 256)),
            tags: vec!["low fee".into()],
        }
    }

    #[test]
    fn a_rendered_document_passes_its_own_check() {
        let text = render(&good());
        assert!(text.starts_with("{\"schemaVersion\":\"1.0\",\"logo\":\"iVBORw0KGgo"));
        assert!(text.ends_with("\"tags\":[\"low fee\"],\"url\":\"https://example.org\"}"));
        assert_eq!(check(text.as_bytes()), MetadataReport::default());
    }

    #[test]
    fn limits_are_errors_and_strange_keys_warnings() {
        let mut m = good();
        m.name = "n".repeat(65);
        m.tags = (0..11).map(|i| i.to_string()).collect();
        m.logo_base64 = logo_base64(&png::header(128, 256));
        let mut doc: Value = serde_json::from_str(&render(&m)).unwrap();
        doc["website"] = "x".into();
        let r = check(doc.to_string().as_bytes());
        assert_eq!(
            r.errors,
            [
                "\"name\" is 65 characters; at most 64 are allowed",
                "\"tags\" has 11 tags; at most 10 are allowed",
                "\"logo\" is 128×256 pixels; it must be 256×256"
            ]
        );
        assert_eq!(r.warnings.len(), 1);
        assert!(r.warnings[0].starts_with("field \"website\" is not one Pool Console knows"));
    }

    #[test]
    fn a_rendered_document_reads_back_field_for_field() {
        let m = good();
        assert_eq!(read_fields(render(&m).as_bytes()), Some(m.clone()));
        assert_eq!(logo_png(&m.logo_base64), Some(png::header(256, 256)));
        let data_url = format!("data:image/png;base64,{}", m.logo_base64);
        assert_eq!(logo_png(&data_url), Some(png::header(256, 256)));
        // Other key names and wrong types leave the fields empty; not an object: nothing.
        let other = read_fields(br#"{"poolName":"x","name":7,"tags":["a",1]}"#).unwrap();
        assert_eq!(
            (other.name.as_str(), other.tags),
            ("", vec!["a".to_owned()])
        );
        assert_eq!(read_fields(b"[1]"), None);
        assert_eq!(read_fields(b"\xff"), None);
    }

    #[test]
    fn not_json_not_utf8_or_too_big() {
        assert_eq!(
            check(b"\xff").errors,
            ["the file is not UTF-8 text; save it as UTF-8 JSON"]
        );
        assert!(check(b"name: x").errors[0].starts_with("the file is not valid JSON"));
        assert_eq!(
            check(&vec![b' '; MAX_BYTES]).errors,
            ["the file is 1048576 bytes; it must be under 1 MiB (1048576 bytes)"]
        );
        assert_eq!(
            check(b"{}").errors,
            [
                "\"schemaVersion\" is missing",
                "\"name\" is missing",
                "\"url\" is missing"
            ]
        );
    }
}
