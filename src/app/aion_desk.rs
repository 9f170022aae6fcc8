//! What the Aion Unity tabs hold between frames: the key import box, the metadata form, the
//! registry action being built and its signed transaction, the lockout and self-bond inputs.
//! Nothing here is persisted; the pasted key is wiped when replaced or dropped.

use zeroize::Zeroizing;

use super::aion_core::keys::Role;
use super::aion_core::lockout::LockoutAction;

/// The nine Pool Registry calls an operator makes (AION.md §3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RegistryAction {
    #[default]
    RegisterPool,
    UpdateMetadata,
    RequestCommissionChange,
    FinalizeCommissionChange,
    SetSigningAddress,
    Delegate,
    Undelegate,
    FinalizeUndelegate,
    WithdrawRewards,
}

impl RegistryAction {
    pub const ALL: [Self; 9] = [
        Self::RegisterPool,
        Self::UpdateMetadata,
        Self::RequestCommissionChange,
        Self::FinalizeCommissionChange,
        Self::SetSigningAddress,
        Self::Delegate,
        Self::Undelegate,
        Self::FinalizeUndelegate,
        Self::WithdrawRewards,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::RegisterPool => "Register the pool",
            Self::UpdateMetadata => "Update the metadata",
            Self::RequestCommissionChange => "Request a commission change",
            Self::FinalizeCommissionChange => "Finalize a commission change",
            Self::SetSigningAddress => "Set the signing address",
            Self::Delegate => "Delegate (self-bond)",
            Self::Undelegate => "Undelegate",
            Self::FinalizeUndelegate => "Finalize an undelegation",
            Self::WithdrawRewards => "Withdraw rewards",
        }
    }

    /// The `pool-console aion call-data` sub-command.
    pub fn command(self) -> &'static str {
        match self {
            Self::RegisterPool => "register-pool",
            Self::UpdateMetadata => "update-metadata",
            Self::RequestCommissionChange => "request-commission-change",
            Self::FinalizeCommissionChange => "finalize-commission-change",
            Self::SetSigningAddress => "set-signing-address",
            Self::Delegate => "delegate",
            Self::Undelegate => "undelegate",
            Self::FinalizeUndelegate => "finalize-undelegate",
            Self::WithdrawRewards => "withdraw-rewards",
        }
    }

    /// Calls that carry AION with them: registering needs the 1 000 AION self-bond.
    pub fn default_value(self) -> &'static str {
        match self {
            Self::RegisterPool => "1000",
            _ => "0",
        }
    }
}

/// The metadata builder's fields as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MetadataForm {
    pub name: String,
    pub description: String,
    pub url: String,
    /// Comma-separated, as typed.
    pub tags: String,
    /// The chosen logo's PNG bytes (shown as a preview, put in the JSON as base64).
    pub logo_png: Option<Vec<u8>>,
    pub logo_error: Option<String>,
}

/// A registry action's arguments as typed (each action uses some of them).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActionForm {
    pub signing_address: String,
    pub commission: String,
    pub metadata_url: String,
    pub metadata_hash: String,
    pub request_id: String,
    pub pool: String,
    pub amount: String,
    pub fee: String,
    pub nonce: String,
    pub timestamp_us: String,
    pub value: String,
    pub energy_limit: String,
    pub energy_price: String,
}

/// A transaction signed on this machine, as shown and saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedView {
    pub raw_hex: String,
    pub hash_hex: String,
    pub json_rpc: String,
    pub action: RegistryAction,
    /// What was signed: once the form says otherwise, this signature is not shown or saved.
    pub tx: super::aion_core::transaction::UnsignedTx,
}

pub struct AionDesk {
    /// A pasted private key (hex): wiped when dropped, never shown in a message.
    pub import_hex: Zeroizing<String>,
    pub import_role: Role,
    pub metadata: MetadataForm,
    pub action: RegistryAction,
    pub form: ActionForm,
    pub signed: Option<SignedView>,
    pub lockout: LockoutAction,
    pub since_block: String,
    pub current_block: String,
    pub self_bond_aion: String,
    pub total_aion: String,
}

impl Default for AionDesk {
    fn default() -> Self {
        Self {
            import_hex: Zeroizing::new(String::new()),
            import_role: Role::Management,
            metadata: MetadataForm::default(),
            action: RegistryAction::default(),
            form: ActionForm {
                value: RegistryAction::RegisterPool.default_value().to_owned(),
                ..ActionForm::default()
            },
            signed: None,
            lockout: LockoutAction::Commission,
            since_block: String::new(),
            current_block: String::new(),
            self_bond_aion: String::new(),
            total_aion: String::new(),
        }
    }
}
