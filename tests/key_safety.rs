//! Key safety: one test per defect class found when the command line was attacked (issue 10),
//! each named after the class, reproducing its recipe and asserting the safe behaviour.
//! docs/SECURITY.md names the test that holds each promise.
#![allow(clippy::disallowed_methods, clippy::unwrap_used, clippy::expect_used)]

mod common;

#[path = "key_safety/attacks.rs"]
mod attacks;
#[path = "key_safety/console.rs"]
mod console;
#[path = "key_safety/leaks.rs"]
mod leaks;
#[path = "key_safety/messages.rs"]
mod messages;
#[path = "key_safety/reads.rs"]
mod reads;
#[path = "key_safety/writes.rs"]
mod writes;
