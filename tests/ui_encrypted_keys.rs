//! Keys encrypted at rest in the console, clicked like a person: protecting a key (the
//! passphrase typed twice), the passphrase prompt in front of issuing an opcert and signing,
//! a wrong passphrase changing nothing, and the quiet warning on a machine that looks online.
#![allow(clippy::disallowed_methods, clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};

use common::review as fx;
use common::ui::{app, click, click_exact, fixed_now, harness, press, shows, status};
use common::{assert_same_file, read, snapshot, vector};
use eframe::egui;
use egui_kittest::kittest::Queryable as _;
use egui_kittest::Harness;
use pool_console::app::tab_command::TabCommand;
use pool_console::app::ConsoleApp;
use pool_console::core::encoding::envelope::TextEnvelope;
use pool_console::core::keys::encrypted::{self, EncryptedEnvelope, Passphrase};
use pool_console::ops::keys::{self as key_ops, KeyFormat, PairKind, PairPaths};
use pool_console::ops::protect;
use tempfile::TempDir;

const WRONG: &str = "Wrong passphrase, or cold.skey is damaged: it could not be opened, and nothing was changed. Type it again.";

fn passphrase(text: &str) -> Passphrase {
    Passphrase::from_file_contents(text.as_bytes()).unwrap()
}

/// Cold keys with their counter and a KES pair, as the Keys tab makes them.
fn pool_keys(dir: &Path) {
    let (cold_v, cold_s) = (dir.join("cold.vkey"), dir.join("cold.skey"));
    let paths = PairPaths {
        verification: &cold_v,
        signing: &cold_s,
    };
    key_ops::generate_cold(
        paths,
        &dir.join("cold.counter"),
        KeyFormat::TextEnvelope,
        false,
    )
    .unwrap();
    let (kes_v, kes_s) = (dir.join("kes.vkey"), dir.join("kes.skey"));
    let paths = PairPaths {
        verification: &kes_v,
        signing: &kes_s,
    };
    key_ops::generate_pair(PairKind::Kes, paths, KeyFormat::TextEnvelope, false).unwrap();
}

/// The console on the pool folder `dir`, on a machine that looks online or not.
fn console(dir: &Path, answers: Vec<PathBuf>, online: bool) -> Harness<'static, ConsoleApp> {
    let mut a = app(answers, fixed_now());
    a.online_probe = if online { || true } else { || false };
    a.open_workspace(dir);
    let mut h = harness(a);
    h.run_steps(2);
    h
}

/// Types into the password field labelled `label`.
fn type_secret(h: &mut Harness<'_, ConsoleApp>, label: &str, text: &str) {
    use eframe::egui::accesskit::Role;
    let field = h.get_by_role_and_label(Role::PasswordInput, label);
    field.focus();
    field.type_text(text);
    h.run_steps(2);
}

/// "Protect with a passphrase…" on the first key file listed (cold.skey).
fn protect_first(h: &mut Harness<'_, ConsoleApp>) {
    h.get_all_by_label("Protect with a passphrase…")
        .next()
        .unwrap()
        .click();
    h.run_steps(3);
}

fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn protecting_a_key_asks_twice_and_encrypts_it_in_place() {
    let dir = TempDir::new().unwrap();
    pool_keys(dir.path());
    let cold = dir.path().join("cold.skey");
    let plain = read(&cold);
    let mut h = console(dir.path(), vec![], false);
    click_exact(&mut h, "🔑  Keys");
    assert_eq!(
        h.query_all_by_label("Protect with a passphrase…").count(),
        2,
        "cold.skey and kes.skey"
    );
    assert!(h.query_by_label("🔒 encrypted").is_none());
    protect_first(&mut h);
    assert!(shows(&h, "Protect cold.skey with a passphrase"));
    assert!(shows(&h, "Anyone with the file and the passphrase has the key; a forgotten passphrase cannot be recovered — keep a backup."));

    // Nothing typed, then two different passphrases: refused, the file as it was.
    click_exact(&mut h, "Protect");
    assert!(shows(&h, "⛔ Type a passphrase, twice."));
    type_secret(&mut h, "Passphrase", "correct horse");
    type_secret(&mut h, "Passphrase again", "correct hose");
    click_exact(&mut h, "Protect");
    assert!(shows(
        &h,
        "⛔ The two passphrases differ: type the same passphrase twice."
    ));
    assert_eq!(read(&cold), plain);

    // The second field is cleared after a mismatch: typed again, the key is protected.
    type_secret(&mut h, "Passphrase again", "correct horse");
    click_exact(&mut h, "Protect");
    assert!(h.state().protect.is_none());
    let sealed = read(&cold);
    assert!(encrypted::is_encrypted(&sealed));
    let opened = EncryptedEnvelope::parse(&sealed)
        .unwrap()
        .decrypt(&passphrase("correct horse"))
        .unwrap();
    assert_eq!(
        opened.cbor.expose(),
        TextEnvelope::parse(&plain).unwrap().cbor.expose()
    );
    assert_eq!(mode(&cold), 0o600);
    assert_eq!(
        status(&h),
        "cold.skey is now encrypted with your passphrase: the console asks for it when the key is needed. Keep a backup of the file and the passphrase."
    );
    assert_eq!(h.query_all_by_label("🔒 encrypted").count(), 1);
    assert_eq!(
        h.query_all_by_label("Protect with a passphrase…").count(),
        1,
        "kes.skey only"
    );
}

