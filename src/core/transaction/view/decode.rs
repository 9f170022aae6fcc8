//! Reading the body field by field. Every count comes from the data, so nothing is
//! preallocated from it and every loop ends at the first missing byte.

use super::{
    address_text, field_name, TxCertificate, TxInput, TxOutput, TxView, TxViewError, Withdrawal,
};
use crate::core::encoding::cbor::{CborError, CborReader, Head};
use crate::core::keys::address::RewardAccount;

/// The ledger's tag for a set; cardano-cli writes it on Conway sets, older bodies omit it.
const SET_TAG: u64 = 258;

/// What a field failed with, before the field number is known to the message.
pub(super) enum Fail {
    Cbor(CborError),
    View(TxViewError),
}

impl From<CborError> for Fail {
    fn from(e: CborError) -> Self {
        Self::Cbor(e)
    }
}

pub(super) fn item(item: String, problem: String) -> Fail {
    Fail::View(TxViewError::Item { item, problem })
}

/// Turns a reader error into a sentence; `key` names the field being read, if any.
fn from_cbor(e: CborError, key: Option<u64>) -> TxViewError {
    match (e, key) {
        (CborError::Truncated { what }, _) => TxViewError::Truncated { what },
        (CborError::Indefinite { what }, _) => TxViewError::Indefinite { what },
        (e @ CborError::Malformed { .. }, _) | (e, None) => TxViewError::NotCbor(e),
        (source, Some(key)) => TxViewError::Field {
            key,
            name: field_name(key),
            source,
        },
    }
}

/// Decodes a Conway transaction body, keeping every certificate's exact bytes.
pub fn decode_body(body: &[u8]) -> Result<TxView, TxViewError> {
    if body.is_empty() {
        return Err(TxViewError::Empty);
    }
    let mut r = CborReader::new(body);
    if let Ok(Head::Break) = r.peek("the transaction body") {
        return Err(TxViewError::NotCbor(CborError::Malformed { offset: 0 }));
    }
    let entries = r.map("the transaction body").map_err(|e| match e {
        CborError::Unexpected { found, .. } => TxViewError::NotAMap { found },
        e => from_cbor(e, None),
    })?;
    let mut view = TxView::default();
    for _ in 0..entries {
        let key = r.uint("a field number").map_err(|e| match e {
            CborError::Unexpected { found, .. } => TxViewError::KeyNotANumber { found },
            e => from_cbor(e, None),
        })?;
        if view.has_field(key) {
            return Err(TxViewError::DuplicateField {
                key,
                name: field_name(key),
            });
        }
        view.fields.push(key);
        read_field(&mut r, key, &mut view).map_err(|f| match f {
            Fail::Cbor(e) => from_cbor(e, Some(key)),
            Fail::View(e) => e,
        })?;
    }
    r.finish().map_err(|e| match e {
        CborError::TrailingBytes { count } => TxViewError::TrailingBytes { count },
        e => from_cbor(e, None),
    })?;
    for key in [0, 1, 2] {
        if !view.has_field(key) {
            return Err(TxViewError::MissingField {
                key,
                name: field_name(key),
            });
        }
    }
    Ok(view)
}

