//! `governance vote create|view` and `hash anchor-data`: votes byte-identical to cardano-cli's,
//! made offline (anchor documents are checked against a local copy, never downloaded).

use std::path::Path;

use super::args::{
    AnchorDataArgs, DrepArg, GovernanceCommand, HashCommand, PoolTargetArg, VoteCommand,
    VoteCreateArgs, VoteViewArgs,
};
use super::{inputs, output, CliError, CliResult, Streams};
use crate::core::encoding::envelope::TextEnvelope;
use crate::core::governance::{
    self, view, Anchor, GovActionId, Vote, Voter, VotingProcedure, VotingProcedures,
};
use crate::core::message::quote;
use crate::platform::files::OutputKind;
use crate::platform::{load, read};

/// What `--check-anchor-data-hash` and `--url` get: we never go online.
const OFFLINE: &str = "needs to download the anchor document, and pool-console works offline: download it on the online machine, bring it over, and give it with";

pub fn run(cmd: GovernanceCommand, io: &mut Streams<'_>) -> CliResult {
    match cmd {
        GovernanceCommand::Vote(VoteCommand::Create(a)) => create(&a, io),
        GovernanceCommand::Vote(VoteCommand::View(a)) => view_vote(&a, io),
    }
}

pub fn run_hash(cmd: HashCommand, io: &mut Streams<'_>) -> CliResult {
    match cmd {
        HashCommand::AnchorData(a) => anchor_data(&a, io),
    }
}

fn create(a: &VoteCreateArgs, io: &mut Streams<'_>) -> CliResult {
    if a.check_anchor_data_hash {
        return Err(CliError::new(format!(
            "--check-anchor-data-hash {OFFLINE} --anchor-data-file FILE instead"
        )));
    }
    let vote = match (a.yes, a.no) {
        (true, _) => Vote::Yes,
        (_, true) => Vote::No,
        _ => Vote::Abstain,
    };
    let action = action(a)?;
    let anchor = anchor(a)?;
    let voter = voter(a)?;
    let votes = VotingProcedures::single(voter, action, VotingProcedure { vote, anchor });
    let env = votes.to_envelope();
    let done = crate::ops::outputs::write(&a.out_file, env.render().expose(), OutputKind::Vote)?;
    output::notes(&done, io)
}

fn action(a: &VoteCreateArgs) -> Result<GovActionId, CliError> {
    let id = match (&a.governance_action_id, &a.governance_action_tx_id) {
        (Some(id), _) => GovActionId::from_bech32(id),
        (None, Some(tx)) => {
            GovActionId::from_parts(tx, a.governance_action_index.as_deref().unwrap_or_default())
        }
        (None, None) => {
            return Err(CliError::new(
                "a governance action is required: --governance-action-tx-id and --governance-action-index, or --governance-action-id",
            ))
        }
    };
    id.map_err(|e| match e {
        governance::GovernanceError::IndexTooLarge { .. } => {
            CliError::new(format!("--governance-action-index: {e}"))
        }
        e => CliError::new(e.to_string()),
    })
}

fn anchor(a: &VoteCreateArgs) -> Result<Option<Anchor>, CliError> {
    let (Some(url), Some(hash)) = (&a.anchor_url, &a.anchor_data_hash) else {
        return Ok(None);
    };
    let expected = governance::parse_hash32(hash, "--anchor-data-hash").map_err(CliError::new)?;
    let anchor =
        Anchor::new(url, expected).map_err(|e| CliError::new(format!("--anchor-url: {e}")))?;
    if let Some(path) = &a.anchor_data_file {
        let bytes = load::capped(path, read::ANCHOR_DATA).map_err(CliError::new)?;
        check_hash(&expected, &governance::anchor_data_hash(bytes.expose()))?;
    }
    Ok(Some(anchor))
}

/// cardano-cli's mismatch message, word for word.
fn check_hash(expected: &[u8; 32], actual: &[u8; 32]) -> CliResult {
    if expected == actual {
        return Ok(());
    }
    Err(CliError::new(format!(
        "Hashes do not match!\nExpected: \"{}\"\n  Actual: \"{}\"",
        hex::encode(expected),
        hex::encode(actual)
    )))
}

fn hash28(flag: &str, text: &str) -> Result<[u8; 28], CliError> {
    let t = text.trim();
    hex::decode(t)
        .ok()
        .and_then(|b| <[u8; 28]>::try_from(b.as_slice()).ok())
        .ok_or_else(|| {
            CliError::new(format!(
                "--{flag} {} is not a 28-byte hash (56 hex characters)",
                quote::quote_in_secret_context(t)
            ))
        })
}

