//! Key-safety tests: how inputs are read (issue 10, "Inputs"): a huge number, an endless
//! device, a pipe nobody writes and a closed standard output each end the command with a
//! message, quickly, and process substitution keeps working.

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

#[allow(unused_imports)]
use super::common::*;
use super::stderr_of;
use tempfile::TempDir;

const MAX: &str = "18446744073709551615";
/// The pipe deadline of platform::read (PIPE_WAIT), and the slack a loaded machine needs.
const PIPE_WAIT: Duration = Duration::from_secs(5);
const MARGIN: Duration = Duration::from_secs(4);

fn timed(dir: &Path, args: &[&str]) -> (Output, Duration) {
    let started = Instant::now();
    let out = run_in(dir, args);
    (out, started.elapsed())
}

/// A metrics URL where nothing listens: refused at once, whatever the timeout.
fn refused_url() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    format!("http://127.0.0.1:{port}/metrics")
}

#[test]
fn a_huge_timeout_does_not_panic() {
    let d = TempDir::new().unwrap();
    issued_pool(d.path(), 0, 0);
    let url = refused_url();
    let (out, took) = timed(
        d.path(),
        &[
            "kes",
            "status",
            "--op-cert-file",
            "node.opcert",
            "--metrics-url",
            &url,
            "--mainnet",
            "--timeout-seconds",
            MAX,
        ],
    );
    let err = stderr_of(&out);
    assert!(!err.contains("panicked"), "{err}");
    // The opcert for period 0 expired long ago, and the node cannot be reached.
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert!(
        err.starts_with(&format!(
            "note: --timeout-seconds {MAX} is taken as 3600 (one hour), the longest kes status waits\n"
        )),
        "{err}"
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains(&format!("unreachable   {url}: nothing listens")),
        "{text}"
    );
    assert!(took < Duration::from_secs(10), "{took:?}");
}