fn read_field(r: &mut CborReader<'_>, key: u64, v: &mut TxView) -> Result<(), Fail> {
    match key {
        0 => v.inputs = read_inputs(r, "input")?,
        1 => {
            let n = r.array("the outputs")?;
            for i in 0..n {
                v.outputs.push(read_output(r, format!("output {i}"))?);
            }
        }
        2 => v.fee = r.uint("the fee")?,
        3 => v.invalid_hereafter = Some(r.uint("the invalid-hereafter slot")?),
        4 => {
            let n = read_set_len(r, "the certificates")?;
            for _ in 0..n {
                v.certificates
                    .push(TxCertificate::from_raw(r.skip("a certificate")?));
            }
        }
        5 => v.withdrawals = read_withdrawals(r)?,
        7 => v.auxiliary_data_hash = Some(r.bytes_exact::<32>("the auxiliary data hash")?),
        8 => v.invalid_before = Some(r.uint("the invalid-before slot")?),
        9 => {
            r.skip("the mint")?;
            v.has_mint = true;
        }
        11 => v.script_data_hash = Some(r.bytes_exact::<32>("the script data hash")?),
        13 => v.collateral_inputs = read_inputs(r, "collateral input")?.len(),
        14 => {
            let n = read_set_len(r, "the required signers")?;
            for _ in 0..n {
                v.required_signers
                    .push(r.bytes_exact::<28>("a required signer key hash")?);
            }
        }
        15 => {
            let id = r.uint("the network id")?;
            v.network_id = Some(match id {
                0 | 1 => id as u8,
                _ => {
                    return Err(item(
                        "the network id".into(),
                        format!("is {id}, but only 0 (testnets) and 1 (mainnet) exist"),
                    ))
                }
            });
        }
        16 => v.collateral_return = Some(read_output(r, "the collateral return".into())?),
        17 => v.total_collateral = Some(r.uint("the total collateral")?),
        18 => v.reference_inputs = read_inputs(r, "reference input")?.len(),
        19 => v.votes = super::governance::read_votes(r)?,
        20 => v.proposals = super::governance::read_proposals(r)?,
        21 => v.current_treasury_value = Some(r.uint("the current treasury value")?),
        22 => v.treasury_donation = Some(r.uint("the treasury donation")?),
        _ => {
            r.skip("a field this tool does not read")?;
            v.other_keys.push(key);
        }
    }
    Ok(())
}

/// Reads a set head: an array, optionally under tag 258.
pub(super) fn read_set_len(r: &mut CborReader<'_>, what: &'static str) -> Result<u64, CborError> {
    if let Head::Tag(_) = r.peek(what)? {
        let offset = r.offset();
        let tag = r.tag(what)?;
        if tag != SET_TAG {
            return Err(CborError::Unexpected {
                expected: what,
                found: format!("tag {tag} (a set is an array, tagged 258 or not)"),
                offset,
            });
        }
    }
    r.array(what)
}

fn read_inputs(r: &mut CborReader<'_>, label: &str) -> Result<Vec<TxInput>, Fail> {
    let n = read_set_len(r, "a set of inputs")?;
    let mut inputs = Vec::new();
    for i in 0..n {
        r.array_of(2, "an input [transaction id, index]")?;
        let id = r.bytes("an input's transaction id")?;
        let tx_id = <[u8; 32]>::try_from(id).map_err(|_| {
            item(
                format!("{label} {i}"),
                format!(
                    "has a transaction id of {} bytes; a transaction id is 32 bytes (64 hex digits), so the body is damaged",
                    id.len()
                ),
            )
        })?;
        let index = r.uint("an input's output index")?;
        inputs.push(TxInput { tx_id, index });
    }
    Ok(inputs)
}