#[test]
fn escape_closes_the_protect_dialog_and_keeps_the_key() {
    let dir = TempDir::new().unwrap();
    pool_keys(dir.path());
    let before = snapshot(dir.path());
    let mut h = console(dir.path(), vec![], false);
    click_exact(&mut h, "🔑  Keys");
    protect_first(&mut h);
    type_secret(&mut h, "Passphrase", "abc");
    common::ui::key(&mut h, egui::Key::Escape);
    assert!(h.state().protect.is_none());
    assert_eq!(status(&h), "Cancelled: nothing was changed.");
    assert_eq!(snapshot(dir.path()), before);
}

/// Issues the opcert on the Op cert tab up to the confirmation's yes.
fn issue(h: &mut Harness<'_, ConsoleApp>) {
    click_exact(h, "📜  Op cert");
    assert_eq!(h.state().drafts.kes_period, "1571");
    click(h, "Issue operational certificate");
    click(h, "Issue certificate");
}

#[test]
fn an_encrypted_cold_key_issues_the_same_opcert_after_its_passphrase() {
    let plain = TempDir::new().unwrap();
    pool_keys(plain.path());
    let sealed = TempDir::new().unwrap();
    for (name, bytes) in snapshot(plain.path()) {
        std::fs::write(sealed.path().join(name), bytes).unwrap();
    }
    protect::protect(&sealed.path().join("cold.skey"), &passphrase("pool secret")).unwrap();

    let mut h = console(plain.path(), vec![], false);
    issue(&mut h);
    assert!(
        h.state().unlock.is_none(),
        "a plain key needs no passphrase"
    );
    let expected = read(&plain.path().join("node.opcert"));

    let mut h = console(sealed.path(), vec![], false);
    let before = snapshot(sealed.path());
    issue(&mut h);
    assert!(shows(&h, "Passphrase for cold.skey"));
    // cardano-cli cannot read the encrypted key: the equivalent is Pool Console's own command.
    let TabCommand::Command(cmd) = h.state().tab_command() else {
        panic!("the Op cert tab shows its command");
    };
    assert_eq!(
        cmd,
        "# cold.skey is encrypted: cardano-cli cannot read it; pool-console takes the same flags and asks for the passphrase\n\
         pool-console node issue-op-cert --kes-verification-key-file kes.vkey --cold-signing-key-file cold.skey --operational-certificate-issue-counter-file cold.counter --kes-period 1571 --out-file node.opcert"
    );
    assert!(!sealed.path().join("node.opcert").exists());
    // A wrong passphrase: said in the prompt; no opcert, the counter and every file unchanged.
    type_secret(&mut h, "Passphrase", "not it");
    click_exact(&mut h, "Unlock");
    assert!(shows(&h, &format!("⛔ {WRONG}")), "{:?}", h.state().status);
    assert_eq!(snapshot(sealed.path()), before);
    // The right one: the same certificate as the plain key gives, the counter moved on.
    type_secret(&mut h, "Passphrase", "pool secret");
    click_exact(&mut h, "Unlock");
    assert!(h.state().unlock.is_none());
    assert_eq!(read(&sealed.path().join("node.opcert")), expected);
    assert_eq!(
        read(&sealed.path().join("cold.counter")),
        read(&plain.path().join("cold.counter"))
    );
    assert!(status(&h).starts_with("Issued node.opcert (issue number 0, KES period 1571)."));
}

#[test]
fn cancelling_the_passphrase_prompt_issues_nothing() {
    let dir = TempDir::new().unwrap();
    pool_keys(dir.path());
    protect::protect(&dir.path().join("cold.skey"), &passphrase("pool secret")).unwrap();
    let before = snapshot(dir.path());
    let mut h = console(dir.path(), vec![], false);
    issue(&mut h);
    click_exact(&mut h, "Cancel");
    assert!(h.state().unlock.is_none());
    assert_eq!(status(&h), "Cancelled: nothing was changed.");
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn signing_with_an_encrypted_key_asks_its_passphrase_and_writes_the_golden_witness() {
    let dir = TempDir::new().unwrap();
    fx::golden_tx(dir.path());
    let key = dir.path().join("payment.skey");
    std::fs::copy(vector("input/conway/payment_signing_key"), &key).unwrap();
    protect::protect(&key, &passphrase("owner")).unwrap();
    let mut h = harness(app(
        vec![
            dir.path().join("tx.raw"),
            key,
            dir.path().join("payment.witness"),
        ],
        fixed_now(),
    ));
    click_exact(&mut h, "✒  Sign");
    click(&mut h, "Load transaction…");
    press(&mut h, "Sign with a key…");
    assert!(shows(&h, "Passphrase for payment.skey"));
    type_secret(&mut h, "Passphrase", "owner");
    click_exact(&mut h, "Unlock");
    assert_same_file(
        &dir.path().join("payment.witness"),
        &vector("golden/witness/witness-out.json"),
    );
}

#[test]
fn plain_keys_on_a_machine_that_looks_online_get_a_quiet_warning() {
    let warning = "This machine looks online, and cold.skey is not encrypted: protect it with a passphrase, or keep it on an offline machine.";
    let dir = TempDir::new().unwrap();
    pool_keys(dir.path());
    for online in [true, false] {
        let mut h = console(dir.path(), vec![], online);
        click_exact(&mut h, "🔑  Keys");
        assert_eq!(shows(&h, warning), online, "online: {online}");
    }
    // Once protected, no warning even online (kes.skey must stay plain for the node).
    protect::protect(&dir.path().join("cold.skey"), &passphrase("x")).unwrap();
    let mut h = console(dir.path(), vec![], true);
    click_exact(&mut h, "🔑  Keys");
    assert!(!shows(&h, "This machine looks online"));
}
