//! Key-safety tests in the console: it keeps the same promises as the command line, since
//! both write through the operations layer.

use super::common::ui::{self, click, harness, shows};
use super::common::*;
use super::{decided, leftovers, numbers, Folder};
use pool_console::app::Tab;
use pool_console::ops::opcert::{self as opcert_ops, PeriodCheck};
use pool_console::platform::disk::FaultyDisk;
use tempfile::TempDir;

#[test]
fn the_console_completes_an_interrupted_write_when_it_opens_the_folder() {
    // Power goes right after the journal is in place: nothing renamed yet, the write decided.
    let d = TempDir::new().unwrap();
    issued_pool(d.path(), 0, 5);
    let folder = Folder::of(d.path());
    let mut step = 0;
    loop {
        let probe = TempDir::new().unwrap();
        issued_pool(probe.path(), 0, 5);
        let disk = FaultyDisk::crashing_at(step);
        let _ = opcert_ops::issue_on(
            &disk,
            &Folder::of(probe.path()).request(),
            &PeriodCheck::Any,
        );
        if decided(probe.path()) {
            break;
        }
        step += 1;
        assert!(step < 20, "no step leaves a journal");
    }
    let _ = opcert_ops::issue_on(
        &FaultyDisk::crashing_at(step),
        &folder.request(),
        &PeriodCheck::Any,
    );
    assert!(decided(d.path()));
    assert_eq!(numbers(d.path()), (6, 5), "nothing renamed yet");

    let mut app = ui::app(vec![], ui::fixed_now());
    app.open_workspace(d.path());
    let status = app.status.as_ref().unwrap();
    assert!(!status.is_error, "{}", status.text);
    assert!(
        status.text.contains(&format!(
            "Note: an earlier write to {} was interrupted; it has now been completed (2 of 2 files moved: ",
            d.path().canonicalize().unwrap().display()
        )),
        "{}",
        status.text
    );
    assert_eq!(numbers(d.path()), (7, 6));
    assert_eq!(leftovers(d.path()), Vec::<String>::new());
    // The folder as shown is the completed one.
    let ws = app.workspace.as_ref().unwrap();
    assert_eq!(ws.counter.as_ref().unwrap().next_issue_number, 7);
    assert_eq!(ws.opcert.as_ref().unwrap().issue_number, 6);
}

#[test]
fn the_console_refuses_a_kes_period_far_from_now() {
    let d = TempDir::new().unwrap();
    issued_pool(d.path(), 0, 0);
    let before = snapshot(d.path());
    let mut h = harness(ui::app(vec![d.path().to_path_buf()], ui::fixed_now()));
    h.run_steps(2);
    click(&mut h, "Open or create a pool folder");
    h.state_mut().tab = Tab::OpCert;
    h.run_steps(2);
    // As typed over the current period the tab fills in.
    h.state_mut().drafts.kes_period = "15770".to_owned();
    h.run_steps(2);
    click(&mut h, "Issue operational certificate");
    click(&mut h, "Issue certificate");
    let status = h.state().status.as_ref().unwrap();
    assert!(status.is_error);
    assert!(
        status.text == "KES period 15770 is far from the current one (1571 on mainnet by this machine's clock): an opcert starts at the current period. Check the clock against an online machine (`cardano-cli query tip`), then use the current period, which the Op cert tab fills in; nothing was written",
        "{}",
        status.text
    );
    assert!(shows(&h, "KES period 15770 is far from the current one"));
    assert_eq!(snapshot(d.path()), before, "the counter did not move");
}

#[test]
fn the_console_says_when_an_interrupted_write_cannot_be_finished() {
    let d = TempDir::new().unwrap();
    issued_pool(d.path(), 0, 5);
    // A journal whose staged opcert was changed since: not finished, and said as an error.
    let folder = Folder::of(d.path());
    let mut step = 0;
    while !decided(d.path()) {
        let _ = std::fs::remove_file(d.path().join(".pool-console-journal"));
        let _ = opcert_ops::issue_on(
            &FaultyDisk::crashing_at(step),
            &folder.request(),
            &PeriodCheck::Any,
        );
        step += 1;
    }
    let staged: Vec<_> = std::fs::read_dir(d.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains(".node.opcert.pc-new-"))
        .collect();
    std::fs::write(&staged[0], "tampered").unwrap();
    let mut app = ui::app(vec![], ui::fixed_now());
    app.open_workspace(d.path());
    let status = app.status.as_ref().unwrap();
    assert!(status.is_error, "{}", status.text);
    assert!(
        status.text.starts_with(&format!(
            "Opened {}, but it is not safe to use yet: ",
            d.path().display()
        )),
        "{}",
        status.text
    );
    assert!(status
        .text
        .contains("does not hold what that write recorded"));
    assert_eq!(numbers(d.path()), (6, 5), "nothing moved");
}
