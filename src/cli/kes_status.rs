//! `kes check` (the pre-deploy check) and `kes status` (a line per pool or node, with an exit
//! code by urgency for cron jobs and monitoring).

use chrono::{DateTime, Utc};
use serde_json::{json, Value};
use std::time::Duration;

use super::args::{KesCheckArgs, KesStatusArgs};
use super::clock_args::{chain_clock, chain_clock_within, local, print, time_arg, window};
use super::{CliError, CliResult, Streams};
use crate::core::chain::clock::{format_utc, ChainClock, KesWindow};
use crate::core::kes::node_metrics::NodeKes;
use crate::core::kes::opcert::OpCert;
use crate::core::kes::predeploy::{self, CounterEvidence, Outcome};
use crate::core::kes::watch::{days_and_hours, periods_left_words, Thresholds, Urgency};
use crate::core::keys::accept;
use crate::core::message::quote::escape_path;
use crate::core::{kes::node_metrics, kes::period_info};
use crate::platform::{http, load, read};

/// Exit codes of `kes status`, as monitoring plugins use them.
pub mod exit {
    pub const FINE: i32 = 0;
    pub const WARN: i32 = 1;
    pub const ALERT: i32 = 2;
    /// Expired, not yet valid, unreadable or unreachable: no way to tell it is safe.
    pub const CRITICAL: i32 = 3;
}

pub fn check(a: KesCheckArgs, io: &mut Streams<'_>) -> CliResult {
    let clock = chain_clock(&a.clock)?;
    let now = time_arg(a.at.as_deref())?;
    let env = load::envelope(&a.op_cert_file).map_err(CliError::new)?;
    let cert = OpCert::from_envelope(&env).map_err(|e| CliError::file(&a.op_cert_file, e))?;
    let kes = super::inputs::signing_key_file(
        &a.kes_signing_key_file,
        accept::KES_SIGNING,
        &a.passphrase,
    )?
    .verification_key()
    .map_err(|e| CliError::file(&a.kes_signing_key_file, e))?
    .public_key();
    let cold = load::verification_key(
        &a.cold_verification_key_file,
        accept::OPCERT_COLD_VERIFICATION,
    )
    .map_err(CliError::new)?
    .public_key();
    let evidence = if let Some(m) = a.on_chain_counter {
        CounterEvidence::OnChain(Some(m))
    } else if let Some(path) = &a.kes_period_info_file {
        // Bytes, never echoed: a key given here by mistake stays off the terminal.
        let bytes = read::read_input(path, read::KES_PERIOD_INFO)?;
        let c = period_info::parse_on_chain_file(bytes.expose())
            .map_err(|e| CliError::file(path, e))?;
        CounterEvidence::OnChain(c.last_seen)
    } else if let Some(path) = &a.operational_certificate_issue_counter_file {
        CounterEvidence::CounterFile(
            load::counter(path)
                .map_err(CliError::new)?
                .next_issue_number,
        )
    } else {
        CounterEvidence::Unknown
    };
    let window = window(&clock, &a.op_cert_file, cert.kes_period, now).map_err(CliError::new)?;
    let checks = predeploy::run(&cert, Some(&kes), Some(&cold), &window, evidence);
    let mut text = String::new();
    for c in &checks {
        let mark = match c.outcome {
            Outcome::Pass => "PASS",
            Outcome::Fail => "FAIL",
            Outcome::NotChecked => "SKIP",
        };
        text.push_str(&format!("{mark}  {}: {}\n", c.name, c.detail));
    }
    print(io, &text)?;
    let failed = checks.iter().filter(|c| c.outcome == Outcome::Fail).count();
    if failed > 0 {
        return Err(CliError::new(format!(
            "{failed} of {} checks failed: do not deploy these files",
            checks.len()
        )));
    }
    Ok(())
}

/// One line of `kes status`.
struct Line {
    source: String,
    kind: &'static str,
    outcome: Result<Found, String>,
}

impl Line {
    /// A line about `source` (a path or URL as typed): a value that looks like a secret key
    /// pasted by mistake is never printed, in the line or in its error.
    fn new(source: String, kind: &'static str, outcome: Result<Found, String>) -> Self {
        use crate::core::message::redact::{redact, value_is_secret, HIDDEN};
        let typed = [source.clone()];
        let outcome = outcome.map_err(|e| redact(&e, &typed));
        let source = if value_is_secret(&source) {
            HIDDEN.to_owned()
        } else {
            source
        };
        Self {
            source,
            kind,
            outcome,
        }
    }
}

