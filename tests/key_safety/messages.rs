//! Key-safety tests: messages. No secret given by mistake is printed back, and no control
//! character from input or from a file reaches the terminal raw (issue 10, "Messages").

use super::common::*;
use pool_console::core::certificate::relay::{DnsName, Relay};
use pool_console::core::certificate::Certificate;
use pool_console::core::encoding::envelope::TextEnvelope;
use pool_console::core::keys::AnyKey;
use std::path::Path;
use tempfile::TempDir;

const PHRASE_24: &str = "legal winner thank year wave sausage worth useful legal winner thank yellow letter advice cage absurd amount doctor acoustic avoid letter always";

/// Everything a command printed, both streams.
fn printed(dir: &Path, args: &[&str]) -> String {
    let out = run_in(dir, args);
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("panicked"),
        "{args:?}"
    );
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// No 16-character piece of the secret in the text.
fn assert_not_echoed(text: &str, secret: &str, args: &[&str]) {
    let chars: Vec<char> = secret.chars().collect();
    for piece in chars.windows(16) {
        let piece: String = piece.iter().collect();
        assert!(
            !text.contains(&piece),
            "{args:?} printed {piece:?}:\n{text}"
        );
    }
}

fn assert_no_raw_controls(text: &str, what: &str) {
    assert!(
        !text.contains(['\u{1b}', '\u{7f}', '\u{9b}']),
        "{what}: raw control character in {text:?}"
    );
}

fn cbor_hex(path: &Path) -> String {
    let env = TextEnvelope::parse(&std::fs::read(path).unwrap()).unwrap();
    hex::encode(env.cbor.expose())
}

#[test]
fn secrets_are_never_echoed() {
    let w = TempDir::new().unwrap();
    let d = w.path();
    issued_pool(d, 1000, 0);
    ok(
        d,
        &[
            "stake-address",
            "key-gen",
            "--verification-key-file",
            "stake.vkey",
            "--signing-key-file",
            "stake.skey",
        ],
    );
    std::fs::copy(
        vector("input/metadata/example_stake_pool_metadata.json"),
        d.join("meta.json"),
    )
    .unwrap();
    let cold = cbor_hex(&d.join("cold.skey"));
    let seed = cold[4..].to_owned();
    let AnyKey::Signing(stake) =
        AnyKey::from_file_contents(&std::fs::read(d.join("stake.skey")).unwrap()).unwrap()
    else {
        panic!("stake.skey is a signing key")
    };
    let stake_sk = String::from_utf8(stake.to_bech32().unwrap().expose().to_vec()).unwrap();
    assert!(stake_sk.starts_with("stake_sk1"));
    let envelope = String::from_utf8(std::fs::read(d.join("cold.skey")).unwrap()).unwrap();
    let pasted = format!("{cold}\"");
    let extended = format!("{seed}{seed}");
    let before = snapshot(d);
    // Each recipe: a secret where public input belongs. It fails, and says what it saw.
    let recipes: Vec<(Vec<&str>, &str, &str)> = vec![
        (vec!["stake-pool", "id", "--stake-pool-verification-key", &pasted, "--out-file", "id"], &cold, "(long hexadecimal that may be a secret key, not shown)"),
        (vec!["stake-pool", "id", "--stake-pool-verification-key", &envelope, "--out-file", "id"], &cold, "(a signing key file's text, not shown)"),
        (vec!["stake-pool", "id", "--stake-pool-verification-key", PHRASE_24, "--out-file", "id"], PHRASE_24, "(a recovery phrase, not shown)"),
        (vec!["stake-address", "key-hash", "--stake-verification-key", PHRASE_24], PHRASE_24, "(a recovery phrase, not shown)"),
        (vec!["stake-address", "registration-certificate", "--stake-address", &stake_sk, "--key-reg-deposit-amt", "2000000", "--out-file", "r.cert"], &stake_sk, "(a secret key, not shown)"),
        (vec!["stake-address", "build", "--stake-key-hash", &seed, "--mainnet"], &seed, "(long hexadecimal that may be a secret key, not shown)"),
        (vec!["stake-address", "build", "--stake-key-hash", &extended, "--mainnet"], &extended, "(long hexadecimal that may be a secret key, not shown)"),
        (vec!["stake-pool", "metadata-hash", "--pool-metadata-file", "meta.json", "--expected-hash", &cold], &cold, "Expected: (long hexadecimal that may be a secret key, not shown)"),
        (vec!["stake-pool", "metadata-hash", "--pool-metadata-file", "meta.json", "--expected-hash", &stake_sk], &stake_sk, "Expected: (a secret key, not shown)"),
        (
            vec!["kes", "check", "--kes-signing-key-file", "kes.skey", "--op-cert-file", "node.opcert", "--cold-verification-key-file", "cold.vkey", "--mainnet", "--kes-period-info-file", "cold.skey"],
            &cold,
            "cold.skey: is a stake pool cold signing key (StakePoolSigningKey_ed25519), not the saved output of cardano-cli query kes-period-info",
        ),
    ];
    for (args, secret, says) in &recipes {
        let stderr = fails(d, args);
        assert!(stderr.contains(says), "{args:?}: {stderr}");
        assert_not_echoed(&printed(d, args), secret, args);
    }
    // Describing a signing key names it and its public half, never the secret.
    let shown = String::from_utf8(ok(d, &["inspect", "cold.skey", "stake.skey"])).unwrap();
    assert!(shown.contains("32 bytes (not shown)"), "{shown}");
    assert_not_echoed(&shown, &cold, &["inspect"]);
    assert_not_echoed(&shown, &cbor_hex(&d.join("stake.skey")), &["inspect"]);
    assert_eq!(snapshot(d), before, "a refused recipe wrote something");
}

