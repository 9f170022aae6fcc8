//! Every input Pool Console reads goes through here. The promises (docs/SECURITY.md):
//!
//! - A byte cap per kind of input, applied while reading: at most cap + 1 bytes are ever
//!   read, whatever the metadata says (it says 0 for devices, pipes and `/proc` files).
//! - The bytes land in a buffer that is wiped on drop, and so does every buffer they passed
//!   through on the way (no reallocation leaves a copy behind).
//! - Every read has a deadline, from the opening of the file to its last byte: a pipe with
//!   no writer, or a regular file whose read never ends (`/proc/kmsg` waits for the kernel's
//!   next message; a network share may stop answering), ends the command with a message
//!   instead of hanging it. Process substitution (`<(cat f)`, i.e. `/dev/fd/63`) is a pipe,
//!   and keeps working.
//! - Folders, sockets and disks are refused before anything is opened; an endless device
//!   (`/dev/zero`, `/dev/urandom`) is refused by name once it passes the cap.

use std::fs::{self, File};
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant};

use zeroize::Zeroizing;

use super::files::FileError;
use super::target::shown;
use crate::core::keys::secret::SecretBytes;

/// What an input is: its size cap, and what the message calls it when a file is larger.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Input {
    pub cap: u64,
    pub what: &'static str,
}

const KIB: u64 = 1024;
const MIB: u64 = 1024 * KIB;

/// Keys, counters, opcerts, certificates, witnesses and metadata are under 4 KiB; a Plutus
/// script fits in a 16 KiB transaction, so its envelope stays under 40 KiB. The default.
pub const POOL_FILE: Input = Input {
    cap: 64 * KIB,
    what: "key, counter, certificate or metadata file",
};
/// A key file (text envelope or bech32 text).
pub const KEY: Input = Input {
    cap: 64 * KIB,
    what: "key file",
};
/// A passphrase file: only its first line is used.
pub const PASSPHRASE: Input = Input {
    cap: 4 * KIB,
    what: "passphrase file",
};
/// A recovery phrase: 24 words of at most 8 letters fit in 216 bytes; the cap allows notes
/// of spacing and line breaks, and says so plainly for anything larger.
pub const RECOVERY_PHRASE: Input = Input {
    cap: 4 * KIB,
    what: "recovery phrase file",
};
/// Pool metadata: at most 512 bytes on chain; the cap leaves room to say so precisely.
pub const METADATA: Input = Input {
    cap: 64 * KIB,
    what: "pool metadata file",
};
/// Aion pool metadata: under 1 MiB by its rules; the cap leaves room to say so precisely.
pub const AION_METADATA: Input = Input {
    cap: 2 * MIB,
    what: "Aion pool metadata file",
};
/// Any text envelope, a transaction included: 16 KiB on chain, more with witnesses.
pub const ENVELOPE: Input = Input {
    cap: MIB,
    what: "cardano-cli text envelope file",
};
/// A transaction: its envelope, or raw CBOR in binary or hex.
pub const TRANSACTION: Input = Input {
    cap: MIB,
    what: "transaction file",
};
/// A governance anchor document (a CIP-100 rationale, a proposal's text): usually a few KiB,
/// rarely more than a few hundred; hashed whole.
pub const ANCHOR_DATA: Input = Input {
    cap: 16 * MIB,
    what: "governance anchor document",
};
/// A pool plan: a page of JSON.
pub const PLAN: Input = Input {
    cap: MIB,
    what: "pool plan file",
};
/// The saved output of `query kes-period-info`.
pub const KES_PERIOD_INFO: Input = Input {
    cap: 64 * KIB,
    what: "kes-period-info JSON file",
};
/// Genesis files: mainnet's Byron genesis is about 1 MiB, test networks' a few MiB.
pub const GENESIS: Input = Input {
    cap: 32 * MIB,
    what: "genesis file",
};
/// The rotation journal: one line of about 300 bytes per opcert ever issued.
pub const JOURNAL: Input = Input {
    cap: 16 * MIB,
    what: "rotation journal",
};

/// How long any input may take to deliver everything, from its opening to its last byte: a
/// pipe, terminal or other stream, and a regular file too (32 MiB, the largest cap, takes
/// well under a second from any disk).
pub const PIPE_WAIT: Duration = Duration::from_secs(5);

/// Why [`read_regular`] refuses a stream.
const NOT_REGULAR: &str =
    "it is a named pipe or a device, not a regular file; give the name of a file";

