//! Key-safety tests from an attack on messages: every way a secret typed on the command line
//! or held in a file could reach the terminal by accident, and control characters the first
//! pass missed.

use std::path::Path;

use super::common::*;
use tempfile::TempDir;

const HEX: &str = "7471c38de33d944639446955aa54b668e871d0c36feefbabf0748897d5916e94";
const HIDDEN: &str = "(a secret, not shown)";

fn sk() -> String {
    pool_console::core::encoding::bech32::encode("stake_sk", &[0x42; 32]).unwrap()
}

/// Runs and returns (exit code, stdout, stderr), asserting no piece of `secret` in either.
fn run_clean(dir: &Path, args: &[&str], secret: &str) -> (Option<i32>, String, String) {
    let out = run_in(dir, args);
    let (o, e) = (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    );
    let chars: Vec<char> = secret.chars().filter(|c| !c.is_whitespace()).collect();
    for piece in chars.windows(16) {
        let piece: String = piece.iter().collect();
        assert!(
            !o.contains(&piece) && !e.contains(&piece),
            "{args:?}: {piece} in\n{o}\n{e}"
        );
    }
    assert!(!e.contains("panicked"), "{e}");
    (out.status.code(), o, e)
}

#[test]
fn secrets_on_the_command_line_are_never_echoed_by_accident() {
    let d = TempDir::new().unwrap();
    issued_pool(d.path(), 0, 0);
    let sk = sk();
    // The argument parser's own errors.
    let (code, _, err) = run_clean(d.path(), &["kes", "period", "--testnet-magic", &sk], &sk);
    assert_eq!(code, Some(1));
    assert!(
        err.contains(&format!("invalid value '{HIDDEN}' for '--testnet-magic")),
        "{err}"
    );
    let (_, _, err) = run_clean(d.path(), &["node", "key-gen", &sk], &sk);
    assert!(err.contains(HIDDEN), "{err}");
    // A whole key in a flag that takes words, and a key where a file name belongs.
    let (_, _, err) = run_clean(
        d.path(),
        &[
            "stake-pool",
            "id",
            "--cold-verification-key-file",
            "cold.vkey",
            "--output-format",
            HEX,
        ],
        HEX,
    );
    assert!(err.contains("--output-format (long hexadecimal that may be a secret key, not shown) is not a format"), "{err}");
    let (_, _, err) = run_clean(d.path(), &["inspect", HEX], HEX);
    assert_eq!(
        err,
        format!("Command failed: inspect\nError: {HIDDEN}: cannot read the file: no such file\n")
    );
    let (_, _, err) = run_clean(d.path(), &["inspect", &sk], &sk);
    assert!(
        err.contains(&format!("Error: {HIDDEN}: cannot read the file")),
        "{err}"
    );
    // Hex in groups, or on two lines.
    let two_lines = format!("{}\n{}", &HEX[..32], &HEX[32..]);
    let (code, _, _) = run_clean(
        d.path(),
        &[
            "stake-address",
            "key-hash",
            "--stake-verification-key",
            &two_lines,
        ],
        HEX,
    );
    assert_eq!(code, Some(1));
    // kes status: the line, its JSON and the closing error.
    for json in [false, true] {
        let mut args = vec![
            "kes",
            "status",
            "--mainnet",
            "--metrics-url",
            sk.as_str(),
            "--timeout-seconds",
            "1",
        ];
        if json {
            args.push("--output-json");
        }
        let (code, out, _) = run_clean(d.path(), &args, &sk);
        assert_eq!(code, Some(3));
        assert!(out.contains(HIDDEN), "{out}");
        if json {
            serde_json::from_str::<serde_json::Value>(&out).unwrap();
        }
    }
}

