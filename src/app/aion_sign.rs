//! A registry action from its form: the call data, then the transaction signed with the
//! management key, its hash and the JSON-RPC request an online machine sends (AION.md §3–4).

use super::aion_action_check::ActionCheck;
use super::aion_core::transaction::{self, UnsignedTx};
use super::aion_desk::SignedView;
use super::ConsoleApp;
use crate::platform::files::OutputKind;

impl ConsoleApp {
    /// The form of the action on screen read field by field (see aion_action_check).
    pub fn aion_check(&self) -> ActionCheck {
        self.aion.form.check(self.aion.action)
    }

    /// The call data of the action on screen, or why there is none yet.
    pub fn aion_call_data(&self) -> Result<Vec<u8>, String> {
        let check = self.aion_check();
        let why = check.blocker().unwrap_or_default();
        check.call_data.ok_or(why)
    }

    /// The transaction the form describes (to the mainnet Pool Registry), or why there is
    /// none yet.
    pub fn aion_unsigned(&self) -> Result<UnsignedTx, String> {
        let check = self.aion_check();
        let why = check.blocker().unwrap_or_default();
        check.tx.ok_or(why)
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
            tx,
        });
        self.say(format!(
            "Signed \"{}\": transaction hash {hash_hex}. Broadcast it within an hour of its timestamp.",
            self.aion.action.label()
        ));
    }

    /// Drops the signed transaction once the form describes another one (a nonce or
    /// commission changed after signing), so what is shown and saved is what the form says.
    pub fn aion_forget_stale_signature(&mut self) {
        let current = self.aion_check().tx;
        if self
            .aion
            .signed
            .as_ref()
            .is_some_and(|s| current.as_ref() != Some(&s.tx))
        {
            self.aion.signed = None;
        }
    }

    /// Saves the signed transaction's raw hex and its JSON-RPC request as two new files.
    pub fn aion_save_signed(&mut self) {
        self.aion_forget_stale_signature();
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
