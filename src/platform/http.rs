//! A tiny plain-HTTP GET for metrics endpoints on the operator's own network.
//!
//! cardano-node serves its Prometheus page over plain http on the LAN, so a `TcpStream` is all
//! that is needed; a TLS stack is not worth shipping in a tool that also handles cold keys.
//! One deadline covers connecting, sending and every read, so a server that trickles bytes
//! cannot hold the console longer than the caller allowed. (Name lookup is the operating
//! system's and is not covered; an IP address needs none.)

use std::io::{ErrorKind, Read, Write};
use std::net::{SocketAddr, TcpStream, ToSocketAddrs};
use std::time::{Duration, Instant};

/// The largest answer read; a metrics page is a few tens of KiB.
const MAX_ANSWER: usize = 8 * 1024 * 1024;

/// Where to connect, from `http://host[:port][/path]`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Target {
    /// Without brackets, as given to the resolver.
    host: String,
    port: u16,
    path: String,
    /// `host:port` as the operator reads it, with brackets around an IPv6 literal.
    shown: String,
    /// The Host header value.
    host_header: String,
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
    let mut stream = connect(url, &target, deadline, &timed_out)?;
    let request = format!(
        "GET {} HTTP/1.0\r\nHost: {}\r\nUser-Agent: pool-console\r\nAccept: text/plain\r\nConnection: close\r\n\r\n",
        target.path, target.host_header
    );
    let left = remaining(deadline).ok_or_else(timed_out)?;
    stream
        .set_write_timeout(Some(left))
        .map_err(|e| format!("{url}: cannot use the connection: {e}"))?;
    stream.write_all(request.as_bytes()).map_err(|e| {
        if is_timeout(&e) {
            timed_out()
        } else {
            format!("{url}: the connection broke while sending the request: {e}")
        }
    })?;
    let answer = read_answer(url, &mut stream, deadline, &timed_out)?;
    body_of(url, &answer)
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

fn is_timeout(e: &std::io::Error) -> bool {
    matches!(e.kind(), ErrorKind::TimedOut | ErrorKind::WouldBlock)
}