struct Found {
    window: KesWindow,
    node: Option<NodeKes>,
}

fn code_of(outcome: &Result<Found, String>, t: Thresholds) -> i32 {
    match outcome {
        Err(_) => exit::CRITICAL,
        Ok(f) => match Urgency::of(&f.window, t) {
            Urgency::Fine => exit::FINE,
            Urgency::Warn => exit::WARN,
            Urgency::Alert => exit::ALERT,
            Urgency::Expired | Urgency::NotYetValid => exit::CRITICAL,
        },
    }
}

fn status_word(outcome: &Result<Found, String>, kind: &str, t: Thresholds) -> &'static str {
    match outcome {
        Err(_) if kind == "metrics" => "unreachable",
        Err(_) => "unreadable",
        Ok(f) => Urgency::of(&f.window, t).label(),
    }
}

/// The longest `--timeout-seconds` honoured: a poll that needs more than an hour has failed,
/// and a larger number would only make the deadline arithmetic overflow.
const MAX_TIMEOUT_SECONDS: u64 = 3600;

/// A job on its own named thread; its result, or why there is none.
type Job<T> = Result<std::thread::JoinHandle<Result<T, String>>, String>;

fn start<T: Send + 'static>(
    name: &str,
    job: impl FnOnce() -> Result<T, String> + Send + 'static,
) -> Job<T> {
    std::thread::Builder::new()
        .name(name.to_owned())
        .spawn(job)
        .map_err(|e| format!("cannot start a thread: {e}"))
}

fn finish<T>(job: Job<T>) -> Result<T, String> {
    job?.join()
        .unwrap_or_else(|_| Err("the check stopped unexpectedly".to_owned()))
}

/// Polls every URL at once, so the polls together take at most one timeout.
fn start_polls(urls: &[String], timeout: Duration) -> Vec<Job<NodeKes>> {
    urls.iter()
        .cloned()
        .map(|url| {
            start("kes-status poll", move || {
                http::get(&url, timeout)
                    .and_then(|body| node_metrics::parse(&body).map_err(|e| format!("{url}: {e}")))
            })
        })
        .collect()
}

/// Reads every opcert at once, each waiting at most `wait` if it is a pipe, so a pipe with
/// no writer cannot stretch the command past its timeout.
fn start_reads(paths: &[std::path::PathBuf], wait: Duration) -> Vec<Job<OpCert>> {
    paths
        .iter()
        .cloned()
        .map(|path| {
            start("kes-status read", move || {
                load::envelope_within(&path, wait).and_then(|env| {
                    OpCert::from_envelope(&env).map_err(|e| format!("{}: {e}", path.display()))
                })
            })
        })
        .collect()
}

fn from_node(clock: &ChainClock, now: DateTime<Utc>, kes: NodeKes) -> Result<Found, String> {
    let start = kes.opcert_start.ok_or(
        "the node reports no opcert start period: is the opcert loaded (forging enabled)?",
    )?;
    let window = clock.kes_window(start, now).map_err(|e| e.to_string())?;
    Ok(Found {
        window,
        node: Some(kes),
    })
}

