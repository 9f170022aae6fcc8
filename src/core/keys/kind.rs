//! The key kinds: their envelope type strings, descriptions, payload sizes, bech32 prefixes,
//! and which kinds each command accepts.

use crate::core::kes::sum6;

/// Every key kind the console reads or writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyKind {
    ColdVerification,
    ColdSigning,
    ColdExtendedVerification,
    ColdExtendedSigning,
    GenesisDelegateVerification,
    GenesisDelegateSigning,
    GenesisDelegateExtendedVerification,
    GenesisDelegateExtendedSigning,
    VrfVerification,
    VrfSigning,
    KesVerification,
    KesSigning,
    StakeVerification,
    StakeSigning,
    StakeExtendedVerification,
    StakeExtendedSigning,
    PaymentVerification,
    PaymentSigning,
    PaymentExtendedVerification,
    PaymentExtendedSigning,
    DrepVerification,
    DrepSigning,
}

struct KindInfo {
    type_name: &'static str,
    description: &'static str,
    len: usize,
    hrp: &'static str,
    human: &'static str,
}

const fn info(
    type_name: &'static str,
    description: &'static str,
    len: usize,
    hrp: &'static str,
    human: &'static str,
) -> KindInfo {
    KindInfo {
        type_name,
        description,
        len,
        hrp,
        human,
    }
}

use KeyKind as K;

/// Every kind, in declaration order (the tests check that each is listed once).
const ALL: [KeyKind; 22] = [
    K::ColdVerification,
    K::ColdSigning,
    K::ColdExtendedVerification,
    K::ColdExtendedSigning,
    K::GenesisDelegateVerification,
    K::GenesisDelegateSigning,
    K::GenesisDelegateExtendedVerification,
    K::GenesisDelegateExtendedSigning,
    K::VrfVerification,
    K::VrfSigning,
    K::KesVerification,
    K::KesSigning,
    K::StakeVerification,
    K::StakeSigning,
    K::StakeExtendedVerification,
    K::StakeExtendedSigning,
    K::PaymentVerification,
    K::PaymentSigning,
    K::PaymentExtendedVerification,
    K::PaymentExtendedSigning,
    K::DrepVerification,
    K::DrepSigning,
];

