//! The command line: cardano-cli's commands and flags on the certificate core.

mod aion;
mod aion_tx;
pub mod args;
mod clock_args;
mod governance;
mod inputs;
mod inspect;
mod kes;
mod kes_status;
mod key;
mod key_encrypt;
mod node;
mod open;
mod output;
mod passphrase;
mod pool_status;
mod review;
mod stake_address;
mod stake_pool;
mod text_view;
mod transaction;

use std::ffi::OsString;
use std::fmt;
use std::io::Write;

use clap::{CommandFactory, FromArgMatches};

use crate::core::certificate::Era;
use args::{Cli, Command};

/// A failed command: the message (naming the file and what is wrong) and the exit code.
#[derive(Debug)]
pub struct CliError {
    pub message: String,
    pub code: i32,
}

impl CliError {
    pub fn new(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            code: 1,
        }
    }

    /// An error about one file: "FILE: what is wrong" (the name escaped, as typed).
    pub fn file(path: &std::path::Path, what: impl fmt::Display) -> Self {
        Self::new(format!(
            "{}: {what}",
            crate::core::message::quote::escape_path(&path.display().to_string())
        ))
    }
}

impl<E: std::error::Error> From<E> for CliError {
    fn from(e: E) -> Self {
        Self::new(e.to_string())
    }
}

pub type CliResult = Result<(), CliError>;

/// Where a command writes its text output.
pub struct Streams<'a> {
    pub out: &'a mut dyn Write,
    pub err: &'a mut dyn Write,
}

/// What the binary should do after parsing.
pub enum Parsed {
    /// No command (or `open DIR`): open the console, on that pool folder if given.
    Console(Option<std::path::PathBuf>),
    /// `open DIR`: the console on that pool folder, created first with `--create`.
    Open {
        folder: std::path::PathBuf,
        create: bool,
    },
    /// Run this command with this era.
    Run(Box<Command>, Era, Box<clap::ArgMatches>),
}

/// Splits an optional leading era word off the arguments (`conway`, `latest`, `babbage`).
fn take_era(mut args: Vec<OsString>) -> (Vec<OsString>, Era) {
    let era = match args.get(1).and_then(|a| a.to_str()) {
        Some("conway" | "latest") => Some(Era::Conway),
        Some("babbage") => Some(Era::PreConway),
        _ => None,
    };
    match era {
        Some(e) => {
            args.remove(1);
            (args, e)
        }
        None => (args, Era::Conway),
    }
}

/// Parses arguments (including the program name). Help and version requests come back as
/// `Err` with exit code 0 and the text to print.
pub fn parse(args: Vec<OsString>) -> Result<Parsed, CliError> {
    let (args, era) = take_era(args);
    let matches = Cli::command()
        .try_get_matches_from(args)
        .map_err(clap_error)?;
    let cli = Cli::from_arg_matches(&matches).map_err(clap_error)?;
    match cli.command {
        None => Ok(Parsed::Console(None)),
        Some(Command::Open { folder, create }) => Ok(Parsed::Open { folder, create }),
        Some(cmd) => Ok(Parsed::Run(Box::new(cmd), era, Box::new(matches))),
    }
}

fn clap_error(e: clap::Error) -> CliError {
    use clap::error::ErrorKind;
    let code = match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => 0,
        _ => 1,
    };
    CliError {
        message: e.render().to_string().trim_end().to_owned(),
        code,
    }
}

/// Runs a parsed command.
pub fn run(cmd: Command, era: Era, matches: &clap::ArgMatches, io: &mut Streams<'_>) -> CliResult {
    match cmd {
        Command::Node(c) => node::run(c, io),
        Command::StakePool(c) => stake_pool::run(c, era, matches, io),
        Command::StakeAddress(c) => stake_address::run(c, era, io),
        Command::Key(c) => key::run(c, io),
        Command::TextView(c) => text_view::run(c, io),
        Command::Transaction(c) => transaction::run(c, io),
        Command::Governance(c) => governance::run(c, io),
        Command::Hash(c) => governance::run_hash(c, io),
        Command::Kes(c) => kes::run(c, io),
        Command::Inspect(a) => inspect::run(&a, io),
        Command::Review(a) => review::run(&a, io),
        Command::Plan(c) => review::plan(c, io),
        Command::Status(a) => pool_status::run(&a, io),
        Command::Aion(c) => aion::run(c, io),
        Command::Open { .. } => Ok(()),
    }
}

/// The subcommand words of a parsed command line, e.g. `stake-pool metadata-hash`.
fn command_path(matches: &clap::ArgMatches) -> String {
    let mut words = Vec::new();
    let mut m = matches;
    while let Some((name, sub)) = m.subcommand() {
        words.push(name.to_owned());
        m = sub;
    }
    words.join(" ")
}

/// What the binary does next.
#[derive(Debug, PartialEq, Eq)]
pub enum Exit {
    /// A command ran: exit with this code.
    Code(i32),
    /// Open the console, on this pool folder if given.
    Console(Option<std::path::PathBuf>),
}

