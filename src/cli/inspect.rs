//! `inspect FILE…`: the core's plain-language description of each file.

use super::args::InspectArgs;
use super::{CliError, CliResult, Streams};
use crate::core::address::Network;
use crate::core::describe;
use crate::platform::files;

pub fn run(args: &InspectArgs, io: &mut Streams<'_>) -> CliResult {
    let network = args
        .testnet_magic
        .map_or(Network::Mainnet, |magic| Network::Testnet { magic });
    let mut failures = Vec::new();
    let mut json = Vec::new();
    for (i, path) in args.files.iter().enumerate() {
        let described = files::read(path)
            .map_err(|e| e.to_string())
            .and_then(|bytes| {
                describe::describe(bytes.expose(), network)
                    .map_err(|e| format!("{}: {e}", path.display()))
            });
        match described {
            Ok(d) if args.output_json => {
                let mut v = d.to_json();
                v["file"] = serde_json::Value::String(path.display().to_string());
                json.push(v);
            }
            Ok(d) => {
                let sep = if i > 0 { "\n" } else { "" };
                write!(io.out, "{sep}{}: {}", path.display(), d.to_text())
                    .map_err(|e| CliError::new(e.to_string()))?;
            }
            Err(e) => failures.push(e),
        }
    }
    if args.output_json {
        writeln!(io.out, "{}", serde_json::to_string_pretty(&json)?)
            .map_err(|e| CliError::new(e.to_string()))?;
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(CliError::new(failures.join("\n")))
    }
}
