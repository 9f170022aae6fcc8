//! Bad-input cases: outputs that would replace something they must not (issue 10, classes
//! 1, 5, 6, 14): each refused with its exact message, the folder unchanged.

#[allow(unused_imports)]
use super::*;

const DEREG: &str = "stake-pool deregistration-certificate";

fn id_to(out: &str) -> Vec<String> {
    s(&[
        "stake-pool",
        "id",
        "--cold-verification-key-file",
        "cold.vkey",
        "--out-file",
        out,
    ])
}

fn dereg_to(out: &str) -> Vec<String> {
    s(&[
        "stake-pool",
        "deregistration-certificate",
        "--cold-verification-key-file",
        "cold.vkey",
        "--epoch",
        "300",
        "--out-file",
        out,
    ])
}

fn never(path: &str, what: &str, wanted: &str) -> String {
    format!("{path}: the file holds {what}; it is never replaced by {wanted}, even with --force (move it away or choose another name)")
}

fn destroy(path: &str, what: &str) -> String {
    format!("{path}: the file holds {what}; an output never replaces a key or counter file (choose another output name)")
}

#[test]
fn outputs_replace_only_their_own_kind() {
    let w = workspace();
    let d = w.path();
    let id = "an id, hash or address";
    let cert = "a certificate";
    case(
        d,
        &id_to("node.opcert"),
        ID,
        &never("node.opcert", "an operational certificate", id),
    );
    case(
        d,
        &id_to("meta.json"),
        ID,
        &never("meta.json", "pool metadata", id),
    );
    case(
        d,
        &id_to("random.bin"),
        ID,
        &never("random.bin", "data this tool does not recognise", id),
    );
    case(
        d,
        &id_to("tx.raw"),
        ID,
        &never("tx.raw", "a transaction", id),
    );
    case(
        d,
        &dereg_to("node.opcert"),
        DEREG,
        &never("node.opcert", "an operational certificate", cert),
    );
    case(
        d,
        &dereg_to("meta.json"),
        DEREG,
        &never("meta.json", "pool metadata", cert),
    );
    case(
        d,
        &dereg_to("tx.raw"),
        DEREG,
        &never("tx.raw", "a transaction", cert),
    );
    case(
        d,
        &dereg_to("other-tx.witness"),
        DEREG,
        &never("other-tx.witness", "a transaction witness", cert),
    );
    case(
        d,
        &dereg_to("hello.vkey"),
        DEREG,
        &never("hello.vkey", "data this tool does not recognise", cert),
    );
    case(
        d,
        &dereg_to("meta-notjson.json"),
        DEREG,
        &never(
            "meta-notjson.json",
            "data this tool does not recognise",
            cert,
        ),
    );
    case(
        d,
        &dereg_to("gd.counter"),
        DEREG,
        &destroy("gd.counter", "an operational certificate issue counter"),
    );
    case(
        d,
        &dereg_to("payment.skey"),
        DEREG,
        &destroy("payment.skey", "a payment signing key"),
    );
    let vrf_hash = s(&[
        "node",
        "key-hash-VRF",
        "--verification-key-file",
        "vrf.vkey",
        "--out-file",
        "tx.raw",
    ]);
    case(
        d,
        &vrf_hash,
        "node key-hash-VRF",
        &never("tx.raw", "a transaction", id),
    );
    let build = s(&[
        "stake-address",
        "build",
        "--stake-verification-key-file",
        "owner.vkey",
        "--mainnet",
        "--out-file",
        "node.opcert",
    ]);
    case(
        d,
        &build,
        "stake-address build",
        &never("node.opcert", "an operational certificate", id),
    );
    let hash = s(&[
        "stake-address",
        "key-hash",
        "--stake-verification-key-file",
        "owner.vkey",
        "--out-file",
        "meta.json",
    ]);
    case(
        d,
        &hash,
        "stake-address key-hash",
        &never("meta.json", "pool metadata", id),
    );
    let meta = s(&[
        "stake-pool",
        "metadata-hash",
        "--pool-metadata-file",
        "meta.json",
        "--out-file",
        "node.opcert",
    ]);
    case(
        d,
        &meta,
        "stake-pool metadata-hash",
        &never("node.opcert", "an operational certificate", id),
    );
    let reg = s(&[
        "stake-address",
        "registration-certificate",
        "--stake-verification-key-file",
        "owner.vkey",
        "--key-reg-deposit-amt",
        "2000000",
        "--out-file",
        "vrf.vkey",
    ]);
    case(
        d,
        &reg,
        "stake-address registration-certificate",
        &destroy("vrf.vkey", "a VRF verification key"),
    );
    let witness = s(&[
        "transaction",
        "witness",
        "--tx-body-file",
        "tx.raw",
        "--signing-key-file",
        "payment.skey",
        "--mainnet",
        "--out-file",
        "gd.skey",
    ]);
    case(
        d,
        &witness,
        "transaction witness",
        &destroy("gd.skey", "a genesis delegate signing key"),
    );
}