/// Bytes read at a time: a stack chunk, wiped after use.
const CHUNK: usize = 8 * 1024;

fn failure(path: &Path, reason: impl Into<String>) -> FileError {
    FileError::Read {
        path: shown(path),
        reason: reason.into(),
    }
}

pub fn describe_io(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file".to_owned(),
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => e.to_string(),
    }
}

/// Reads a pool file (the [`POOL_FILE`] cap, [`PIPE_WAIT`] for pipes).
pub fn read(path: &Path) -> Result<SecretBytes, FileError> {
    read_input(path, POOL_FILE)
}

/// Reads one input of this kind, waiting at most [`PIPE_WAIT`] on a pipe.
pub fn read_input(path: &Path, input: Input) -> Result<SecretBytes, FileError> {
    read_input_within(path, input, PIPE_WAIT)
}

/// Reads one input of this kind; the whole read, of a file or a stream, may take at most
/// `wait`.
pub fn read_input_within(
    path: &Path,
    input: Input,
    wait: Duration,
) -> Result<SecretBytes, FileError> {
    read_checked(path, input, wait, true)
}

/// Reads one input of this kind only when it is a regular file (or a link to one): for
/// reads nobody asked for by name, such as a form checked on every frame, which must never
/// wait on a pipe (a regular file whose read does not end is given up after [`PIPE_WAIT`]).
pub fn read_regular(path: &Path, input: Input) -> Result<SecretBytes, FileError> {
    read_checked(path, input, PIPE_WAIT, false)
}

fn read_checked(
    path: &Path,
    input: Input,
    wait: Duration,
    streams: bool,
) -> Result<SecretBytes, FileError> {
    let meta = fs::metadata(path).map_err(|e| failure(path, describe_io(&e)))?;
    let stream = match Source::of(&meta.file_type()) {
        Source::Refused(reason) => return Err(failure(path, reason)),
        Source::Regular => None,
        Source::Stream(_) if !streams => return Err(failure(path, NOT_REGULAR)),
        Source::Stream(s) => Some(s),
    };
    let deadline = Instant::now().checked_add(wait);
    let (tx, rx) = mpsc::channel();
    let owned = path.to_path_buf();
    let cap = input.cap;
    std::thread::Builder::new()
        .name(format!("read {}", shown(path)))
        .spawn(move || open_and_read(&owned, cap, &tx))
        .map_err(|e| failure(path, format!("cannot start the reading thread: {e}")))?;
    // The open may block (a pipe with no writer), and so may any read: a stream's, and a
    // regular file's too (`/proc/kmsg` blocks until the kernel logs again), so the deadline
    // covers the whole read. If the caller stops waiting, the thread's bytes are dropped
    // (and wiped) when it ends.
    let mut opened = None;
    let outcome = loop {
        let event = match deadline {
            Some(d) => rx.recv_timeout(d.saturating_duration_since(Instant::now())),
            None => rx.recv().map_err(|_| RecvTimeoutError::Disconnected),
        };
        match event {
            // Replaced by a pipe or device between the look and the open.
            Ok(Event::Opened(Source::Stream(_))) if !streams => {
                return Err(failure(path, NOT_REGULAR))
            }
            Ok(Event::Opened(s)) => opened = Some(s),
            Ok(Event::Done(result)) => break result,
            Err(RecvTimeoutError::Timeout) => {
                let stream = stream.or(opened.and_then(Source::stream));
                let reason = match (stream, opened) {
                    (None, Some(Source::Regular)) => endless_file(input, wait),
                    _ => timed_out(stream, wait),
                };
                return Err(failure(path, reason));
            }
            Err(RecvTimeoutError::Disconnected) => {
                return Err(failure(path, "the reading thread stopped unexpectedly"))
            }
        }
    };
    match outcome {
        Ok(mut buf) => Ok(SecretBytes::new(std::mem::take(&mut *buf))),
        Err(Failed::TooLarge) => Err(failure(
            path,
            too_large(input, stream.or(opened.and_then(Source::stream))),
        )),
        Err(Failed::Refused(reason)) => Err(failure(path, reason)),
        Err(Failed::Io(e)) => Err(failure(path, describe_io(&e))),
    }
}

/// The regular files directly in `dir` (links followed to regular files only; no pipes,
/// devices, sockets or folders), sorted, or why the folder cannot be listed.
pub fn regular_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let entries =
        fs::read_dir(dir).map_err(|e| format!("{}: cannot open the folder: {e}", dir.display()))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| match fs::symlink_metadata(p) {
            Ok(m) if m.file_type().is_symlink() => fs::metadata(p).is_ok_and(|t| t.is_file()),
            Ok(m) => m.file_type().is_file(),
            Err(_) => false,
        })
        .collect();
    files.sort();
    Ok(files)
}

