//! A small plain-HTTP GET for metrics endpoints on the operator's own network.
//!
//! cardano-node serves its Prometheus page over plain http on the LAN. The HTTP itself is
//! ureq's, built without any TLS stack (not worth shipping in a tool that also handles cold
//! keys), without gzip and without proxies; this module checks the address, sets the limits
//! and turns every failure into a sentence for the operator.
//!
//! One deadline covers everything: the name lookup (on a named thread, see `lookup`),
//! connecting, sending and every read, so neither a slow resolver nor a server that trickles
//! bytes can hold the console longer than the caller allowed. The body is capped while it is
//! read. Redirects are not followed: a metrics page that redirects is reported by its status.

mod lookup;

use std::fmt::Write as _;
use std::io::{ErrorKind, Read};
use std::time::{Duration, Instant};

use ureq::http::{header, StatusCode};
use ureq::unversioned::transport::DefaultConnector;
use ureq::Error;

use crate::core::message::quote;

/// The largest answer read; a metrics page is a few tens of KiB.
const MAX_ANSWER: usize = 8 * 1024 * 1024;

const EXAMPLE: &str = "write it like http://127.0.0.1:12798/metrics";

/// Where to connect, from `http://host[:port][/path]`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Target {
    /// Without brackets, as given to the resolver.
    host: String,
    port: u16,
    /// The path and query as sent, from `/`.
    path: String,
    /// `host:port` as the operator reads it, with brackets around an IPv6 literal.
    shown: String,
}

impl Target {
    /// The address handed to ureq: scheme and authority normalised, no fragment.
    fn request_url(&self) -> String {
        format!("http://{}{}", self.shown, self.path)
    }
}

/// The longest wait honoured, whatever the caller asks: far beyond any poll, and far from
/// the end of `Instant`'s range, so the deadline arithmetic cannot overflow.
pub const MAX_TIMEOUT: Duration = Duration::from_secs(24 * 60 * 60);

/// GETs `url` and returns the body as text, within `timeout` (at most [`MAX_TIMEOUT`]).
pub fn get(url: &str, timeout: Duration) -> Result<String, String> {
    let timeout = timeout.min(MAX_TIMEOUT);
    let started = Instant::now();
    let deadline = started.checked_add(timeout).unwrap_or(started);
    let url = url.trim();
    let target = parse_url(url)?;
    let timed_out = || {
        format!(
            "no answer from {url} within {} s: check the address and that no firewall drops the connection",
            seconds(timeout)
        )
    };
    let left = remaining(deadline).ok_or_else(timed_out)?;
    let config = ureq::Agent::config_builder()
        .timeout_global(Some(left))
        .proxy(None)
        .max_redirects(0)
        .max_redirects_will_error(false)
        .http_status_as_error(false)
        .max_idle_connections(0)
        .user_agent("pool-console")
        .accept("text/plain")
        .build();
    let resolver = lookup::Lookup {
        url: url.to_owned(),
        host: target.host.clone(),
        port: target.port,
        deadline,
    };
    let agent = ureq::Agent::with_parts(config, DefaultConnector::new(), resolver);
    let mut response = agent
        .get(target.request_url())
        .header(header::CONNECTION, "close")
        .call()
        .map_err(|e| explain(url, &target, e, &timed_out))?;
    let status = response.status();
    if status != StatusCode::OK {
        // ureq keeps the code, not the server's own reason words, so only the standard
        // name of the code is shown (and no text from outside reaches the message).
        let said = match status.canonical_reason() {
            Some(reason) => format!("{} {reason}", status.as_u16()),
            None => status.as_u16().to_string(),
        };
        return Err(format!("{url}: the server answered {said}"));
    }
    let chunked = response
        .headers()
        .get_all(header::TRANSFER_ENCODING)
        .iter()
        .any(|v| {
            v.to_str()
                .unwrap_or_default()
                .to_ascii_lowercase()
                .contains("chunked")
        });
    let length = if chunked {
        None
    } else {
        response.body().content_length()
    };
    let mut body = Vec::new();
    let read = response
        .body_mut()
        .with_config()
        .limit(MAX_ANSWER as u64)
        .reader()
        .read_to_end(&mut body);
    if let Err(e) = read {
        let framing = match (chunked, length) {
            (true, _) => Framing::Chunked,
            (false, Some(n)) => Framing::Length(n),
            (false, None) => Framing::UntilClose,
        };
        return Err(explain_body(
            url,
            Error::from(e),
            body.len(),
            framing,
            &timed_out,
        ));
    }
    Ok(String::from_utf8_lossy(&body).into_owned())
}

/// `timeout` in seconds as an operator reads it: "5", or "0.5" below a whole second.
fn seconds(timeout: Duration) -> String {
    if timeout.subsec_millis() == 0 {
        timeout.as_secs().to_string()
    } else {
        format!("{:.1}", timeout.as_secs_f64())
    }
}

/// Time left before `deadline`, or None once it has passed.
fn remaining(deadline: Instant) -> Option<Duration> {
    deadline
        .checked_duration_since(Instant::now())
        .filter(|d| !d.is_zero())
}

fn not_http(url: &str) -> String {
    format!(
        "{url}: the answer is not HTTP: check that the port is the node's Prometheus port (12798 by default), not its node-to-node port"
    )
}

fn no_address(url: &str, host: &str) -> String {
    format!("{url}: the host {host} has no address; check the name, or use the node's IP address")
}

