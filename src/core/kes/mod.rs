//! The KES key and its rotation: Sum6 keys, opcerts and counters, periods, urgency, the journal.

pub mod calendar;
pub mod clock_guard;
pub mod issue_period;
pub mod journal;
pub mod node_metrics;
pub mod opcert;
pub mod period_info;
pub mod predeploy;
pub mod refresh;
pub mod sum6;
pub mod watch;
