//! Certificates (`Certificate::decode`, and `from_envelope` for certificate files), with what
//! the console shows of them: the description, and for a pool registration the review sheet.
//!
//! Property: a decoded certificate encodes (in the era it was read as) to CBOR that decodes to
//! the same certificate and era, and re-encoding that gives the same bytes again.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pool_console::core::certificate::Certificate;
use pool_console::core::describe::describe_certificate;
use pool_console::core::encoding::envelope::TextEnvelope;
use pool_console::core::keys::address::Network;
use pool_console::core::review::{signoff, Review};

fuzz_target!(|data: &[u8]| {
    let decoded = if data.first() == Some(&b'{') {
        match TextEnvelope::parse(data) {
            Ok(env) => Certificate::from_envelope(&env).map(|c| (c, env.cbor.expose().to_vec())),
            Err(_) => return,
        }
    } else {
        Certificate::decode(data).map(|c| (c, data.to_vec()))
    };
    let Ok(((cert, era), cbor)) = decoded else {
        return;
    };

    let encoded = cert.encode(era);
    let (again, again_era) = Certificate::decode(&encoded).expect("an encoded certificate decodes");
    assert_eq!(again, cert, "decode(encode(c)) == c");
    assert_eq!(again.encode(again_era), encoded, "encoding is stable");
    let (from_env, _) = Certificate::from_envelope(&cert.to_envelope(era))
        .expect("a written certificate envelope reads back");
    assert_eq!(from_env, cert);

    let _ = (cert.description(), cert.kind_name());
    for network in [Network::Mainnet, Network::Testnet { magic: 1 }] {
        let d = describe_certificate(&cert, era, network);
        let _ = d.to_text();
        let _ = d.to_json();
    }
    if let Certificate::PoolRegistration(params) = &cert {
        for relay in &params.relays {
            let _ = (relay.display(), relay.warnings(), relay.kind_label());
        }
        let owner = params.owners.first().copied();
        let review = Review::new(&cbor, params, Some(params), None, owner.as_ref());
        let _ = review.to_text();
        let _ = review.to_json();
        let _ = review.changes();
        let _ = signoff::html(&review, "fuzz", "2026-01-01");
    }
});
