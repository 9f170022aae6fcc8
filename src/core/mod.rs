//! The certificate core: pure functions over bytes and typed values.
//!
//! Nothing in here touches egui, files, clocks, randomness or the environment: callers pass
//! bytes, seeds and "now" in, and get bytes, values and errors out. The command line, the
//! console and the tests all share it.
//!
//! | module | what it is for |
//! |---|---|
//! | [`aion`] | the Aion Unity profile: Ed25519 keys and a0 addresses, pool metadata, commission, AION amounts, lockouts, self-bond |
//! | [`encoding`] | CBOR reader/writer, cardano-cli's decode-cbor text, text envelopes (and their YAML/JSON views), bech32, blake2b hashes |
//! | [`keys`] | every key kind and its envelope, reading any key form, generation, zeroized secrets, addresses and reward accounts |
//! | [`chain`] | the chain clock (slot, epoch, KES period) and the genesis files it comes from |
//! | [`kes`] | Sum6 KES keys, opcerts and counters, issue-number rules, urgency and deadlines (watch), when the KES screens next change (refresh), pre-deploy checks, clock guard, rotation journal, calendar reminder, node metrics |
//! | [`certificate`] | pool registration/retirement and stake certificates, relays, margin, pool metadata, ADA amounts |
//! | [`review`] | pool plans, the review of a registration before signing, fingerprints (hex and words), the sign-off sheet |
//! | [`transaction`] | transactions and key witnesses, assembling them, and the readable view of a body (`view`) |
//! | [`governance`] | Conway votes: voters, action ids (CIP-129 too), anchors, the voting procedures CBOR of vote files and transaction bodies, `vote view` |
//! | [`governance_actions`] | the governance actions of `query proposals` JSON, which a pool may vote on, what its silence counts as, vote rationales (CIP-100) |
//! | [`describe`] | readable descriptions of every file kind, and recognising a file from its bytes |
//! | [`message`] | quoting input into messages, escaping file text, and the last net that redacts secrets |
//! | [`aion`] | the Aion Unity profile: keys and `0xa0` addresses, AVM ABI call data, signed transactions (RLP, Ed25519 over BLAKE2b-256) |
//! | [`pool_folder`] | existing pool folders (cardano-cli, CNTools, SPO Scripts): which file plays which role, the current KES generation, what looks wrong |

// No indexing or slicing that could panic: every byte here may come from an untrusted file.
#![deny(clippy::indexing_slicing)]

pub mod aion;
pub mod certificate;
pub mod chain;
pub mod describe;
pub mod encoding;
pub mod governance;
pub mod governance_actions;
pub mod kes;
pub mod keys;
pub mod message;
pub mod pool_folder;
pub mod review;
pub mod transaction;
