//! The Governance tab says what each action changes: a proposals JSON loaded from a file, and
//! the parameter change's new value found by its label, inside the action's card.
#![allow(clippy::disallowed_methods, clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::governance::data;
use common::ui::{app, click, fixed_now, harness, shows, status};
use egui_kittest::kittest::Queryable as _;
use pool_console::app::Tab;

#[test]
fn a_loaded_parameter_change_shows_its_new_value() {
    let mut a = app(vec![data("proposals.json")], fixed_now());
    a.show_tab(Tab::Governance);
    let mut h = harness(a);
    h.run();
    click(&mut h, "Load file…");
    assert_eq!(status(&h), "Read 3 governance actions from proposals.json.");
    let line = h.get_by_label("maxTxSize becomes 18000 (security group: pools vote)");
    // The line sits in the parameter change's card, under its own heading and above its
    // Open button: one "What it changes" per action.
    let heading = h.get_all_by_label("What it changes").nth(2).unwrap().rect();
    let open = h.get_by_label_contains("Open c3d4e5f6").rect();
    assert!(heading.bottom() <= line.rect().top() && line.rect().bottom() <= open.top());
    assert_eq!(h.get_all_by_label("What it changes").count(), 3);
    assert!(shows(
        &h,
        "stake_test1uqqpzg3ng32kvaugnx4thnxaamlsqyfzxdz92enh3zv64wcukmmvl receives 250\u{a0}000 ADA"
    ));
    assert!(shows(
        &h,
        "No contents: an info action changes nothing on chain."
    ));
}