fn voter(a: &VoteCreateArgs) -> Result<Voter, CliError> {
    let pool = PoolTargetArg {
        stake_pool_verification_key: a.stake_pool_verification_key.clone(),
        stake_pool_verification_extended_key: a.stake_pool_verification_extended_key.clone(),
        cold_verification_key_file: a.cold_verification_key_file.clone(),
        stake_pool_id: a.stake_pool_id.clone(),
    };
    if pool.stake_pool_verification_key.is_some()
        || pool.stake_pool_verification_extended_key.is_some()
        || pool.cold_verification_key_file.is_some()
        || pool.stake_pool_id.is_some()
    {
        return Ok(Voter::StakePool(inputs::pool_target(&pool)?));
    }
    if a.drep_verification_key.is_some()
        || a.drep_verification_key_file.is_some()
        || a.drep_key_hash.is_some()
    {
        let drep = inputs::drep(&DrepArg {
            drep_verification_key: a.drep_verification_key.clone(),
            drep_verification_key_file: a.drep_verification_key_file.clone(),
            drep_key_hash: a.drep_key_hash.clone(),
            always_abstain: false,
            always_no_confidence: false,
        })?;
        return match drep {
            crate::core::certificate::Drep::Key(h) => Ok(Voter::DrepKey(h)),
            _ => Err(CliError::new("a DRep key is required")),
        };
    }
    if let Some(h) = &a.drep_script_hash {
        return Ok(Voter::DrepScript(hash28("drep-script-hash", h)?));
    }
    if let Some(h) = &a.cc_hot_script_hash {
        return Ok(Voter::CommitteeScript(hash28("cc-hot-script-hash", h)?));
    }
    if let Some(h) = &a.cc_hot_key_hash {
        return Ok(Voter::CommitteeKey(hash28("cc-hot-key-hash", h)?));
    }
    if let Some(path) = &a.cc_hot_verification_key_file {
        let env = load::envelope(path).map_err(CliError::new)?;
        return committee_key(&env).map_err(|e| CliError::file(path, e));
    }
    if let Some(text) = &a.cc_hot_verification_key {
        let t = text.trim();
        let key = hex::decode(t)
            .ok()
            .filter(|k| k.len() == 32)
            .ok_or_else(|| {
                CliError::new(format!(
                    "--cc-hot-verification-key {} is not a 32-byte key (64 hex characters)",
                    quote::quote_in_secret_context(t)
                ))
            })?;
        return Ok(Voter::CommitteeKey(
            crate::core::encoding::hash::blake2b_224(&key),
        ));
    }
    Err(CliError::new("a voter is required"))
}

fn committee_key(env: &TextEnvelope) -> Result<Voter, governance::GovernanceError> {
    governance::committee_hot_key_hash(env).map(Voter::CommitteeKey)
}

fn view_vote(a: &VoteViewArgs, io: &mut Streams<'_>) -> CliResult {
    let env = load::envelope(&a.vote_file).map_err(CliError::new)?;
    let votes =
        VotingProcedures::from_envelope(&env).map_err(|e| CliError::file(&a.vote_file, e))?;
    let text = if a.output_yaml {
        view::view_yaml(&votes)
    } else {
        view::view_json(&votes)
    };
    output::output_to(
        &text,
        a.out_file.as_deref(),
        OutputKind::VoteView,
        false,
        io,
    )
}

fn anchor_data(a: &AnchorDataArgs, io: &mut Streams<'_>) -> CliResult {
    if a.url.is_some() {
        return Err(CliError::new(format!(
            "--url {OFFLINE} --file-binary FILE instead"
        )));
    }
    let hash = match (&a.text, a.file_binary.as_deref().or(a.file_text.as_deref())) {
        (Some(t), _) => governance::anchor_data_hash(t.as_bytes()),
        (None, Some(path)) => file_hash(path)?,
        (None, None) => return Err(CliError::new("something to hash is required")),
    };
    if let Some(expected) = &a.expected_hash {
        let expected =
            governance::parse_hash32(expected, "--expected-hash").map_err(CliError::new)?;
        check_hash(&expected, &hash)?;
        return writeln!(io.out, "Hashes match!")
            .map_err(|e| CliError::new(format!("cannot write to standard output: {e}")));
    }
    output::output_to(
        &hex::encode(hash),
        a.out_file.as_deref(),
        OutputKind::TextValue,
        false,
        io,
    )
}

fn file_hash(path: &Path) -> Result<[u8; 32], CliError> {
    let bytes = load::capped(path, read::ANCHOR_DATA).map_err(CliError::new)?;
    Ok(governance::anchor_data_hash(bytes.expose()))
}
