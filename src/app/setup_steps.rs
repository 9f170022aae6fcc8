//! The "Set up a new pool" checklist as data: eight steps on this machine, then what is left on
//! the online machine (upload, deposit, build, witness, submit) with the exact cardano-cli
//! lines. The Pool tab draws it and the Keys tab points to its next step, so they never differ.

use super::cli_equivalent as cli;
use super::Tab;
use crate::core::certificate::PoolMetadataRef;

/// Files the remaining steps name that the console does not write.
pub mod files {
    pub const PROTOCOL: &str = "protocol.json";
    pub const TX_RAW: &str = "tx.raw";
    pub const TX_SIGNED: &str = "tx.signed";
    pub const PAYMENT_SKEY: &str = "payment.skey";
}

/// What the checklist knows about the open folder and the console.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facts {
    pub folder_open: bool,
    pub cold_keys: bool,
    pub vrf_keys: bool,
    pub kes_keys: bool,
    pub opcert_ok: bool,
    pub owner_keys: bool,
    pub metadata_file: Option<NamedHash>,
    pub pool_cert: Option<CertFacts>,
    /// `--mainnet` or `--testnet-magic N`.
    pub network_flag: String,
    /// The metadata URL the form names, for when there is no certificate yet.
    pub form_metadata_url: String,
    /// The Sign tab holds a transaction registering this pool with every witness it needs.
    pub witnessed: bool,
}

/// A file in the folder and its blake2b-256.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedHash {
    pub name: String,
    pub hash: [u8; 32],
}

/// What the folder's registration certificate and its companions say.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CertFacts {
    pub name: String,
    pub metadata: Option<PoolMetadataRef>,
    /// Owners' stake registrations, then delegations to this pool: file names in the folder.
    pub stake_registrations: Vec<String>,
    pub delegations: Vec<String>,
    pub cold_skey: String,
    pub owners: Vec<Signer>,
}

/// An owner who must witness the registration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signer {
    /// `alice` for `alice.stake.skey`; `owner 2` when the key is not in this folder.
    pub name: String,
    pub skey: String,
    pub in_folder: bool,
}

/// Where a step is done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Go {
    OpenFolder,
    Tab(Tab),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    Done,
    ToDo,
    /// Done on another machine: the console cannot see it.
    Online,
}

/// How a line the checklist states about the folder reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// As it should be.
    Ok,
    /// Needs attention before the step can be done.
    Problem,
    /// Worth knowing (a URL, a file list).
    Info,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    pub mark: Mark,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub title: &'static str,
    pub explanation: String,
    pub progress: Progress,
    /// Buttons: label and destination.
    pub go: Vec<(&'static str, Go)>,
    pub facts: Vec<Fact>,
    pub commands: Vec<String>,
}

impl Step {
    fn here(title: &'static str, explanation: &str, done: bool, go: (&'static str, Go)) -> Self {
        Self {
            title,
            explanation: explanation.to_owned(),
            progress: if done { Progress::Done } else { Progress::ToDo },
            go: vec![go],
            facts: Vec::new(),
            commands: Vec::new(),
        }
    }

    pub fn done(&self) -> bool {
        self.progress == Progress::Done
    }

    /// The tab a pointer to this step leads to: its own, or the Pool tab whose checklist
    /// holds the commands.
    pub fn tab(&self) -> Tab {
        match self.go.first() {
            Some((_, Go::Tab(t))) => *t,
            _ => Tab::Pool,
        }
    }
}

/// How many steps are done on this machine before the online part.
pub const OFFLINE_STEPS: usize = 8;

pub fn steps(f: &Facts) -> Vec<Step> {
    let keys = ("Go to Keys", Go::Tab(Tab::Keys));
    let registration = ("Go to Registration", Go::Tab(Tab::Registration));
    let mut v = vec![
        Step::here("Choose a folder for the pool", "Every key and certificate of this pool lives there. Use an offline machine for the cold key.", f.folder_open, ("Open folder…", Go::OpenFolder)),
        Step::here("Generate the cold keys", "The pool's identity (pool id) and the counter for operational certificates.", f.cold_keys, keys),
        Step::here("Generate the VRF keys", "Used by the node to prove it may make a block.", f.vrf_keys, keys),
        Step::here("Generate the KES keys", "The hot key the node signs blocks with; replaced every ~90 days.", f.kes_keys, keys),
        Step::here("Issue the operational certificate", "The cold key vouches for the KES key, from the current KES period.", f.opcert_ok, ("Go to Op cert", Go::Tab(Tab::OpCert))),
        Step::here("Add the owners' stake keys", "Their ADA is the pool's pledge; each owner signs the registration.", f.owner_keys, keys),
        Step::here("Describe the pool (metadata)", "Name, ticker and homepage that wallets show; host the JSON at a URL.", f.metadata_file.is_some(), registration),
        Step::here("Build the registration certificate", "Pledge, cost, margin, owners and relays in one certificate to submit.", f.pool_cert.is_some(), registration),
    ];
    v.extend(remaining(f));
    v
}

