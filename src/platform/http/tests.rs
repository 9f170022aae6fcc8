//! Tests of the metrics client against local one-shot servers.

use super::*;
use std::io::Write;
use std::net::{TcpListener, TcpStream};
use std::sync::mpsc;
use std::thread;
use ureq::unversioned::resolver::Resolver as _;

/// Serves one connection: reads the request head, sends it back on `seen`, then runs `reply`.
fn serve(reply: impl FnOnce(&mut TcpStream) + Send + 'static) -> (u16, mpsc::Receiver<String>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        let mut request = Vec::new();
        let mut byte = [0u8; 1];
        while !request.ends_with(b"\r\n\r\n") {
            match stream.read(&mut byte) {
                Ok(1) => request.push(byte[0]),
                _ => break,
            }
        }
        let _ = tx.send(String::from_utf8_lossy(&request).into_owned());
        reply(&mut stream);
    });
    (port, rx)
}

fn answer(text: &'static str) -> impl FnOnce(&mut TcpStream) + Send + 'static {
    move |s: &mut TcpStream| {
        let _ = s.write_all(text.as_bytes());
    }
}

/// Serves one connection with `reply`; returns the URL asked (`path` on that server) and what
/// `get` made of the answer.
fn fetch(
    reply: impl FnOnce(&mut TcpStream) + Send + 'static,
    path: &str,
) -> (String, Result<String, String>) {
    let (port, _seen) = serve(reply);
    let url = format!("http://127.0.0.1:{port}{path}");
    let got = get(&url, FIVE);
    (url, got)
}

const SECOND: Duration = Duration::from_secs(1);
const FIVE: Duration = Duration::from_secs(5);

#[test]
fn plain_200() {
    let (port, seen) = serve(answer(
        "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\ncardano_node_metrics_slotNum_int 5\n",
    ));
    let url = format!("http://127.0.0.1:{port}/metrics");
    assert_eq!(
        get(&url, FIVE),
        Ok("cardano_node_metrics_slotNum_int 5\n".to_owned())
    );
    // Exactly these lines go out (header names in any case and order): no credentials,
    // no Accept-Encoding, nothing from a proxy.
    let (line, mut headers) = request_lines(&seen.recv().unwrap());
    assert_eq!(line, "GET /metrics HTTP/1.1");
    let mut want = vec![
        format!("host: 127.0.0.1:{port}"),
        "user-agent: pool-console".to_owned(),
        "accept: text/plain".to_owned(),
        "connection: close".to_owned(),
    ];
    headers.sort();
    want.sort();
    assert_eq!(headers, want);
}

/// The request line, and each header as `name: value` with the name in lower case.
fn request_lines(request: &str) -> (String, Vec<String>) {
    let mut lines = request.split("\r\n").filter(|l| !l.is_empty());
    let line = lines.next().unwrap_or_default().to_owned();
    let headers = lines
        .map(|l| {
            let (name, value) = l.split_once(':').unwrap();
            format!("{}: {}", name.to_ascii_lowercase(), value.trim())
        })
        .collect();
    (line, headers)
}

#[test]
fn content_length_ends_the_read_even_if_the_server_stays() {
    let (port, _seen) = serve(|s: &mut TcpStream| {
        let _ = s.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello");
        thread::sleep(Duration::from_secs(3));
    });
    let start = Instant::now();
    assert_eq!(
        get(&format!("http://127.0.0.1:{port}"), FIVE),
        Ok("hello".to_owned())
    );
    assert!(start.elapsed() < SECOND);
}

#[test]
fn a_huge_timeout_does_not_overflow() {
    let (port, _seen) = serve(answer("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"));
    assert_eq!(
        get(&format!("http://127.0.0.1:{port}/"), Duration::MAX),
        Ok("ok".to_owned())
    );
}

#[test]
fn chunked_200() {
    let (_, got) = fetch(answer(
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n7\r\nslotNum\r\nA;ext=1\r\n_int 42\nÄ\r\n0\r\nX-Trailer: 1\r\n\r\n",
    ), "/");
    assert_eq!(got, Ok("slotNum_int 42\nÄ".to_owned()));
}

#[test]
fn chunked_cut_short() {
    let (url, got) = fetch(
        answer("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n7\r\nslot"),
        "/metrics",
    );
    assert_eq!(
        got,
        Err(format!(
            "{url}: the chunked answer is cut short or malformed; try again"
        ))
    );
}

#[test]
fn not_found() {
    let (url, got) = fetch(
        answer("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"),
        "/metric",
    );
    assert_eq!(
        got,
        Err(format!("{url}: the server answered 404 Not Found"))
    );
}

#[test]
fn not_http() {
    let (url, got) = fetch(answer("\u{0}\u{1}binary\r\n\r\n"), "/");
    assert_eq!(got, Err(format!("{url}: the answer is not HTTP: check that the port is the node's Prometheus port (12798 by default), not its node-to-node port")));
}

#[test]
fn server_closing_at_once() {
    let (url, got) = fetch(|_s: &mut TcpStream| {}, "/");
    assert_eq!(got, Err(format!("{url}: the server closed the connection without answering: check that the port is the node's Prometheus port (12798 by default)")));
}

#[test]
fn silent_server_times_out() {
    let (port, _seen) = serve(|_s: &mut TcpStream| thread::sleep(Duration::from_secs(4)));
    let url = format!("http://127.0.0.1:{port}/metrics");
    let start = Instant::now();
    let got = get(&url, SECOND);
    assert!(start.elapsed() < SECOND * 2, "{:?}", start.elapsed());
    assert_eq!(
        got,
        Err(format!("no answer from {url} within 1 s: check the address and that no firewall drops the connection"))
    );
}

#[test]
fn trickling_server_cannot_extend_the_deadline() {
    let (port, _seen) = serve(|s: &mut TcpStream| {
        let _ = s.write_all(b"HTTP/1.1 200 OK\r\n\r\n");
        for _ in 0..40 {
            if s.write_all(b"x").is_err() {
                return;
            }
            thread::sleep(Duration::from_millis(100));
        }
    });
    let url = format!("http://127.0.0.1:{port}/");
    let start = Instant::now();
    let got = get(&url, Duration::from_millis(1500));
    assert!(
        start.elapsed() < Duration::from_millis(2500),
        "{:?}",
        start.elapsed()
    );
    assert_eq!(
        got,
        Err(format!("no answer from {url} within 1.5 s: check the address and that no firewall drops the connection"))
    );
}

#[test]
fn refused_port() {
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("http://127.0.0.1:{port}/metrics");
    assert_eq!(
        get(&url, FIVE),
        Err(format!("{url}: nothing listens on 127.0.0.1:{port}: is the node running with its Prometheus port (hasPrometheus) there?"))
    );
}

#[test]
fn https_is_refused() {
    assert_eq!(
        get("https://relay.example:12798/metrics", FIVE),
        Err("https://relay.example:12798/metrics: the node serves its metrics over plain http, not https: use http://".to_owned())
    );
}

#[test]
fn malformed_urls() {
    let cases = [
        ("127.0.0.1:12798/metrics", "\"127.0.0.1:12798/metrics\" is not an http:// address: write it like http://127.0.0.1:12798/metrics"),
        ("http:///metrics", "\"http:///metrics\" names no host: write it like http://127.0.0.1:12798/metrics"),
        ("http://host:99999/", "\"http://host:99999/\": \"99999\" is not a port number (1 to 65535): write it like http://127.0.0.1:12798/metrics"),
        ("http://host:/", "\"http://host:/\": \"\" is not a port number (1 to 65535): write it like http://127.0.0.1:12798/metrics"),
        ("http://::1:12798/", "\"http://::1:12798/\": an IPv6 address goes in brackets, like http://[::1]:12798/metrics"),
        ("http://[::1/", "\"http://[::1/\": the IPv6 address has no closing ']': write it like http://127.0.0.1:12798/metrics"),
        ("http://[::1]x/", "\"http://[::1]x/\": after the ']' only :port may follow: write it like http://127.0.0.1:12798/metrics"),
        ("http://u:p@host/", "\"http://u:p@host/\": a user name or password in the address is not supported: write it like http://127.0.0.1:12798/metrics"),
        ("http://host/a b", "\"http://host/a b\": the path holds spaces or control characters: write it like http://127.0.0.1:12798/metrics"),
    ];
    for (url, message) in cases {
        assert_eq!(get(url, FIVE), Err(message.to_owned()), "{url}");
    }
}

#[test]
fn url_parts() {
    let t = parse_url("HTTP://[::1]:12798/metrics?x=1#top").unwrap();
    assert_eq!(
        (
            t.host.as_str(),
            t.port,
            t.path.as_str(),
            t.shown.as_str(),
            t.request_url().as_str()
        ),
        (
            "::1",
            12798,
            "/metrics?x=1",
            "[::1]:12798",
            "http://[::1]:12798/metrics?x=1"
        )
    );
    let t = parse_url("http://node.lan").unwrap();
    assert_eq!(
        (
            t.host.as_str(),
            t.port,
            t.path.as_str(),
            t.shown.as_str(),
            t.request_url().as_str()
        ),
        ("node.lan", 80, "/", "node.lan:80", "http://node.lan:80/")
    );
    assert_eq!(
        parse_url("http://h?q").map(|t| t.path),
        Ok("/?q".to_owned())
    );
    // The few characters a request line cannot hold as they are go percent-encoded.
    assert_eq!(
        parse_url("http://h/a<b>\"c`?d=\"é\"").map(|t| t.path),
        Ok("/a%3Cb%3E%22c%60?d=%22é%22".to_owned())
    );
}

#[test]
fn ipv6_loopback() {
    let Ok(listener) = TcpListener::bind("[::1]:0") else {
        return; // no IPv6 on this machine
    };
    let port = listener.local_addr().unwrap().port();
    let (tx, seen) = mpsc::channel();
    thread::spawn(move || {
        if let Ok((mut s, _)) = listener.accept() {
            let mut buf = [0u8; 1024];
            let n = s.read(&mut buf).unwrap_or(0);
            let _ = tx.send(String::from_utf8_lossy(&buf[..n]).into_owned());
            let _ = s.write_all(b"HTTP/1.0 200 OK\r\n\r\nv6");
        }
    });
    assert_eq!(
        get(&format!("http://[::1]:{port}/"), FIVE),
        Ok("v6".to_owned())
    );
    let (_, headers) = request_lines(&seen.recv().unwrap());
    assert!(
        headers.contains(&format!("host: [::1]:{port}")),
        "{headers:?}"
    );
}

#[test]
fn redirects_are_not_followed() {
    // Today's behaviour, kept: a metrics page that moves is reported, never followed (not
    // even on the same host), so no answer can send the console to another machine.
    let (url, got) = fetch(answer(
        "HTTP/1.1 302 Found\r\nLocation: http://203.0.113.9/metrics\r\nContent-Length: 0\r\n\r\n",
    ), "/metrics");
    assert_eq!(got, Err(format!("{url}: the server answered 302 Found")));
}

#[test]
fn the_servers_own_reason_words_are_not_echoed() {
    // Only the standard name of the code is shown, never text from outside.
    let (url, got) = fetch(
        answer("HTTP/1.1 503 busy ed25519_sk1qqqqqqqq\r\nContent-Length: 0\r\n\r\n"),
        "/metrics",
    );
    assert_eq!(
        got,
        Err(format!(
            "{url}: the server answered 503 Service Unavailable"
        ))
    );
    // A status line with control characters is no HTTP at all.
    let (url, got) = fetch(
        answer("HTTP/1.1 503 \u{1b}[2J\r\nContent-Length: 0\r\n\r\n"),
        "/metrics",
    );
    assert_eq!(got, Err(super::not_http(&url)));
    let (url, got) = fetch(
        answer("HTTP/1.1 299 Odd\r\nContent-Length: 0\r\n\r\n"),
        "/metrics",
    );
    assert_eq!(got, Err(format!("{url}: the server answered 299")));
}

#[test]
fn content_length_cut_short() {
    let (url, got) = fetch(
        answer("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhello"),
        "/metrics",
    );
    assert_eq!(
        got,
        Err(format!(
            "{url}: the answer was cut short (5 of 10 bytes); try again"
        ))
    );
}

#[test]
fn a_body_that_is_not_utf8_is_read_lossily() {
    let (_, got) = fetch(
        |s: &mut TcpStream| {
            let _ = s.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\na\xffb\n");
        },
        "/",
    );
    assert_eq!(got, Ok("a\u{fffd}b\n".to_owned()));
}

#[test]
fn an_answer_over_8_mib_is_refused_while_reading() {
    let (url, got) = fetch(
        |s: &mut TcpStream| {
            // No Content-Length: the cap must hold while reading, not from a header.
            let _ = s.write_all(b"HTTP/1.1 200 OK\r\n\r\n");
            let block = vec![b'x'; 64 * 1024];
            for _ in 0..(MAX_ANSWER / block.len() + 64) {
                if s.write_all(&block).is_err() {
                    return;
                }
            }
        },
        "/metrics",
    );
    assert_eq!(got, Err(format!("{url}: the answer is larger than 8 MiB, which no metrics page is: check the address and path")));
}

#[test]
fn the_deadline_covers_the_name_lookup() {
    // Nothing is asked once the deadline has passed.
    let late = lookup::Lookup {
        url: "http://node.lan/".to_owned(),
        host: "node.lan".to_owned(),
        port: 80,
        deadline: Instant::now(),
    };
    assert!(matches!(
        late.resolve(
            &"http://node.lan/".parse().unwrap(),
            &Default::default(),
            Default::default()
        ),
        Err(Error::Timeout(_))
    ));
    // A name that cannot exist (RFC 6761): whether the resolver says so at once or never
    // answers, the caller hears within the deadline, in the operator's words.
    let url = "http://no-such-host.invalid:12798/metrics";
    let start = Instant::now();
    let got = get(url, SECOND);
    assert!(start.elapsed() < SECOND * 2, "{:?}", start.elapsed());
    let got = got.unwrap_err();
    assert!(
        got.starts_with(&format!("{url}: cannot find the host no-such-host.invalid: "))
            && got.ends_with("; check the name, or use the node's IP address")
            || got == format!("no answer from {url} within 1 s: check the address and that no firewall drops the connection"),
        "{got}"
    );
}

#[test]
fn a_head_with_bare_line_feeds_is_read() {
    let (_, got) = fetch(
        answer("HTTP/1.0 200 OK\nContent-Type: text/plain\n\ncardano_node_metrics_slotNum_int 5\n"),
        "/metrics",
    );
    assert_eq!(got, Ok("cardano_node_metrics_slotNum_int 5\n".to_owned()));
}
