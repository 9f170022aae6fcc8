//! `review` and `plan`: what owners look at together before anyone signs.

use super::args::{PlanCommand, ReviewArgs};
use super::{CliError, CliResult, Streams};
use crate::core::certificate::amount::format_ada;
use crate::core::keys::address::{Credential, RewardAccount};
use crate::core::message::quote;
use crate::core::review::plan;
use crate::core::review::signoff;
use crate::core::review::Review;
use crate::ops;
use crate::platform::files::OutputKind;
use crate::platform::load;

fn owner_key(args: &ReviewArgs) -> Result<Option<[u8; 28]>, CliError> {
    if let Some(path) = &args.owner_stake_verification_key_file {
        let vk = load::public_stake_key(path).map_err(CliError::new)?;
        return Ok(Some(vk.key_hash()));
    }
    let Some(text) = &args.owner_stake_address else {
        return Ok(None);
    };
    // A secret pasted here by mistake is not repeated (see core::message::quote).
    let shown = quote::bare_from(text, quote::SECRET_CONTEXT);
    let acct = RewardAccount::from_bech32(text.trim())
        .map_err(|e| CliError::new(format!("--owner-stake-address {shown} {e}")))?;
    match acct.credential {
        Credential::Key(h) => Ok(Some(h)),
        Credential::Script(_) => Err(CliError::new(format!(
            "--owner-stake-address {shown} is a script address; pool owners are stake keys"
        ))),
    }
}

fn write(io: &mut Streams<'_>, text: &str) -> CliResult {
    io.out
        .write_all(text.as_bytes())
        .map_err(|e| CliError::new(e.to_string()))
}

pub fn run(args: &ReviewArgs, io: &mut Streams<'_>) -> CliResult {
    let (params, cbor) = load::registration(&args.cert_file).map_err(CliError::new)?;
    let previous = args
        .previous_cert_file
        .as_deref()
        .map(load::registration)
        .transpose()
        .map_err(CliError::new)?;
    if let Some((prev, _)) = &previous {
        if prev.operator != params.operator {
            return Err(CliError::new(format!(
                "{}: is the registration of another pool ({}), not of {}: compare registrations of the same pool",
                quote::escape_path(
                    &args
                        .previous_cert_file
                        .as_deref()
                        .unwrap_or(&args.cert_file)
                        .display()
                        .to_string()
                ),
                crate::core::keys::address::pool_bech32(&prev.operator),
                crate::core::keys::address::pool_bech32(&params.operator)
            )));
        }
    }
    let plan = args
        .plan_file
        .as_deref()
        .map(load::plan)
        .transpose()
        .map_err(CliError::new)?;
    let owner = owner_key(args)?;
    let review = Review::new(
        &cbor,
        &params,
        previous.as_ref().map(|p| &p.0),
        plan.as_ref(),
        owner.as_ref(),
    );
    if args.output_json {
        let text = serde_json::to_string_pretty(&review.to_json())?;
        write(io, &format!("{}\n", quote::escape_json_for_terminal(&text)))?;
    } else {
        write(io, &review.to_text())?;
    }
    let not_owner = owner.is_some_and(|k| !params.owners.contains(&k));
    match (not_owner, review.plan_mismatches.is_empty()) {
        (true, _) => Err(CliError::new(
            "the stake key given is not an owner of this pool",
        )),
        (false, false) => Err(CliError::new(
            "the certificate is not the one the plan builds (see the differences above)",
        )),
        (false, true) => {
            // Only a review that passed is worth signing off: nothing is written otherwise.
            if let Some(path) = &args.out_sign_off_sheet {
                let title = crate::core::keys::address::pool_bech32(&params.operator);
                let html = signoff::html(&review, &title, "Prepared with pool-console review");
                let done = ops::outputs::write(path, html.as_bytes(), OutputKind::SignOffSheet)?;
                super::output::notes(&done, io)?;
            }
            Ok(())
        }
    }
}

pub fn plan(cmd: PlanCommand, io: &mut Streams<'_>) -> CliResult {
    match cmd {
        PlanCommand::Certificate {
            plan_file,
            out_file,
        } => {
            let plan = load::plan(&plan_file).map_err(CliError::new)?;
            let env = plan.certificate().to_envelope(plan::ERA);
            let done =
                ops::outputs::write(&out_file, env.render().expose(), OutputKind::Certificate)?;
            super::output::notes(&done, io)
        }
        PlanCommand::Check { plan_file } => {
            let plan = load::plan(&plan_file).map_err(CliError::new)?;
            let cbor = plan.certificate_cbor();
            let review = Review::new(&cbor, &plan.params, None, Some(&plan), None);
            write(io, &review.to_text())?;
            write(
                io,
                &format!(
                    "\nOwners plan {} of the {} pledge.\n",
                    format_ada(plan.planned_pledge()),
                    format_ada(plan.params.pledge)
                ),
            )
        }
    }
}
