//! Key-safety tests: reads.

#[allow(unused_imports)]
use super::common::*;
