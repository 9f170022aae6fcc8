//! A registry action from its form: the call data, then the transaction signed with the
//! management key, its hash and the JSON-RPC request an online machine sends (AION.md §3–4).

use super::aion_core::address::Address;
use super::aion_core::transaction::{self, UnsignedTx};
use super::aion_core::{abi, amount, commission};
use super::aion_desk::{RegistryAction, SignedView};
use super::ConsoleApp;
use crate::platform::files::OutputKind;

fn hash32(text: &str) -> Result<[u8; 32], String> {
    super::aion_core::metadata::parse_content_hash(text)
        .ok_or_else(|| "The metadata hash is 64 hex digits (the Metadata tab shows it).".to_owned())
}

fn address(text: &str, what: &str) -> Result<Address, String> {
    if text.trim().is_empty() {
        return Err(format!(
            "Fill in the {what} (0xa0…, shown on the Keys tab)."
        ));
    }
    Address::parse(text).map_err(|e| format!("The {what}: {e}"))
}

fn number<T: std::str::FromStr>(text: &str, what: &str) -> Result<T, String> {
    text.trim()
        .parse()
        .map_err(|_| format!("The {what} is a whole number."))
}

impl ConsoleApp {
    /// The call data of the action on screen, or what is missing or wrong in its form.
    pub fn aion_call_data(&self) -> Result<Vec<u8>, String> {
        let f = &self.aion.form;
        let pct = || commission::parse_percent(&f.commission).map_err(|e| e.to_string());
        let aion =
            |t: &str, what: &str| amount::parse_aion(t).map_err(|e| format!("The {what}: {e}"));
        let data = match self.aion.action {
            RegistryAction::RegisterPool => abi::register_pool(
                &address(&f.signing_address, "signing address")?,
                pct()?,
                f.metadata_url.trim(),
                &hash32(&f.metadata_hash)?,
            ),
            RegistryAction::UpdateMetadata => {
                abi::update_metadata(f.metadata_url.trim(), &hash32(&f.metadata_hash)?)
            }
            RegistryAction::RequestCommissionChange => abi::request_commission_change(pct()?),
            RegistryAction::FinalizeCommissionChange => {
                abi::finalize_commission_change(number(&f.request_id, "request id")?)
            }
            RegistryAction::SetSigningAddress => {
                abi::set_signing_address(&address(&f.signing_address, "signing address")?)
            }
            RegistryAction::Delegate => abi::delegate(&address(&f.pool, "pool address")?),
            RegistryAction::Undelegate => abi::undelegate(
                &address(&f.pool, "pool address")?,
                aion(&f.amount, "amount")?,
                aion(&f.fee, "fee")?,
            ),
            RegistryAction::FinalizeUndelegate => {
                abi::finalize_undelegate(number(&f.request_id, "request id")?)
            }
            RegistryAction::WithdrawRewards => {
                abi::withdraw_rewards(&address(&f.pool, "pool address")?)
            }
        };
        data.map_err(|e| e.to_string())
    }

    /// The transaction the form describes (to the mainnet Pool Registry).
    pub fn aion_unsigned(&self) -> Result<UnsignedTx, String> {
        let f = &self.aion.form;
        let or_default = |t: &str, d: u64, what: &str| {
            if t.trim().is_empty() {
                Ok(d)
            } else {
                number::<u64>(t, what)
            }
        };
        Ok(UnsignedTx {
            to: transaction::POOL_REGISTRY_MAINNET,
            value: amount::parse_aion(&f.value).map_err(|e| format!("The value: {e}"))?,
            nonce: number(&f.nonce, "nonce")?,
            timestamp_us: number(&f.timestamp_us, "timestamp")?,
            energy_limit: or_default(
                &f.energy_limit,
                transaction::DEFAULT_ENERGY_LIMIT,
                "energy limit",
            )?,
            energy_price: or_default(
                &f.energy_price,
                transaction::DEFAULT_ENERGY_PRICE,
                "energy price",
            )?,
            data: self.aion_call_data()?,
        })
    }

    /// The form's timestamp set to the machine's clock, in microseconds.
    pub fn aion_timestamp_now(&mut self) {
        let now = self.platform.clock.now();
        self.aion.form.timestamp_us = now.timestamp_micros().max(0).to_string();
    }

    /// Signs the action with the management key; the key is read, used and dropped here.
    pub fn aion_sign(&mut self) {
        self.aion.signed = None;
        let tx = match self.aion_unsigned() {
            Ok(tx) => tx,
            Err(e) => return self.fail(format!("Nothing was signed: {e}")),
        };
        let Some(key) = self.aion_management_key() else {
            return;
        };
        let signed = transaction::sign(&tx, key.seed());
        drop(key);
        let hash_hex = hex::encode(signed.hash);
        self.aion.signed = Some(SignedView {
            raw_hex: format!("0x{}", hex::encode(&signed.raw)),
            json_rpc: transaction::json_rpc_request(&signed),
            hash_hex: hash_hex.clone(),
            action: self.aion.action,
        });
        self.say(format!(
            "Signed \"{}\": transaction hash {hash_hex}. Broadcast it within an hour of its timestamp.",
            self.aion.action.label()
        ));
    }

    /// Saves the signed transaction's raw hex and its JSON-RPC request as two new files.
    pub fn aion_save_signed(&mut self) {
        let Some(s) = self.aion.signed.clone() else {
            return;
        };
        let short = s.hash_hex.get(..8).unwrap_or(&s.hash_hex).to_owned();
        let stem = format!("aion-{}-{short}", s.action.command());
        let raw = format!("{}\n", s.raw_hex);
        let rpc = format!("{}\n", s.json_rpc);
        let (raw_name, rpc_name) = (format!("{stem}.tx.hex"), format!("{stem}.json-rpc.json"));
        let kind = OutputKind::AionTransaction;
        let saved = self.aion_save(&[
            (&raw_name, raw.as_bytes(), kind),
            (&rpc_name, rpc.as_bytes(), kind),
        ]);
        match saved {
            Ok(()) => self.say(format!(
                "Saved {stem}.tx.hex and {stem}.json-rpc.json: carry them to the online machine."
            )),
            Err(e) => self.fail(format!("The transaction was not saved: {e}")),
        }
    }
}
