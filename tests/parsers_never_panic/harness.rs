//! The time budget, the golden files, and the edits that damage them.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::OnceLock;
use std::time::Duration;

use pool_console::core::encoding::envelope::TextEnvelope;
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::TestCaseError;

/// Longest any single parser call may take. Real inputs take microseconds; a debug build on a
/// busy machine still stays far below this, so only a loop (or a blow-up) reaches it.
pub const BUDGET: Duration = Duration::from_secs(5);

/// Cases per property: enough to reach every branch of the small parsers many times over while
/// the whole file runs in seconds in a debug build. `PROPTEST_CASES=20000` searches deeper.
pub fn config(cases: u32) -> ProptestConfig {
    let default = ProptestConfig::default();
    let deeper = std::env::var_os("PROPTEST_CASES").is_some();
    ProptestConfig {
        cases: if deeper { default.cases } else { cases },
        // A failure found is reported shrunk; shrinking a hang costs a budget per step.
        max_shrink_iters: 2048,
        ..ProptestConfig::default()
    }
}

/// Runs `f` on a thread named after `what` and fails the case if it panics or has not returned
/// within [`BUDGET`] (the thread of a hang is left behind; the test fails anyway).
pub fn bounded<T: Send + 'static>(
    what: &str,
    f: impl FnOnce() -> T + Send + 'static,
) -> Result<T, TestCaseError> {
    bounded_within(BUDGET, what, f)
}

/// [`bounded`] with another budget.
pub fn bounded_within<T: Send + 'static>(
    budget: Duration,
    what: &str,
    f: impl FnOnce() -> T + Send + 'static,
) -> Result<T, TestCaseError> {
    let (tx, rx) = mpsc::channel();
    let handle = std::thread::Builder::new()
        .name(format!("never-panic: {what}"))
        .spawn(move || {
            // The receiver is gone only after a timeout, which has failed the case already.
            let _ = tx.send(f());
        })
        .map_err(|e| TestCaseError::fail(format!("cannot start a thread for {what}: {e}")))?;
    match rx.recv_timeout(budget) {
        Ok(value) => {
            let _ = handle.join();
            Ok(value)
        }
        Err(RecvTimeoutError::Timeout) => Err(TestCaseError::fail(format!(
            "{what} did not return within {budget:?}: it loops (or is far too slow)"
        ))),
        Err(RecvTimeoutError::Disconnected) => {
            let why = match handle.join() {
                Err(payload) => payload
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| payload.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                    .unwrap_or_else(|| "a panic without a message".to_owned()),
                Ok(()) => "its thread ended without an answer".to_owned(),
            };
            Err(TestCaseError::fail(format!("{what} panicked: {why}")))
        }
    }
}

/// Every golden file, read once.
pub struct Corpus {
    /// Every file under `tests/data/cardano-cli/` (but the manifest), as bytes.
    pub files: Vec<Vec<u8>>,
    /// The files that are text envelopes.
    pub envelopes: Vec<Vec<u8>>,
    /// The CBOR of every envelope, of every `*.cbor.hex` file and of every relay in
    /// `relays.json`.
    pub cbor: Vec<Vec<u8>>,
    /// The CBOR of the certificate envelopes.
    pub certificates: Vec<Vec<u8>>,
    /// The certificate envelopes.
    pub certificate_files: Vec<Vec<u8>>,
    /// Opcert and issue counter envelopes.
    pub opcert_files: Vec<Vec<u8>>,
    /// The CBOR of the relays in `relays.json`.
    pub relays: Vec<Vec<u8>>,
    /// Files that hold a key (envelope or bech32) or a short text line (address, hex, bech32).
    pub keys: Vec<Vec<u8>>,
    /// Transaction files (envelopes) and the bare body as hex.
    pub transactions: Vec<Vec<u8>>,
    /// Witness envelopes.
    pub witnesses: Vec<Vec<u8>>,
}

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/cardano-cli")
}

fn walk(dir: &Path, out: &mut Vec<(PathBuf, Vec<u8>)>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            walk(&path, out);
        } else if path.extension().is_none_or(|e| e != "md") {
            let bytes = std::fs::read(&path).unwrap();
            out.push((path, bytes));
        }
    }
}

