//! The Registry actions form, clicked like a person: what is wrong with a field is said right
//! under that field in the core's words, Sign stays disabled and says why until every field
//! reads, and fixing the field clears its message.
#![allow(clippy::disallowed_methods, clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::aion::{aion_with_key, HASH, SIGNING, URL};
use common::ui::{click, replace_text, shows, type_into};
use eframe::egui::accesskit::Role;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use egui_kittest::Harness;
use pool_console::app::ConsoleApp;

const SIGN: &str = "Sign with the management key";
/// AION.md §4.2c: registerPool with 1 000 AION, nonce 0, at 1 600 000 000 000 000 µs.
const REGISTER_HASH: &str = "d17c172e926c85ac7d4473eb0a905fefd0777ec90d921874d0cf6b5dde7a761b";

/// The Registry actions tab of a folder with a management key, "Register the pool" filled in
/// with AION.md's values except `commission` and `signing`.
fn register_form(signing: &str, commission: &str) -> Harness<'static, ConsoleApp> {
    let dir = tempfile::TempDir::new().unwrap();
    let (mut h, _) = aion_with_key(&dir);
    // The folder lives as long as the harness: the test only reads the form and its state.
    std::mem::forget(dir);
    click(&mut h, "✒  Registry actions");
    type_into(&mut h, "Signing address", signing);
    type_into(&mut h, "Commission (%)", commission);
    type_into(&mut h, "Metadata URL", URL);
    type_into(&mut h, "Metadata hash", HASH);
    type_into(&mut h, "Nonce", "0");
    type_into(&mut h, "Timestamp (µs)", "1600000000000000");
    h
}

/// `message` is shown right under the field labelled `field`, starting at its left edge.
fn said_under(h: &Harness<'_, ConsoleApp>, field: &str, message: &str) -> bool {
    let Some(said) = h.query_by_label_contains(message) else {
        return false;
    };
    let (f, m) = (
        h.get_by_role_and_label(Role::TextInput, field).rect(),
        said.rect(),
    );
    let below = m.top() - f.bottom();
    (0.0..8.0).contains(&below) && (m.left() - f.left()).abs() < 2.0
}

fn sign_disabled(h: &Harness<'_, ConsoleApp>) -> bool {
    h.get_by_label_contains(SIGN).accesskit_node().is_disabled()
}

/// `message` is said under `field`, Sign is disabled and names that field alone, and a click
/// signs nothing; with `fixed` typed instead, the message goes and AION.md's transaction signs.
fn refused_until_fixed(mut h: Harness<'_, ConsoleApp>, field: &str, message: &str, fixed: &str) {
    assert!(said_under(&h, field, message));
    assert!(sign_disabled(&h));
    assert!(shows(
        &h,
        &format!("To sign, fix what is said under {field}.")
    ));
    click(&mut h, SIGN);
    assert!(h.state().aion.signed.is_none());
    replace_text(&mut h, field, fixed);
    assert!(!shows(&h, message));
    assert!(!shows(&h, "To sign,"));
    assert!(!sign_disabled(&h));
    click(&mut h, SIGN);
    let signed = h.state().aion.signed.clone().unwrap();
    assert_eq!(signed.hash_hex, REGISTER_HASH);
}

#[test]
fn a_commission_with_five_decimals_is_said_under_it_and_nothing_is_signed() {
    let h = register_form(SIGNING, "2.12345");
    assert!(!shows(&h, "An Aion"), "the address is fine");
    let message = "\"2.12345\" has more than 4 decimals; the Pool Registry counts the rate in steps of 0.0001 %.";
    refused_until_fixed(h, "Commission (%)", message, "2");
}

#[test]
fn an_address_that_is_not_a0_is_said_under_it_and_nothing_is_signed() {
    let h = register_form(&format!("0x12{}", &SIGNING[4..]), "2");
    assert!(!shows(&h, "has more than"), "the commission is fine");
    let message = "An Aion account address starts with a0; this one starts with 12 (is it an Ethereum or a contract address?).";
    refused_until_fixed(h, "Signing address", message, SIGNING);
}

#[test]
fn each_wrong_field_of_an_undelegation_says_its_own_problem() {
    let dir = tempfile::TempDir::new().unwrap();
    let (mut h, _) = aion_with_key(&dir);
    click(&mut h, "✒  Registry actions");
    h.get_by_role_and_label(Role::ComboBox, "Action").click();
    h.run_steps(3);
    click(&mut h, "Undelegate");
    type_into(&mut h, "Pool address", "0xa0ab");
    type_into(&mut h, "Amount (AION)", "-5");
    type_into(&mut h, "Fee (AION)", "0");
    assert!(said_under(
        &h,
        "Pool address",
        "An Aion address is 64 hex digits (32 bytes); this one has 4."
    ));
    assert!(said_under(
        &h,
        "Amount (AION)",
        "\"-5\" is negative; give an amount of AION without a sign."
    ));
    // The fee is fine; the nonce and timestamp are only missing, so they are not marked.
    assert!(said_under(
        &h,
        "Fee (AION)",
        "Paid to whoever finalizes the undelegation."
    ));
    assert!(shows(
        &h,
        "To sign, fix what is said under Pool address, Amount (AION), and fill in Nonce, Timestamp (µs)."
    ));
    assert!(sign_disabled(&h));
}

#[test]
fn an_energy_limit_the_kernel_would_refuse_is_said_under_it_and_nothing_is_signed() {
    let mut h = register_form(SIGNING, "2");
    type_into(&mut h, "Energy limit", "100");
    // 21 000, plus 4 per zero byte and 64 per other byte of AION.md's registerPool call data.
    let message =
        "The energy limit 100 is below the 29340 this call needs; leave it empty for 2 000 000.";
    refused_until_fixed(h, "Energy limit", message, "2000000");
    let mut h = register_form(SIGNING, "2");
    type_into(&mut h, "Energy price", "5");
    let message = "The energy price 5 is below 10 000 000 000 nAmp, the least the kernel accepts; leave it empty for that.";
    refused_until_fixed(h, "Energy price", message, "10000000000");
}
