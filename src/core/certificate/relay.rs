//! Pool relays: single host by address, single host by DNS name (A/AAAA), multi host (SRV).
//!
//! On-chain bytes: IPv4 in network order (the octets as written); IPv6 as four 32-bit groups,
//! each little-endian (a long-standing ledger quirk every tool must reproduce).

use std::fmt;
use std::net::{Ipv4Addr, Ipv6Addr};
use thiserror::Error;

use crate::core::encoding::cbor::{CborError, CborReader, CborWriter};
use crate::core::message::quote::{bare, escape, quote};

/// DNS names longer than this are rejected by the ledger before Conway.
pub const DNS_LIMIT_PRE_CONWAY: usize = 64;
/// DNS name limit from Conway on (and in cardano-cli since 8.20.1).
pub const DNS_LIMIT: usize = 128;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RelayError {
    // Inputs as typed; shown through core::message::quote (escaped, shortened, never a secret).
    #[error("{} is not an IPv4 address: write four numbers from 0 to 255 separated by dots, e.g. 203.0.113.10", quote(.0))]
    BadIpv4(String),
    #[error("{} is not an IPv6 address: write it in the usual colon form, e.g. 2001:db8::1", quote(.0))]
    BadIpv6(String),
    #[error("port {} is out of range: use a port from 1 to 65535 (cardano-node listens on 3001 by default)", bare(.0))]
    PortOutOfRange(String),
    #[error("{} is not a port number: use a whole number from 1 to 65535", quote(.0))]
    BadPort(String),
    #[error("the relay needs a port")]
    MissingPort,
    #[error("the relay needs an IPv4 or IPv6 address")]
    MissingAddress,
    #[error("the DNS name is empty")]
    EmptyDnsName,
    #[error("the DNS name is {len} bytes long; the limit is {max} bytes")]
    DnsNameTooLong { len: usize, max: usize },
    #[error(
        "{} is a URL, not a DNS name: remove {} and any path, e.g. relay1.example.com",
        quote(.0),
        quote(.1)
    )]
    DnsNameIsUrl(String, String),
    /// The name as typed, and the offending character in words (already escaped).
    #[error("{} is not a DNS name: it contains {}", quote(.0), .1)]
    BadDnsName(String, String),
    #[error("relay: {0}")]
    Cbor(#[from] CborError),
    #[error("unknown relay kind {0} (expected 0, 1 or 2)")]
    UnknownKind(u64),
}

/// A validated DNS name (at most 128 bytes, no spaces, not a URL).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DnsName(String);

impl DnsName {
    pub fn parse(text: &str) -> Result<Self, RelayError> {
        let t = text.trim();
        if t.is_empty() {
            return Err(RelayError::EmptyDnsName);
        }
        if let Some(idx) = t.find("://") {
            return Err(RelayError::DnsNameIsUrl(
                t.to_owned(),
                t[..idx + 3].to_owned(),
            ));
        }
        if t.len() > DNS_LIMIT {
            return Err(RelayError::DnsNameTooLong {
                len: t.len(),
                max: DNS_LIMIT,
            });
        }
        if let Some(c) = t.chars().find(|c| c.is_whitespace() || c.is_control()) {
            let what = match c {
                ' ' => "a space".to_owned(),
                c if c.is_control() => {
                    format!("the character '{}'", escape(c.encode_utf8(&mut [0; 4])))
                }
                // A space of another kind looks like nothing: name it by its code.
                c => format!("the character U+{:04X}", u32::from(c)),
            };
            return Err(RelayError::BadDnsName(t.to_owned(), what));
        }
        if let Some(c) = t
            .chars()
            .find(|c| matches!(c, '/' | ':' | '@' | '?' | '#' | ','))
        {
            return Err(RelayError::BadDnsName(t.to_owned(), format!("'{c}'")));
        }
        // Host names are letters, digits, '-', '.' (and '_' in SRV names); anything else, a
        // bidi override or a zero-width space above all, only makes a name look like another.
        if let Some(c) = t
            .chars()
            .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_')))
        {
            let what = if c.is_ascii_graphic() {
                format!("'{c}'")
            } else {
                format!("the character U+{:04X}", u32::from(c))
            };
            return Err(RelayError::BadDnsName(t.to_owned(), format!("{what}: use letters, digits, '-' and '.' (internationalised names in their xn-- form)")));
        }
        Ok(Self(t.to_owned()))
    }