pub fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let mut all = Vec::new();
        walk(&data_dir(), &mut all);
        let mut c = Corpus {
            files: Vec::new(),
            envelopes: Vec::new(),
            cbor: Vec::new(),
            certificates: Vec::new(),
            certificate_files: Vec::new(),
            opcert_files: Vec::new(),
            relays: Vec::new(),
            keys: Vec::new(),
            transactions: Vec::new(),
            witnesses: Vec::new(),
        };
        for (path, bytes) in all {
            let name = path.to_string_lossy().into_owned();
            if name.ends_with(".cbor.hex") {
                let hex = String::from_utf8_lossy(&bytes).trim().to_owned();
                c.cbor.push(hex::decode(&hex).unwrap());
                c.transactions.push(bytes.clone());
            } else if name.ends_with("relays.json") {
                let list: Vec<serde_json::Value> = serde_json::from_slice(&bytes).unwrap();
                for relay in list {
                    let hex = relay["relay_cbor_hex"].as_str().unwrap();
                    let cbor = hex::decode(hex).unwrap();
                    c.relays.push(cbor.clone());
                    c.cbor.push(cbor);
                }
            }
            if let Ok(env) = TextEnvelope::parse(&bytes) {
                let ty = env.type_name.as_str();
                let cbor = env.cbor.expose().to_vec();
                if ty.starts_with("Certificate") {
                    c.certificates.push(cbor.clone());
                    c.certificate_files.push(bytes.clone());
                } else if ty.starts_with("NodeOperationalCertificate") {
                    c.opcert_files.push(bytes.clone());
                } else if ty.starts_with("TxWitness ") {
                    c.witnesses.push(bytes.clone());
                } else if ty.contains("Tx ") {
                    c.transactions.push(bytes.clone());
                } else if ty.contains("Key") {
                    c.keys.push(bytes.clone());
                }
                c.cbor.push(cbor);
                c.envelopes.push(bytes.clone());
            } else if bytes.len() < 200 && !bytes.starts_with(b"{") && !bytes.starts_with(b"[") {
                c.keys.push(bytes.clone());
            }
            c.files.push(bytes);
        }
        for (what, set) in [
            ("files", &c.files),
            ("envelopes", &c.envelopes),
            ("certificates", &c.certificates),
            ("certificate files", &c.certificate_files),
            ("opcert files", &c.opcert_files),
            ("relays", &c.relays),
            ("keys", &c.keys),
            ("transactions", &c.transactions),
            ("witnesses", &c.witnesses),
        ] {
            assert!(set.len() >= 2, "the corpus has too few {what}");
        }
        c
    })
}

/// One change to a file.
#[derive(Debug, Clone)]
pub enum Edit {
    Flip(Index, u8),
    Set(Index, u8),
    Insert(Index, u8),
    Delete(Index),
    /// Cut the file at a point.
    Truncate(Index),
    /// Repeat a stretch (up to 64 bytes) where it stands: deeper nesting, longer lists.
    Repeat(Index, u8),
}

/// Bytes that mean something in CBOR heads or in JSON and numbers, more likely than others.
fn byte() -> impl Strategy<Value = u8> {
    prop_oneof![
        any::<u8>(),
        prop::sample::select(
            b"{}[]\":,.-+eE0123456789abcdef \n\\%/_\x00\x18\x19\x1a\x1b\x1f\x5f\x7f\x9f\xbf\xff\xc2\xd8\xf6"
                .to_vec()
        ),
    ]
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        3 => (any::<Index>(), 0u8..8).prop_map(|(i, bit)| Edit::Flip(i, 1 << bit)),
        3 => (any::<Index>(), byte()).prop_map(|(i, b)| Edit::Set(i, b)),
        2 => (any::<Index>(), byte()).prop_map(|(i, b)| Edit::Insert(i, b)),
        2 => any::<Index>().prop_map(Edit::Delete),
        1 => any::<Index>().prop_map(Edit::Truncate),
        1 => (any::<Index>(), 1u8..64).prop_map(|(i, n)| Edit::Repeat(i, n)),
    ]
}