/// A pool plan whose owner name moves the cursor up and erases the line (the fake reward
/// account recipe), and whose metadata URL holds an escape.
fn plan_text() -> String {
    format!(
        r#"{{"format": "pool-console pool plan", "version": 1, "network": "mainnet",
  "pool_id": "{}", "vrf_key_hash": "{}", "pledge_ada": "100", "cost_ada": "340", "margin": "1/100",
  "reward_account": "stake1uyehkck0lajq8gr28t9uxnuvgcqrc6070x3k9r8048z8y5gh6ffgw",
  "owners": [{{"name": "\u001b[1A\u001b[2KReward account: stake1uevil", "stake_address": "stake1uyehkck0lajq8gr28t9uxnuvgcqrc6070x3k9r8048z8y5gh6ffgw", "pledge_ada": "100", "delegated_to_pool": true}}],
  "relays": [{{"dns": "relay1.example.com", "port": 3001}}],
  "metadata": {{"url": "https://example.com/\u001b[2Kp.json", "hash": "{}"}}}}"#,
        "ab".repeat(28),
        "cd".repeat(32),
        "ef".repeat(32)
    )
}

const OWNER: &str = "\u{1b}[1A\u{1b}[2KReward account: stake1uevil";
const OWNER_SHOWN: &str = "\\x1b[1A\\x1b[2KReward account: stake1uevil";
const DNS: &str = "relay\u{1b}[1A\u{1b}[2K.example.com";
const DNS_SHOWN: &str = "relay\\x1b[1A\\x1b[2K.example.com";

/// The plan's certificate with its DNS relay renamed as only a hand-made (or chain) file can.
fn escaped_certificate(plan_cert: &Path, out: &Path) {
    let env = TextEnvelope::parse(&std::fs::read(plan_cert).unwrap()).unwrap();
    let (mut cert, era) = Certificate::from_envelope(&env).unwrap();
    let Certificate::PoolRegistration(p) = &mut cert else {
        panic!("a registration")
    };
    p.relays[0] = Relay::SingleHostName {
        port: Some(3001),
        name: DnsName::from_chain(DNS).unwrap(),
    };
    std::fs::write(out, cert.to_envelope(era).render().expose()).unwrap();
}

/// Some string in the JSON value, at any depth, contains `needle`.
fn json_holds(v: &serde_json::Value, needle: &str) -> bool {
    match v {
        serde_json::Value::String(s) => s.contains(needle),
        serde_json::Value::Array(a) => a.iter().any(|x| json_holds(x, needle)),
        serde_json::Value::Object(o) => o.values().any(|x| json_holds(x, needle)),
        _ => false,
    }
}

