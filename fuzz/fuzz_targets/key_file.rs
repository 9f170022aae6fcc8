//! Files a pool folder holds, read by what they contain: keys (`AnyKey::from_file_contents`:
//! an envelope or bare bech32), verification keys typed as hex or bech32
//! (`verification_key_from_text`), opcerts and issue counters (`OpCert::decode`,
//! `IssueCounter::decode`), and the recogniser and describer that open any of them
//! (`describe::recognise::classify`, `describe::describe`).
//!
//! Properties: a key read from a file is written (as an envelope, and as bech32) in forms that
//! read back as the same key; an opcert or counter decoded from CBOR encodes to CBOR that
//! decodes to the same value.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pool_console::core::describe::describe;
use pool_console::core::describe::recognise::classify;
use pool_console::core::kes::opcert::{IssueCounter, OpCert};
use pool_console::core::keys::address::Network;
use pool_console::core::keys::{accept, verification_key_from_text, AnyKey};

fuzz_target!(|data: &[u8]| {
    if let Ok(key) = AnyKey::from_file_contents(data) {
        match &key {
            AnyKey::Verification(v) => {
                let env = v.to_envelope().render();
                assert_eq!(AnyKey::from_file_contents(env.expose()).as_ref(), Ok(&key));
                if let Ok(text) = v.to_bech32() {
                    assert_eq!(AnyKey::from_bech32(&text).as_ref(), Ok(&key));
                }
                let _ = (v.key_hash(), v.public_key());
            }
            AnyKey::Signing(s) => {
                let env = s.to_envelope().render();
                assert_eq!(AnyKey::from_file_contents(env.expose()).as_ref(), Ok(&key));
                if let Ok(text) = s.to_bech32() {
                    let text = std::str::from_utf8(text.expose()).expect("bech32 is text");
                    assert_eq!(AnyKey::from_bech32(text).as_ref(), Ok(&key));
                }
                let _ = s.verification_key();
            }
        }
    }
    let _ = classify(data);
    for network in [Network::Mainnet, Network::Testnet { magic: 2 }] {
        if let Ok(d) = describe(data, network) {
            let _ = d.to_text();
            let _ = d.to_json();
        }
    }
    if let Ok(cert) = OpCert::decode(data) {
        assert_eq!(OpCert::decode(&cert.encode()).as_ref(), Ok(&cert));
        assert_eq!(
            OpCert::from_envelope(&cert.to_envelope()).as_ref(),
            Ok(&cert)
        );
        let _ = (cert.pool_id(), cert.check(None, None).problems());
    }
    if let Ok(counter) = IssueCounter::decode(data) {
        assert_eq!(
            IssueCounter::decode(&counter.encode()).as_ref(),
            Ok(&counter)
        );
        assert_eq!(
            IssueCounter::from_envelope(&counter.to_envelope()).as_ref(),
            Ok(&counter)
        );
    }
    if let Ok(text) = std::str::from_utf8(data) {
        for kinds in [
            accept::COLD_VERIFICATION,
            accept::STAKE_VERIFICATION,
            accept::VRF_VERIFICATION,
        ] {
            let _ = verification_key_from_text(text, kinds);
        }
    }
});
