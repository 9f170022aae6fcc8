//! Bad-input cases: reads.

#[allow(unused_imports)]
use super::*;