impl KeyKind {
    /// Envelope type, default description, payload length, bech32 prefix and plain name.
    fn info(self) -> KindInfo {
        match self {
            K::ColdVerification => info(
                "StakePoolVerificationKey_ed25519",
                "Stake Pool Operator Verification Key",
                32,
                "pool_vk",
                "stake pool cold verification key",
            ),
            K::ColdSigning => info(
                "StakePoolSigningKey_ed25519",
                "Stake Pool Operator Signing Key",
                32,
                "pool_sk",
                "stake pool cold signing key",
            ),
            K::ColdExtendedVerification => info(
                "StakePoolExtendedVerificationKey_ed25519_bip32",
                "Stake Pool Operator Verification Key",
                64,
                "pool_xvk",
                "extended (BIP32) stake pool cold verification key",
            ),
            K::ColdExtendedSigning => info(
                "StakePoolExtendedSigningKey_ed25519_bip32",
                "Stake Pool Operator Signing Key",
                128,
                "pool_xsk",
                "extended (BIP32) stake pool cold signing key",
            ),
            K::GenesisDelegateVerification => info(
                "GenesisDelegateVerificationKey_ed25519",
                "Genesis delegate operator key",
                32,
                "genesis_delegate_vk",
                "genesis delegate verification key",
            ),
            K::GenesisDelegateSigning => info(
                "GenesisDelegateSigningKey_ed25519",
                "Genesis delegate operator key",
                32,
                "genesis_delegate_sk",
                "genesis delegate signing key",
            ),
            K::GenesisDelegateExtendedVerification => info(
                "GenesisDelegateExtendedVerificationKey_ed25519_bip32",
                "Genesis delegate operator key",
                64,
                "genesis_delegate_xvk",
                "extended genesis delegate verification key",
            ),
            K::GenesisDelegateExtendedSigning => info(
                "GenesisDelegateExtendedSigningKey_ed25519_bip32",
                "Genesis delegate operator key",
                128,
                "genesis_delegate_xsk",
                "extended genesis delegate signing key",
            ),
            K::VrfVerification => info(
                "VrfVerificationKey_PraosVRF",
                "VRF Verification Key",
                32,
                "vrf_vk",
                "VRF verification key",
            ),
            K::VrfSigning => info(
                "VrfSigningKey_PraosVRF",
                "VRF Signing Key",
                64,
                "vrf_sk",
                "VRF signing key",
            ),
            K::KesVerification => info(
                "KesVerificationKey_ed25519_kes_2^6",
                "KES Verification Key",
                32,
                "kes_vk",
                "KES verification key",
            ),
            K::KesSigning => info(
                "KesSigningKey_ed25519_kes_2^6",
                "KES Signing Key",
                sum6::SIGNING_KEY_LEN,
                "kes_sk",
                "KES signing key",
            ),
            K::StakeVerification => info(
                "StakeVerificationKeyShelley_ed25519",
                "Stake Verification Key",
                32,
                "stake_vk",
                "stake verification key",
            ),
            K::StakeSigning => info(
                "StakeSigningKeyShelley_ed25519",
                "Stake Signing Key",
                32,
                "stake_sk",
                "stake signing key",
            ),
            K::StakeExtendedVerification => info(
                "StakeExtendedVerificationKeyShelley_ed25519_bip32",
                "",
                64,
                "stake_xvk",
                "extended (BIP32) stake verification key",
            ),
            K::StakeExtendedSigning => info(
                "StakeExtendedSigningKeyShelley_ed25519_bip32",
                "",
                128,
                "stake_xsk",
                "extended (BIP32) stake signing key",
            ),
            K::PaymentVerification => info(
                "PaymentVerificationKeyShelley_ed25519",
                "Payment Verification Key",
                32,
                "addr_vk",
                "payment verification key",
            ),
            K::PaymentSigning => info(
                "PaymentSigningKeyShelley_ed25519",
                "Payment Signing Key",
                32,
                "addr_sk",
                "payment signing key",
            ),
            K::PaymentExtendedVerification => info(
                "PaymentExtendedVerificationKeyShelley_ed25519_bip32",
                "Payment Verification Key",
                64,
                "addr_xvk",
                "extended (BIP32) payment verification key",
            ),
            K::PaymentExtendedSigning => info(
                "PaymentExtendedSigningKeyShelley_ed25519_bip32",
                "Payment Signing Key",
                128,
                "addr_xsk",
                "extended (BIP32) payment signing key",
            ),
            K::DrepVerification => info(
                "DRepVerificationKey_ed25519",
                "Delegate Representative Verification Key",
                32,
                "drep_vk",
                "DRep verification key",
            ),
            K::DrepSigning => info(
                "DRepSigningKey_ed25519",
                "Delegate Representative Signing Key",
                32,
                "drep_sk",
                "DRep signing key",
            ),
        }
    }

