//! Transaction files as a person may hand them over (`TxFile::from_file_contents`: a text
//! envelope, or the CBOR of a whole transaction or a bare body, binary or hex), and everything
//! read out of one: body, id, key witnesses, the body's view, and `assemble`.
//!
//! Properties:
//! * A transaction read once is written as an envelope that reads back with the same era and
//!   the same bytes.
//! * `assemble` with no new witnesses keeps the body byte for byte (so the id), and its output
//!   reads back as a transaction holding the same key witnesses.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pool_console::core::encoding::envelope::TextEnvelope;
use pool_console::core::transaction::view::decode_body;
use pool_console::core::transaction::{assemble, KeyWitness, TxFile};

fuzz_target!(|data: &[u8]| {
    // Witness files come in envelopes too.
    if let Ok(env) = TextEnvelope::parse(data) {
        if let Ok((witness, era)) = KeyWitness::from_envelope(&env) {
            let again = KeyWitness::from_envelope(&witness.to_envelope(&era))
                .expect("a written witness reads back");
            assert_eq!(again, (witness, era));
        }
    }

    let Ok(tx) = TxFile::from_file_contents(data) else {
        return;
    };
    let body = tx.body().expect("a read transaction has a body");
    let id = tx.id().expect("a read transaction has an id");

    let rendered = tx.to_envelope().render();
    let again = TxFile::from_file_contents(rendered.expose()).expect("a written tx reads back");
    assert_eq!(again.era, tx.era);
    assert_eq!(again.cbor, tx.cbor);
    assert!(!again.from_bare_body);

    let _ = decode_body(body);

    let Ok(witnesses) = tx.key_witnesses() else {
        return;
    };
    // Each existing witness costs a signature check in `assemble`: keep runs fast.
    if witnesses.len() > 2 {
        return;
    }
    if let Ok(out) = assemble(&tx, &[]) {
        assert_eq!(
            out.body().expect("assembled body"),
            body,
            "the body is kept as is"
        );
        assert_eq!(out.id().expect("assembled id"), id);
        let read = TxFile::from_file_contents(&out.cbor).expect("an assembled tx reads back");
        assert_eq!(read.cbor, out.cbor);
        let mut expected = witnesses.clone();
        expected.sort_by_key(|w| (w.key_hash(), w.signature));
        expected.dedup();
        assert_eq!(read.key_witnesses().expect("assembled witnesses"), expected);
    }
});
