//! The cardano-cli command that does what the console just did, run from the workspace folder,
//! so operators can check or script it.

use crate::core::certificate::margin::UnitInterval;
use crate::core::certificate::relay::Relay;
use crate::core::certificate::PoolParams;

fn quote(s: &str) -> String {
    if s.chars()
        .all(|c| c.is_ascii_alphanumeric() || "._-/:@+=".contains(c))
        && !s.is_empty()
    {
        s.to_owned()
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}

pub fn key_gen(vk: &str, sk: &str, counter: &str) -> String {
    format!(
        "cardano-cli node key-gen --cold-verification-key-file {} --cold-signing-key-file {} --operational-certificate-issue-counter-file {}",
        quote(vk),
        quote(sk),
        quote(counter)
    )
}

pub fn key_gen_vrf(vk: &str, sk: &str) -> String {
    format!(
        "cardano-cli node key-gen-VRF --verification-key-file {} --signing-key-file {}",
        quote(vk),
        quote(sk)
    )
}

pub fn key_gen_kes(vk: &str, sk: &str) -> String {
    format!(
        "cardano-cli node key-gen-KES --verification-key-file {} --signing-key-file {}",
        quote(vk),
        quote(sk)
    )
}

pub fn stake_key_gen(vk: &str, sk: &str) -> String {
    format!(
        "cardano-cli latest stake-address key-gen --verification-key-file {} --signing-key-file {}",
        quote(vk),
        quote(sk)
    )
}

pub fn new_counter(cold_vk: &str, value: u64, counter: &str) -> String {
    format!(
        "cardano-cli node new-counter --cold-verification-key-file {} --counter-value {value} --operational-certificate-issue-counter-file {}",
        quote(cold_vk),
        quote(counter)
    )
}

pub fn issue_op_cert(kes_vk: &str, cold_sk: &str, counter: &str, period: u64, out: &str) -> String {
    format!(
        "cardano-cli node issue-op-cert --kes-verification-key-file {} --cold-signing-key-file {} --operational-certificate-issue-counter-file {} --kes-period {period} --out-file {}",
        quote(kes_vk),
        quote(cold_sk),
        quote(counter),
        quote(out)
    )
}

pub fn metadata_hash(file: &str) -> String {
    format!(
        "cardano-cli latest stake-pool metadata-hash --pool-metadata-file {}",
        quote(file)
    )
}

fn margin_arg(m: UnitInterval) -> String {
    format!("{}/{}", m.numerator(), m.denominator())
}

/// `stake-pool registration-certificate` with every flag; keys by file where the workspace has
/// one, otherwise by their bech32/hex text.
pub struct RegistrationArgs<'a> {
    pub cold_vkey: &'a str,
    pub vrf_vkey: &'a str,
    pub reward: &'a str,
    pub owners: &'a [String],
    pub network_flag: &'a str,
    pub out: &'a str,
}

fn key_flag(file_flag: &str, text_flag: &str, value: &str) -> String {
    if value.ends_with(".vkey") || value.contains('/') {
        format!("{file_flag} {}", quote(value))
    } else {
        format!("{text_flag} {}", quote(value))
    }
}

pub fn registration(p: &PoolParams, a: &RegistrationArgs<'_>) -> String {
    let mut parts = vec![
        "cardano-cli latest stake-pool registration-certificate".to_owned(),
        format!("--cold-verification-key-file {}", quote(a.cold_vkey)),
        format!("--vrf-verification-key-file {}", quote(a.vrf_vkey)),
        format!("--pool-pledge {}", p.pledge),
        format!("--pool-cost {}", p.cost),
        format!("--pool-margin {}", margin_arg(p.margin)),
        key_flag(
            "--pool-reward-account-verification-key-file",
            "--pool-reward-account-verification-key",
            a.reward,
        ),
    ];
    for o in a.owners {
        parts.push(key_flag(
            "--pool-owner-stake-verification-key-file",
            "--pool-owner-verification-key",
            o,
        ));
    }
    for r in &p.relays {
        parts.push(match r {
            Relay::SingleHostAddr { port, ipv4, ipv6 } => {
                let mut s = String::new();
                if let Some(a) = ipv4 {
                    s.push_str(&format!("--pool-relay-ipv4 {a} "));
                }
                if let Some(a) = ipv6 {
                    s.push_str(&format!("--pool-relay-ipv6 {a} "));
                }
                format!("{s}--pool-relay-port {}", port.unwrap_or(0))
            }
            Relay::SingleHostName { port, name } => {
                format!(
                    "--single-host-pool-relay {} --pool-relay-port {}",
                    quote(name.as_str()),
                    port.unwrap_or(0)
                )
            }
            Relay::MultiHostName { name } => {
                format!("--multi-host-pool-relay {}", quote(name.as_str()))
            }
        });
    }
    if let Some(m) = &p.metadata {
        parts.push(format!(
            "--metadata-url {} --metadata-hash {}",
            quote(&m.url),
            hex::encode(m.hash)
        ));
    }
    parts.push(a.network_flag.to_owned());
    parts.push(format!("--out-file {}", quote(a.out)));
    parts.join(" \\\n  ")
}

