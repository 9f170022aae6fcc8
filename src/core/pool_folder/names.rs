//! What other tools' file names say: SPO Scripts' `NAME.kes-NNN.skey` / `NAME.node-NNN.opcert`
//! generations, their pool-name prefix, and the CNTools names only those tools use.

/// Which tool laid the folder out, told by the names it uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tool {
    /// cardano-cli guides and Pool Console: `cold.vkey`, `kes.skey`, `node.opcert`, …
    CardanoCli,
    /// CNTools: `priv/pool/NAME/` with `hot.skey`, `op.cert`, `kes.start`, `pool.id`, …
    CnTools,
    /// SPO Scripts: `NAME.node.skey`, `NAME.kes-000.skey`, `NAME.node-000.opcert`, …
    SpoScripts,
}

impl Tool {
    pub fn label(self) -> &'static str {
        match self {
            Self::CardanoCli => "cardano-cli",
            Self::CnTools => "CNTools",
            Self::SpoScripts => "SPO Scripts",
        }
    }
}

/// The names the console and cardano-cli guides give each file (the console writes these).
pub mod standard {
    pub const COLD_VKEY: &str = "cold.vkey";
    pub const COLD_SKEY: &str = "cold.skey";
    pub const COUNTER: &str = "cold.counter";
    pub const VRF_VKEY: &str = "vrf.vkey";
    pub const VRF_SKEY: &str = "vrf.skey";
    pub const KES_VKEY: &str = "kes.vkey";
    pub const KES_SKEY: &str = "kes.skey";
    pub const OPCERT: &str = "node.opcert";
    pub const METADATA: &str = "poolMetaData.json";
    pub const POOL_CERT: &str = "pool.cert";
    pub const RETIRE_CERT: &str = "deregistration.cert";

    /// The key, counter and opcert names among them.
    pub const KEYS_AND_OPCERT: [&str; 8] = [
        COLD_VKEY, COLD_SKEY, COUNTER, VRF_VKEY, VRF_SKEY, KES_VKEY, KES_SKEY, OPCERT,
    ];
}

/// Names only CNTools writes in a pool folder.
pub const CNTOOLS_NAMES: [&str; 6] = [
    "hot.skey",
    "hot.vkey",
    "op.cert",
    "kes.start",
    "pool.config",
    "pool.id-bech32",
];

/// SPO Scripts' fixed suffixes after `NAME`.
const SPO_SUFFIXES: [&str; 9] = [
    ".node.skey",
    ".node.vkey",
    ".node.counter",
    ".vrf.skey",
    ".vrf.vkey",
    ".kes.counter",
    ".kes-expire.json",
    ".pool.json",
    ".pool.cert",
];

/// The generation number in `NAME.kes-NNN.skey|vkey` or `NAME.node-NNN.opcert`, with `NAME`.
pub fn generation(name: &str) -> Option<(&str, u32)> {
    let (stem, marker) = if let Some(s) = name.strip_suffix(".opcert") {
        (s, ".node-")
    } else {
        let s = name
            .strip_suffix(".skey")
            .or_else(|| name.strip_suffix(".vkey"))?;
        (s, ".kes-")
    };
    let at = stem.rfind(marker)?;
    let (pool, digits) = (stem.get(..at)?, stem.get(at + marker.len()..)?);
    if pool.is_empty() || digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((pool, digits.parse().ok()?))
}

/// The pool name an SPO Scripts file name starts with, when it is one of theirs.
pub fn spo_pool_name(name: &str) -> Option<&str> {
    if let Some((pool, _)) = generation(name) {
        return Some(pool);
    }
    SPO_SUFFIXES
        .iter()
        .find_map(|s| name.strip_suffix(s))
        .filter(|p| !p.is_empty())
}

/// Which tool the names point to: SPO Scripts' prefixed names, CNTools' own names, else
/// cardano-cli's.
pub fn tool_of<'a>(names: impl IntoIterator<Item = &'a str> + Clone) -> Tool {
    if names
        .clone()
        .into_iter()
        .any(|n| spo_pool_name(n).is_some())
    {
        Tool::SpoScripts
    } else if names.into_iter().any(|n| CNTOOLS_NAMES.contains(&n)) {
        Tool::CnTools
    } else {
        Tool::CardanoCli
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generations_and_prefixes() {
        assert_eq!(generation("pool.kes-002.skey"), Some(("pool", 2)));
        assert_eq!(generation("my.pool.node-017.opcert"), Some(("my.pool", 17)));
        assert_eq!(generation("pool.kes-.skey"), None);
        assert_eq!(generation("pool.kes-0a1.skey"), None);
        assert_eq!(generation(".kes-001.skey"), None);
        assert_eq!(generation("kes.skey"), None);
        assert_eq!(generation("pool.node-001.skey"), None);
        assert_eq!(spo_pool_name("pool.node.counter"), Some("pool"));
        assert_eq!(spo_pool_name("pool.kes-expire.json"), Some("pool"));
        assert_eq!(spo_pool_name("cold.skey"), None);
        assert_eq!(spo_pool_name(".node.skey"), None);
    }

    #[test]
    fn tools_by_name() {
        assert_eq!(tool_of(["cold.skey", "kes.skey"]), Tool::CardanoCli);
        assert_eq!(tool_of(["cold.skey", "hot.skey"]), Tool::CnTools);
        assert_eq!(tool_of(["a.node.skey", "hot.skey"]), Tool::SpoScripts);
    }
}
