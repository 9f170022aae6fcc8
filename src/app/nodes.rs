//! The live node view: polls each node's metrics endpoint on a background thread, so a node that
//! does not answer never holds up a frame. Results come back over a channel and are picked up by
//! `tick`, which the UI calls every frame.

use chrono::{DateTime, Utc};
use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::settings::MetricsEndpoint;
use crate::core::kes::node_metrics::{self, NodeKes};
use crate::platform::http;

/// What is known about one endpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NodeState {
    /// Asked, no answer yet.
    Asking,
    Answered {
        kes: NodeKes,
        at: DateTime<Utc>,
    },
    Failed {
        message: String,
        at: DateTime<Utc>,
    },
}

#[derive(Debug, Clone)]
pub struct NodeStatus {
    pub endpoint: MetricsEndpoint,
    pub state: NodeState,
    in_flight: bool,
    last_asked: Option<Instant>,
}

/// Wakes the UI when an answer arrives (egui's `request_repaint`), so results show without input.
pub type Waker = Arc<dyn Fn() + Send + Sync>;

pub struct NodeWatch {
    pub nodes: Vec<NodeStatus>,
    /// Time between two polls of one endpoint.
    pub interval: Duration,
    /// How long one poll may take before the node counts as not answering.
    pub timeout: Duration,
    pub waker: Option<Waker>,
    sender: Sender<(String, Result<NodeKes, String>)>,
    receiver: Receiver<(String, Result<NodeKes, String>)>,
}

impl Default for NodeWatch {
    fn default() -> Self {
        let (sender, receiver) = channel();
        Self {
            nodes: Vec::new(),
            interval: Duration::from_secs(30),
            timeout: Duration::from_secs(3),
            waker: None,
            sender,
            receiver,
        }
    }
}

impl NodeWatch {
    /// Keeps the statuses of endpoints still listed, adds new ones, drops removed ones.
    pub fn sync(&mut self, endpoints: &[MetricsEndpoint]) {
        self.nodes.retain(|n| endpoints.contains(&n.endpoint));
        for e in endpoints {
            if !self.nodes.iter().any(|n| &n.endpoint == e) {
                self.nodes.push(NodeStatus {
                    endpoint: e.clone(),
                    state: NodeState::Asking,
                    in_flight: false,
                    last_asked: None,
                });
            }
        }
    }

    /// Collects answers and starts the polls that are due. `now` stamps the answers.
    pub fn tick(&mut self, now: DateTime<Utc>) {
        while let Ok((url, result)) = self.receiver.try_recv() {
            for n in self.nodes.iter_mut().filter(|n| n.endpoint.url == url) {
                n.in_flight = false;
                n.state = match &result {
                    Ok(kes) => NodeState::Answered { kes: *kes, at: now },
                    Err(message) => NodeState::Failed {
                        message: message.clone(),
                        at: now,
                    },
                };
            }
        }
        let due = |n: &NodeStatus| {
            !n.in_flight && n.last_asked.is_none_or(|t| t.elapsed() >= self.interval)
        };
        let urls: Vec<String> = self
            .nodes
            .iter()
            .filter(|n| due(n))
            .map(|n| n.endpoint.url.clone())
            .collect();
        for url in urls {
            self.ask(&url);
        }
    }

    /// Polls every endpoint now (the Refresh button).
    pub fn ask_all(&mut self) {
        let urls: Vec<String> = self
            .nodes
            .iter()
            .filter(|n| !n.in_flight)
            .map(|n| n.endpoint.url.clone())
            .collect();
        for url in urls {
            self.ask(&url);
        }
    }

    fn ask(&mut self, url: &str) {
        for n in self.nodes.iter_mut().filter(|n| n.endpoint.url == url) {
            n.in_flight = true;
            n.last_asked = Some(Instant::now());
            if !matches!(n.state, NodeState::Answered { .. }) {
                n.state = NodeState::Asking;
            }
        }
        let (sender, waker, timeout, url) = (
            self.sender.clone(),
            self.waker.clone(),
            self.timeout,
            url.to_owned(),
        );
        let failed = (sender.clone(), url.clone());
        let spawned = std::thread::Builder::new()
            .name("node-metrics poll".to_owned())
            .spawn(move || {
                let result = http::get(&url, timeout)
                    .and_then(|body| node_metrics::parse(&body).map_err(|e| format!("{url}: {e}")));
                let _ = sender.send((url, result));
                if let Some(w) = waker {
                    w();
                }
            });
        if let Err(e) = spawned {
            let (sender, url) = failed;
            let _ = sender.send((url, Err(format!("cannot start asking the node: {e}"))));
        }
    }

    /// How long until the next poll is due (answers to polls out wake the UI themselves).
    pub fn next_poll_in(&self) -> Option<Duration> {
        self.nodes
            .iter()
            .filter(|n| !n.in_flight)
            .map(|n| {
                n.last_asked.map_or(Duration::ZERO, |t| {
                    self.interval.saturating_sub(t.elapsed())
                })
            })
            .min()
    }

    /// Whether any poll is still out (the UI keeps repainting until it is back).
    pub fn busy(&self) -> bool {
        self.nodes.iter().any(|n| n.in_flight)
    }
}
