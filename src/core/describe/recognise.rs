//! Recognises a file by what it holds (its envelope type), not by its name, so folders made by
//! cardano-cli guides, CNTools or SPO Scripts open as they are.

use crate::core::certificate::metadata;
use crate::core::certificate::Certificate;
use crate::core::encoding::envelope::{TextEnvelope, CERTIFICATE_TYPES};
use crate::core::kes::opcert::{COUNTER_TYPE, OPCERT_TYPE};
use crate::core::keys::{AnyKey, KeyKind};

/// What a file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FileKind {
    Key(KeyKind),
    IssueCounter,
    OpCert,
    PoolRegistration,
    PoolRetirement,
    /// Any stake-address certificate (registration, delegation, …).
    StakeCertificate,
    PoolMetadata,
    Transaction,
    Witness,
}

/// Classifies file contents; `None` when it is nothing the console uses.
pub fn classify(contents: &[u8]) -> Option<FileKind> {
    let trimmed = contents.trim_ascii();
    if trimmed.first() == Some(&b'{') {
        if let Ok(env) = TextEnvelope::parse(trimmed) {
            return classify_envelope(&env);
        }
        return metadata::validate(contents)
            .ok()
            .map(|_| FileKind::PoolMetadata);
    }
    AnyKey::from_file_contents(trimmed)
        .ok()
        .map(|k| FileKind::Key(k.kind()))
}

fn classify_envelope(env: &TextEnvelope) -> Option<FileKind> {
    let ty = env.type_name.as_str();
    if let Some(kind) = KeyKind::from_type_name(ty) {
        return Some(FileKind::Key(kind));
    }
    if ty == COUNTER_TYPE {
        return Some(FileKind::IssueCounter);
    }
    if ty == OPCERT_TYPE {
        return Some(FileKind::OpCert);
    }
    if CERTIFICATE_TYPES.contains(&ty) {
        return match Certificate::from_envelope(env).ok()?.0 {
            Certificate::PoolRegistration(_) => Some(FileKind::PoolRegistration),
            Certificate::PoolRetirement { .. } => Some(FileKind::PoolRetirement),
            _ => Some(FileKind::StakeCertificate),
        };
    }
    if ty.starts_with("TxWitness ") {
        return Some(FileKind::Witness);
    }
    if ty.starts_with("Tx ") || ty.starts_with("Unwitnessed Tx ") || ty.starts_with("Witnessed Tx ")
    {
        return Some(FileKind::Transaction);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn by_type_not_by_name() {
        let env = br#"{"type": "NodeOperationalCertificateIssueCounter", "description": "", "cborHex": "82005820aa"}"#;
        assert_eq!(classify(env), Some(FileKind::IssueCounter));
        let vrf = format!(
            r#"{{"type": "VrfVerificationKey_PraosVRF", "description": "x", "cborHex": "5820{}"}}"#,
            "ab".repeat(32)
        );
        assert_eq!(
            classify(vrf.as_bytes()),
            Some(FileKind::Key(KeyKind::VrfVerification))
        );
        assert_eq!(classify(b"not a pool file"), None);
    }
}
