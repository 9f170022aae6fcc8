//! Relays as typed (`DnsName::parse`, `parse_port`, `parse_ipv4`, `parse_ipv6`) and as read
//! from a certificate (`Relay::decode`), with the warnings and the text shown for them.
//!
//! Properties: a parsed DNS name parses again to itself; an address or port parsed from text
//! reads back from its usual form; a decoded relay encodes to CBOR that decodes to itself.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pool_console::core::certificate::relay::{
    ipv6_from_chain, ipv6_to_chain, parse_ipv4, parse_ipv6, parse_port, DnsName, Relay,
};
use pool_console::core::encoding::cbor::{CborReader, CborWriter};

fuzz_target!(|data: &[u8]| {
    // As CBOR: a relay in a registration certificate.
    let mut r = CborReader::new(data);
    if let Ok(relay) = Relay::decode(&mut r) {
        let _ = (relay.display(), relay.warnings(), relay.kind_label());
        let mut w = CborWriter::new();
        relay.encode(&mut w);
        let bytes = w.into_bytes();
        let mut again = CborReader::new(&bytes);
        assert_eq!(
            Relay::decode(&mut again).expect("an encoded relay decodes"),
            relay
        );
        again.finish().expect("one relay, nothing after it");
    }

    // As text: what the registration form and the plan file take.
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(name) = DnsName::parse(text) {
        assert_eq!(DnsName::parse(name.as_str()).as_ref(), Ok(&name));
        assert_eq!(DnsName::from_chain(name.as_str()).as_ref(), Ok(&name));
        for relay in [
            Relay::SingleHostName {
                port: Some(3001),
                name: name.clone(),
            },
            Relay::MultiHostName { name },
        ] {
            let _ = (relay.display(), relay.warnings());
        }
    }
    if let Ok(port) = parse_port(text) {
        assert!(port > 0);
        assert_eq!(parse_port(&port.to_string()), Ok(port));
    }
    if let Ok(a) = parse_ipv4(text) {
        assert_eq!(parse_ipv4(&a.to_string()), Ok(a));
    }
    if let Ok(a) = parse_ipv6(text) {
        assert_eq!(parse_ipv6(&a.to_string()), Ok(a));
        assert_eq!(ipv6_from_chain(ipv6_to_chain(a)), a);
        let relay = Relay::SingleHostAddr {
            port: Some(0),
            ipv4: None,
            ipv6: Some(a),
        };
        let _ = (relay.display(), relay.warnings());
    }
    // A line split as the form splits it: host, then port.
    if let Some((host, port)) = text.rsplit_once(':') {
        let _ = DnsName::parse(host);
        let _ = parse_port(port);
    }
});
