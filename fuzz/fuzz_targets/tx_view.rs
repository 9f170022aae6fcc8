//! The readable view of a transaction body (`transaction::view::decode_body`), and what the
//! signing screens derive from it: required witnesses, hardware-wallet owner problems, the fit
//! of a signing key, deposits and every text shown to the operator.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pool_console::core::keys::KeyKind;
use pool_console::core::transaction::signing::{fit, needs_are_complete};
use pool_console::core::transaction::view::{
    decode_body, field_name, hw_owner_problems, required_witnesses,
};

fuzz_target!(|data: &[u8]| {
    let view = match decode_body(data) {
        Ok(view) => view,
        Err(e) => {
            let _ = e.to_string();
            return;
        }
    };
    for key in &view.fields {
        let _ = field_name(*key);
    }
    for input in &view.inputs {
        let _ = input.label();
        let _ = input.to_string();
    }
    for c in &view.certificates {
        let _ = c.kind_text();
        let _ = c.raw_hex();
    }
    for w in &view.withdrawals {
        let _ = w.account_text();
    }
    let _ = (
        view.deposits_paid(),
        view.deposits_refunded(),
        view.withdrawn(),
    );
    let needs = required_witnesses(&view);
    for n in &needs {
        for role in &n.roles {
            let _ = role.describe();
        }
    }
    let _ = hw_owner_problems(&view);
    let _ = needs_are_complete(&view);
    let some_hash = needs.first().map_or([0u8; 28], |n| n.key_hash);
    for kind in [
        KeyKind::ColdSigning,
        KeyKind::StakeSigning,
        KeyKind::PaymentSigning,
    ] {
        let _ = fit(&view, kind, &some_hash);
        let _ = fit(&view, kind, &[0xab; 28]);
    }
});