    /// As stored on chain (decoding checks only the length, as the ledger does).
    pub fn from_chain(text: &str) -> Result<Self, RelayError> {
        if text.len() > DNS_LIMIT {
            return Err(RelayError::DnsNameTooLong {
                len: text.len(),
                max: DNS_LIMIT,
            });
        }
        Ok(Self(text.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Parses a port given as text: 1 to 65535.
pub fn parse_port(text: &str) -> Result<u16, RelayError> {
    let t = text.trim();
    if t.is_empty() {
        return Err(RelayError::MissingPort);
    }
    if t.starts_with('-') {
        return Err(RelayError::PortOutOfRange(t.to_owned()));
    }
    let n: u64 = t.parse().map_err(|_| {
        if t.bytes().all(|b| b.is_ascii_digit()) {
            RelayError::PortOutOfRange(t.to_owned())
        } else {
            RelayError::BadPort(t.to_owned())
        }
    })?;
    match u16::try_from(n) {
        Ok(p) if p > 0 => Ok(p),
        _ => Err(RelayError::PortOutOfRange(t.to_owned())),
    }
}

pub fn parse_ipv4(text: &str) -> Result<Ipv4Addr, RelayError> {
    text.trim()
        .parse()
        .map_err(|_| RelayError::BadIpv4(text.trim().to_owned()))
}

pub fn parse_ipv6(text: &str) -> Result<Ipv6Addr, RelayError> {
    let t = text.trim().trim_start_matches('[').trim_end_matches(']');
    t.parse()
        .map_err(|_| RelayError::BadIpv6(text.trim().to_owned()))
}

/// One relay of a pool registration.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Relay {
    SingleHostAddr {
        port: Option<u16>,
        ipv4: Option<Ipv4Addr>,
        ipv6: Option<Ipv6Addr>,
    },
    SingleHostName {
        port: Option<u16>,
        name: DnsName,
    },
    MultiHostName {
        name: DnsName,
    },
}

/// Something legal but probably a mistake, shown next to the relay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RelayWarning {
    /// Longer than 64 bytes: valid from Conway on, rejected by older eras and some tools.
    LongDnsName { len: usize },
    /// A private, loopback, link-local or documentation address other pools cannot reach.
    NonPublicAddress(String),
    /// A DNS relay whose name is really an IP address.
    AddressAsDnsName(String),
    /// Port 0 can appear on chain but nothing listens there.
    PortZero,
}

impl fmt::Display for RelayWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::LongDnsName { len } => write!(
                f,
                "the DNS name is {len} bytes: Conway accepts up to 128, but eras before Conway and some tools stop at 64"
            ),
            Self::NonPublicAddress(a) => write!(
                f,
                "{a} is a private or reserved address: other pools on the internet cannot reach it"
            ),
            Self::AddressAsDnsName(a) => write!(
                f,
                "\"{a}\" is an IP address typed as a DNS name: use an address relay instead"
            ),
            Self::PortZero => write!(f, "port 0: no node listens there"),
        }
    }
}

fn ipv4_is_public(a: Ipv4Addr) -> bool {
    let o = a.octets();
    let shared = o[0] == 100 && (64..128).contains(&o[1]); // 100.64.0.0/10 carrier-grade NAT
    let benchmarking = o[0] == 198 && (o[1] == 18 || o[1] == 19);
    !(a.is_private()
        || a.is_loopback()
        || a.is_link_local()
        || a.is_unspecified()
        || a.is_broadcast()
        || a.is_documentation()
        || a.is_multicast()
        || shared
        || benchmarking
        || o[0] == 0
        || o[0] >= 240)
}

fn ipv6_is_public(a: Ipv6Addr) -> bool {
    let s = a.segments();
    let unique_local = (s[0] & 0xfe00) == 0xfc00;
    let link_local = (s[0] & 0xffc0) == 0xfe80;
    let documentation = s[0] == 0x2001 && s[1] == 0x0db8;
    !(a.is_loopback()
        || a.is_unspecified()
        || a.is_multicast()
        || unique_local
        || link_local
        || documentation)
}

