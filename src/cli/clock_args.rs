//! What the `kes` commands share: the chain clock their flags name, the instant `--at` names,
//! an opcert's window, local time, printing.

use chrono::{DateTime, Local, Utc};
use std::path::Path;
use std::time::Duration;

use super::args::ClockArg;
use super::{CliError, CliResult, Streams};
use crate::core::chain::clock::{self, ChainClock, ClockError, KesWindow};
use crate::core::chain::genesis;
use crate::core::message::quote;
use crate::platform::read;

/// The clock named by `--mainnet`, `--testnet-magic` or the genesis files.
pub fn chain_clock(arg: &ClockArg) -> Result<ChainClock, CliError> {
    chain_clock_within(arg, read::PIPE_WAIT)
}

/// The same, waiting at most `wait` on a genesis file that is a pipe.
pub fn chain_clock_within(arg: &ClockArg, wait: Duration) -> Result<ChainClock, CliError> {
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
pub fn window(
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

/// The chain clock and the moment asked about (`--at`, or now).
pub fn clock_at(arg: &ClockArg, at: Option<&str>) -> Result<(ChainClock, DateTime<Utc>), CliError> {
    Ok((chain_clock(arg)?, time_arg(at)?))
}

pub fn time_arg(at: Option<&str>) -> Result<DateTime<Utc>, CliError> {
    match at {
        Some(t) => clock::parse_time(t).map_err(|e| CliError::new(format!("--at: {e}"))),
        None => Ok(Utc::now()),
    }
}

pub fn local(t: DateTime<Utc>) -> String {
    t.with_timezone(&Local)
        .format("%Y-%m-%d %H:%M:%S %:z")
        .to_string()
}

pub fn print(io: &mut Streams<'_>, text: &str) -> CliResult {
    io.out
        .write_all(text.as_bytes())
        .map_err(|e| CliError::new(format!("cannot write to standard output: {e}")))
}