pub fn apply(mut bytes: Vec<u8>, edits: &[Edit]) -> Vec<u8> {
    for e in edits {
        let len = bytes.len();
        if len == 0 {
            if let Edit::Insert(_, b) | Edit::Set(_, b) = e {
                bytes.push(*b);
            }
            continue;
        }
        match e {
            Edit::Flip(i, mask) => {
                if let Some(b) = bytes.get_mut(i.index(len)) {
                    *b ^= mask;
                }
            }
            Edit::Set(i, v) => {
                if let Some(b) = bytes.get_mut(i.index(len)) {
                    *b = *v;
                }
            }
            Edit::Insert(i, v) => bytes.insert(i.index(len + 1), *v),
            Edit::Delete(i) => {
                bytes.remove(i.index(len));
            }
            Edit::Truncate(i) => bytes.truncate(i.index(len)),
            Edit::Repeat(i, n) => {
                let start = i.index(len);
                let end = (start + usize::from(*n)).min(len);
                let stretch: Vec<u8> = bytes.get(start..end).unwrap_or_default().to_vec();
                let at = end;
                bytes.splice(at..at, stretch);
            }
        }
    }
    bytes
}

/// A few edits (one most often: a parser then gets far into a file that is nearly right).
fn edits() -> impl Strategy<Value = Vec<Edit>> {
    prop_oneof![
        3 => prop::collection::vec(edit(), 1..2),
        2 => prop::collection::vec(edit(), 2..4),
        1 => prop::collection::vec(edit(), 4..9),
    ]
}

/// A file of `seeds`, damaged.
pub fn mutated(seeds: &[Vec<u8>]) -> impl Strategy<Value = Vec<u8>> {
    (prop::sample::select(seeds.to_vec()), edits()).prop_map(|(seed, e)| apply(seed, &e))
}

/// A file of `seeds` damaged as it is, or, for an envelope, with its CBOR damaged inside
/// intact JSON, so the damage reaches the decoder of the payload.
pub fn damaged_inside(seeds: &[Vec<u8>]) -> impl Strategy<Value = Vec<u8>> {
    let envelopes: Vec<(String, String, Vec<u8>)> = seeds
        .iter()
        .filter_map(|s| TextEnvelope::parse(s).ok())
        .map(|env| (env.type_name, env.description, env.cbor.expose().to_vec()))
        .collect();
    assert!(!envelopes.is_empty(), "no envelope among the seeds");
    prop_oneof![
        (prop::sample::select(envelopes), edits()).prop_map(|((ty, description, cbor), e)| {
            let env = TextEnvelope::new(&ty, &description, apply(cbor, &e));
            env.render().expose().to_vec()
        }),
        mutated(seeds),
    ]
}

/// Like [`mutated`], for text parsers: the damaged bytes read as UTF-8, invalid bytes replaced.
pub fn mutated_text(seeds: &[&str]) -> impl Strategy<Value = String> {
    let seeds: Vec<Vec<u8>> = seeds.iter().map(|s| s.as_bytes().to_vec()).collect();
    mutated(&seeds).prop_map(|b| String::from_utf8_lossy(&b).into_owned())
}

/// Arbitrary bytes, short enough to keep cases fast.
pub fn bytes() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(any::<u8>(), 0..512)
}

/// Arbitrary text: any characters, and text made of the characters parsers look for.
pub fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[ -~]{0,80}",
        "[0-9./%eE+ _,-]{0,40}",
        "[\\[\\]{}\":,0-9a-z_ \n-]{0,120}",
    ]
}

/// The fixed "now" the clock properties use (2026-01-01T00:00:00Z).
pub fn now() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp(1_767_225_600, 0).unwrap()
}

/// The budget itself can fail a case: a panic and a call that does not return are both caught.
#[test]
fn the_budget_catches_a_panic_and_a_hang() {
    let panicked = bounded("a parser that panics", || -> u8 {
        panic!("index out of bounds")
    });
    let message = panicked.unwrap_err().to_string();
    assert!(
        message.contains("panicked: index out of bounds"),
        "{message}"
    );
    let hung = bounded_within(Duration::from_millis(20), "a parser that hangs", || {
        std::thread::sleep(Duration::from_millis(400));
    });
    let message = hung.unwrap_err().to_string();
    assert!(message.contains("did not return within 20ms"), "{message}");
    assert_eq!(bounded("a parser that returns", || 7).unwrap(), 7);
}
