//! Existing pool folders as other tools lay them out (cardano-cli guides, CNTools, SPO
//! Scripts): which file plays which role, and which generation of KES key and opcert is
//! current. Fed with file names and what each file holds; reads nothing itself.

pub mod checks;
pub mod names;

use crate::core::describe::recognise::FileKind;
use crate::core::keys::KeyKind;
pub use names::Tool;

/// The role a file plays in a pool folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Part {
    ColdVkey,
    ColdSkey,
    Counter,
    VrfVkey,
    VrfSkey,
    KesVkey,
    KesSkey,
    OpCert,
    Metadata,
    PoolCert,
    /// CNTools' `kes.start`: the KES period it thinks the opcert starts at.
    KesStart,
    /// CNTools' `pool.id` / `pool.id-bech32`.
    PoolIdFile,
    /// CNTools' `pool.config` or SPO Scripts' `NAME.pool.json`.
    PoolConfig,
    /// SPO Scripts' `NAME.kes.counter`: the number of the latest KES generation.
    KesCounter,
    /// SPO Scripts' `NAME.kes-expire.json`.
    KesExpiry,
}

impl Part {
    fn of(kind: FileKind) -> Option<Self> {
        use KeyKind as K;
        Some(match kind {
            FileKind::Key(K::ColdVerification | K::ColdExtendedVerification) => Self::ColdVkey,
            FileKind::Key(K::ColdSigning | K::ColdExtendedSigning) => Self::ColdSkey,
            FileKind::Key(K::VrfVerification) => Self::VrfVkey,
            FileKind::Key(K::VrfSigning) => Self::VrfSkey,
            FileKind::Key(K::KesVerification) => Self::KesVkey,
            FileKind::Key(K::KesSigning) => Self::KesSkey,
            FileKind::IssueCounter => Self::Counter,
            FileKind::OpCert => Self::OpCert,
            FileKind::PoolMetadata => Self::Metadata,
            FileKind::PoolRegistration => Self::PoolCert,
            _ => return None,
        })
    }

    /// Tool bookkeeping files, known by name only.
    fn by_name(name: &str) -> Option<Self> {
        Some(match name {
            "kes.start" => Self::KesStart,
            "pool.id" | "pool.id-bech32" => Self::PoolIdFile,
            "pool.config" => Self::PoolConfig,
            _ if name.ends_with(".pool.json") => Self::PoolConfig,
            _ if name.ends_with(".kes.counter") => Self::KesCounter,
            _ if name.ends_with(".kes-expire.json") => Self::KesExpiry,
            _ => return None,
        })
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::ColdVkey => "Cold verification key",
            Self::ColdSkey => "Cold signing key",
            Self::Counter => "Issue counter",
            Self::VrfVkey => "VRF verification key",
            Self::VrfSkey => "VRF signing key",
            Self::KesVkey => "KES verification key",
            Self::KesSkey => "KES signing key",
            Self::OpCert => "Operational certificate",
            Self::Metadata => "Pool metadata",
            Self::PoolCert => "Registration certificate",
            Self::KesStart => "KES start period (CNTools)",
            Self::PoolIdFile => "Pool id (CNTools)",
            Self::PoolConfig => "Pool settings",
            Self::KesCounter => "KES generation counter (SPO Scripts)",
            Self::KesExpiry => "KES expiry note (SPO Scripts)",
        }
    }

    /// A short name for JSON.
    pub fn key(self) -> &'static str {
        match self {
            Self::ColdVkey => "coldVerificationKey",
            Self::ColdSkey => "coldSigningKey",
            Self::Counter => "issueCounter",
            Self::VrfVkey => "vrfVerificationKey",
            Self::VrfSkey => "vrfSigningKey",
            Self::KesVkey => "kesVerificationKey",
            Self::KesSkey => "kesSigningKey",
            Self::OpCert => "operationalCertificate",
            Self::Metadata => "poolMetadata",
            Self::PoolCert => "registrationCertificate",
            Self::KesStart => "kesStart",
            Self::PoolIdFile => "poolIdFile",
            Self::PoolConfig => "poolSettings",
            Self::KesCounter => "kesCounter",
            Self::KesExpiry => "kesExpiry",
        }
    }

    /// Whether this role holds a secret (a signing key).
    pub fn is_signing_key(self) -> bool {
        matches!(self, Self::ColdSkey | Self::VrfSkey | Self::KesSkey)
    }
}

