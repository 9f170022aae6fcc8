//! The metadata part of the registration builder: what wallets show, checked field by field
//! with cardano-cli's limits (docs FORMATS.md: name ≤ 50, description ≤ 255 characters,
//! ticker 3–5, the whole file ≤ 512 bytes), so each message sits under its own field.

use super::registration::MetadataDraft;
use crate::core::certificate::metadata::{
    self, PoolMetadata, MAX_BYTES, MAX_DESCRIPTION_CHARS, MAX_NAME_CHARS, TICKER_CHARS,
};

/// One message per metadata field, `None` where the field is fine.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MetadataMessages {
    pub name: Option<String>,
    pub ticker: Option<String>,
    pub description: Option<String>,
    pub homepage: Option<String>,
    /// The whole file: too large, or a loaded file that does not validate.
    pub file: Option<String>,
}

impl MetadataMessages {
    /// The first problem, in the order of the form (for the list beside the build button).
    pub fn first(&self) -> Option<&String> {
        [
            &self.name,
            &self.ticker,
            &self.description,
            &self.homepage,
            &self.file,
        ]
        .into_iter()
        .flatten()
        .next()
    }
}

/// The description's length as typed, against the limit: "42 / 255 characters".
pub fn description_count(description: &str) -> String {
    format!(
        "{} / {MAX_DESCRIPTION_CHARS} characters",
        description.trim().chars().count()
    )
}

impl MetadataDraft {
    pub fn is_empty(&self) -> bool {
        self.name.is_empty()
            && self.ticker.is_empty()
            && self.description.is_empty()
            && self.homepage.is_empty()
    }

    pub fn to_metadata(&self) -> PoolMetadata {
        PoolMetadata {
            name: self.name.trim().to_owned(),
            description: self.description.trim().to_owned(),
            ticker: self.ticker.trim().to_owned(),
            homepage: self.homepage.trim().to_owned(),
            extended: Some(self.extended.trim().to_owned()).filter(|s| !s.is_empty()),
        }
    }

    /// Every field's problem at once, with the limits cardano-cli applies.
    pub fn messages(&self) -> MetadataMessages {
        let m = self.to_metadata();
        let count = |s: &str| s.chars().count();
        let mut out = MetadataMessages::default();
        let name = count(&m.name);
        if name > MAX_NAME_CHARS {
            out.name = Some(format!(
                "{name} / {MAX_NAME_CHARS} characters: {} too many",
                name - MAX_NAME_CHARS
            ));
        }
        let ticker = count(&m.ticker);
        if ticker == 0 {
            out.ticker = Some("enter a ticker of 3 to 5 characters, e.g. MYSP".to_owned());
        } else if !TICKER_CHARS.contains(&ticker) {
            out.ticker = Some(format!(
                "the ticker has {ticker} character{}; it needs 3 to 5",
                if ticker == 1 { "" } else { "s" }
            ));
        }
        let description = count(&m.description);
        if description > MAX_DESCRIPTION_CHARS {
            out.description = Some(format!(
                "{}: {} too many",
                description_count(&m.description),
                description - MAX_DESCRIPTION_CHARS
            ));
        }
        if m.homepage.is_empty() {
            out.homepage = Some("add the pool's homepage (wallets link to it)".to_owned());
        } else if !is_web_address(&m.homepage) {
            // cardano-cli takes any text, but wallets link to it as written.
            out.homepage = Some(
                "start the homepage with https:// (wallets link to it exactly as written)"
                    .to_owned(),
            );
        }
        let size = metadata::render(&m).len();
        if size > MAX_BYTES {
            out.file = Some(format!(
                "the metadata file would be {size} bytes; the limit is {MAX_BYTES}: shorten the description or the name"
            ));
        }
        out
    }

    /// The JSON file as it will be saved and hashed, checked like cardano-cli checks it.
    pub fn render_checked(&self) -> Result<String, String> {
        if let Some(e) = self.messages().first() {
            return Err(e.clone());
        }
        let json = metadata::render(&self.to_metadata());
        metadata::validate(json.as_bytes()).map_err(|e| e.to_string())?;
        Ok(json)
    }

    pub fn from_metadata(m: &PoolMetadata, url: &str) -> Self {
        Self {
            name: m.name.clone(),
            ticker: m.ticker.clone(),
            description: m.description.clone(),
            homepage: m.homepage.clone(),
            extended: m.extended.clone().unwrap_or_default(),
            url: url.to_owned(),
        }
    }
}

/// `http://` or `https://` followed by a host, no spaces: what a wallet can open.
fn is_web_address(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    rest.is_some_and(|r| !r.is_empty() && !r.starts_with('/') && !r.contains(char::is_whitespace))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_field_says_its_own_problem() {
        let draft = MetadataDraft {
            name: "n".repeat(51),
            ticker: "AB".to_owned(),
            description: "d".repeat(460),
            ..MetadataDraft::default()
        };
        let m = draft.messages();
        assert_eq!(m.name.as_deref(), Some("51 / 50 characters: 1 too many"));
        assert_eq!(
            m.ticker.as_deref(),
            Some("the ticker has 2 characters; it needs 3 to 5")
        );
        assert_eq!(
            m.description.as_deref(),
            Some("460 / 255 characters: 205 too many")
        );
        assert_eq!(
            m.homepage.as_deref(),
            Some("add the pool's homepage (wallets link to it)")
        );
        assert!(m
            .file
            .as_deref()
            .unwrap()
            .starts_with("the metadata file would be "));
        assert_eq!(description_count("  é2  "), "2 / 255 characters");
    }

    #[test]
    fn a_homepage_is_a_web_address() {
        let said = |homepage: &str| {
            MetadataDraft {
                homepage: homepage.to_owned(),
                ..MetadataDraft::default()
            }
            .messages()
            .homepage
        };
        let fix = "start the homepage with https:// (wallets link to it exactly as written)";
        for bad in [
            "alicepool.com",
            "www.alicepool.com",
            "https://",
            "http:///x",
            "https://a b.com",
            "ftp://a.com",
        ] {
            assert_eq!(said(bad).as_deref(), Some(fix), "{bad}");
        }
        for good in [
            "https://alicepool.com",
            "HTTP://a.example/pool",
            "https://a.example:8443/x?y=1",
        ] {
            assert_eq!(said(good), None, "{good}");
        }
    }
}