    pub fn type_name(self) -> &'static str {
        self.info().type_name
    }

    pub fn description(self) -> &'static str {
        self.info().description
    }

    /// Payload length in bytes.
    pub fn payload_len(self) -> usize {
        self.info().len
    }

    pub fn bech32_hrp(self) -> &'static str {
        self.info().hrp
    }

    /// Plain-language name, e.g. "VRF verification key".
    pub fn human(self) -> &'static str {
        self.info().human
    }

    pub fn from_type_name(name: &str) -> Option<Self> {
        ALL.into_iter().find(|k| k.type_name() == name)
    }

    pub fn from_hrp(hrp: &str) -> Option<Self> {
        ALL.into_iter().find(|k| k.bech32_hrp() == hrp)
    }

    pub fn is_signing(self) -> bool {
        matches!(
            self,
            K::ColdSigning
                | K::ColdExtendedSigning
                | K::GenesisDelegateSigning
                | K::GenesisDelegateExtendedSigning
                | K::VrfSigning
                | K::KesSigning
                | K::StakeSigning
                | K::StakeExtendedSigning
                | K::PaymentSigning
                | K::PaymentExtendedSigning
                | K::DrepSigning
        )
    }

    pub fn is_extended(self) -> bool {
        matches!(self.payload_len(), 64 | 128) && !matches!(self, K::VrfSigning)
    }

    /// The verification-key kind that belongs to a signing-key kind (itself for a vkey).
    pub fn verification(self) -> Self {
        match self {
            K::ColdSigning => K::ColdVerification,
            K::ColdExtendedSigning => K::ColdExtendedVerification,
            K::GenesisDelegateSigning => K::GenesisDelegateVerification,
            K::GenesisDelegateExtendedSigning => K::GenesisDelegateExtendedVerification,
            K::VrfSigning => K::VrfVerification,
            K::KesSigning => K::KesVerification,
            K::StakeSigning => K::StakeVerification,
            K::StakeExtendedSigning => K::StakeExtendedVerification,
            K::PaymentSigning => K::PaymentVerification,
            K::PaymentExtendedSigning => K::PaymentExtendedVerification,
            K::DrepSigning => K::DrepVerification,
            other => other,
        }
    }

    /// Ed25519 keys (plain or BIP32) can sign certificates and transactions.
    pub fn is_ed25519(self) -> bool {
        !matches!(
            self,
            K::VrfVerification | K::VrfSigning | K::KesVerification | K::KesSigning
        )
    }
}

/// Groups of kinds that a command accepts for one argument.
pub mod accept {
    use super::KeyKind as K;

    pub const COLD_VERIFICATION: &[K] = &[K::ColdVerification, K::ColdExtendedVerification];
    /// `node issue-op-cert` and `node new-counter` also take genesis delegate keys.
    pub const OPCERT_COLD_VERIFICATION: &[K] = &[
        K::ColdVerification,
        K::ColdExtendedVerification,
        K::GenesisDelegateVerification,
        K::GenesisDelegateExtendedVerification,
    ];
    pub const OPCERT_COLD_SIGNING: &[K] = &[
        K::ColdSigning,
        K::ColdExtendedSigning,
        K::GenesisDelegateSigning,
        K::GenesisDelegateExtendedSigning,
    ];
    pub const VRF_VERIFICATION: &[K] = &[K::VrfVerification];
    pub const KES_VERIFICATION: &[K] = &[K::KesVerification];
    pub const KES_SIGNING: &[K] = &[K::KesSigning];
    pub const STAKE_VERIFICATION: &[K] = &[K::StakeVerification, K::StakeExtendedVerification];
    pub const DREP_VERIFICATION: &[K] = &[K::DrepVerification];
    /// Keys that can witness a transaction.
    pub const WITNESS_SIGNING: &[K] = &[
        K::PaymentSigning,
        K::PaymentExtendedSigning,
        K::StakeSigning,
        K::StakeExtendedSigning,
        K::ColdSigning,
        K::ColdExtendedSigning,
        K::GenesisDelegateSigning,
        K::GenesisDelegateExtendedSigning,
        K::DrepSigning,
    ];
}

/// Names the accepted kinds for an error message: "a stake pool cold verification key
/// (StakePoolVerificationKey_ed25519 or …)".
pub fn describe_accepted(kinds: &[KeyKind]) -> String {
    if kinds == accept::WITNESS_SIGNING {
        return "a signing key that can witness a transaction (payment, stake, stake pool cold, genesis delegate or DRep; plain or extended)".to_owned();
    }
    let first = kinds.first().map_or("a key", |k| k.human());
    let names: Vec<&str> = kinds.iter().map(|k| k.type_name()).collect();
    format!("a {first} ({})", names.join(" or "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_is_listed_once_in_declaration_order() {
        assert_eq!(ALL.len(), K::DrepSigning as usize + 1);
        for (i, kind) in ALL.into_iter().enumerate() {
            assert_eq!(kind as usize, i, "{}", kind.type_name());
        }
    }
}