/// One file as the scanner saw it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seen {
    pub name: String,
    /// What it holds (for an encrypted key, the kind its envelope type names).
    pub kind: Option<FileKind>,
    /// An SPO Scripts / gpg encrypted envelope (`encrHex`).
    pub encrypted: bool,
}

/// A file given its role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placed {
    pub part: Part,
    pub name: String,
    /// `NNN` of `NAME.kes-NNN.*` / `NAME.node-NNN.opcert`.
    pub generation: Option<u32>,
    pub encrypted: bool,
}

/// A folder's files sorted by role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FolderLayout {
    pub tool: Tool,
    /// SPO Scripts' name prefix (CNTools names the folder instead).
    pub pool_name: Option<String>,
    /// One file per role, in role order: the one in use.
    pub current: Vec<Placed>,
    /// Older KES keys and opcerts, newest first.
    pub history: Vec<Placed>,
    /// Further files for a role that already has one (not generations).
    pub also: Vec<Placed>,
    /// Files that play no role here.
    pub unused: Vec<String>,
}

impl FolderLayout {
    pub fn get(&self, part: Part) -> Option<&Placed> {
        self.current.iter().find(|p| p.part == part)
    }
}

/// Names a tool fixes for a role; preferred when a role has several files.
fn layout_name(name: &str) -> bool {
    names::CNTOOLS_NAMES.contains(&name)
        || names::spo_pool_name(name).is_some()
        || names::standard::KEYS_AND_OPCERT.contains(&name)
}

/// Sorts the files by role; where generations exist, the newest opcert and the KES key of
/// its generation are current and older ones are history.
pub fn recognise(files: &[Seen]) -> FolderLayout {
    let tool = names::tool_of(files.iter().map(|f| f.name.as_str()));
    let pool_name = files
        .iter()
        .find_map(|f| names::spo_pool_name(&f.name))
        .map(str::to_owned);
    let mut placed = Vec::new();
    let mut unused = Vec::new();
    for f in files {
        match f.kind.and_then(Part::of).or_else(|| Part::by_name(&f.name)) {
            Some(part) => placed.push(Placed {
                part,
                name: f.name.clone(),
                generation: names::generation(&f.name).map(|(_, n)| n),
                encrypted: f.encrypted,
            }),
            None => unused.push(f.name.clone()),
        }
    }
    // Newest generation first, then names a tool fixes, then by name.
    placed.sort_by(|a, b| {
        (
            a.part,
            std::cmp::Reverse(a.generation),
            !layout_name(&a.name),
            &a.name,
        )
            .cmp(&(
                b.part,
                std::cmp::Reverse(b.generation),
                !layout_name(&b.name),
                &b.name,
            ))
    });
    // The KES keys of the current opcert's generation, when there is one.
    let opcert_generation = placed
        .iter()
        .find(|p| p.part == Part::OpCert)
        .and_then(|p| p.generation);
    if let Some(g) = opcert_generation {
        for part in [Part::KesSkey, Part::KesVkey] {
            if let Some(i) = placed
                .iter()
                .position(|p| p.part == part && p.generation == Some(g))
            {
                let chosen = placed.remove(i);
                let at = placed.iter().position(|p| p.part == part).unwrap_or(i);
                placed.insert(at, chosen);
            }
        }
    }
    let (mut current, mut history, mut also) = (Vec::new(), Vec::new(), Vec::new());
    for p in placed {
        if !current.iter().any(|c: &Placed| c.part == p.part) {
            current.push(p);
        } else if p.generation.is_some() {
            history.push(p);
        } else {
            also.push(p);
        }
    }
    FolderLayout {
        tool,
        pool_name,
        current,
        history,
        also,
        unused,
    }
}

#[cfg(test)]
mod tests;
