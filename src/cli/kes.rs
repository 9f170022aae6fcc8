//! `kes period` and `kes expiry`: the chain clock offline, from genesis numbers and wall time.

use chrono::{DateTime, Local, Utc};
use serde_json::json;
use std::path::Path;
use std::time::Duration;

use super::args::{ClockArg, KesCommand};
use super::{CliError, CliResult, Streams};
use crate::core::clock::{self, ChainClock, ClockError, KesState, KesWindow};
use crate::core::genesis;
use crate::core::opcert::OpCert;
use crate::core::quote;
use crate::platform::{load, read};

/// The clock named by `--mainnet`, `--testnet-magic` or the genesis files.
pub fn chain_clock(arg: &ClockArg) -> Result<ChainClock, CliError> {
    chain_clock_within(arg, read::PIPE_WAIT)
}

/// The same, waiting at most `wait` on a genesis file that is a pipe.
pub(super) fn chain_clock_within(arg: &ClockArg, wait: Duration) -> Result<ChainClock, CliError> {
    if arg.mainnet {
        return Ok(ChainClock::mainnet());
    }
    if let Some(magic) = arg.testnet_magic {
        return match magic {
            1 => Ok(ChainClock::preprod()),
            2 => Ok(ChainClock::preview()),
            764_824_073 => Ok(ChainClock::mainnet()),
            other => Err(CliError::new(format!(
                "--testnet-magic {other} is not a public network this tool knows (1 preprod, 2 preview): give --shelley-genesis-file and --byron-genesis-file instead"
            ))),
        };
    }
    match (&arg.shelley_genesis_file, &arg.byron_genesis_file) {
        (Some(s), Some(b)) => {
            let shelley = read::read_input_within(s, read::GENESIS, wait)?;
            let byron = read::read_input_within(b, read::GENESIS, wait)?;
            genesis::clock_from_genesis(
                shelley.expose(),
                byron.expose(),
                arg.shelley_transition_epoch,
            )
            .map_err(|e| {
                let shown = |p: &Path| quote::escape_path(&p.display().to_string());
                CliError::new(format!("{} / {}: {e}", shown(s), shown(b)))
            })
        }
        _ => Err(CliError::new(
            "give --mainnet, --testnet-magic N, or both genesis files",
        )),
    }
}

/// An opcert's window now; a start period too far ahead to count is said about the file.
pub(super) fn window(
    clock: &ChainClock,
    path: &Path,
    start_period: u64,
    now: DateTime<Utc>,
) -> Result<KesWindow, String> {
    clock.kes_window(start_period, now).map_err(|e| match e {
        ClockError::OutOfRange => format!(
            "{}: starts at KES period {start_period}, too far in the future to count in slots; is it the right opcert?",
            quote::escape_path(&path.display().to_string())
        ),
        other => other.to_string(),
    })
}

pub(super) fn time_arg(at: Option<&str>) -> Result<DateTime<Utc>, CliError> {
    match at {
        Some(t) => clock::parse_time(t).map_err(|e| CliError::new(format!("--at: {e}"))),
        None => Ok(Utc::now()),
    }
}

pub(super) fn local(t: DateTime<Utc>) -> String {
    t.with_timezone(&Local)
        .format("%Y-%m-%d %H:%M:%S %:z")
        .to_string()
}

pub(super) fn print(io: &mut Streams<'_>, text: &str) -> CliResult {
    io.out
        .write_all(text.as_bytes())
        .map_err(|e| CliError::new(format!("cannot write to standard output: {e}")))
}

pub fn run(cmd: KesCommand, io: &mut Streams<'_>) -> CliResult {
    match cmd {
        KesCommand::Check(a) => super::kes_status::check(a, io),
        KesCommand::Status(a) => super::kes_status::status(a, io),
        KesCommand::Period {
            clock: c,
            at,
            output_json,
        } => {
            let clock = chain_clock(&c)?;
            let now = time_arg(at.as_deref())?;
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
            let clock = chain_clock(&c)?;
            let now = time_arg(at.as_deref())?;
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
                     Periods left:        {}\n\
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
