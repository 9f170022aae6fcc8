//! A file given to the console (dropped on the window) opens where it is used: a transaction
//! on the Sign tab, a registration certificate on the Review tab, a witness beside the loaded
//! transaction; anything else is described on the Inspect tab.

use std::path::Path;

use super::{ConsoleApp, Tab};
use crate::core::describe::recognise::{classify, FileKind};
use crate::platform::read;

impl ConsoleApp {
    pub fn open_file(&mut self, path: &Path) {
        let kind = read::read_regular(path, read::POOL_FILE)
            .ok()
            .and_then(|bytes| classify(bytes.expose()));
        match kind {
            Some(FileKind::Transaction) => {
                self.sign.load(path);
                self.tab = Tab::Sign;
            }
            Some(FileKind::PoolRegistration) => {
                self.review.load_certificate(path);
                self.tab = Tab::Review;
            }
            Some(FileKind::Witness) if self.sign.tx.is_some() => {
                self.sign_add_witness_from(path);
                self.tab = Tab::Sign;
            }
            _ => self.inspect_path(path),
        }
    }
}