impl Relay {
    /// Problems worth a warning; none of them stops the certificate from being built.
    pub fn warnings(&self) -> Vec<RelayWarning> {
        let mut out = Vec::new();
        let port = match self {
            Self::SingleHostAddr { port, ipv4, ipv6 } => {
                if let Some(a) = ipv4.filter(|a| !ipv4_is_public(*a)) {
                    out.push(RelayWarning::NonPublicAddress(a.to_string()));
                }
                if let Some(a) = ipv6.filter(|a| !ipv6_is_public(*a)) {
                    out.push(RelayWarning::NonPublicAddress(a.to_string()));
                }
                *port
            }
            Self::SingleHostName { port, name } => {
                Self::name_warnings(name, &mut out);
                *port
            }
            Self::MultiHostName { name } => {
                Self::name_warnings(name, &mut out);
                None
            }
        };
        if port == Some(0) {
            out.push(RelayWarning::PortZero);
        }
        out
    }

    fn name_warnings(name: &DnsName, out: &mut Vec<RelayWarning>) {
        let s = name.as_str();
        if s.len() > DNS_LIMIT_PRE_CONWAY {
            out.push(RelayWarning::LongDnsName { len: s.len() });
        }
        if s.parse::<Ipv4Addr>().is_ok() || parse_ipv6(s).is_ok() {
            out.push(RelayWarning::AddressAsDnsName(s.to_owned()));
        }
    }

    pub fn encode(&self, w: &mut CborWriter) {
        let port = |w: &mut CborWriter, p: Option<u16>| {
            match p {
                Some(p) => w.uint(u64::from(p)),
                None => w.null(),
            };
        };
        match self {
            Self::SingleHostAddr {
                port: p,
                ipv4,
                ipv6,
            } => {
                w.array(4).uint(0);
                port(w, *p);
                match ipv4 {
                    Some(a) => w.bytes(&a.octets()),
                    None => w.null(),
                };
                match ipv6 {
                    Some(a) => w.bytes(&ipv6_to_chain(*a)),
                    None => w.null(),
                };
            }
            Self::SingleHostName { port: p, name } => {
                w.array(3).uint(1);
                port(w, *p);
                w.text(name.as_str());
            }
            Self::MultiHostName { name } => {
                w.array(2).uint(2).text(name.as_str());
            }
        }
    }

    pub fn decode(r: &mut CborReader<'_>) -> Result<Self, RelayError> {
        let len = r.array("a relay")?;
        let kind = r.uint("the relay kind")?;
        let port = |r: &mut CborReader<'_>| -> Result<Option<u16>, RelayError> {
            if r.is_null()? {
                r.null("a port")?;
                return Ok(None);
            }
            let p = r.uint("a port")?;
            u16::try_from(p)
                .map(Some)
                .map_err(|_| RelayError::PortOutOfRange(p.to_string()))
        };
        let expect_len = |n: u64| -> Result<(), RelayError> {
            if len == n {
                Ok(())
            } else {
                Err(RelayError::Cbor(CborError::Unexpected {
                    expected: "a relay",
                    found: format!("a relay of kind {kind} with {len} fields (expected {n})"),
                    offset: 0,
                }))
            }
        };
        match kind {
            0 => {
                expect_len(4)?;
                let port = port(r)?;
                let ipv4 = if r.is_null()? {
                    r.null("an IPv4 address")?;
                    None
                } else {
                    Some(Ipv4Addr::from(r.bytes_exact::<4>("an IPv4 address")?))
                };
                let ipv6 = if r.is_null()? {
                    r.null("an IPv6 address")?;
                    None
                } else {
                    Some(ipv6_from_chain(r.bytes_exact::<16>("an IPv6 address")?))
                };
                Ok(Self::SingleHostAddr { port, ipv4, ipv6 })
            }
            1 => {
                expect_len(3)?;
                let port = port(r)?;
                let name = DnsName::from_chain(r.text("a DNS name")?)?;
                Ok(Self::SingleHostName { port, name })
            }
            2 => {
                expect_len(2)?;
                let name = DnsName::from_chain(r.text("a DNS name")?)?;
                Ok(Self::MultiHostName { name })
            }
            k => Err(RelayError::UnknownKind(k)),
        }
    }

    /// Short human form: `203.0.113.10:3001`, `[2001:db8::1]:3002`, `relay.example.com:3001`,
    /// `SRV _cardano._tcp.example.com`.
    pub fn display(&self) -> String {
        let port = |p: &Option<u16>| p.map_or_else(|| ":(no port)".to_owned(), |p| format!(":{p}"));
        match self {
            Self::SingleHostAddr {
                port: p,
                ipv4,
                ipv6,
            } => {
                let mut parts = Vec::new();
                if let Some(a) = ipv4 {
                    parts.push(format!("{a}{}", port(p)));
                }
                if let Some(a) = ipv6 {
                    parts.push(format!("[{a}]{}", port(p)));
                }
                if parts.is_empty() {
                    parts.push(format!("(no address){}", port(p)));
                }
                parts.join(" and ")
            }
            Self::SingleHostName { port: p, name } => format!("{}{}", name.as_str(), port(p)),
            Self::MultiHostName { name } => format!("SRV {}", name.as_str()),
        }
    }

    pub fn kind_label(&self) -> &'static str {
        match self {
            Self::SingleHostAddr { .. } => "IP address",
            Self::SingleHostName { .. } => "DNS name (A/AAAA)",
            Self::MultiHostName { .. } => "DNS SRV record",
        }
    }
}