/// Why the request got no answer, from ureq's error, for the operator.
fn explain(url: &str, target: &Target, e: Error, timed_out: &dyn Fn() -> String) -> String {
    match e {
        Error::Timeout(_) => timed_out(),
        Error::Other(inner) => match inner.downcast::<lookup::LookupFailed>() {
            Ok(failed) => failed.0,
            Err(other) => format!("{url}: cannot ask the node: {}", quote::bare(&other.to_string())),
        },
        Error::HostNotFound => no_address(url, &target.host),
        Error::Io(e) => match e.kind() {
            ErrorKind::ConnectionRefused => format!(
                "{url}: nothing listens on {}: is the node running with its Prometheus port (hasPrometheus) there?",
                target.shown
            ),
            ErrorKind::TimedOut | ErrorKind::WouldBlock => timed_out(),
            ErrorKind::UnexpectedEof => format!(
                "{url}: the server closed the connection without answering: check that the port is the node's Prometheus port (12798 by default)"
            ),
            ErrorKind::BrokenPipe => {
                format!("{url}: the connection broke while sending the request: {e}")
            }
            ErrorKind::ConnectionReset | ErrorKind::ConnectionAborted => {
                format!("{url}: the connection broke while reading: {e}")
            }
            _ => format!("{url}: cannot connect to {}: {e}", target.shown),
        },
        Error::Protocol(_) | Error::LargeResponseHeader(..) => not_http(url),
        Error::Http(_) | Error::BadUri(_) => {
            format!("\"{url}\": the address holds characters that cannot be sent: {EXAMPLE}")
        }
        other => format!("{url}: cannot ask the node: {}", quote::bare(&other.to_string())),
    }
}

/// How the body's end is marked, for saying how it was cut short.
#[derive(Debug, Clone, Copy)]
enum Framing {
    Chunked,
    Length(u64),
    UntilClose,
}

/// Why the body could not be read whole, after `got` bytes of it.
fn explain_body(
    url: &str,
    e: Error,
    got: usize,
    framing: Framing,
    timed_out: &dyn Fn() -> String,
) -> String {
    match (e, framing) {
        (Error::Timeout(_), _) => timed_out(),
        (Error::BodyExceedsLimit(_), _) => format!(
            "{url}: the answer is larger than 8 MiB, which no metrics page is: check the address and path"
        ),
        (Error::Protocol(_), Framing::Chunked) => {
            format!("{url}: the chunked answer is cut short or malformed; try again")
        }
        (Error::Io(e), Framing::Chunked) if e.kind() == ErrorKind::UnexpectedEof => {
            format!("{url}: the chunked answer is cut short or malformed; try again")
        }
        (Error::Io(e), Framing::Length(n)) if e.kind() == ErrorKind::UnexpectedEof => {
            format!("{url}: the answer was cut short ({got} of {n} bytes); try again")
        }
        (Error::Io(e), _) if matches!(e.kind(), ErrorKind::TimedOut | ErrorKind::WouldBlock) => {
            timed_out()
        }
        (Error::Io(e), _) => format!("{url}: the connection broke while reading: {e}"),
        (Error::Protocol(_), _) => not_http(url),
        (other, _) => format!(
            "{url}: cannot read the answer: {}",
            quote::bare(&other.to_string())
        ),
    }
}

/// Checks an `http://host[:port][/path]` address, with today's wording for each mistake.
fn parse_url(url: &str) -> Result<Target, String> {
    let lower = url.to_ascii_lowercase();
    if lower.starts_with("https://") {
        return Err(format!(
            "{url}: the node serves its metrics over plain http, not https: use http://"
        ));
    }
    if !lower.starts_with("http://") {
        return Err(format!("\"{url}\" is not an http:// address: {EXAMPLE}"));
    }
    let rest = url.get("http://".len()..).unwrap_or_default();
    let rest = rest.split('#').next().unwrap_or_default();
    let split = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, path) = rest.split_at(split);
    let path = match path {
        "" => "/".to_owned(),
        p if p.starts_with('?') => format!("/{p}"),
        p => p.to_owned(),
    };
    if path.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(format!(
            "\"{url}\": the path holds spaces or control characters: {EXAMPLE}"
        ));
    }
    if authority.contains('@') {
        return Err(format!(
            "\"{url}\": a user name or password in the address is not supported: {EXAMPLE}"
        ));
    }
    let (host, port_text) = if let Some(inner) = authority.strip_prefix('[') {
        let Some((host, after)) = inner.split_once(']') else {
            return Err(format!(
                "\"{url}\": the IPv6 address has no closing ']': {EXAMPLE}"
            ));
        };
        match after {
            "" => (host, None),
            a => match a.strip_prefix(':') {
                Some(port) => (host, Some(port)),
                None => {
                    return Err(format!(
                        "\"{url}\": after the ']' only :port may follow: {EXAMPLE}"
                    ))
                }
            },
        }
    } else if authority.matches(':').count() > 1 {
        return Err(format!(
            "\"{url}\": an IPv6 address goes in brackets, like http://[::1]:12798/metrics"
        ));
    } else {
        match authority.split_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        }
    };
    if host.is_empty() {
        return Err(format!("\"{url}\" names no host: {EXAMPLE}"));
    }
    let port = match port_text {
        None => 80,
        Some(p) => match p.parse::<u16>() {
            Ok(n) if n > 0 => n,
            _ => {
                return Err(format!(
                    "\"{url}\": \"{p}\" is not a port number (1 to 65535): {EXAMPLE}"
                ))
            }
        },
    };
    let bracketed = if host.contains(':') {
        format!("[{host}]")
    } else {
        host.to_owned()
    };
    Ok(Target {
        host: host.to_owned(),
        port,
        path: encoded(&path),
        shown: format!("{bracketed}:{port}"),
    })
}

/// The path with the few printable characters a request line may not hold as they are
/// (`"`, `<`, `>`, `` ` ``) percent-encoded, as browsers send them; the rest is kept.
fn encoded(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        match c {
            '"' | '<' | '>' | '`' => {
                let _ = write!(out, "%{:02X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests;