pub fn status(a: KesStatusArgs, io: &mut Streams<'_>) -> CliResult {
    let critical = |e: CliError| CliError {
        code: exit::CRITICAL,
        ..e
    };
    let now = time_arg(a.at.as_deref()).map_err(critical)?;
    let t = Thresholds {
        warn_days: a.warn_days,
        alert_days: a.alert_days,
    };
    let seconds = a.timeout_seconds.clamp(1, MAX_TIMEOUT_SECONDS);
    if a.timeout_seconds > MAX_TIMEOUT_SECONDS {
        // Said on stderr, so the line monitoring reads stays as it is.
        let _ = writeln!(
            io.err,
            "note: --timeout-seconds {} is taken as {MAX_TIMEOUT_SECONDS} (one hour), the longest kes status waits",
            a.timeout_seconds
        );
    }
    let timeout = Duration::from_secs(seconds);
    // Polls and reads all run at once: the command ends within one timeout.
    let polls = start_polls(&a.metrics_url, timeout);
    let wait = timeout.min(read::PIPE_WAIT);
    let reads = start_reads(&a.op_cert_file, wait);
    // While they run: the genesis files, if any, under the same wait.
    let clock = chain_clock_within(&a.clock, wait).map_err(critical)?;
    let mut lines = Vec::new();
    for (path, job) in a.op_cert_file.iter().zip(reads) {
        let outcome = finish(job)
            .and_then(|cert| window(&clock, path, cert.kes_period, now))
            .map(|window| Found { window, node: None });
        lines.push(Line::new(path.display().to_string(), "opcert", outcome));
    }
    for (url, job) in a.metrics_url.iter().zip(polls) {
        let outcome = finish(job).and_then(|kes| from_node(&clock, now, kes));
        lines.push(Line::new(url.clone(), "metrics", outcome));
    }
    let code = lines
        .iter()
        .map(|l| code_of(&l.outcome, t))
        .max()
        .unwrap_or(exit::FINE);
    let text = if a.output_json {
        let pools: Vec<Value> = lines.iter().map(|l| line_json(l, t)).collect();
        let v = json!({
            "network": clock.name,
            "time": format_utc(now),
            "warnDays": t.warn_days,
            "alertDays": t.alert_days,
            "exitCode": code,
            "pools": pools,
        });
        // serde_json leaves DEL, C1 and bidi controls raw: escaped for the terminal.
        let json = serde_json::to_string_pretty(&v)?;
        format!(
            "{}\n",
            crate::core::message::quote::escape_json_for_terminal(&json)
        )
    } else {
        lines.iter().map(|l| line_text(l, t)).collect()
    };
    print(io, &text).map_err(critical)?;
    if code == exit::FINE {
        Ok(())
    } else {
        let worst = lines
            .iter()
            .filter(|l| code_of(&l.outcome, t) == code)
            .map(|l| l.source.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        Err(CliError {
            message: format!(
                "{} needs attention: {worst}",
                match code {
                    exit::WARN => "a KES key",
                    exit::ALERT => "a KES key urgently",
                    _ => "a pool that cannot make blocks or cannot be read",
                }
            ),
            code,
        })
    }
}

fn line_text(l: &Line, t: Thresholds) -> String {
    let word = status_word(&l.outcome, l.kind, t);
    match &l.outcome {
        Err(e) => {
            // Most errors name their file or URL already; the line names it once.
            // A metrics server's answer and a path are text from outside: shown escaped.
            let e = e.strip_prefix(&format!("{}: ", l.source)).unwrap_or(e);
            format!(
                "{word:<13} {}: {}\n",
                escape_path(&l.source),
                escape_path(e)
            )
        }
        Ok(f) => {
            let w = &f.window;
            let (d, h) = days_and_hours(w.remaining_ms);
            format!(
                "{word:<13} {}: {} (KES period {} of {}–{}), expires {} ({}), {d}d {h}h left\n",
                escape_path(&l.source),
                periods_left_words(w.periods_left),
                f.node
                    .and_then(|n| n.current_period)
                    .unwrap_or(w.current_period),
                w.start_period,
                w.last_period,
                format_utc(w.expiry_time),
                local(w.expiry_time),
            )
        }
    }
}

fn line_json(l: &Line, t: Thresholds) -> Value {
    let word = status_word(&l.outcome, l.kind, t);
    match &l.outcome {
        Err(e) => json!({ "source": l.source, "kind": l.kind, "status": word, "error": e }),
        Ok(f) => {
            let w = &f.window;
            let mut v = json!({
                "source": l.source,
                "kind": l.kind,
                "status": word,
                "startKesPeriod": w.start_period,
                "lastValidKesPeriod": w.last_period,
                "currentKesPeriod": w.current_period,
                "periodsLeft": w.periods_left,
                "expiresUtc": format_utc(w.expiry_time),
                "secondsRemaining": w.remaining_ms.max(0) / 1000,
            });
            if let Some(n) = f.node {
                v["node"] = json!({
                    "currentKesPeriod": n.current_period,
                    "remainingKesPeriods": n.remaining_periods,
                    "opcertStartKesPeriod": n.opcert_start,
                    "opcertExpiryKesPeriod": n.opcert_expiry,
                });
            }
            v
        }
    }
}