/// The folders directly inside `dir` (not following symlinks), sorted; none when it cannot be
/// read.
pub fn sub_folders(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut folders: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .map(|e| e.path())
        .collect();
    folders.sort();
    folders
}

/// What a path is, from its metadata.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    Regular,
    Stream(Stream),
    Refused(&'static str),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stream {
    Pipe,
    Device,
    Other,
}

impl Source {
    fn of(ft: &fs::FileType) -> Self {
        if ft.is_dir() {
            return Self::Refused("it is a folder, not a file");
        }
        if ft.is_file() {
            return Self::Regular;
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            if ft.is_fifo() {
                return Self::Stream(Stream::Pipe);
            }
            if ft.is_socket() {
                return Self::Refused("it is a socket, not a file; give the name of a file");
            }
            if ft.is_block_device() {
                return Self::Refused(
                    "it is a disk or partition (a block device), not a file; give the name of a file",
                );
            }
            if ft.is_char_device() {
                return Self::Stream(Stream::Device);
            }
        }
        Self::Stream(Stream::Other)
    }

    fn stream(self) -> Option<Stream> {
        match self {
            Self::Stream(s) => Some(s),
            _ => None,
        }
    }
}

fn too_large(input: Input, stream: Option<Stream>) -> String {
    match stream {
        Some(Stream::Device) => format!(
            "it is a device that never ends (like /dev/zero or /dev/urandom), not a file; give the name of a {}",
            input.what
        ),
        _ => format!(
            "it is more than {} bytes, far larger than any {}; is it the right file?",
            input.cap, input.what
        ),
    }
}

fn timed_out(stream: Option<Stream>, wait: Duration) -> String {
    let within = within(wait);
    match stream {
        Some(Stream::Pipe) | None => format!(
            "nothing arrived within {within}: it is a named pipe with no writer (give a regular file, or start the program that writes it)"
        ),
        Some(Stream::Device | Stream::Other) => format!(
            "nothing arrived within {within}: it is a device or stream, not a file (give the name of a file)"
        ),
    }
}

/// A regular file, open, whose read did not end in time.
fn endless_file(input: Input, wait: Duration) -> String {
    format!(
        "its reading did not end within {}: it is a special file that never ends (like /proc/kmsg), or its disk or network share stopped answering; give the name of a {}",
        within(wait),
        input.what
    )
}

/// "5 seconds", "1 second", "0.3 seconds".
fn within(wait: Duration) -> String {
    let n = seconds(wait);
    let unit = if n == "1" { "second" } else { "seconds" };
    format!("{n} {unit}")
}

/// A wait as an operator reads it: "5", or "0.5" below a whole second.
fn seconds(wait: Duration) -> String {
    if wait.subsec_millis() == 0 {
        wait.as_secs().to_string()
    } else {
        format!("{:.1}", wait.as_secs_f64())
    }
}

/// What the reading thread reports.
enum Event {
    /// The file is open; what it turned out to be (it may have changed since the check).
    Opened(Source),
    Done(Result<Zeroizing<Vec<u8>>, Failed>),
}