/// The first step not done, with its number (1-based).
pub fn next(steps: &[Step]) -> Option<(usize, &Step)> {
    steps
        .iter()
        .enumerate()
        .find(|(_, s)| !s.done())
        .map(|(i, s)| (i + 1, s))
}

fn online(title: &'static str, explanation: String) -> Step {
    Step {
        title,
        explanation,
        progress: Progress::Online,
        go: Vec::new(),
        facts: Vec::new(),
        commands: Vec::new(),
    }
}

fn fact(mark: Mark, text: String) -> Fact {
    Fact { mark, text }
}

/// Steps 9 to 13: what is left once the certificate is built.
fn remaining(f: &Facts) -> Vec<Step> {
    vec![upload(f), deposit(f), build(f), witness(f), submit(f)]
}

fn upload(f: &Facts) -> Step {
    let mut s = online(
        "Upload poolMetaData.json exactly as written",
        "Put the file on your web server so that the metadata URL serves it byte for byte: no reformatting, no added line. Its hash is in the certificate, and wallets ignore a file whose hash differs. Then check the upload from the online machine with the command below.".to_owned(),
    );
    let meta = f.pool_cert.as_ref().and_then(|c| c.metadata.as_ref());
    match (&f.metadata_file, meta) {
        (Some(file), Some(m)) if file.hash == m.hash => s.facts.push(fact(Mark::Ok, format!("{} is in the folder; its hash {} is the one in the certificate.", file.name, hex::encode(file.hash)))),
        (Some(file), Some(m)) => s.facts.push(fact(Mark::Problem, format!("{} has hash {}, but the certificate names {}: upload the file the certificate was built from, or build the certificate again.", file.name, hex::encode(file.hash), hex::encode(m.hash)))),
        (Some(file), None) => s.facts.push(fact(Mark::Ok, format!("{} is in the folder (hash {}).", file.name, hex::encode(file.hash)))),
        (None, _) => s.facts.push(fact(Mark::Problem, "poolMetaData.json is not in this folder yet (step 7).".to_owned())),
    }
    match (&f.pool_cert, meta) {
        (Some(_), Some(m)) => {
            s.facts.push(fact(
                Mark::Info,
                format!("Metadata URL in the certificate: {}", m.url),
            ));
            s.commands.push(cli::metadata_hash_of_url(&m.url, &m.hash));
        }
        (Some(c), None) => {
            s.facts.push(fact(
                Mark::Ok,
                format!("{} names no metadata: there is nothing to upload.", c.name),
            ));
            s.progress = Progress::Done;
        }
        (None, _) if !f.form_metadata_url.trim().is_empty() => s.facts.push(fact(
            Mark::Info,
            format!("Metadata URL in the form: {}", f.form_metadata_url.trim()),
        )),
        (None, _) => {}
    }
    s
}

fn deposit(f: &Facts) -> Step {
    let mut s = online(
        "Pay the pool deposit",
        "Registering a pool locks a deposit: 500 ADA on mainnet at the time of writing. The current value, in lovelace, is the stakePoolDeposit field of the protocol parameters (the command below writes them to protocol.json). The payment address pays it, plus stakeAddressDeposit (2 ADA) for each owner stake key registered in the same transaction, plus the fee. The deposit returns to the reward account when the pool retires.".to_owned(),
    );
    s.commands.push(cli::query_protocol_parameters(
        &f.network_flag,
        files::PROTOCOL,
    ));
    s
}

/// The certificates in the order the ledger must apply them: stake keys registered before
/// they delegate, the pool registered before anyone delegates to it.
pub fn certificate_order(c: &CertFacts) -> Vec<String> {
    let mut v = c.stake_registrations.clone();
    v.push(c.name.clone());
    v.extend(c.delegations.iter().cloned());
    v
}

