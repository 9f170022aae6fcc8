//! `aion call-data …` and `aion transaction sign`: Pool Registry call data, and the offline
//! signed transaction an online machine broadcasts with `eth_sendRawTransaction`.

use std::fmt::Display;
use std::path::Path;

use chrono::{DateTime, Utc};

use super::args::{AionCallDataCommand, AionSignArgs, AionTransactionCommand};
use super::{output, CliError, CliResult, Streams};
use crate::core::aion::address::Address;
use crate::core::aion::amount::{format_aion, parse_aion, NAMP_PER_AION};
use crate::core::aion::commission::parse_percent;
use crate::core::aion::keys::AionSigningKey;
use crate::core::aion::transaction::{self as tx, SignedTx, UnsignedTx};
use crate::core::aion::{abi, AionTxError};
use crate::ops;
use crate::platform::clock::{Clock, SystemClock};
use crate::platform::files::OutputKind;
use crate::platform::read;

/// "--flag: what is wrong".
fn flagged(flag: &str) -> impl Fn(&dyn Display) -> CliError + '_ {
    move |e| CliError::new(format!("--{flag}: {e}"))
}

fn address(flag: &str, text: &str) -> Result<Address, CliError> {
    Address::parse(text).map_err(|e| flagged(flag)(&e))
}

fn percent(text: &str) -> Result<u32, CliError> {
    parse_percent(text).map_err(|e| flagged("commission-rate")(&e))
}

fn aion(flag: &str, text: &str) -> Result<u128, CliError> {
    parse_aion(text).map_err(|e| flagged(flag)(&e))
}

fn metadata_hash(text: &str) -> Result<[u8; 32], CliError> {
    crate::core::aion::metadata::parse_content_hash(text).ok_or_else(|| {
            CliError::new(
                "--metadata-hash: give the 64 hex digits (32 bytes) of the metadata's BLAKE2b-256 hash, as `aion metadata-hash` prints it",
            )
        })
}

fn url_error(e: AionTxError) -> CliError {
    flagged("metadata-url")(&e)
}

pub fn run_call_data(cmd: AionCallDataCommand, io: &mut Streams<'_>) -> CliResult {
    use AionCallDataCommand as C;
    let data = match cmd {
        C::RegisterPool {
            signing,
            commission,
            metadata,
        } => {
            let signing = address("signing-address", &signing.signing_address)?;
            let rate = percent(&commission.commission_rate)?;
            let hash = metadata_hash(&metadata.metadata_hash)?;
            let data = abi::register_pool(&signing, rate, &metadata.metadata_url, &hash)
                .map_err(url_error)?;
            warn(
                io,
                "send this from the management key with at least 1000 AION as value (--value-aion 1000): the self-bond",
            )?;
            data
        }
        C::UpdateMetadata { metadata } => {
            let hash = metadata_hash(&metadata.metadata_hash)?;
            abi::update_metadata(&metadata.metadata_url, &hash).map_err(url_error)?
        }
        C::RequestCommissionChange { commission } => {
            abi::request_commission_change(percent(&commission.commission_rate)?)?
        }
        C::FinalizeCommissionChange { request } => {
            abi::finalize_commission_change(request.request_id)?
        }
        C::SetSigningAddress { signing } => {
            abi::set_signing_address(&address("signing-address", &signing.signing_address)?)?
        }
        C::Delegate { pool } => abi::delegate(&address("pool", &pool.pool)?)?,
        C::Undelegate {
            pool,
            amount_aion,
            fee_aion,
        } => abi::undelegate(
            &address("pool", &pool.pool)?,
            aion("amount-aion", &amount_aion)?,
            aion("fee-aion", &fee_aion)?,
        )?,
        C::FinalizeUndelegate { request } => abi::finalize_undelegate(request.request_id)?,
        C::WithdrawRewards { pool } => abi::withdraw_rewards(&address("pool", &pool.pool)?)?,
    };
    print(io, &format!("0x{}", hex::encode(data)))
}

fn print(io: &mut Streams<'_>, line: &str) -> CliResult {
    writeln!(io.out, "{line}")
        .map_err(|e| CliError::new(format!("cannot write to standard output: {e}")))
}

fn warn(io: &mut Streams<'_>, what: &str) -> CliResult {
    writeln!(io.err, "Warning: {what}")
        .map_err(|e| CliError::new(format!("cannot write to standard error: {e}")))
}

pub fn run_transaction(cmd: AionTransactionCommand, io: &mut Streams<'_>) -> CliResult {
    match cmd {
        AionTransactionCommand::Sign(args) => sign(&args, SystemClock.now(), io),
    }
}

fn call_data(text: &str) -> Result<Vec<u8>, CliError> {
    let t = text.trim();
    let t = t.strip_prefix("0x").unwrap_or(t);
    hex::decode(t).map_err(|_| CliError::new(AionTxError::CallDataNotHex.to_string()))
}

fn signing_key(path: &Path) -> Result<AionSigningKey, CliError> {
    let bytes = read::read_input(path, read::KEY)?;
    let text = std::str::from_utf8(bytes.expose()).map_err(|_| {
        CliError::file(
            path,
            "is not text: an Aion private key file holds 64 or 128 hex digits",
        )
    })?;
    AionSigningKey::from_hex_text(text).map_err(|e| CliError::file(path, e))
}

