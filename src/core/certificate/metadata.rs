//! Pool metadata JSON: validated as `cardano-cli stake-pool metadata-hash` does, hashed over the
//! exact file bytes (no canonicalisation: whitespace and a final newline change the hash).

use serde::Deserialize;
use thiserror::Error;

use crate::core::encoding::hash::blake2b_256;
use crate::core::message::quote::quote_in_secret_context;

pub const MAX_BYTES: usize = 512;
pub const MAX_NAME_CHARS: usize = 50;
pub const MAX_DESCRIPTION_CHARS: usize = 255;
pub const TICKER_CHARS: std::ops::RangeInclusive<usize> = 3..=5;
/// The ledger's limit on the metadata URL in a registration (Conway), and cardano-cli's.
pub const MAX_URL_CHARS: usize = 128;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum MetadataError {
    #[error(
        "Stake pool metadata must consist of at most 512 bytes, but it consists of {0} bytes."
    )]
    TooLarge(usize),
    #[error("the metadata is not a JSON object: {0}")]
    NotJson(String),
    #[error("the metadata has no \"{0}\" field (name, description, ticker and homepage are required, as text)")]
    MissingField(&'static str),
    #[error("\"{field}\" must be text")]
    NotText { field: &'static str },
    #[error("\"name\" must have at most 50 characters, but it has {0} characters.")]
    NameTooLong(usize),
    #[error("\"description\" must have at most 255 characters, but it has {0} characters.")]
    DescriptionTooLong(usize),
    #[error(
        "\"ticker\" must have at least 3 and at most 5 characters, but it has {0} characters."
    )]
    BadTicker(usize),
    #[error("the metadata URL is {0} characters long; the limit is 128 characters")]
    UrlTooLong(usize),
    #[error("the metadata URL is empty")]
    UrlEmpty,
    #[error("the metadata URL is {0} bytes in UTF-8; the ledger accepts at most 128 bytes (use plain ASCII characters)")]
    UrlTooManyBytes(usize),
    /// The hash as typed. Long hex is hidden: a key's hex pasted here is not repeated.
    #[error(
        "{} is not a metadata hash: it must be 64 hexadecimal characters (blake2b-256)",
        quote_in_secret_context(.0)
    )]
    BadHash(String),
}

/// The fields cardano-cli checks (others, like CIP-6 `extended`, are kept but not checked).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PoolMetadata {
    pub name: String,
    pub description: String,
    pub ticker: String,
    pub homepage: String,
    pub extended: Option<String>,
}

#[derive(Deserialize)]
struct Raw {
    name: Option<serde_json::Value>,
    description: Option<serde_json::Value>,
    ticker: Option<serde_json::Value>,
    homepage: Option<serde_json::Value>,
    extended: Option<serde_json::Value>,
}

fn text_field(v: Option<serde_json::Value>, field: &'static str) -> Result<String, MetadataError> {
    match v {
        None => Err(MetadataError::MissingField(field)),
        Some(serde_json::Value::String(s)) => Ok(s),
        Some(_) => Err(MetadataError::NotText { field }),
    }
}

/// Validates metadata file bytes; on success returns the fields and the hash to register.
pub fn validate(bytes: &[u8]) -> Result<(PoolMetadata, [u8; 32]), MetadataError> {
    if bytes.len() > MAX_BYTES {
        return Err(MetadataError::TooLarge(bytes.len()));
    }
    let value: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| {
        MetadataError::NotJson(crate::core::message::quote::library_reason(&e.to_string()))
    })?;
    if !value.is_object() {
        return Err(MetadataError::NotJson(
            "it is JSON, but not an object ({…})".to_owned(),
        ));
    }
    let raw: Raw = serde_json::from_value(value).map_err(|e| {
        MetadataError::NotJson(crate::core::message::quote::library_reason(&e.to_string()))
    })?;
    let name = text_field(raw.name, "name")?;
    let description = text_field(raw.description, "description")?;
    let ticker = text_field(raw.ticker, "ticker")?;
    let homepage = text_field(raw.homepage, "homepage")?;
    let count = |s: &str| s.chars().count();
    if count(&name) > MAX_NAME_CHARS {
        return Err(MetadataError::NameTooLong(count(&name)));
    }
    if count(&description) > MAX_DESCRIPTION_CHARS {
        return Err(MetadataError::DescriptionTooLong(count(&description)));
    }
    if !TICKER_CHARS.contains(&count(&ticker)) {
        return Err(MetadataError::BadTicker(count(&ticker)));
    }
    let extended = match raw.extended {
        Some(serde_json::Value::String(s)) => Some(s),
        _ => None,
    };
    let meta = PoolMetadata {
        name,
        description,
        ticker,
        homepage,
        extended,
    };
    Ok((meta, blake2b_256(bytes)))
}

