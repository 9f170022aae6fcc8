//! Bad-input cases: `stake-pool registration-certificate` values (margin, relays, metadata URL
//! and hash, pledge, era limits) and pool metadata files over their limits.

use super::*;

#[test]
fn bad_registration_values() {
    let w = workspace();
    let d = w.path();
    let margin = |m: &str| registration(&["--pool-margin", m]);
    case(
        d,
        &margin("1.5"),
        REG,
        "--pool-margin: margin 1.5 is above 1: it is a fraction between 0 and 1 (0.015 means 1.5%)",
    );
    case(d, &margin("abc"), REG, "--pool-margin: margin \"abc\" is not a number: write a decimal such as 0.015 or a fraction such as 3/200");
    case(
        d,
        &margin("1/0"),
        REG,
        "--pool-margin: margin 1/0 divides by zero",
    );
    case(
        d,
        &margin("3/2"),
        REG,
        "--pool-margin: margin 3/2 is above 1: it is a fraction between 0 and 1 (0.015 means 1.5%)",
    );
    case(
        d,
        &margin("-0.1"),
        REG,
        "--pool-margin: margin -0.1 is negative: it must be between 0 and 1",
    );
    case(
        d,
        &registration(&[
            "--single-host-pool-relay",
            &format!("{}.example.com", "a".repeat(117)),
            "--pool-relay-port",
            "3001",
        ]),
        REG,
        "--single-host-pool-relay: the DNS name is 129 bytes long; the limit is 128 bytes",
    );
    case(d, &registration(&["--pool-relay-ipv4", "1.2.3.4", "--pool-relay-port", "0"]), REG, "--pool-relay-port: port 0 is out of range: use a port from 1 to 65535 (cardano-node listens on 3001 by default)");
    case(d, &registration(&["--pool-relay-ipv4", "1.2.3.4", "--pool-relay-port", "65536"]), REG, "--pool-relay-port: port 65536 is out of range: use a port from 1 to 65535 (cardano-node listens on 3001 by default)");
    case(
        d,
        &registration(&["--pool-relay-ipv4", "1.2.3.4", "--pool-relay-port", "30o1"]),
        REG,
        "--pool-relay-port: \"30o1\" is not a port number: use a whole number from 1 to 65535",
    );
    case(d, &registration(&["--pool-relay-ipv6", "2001:db8::zz", "--pool-relay-port", "3001"]), REG, "--pool-relay-ipv6: \"2001:db8::zz\" is not an IPv6 address: write it in the usual colon form, e.g. 2001:db8::1");
    case(d, &registration(&["--pool-relay-ipv4", "1.2.3", "--pool-relay-port", "3001"]), REG, "--pool-relay-ipv4: \"1.2.3\" is not an IPv4 address: write four numbers from 0 to 255 separated by dots, e.g. 203.0.113.10");
    case(d, &registration(&["--pool-relay-ipv4", "256.1.1.1", "--pool-relay-port", "3001"]), REG, "--pool-relay-ipv4: \"256.1.1.1\" is not an IPv4 address: write four numbers from 0 to 255 separated by dots, e.g. 203.0.113.10");
    case(d, &registration(&["--pool-relay-ipv4", "1.2.3.4"]), REG, "the relay 1.2.3.4 has no --pool-relay-port after it (every IP or single-host relay needs one)");
    case(d, &registration(&["--pool-relay-port", "3001"]), REG, "--pool-relay-port 3001 does not belong to a relay: put it after --pool-relay-ipv4, --pool-relay-ipv6 or --single-host-pool-relay");
    case(
        d,
        &registration(&["--single-host-pool-relay", "http://relay.example.com", "--pool-relay-port", "3001"]),
        REG,
        "--single-host-pool-relay: \"http://relay.example.com\" is a URL, not a DNS name: remove \"http://\" and any path, e.g. relay1.example.com",
    );
    case(
        d,
        &registration(&["--multi-host-pool-relay", "relay one.example.com"]),
        REG,
        "--multi-host-pool-relay: \"relay one.example.com\" is not a DNS name: it contains a space",
    );
    let long_url = format!("https://example.com/{}", "u".repeat(109));
    case(
        d,
        &registration(&[
            "--metadata-url",
            &long_url,
            "--metadata-hash",
            &"ab".repeat(32),
        ]),
        REG,
        "--metadata-url: the metadata URL is 129 characters long; the limit is 128 characters",
    );
    case(
        d,
        &registration(&["--metadata-url", "https://x", "--metadata-hash", "abcd"]),
        REG,
        "--metadata-hash: \"abcd\" is not a metadata hash: it must be 64 hexadecimal characters (blake2b-256)",
    );
    usage_case(
        d,
        &registration(&["--metadata-url", "https://x"]),
        "--metadata-hash",
    );
    let mut bad_pledge = registration(&[]);
    let i = bad_pledge.iter().position(|a| a == "1000").unwrap();
    bad_pledge[i] = "100ADA".to_owned();
    usage_case(
        d,
        &bad_pledge,
        "invalid value '100ADA' for '--pool-pledge <LOVELACE>'",
    );
    bad_pledge[i] = "18446744073709551616".to_owned();
    usage_case(d, &bad_pledge, "invalid value '18446744073709551616'");
    case(
        d,
        &registration(&["--validate-relays"]),
        REG,
        "--validate-relays needs the network, and Pool Console works offline: build the certificate without it, and check relays and the hosted metadata from an online machine",
    );
    let long_name = format!("{}.example.com", "r".repeat(58));
    let mut babbage = vec!["babbage".to_owned()];
    babbage.extend(registration(&[
        "--single-host-pool-relay",
        &long_name,
        "--pool-relay-port",
        "3001",
    ]));
    case(
        d,
        &babbage,
        REG,
        &format!("the DNS name {long_name} is 70 bytes; eras before Conway accept at most 64 (leave out the babbage era word for a Conway certificate)"),
    );
    let mut wrong_cold = registration(&[]);
    wrong_cold[3] = "vrf.vkey".to_owned();
    case(d, &wrong_cold, REG, &format!("vrf.vkey: is a VRF verification key (VrfVerificationKey_PraosVRF), but {COLD_KINDS} is needed here"));
}

#[test]
fn bad_metadata_files() {
    let w = workspace();
    let d = w.path();
    let hash = |f: &str| {
        s(&[
            "stake-pool",
            "metadata-hash",
            "--pool-metadata-file",
            f,
            "--out-file",
            "hash",
        ])
    };
    let cmd = "stake-pool metadata-hash";
    case(d, &hash("meta-513.json"), cmd, "meta-513.json: Stake pool metadata must consist of at most 512 bytes, but it consists of 513 bytes.");
    case(d, &hash("meta-ticker6.json"), cmd, "meta-ticker6.json: \"ticker\" must have at least 3 and at most 5 characters, but it has 6 characters.");
    case(d, &hash("meta-nohome.json"), cmd, "meta-nohome.json: the metadata has no \"homepage\" field (name, description, ticker and homepage are required, as text)");
    case(
        d,
        &hash("meta-name51.json"),
        cmd,
        "meta-name51.json: \"name\" must have at most 50 characters, but it has 51 characters.",
    );
    case(d, &hash("meta-desc256.json"), cmd, "meta-desc256.json: \"description\" must have at most 255 characters, but it has 256 characters.");
    case(
        d,
        &hash("meta-notjson.json"),
        cmd,
        "meta-notjson.json: the metadata is not a JSON object: expected ident at line 1 column 2",
    );
}
