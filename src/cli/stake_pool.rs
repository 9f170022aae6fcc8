//! `stake-pool id`, `registration-certificate`, `deregistration-certificate`, `metadata-hash`.

use clap::ArgMatches;

use super::args::{RegistrationArgs, StakePoolCommand};
use super::{inputs, output, CliError, CliResult, Streams};
use crate::core::certificate::margin::UnitInterval;
use crate::core::certificate::metadata;
use crate::core::certificate::relay::{self, DnsName, Relay};
use crate::core::certificate::{Certificate, Era, PoolMetadataRef, PoolParams};
use crate::core::encoding::bech32;
use crate::core::keys::accept;
use crate::core::keys::address::{Credential, RewardAccount};
use crate::core::message::quote::{self, Source};
use crate::platform::read;

/// `--expected-hash` takes 64 hex digits; any other long hex may be a key pasted by mistake.
const EXPECTED_HASH: Source = Source::SecretContext { allowed_hex: &[64] };

pub fn run(
    cmd: StakePoolCommand,
    era: Era,
    matches: &ArgMatches,
    io: &mut Streams<'_>,
) -> CliResult {
    match cmd {
        StakePoolCommand::Id {
            pool,
            output_bech32: _,
            output_hex,
            output_format,
            out_file,
        } => {
            let hex_out = match output_format.as_deref() {
                None => output_hex,
                Some("hex") => true,
                Some("bech32") => false,
                Some(other) => {
                    return Err(CliError::new(format!(
                        "--output-format {} is not a format: use \"hex\" or \"bech32\"",
                        quote::quote(other)
                    )))
                }
            };
            let id = inputs::pool_key(&pool)?.key_hash();
            let text = if hex_out {
                hex::encode(id)
            } else {
                bech32::encode("pool", &id)?
            };
            output::text_value(&text, out_file.as_deref(), false, io)
        }
        StakePoolCommand::RegistrationCertificate(args) => {
            let relay_matches = matches
                .subcommand()
                .and_then(|(_, m)| m.subcommand())
                .map(|(_, m)| m)
                .ok_or_else(|| CliError::new("internal: relay arguments not found"))?;
            if args.validate_relays || args.check_metadata_hash {
                let flag = if args.validate_relays {
                    "--validate-relays"
                } else {
                    "--check-metadata-hash"
                };
                return Err(CliError::new(format!(
                    "{flag} needs the network, and Pool Console works offline: build the certificate without it, and check relays and the hosted metadata from an online machine"
                )));
            }
            let relays = relays_in_order(relay_matches)?;
            let params = pool_params(&args, relays)?;
            if era == Era::PreConway {
                check_pre_conway_limits(&params)?;
            }
            let cert = Certificate::PoolRegistration(Box::new(params.clone()));
            output::write_certificate(&cert, era, &args.out_file, io)?;
            // Legal but probably mistaken relays: said on stderr, after the file is written.
            for (i, r) in params.relays.iter().enumerate() {
                for w in r.warnings() {
                    let _ = writeln!(
                        io.err,
                        "Warning: relay {} ({}): {}",
                        i + 1,
                        quote::escape(&r.display()),
                        quote::escape(&w.to_string())
                    );
                }
            }
            Ok(())
        }
        StakePoolCommand::DeregistrationCertificate {
            pool,
            epoch,
            out_file,
        } => {
            let pool = inputs::pool_key(&pool)?.key_hash();
            let cert = Certificate::PoolRetirement { pool, epoch };
            output::write_certificate(&cert, era, &out_file, io)
        }
        StakePoolCommand::MetadataHash {
            pool_metadata_file,
            pool_metadata_url,
            expected_hash,
            out_file,
        } => {
            let Some(pool_metadata_file) = pool_metadata_file else {
                return Err(CliError::new(format!(
                    "--pool-metadata-url {}: Pool Console works offline and does not download; save the file and pass --pool-metadata-file",
                    quote::bare(&pool_metadata_url.unwrap_or_default())
                )));
            };
            let bytes = read::read_input(&pool_metadata_file, read::METADATA)?;
            let (_, hash) = metadata::validate(bytes.expose())
                .map_err(|e| CliError::file(&pool_metadata_file, e))?;
            let actual = hex::encode(hash);
            match expected_hash {
                Some(expected) => {
                    let e = expected.trim().to_lowercase();
                    if e == actual {
                        writeln!(io.out, "Hashes match!")
                            .map_err(|e| CliError::new(e.to_string()))?;
                        Ok(())
                    } else {
                        // cardano-cli's layout; a secret pasted as the expected hash (a key's
                        // hex, a recovery phrase) is not repeated, a 64-hex hash is.
                        Err(CliError::new(format!(
                            "Hashes do not match!\nExpected: {}\n  Actual: \"{actual}\"",
                            quote::quote_from(&e, EXPECTED_HASH)
                        )))
                    }
                }
                None => output::text_value(&actual, out_file.as_deref(), false, io),
            }
        }
    }
}