#[test]
fn issue_and_counter_outputs_keep_their_kind() {
    let w = workspace();
    let d = w.path();
    let issue = |out: &str| {
        s(&[
            "node",
            "issue-op-cert",
            "--allow-distant-kes-period",
            "--kes-verification-key-file",
            "kes.vkey",
            "--cold-signing-key-file",
            "gd.skey",
            "--operational-certificate-issue-counter-file",
            "gd.counter",
            "--kes-period",
            "0",
            "--out-file",
            out,
        ])
    };
    let cmd = "node issue-op-cert";
    case(
        d,
        &issue("cold.vkey"),
        cmd,
        &destroy("cold.vkey", "a stake pool cold verification key"),
    );
    case(
        d,
        &issue("meta.json"),
        cmd,
        &never("meta.json", "pool metadata", "an operational certificate"),
    );
    case(
        d,
        &issue("tx.raw"),
        cmd,
        &never("tx.raw", "a transaction", "an operational certificate"),
    );
    let counter = |file: &str, force: bool| {
        let mut v = s(&[
            "node",
            "new-counter",
            "--cold-verification-key-file",
            "cold.vkey",
            "--counter-value",
            "3",
            "--operational-certificate-issue-counter-file",
            file,
        ]);
        if force {
            v.push("--force".to_owned());
        }
        v
    };
    let c = "an operational certificate issue counter";
    case(
        d,
        &counter("node.opcert", true),
        "node new-counter",
        &never("node.opcert", "an operational certificate", c),
    );
    case(
        d,
        &counter("meta.json", false),
        "node new-counter",
        &never("meta.json", "pool metadata", c),
    );
    case(
        d,
        &counter("gd.skey", true),
        "node new-counter",
        &never("gd.skey", "a genesis delegate signing key", c),
    );
    let key_gen = s(&[
        "node",
        "key-gen",
        "--cold-verification-key-file",
        "n.vkey",
        "--cold-signing-key-file",
        "n.skey",
        "--operational-certificate-issue-counter-file",
        "node.opcert",
        "--force",
    ]);
    case(
        d,
        &key_gen,
        "node key-gen",
        &never("node.opcert", "an operational certificate", c),
    );
}

#[test]
fn keys_replace_only_the_same_kind_and_never_go_to_a_stream() {
    let w = workspace();
    let d = w.path();
    let pair = |cmd: &str, vk: &str, sk: &str| {
        s(&[
            "node",
            cmd,
            "--verification-key-file",
            vk,
            "--signing-key-file",
            sk,
            "--force",
        ])
    };
    case(
        d,
        &pair("key-gen-VRF", "n.vkey", "gd.skey"),
        "node key-gen-VRF",
        &never(
            "gd.skey",
            "a genesis delegate signing key",
            "a VRF signing key",
        ),
    );
    case(
        d,
        &pair("key-gen-VRF", "kes.vkey", "n.skey"),
        "node key-gen-VRF",
        &never(
            "kes.vkey",
            "a KES verification key",
            "a VRF verification key",
        ),
    );
    case(
        d,
        &pair("key-gen-KES", "n.vkey", "payment.skey"),
        "node key-gen-KES",
        &never("payment.skey", "a payment signing key", "a KES signing key"),
    );
    case(
        d,
        &pair("key-gen-KES", "n.vkey", "meta.json"),
        "node key-gen-KES",
        &never("meta.json", "pool metadata", "a KES signing key"),
    );
    let stream =
        |what: &str| format!("{what} is never written to a terminal or pipe; give a file name");
    case(
        d,
        &pair("key-gen-VRF", "n.vkey", "/dev/stdout"),
        "node key-gen-VRF",
        &format!("/dev/stdout: {}", stream("a VRF signing key")),
    );
    case(
        d,
        &pair("key-gen-KES", "n.vkey", "-"),
        "node key-gen-KES",
        &format!("-: {}", stream("a KES signing key")),
    );
    let stake = s(&[
        "stake-address",
        "key-gen",
        "--verification-key-file",
        "n.vkey",
        "--signing-key-file",
        "/dev/stderr",
    ]);
    case(
        d,
        &stake,
        "stake-address key-gen",
        &format!("/dev/stderr: {}", stream("a stake signing key")),
    );
    let decode = |input: &str, out: &str| {
        s(&[
            "text-view",
            "decode-cbor",
            "--in-file",
            input,
            "--out-file",
            out,
        ])
    };
    case(
        d,
        &decode("gd.skey", "/dev/stdout"),
        "text-view decode-cbor",
        &format!("/dev/stdout: {}", stream("a decoded signing key")),
    );
    case(
        d,
        &decode("node.opcert", "gd.counter"),
        "text-view decode-cbor",
        &destroy("gd.counter", "an operational certificate issue counter"),
    );
    case(
        d,
        &decode("node.opcert", "cold.vkey"),
        "text-view decode-cbor",
        &destroy("cold.vkey", "a stake pool cold verification key"),
    );
    case(
        d,
        &decode("node.opcert", "meta.json"),
        "text-view decode-cbor",
        &never("meta.json", "pool metadata", "decoded CBOR"),
    );
}

#[cfg(unix)]
#[test]
fn devices_pipes_and_folders_are_not_files_to_write() {
    let w = workspace();
    let d = w.path();
    let device =
        |p: &str| format!("{p}: is a device, not a regular file; give the name of a file to write");
    case(d, &dereg_to("/dev/null"), DEREG, &device("/dev/null"));
    case(d, &dereg_to("/dev/full"), DEREG, &device("/dev/full"));
    case(d, &id_to("/dev/zero"), ID, &device("/dev/zero"));
    case(
        d,
        &id_to("folder"),
        ID,
        "folder: is a folder; give a file name",
    );
    assert!(std::process::Command::new("mkfifo")
        .arg(d.join("out.fifo"))
        .status()
        .unwrap()
        .success());
    case(
        d,
        &dereg_to("out.fifo"),
        DEREG,
        "out.fifo: is a named pipe (FIFO), not a regular file; give the name of a file to write",
    );
    case(
        d,
        &id_to("out.fifo"),
        ID,
        "out.fifo: is a named pipe (FIFO), not a regular file; give the name of a file to write",
    );
}