fn build(f: &Facts) -> Step {
    let mut s = online(
        "Build the registration transaction on the online machine",
        "On a machine with a synced node (CARDANO_NODE_SOCKET_PATH set), copy the certificates over, set PAYMENT_ADDR to your payment address and TX_IN to one of its UTxOs (TXID#INDEX, listed by the first command). Leave out a .stake-registration.cert whose stake key is already registered. --witness-override counts the payment key, the cold key and each owner, so the fee covers every signature.".to_owned(),
    );
    let Some(c) = &f.pool_cert else {
        s.facts.push(fact(
            Mark::Problem,
            "No registration certificate yet (step 8).".to_owned(),
        ));
        return s;
    };
    let certs = certificate_order(c);
    s.facts.push(fact(
        Mark::Info,
        format!("Certificates to include: {}", certs.join(", ")),
    ));
    s.commands.push(cli::query_utxo(&f.network_flag));
    s.commands.push(cli::transaction_build(
        &certs,
        2 + c.owners.len(),
        &f.network_flag,
        files::TX_RAW,
    ));
    s
}

/// Witness files, one per signer: the payment key, the cold key, each owner.
fn witness_files(c: &CertFacts) -> Vec<(String, String)> {
    let mut v = vec![
        (files::PAYMENT_SKEY.to_owned(), "payment.witness".to_owned()),
        (c.cold_skey.clone(), "cold.witness".to_owned()),
    ];
    v.extend(c.owners.iter().map(|o| {
        (
            o.skey.clone(),
            format!("{}.witness", o.name.replace(' ', "-")),
        )
    }));
    v
}

fn witness(f: &Facts) -> Step {
    let mut s = online(
        "Have the cold key and every owner witness it",
        "Bring tx.raw to this offline machine. Review shows the certificate inside it; Sign reads the transaction in words and makes a witness with cold.skey and with each owner's stake key (an owner whose key is elsewhere signs there and sends the witness file). The payment key witnesses on the machine that holds it. The same with cardano-cli:".to_owned(),
    );
    s.go = vec![
        ("Go to Review", Go::Tab(Tab::Review)),
        ("Go to Sign", Go::Tab(Tab::Sign)),
    ];
    if f.witnessed {
        s.progress = Progress::Done;
        s.facts.push(fact(
            Mark::Ok,
            "The Sign tab holds this pool's registration with every witness it needs.".to_owned(),
        ));
    } else {
        s.progress = Progress::ToDo;
    }
    let Some(c) = &f.pool_cert else { return s };
    for o in c.owners.iter().filter(|o| !o.in_folder) {
        s.facts.push(fact(
            Mark::Problem,
            format!(
                "{}'s stake key is not in this folder: that owner signs on their own machine.",
                o.name
            ),
        ));
    }
    s.commands = witness_files(c)
        .iter()
        .map(|(key, out)| cli::transaction_witness(files::TX_RAW, key, &f.network_flag, out))
        .collect();
    s
}

