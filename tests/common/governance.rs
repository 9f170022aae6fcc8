//! The Governance tab's tests start alike: the fixture's actions pasted and read.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use pool_console::app::{ConsoleApp, Tab};

use super::ui::{click, harness, status, type_into};

/// A file of `tests/data/governance/`.
pub fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/governance")
        .join(name)
}

/// `a` on the Governance tab with `proposals.json` pasted and read (three actions).
pub fn with_fixture(mut a: ConsoleApp) -> Harness<'static, ConsoleApp> {
    a.show_tab(Tab::Governance);
    let mut h = harness(a);
    h.run();
    let json = std::fs::read_to_string(data("proposals.json")).unwrap();
    type_into(&mut h, "Proposals JSON", &json);
    click(&mut h, "Read pasted JSON");
    assert_eq!(
        status(&h),
        "Read 3 governance actions from the pasted JSON."
    );
    h
}