#[test]
fn secrets_inside_files_are_not_quoted_by_a_json_error() {
    let d = TempDir::new().unwrap();
    let plan = format!("{{\"format\": \"pool-console pool plan\", \"version\": \"{HEX}\"}}");
    std::fs::write(d.path().join("plan.json"), plan).unwrap();
    let (code, _, err) = run_clean(
        d.path(),
        &["plan", "check", "--plan-file", "plan.json"],
        HEX,
    );
    assert_eq!(code, Some(1));
    assert!(
        err.contains("(long hexadecimal that may be a secret key, not shown)"),
        "{err}"
    );
    let genesis = format!("{{\"networkMagic\": \"{}\"}}", sk());
    std::fs::write(d.path().join("shelley.json"), genesis).unwrap();
    std::fs::write(d.path().join("byron.json"), "{}").unwrap();
    let args = [
        "kes",
        "period",
        "--shelley-genesis-file",
        "shelley.json",
        "--byron-genesis-file",
        "byron.json",
    ];
    let (code, _, err) = run_clean(d.path(), &args, &sk());
    assert_eq!(code, Some(1));
    assert!(err.contains("(a secret key, not shown)"), "{err}");
}

#[test]
fn control_characters_from_files_stay_escaped_on_a_terminal() {
    let d = TempDir::new().unwrap();
    let env = "{\"type\": \"Certificate\", \"description\": \"x\\u001b[2K\\r\\u009b\\u202e\", \"cborHex\": \"8304581c4124a0c2ba8a7ba05824b3df23f706a1c8b3239446ab16709ae85aa119012c\"}";
    std::fs::write(d.path().join("c.cert"), env).unwrap();
    for flag in ["--output-yaml", "--output-json"] {
        let out = run_in(
            d.path(),
            &["text-view", "decode-cbor", "--in-file", "c.cert", flag],
        );
        assert!(out.status.success());
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            !text.contains(['\u{1b}', '\r', '\u{9b}', '\u{202e}']),
            "{flag}: {text:?}"
        );
    }
    // kes status --output-json: a path with controls stays JSON, and escaped.
    let name = "w\u{1b}[2K\u{9b}\u{202e}.opcert";
    let out = run_in(
        d.path(),
        &[
            "kes",
            "status",
            "--mainnet",
            "--op-cert-file",
            name,
            "--output-json",
        ],
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains(['\u{1b}', '\u{9b}', '\u{202e}']), "{text:?}");
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["pools"][0]["source"], name);
}

#[test]
fn dns_names_are_host_names() {
    let d = TempDir::new().unwrap();
    let (cold, vrf, owner) = (
        vector_str("input/node-pool/operator.vkey"),
        vector_str("input/node-pool/vrf.vkey"),
        vector_str("input/node-pool/owner.vkey"),
    );
    let args = [
        "stake-pool",
        "registration-certificate",
        "--cold-verification-key-file",
        &cold,
        "--vrf-verification-key-file",
        &vrf,
        "--mainnet",
        "--pool-pledge",
        "1",
        "--pool-cost",
        "340000000",
        "--pool-margin",
        "0",
        "--pool-reward-account-verification-key-file",
        &owner,
        "--pool-owner-stake-verification-key-file",
        &owner,
        "--single-host-pool-relay",
        "relay\u{202e}moc.example.com",
        "--pool-relay-port",
        "3001",
        "--out-file",
        "pool.cert",
    ];
    let err = fails(d.path(), &args);
    assert!(
        err.contains(
            "is not a DNS name: it contains the character U+202E: use letters, digits, '-' and '.'"
        ),
        "{err}"
    );
    assert!(!err.contains('\u{202e}'));
}

#[test]
fn a_file_holding_a_raw_hex_key_is_not_an_output_to_replace() {
    let d = TempDir::new().unwrap();
    issued_pool(d.path(), 0, 0);
    let key = format!("5820{HEX}");
    std::fs::write(d.path().join("key.hex"), &key).unwrap();
    let err = fails(
        d.path(),
        &[
            "stake-pool",
            "id",
            "--cold-verification-key-file",
            "cold.vkey",
            "--out-file",
            "key.hex",
        ],
    );
    assert!(
        err.contains("key.hex: the file holds data this tool does not recognise"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(d.path().join("key.hex")).unwrap(),
        key
    );
}