/// Eras before Conway reject DNS names and metadata URLs over 64 bytes.
fn check_pre_conway_limits(p: &PoolParams) -> CliResult {
    for r in &p.relays {
        let name = match r {
            Relay::SingleHostName { name, .. } | Relay::MultiHostName { name } => name.as_str(),
            Relay::SingleHostAddr { .. } => continue,
        };
        if name.len() > relay::DNS_LIMIT_PRE_CONWAY {
            return Err(CliError::new(format!(
                "the DNS name {} is {} bytes; eras before Conway accept at most 64 (leave out the babbage era word for a Conway certificate)",
                quote::escape(name),
                name.len()
            )));
        }
    }
    if let Some(m) = &p.metadata {
        if m.url.len() > 64 {
            return Err(CliError::new(format!(
                "--metadata-url is {} bytes; eras before Conway accept at most 64 (leave out the babbage era word for a Conway certificate)",
                m.url.len()
            )));
        }
    }
    Ok(())
}

fn pool_params(a: &RegistrationArgs, relays: Vec<Relay>) -> Result<PoolParams, CliError> {
    let operator = inputs::pool_key(&a.pool)?.key_hash();
    let vrf = inputs::verification_key(
        a.vrf_verification_key_file.as_deref(),
        a.vrf_verification_key
            .as_deref()
            .map(|t| ("vrf-verification-key", t)),
        accept::VRF_VERIFICATION,
    )?;
    let margin = UnitInterval::parse(&a.pool_margin)
        .map_err(|e| CliError::new(format!("--pool-margin: {e}")))?;
    let reward = inputs::verification_key(
        a.pool_reward_account_verification_key_file.as_deref(),
        a.pool_reward_account_verification_key
            .as_deref()
            .map(|t| ("pool-reward-account-verification-key", t)),
        accept::STAKE_VERIFICATION,
    )?;
    let mut owners = Vec::new();
    for p in &a.pool_owner_stake_verification_key_file {
        owners.push(inputs::verification_key_file(p, accept::STAKE_VERIFICATION)?.key_hash());
    }
    for t in &a.pool_owner_verification_key {
        owners.push(
            inputs::verification_key_text(
                "pool-owner-verification-key",
                t,
                accept::STAKE_VERIFICATION,
            )?
            .key_hash(),
        );
    }
    let metadata = match (&a.metadata_url, &a.metadata_hash) {
        (Some(url), Some(hash)) => {
            metadata::check_url(url).map_err(|e| CliError::new(format!("--metadata-url: {e}")))?;
            let hash = metadata::parse_hash(hash)
                .map_err(|e| CliError::new(format!("--metadata-hash: {e}")))?;
            Some(PoolMetadataRef {
                url: url.clone(),
                hash,
            })
        }
        _ => None,
    };
    Ok(PoolParams {
        operator,
        vrf_key_hash: vrf.key_hash_256(),
        pledge: a.pool_pledge,
        cost: a.pool_cost,
        margin,
        reward_account: RewardAccount::new(a.network.network(), Credential::Key(reward.key_hash())),
        owners: PoolParams::normalise_owners(owners),
        relays,
        metadata,
    })
}

/// One relay flag as it appeared on the command line.
enum Token {
    Ipv4(String),
    Ipv6(String),
    Port(String),
    Single(String),
    Multi(String),
}

/// The relay flags in command-line order (clap groups values by flag; indices give the order).
fn relays_in_order(m: &ArgMatches) -> Result<Vec<Relay>, CliError> {
    let mut tokens: Vec<(usize, Token)> = Vec::new();
    let mut collect = |id: &str, make: fn(String) -> Token| {
        if let (Some(idx), Some(vals)) = (m.indices_of(id), m.get_many::<String>(id)) {
            for (i, v) in idx.zip(vals) {
                tokens.push((i, make(v.clone())));
            }
        }
    };
    collect("pool_relay_ipv4", Token::Ipv4);
    collect("pool_relay_ipv6", Token::Ipv6);
    collect("pool_relay_port", Token::Port);
    collect("single_host_pool_relay", Token::Single);
    collect("multi_host_pool_relay", Token::Multi);
    tokens.sort_by_key(|(i, _)| *i);
    group_relays(tokens.into_iter().map(|(_, t)| t))
}

