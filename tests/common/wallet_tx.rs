//! A transaction as a wallet may write it: indefinite-length containers almost everywhere.
#![allow(dead_code, clippy::unwrap_used)]

pub fn unhex(s: &str) -> Vec<u8> {
    hex::decode(s.split_whitespace().collect::<String>()).unwrap()
}

/// `{_ 0: 258([_ [id, 0]]), 1: [_ {_ 0: address, 1: 1 000 000, 2: [1, 24(h'(_ aabb, cc)')]}],
/// 2: 170 000}`: every container of indefinite length, and a chunked inline datum.
pub fn body() -> Vec<u8> {
    let id = "11".repeat(32);
    let address = format!("61{}", "22".repeat(28));
    unhex(&format!(
        "bf
           00 d90102 9f 82 5820 {id} 00 ff
           01 9f bf 00 581d {address} 01 1a000f4240 02 82 01 d818 5f 42aabb 41cc ff ff ff
           02 1a00029810
         ff"
    ))
}

/// `{_ 1: [_ [0, script key hash]]}`: a native script, in an indefinite map and array.
pub fn witness_set() -> Vec<u8> {
    unhex(&format!("bf 01 9f 82 00 581c {} ff ff", "33".repeat(28)))
}

/// `{_ 42: (_ "hi")}`: metadata with a chunked text.
pub fn auxiliary_data() -> Vec<u8> {
    unhex("bf 182a 7f 626869 ff ff")
}

pub fn transaction(witnesses: &[u8]) -> Vec<u8> {
    let mut tx = vec![0x84];
    tx.extend(body());
    tx.extend(witnesses);
    tx.push(0xf5);
    tx.extend(auxiliary_data());
    tx
}

pub fn envelope(cbor: &[u8]) -> String {
    format!(
        "{{\n    \"type\": \"Tx ConwayEra\",\n    \"description\": \"Ledger Cddl Format\",\n    \"cborHex\": \"{}\"\n}}\n",
        hex::encode(cbor)
    )
}