/// IPv6 as stored by the ledger: each 32-bit group little-endian.
pub fn ipv6_to_chain(addr: Ipv6Addr) -> [u8; 16] {
    let mut out = addr.octets();
    for group in out.chunks_exact_mut(4) {
        group.reverse();
    }
    out
}

pub fn ipv6_from_chain(mut bytes: [u8; 16]) -> Ipv6Addr {
    for group in bytes.chunks_exact_mut(4) {
        group.reverse();
    }
    Ipv6Addr::from(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ipv6_words_are_little_endian() {
        let a: Ipv6Addr = "2001:db8::1".parse().unwrap();
        assert_eq!(
            hex::encode(ipv6_to_chain(a)),
            "b80d0120000000000000000001000000"
        );
        assert_eq!(ipv6_from_chain(ipv6_to_chain(a)), a);
    }

    #[test]
    fn ports_and_names() {
        assert_eq!(parse_port("3001"), Ok(3001));
        assert_eq!(
            parse_port("0"),
            Err(RelayError::PortOutOfRange("0".to_owned()))
        );
        assert_eq!(
            parse_port("65536"),
            Err(RelayError::PortOutOfRange("65536".to_owned()))
        );
        assert_eq!(
            parse_port("30a1"),
            Err(RelayError::BadPort("30a1".to_owned()))
        );
        assert!(matches!(
            DnsName::parse("http://relay.example.com"),
            Err(RelayError::DnsNameIsUrl(..))
        ));
        assert_eq!(
            DnsName::parse(&"a".repeat(129)),
            Err(RelayError::DnsNameTooLong { len: 129, max: 128 })
        );
        assert!(DnsName::parse(&"a".repeat(128)).is_ok());
    }

    #[test]
    fn warnings_for_private_addresses_and_long_names() {
        let r = Relay::SingleHostAddr {
            port: Some(3001),
            ipv4: Some(Ipv4Addr::new(192, 168, 1, 10)),
            ipv6: None,
        };
        assert_eq!(
            r.warnings(),
            vec![RelayWarning::NonPublicAddress("192.168.1.10".to_owned())]
        );
        let name = DnsName::parse(&"r".repeat(70)).unwrap();
        let r = Relay::SingleHostName {
            port: Some(3001),
            name,
        };
        assert_eq!(r.warnings(), vec![RelayWarning::LongDnsName { len: 70 }]);
        let r = Relay::SingleHostName {
            port: Some(3001),
            name: DnsName::parse("8.8.8.8").unwrap(),
        };
        assert_eq!(
            r.warnings(),
            vec![RelayWarning::AddressAsDnsName("8.8.8.8".to_owned())]
        );
    }

    #[test]
    fn names_are_quoted_safely() {
        let e = DnsName::parse("relay\u{1b}[2K.example.com").unwrap_err();
        assert_eq!(
            e.to_string(),
            "\"relay\\x1b[2K.example.com\" is not a DNS name: it contains the character '\\x1b'"
        );
        let e = DnsName::parse("relay\u{a0}one").unwrap_err();
        assert!(
            e.to_string().ends_with("it contains the character U+00A0"),
            "{e}"
        );
    }
}
