//! Key-safety tests: messages.

#[allow(unused_imports)]
use super::common::*;