/// blake2b-256 of the exact bytes.
pub fn hash(bytes: &[u8]) -> [u8; 32] {
    blake2b_256(bytes)
}

/// Checks a `--metadata-url` as cardano-cli does (at most 128 characters).
pub fn check_url(url: &str) -> Result<(), MetadataError> {
    let n = url.chars().count();
    if n == 0 {
        Err(MetadataError::UrlEmpty)
    } else if n > MAX_URL_CHARS {
        Err(MetadataError::UrlTooLong(n))
    } else if url.len() > MAX_URL_CHARS {
        Err(MetadataError::UrlTooManyBytes(url.len()))
    } else {
        Ok(())
    }
}

/// Parses a `--metadata-hash` (64 hex characters).
pub fn parse_hash(text: &str) -> Result<[u8; 32], MetadataError> {
    let t = text.trim();
    let bytes = hex::decode(t).map_err(|_| MetadataError::BadHash(t.to_owned()))?;
    <[u8; 32]>::try_from(bytes.as_slice()).map_err(|_| MetadataError::BadHash(t.to_owned()))
}

/// Writes metadata as compact JSON in the field order wallets and guides use.
pub fn render(meta: &PoolMetadata) -> String {
    let mut map = serde_json::Map::new();
    map.insert("name".to_owned(), meta.name.clone().into());
    map.insert("description".to_owned(), meta.description.clone().into());
    map.insert("ticker".to_owned(), meta.ticker.clone().into());
    map.insert("homepage".to_owned(), meta.homepage.clone().into());
    if let Some(ext) = &meta.extended {
        map.insert("extended".to_owned(), ext.clone().into());
    }
    serde_json::Value::Object(map).to_string()
}

/// Above this many bytes a metadata file is close to the limit: a longer description or
/// another field would not fit.
pub const NEARLY_FULL_BYTES: usize = 450;

/// How a metadata file of `used` bytes stands against the limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Room {
    Fits,
    NearlyFull,
    Over,
}

pub fn room(used: usize) -> Room {
    if used > MAX_BYTES {
        Room::Over
    } else if used > NEARLY_FULL_BYTES {
        Room::NearlyFull
    } else {
        Room::Fits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXAMPLE: &[u8] = br#"{"homepage":"https://iohk.io","name":"Genesis Pool C","ticker":"GPC","description":"Lorem Ipsum Dolor Sit Amet."}"#;

    #[test]
    fn example_hash() {
        let (meta, h) = validate(EXAMPLE).unwrap();
        assert_eq!(meta.ticker, "GPC");
        assert_eq!(
            hex::encode(h),
            "8241de08075886a7d09c847c9bbd1719459dac0bd0a2f085e673611ebb9a5965"
        );
    }

    #[test]
    fn limits() {
        let bad = br#"{"homepage":"h","name":"n","ticker":"TOOLNG","description":"d"}"#;
        assert_eq!(validate(bad), Err(MetadataError::BadTicker(6)));
        let big = vec![b' '; 513];
        assert_eq!(validate(&big), Err(MetadataError::TooLarge(513)));
        let missing = br#"{"name":"n","ticker":"ABC","description":"d"}"#;
        assert_eq!(
            validate(missing),
            Err(MetadataError::MissingField("homepage"))
        );
    }

    #[test]
    fn render_round_trips() {
        let (meta, _) = validate(EXAMPLE).unwrap();
        let text = render(&meta);
        assert_eq!(validate(text.as_bytes()).unwrap().0, meta);
    }

    #[test]
    fn room_left_under_the_limit() {
        assert_eq!(room(NEARLY_FULL_BYTES), Room::Fits);
        assert_eq!(room(NEARLY_FULL_BYTES + 1), Room::NearlyFull);
        assert_eq!(room(MAX_BYTES), Room::NearlyFull);
        assert_eq!(room(MAX_BYTES + 1), Room::Over);
    }
}