/// Standard output that remembers its first failure, so a full disk or a closed pipe (EPIPE:
/// Rust ignores SIGPIPE) is an error even when a command did not look at the result.
struct Watched<'a> {
    inner: &'a mut dyn Write,
    failed: Option<String>,
}

impl Watched<'_> {
    fn note<T>(&mut self, r: std::io::Result<T>) -> std::io::Result<T> {
        if let Err(e) = &r {
            if e.kind() != std::io::ErrorKind::Interrupted && self.failed.is_none() {
                self.failed = Some(e.to_string());
            }
        }
        r
    }

    /// Flushes; the first failure of any write or of this flush, in words.
    fn finish(&mut self) -> Option<String> {
        let flushed = self.inner.flush();
        let _ = self.note(flushed);
        self.failed
            .take()
            .map(|e| format!("cannot write to standard output: {e}"))
    }
}

impl Write for Watched<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let r = self.inner.write(buf);
        self.note(r)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        let r = self.inner.flush();
        self.note(r)
    }
}

/// The last guard before a message reaches the terminal: whatever a message was built from
/// (a path, a value clap echoes, a library's reason), no control character but its line
/// breaks goes out raw. Messages quote input through core::message::quote; this catches the rest.
fn safe(message: &str) -> String {
    crate::core::message::quote::escape_controls_keeping_lines(message)
}

/// What a command's output becomes when standard output was closed before it started.
const STDOUT_CLOSED: &str = "cannot write to standard output: it is closed";

/// Parses and runs; returns what to do next. Errors go to `io.err` without a panic, and so
/// does a failure to write standard output (exit 1, or the command's own code).
pub fn main_with(args: Vec<OsString>, io: &mut Streams<'_>) -> Exit {
    main_with_stdout(args, io, false)
}

/// [`main_with`] for the process itself: with `stdout_closed` (the binary asks
/// `platform::stdio`), a command or a help text is refused before it runs, since whatever
/// it printed would be lost; the console is unaffected.
pub fn main_with_stdout(args: Vec<OsString>, io: &mut Streams<'_>, stdout_closed: bool) -> Exit {
    // Monitoring reads `kes status`'s exit code: a broken command line must not look like a
    // mere warning (1), so it gets the "cannot tell" code.
    let is_status = args
        .iter()
        .skip(1)
        .take(2)
        .map(|a| a.to_str())
        .eq([Some("kes"), Some("status")]);
    // Every value typed, to hide any that may be secret wherever a message echoes it.
    let typed: Vec<String> = args
        .iter()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let safe = |message: &str| safe(&crate::core::message::redact::redact(message, &typed));
    let mut out = Watched {
        inner: &mut *io.out,
        failed: None,
    };
    match parse(args) {
        Ok(Parsed::Console(dir)) => Exit::Console(dir),
        Ok(Parsed::Open { folder, create }) => match open::prepare(&folder, create) {
            Ok(note) => {
                if let Some(note) = note {
                    let _ = writeln!(io.err, "{}", safe(&note));
                }
                Exit::Console(Some(folder))
            }
            Err(message) => {
                let _ = writeln!(io.err, "Command failed: open\nError: {}", safe(&message));
                Exit::Code(1)
            }
        },
        Ok(Parsed::Run(cmd, era, matches)) => {
            let result = if stdout_closed {
                Err(CliError {
                    message: STDOUT_CLOSED.to_owned(),
                    code: if is_status {
                        kes_status::exit::CRITICAL
                    } else {
                        1
                    },
                })
            } else {
                run(
                    *cmd,
                    era,
                    &matches,
                    &mut Streams {
                        out: &mut out,
                        err: &mut *io.err,
                    },
                )
            };
            // Output that never arrived is the failure to report, whatever came of it.
            let result = match (out.finish(), result) {
                (None, r) => r,
                (Some(message), Ok(())) => Err(CliError::new(message)),
                (Some(message), Err(e)) => Err(CliError {
                    message,
                    code: e.code,
                }),
            };
            match result {
                Ok(()) => Exit::Code(0),
                Err(e) => {
                    // cardano-cli's layout, so scripts that match its messages keep working.
                    let _ = writeln!(
                        io.err,
                        "Command failed: {}\nError: {}",
                        command_path(&matches),
                        safe(&e.message)
                    );
                    Exit::Code(e.code)
                }
            }
        }
        Err(e) if e.code == 0 && stdout_closed => {
            let _ = writeln!(io.err, "{STDOUT_CLOSED}");
            Exit::Code(1)
        }
        Err(e) if e.code == 0 => {
            let _ = writeln!(out, "{}", e.message);
            match out.finish() {
                None => Exit::Code(0),
                Some(message) => {
                    let _ = writeln!(io.err, "{message}");
                    Exit::Code(1)
                }
            }
        }
        Err(e) => {
            let _ = writeln!(io.err, "{}", safe(&e.message));
            Exit::Code(if is_status {
                kes_status::exit::CRITICAL
            } else {
                e.code
            })
        }
    }
}
