//! Which actions a stake pool may vote on. A pool's vote on any other is refused by the ledger
//! (`DisallowedVoters`), so the console does not offer it.

use super::ActionKind;

/// The protocol parameters in the ledger's security group: a change touching any of them needs
/// the pools' votes too. From cardano-ledger `eras/conway/impl/src/Cardano/Ledger/Conway/
/// PParams.hs`, the `ConwayPParams` fields declared `'PPGroups _ 'SecurityGroup`
/// (cppTxFeePerByte, cppTxFeeFixed, cppMaxBBSize, cppMaxTxSize, cppMaxBHSize,
/// cppCoinsPerUTxOByte, cppMaxBlockExUnits, cppMaxValSize, cppGovActionDeposit,
/// cppMinFeeRefScriptCostPerByte), by their JSON names; older names that some tools print are
/// accepted too.
pub const SECURITY_GROUP: [&str; 10] = [
    "maxBlockBodySize",
    "maxTxSize",
    "maxBlockHeaderSize",
    "maxValueSize",
    "maxBlockExecutionUnits",
    "txFeePerByte",
    "txFeeFixed",
    "utxoCostPerByte",
    "govActionDeposit",
    "minFeeRefScriptCostPerByte",
];

const OLDER_NAMES: [&str; 5] = [
    "minFeeA",
    "minFeeB",
    "coinsPerUTxOByte",
    "maxBlockExUnits",
    "maxBlockSize",
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PoolMayVote {
    Yes,
    No { reason: String },
}

impl PoolMayVote {
    pub fn allowed(&self) -> bool {
        matches!(self, Self::Yes)
    }
}

pub fn in_security_group(parameter: &str) -> bool {
    SECURITY_GROUP.contains(&parameter) || OLDER_NAMES.contains(&parameter)
}

/// Whether a pool may vote on an action of `kind` that changes `parameters`.
pub fn pool_may_vote(kind: ActionKind, parameters: &[String]) -> PoolMayVote {
    use ActionKind as K;
    let no = |reason: &str| PoolMayVote::No {
        reason: reason.to_owned(),
    };
    match kind {
        K::NoConfidence | K::UpdateCommittee | K::HardForkInitiation | K::InfoAction => {
            PoolMayVote::Yes
        }
        K::ParameterChange if parameters.iter().any(|p| in_security_group(p)) => PoolMayVote::Yes,
        // The ledger refuses an empty update, so none read means the JSON was not understood.
        K::ParameterChange if parameters.is_empty() => no(
            "this console could not read which parameters it changes, so it cannot tell whether pools vote: check the action on an explorer (pools vote only on the security group)",
        ),
        K::ParameterChange => no(
            "it changes no parameter of the security group: only DReps and the committee vote on it",
        ),
        K::TreasuryWithdrawals => {
            no("only DReps and the committee vote on treasury withdrawals")
        }
        K::NewConstitution => no("only DReps and the committee vote on a new constitution"),
    }
}