/// Refuses energy the kernel would refuse: the transaction could never be included.
fn check_energy(t: &UnsignedTx) -> CliResult {
    use tx::EnergyProblem as E;
    let Some(problem) = tx::energy_problem(t) else {
        return Ok(());
    };
    Err(CliError::new(match problem {
        E::LimitAbove { limit } => format!(
            "--energy-limit {limit} is above {}, the most the kernel accepts for a call",
            tx::MAX_CALL_ENERGY
        ),
        E::LimitBelow { limit, need } => format!(
            "--energy-limit {limit} is below the {need} this call data needs (21000, plus 4 per zero byte and 64 per other byte)"
        ),
        E::PriceBelow { price } => format!(
            "--energy-price {price} is below {} nAmp, the least the kernel accepts",
            tx::DEFAULT_ENERGY_PRICE
        ),
        E::PriceAbove { price } => format!(
            "--energy-price {price} is above {} nAmp, the most the kernel accepts",
            tx::MAX_ENERGY_PRICE
        ),
    }))
}

fn utc(micros: u64) -> String {
    i64::try_from(micros)
        .ok()
        .and_then(DateTime::from_timestamp_micros)
        .map_or_else(
            || format!("{micros} µs"),
            |t| t.format("%Y-%m-%d %H:%M:%S UTC").to_string(),
        )
}

/// "3 days", "5 hours": how far apart two instants are, roughly.
fn span(micros: u128) -> String {
    let hours = micros / 3_600_000_000;
    match hours {
        0..=47 => format!("{hours} hours"),
        _ => format!("{} days", hours / 24),
    }
}

fn sign(args: &AionSignArgs, now: DateTime<Utc>, io: &mut Streams<'_>) -> CliResult {
    let to = match (&args.to, args.pool_registry) {
        (Some(text), _) => address("to", text)?,
        (None, _) => tx::POOL_REGISTRY_MAINNET,
    };
    let unsigned = UnsignedTx {
        to,
        value: aion("value-aion", &args.value_aion)?,
        nonce: args.nonce,
        timestamp_us: args.timestamp_us,
        energy_limit: args.energy_limit,
        energy_price: args.energy_price,
        data: call_data(&args.call_data)?,
    };
    check_energy(&unsigned)?;
    let key = signing_key(&args.signing_key_file)?;

    let now_us = u64::try_from(now.timestamp_micros()).unwrap_or(0);
    let apart = u128::from(now_us.abs_diff(unsigned.timestamp_us));
    if apart > u128::from(tx::POOL_EXPIRY_SECONDS) * 1_000_000 {
        let side = if unsigned.timestamp_us > now_us {
            "ahead of"
        } else {
            "behind"
        };
        warn(
            io,
            &format!(
                "the timestamp ({}) is {} {side} this machine's clock ({}); signed anyway, but if the clock is right the network will not take this transaction",
                utc(unsigned.timestamp_us),
                span(apart),
                utc(now_us)
            ),
        )?;
    }
    if abi::method_name(&unsigned.data) == Some("registerPool")
        && unsigned.value < 1000 * NAMP_PER_AION
    {
        warn(
            io,
            &format!(
                "registerPool with {} AION as value fails on chain: the self-bond is at least 1000 AION",
                format_aion(unsigned.value)
            ),
        )?;
    }
    let expiry = unsigned
        .timestamp_us
        .saturating_add(tx::POOL_EXPIRY_SECONDS * 1_000_000);
    warn(
        io,
        &format!(
            "broadcast it before {}: the transaction pool drops a transaction about an hour after its timestamp",
            utc(expiry)
        ),
    )?;

    let signed = tx::sign(&unsigned, key.seed());
    let text = if args.output_json {
        json(&unsigned, &signed, &key, expiry)?
    } else if args.out_file.is_some() {
        format!("{}\n", signed.raw_hex())
    } else {
        format!(
            "Raw transaction: {}\nTransaction hash: {}\n",
            signed.raw_hex(),
            signed.hash_hex()
        )
    };
    match &args.out_file {
        Some(path) => {
            let done = ops::outputs::write(path, text.as_bytes(), OutputKind::AionTransaction)?;
            output::notes(&done, io)?;
            print(io, &format!("Transaction hash: {}", signed.hash_hex()))
        }
        None => write!(io.out, "{text}")
            .map_err(|e| CliError::new(format!("cannot write to standard output: {e}"))),
    }
}

fn json(
    unsigned: &UnsignedTx,
    signed: &SignedTx,
    key: &AionSigningKey,
    expiry: u64,
) -> Result<String, CliError> {
    let request: serde_json::Value = serde_json::from_str(&tx::json_rpc_request(signed))?;
    let doc = serde_json::json!({
        "rawTransaction": signed.raw_hex(),
        "transactionHash": signed.hash_hex(),
        "from": key.address().to_hex(),
        "to": unsigned.to.to_hex(),
        "valueAion": format_aion(unsigned.value),
        "nonce": unsigned.nonce.to_string(),
        "timestampUs": unsigned.timestamp_us,
        "broadcastBefore": utc(expiry),
        "energyLimit": unsigned.energy_limit,
        "energyPrice": unsigned.energy_price,
        "callData": format!("0x{}", hex::encode(&unsigned.data)),
        "request": request,
    });
    Ok(format!("{}\n", serde_json::to_string_pretty(&doc)?))
}