#[test]
fn terminal_escapes_are_shown_escaped() {
    let w = TempDir::new().unwrap();
    let d = w.path();
    std::fs::write(d.join("plan.json"), plan_text()).unwrap();
    std::fs::write(
        d.join("meta.json"),
        r#"{"name":"Pool\u001b[2K","description":"\u001b]0;owned\u0007d\u009b2K","ticker":"ESC","homepage":"https://x"}"#,
    )
    .unwrap();
    ok(
        d,
        &[
            "plan",
            "certificate",
            "--plan-file",
            "plan.json",
            "--out-file",
            "plan.cert",
        ],
    );
    escaped_certificate(&d.join("plan.cert"), &d.join("esc.cert"));

    // Human output: escaped, visibly, and never raw.
    let human: Vec<(Vec<&str>, &[&str])> = vec![
        (
            vec!["plan", "check", "--plan-file", "plan.json"],
            &[OWNER_SHOWN, "https://example.com/\\x1b[2Kp.json"],
        ),
        (
            vec!["inspect", "esc.cert"],
            &[DNS_SHOWN, "https://example.com/\\x1b[2Kp.json"],
        ),
        (
            vec!["inspect", "meta.json"],
            &["Pool\\x1b[2K", "\\x1b]0;owned\\x07d\\u{9b}2K"],
        ),
        (
            vec![
                "review",
                "--cert-file",
                "esc.cert",
                "--plan-file",
                "plan.json",
            ],
            &[DNS_SHOWN, OWNER_SHOWN],
        ),
        (
            vec![
                "review",
                "--cert-file",
                "plan.cert",
                "--plan-file",
                "plan.json",
            ],
            &[OWNER_SHOWN],
        ),
    ];
    for (args, visible) in &human {
        let out = run_in(d, args);
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_no_raw_controls(&printed(d, args), &format!("{args:?}"));
        for v in *visible {
            assert!(
                stdout.contains(v),
                "{args:?} does not show {v:?}:\n{stdout}"
            );
        }
    }
    // The certificate differs from the plan only in the relay: said, escaped.
    let review = printed(
        d,
        &[
            "review",
            "--cert-file",
            "esc.cert",
            "--plan-file",
            "plan.json",
        ],
    );
    assert!(
        review.contains("This certificate is not what the plan builds"),
        "{review}"
    );

    // The sign-off sheet shows the name escaped (a browser would hide a raw ESC).
    ok(
        d,
        &[
            "review",
            "--cert-file",
            "plan.cert",
            "--plan-file",
            "plan.json",
            "--out-sign-off-sheet",
            "sheet.html",
        ],
    );
    let sheet = String::from_utf8(std::fs::read(d.join("sheet.html")).unwrap()).unwrap();
    assert_no_raw_controls(&sheet, "sign-off sheet");
    assert!(sheet.contains(OWNER_SHOWN), "{sheet}");

    // JSON output stays JSON and keeps the original strings for programs to judge.
    let json: Vec<(Vec<&str>, &str)> = vec![
        (vec!["inspect", "--output-json", "esc.cert"], DNS),
        (
            vec!["inspect", "--output-json", "meta.json"],
            "Pool\u{1b}[2K",
        ),
        (
            vec![
                "review",
                "--output-json",
                "--cert-file",
                "plan.cert",
                "--plan-file",
                "plan.json",
            ],
            OWNER,
        ),
    ];
    for (args, original) in &json {
        let out = run_in(d, args);
        let text = String::from_utf8(out.stdout).unwrap();
        assert_no_raw_controls(&text, &format!("{args:?}"));
        let v: serde_json::Value = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{args:?} is not JSON ({e}):\n{text}"));
        assert!(
            json_holds(&v, original),
            "{args:?} lost {original:?}:\n{text}"
        );
    }

    // Typed input with escapes comes back escaped in the error, the folder unchanged.
    let before = snapshot(d);
    let stderr = fails(
        d,
        &[
            "stake-address",
            "key-hash",
            "--stake-verification-key",
            "stake_vk1\u{1b}[2K\u{7f}",
        ],
    );
    assert!(stderr.contains("\"stake_vk1\\x1b[2K\\x7f\""), "{stderr}");
    assert_no_raw_controls(&stderr, "key text");
    assert_eq!(snapshot(d), before);
}