#[derive(Default)]
struct Pending {
    ipv4: Option<String>,
    ipv6: Option<String>,
    name: Option<String>,
    port: Option<String>,
}

impl Pending {
    fn is_empty(&self) -> bool {
        self.ipv4.is_none() && self.ipv6.is_none() && self.name.is_none() && self.port.is_none()
    }

    fn has_host(&self) -> bool {
        self.ipv4.is_some() || self.ipv6.is_some() || self.name.is_some()
    }

    fn close(self, out: &mut Vec<Relay>) -> Result<(), CliError> {
        if self.is_empty() {
            return Ok(());
        }
        let port = match &self.port {
            Some(p) => relay::parse_port(p)
                .map_err(|e| CliError::new(format!("--pool-relay-port: {e}")))?,
            None => {
                let host = self.name.or(self.ipv4).or(self.ipv6).unwrap_or_default();
                return Err(CliError::new(format!(
                    "the relay {} has no --pool-relay-port after it (every IP or single-host relay needs one)",
                    quote::bare(&host)
                )));
            }
        };
        if let Some(name) = self.name {
            let name = DnsName::parse(&name)
                .map_err(|e| CliError::new(format!("--single-host-pool-relay: {e}")))?;
            out.push(Relay::SingleHostName {
                port: Some(port),
                name,
            });
            return Ok(());
        }
        if self.ipv4.is_none() && self.ipv6.is_none() {
            return Err(CliError::new(format!(
                "--pool-relay-port {port} does not belong to a relay: put it after --pool-relay-ipv4, --pool-relay-ipv6 or --single-host-pool-relay"
            )));
        }
        let ipv4 = self
            .ipv4
            .map(|a| relay::parse_ipv4(&a))
            .transpose()
            .map_err(|e| CliError::new(format!("--pool-relay-ipv4: {e}")))?;
        let ipv6 = self
            .ipv6
            .map(|a| relay::parse_ipv6(&a))
            .transpose()
            .map_err(|e| CliError::new(format!("--pool-relay-ipv6: {e}")))?;
        out.push(Relay::SingleHostAddr {
            port: Some(port),
            ipv4,
            ipv6,
        });
        Ok(())
    }
}

/// Groups relay flags: an address relay is `[--pool-relay-ipv4] [--pool-relay-ipv6]
/// --pool-relay-port`, a DNS relay `--single-host-pool-relay --pool-relay-port`, an SRV relay
/// `--multi-host-pool-relay`. A flag already present in the open group starts the next one.
fn group_relays(tokens: impl Iterator<Item = Token>) -> Result<Vec<Relay>, CliError> {
    let mut out = Vec::new();
    let mut cur = Pending::default();
    for t in tokens {
        match t {
            Token::Ipv4(a) => {
                if cur.ipv4.is_some()
                    || cur.name.is_some()
                    || (cur.port.is_some() && cur.has_host())
                {
                    std::mem::take(&mut cur).close(&mut out)?;
                }
                cur.ipv4 = Some(a);
            }
            Token::Ipv6(a) => {
                if cur.ipv6.is_some()
                    || cur.name.is_some()
                    || (cur.port.is_some() && cur.has_host())
                {
                    std::mem::take(&mut cur).close(&mut out)?;
                }
                cur.ipv6 = Some(a);
            }
            Token::Single(n) => {
                if cur.has_host() {
                    std::mem::take(&mut cur).close(&mut out)?;
                }
                cur.name = Some(n);
            }
            Token::Port(p) => {
                if cur.port.is_some() {
                    std::mem::take(&mut cur).close(&mut out)?;
                }
                cur.port = Some(p);
            }
            Token::Multi(n) => {
                std::mem::take(&mut cur).close(&mut out)?;
                let name = DnsName::parse(&n)
                    .map_err(|e| CliError::new(format!("--multi-host-pool-relay: {e}")))?;
                out.push(Relay::MultiHostName { name });
            }
        }
    }
    cur.close(&mut out)?;
    Ok(out)
}