#[cfg(target_os = "linux")]
#[test]
fn unbounded_inputs_are_capped() {
    let d = TempDir::new().unwrap();
    let endless = |dev: &str, what: &str| {
        format!("{dev}: cannot read the file: it is a device that never ends (like /dev/zero or /dev/urandom), not a file; give the name of a {what}")
    };
    let (out, took) = timed(d.path(), &["inspect", "/dev/zero"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr_of(&out),
        format!(
            "Command failed: inspect\nError: {}\n",
            endless("/dev/zero", "key, counter, certificate or metadata file")
        )
    );
    assert!(took < Duration::from_secs(5), "{took:?}");
    let (out, took) = timed(
        d.path(),
        &[
            "stake-pool",
            "metadata-hash",
            "--pool-metadata-file",
            "/dev/urandom",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr_of(&out),
        format!(
            "Command failed: stake-pool metadata-hash\nError: {}\n",
            endless("/dev/urandom", "pool metadata file")
        )
    );
    assert!(took < Duration::from_secs(5), "{took:?}");
    // A file whose size the metadata reports is capped the same way, read or not: a 1 GiB
    // sparse "key" is refused after 64 KiB.
    let big = std::fs::File::create(d.path().join("huge.vkey")).unwrap();
    big.set_len(1 << 30).unwrap();
    drop(big);
    let (out, took) = timed(d.path(), &["inspect", "huge.vkey"]);
    assert_eq!(
        stderr_of(&out),
        "Command failed: inspect\nError: huge.vkey: cannot read the file: it is more than 65536 bytes, far larger than any key, counter, certificate or metadata file; is it the right file?\n"
    );
    assert!(took < Duration::from_secs(5), "{took:?}");
}

#[cfg(unix)]
#[test]
fn a_fifo_with_no_writer_does_not_hang() {
    let d = TempDir::new().unwrap();
    issued_pool(d.path(), 0, 0);
    mkfifo(&d.path().join("pipe"));
    let (out, took) = timed(
        d.path(),
        &["stake-pool", "id", "--cold-verification-key-file", "pipe"],
    );
    assert_eq!(
        stderr_of(&out),
        "Command failed: stake-pool id\nError: pipe: cannot read the file: nothing arrived within 5 seconds: it is a named pipe with no writer (give a regular file, or start the program that writes it)\n"
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(took < PIPE_WAIT + MARGIN, "{took:?}");
    // kes status waits no longer than its own timeout for the pipe, and calls it unreadable.
    let (out, took) = timed(
        d.path(),
        &[
            "kes",
            "status",
            "--op-cert-file",
            "pipe",
            "--op-cert-file",
            "node.opcert",
            "--mainnet",
            "--timeout-seconds",
            "1",
        ],
    );
    assert_eq!(out.status.code(), Some(3), "{}", stderr_of(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.starts_with("unreadable    pipe: cannot read the file: nothing arrived within 1 second: it is a named pipe with no writer (give a regular file, or start the program that writes it)\nexpired       node.opcert: "),
        "{text}"
    );
    assert!(took < Duration::from_secs(1) + MARGIN, "{took:?}");
    // A pipe that is written is read as before.
    let writer_path = d.path().join("pipe");
    let key = read(&d.path().join("cold.vkey"));
    let writer = std::thread::Builder::new()
        .name("pipe writer".to_owned())
        .spawn(move || std::fs::write(writer_path, key).unwrap())
        .unwrap();
    let through_pipe = ok(
        d.path(),
        &["stake-pool", "id", "--cold-verification-key-file", "pipe"],
    );
    writer.join().unwrap();
    let from_file = ok(
        d.path(),
        &[
            "stake-pool",
            "id",
            "--cold-verification-key-file",
            "cold.vkey",
        ],
    );
    assert_eq!(through_pipe, from_file);
}

#[cfg(unix)]
#[test]
fn process_substitution_still_works() {
    let d = TempDir::new().unwrap();
    issued_pool(d.path(), 0, 0);
    let bash = |script: &str| {
        Command::new("bash")
            .arg("-c")
            .arg(script)
            .arg(env!("CARGO_BIN_EXE_pool-console"))
            .current_dir(d.path())
            .output()
            .unwrap()
    };
    let out = bash(r#""$0" inspect <(cat cold.vkey)"#);
    assert!(out.status.success(), "{}", stderr_of(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("/dev/fd/"), "{text}");
    assert!(
        text.contains(": Stake pool cold verification key\n"),
        "{text}"
    );
    let out = bash(r#""$0" stake-pool id --cold-verification-key-file <(cat cold.vkey)"#);
    assert!(out.status.success(), "{}", stderr_of(&out));
    let from_file = ok(
        d.path(),
        &[
            "stake-pool",
            "id",
            "--cold-verification-key-file",
            "cold.vkey",
        ],
    );
    assert_eq!(out.stdout, from_file);
    // And a signing key through a pipe, as `<(gpg -d cold.skey.gpg)` would give it.
    let out = bash(
        r#""$0" node issue-op-cert --allow-distant-kes-period --kes-verification-key-file kes.vkey --cold-signing-key-file <(cat cold.skey) --operational-certificate-issue-counter-file cold.counter --kes-period 0 --out-file again.opcert"#,
    );
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(d.path().join("again.opcert").is_file());
}

#[cfg(target_os = "linux")]
#[test]
fn a_closed_or_full_stdout_is_an_error() {
    let d = TempDir::new().unwrap();
    issued_pool(d.path(), 0, 0);
    let id = [
        "stake-pool",
        "id",
        "--cold-verification-key-file",
        "cold.vkey",
    ];
    let run_to = |args: &[&str], stdout: Stdio| {
        Command::new(env!("CARGO_BIN_EXE_pool-console"))
            .args(args)
            .current_dir(d.path())
            .stdout(stdout)
            .stderr(Stdio::piped())
            .output()
            .unwrap()
    };
    let full = || {
        std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap()
    };
    let out = run_to(&id, full().into());
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr_of(&out),
        "Command failed: stake-pool id\nError: cannot write to standard output: No space left on device (os error 28)\n"
    );
    // A pipe whose reader is gone (`| head -c0`): EPIPE, not exit 0 and not a panic.
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let out = run_to(&id, writer.into());
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr_of(&out),
        "Command failed: stake-pool id\nError: cannot write to standard output: Broken pipe (os error 32)\n"
    );
    // Longer outputs and help text too.
    let out = run_to(&["inspect", "cold.vkey", "node.opcert"], full().into());
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr_of(&out),
        "Command failed: inspect\nError: cannot write to standard output: No space left on device (os error 28)\n"
    );
    let out = run_to(&["--help"], full().into());
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr_of(&out),
        "cannot write to standard output: No space left on device (os error 28)\n"
    );
}

/// A regular file whose read never ends (`/proc/kmsg` waits for the kernel's next message)
/// is given up at the read deadline, as a pipe is: it hung `inspect` and `kes status` for
/// ever. Opening it needs root (CAP_SYSLOG); elsewhere the test says so and passes.
#[cfg(target_os = "linux")]
#[test]
fn a_file_whose_read_never_ends_does_not_hang() {
    let kmsg = "/proc/kmsg";
    if std::fs::File::open(kmsg).is_err() {
        eprintln!("skipped: {kmsg} is missing or not readable here (CI runs this as root)");
        return;
    }
    let d = TempDir::new().unwrap();
    issued_pool(d.path(), 0, 0);
    let endless = |n: &str, unit: &str, what: &str| {
        format!("/proc/kmsg: cannot read the file: its reading did not end within {n} {unit}: it is a special file that never ends (like /proc/kmsg), or its disk or network share stopped answering; give the name of a {what}")
    };
    // Kernel messages nobody had read come first (over 64 KiB of them are refused at the
    // cap); once they are read, the read blocks.
    let too_large = "Command failed: inspect\nError: /proc/kmsg: cannot read the file: it is more than 65536 bytes, far larger than any key, counter, certificate or metadata file; is it the right file?\n";
    let mut ended = false;
    for _ in 0..3 {
        let (out, took) = timed(d.path(), &["inspect", kmsg]);
        let err = stderr_of(&out);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(took < PIPE_WAIT + MARGIN, "{took:?}");
        if err == too_large {
            continue;
        }
        assert_eq!(
            err,
            format!(
                "Command failed: inspect\nError: {}\n",
                endless("5", "seconds", "key, counter, certificate or metadata file")
            )
        );
        ended = true;
        break;
    }
    assert!(
        ended,
        "{kmsg} never blocked: the kernel logs too fast to test"
    );
    // kes status keeps its promise: it ends within its own timeout, and says why.
    let (out, took) = timed(
        d.path(),
        &[
            "kes",
            "status",
            "--op-cert-file",
            kmsg,
            "--op-cert-file",
            "node.opcert",
            "--mainnet",
            "--timeout-seconds",
            "1",
        ],
    );
    assert_eq!(out.status.code(), Some(3), "{}", stderr_of(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.starts_with(&format!(
            "unreadable    {}\nexpired       node.opcert: ",
            endless("1", "second", "cardano-cli text envelope file")
        )),
        "{text}"
    );
    assert!(took < Duration::from_secs(1) + MARGIN, "{took:?}");
}

/// Standard output closed (`>&-`): Rust's runtime reopens it on /dev/null, so the output
/// was lost and the command exited 0. It is refused before the command runs (nothing is
/// written either), with `kes status`'s own code for "cannot tell"; a deliberate
/// `> /dev/null` still works.
#[cfg(target_os = "linux")]
#[test]
fn a_closed_stdout_is_refused_before_the_command_runs() {
    let d = TempDir::new().unwrap();
    issued_pool(d.path(), 0, 0);
    let bash = |script: &str| {
        Command::new("bash")
            .arg("-c")
            .arg(script)
            .arg(env!("CARGO_BIN_EXE_pool-console"))
            .current_dir(d.path())
            .output()
            .unwrap()
    };
    let closed = |command: &str| {
        format!("Command failed: {command}\nError: cannot write to standard output: it is closed\n")
    };
    let out = bash(r#""$0" kes period --mainnet >&-"#);
    assert_eq!(stderr_of(&out), closed("kes period"));
    assert_eq!(out.status.code(), Some(1));
    let out = bash(r#""$0" --help >&-"#);
    assert_eq!(
        stderr_of(&out),
        "cannot write to standard output: it is closed\n"
    );
    assert_eq!(out.status.code(), Some(1));
    let out = bash(r#""$0" kes status --op-cert-file node.opcert --mainnet >&-"#);
    assert_eq!(stderr_of(&out), closed("kes status"));
    assert_eq!(out.status.code(), Some(3));
    // A command that writes only files does not run either.
    let out = bash(
        r#""$0" node key-gen-VRF --verification-key-file vrf.vkey --signing-key-file vrf.skey >&-"#,
    );
    assert_eq!(stderr_of(&out), closed("node key-gen-VRF"));
    assert_eq!(out.status.code(), Some(1));
    assert!(!d.path().join("vrf.skey").exists());
    // Output thrown away on purpose is not a closed output.
    let out = bash(r#""$0" kes period --mainnet > /dev/null"#);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(stderr_of(&out), "");
}