enum Failed {
    TooLarge,
    Refused(&'static str),
    Io(io::Error),
}

/// Runs on the reading thread: may block for ever (a pipe with no writer, `/proc/kmsg`),
/// which is why it is not the caller's thread. A send fails only when the caller stopped waiting.
fn open_and_read(path: &Path, cap: u64, tx: &mpsc::Sender<Event>) {
    let result = (|| {
        let file = File::open(path).map_err(Failed::Io)?;
        let meta = file.metadata().map_err(Failed::Io)?;
        let source = Source::of(&meta.file_type());
        let _ = tx.send(Event::Opened(source));
        if let Source::Refused(reason) = source {
            return Err(Failed::Refused(reason));
        }
        let hint = if source == Source::Regular {
            meta.len()
        } else {
            0
        };
        read_capped(file, cap, hint)
    })();
    let _ = tx.send(Event::Done(result));
}

/// Reads at most `cap` bytes (cap + 1 are asked for, to tell "exactly cap" from "more").
/// Every buffer the bytes touch is wiped: the chunk, and each smaller buffer left behind
/// when the result grows.
fn read_capped(file: File, cap: u64, hint: u64) -> Result<Zeroizing<Vec<u8>>, Failed> {
    let mut reader = file.take(cap.saturating_add(1));
    let limit = usize::try_from(cap).unwrap_or(usize::MAX);
    let first = usize::try_from(hint.min(cap))
        .unwrap_or(limit)
        .saturating_add(1)
        .max(CHUNK);
    let mut buf = Zeroizing::new(Vec::with_capacity(first.min(limit.saturating_add(1))));
    let mut chunk = Zeroizing::new([0u8; CHUNK]);
    loop {
        let n = match reader.read(&mut chunk[..]) {
            Ok(0) => return Ok(buf),
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(Failed::Io(e)),
        };
        let got = chunk.get(..n).unwrap_or_default();
        if buf.len().saturating_add(n) > limit {
            return Err(Failed::TooLarge);
        }
        if buf.capacity() - buf.len() < n {
            let wanted = buf
                .capacity()
                .saturating_mul(2)
                .max(buf.len() + n)
                .min(limit.saturating_add(1));
            let mut bigger = Zeroizing::new(Vec::with_capacity(wanted));
            bigger.extend_from_slice(&buf);
            buf = bigger;
        }
        buf.extend_from_slice(got);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason(e: FileError) -> String {
        match e {
            FileError::Read { reason, .. } => reason,
            other => panic!("not a read error: {other}"),
        }
    }

    #[test]
    fn reads_a_file_up_to_its_cap() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        let cap = Input {
            cap: 20_000,
            what: "thing",
        };
        fs::write(&path, vec![7u8; 20_000]).unwrap();
        assert_eq!(read_input(&path, cap).unwrap().expose(), &[7u8; 20_000][..]);
        fs::write(&path, vec![7u8; 20_001]).unwrap();
        assert_eq!(
            reason(read_input(&path, cap).unwrap_err()),
            "it is more than 20000 bytes, far larger than any thing; is it the right file?"
        );
        fs::write(&path, b"").unwrap();
        assert!(read_input(&path, cap).unwrap().is_empty());
    }

    #[test]
    fn missing_and_folder() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            reason(read(&dir.path().join("nope")).unwrap_err()),
            "no such file"
        );
        assert_eq!(
            reason(read(dir.path()).unwrap_err()),
            "it is a folder, not a file"
        );
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn endless_devices_are_refused() {
        for dev in ["/dev/zero", "/dev/urandom"] {
            assert_eq!(
                reason(read(Path::new(dev)).unwrap_err()),
                "it is a device that never ends (like /dev/zero or /dev/urandom), not a file; give the name of a key, counter, certificate or metadata file"
            );
        }
        assert!(read(Path::new("/dev/null")).unwrap().is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn a_pipe_with_no_writer_times_out() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        let start = Instant::now();
        let e = read_input_within(&fifo, POOL_FILE, Duration::from_millis(300)).unwrap_err();
        assert!(start.elapsed() < Duration::from_secs(2));
        assert_eq!(reason(e), "nothing arrived within 0.3 seconds: it is a named pipe with no writer (give a regular file, or start the program that writes it)");
    }

    #[cfg(unix)]
    #[test]
    fn a_pipe_with_a_writer_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        let writer = fifo.clone();
        let t = std::thread::Builder::new()
            .name("test writer".to_owned())
            .spawn(move || fs::write(writer, b"hello").unwrap())
            .unwrap();
        assert_eq!(read(&fifo).unwrap().expose(), b"hello");
        t.join().unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn read_regular_never_waits_on_a_pipe() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        let start = Instant::now();
        assert_eq!(reason(read_regular(&fifo, KEY).unwrap_err()), NOT_REGULAR);
        assert!(start.elapsed() < Duration::from_secs(1));
    }

    /// A stream larger than the first buffer grows it (the smaller copies wiped) to the end.
    #[cfg(unix)]
    #[test]
    fn a_long_pipe_is_read_whole() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        let data: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
        let (writer, sent) = (fifo.clone(), data.clone());
        let t = std::thread::Builder::new()
            .name("test writer".to_owned())
            .spawn(move || fs::write(writer, sent).unwrap())
            .unwrap();
        assert_eq!(read_input(&fifo, ENVELOPE).unwrap().expose(), &data[..]);
        t.join().unwrap();
    }

    #[test]
    fn seconds_are_shown_plainly() {
        assert_eq!(seconds(Duration::from_secs(5)), "5");
        assert_eq!(seconds(Duration::from_millis(1500)), "1.5");
    }
}
