//! The operations layer: every action that writes, one function each, called by both the
//! command line (`src/cli/`) and the console (`src/app/`). Each reads what it needs, asks the
//! core to compute, and writes through `platform::files`, so both faces keep the same
//! promises (docs/SECURITY.md) and say the same thing when something is wrong.

pub mod aion_keys;
pub mod keys;
pub mod opcert;
pub mod outputs;
pub mod protect;
pub mod recovery;

use std::fmt;

use crate::platform::files::FileError;

/// A failed operation: the message names the file and says what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpError(pub String);

impl fmt::Display for OpError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for OpError {}

impl From<FileError> for OpError {
    fn from(e: FileError) -> Self {
        Self(e.to_string())
    }
}

impl From<OpError> for String {
    fn from(e: OpError) -> Self {
        e.0
    }
}

impl From<String> for OpError {
    fn from(e: String) -> Self {
        Self(e)
    }
}

impl From<crate::core::keys::KeyError> for OpError {
    fn from(e: crate::core::keys::KeyError) -> Self {
        Self(e.to_string())
    }
}

pub type OpResult<T> = Result<T, OpError>;

/// What a write did besides its own files: an interrupted earlier write it completed or
/// undid, said in words so the person knows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Done {
    pub notes: Vec<String>,
}