fn parse_url(url: &str) -> Result<Target, String> {
    let example = "write it like http://127.0.0.1:12798/metrics";
    let lower = url.to_ascii_lowercase();
    if lower.starts_with("https://") {
        return Err(format!(
            "{url}: the node serves its metrics over plain http, not https: use http://"
        ));
    }
    if !lower.starts_with("http://") {
        return Err(format!("\"{url}\" is not an http:// address: {example}"));
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
            "\"{url}\": the path holds spaces or control characters: {example}"
        ));
    }
    if authority.contains('@') {
        return Err(format!(
            "\"{url}\": a user name or password in the address is not supported: {example}"
        ));
    }
    let (host, port_text) = if let Some(inner) = authority.strip_prefix('[') {
        let Some((host, after)) = inner.split_once(']') else {
            return Err(format!(
                "\"{url}\": the IPv6 address has no closing ']': {example}"
            ));
        };
        match after {
            "" => (host, None),
            a => match a.strip_prefix(':') {
                Some(port) => (host, Some(port)),
                None => {
                    return Err(format!(
                        "\"{url}\": after the ']' only :port may follow: {example}"
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
        return Err(format!("\"{url}\" names no host: {example}"));
    }
    let port = match port_text {
        None => 80,
        Some(p) => match p.parse::<u16>() {
            Ok(n) if n > 0 => n,
            _ => {
                return Err(format!(
                    "\"{url}\": \"{p}\" is not a port number (1 to 65535): {example}"
                ))
            }
        },
    };
    let bracketed = if host.contains(':') {
        format!("[{host}]")
    } else {
        host.to_owned()
    };
    let shown = format!("{bracketed}:{port}");
    let host_header = if port == 80 { bracketed } else { shown.clone() };
    Ok(Target {
        host: host.to_owned(),
        port,
        path,
        shown,
        host_header,
    })
}

/// Resolves the host and connects to the first address that answers, within the deadline.
fn connect(
    url: &str,
    target: &Target,
    deadline: Instant,
    timed_out: &dyn Fn() -> String,
) -> Result<TcpStream, String> {
    let addresses: Vec<SocketAddr> = (target.host.as_str(), target.port)
        .to_socket_addrs()
        .map_err(|e| {
            format!(
                "{url}: cannot find the host {}: {e}; check the name, or use the node's IP address",
                target.host
            )
        })?
        .collect();
    let mut last = format!(
        "{url}: the host {} has no address; check the name, or use the node's IP address",
        target.host
    );
    for address in addresses {
        let left = remaining(deadline).ok_or_else(timed_out)?;
        match TcpStream::connect_timeout(&address, left) {
            Ok(stream) => return Ok(stream),
            Err(e) if e.kind() == ErrorKind::ConnectionRefused => {
                last = format!(
                    "{url}: nothing listens on {}: is the node running with its Prometheus port (hasPrometheus) there?",
                    target.shown
                );
            }
            Err(e) if is_timeout(&e) => last = timed_out(),
            Err(e) => last = format!("{url}: cannot connect to {}: {e}", target.shown),
        }
    }
    Err(last)
}

/// Reads until the server closes (or a Content-Length is complete), within the deadline.
fn read_answer(
    url: &str,
    stream: &mut TcpStream,
    deadline: Instant,
    timed_out: &dyn Fn() -> String,
) -> Result<Vec<u8>, String> {
    let mut answer = Vec::new();
    let mut buffer = vec![0u8; 64 * 1024];
    loop {
        let left = remaining(deadline).ok_or_else(timed_out)?;
        stream
            .set_read_timeout(Some(left))
            .map_err(|e| format!("{url}: cannot use the connection: {e}"))?;
        match stream.read(&mut buffer) {
            Ok(0) => return Ok(answer),
            Ok(n) => {
                answer.extend_from_slice(buffer.get(..n).unwrap_or_default());
                if answer.len() > MAX_ANSWER {
                    return Err(format!(
                        "{url}: the answer is larger than 8 MiB, which no metrics page is: check the address and path"
                    ));
                }
                if is_complete(&answer) {
                    return Ok(answer);
                }
            }
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(e) if is_timeout(&e) => return Err(timed_out()),
            Err(e) => return Err(format!("{url}: the connection broke while reading: {e}")),
        }
    }
}

/// The head and the body, split at the blank line (CRLF, or bare LF from a sloppy server).
fn split_head(answer: &[u8]) -> Option<(&[u8], &[u8])> {
    let crlf = answer.windows(4).position(|w| w == b"\r\n\r\n");
    let lf = answer.windows(2).position(|w| w == b"\n\n");
    let (at, len) = match (crlf, lf) {
        (Some(c), Some(l)) if l < c => (l, 2),
        (Some(c), _) => (c, 4),
        (None, Some(l)) => (l, 2),
        (None, None) => return None,
    };
    Some((answer.get(..at)?, answer.get(at + len..)?))
}

/// A header's value, by case-insensitive name.
fn header<'a>(head: &'a str, name: &str) -> Option<&'a str> {
    head.lines().skip(1).find_map(|line| {
        let (key, value) = line.split_once(':')?;
        key.trim()
            .eq_ignore_ascii_case(name)
            .then_some(value.trim())
    })
}

/// True once a response with a Content-Length has all of its body, so a server that keeps
/// the connection open despite `Connection: close` does not cost the whole timeout.
fn is_complete(answer: &[u8]) -> bool {
    let Some((head, body)) = split_head(answer) else {
        return false;
    };
    let head = String::from_utf8_lossy(head);
    if header(&head, "transfer-encoding").is_some() {
        return false;
    }
    header(&head, "content-length")
        .and_then(|v| v.parse::<usize>().ok())
        .is_some_and(|n| body.len() >= n)
}

/// Checks the status and returns the body as text.
fn body_of(url: &str, answer: &[u8]) -> Result<String, String> {
    let not_http = || {
        format!(
            "{url}: the answer is not HTTP: check that the port is the node's Prometheus port (12798 by default), not its node-to-node port"
        )
    };
    if answer.is_empty() {
        return Err(format!(
            "{url}: the server closed the connection without answering: check that the port is the node's Prometheus port (12798 by default)"
        ));
    }
    let (head, body) = split_head(answer).ok_or_else(not_http)?;
    let head = String::from_utf8_lossy(head);
    let status = head.lines().next().unwrap_or_default();
    let mut words = status.splitn(3, ' ');
    let version = words.next().unwrap_or_default();
    let code = words.next().unwrap_or_default();
    let reason = words.next().unwrap_or_default().trim();
    if !version.starts_with("HTTP/") || code.len() != 3 || code.parse::<u16>().is_err() {
        return Err(not_http());
    }
    if code != "200" {
        let said = if reason.is_empty() {
            code.to_owned()
        } else {
            // The server's words are text from outside: quoted (escaped, shortened, and
            // hidden if they look like a secret), never printed raw.
            format!("{code} {}", crate::core::message::quote::bare(reason))
        };
        return Err(format!("{url}: the server answered {said}"));
    }
    let chunked = header(&head, "transfer-encoding")
        .is_some_and(|v| v.to_ascii_lowercase().contains("chunked"));
    let body = if chunked {
        dechunk(body).ok_or_else(|| {
            format!("{url}: the chunked answer is cut short or malformed; try again")
        })?
    } else {
        match header(&head, "content-length").map(str::parse::<usize>) {
            Some(Ok(n)) if body.len() < n => {
                return Err(format!(
                    "{url}: the answer was cut short ({} of {n} bytes); try again",
                    body.len()
                ))
            }
            Some(Ok(n)) => body.get(..n).unwrap_or(body).to_vec(),
            _ => body.to_vec(),
        }
    };
    Ok(String::from_utf8_lossy(&body).into_owned())
}

/// Joins the chunks of a `Transfer-Encoding: chunked` body; None when it is malformed or the
/// last (zero) chunk never came.
fn dechunk(mut rest: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let line_end = rest.windows(2).position(|w| w == b"\r\n")?;
        let line = std::str::from_utf8(rest.get(..line_end)?).ok()?;
        let size_text = line.split(';').next()?.trim();
        let size = usize::from_str_radix(size_text, 16).ok()?;
        rest = rest.get(line_end + 2..)?;
        if size == 0 {
            // Trailers, if any, are not needed.
            return Some(out);
        }
        out.extend_from_slice(rest.get(..size)?);
        rest = rest.get(size..)?.strip_prefix(b"\r\n")?;
    }
}

#[cfg(test)]
mod tests;
