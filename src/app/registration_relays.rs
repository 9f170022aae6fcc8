//! One relay row of the registration builder after parsing: the host and the port are
//! checked apart, so the row says everything wrong with it at once, each under its field.

use std::net::Ipv4Addr;

use super::registration::{RelayDraft, RelayKind};
use crate::core::certificate::relay::{self, DnsName, Relay, RelayError, RelayWarning};
use crate::core::encoding::cbor::CborWriter;
use crate::core::message::quote;

/// One relay row after parsing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelayCheck {
    /// The relay, or every problem of the row joined (for lists and the plan comparison).
    pub relay: Result<Relay, String>,
    /// What is wrong with the address or name, said under that field.
    pub host: Option<String>,
    /// What is wrong with the port, said under that field.
    pub port: Option<String>,
    pub warnings: Vec<String>,
    /// The CBOR bytes that go on chain, when it parses.
    pub cbor_hex: Option<String>,
}

/// The host part of a row, before the port joins it.
enum Host {
    V4(Ipv4Addr),
    V6(std::net::Ipv6Addr),
    Name(DnsName),
}

impl RelayDraft {
    /// Parses the row; errors and warnings say how to fix it.
    pub fn check(&self) -> RelayCheck {
        let mut warnings = Vec::new();
        let host = self.parse_host();
        let port = match self.kind {
            RelayKind::Srv => {
                if !self.port.trim().is_empty() {
                    warnings.push(
                        "an SRV record carries its own ports: the port here is not used".to_owned(),
                    );
                }
                Ok(None)
            }
            _ => relay::parse_port(&self.port)
                .map(Some)
                .map_err(|e| match e {
                    RelayError::MissingPort => {
                        "enter the port the relay listens on (usually 3001)".to_owned()
                    }
                    other => other.to_string(),
                }),
        };
        let relay = match (&host, &port) {
            (Ok(h), Ok(p)) => Ok(match h {
                Host::V4(a) => Relay::SingleHostAddr {
                    port: *p,
                    ipv4: Some(*a),
                    ipv6: None,
                },
                Host::V6(a) => Relay::SingleHostAddr {
                    port: *p,
                    ipv4: None,
                    ipv6: Some(*a),
                },
                Host::Name(name) if self.kind == RelayKind::Srv => {
                    Relay::MultiHostName { name: name.clone() }
                }
                Host::Name(name) => Relay::SingleHostName {
                    port: *p,
                    name: name.clone(),
                },
            }),
            _ => Err([host.as_ref().err(), port.as_ref().err()]
                .into_iter()
                .flatten()
                .cloned()
                .collect::<Vec<_>>()
                .join("; ")),
        };
        if let Ok(r) = &relay {
            warnings.extend(r.warnings().iter().map(RelayWarning::to_string));
        }
        let cbor_hex = relay.as_ref().ok().map(|r| {
            let mut w = CborWriter::new();
            r.encode(&mut w);
            hex::encode(w.into_bytes())
        });
        RelayCheck {
            host: host.err(),
            port: port.err(),
            relay,
            warnings,
            cbor_hex,
        }
    }

    fn parse_host(&self) -> Result<Host, String> {
        let host = self.host.trim();
        if host.is_empty() {
            return Err(match self.kind {
                RelayKind::Address => "enter the relay's public IP address".to_owned(),
                _ => "enter the relay's DNS name, e.g. relay1.example.com".to_owned(),
            });
        }
        if self.kind != RelayKind::Address {
            return DnsName::parse(host)
                .map(Host::Name)
                .map_err(|e| e.to_string());
        }
        if let Ok(a) = host.parse::<Ipv4Addr>() {
            return Ok(Host::V4(a));
        }
        if let Ok(a) = relay::parse_ipv6(host) {
            return Ok(Host::V6(a));
        }
        if let Some(at) = host.find("://") {
            return Err(
                RelayError::DnsNameIsUrl(host.to_owned(), host[..at + 3].to_owned()).to_string(),
            );
        }
        if host.chars().any(|c| c.is_ascii_alphabetic()) && !host.contains(':') {
            return Err(format!(
                "{} is a name, not an IP address: choose the kind \"DNS name (A/AAAA)\"",
                quote::quote(host)
            ));
        }
        Err(format!(
            "{} is not an IPv4 or IPv6 address (e.g. 203.0.113.10 or 2001:db8::1)",
            quote::quote(host)
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(kind: RelayKind, host: &str, port: &str) -> RelayCheck {
        RelayDraft {
            kind,
            host: host.to_owned(),
            port: port.to_owned(),
        }
        .check()
    }

    #[test]
    fn relay_rows_explain_mistakes() {
        assert_eq!(row(RelayKind::Address, "relay.example.com", "3001").relay.unwrap_err(), "\"relay.example.com\" is a name, not an IP address: choose the kind \"DNS name (A/AAAA)\"");
        assert_eq!(
            row(RelayKind::Address, "203.0.113.10", "")
                .relay
                .unwrap_err(),
            "enter the port the relay listens on (usually 3001)"
        );
        let ok = row(RelayKind::Address, "203.0.113.10", "3001");
        assert_eq!(ok.cbor_hex.as_deref(), Some("8400190bb944cb00710af6"));
        assert_eq!(ok.warnings.len(), 1, "documentation range is flagged");
        assert!(row(RelayKind::DnsName, "http://relay.example.com", "3001")
            .relay
            .unwrap_err()
            .contains("is a URL"));
        let ip_as_name = row(RelayKind::DnsName, "8.8.8.8", "3001");
        assert!(ip_as_name.warnings[0].contains("IP address typed as a DNS name"));
    }

    #[test]
    fn a_row_with_a_bad_host_and_a_bad_port_says_both_each_in_its_place() {
        let both = row(RelayKind::Address, "relay.example.com", "99999");
        assert_eq!(both.host.as_deref(), Some("\"relay.example.com\" is a name, not an IP address: choose the kind \"DNS name (A/AAAA)\""));
        assert!(both.port.is_some(), "{both:?}");
        assert_eq!(
            both.relay.unwrap_err(),
            format!("{}; {}", both.host.unwrap(), both.port.unwrap())
        );
        let srv = row(RelayKind::Srv, "_cardano._tcp.example.com", "3001");
        assert!(srv.relay.is_ok() && srv.port.is_none());
        assert_eq!(srv.warnings.len(), 1);
    }
}