pub fn retirement(cold_vkey: &str, epoch: u64, out: &str) -> String {
    format!(
        "cardano-cli latest stake-pool deregistration-certificate --cold-verification-key-file {} --epoch {epoch} --out-file {}",
        quote(cold_vkey),
        quote(out)
    )
}

pub fn stake_registration(stake_vkey: &str, deposit: u64, out: &str) -> String {
    format!(
        "cardano-cli latest stake-address registration-certificate --stake-verification-key-file {} --key-reg-deposit-amt {deposit} --out-file {}",
        quote(stake_vkey),
        quote(out)
    )
}

pub fn stake_delegation(stake_vkey: &str, cold_vkey: &str, out: &str) -> String {
    format!(
        "cardano-cli latest stake-address stake-delegation-certificate --stake-verification-key-file {} --cold-verification-key-file {} --out-file {}",
        quote(stake_vkey),
        quote(cold_vkey),
        quote(out)
    )
}

/// Checks that the uploaded metadata is the file the certificate names, byte for byte.
pub fn metadata_hash_of_url(url: &str, expected: &[u8; 32]) -> String {
    format!(
        "cardano-cli latest stake-pool metadata-hash --pool-metadata-url {} --expected-hash {}",
        quote(url),
        hex::encode(expected)
    )
}

/// The protocol parameters, whose `stakePoolDeposit` is the pool deposit in lovelace.
pub fn query_protocol_parameters(network_flag: &str, out: &str) -> String {
    format!(
        "cardano-cli latest query protocol-parameters {network_flag} --out-file {}",
        quote(out)
    )
}

pub fn query_utxo(network_flag: &str) -> String {
    format!("cardano-cli latest query utxo --address \"$PAYMENT_ADDR\" {network_flag}")
}

/// `transaction build` with the certificates in the order the ledger applies them, paid from
/// `$TX_IN` with the change back to `$PAYMENT_ADDR`.
pub fn transaction_build(
    certificates: &[String],
    witnesses: usize,
    network_flag: &str,
    out: &str,
) -> String {
    let mut parts = vec![
        "cardano-cli latest transaction build".to_owned(),
        "--tx-in \"$TX_IN\"".to_owned(),
        "--change-address \"$PAYMENT_ADDR\"".to_owned(),
    ];
    parts.extend(
        certificates
            .iter()
            .map(|c| format!("--certificate-file {}", quote(c))),
    );
    parts.push(format!("--witness-override {witnesses}"));
    parts.push(network_flag.to_owned());
    parts.push(format!("--out-file {}", quote(out)));
    parts.join(" \\\n  ")
}

pub fn transaction_witness(tx: &str, signing_key: &str, network_flag: &str, out: &str) -> String {
    format!(
        "cardano-cli latest transaction witness --tx-body-file {} --signing-key-file {} {network_flag} --out-file {}",
        quote(tx),
        quote(signing_key),
        quote(out)
    )
}

pub fn transaction_assemble(tx: &str, witnesses: &[String], out: &str) -> String {
    let mut parts = vec![format!(
        "cardano-cli latest transaction assemble --tx-body-file {}",
        quote(tx)
    )];
    parts.extend(
        witnesses
            .iter()
            .map(|w| format!("--witness-file {}", quote(w))),
    );
    parts.push(format!("--out-file {}", quote(out)));
    parts.join(" \\\n  ")
}

pub fn transaction_submit(tx: &str, network_flag: &str) -> String {
    format!(
        "cardano-cli latest transaction submit --tx-file {} {network_flag}",
        quote(tx)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting() {
        assert_eq!(quote("cold.vkey"), "cold.vkey");
        assert_eq!(quote("my pool/cold.vkey"), "'my pool/cold.vkey'");
        assert_eq!(quote("it's"), "'it'\\''s'");
    }
}
