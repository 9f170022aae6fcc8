//! Bad-input cases for `aion call-data …` and `aion transaction sign` (issue 15): amounts and
//! rates past their precision, addresses of another chain, limits of the ABI and the kernel,
//! keys of the wrong size; each refused with its exact message, the folder unchanged.

#[allow(unused_imports)]
use super::*;

const POOL: &str = "a0202797a7aff86fec1a5d8b7cacea276de5bcfc2e8b14878c9ba48d7d5330a0";
const HASH: &str = "558729f5c8468f52b1f532ed53de5df98c0b94c66620c9e6f92b90f06f47a365";
const SEED: &str = "6df86a106f599c78ab9b2ad593b2983038edf706a52b24bfa895b49066a7f2a0";
const COMMISSION: &str = "0x21001b72657175657374436f6d6d697373696f6e526174654368616e676505000061a8";
const SIGN: &str = "aion transaction sign";

/// A folder with a good key, a key of the wrong length, a 64-byte key whose halves disagree
/// and a binary file.
fn aion_workspace() -> TempDir {
    let dir = TempDir::new().unwrap();
    let write = |name: &str, bytes: &[u8]| std::fs::write(dir.path().join(name), bytes).unwrap();
    write("mgmt.key", SEED.as_bytes());
    write("short.key", b"0xabcd\n");
    write(
        "mixed.key",
        format!("0x{SEED}{}", "00".repeat(32)).as_bytes(),
    );
    write("binary.key", &[0xff, 0xfe, 0x00, 0x01]);
    dir
}

fn call(words: &[&str]) -> Vec<String> {
    let mut v = s(&["aion", "call-data"]);
    v.extend(s(words));
    v
}

/// A good signing command with `extra` replacing or adding flags.
fn sign(extra: &[&str]) -> Vec<String> {
    let mut v = s(&["aion", "transaction", "sign"]);
    let has = |flag: &str| extra.contains(&flag);
    let defaults = [
        ("--signing-key-file", "mgmt.key"),
        ("--call-data", COMMISSION),
        ("--value-aion", "0"),
        ("--nonce", "1"),
        ("--timestamp-us", "1600000000000001"),
    ];
    for (flag, value) in defaults {
        if !has(flag) {
            v.extend(s(&[flag, value]));
        }
    }
    if !has("--to") && !has("--pool-registry") {
        v.extend(s(&["--pool-registry", "mainnet"]));
    }
    v.extend(s(extra));
    v
}

#[test]
fn call_data_inputs_are_refused_with_reasons() {
    let w = aion_workspace();
    let d = w.path();
    let change = "aion call-data request-commission-change";
    case(
        d,
        &call(&["request-commission-change", "--commission-rate", "2.12345"]),
        change,
        "--commission-rate: \"2.12345\" has more than 4 decimals; the Pool Registry counts the rate in steps of 0.0001 %",
    );
    case(
        d,
        &call(&["request-commission-change", "--commission-rate", "100.5"]),
        change,
        "--commission-rate: \"100.5\" is above 100 %",
    );
    let undelegate = "aion call-data undelegate";
    case(
        d,
        &call(&[
            "undelegate",
            "--pool",
            POOL,
            "--amount-aion",
            "-1",
            "--fee-aion",
            "0",
        ]),
        undelegate,
        "--amount-aion: \"-1\" is negative; give an amount of AION without a sign",
    );
    case(
        d,
        &call(&["undelegate", "--pool", POOL, "--amount-aion", "1", "--fee-aion", "0.0000000000000000001"]),
        undelegate,
        "--fee-aion: \"0.0000000000000000001\" has more than 18 decimals (1 nAmp = 0.000000000000000001 AION)",
    );
    let long_url = format!("https://{}", "a".repeat(32_760));
    case(
        d,
        &call(&["update-metadata", "--metadata-url", &long_url, "--metadata-hash", HASH]),
        "aion call-data update-metadata",
        "--metadata-url: the metadata URL is 32768 bytes; the Pool Registry takes at most 32767 (use a shorter address for the metadata file)",
    );
    case(
        d,
        &call(&["update-metadata", "--metadata-url", "https://x", "--metadata-hash", &HASH[..62]]),
        "aion call-data update-metadata",
        "--metadata-hash: give the 64 hex digits (32 bytes) of the metadata's BLAKE2b-256 hash, as `aion metadata-hash` prints it",
    );
    case(
        d,
        &call(&["delegate", "--pool", &format!("0x{}", "12".repeat(32))]),
        "aion call-data delegate",
        "--pool: an Aion account address starts with a0; this one starts with 12 (is it an Ethereum or a contract address?)",
    );
    case(
        d,
        &call(&["set-signing-address", "--signing-address", "0xa0ab"]),
        "aion call-data set-signing-address",
        "--signing-address: an Aion address is 64 hex digits (32 bytes); this one has 4",
    );
    case(
        d,
        &call(&["finalize-undelegate", "--request-id", "18446744073709551615"]),
        "aion call-data finalize-undelegate",
        "request id 18446744073709551615 is larger than any id the Pool Registry hands out (at most 9223372036854775807); copy the id from the request's log",
    );
    usage_case(
        d,
        &call(&["finalize-undelegate", "--request-id", "-3"]),
        "--request-id",
    );
}

#[test]
fn signing_inputs_are_refused_with_reasons() {
    let w = aion_workspace();
    let d = w.path();
    case(
        d,
        &sign(&["--call-data", "0x21zz"]),
        SIGN,
        "the call data is not hexadecimal: give the hex `aion call-data` prints, with or without 0x",
    );
    case(
        d,
        &sign(&["--signing-key-file", "short.key"]),
        SIGN,
        "short.key: the key is 2 bytes; an Aion private key is 32 bytes (the seed) or 64 bytes (seed and public key), written as hex with or without 0x",
    );
    case(
        d,
        &sign(&["--signing-key-file", "mixed.key"]),
        SIGN,
        "mixed.key: the key's last 32 bytes are not the public key of its first 32 (a damaged or mixed-up 64-byte key); export the key again",
    );
    case(
        d,
        &sign(&["--signing-key-file", "binary.key"]),
        SIGN,
        "binary.key: is not text: an Aion private key file holds 64 or 128 hex digits",
    );
    case(
        d,
        &sign(&["--value-aion", "-5"]),
        SIGN,
        "--value-aion: \"-5\" is negative; give an amount of AION without a sign",
    );
    case(
        d,
        &sign(&["--to", &format!("0x{}", "12".repeat(32))]),
        SIGN,
        "--to: an Aion account address starts with a0; this one starts with 12 (is it an Ethereum or a contract address?)",
    );
    case(
        d,
        &sign(&["--energy-limit", "5000000"]),
        SIGN,
        "--energy-limit 5000000 is above 2000000, the most the kernel accepts for a call",
    );
    case(
        d,
        &sign(&["--energy-limit", "21000"]),
        SIGN,
        "--energy-limit 21000 is below the 23060 this call data needs (21000, plus 4 per zero byte and 64 per other byte)",
    );
    case(
        d,
        &sign(&["--energy-price", "1000"]),
        SIGN,
        "--energy-price 1000 is below 10000000000 nAmp, the least the kernel accepts",
    );
    usage_case(
        d,
        &sign(&["--pool-registry", "amity"]),
        "invalid value 'amity'",
    );
    let mut both = sign(&[]);
    both.extend(s(&["--to", POOL]));
    usage_case(d, &both, "cannot be used with");
}
