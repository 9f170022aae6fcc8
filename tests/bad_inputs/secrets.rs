//! Bad-input cases: secrets.

#[allow(unused_imports)]
use super::*;
