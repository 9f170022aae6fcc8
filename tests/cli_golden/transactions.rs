//! Golden vectors of `transaction`: `witness` and `assemble`.

use super::common::{assert_same_file, ok, read, vector};
use super::{v, writes};
use tempfile::TempDir;

#[test]
fn golden_witness_from_its_body_and_key() {
    let dir = TempDir::new().unwrap();
    // The body of the CreateWitness test, wrapped as `transaction build-raw` writes it.
    let body = String::from_utf8(read(&vector(
        "derived/witness/txbody-signed-by-witness-out.cbor.hex",
    )))
    .unwrap();
    let tx = format!(
        "{{\n    \"type\": \"Tx ConwayEra\",\n    \"description\": \"Ledger Cddl Format\",\n    \"cborHex\": \"84{}a0f5f6\"\n}}\n",
        body.trim()
    );
    std::fs::write(dir.path().join("tx.raw"), tx).unwrap();
    ok(
        dir.path(),
        &[
            "latest",
            "transaction",
            "witness",
            "--tx-body-file",
            "tx.raw",
            "--signing-key-file",
            &v("input/conway/payment_signing_key"),
            "--mainnet",
            "--out-file",
            "w",
        ],
    );
    assert_same_file(
        &dir.path().join("w"),
        &vector("golden/witness/witness-out.json"),
    );
    let txid = String::from_utf8(read(&vector(
        "derived/witness/txbody-signed-by-witness-out.txid",
    )))
    .unwrap();
    let file = pool_console::core::encoding::envelope::TextEnvelope::parse(&read(
        &dir.path().join("tx.raw"),
    ))
    .unwrap();
    let tx = pool_console::core::transaction::TxFile::from_envelope(&file).unwrap();
    assert_eq!(hex::encode(tx.id().unwrap()), txid.trim());
}

#[test]
fn golden_assemble_keeps_the_body_and_deduplicates() {
    let w = v("input/witness/singleSigningKeyWitness_conway");
    writes(
        &[
            "conway",
            "transaction",
            "assemble",
            "--tx-body-file",
            &v("input/transaction/txbody"),
            "--witness-file",
            &w,
            "--witness-file",
            &w,
        ],
        "golden/transaction/assemble_out",
    );
}