/// Reads an output in either form: legacy `[address, value, ?datum_hash]` or the map
/// `{0: address, 1: value, ?2: datum, ?3: script_ref}`.
fn read_output(r: &mut CborReader<'_>, which: String) -> Result<TxOutput, Fail> {
    let mut address: Option<&[u8]> = None;
    let mut value = None;
    let (mut has_datum, mut has_script_ref) = (false, false);
    if let Head::Map(_) = r.peek("an output")? {
        let n = r.map("an output")?;
        let mut seen = Vec::new();
        for _ in 0..n {
            let k = r.uint("an output field number")?;
            if seen.contains(&k) {
                return Err(item(which, format!("has field {k} twice")));
            }
            seen.push(k);
            match k {
                0 => address = Some(r.bytes("an output address")?),
                1 => value = Some(read_value(r)?),
                2 => {
                    r.skip("an output datum")?;
                    has_datum = true;
                }
                3 => {
                    r.skip("an output script reference")?;
                    has_script_ref = true;
                }
                _ => {
                    return Err(item(
                        which,
                        format!("has field {k}; an output has only 0 address, 1 value, 2 datum and 3 script reference"),
                    ))
                }
            }
        }
    } else {
        let n = r.array("an output")?;
        if n != 2 && n != 3 {
            return Err(item(
                which,
                format!("is a list of {n} items; an output is [address, value] or [address, value, datum hash]"),
            ));
        }
        address = Some(r.bytes("an output address")?);
        value = Some(read_value(r)?);
        if n == 3 {
            r.bytes_exact::<32>("an output datum hash")?;
            has_datum = true;
        }
    }
    let Some(bytes) = address else {
        return Err(item(which, "has no address (field 0)".into()));
    };
    let Some((lovelace, asset_kinds)) = value else {
        return Err(item(which, "has no amount (field 1)".into()));
    };
    if let Some(problem) = address_problem(bytes) {
        return Err(item(which, problem));
    }
    Ok(TxOutput {
        address: address_text(bytes),
        address_bytes: bytes.to_vec(),
        lovelace,
        asset_kinds,
        has_datum,
        has_script_ref,
    })
}

/// Reads `coin` or `[coin, {policy: {name: quantity}}]`: lovelace and the number of tokens.
fn read_value(r: &mut CborReader<'_>) -> Result<(u64, usize), CborError> {
    if let Head::Uint(_) = r.peek("an output amount")? {
        return Ok((r.uint("an output amount")?, 0));
    }
    r.array_of(2, "an output amount [lovelace, tokens]")?;
    let lovelace = r.uint("the lovelace of an output")?;
    let policies = r.map("the tokens of an output")?;
    let mut kinds = 0usize;
    for _ in 0..policies {
        r.bytes_exact::<28>("a token policy id")?;
        for _ in 0..r.map("the tokens of one policy")? {
            r.bytes("a token name")?;
            r.uint("a token quantity")?;
            kinds = kinds.saturating_add(1);
        }
    }
    Ok((lovelace, kinds))
}

fn read_withdrawals(r: &mut CborReader<'_>) -> Result<Vec<Withdrawal>, Fail> {
    let n = r.map("the withdrawals")?;
    let mut out = Vec::new();
    for i in 0..n {
        let bytes = r.bytes("a withdrawal's reward account")?;
        let account = RewardAccount::from_bytes(bytes).map_err(|e| {
            item(
                format!("withdrawal {i}"),
                format!("has a reward account that {e}"),
            )
        })?;
        let lovelace = r.uint("the amount of a withdrawal")?;
        out.push(Withdrawal { account, lovelace });
    }
    Ok(out)
}

/// Why an output's address could not be on chain, as the rest of "output 2 …".
fn address_problem(bytes: &[u8]) -> Option<String> {
    let Some(&header) = bytes.first() else {
        return Some(
            "has an empty address (0 bytes); every output needs the address it pays".into(),
        );
    };
    let len = bytes.len();
    let (shape, expected) = match header >> 4 {
        0..=3 if len != 57 => ("a base address", "57 bytes"),
        6 | 7 if len != 29 => ("an enterprise address", "29 bytes"),
        // Pointer: header, payment hash, then three variable-length numbers of 1 byte or more.
        4 | 5 if len < 32 => ("a pointer address", "at least 32 bytes"),
        0..=8 => return None,
        0xe | 0xf => {
            return Some(format!(
                "pays the stake address {}, which cannot hold funds; pay an addr… address",
                address_text(bytes)
            ))
        }
        _ => {
            return Some(format!(
                "has an address with header byte {header:#04x}, which is not an address type"
            ))
        }
    };
    Some(format!(
        "has an address of {len} bytes; {shape} (header {header:#04x}) is {expected}, so the body is damaged"
    ))
}
