//! Whether a metadata file is the one a registration names: wallets fetch the URL and show the
//! pool only when the file's blake2b-256 hash equals the one in the certificate.

use crate::core::certificate::PoolParams;

/// How a loaded metadata file compares with the certificate's metadata reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MetadataMatch {
    Matches,
    Differs {
        file: [u8; 32],
        cert: [u8; 32],
    },
    /// The certificate names no metadata at all.
    NoneInCertificate,
}

impl MetadataMatch {
    pub fn of(params: &PoolParams, file_hash: &[u8; 32]) -> Self {
        match &params.metadata {
            None => Self::NoneInCertificate,
            Some(m) if &m.hash == file_hash => Self::Matches,
            Some(m) => Self::Differs {
                file: *file_hash,
                cert: m.hash,
            },
        }
    }

    pub fn is_match(self) -> bool {
        self == Self::Matches
    }

    /// The comparison in words, with what to do when it fails.
    pub fn words(self) -> String {
        match self {
            Self::Matches => "The file's hash matches the certificate's metadata hash: upload this file unchanged to the metadata URL.".to_owned(),
            Self::Differs { file, cert } => format!(
                "The file's hash ({}) does not match the certificate's metadata hash ({}): wallets would reject it. Upload the file whose hash is in the certificate, or rebuild the certificate with this file.",
                hex::encode(file),
                hex::encode(cert)
            ),
            Self::NoneInCertificate => "The certificate names no metadata: wallets will show the pool without a name or ticker.".to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::review::plan::{tests::SAMPLE, PoolPlan};

    #[test]
    fn the_hash_decides() {
        let mut p = PoolPlan::parse(SAMPLE.as_bytes()).unwrap().params;
        let Some(hash) = p.metadata.as_ref().map(|m| m.hash) else {
            panic!("the sample names metadata");
        };
        assert!(MetadataMatch::of(&p, &hash).is_match());
        let other = MetadataMatch::of(&p, &[7; 32]);
        assert!(other.words().starts_with(&format!(
            "The file's hash ({}) does not match",
            "07".repeat(32)
        )));
        p.metadata = None;
        assert_eq!(
            MetadataMatch::of(&p, &hash),
            MetadataMatch::NoneInCertificate
        );
    }
}
