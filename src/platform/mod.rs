//! Side effects the core never performs: files, entropy, dialogs, the clock, settings paths.

pub mod clock;
pub mod dialogs;
pub mod dirs;
pub mod entropy;
pub mod files;
pub mod http;
pub mod journal_file;
pub mod load;
