//! Side effects the core never performs: files, entropy, dialogs, the clock, settings paths.
//! Only this module touches the file system (clippy's `disallowed-methods` holds the rest).
#![allow(clippy::disallowed_methods)]

pub mod clock;
pub mod dialogs;
pub mod dirs;
pub mod disk;
pub mod entropy;
pub mod files;
pub mod folders;
pub mod http;
pub mod journal_file;
pub mod load;
pub mod lock;
pub mod online;
pub mod pool_folder_scan;
pub mod read;
pub mod stdio;
pub mod target;
pub mod txn;
