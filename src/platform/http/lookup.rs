//! The metrics client's name lookup: the operating system's resolver on a named thread,
//! waited for no longer than the request's deadline.
//!
//! ureq's own resolver bounds a lookup the same way, but on an unnamed thread and with an
//! error that does not tell a name that cannot be found from a refused connection; this one
//! keeps the project's rule (threads are named) and says which went wrong. An IP address
//! needs no lookup and starts no thread. When the deadline passes first, the lookup thread is
//! left to finish on its own (the operating system's call cannot be interrupted); its answer
//! is dropped.

use std::net::{IpAddr, SocketAddr, ToSocketAddrs};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Instant;

use ureq::config::Config;
use ureq::http::Uri;
use ureq::unversioned::resolver::{ResolvedSocketAddrs, Resolver};
use ureq::unversioned::transport::NextTimeout;
use ureq::{Error, Timeout};

use super::{no_address, remaining};

/// Why a lookup gave no address, worded for the operator; carried through ureq's
/// `Error::Other` and taken back out by `get`.
#[derive(Debug)]
pub(super) struct LookupFailed(pub(super) String);

impl std::fmt::Display for LookupFailed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for LookupFailed {}

/// Resolves the one host of one request. The agent that holds it is built per request, with
/// no proxy and no redirects, so the only name ureq asks for is this one.
#[derive(Debug)]
pub(super) struct Lookup {
    /// The address as the operator wrote it, for messages.
    pub(super) url: String,
    /// Without brackets.
    pub(super) host: String,
    pub(super) port: u16,
    /// The request's deadline, the same one ureq's global timeout counts down to.
    pub(super) deadline: Instant,
}

impl Resolver for Lookup {
    fn resolve(
        &self,
        _uri: &Uri,
        _config: &Config,
        _timeout: NextTimeout,
    ) -> Result<ResolvedSocketAddrs, Error> {
        let mut out = self.empty();
        for address in self.addresses()? {
            if out.try_push(address).is_err() {
                break;
            }
        }
        Ok(out)
    }
}

impl Lookup {
    fn failed(message: String) -> Error {
        Error::Other(Box::new(LookupFailed(message)))
    }

    /// Every address of the host, in the resolver's order; at least one.
    fn addresses(&self) -> Result<Vec<SocketAddr>, Error> {
        if let Ok(ip) = self.host.parse::<IpAddr>() {
            return Ok(vec![SocketAddr::new(ip, self.port)]);
        }
        let left = remaining(self.deadline).ok_or(Error::Timeout(Timeout::Resolve))?;
        let (sender, answer) = mpsc::sync_channel(1);
        let (host, port) = (self.host.clone(), self.port);
        std::thread::Builder::new()
            .name("metrics name lookup".to_owned())
            .spawn(move || {
                let found = (host.as_str(), port)
                    .to_socket_addrs()
                    .map(Iterator::collect::<Vec<_>>);
                // Nobody listens any more once the deadline has passed; that is fine.
                let _ = sender.send(found);
            })
            .map_err(|e| {
                Self::failed(format!("{}: cannot start the name lookup: {e}", self.url))
            })?;
        match answer.recv_timeout(left) {
            Ok(Ok(found)) if found.is_empty() => {
                Err(Self::failed(no_address(&self.url, &self.host)))
            }
            Ok(Ok(found)) => Ok(found),
            Ok(Err(e)) => Err(Self::failed(format!(
                "{}: cannot find the host {}: {e}; check the name, or use the node's IP address",
                self.url, self.host
            ))),
            Err(RecvTimeoutError::Timeout) => Err(Error::Timeout(Timeout::Resolve)),
            Err(RecvTimeoutError::Disconnected) => Err(Self::failed(format!(
                "{}: the name lookup stopped unexpectedly; try again",
                self.url
            ))),
        }
    }
}
