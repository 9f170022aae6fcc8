//! `inspect FILE…`: the core's plain-language description of each file.

use super::args::InspectArgs;
use super::{CliError, CliResult, Streams};
use crate::core::describe;
use crate::core::keys::address::Network;
use crate::core::message::quote;
use crate::platform::read;

/// A file name as typed, safe to print (JSON output keeps it as it is).
fn shown(path: &std::path::Path) -> String {
    quote::escape_path(&path.display().to_string())
}

pub fn run(args: &InspectArgs, io: &mut Streams<'_>) -> CliResult {
    let network = args
        .testnet_magic
        .map_or(Network::Mainnet, |magic| Network::Testnet { magic });
    let mut failures = Vec::new();
    let mut json = Vec::new();
    for (i, path) in args.files.iter().enumerate() {
        let described = read::read_input(path, read::POOL_FILE)
            .map_err(|e| e.to_string())
            .and_then(|bytes| {
                describe::describe(bytes.expose(), network)
                    .map_err(|e| format!("{}: {e}", shown(path)))
            });
        match described {
            Ok(d) if args.output_json => {
                let mut v = d.to_json();
                v["file"] = serde_json::Value::String(path.display().to_string());
                json.push(v);
            }
            Ok(d) => {
                let sep = if i > 0 { "\n" } else { "" };
                // to_text escapes what came from the file; the name is escaped here.
                write!(io.out, "{sep}{}: {}", shown(path), d.to_text())
                    .map_err(|e| CliError::new(e.to_string()))?;
            }
            Err(e) => failures.push(e),
        }
    }
    if args.output_json {
        let text = serde_json::to_string_pretty(&json)?;
        writeln!(io.out, "{}", quote::escape_json_for_terminal(&text))
            .map_err(|e| CliError::new(e.to_string()))?;
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(CliError::new(failures.join("\n")))
    }
}
