//! `kes period` and `kes expiry`: the chain clock offline, from genesis numbers and wall time.

use serde_json::json;

use super::args::KesCommand;
use super::clock_args::{clock_at, local, print, window};
use super::{CliError, CliResult, Streams};
use crate::core::chain::clock::{self, KesState};
use crate::core::kes::opcert::OpCert;
use crate::core::message::quote;
use crate::platform::load;

pub fn run(cmd: KesCommand, io: &mut Streams<'_>) -> CliResult {
    match cmd {
        KesCommand::Check(a) => super::kes_status::check(a, io),
        KesCommand::Status(a) => super::kes_status::status(a, io),
        KesCommand::Period {
            clock: c,
            at,
            output_json,
        } => {
            let (clock, now) = clock_at(&c, at.as_deref())?;
            let p = clock.point_at(now)?;
            let text = if output_json {
                let v = json!({
                    "network": clock.name,
                    "time": clock::format_utc(now),
                    "slot": p.slot,
                    "epoch": p.epoch,
                    "kesPeriod": p.kes_period,
                    "slotsPerKesPeriod": clock.slots_per_kes_period,
                    "maxKesEvolutions": clock.max_kes_evolutions,
                });
                format!("{}\n", serde_json::to_string_pretty(&v)?)
            } else {
                format!(
                    "Network:     {}\nTime (UTC):  {}\nSlot:        {}\nEpoch:       {}\nKES period:  {}\n",
                    clock.name,
                    clock::format_utc(now),
                    p.slot,
                    p.epoch,
                    p.kes_period
                )
            };
            print(io, &text)
        }
        KesCommand::Expiry {
            op_cert_file,
            clock: c,
            at,
            output_json,
        } => {
            let (clock, now) = clock_at(&c, at.as_deref())?;
            let env = load::envelope(&op_cert_file).map_err(CliError::new)?;
            let cert = OpCert::from_envelope(&env).map_err(|e| CliError::file(&op_cert_file, e))?;
            let w = window(&clock, &op_cert_file, cert.kes_period, now).map_err(CliError::new)?;
            let status = match w.state {
                KesState::Valid => "valid",
                KesState::Expired => "expired",
                KesState::NotYetValid => "not yet valid",
            };
            let text = if output_json {
                let v = json!({
                    "network": clock.name,
                    "time": clock::format_utc(now),
                    "issueNumber": cert.issue_number,
                    "startKesPeriod": w.start_period,
                    "lastValidKesPeriod": w.last_period,
                    "currentKesPeriod": w.current_period,
                    "periodsLeft": w.periods_left,
                    "expirySlot": w.expiry_slot,
                    "expiresUtc": clock::format_utc(w.expiry_time),
                    "secondsRemaining": w.remaining_ms.div_euclid(1000),
                    "validNow": w.state == KesState::Valid,
                    "status": status,
                });
                format!("{}\n", serde_json::to_string_pretty(&v)?)
            } else {
                format!(
                    "Operational certificate: {} (issue number {})\n\
                     Start KES period:    {}\n\
                     Last valid period:   {}\n\
                     Current KES period:  {}\n\
                     Periods left:        {} ({})\n\
                     Expires (UTC):       {}\n\
                     Expires (local):     {}\n\
                     Time remaining:      {}\n\
                     Status:              {status}\n",
                    quote::escape_path(&op_cert_file.display().to_string()),
                    cert.issue_number,
                    w.start_period,
                    w.last_period,
                    w.current_period,
                    w.periods_left,
                    crate::core::kes::watch::PERIODS_LEFT_MEANING,
                    clock::format_utc(w.expiry_time),
                    local(w.expiry_time),
                    if w.remaining_ms > 0 {
                        clock::format_duration(w.remaining_ms)
                    } else {
                        "none (expired)".to_owned()
                    },
                )
            };
            print(io, &text)
        }
    }
}
