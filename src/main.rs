//! `pool-console`: with a command, the cardano-cli-compatible command line; without, the console.

use std::io::Write;
use std::process::ExitCode;

use pool_console::cli::{self, Streams};

fn main() -> ExitCode {
    let args: Vec<_> = std::env::args_os().collect();
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    let mut out = stdout.lock();
    let mut err = stderr.lock();
    let code = {
        let mut io = Streams {
            out: &mut out,
            err: &mut err,
        };
        cli::main_with(args, &mut io)
    };
    let _ = out.flush();
    match code {
        Some(c) => ExitCode::from(u8::try_from(c).unwrap_or(1)),
        None => {
            let _ = writeln!(
                err,
                "The graphical console is not built yet. Run `pool-console --help` for the commands."
            );
            ExitCode::from(2)
        }
    }
}
