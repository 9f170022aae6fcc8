//! Bad-input cases: writes.

#[allow(unused_imports)]
use super::*;