fn submit(f: &Facts) -> Step {
    let mut s = online(
        "Assemble and submit the transaction",
        "On the online machine, put the witness files next to tx.raw, assemble them into one signed transaction and submit it. The pool is registered once the transaction is in a block; stake delegated to it counts from the second epoch after that.".to_owned(),
    );
    let Some(c) = &f.pool_cert else { return s };
    let witnesses: Vec<String> = witness_files(c).into_iter().map(|(_, w)| w).collect();
    s.commands.push(cli::transaction_assemble(
        files::TX_RAW,
        &witnesses,
        files::TX_SIGNED,
    ));
    s.commands
        .push(cli::transaction_submit(files::TX_SIGNED, &f.network_flag));
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn built(metadata_hash: [u8; 32]) -> Facts {
        Facts {
            folder_open: true,
            cold_keys: true,
            vrf_keys: true,
            kes_keys: true,
            opcert_ok: true,
            owner_keys: true,
            metadata_file: Some(NamedHash {
                name: "poolMetaData.json".to_owned(),
                hash: [7; 32],
            }),
            pool_cert: Some(CertFacts {
                name: "pool.cert".to_owned(),
                metadata: Some(PoolMetadataRef {
                    url: "https://alice.example/p.json".to_owned(),
                    hash: metadata_hash,
                }),
                stake_registrations: vec!["alice.stake-registration.cert".to_owned()],
                delegations: vec!["alice.delegation.cert".to_owned()],
                cold_skey: "cold.skey".to_owned(),
                owners: vec![
                    Signer {
                        name: "alice".to_owned(),
                        skey: "alice.stake.skey".to_owned(),
                        in_folder: true,
                    },
                    Signer {
                        name: "owner 2".to_owned(),
                        skey: "owner2.stake.skey".to_owned(),
                        in_folder: false,
                    },
                ],
            }),
            network_flag: "--testnet-magic 1".to_owned(),
            form_metadata_url: String::new(),
            witnessed: false,
        }
    }

    #[test]
    fn after_the_certificate_the_upload_is_next_with_the_check_command() {
        let steps = steps(&built([7; 32]));
        assert_eq!(steps.len(), 13);
        assert!(steps[..OFFLINE_STEPS].iter().all(Step::done));
        let (n, next) = next(&steps).unwrap();
        assert_eq!(n, 9);
        assert_eq!(next.title, "Upload poolMetaData.json exactly as written");
        assert_eq!(next.tab(), Tab::Pool);
        let h = "07".repeat(32);
        assert_eq!(
            next.facts[0].text,
            format!(
                "poolMetaData.json is in the folder; its hash {h} is the one in the certificate."
            )
        );
        assert_eq!(next.facts[0].mark, Mark::Ok);
        assert_eq!(
            next.commands,
            [format!("cardano-cli latest stake-pool metadata-hash --pool-metadata-url https://alice.example/p.json --expected-hash {h}")]
        );
    }

    #[test]
    fn a_metadata_file_that_is_not_the_certified_one_is_said() {
        let steps = steps(&built([8; 32]));
        let f = &steps[8].facts[0];
        assert_eq!(f.mark, Mark::Problem);
        assert!(
            f.text.starts_with("poolMetaData.json has hash 0707"),
            "{}",
            f.text
        );
        assert!(f
            .text
            .contains(&format!("the certificate names {}", "08".repeat(32))));
    }

    #[test]
    fn the_transaction_commands_use_the_folder_files_in_ledger_order() {
        let steps = steps(&built([7; 32]));
        assert_eq!(
            steps[9].commands,
            ["cardano-cli latest query protocol-parameters --testnet-magic 1 --out-file protocol.json"]
        );
        assert!(steps[9].explanation.contains("stakePoolDeposit"));
        assert_eq!(
            steps[10].commands[1],
            "cardano-cli latest transaction build \\\n  --tx-in \"$TX_IN\" \\\n  --change-address \"$PAYMENT_ADDR\" \\\n  --certificate-file alice.stake-registration.cert \\\n  --certificate-file pool.cert \\\n  --certificate-file alice.delegation.cert \\\n  --witness-override 4 \\\n  --testnet-magic 1 \\\n  --out-file tx.raw"
        );
        assert_eq!(
            steps[11].commands,
            [
                "cardano-cli latest transaction witness --tx-body-file tx.raw --signing-key-file payment.skey --testnet-magic 1 --out-file payment.witness",
                "cardano-cli latest transaction witness --tx-body-file tx.raw --signing-key-file cold.skey --testnet-magic 1 --out-file cold.witness",
                "cardano-cli latest transaction witness --tx-body-file tx.raw --signing-key-file alice.stake.skey --testnet-magic 1 --out-file alice.witness",
                "cardano-cli latest transaction witness --tx-body-file tx.raw --signing-key-file owner2.stake.skey --testnet-magic 1 --out-file owner-2.witness",
            ]
        );
        assert_eq!(
            steps[11].facts[0].text,
            "owner 2's stake key is not in this folder: that owner signs on their own machine."
        );
        assert_eq!(
            steps[12].commands,
            [
                "cardano-cli latest transaction assemble --tx-body-file tx.raw \\\n  --witness-file payment.witness \\\n  --witness-file cold.witness \\\n  --witness-file alice.witness \\\n  --witness-file owner-2.witness \\\n  --out-file tx.signed",
                "cardano-cli latest transaction submit --tx-file tx.signed --testnet-magic 1",
            ]
        );
    }

    #[test]
    fn what_the_console_can_see_is_ticked_and_the_rest_is_not() {
        let mut f = built([7; 32]);
        f.witnessed = true;
        let s = steps(&f);
        assert_eq!(s[11].progress, Progress::Done);
        assert_eq!(s[8].progress, Progress::Online);
        // A certificate without metadata: nothing to upload.
        f.pool_cert.as_mut().unwrap().metadata = None;
        assert!(steps(&f)[8].done());
        assert_eq!(next(&steps(&f)).unwrap().0, 10);
    }

    #[test]
    fn before_the_certificate_the_first_missing_key_is_next() {
        let f = Facts {
            folder_open: true,
            cold_keys: true,
            ..Facts::default()
        };
        let s = steps(&f);
        let (n, step) = next(&s).unwrap();
        assert_eq!(
            (n, step.title, step.tab()),
            (3, "Generate the VRF keys", Tab::Keys)
        );
        assert!(
            s[10].commands.is_empty(),
            "no build command without a certificate"
        );
    }
}
