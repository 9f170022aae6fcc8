//! The Registry actions form read field by field with the core's parsers: each field's value,
//! or a whole sentence saying what is wrong with it and how to fix it, shown under that field.

use super::aion_core::address::Address;
use super::aion_core::transaction::{self, UnsignedTx};
use super::aion_core::{abi, amount, commission, metadata, AionTxError};
use super::aion_desk::{ActionForm, RegistryAction};

/// A field of the form; its label is the one on screen (and the one tests find it by).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionField {
    SigningAddress,
    Commission,
    MetadataUrl,
    MetadataHash,
    RequestId,
    Pool,
    Amount,
    Fee,
    Value,
    Nonce,
    Timestamp,
    EnergyLimit,
    EnergyPrice,
}

impl ActionField {
    pub fn label(self) -> &'static str {
        match self {
            Self::SigningAddress => "Signing address",
            Self::Commission => "Commission (%)",
            Self::MetadataUrl => "Metadata URL",
            Self::MetadataHash => "Metadata hash",
            Self::RequestId => "Request id",
            Self::Pool => "Pool address",
            Self::Amount => "Amount (AION)",
            Self::Fee => "Fee (AION)",
            Self::Value => "Value (AION)",
            Self::Nonce => "Nonce",
            Self::Timestamp => "Timestamp (µs)",
            Self::EnergyLimit => "Energy limit",
            Self::EnergyPrice => "Energy price",
        }
    }
}

/// Why a field gives no value: left empty (its hint says what goes there), or wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Missing,
    Wrong(String),
}

type Read<T> = Result<T, (ActionField, Problem)>;

/// A core message ("an Aion address is …") as a sentence of its own.
fn sentence(core: impl ToString) -> Problem {
    Problem::Wrong(crate::core::message::sentence(&core.to_string()))
}

fn filled(field: ActionField, text: &str) -> Read<&str> {
    let t = text.trim();
    if t.is_empty() {
        Err((field, Problem::Missing))
    } else {
        Ok(t)
    }
}

fn address(field: ActionField, text: &str) -> Read<Address> {
    Address::parse(filled(field, text)?).map_err(|e| (field, sentence(e)))
}

fn aion(field: ActionField, text: &str) -> Read<u128> {
    amount::parse_aion(filled(field, text)?).map_err(|e| (field, sentence(e)))
}

fn whole<T: std::str::FromStr>(field: ActionField, text: &str, wrong: &str) -> Read<T> {
    filled(field, text)?
        .parse()
        .map_err(|_| (field, Problem::Wrong(wrong.to_owned())))
}

/// An optional field: its default when empty.
fn whole_or(field: ActionField, text: &str, default: u64, wrong: &str) -> Read<u64> {
    if text.trim().is_empty() {
        Ok(default)
    } else {
        whole(field, text, wrong)
    }
}

/// Which field a call-data refusal from the core is about.
fn field_of(e: &AionTxError) -> ActionField {
    match e {
        AionTxError::UrlTooLong(_) => ActionField::MetadataUrl,
        AionTxError::CommissionTooLarge(_) => ActionField::Commission,
        _ => ActionField::RequestId,
    }
}

/// Reads fields, keeping what is wrong with each one that does not read.
#[derive(Default)]
struct Reader(Vec<(ActionField, Problem)>);

impl Reader {
    fn get<T>(&mut self, read: Read<T>) -> Option<T> {
        read.map_err(|p| self.0.push(p)).ok()
    }
}

/// The form as read: what is wrong field by field, and when nothing is, the call data and
/// the transaction to sign.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionCheck {
    pub problems: Vec<(ActionField, Problem)>,
    pub call_data: Option<Vec<u8>>,
    pub tx: Option<UnsignedTx>,
}

impl ActionCheck {
    /// What is wrong with a field, if it is wrong (an empty field is not wrong, only missing).
    pub fn error(&self, field: ActionField) -> Option<&str> {
        self.problems.iter().find_map(|(f, p)| match p {
            Problem::Wrong(m) if *f == field => Some(m.as_str()),
            _ => None,
        })
    }

    /// Why nothing can be signed yet, in one line naming the fields; `None` when it can.
    pub fn blocker(&self) -> Option<String> {
        let names = |want_wrong: bool| {
            let v: Vec<&str> = self
                .problems
                .iter()
                .filter(|(_, p)| matches!(p, Problem::Wrong(_)) == want_wrong)
                .map(|(f, _)| f.label())
                .collect();
            (!v.is_empty()).then(|| v.join(", "))
        };
        match (names(true), names(false)) {
            (None, None) => None,
            (Some(w), None) => Some(format!("To sign, fix what is said under {w}.")),
            (None, Some(m)) => Some(format!("To sign, fill in {m}.")),
            (Some(w), Some(m)) => Some(format!(
                "To sign, fix what is said under {w}, and fill in {m}."
            )),
        }
    }
}

impl ActionForm {
    fn commission(&self) -> Read<u32> {
        let f = ActionField::Commission;
        commission::parse_percent(filled(f, &self.commission)?).map_err(|e| (f, sentence(e)))
    }

    fn url(&self) -> Read<&str> {
        filled(ActionField::MetadataUrl, &self.metadata_url)
    }

    fn hash(&self) -> Read<[u8; 32]> {
        let f = ActionField::MetadataHash;
        let wrong =
            "A metadata hash is 64 hex digits, with or without 0x: copy it from the Metadata tab.";
        metadata::parse_content_hash(filled(f, &self.metadata_hash)?)
            .ok_or_else(|| (f, Problem::Wrong(wrong.to_owned())))
    }

    fn request_id(&self) -> Read<u64> {
        let wrong = "A request id is a whole number, such as 1: copy it from the request's log.";
        whole(ActionField::RequestId, &self.request_id, wrong)
    }

    /// The call data of `action`, every field it uses read (so each says what is wrong).
    fn call_data(&self, action: RegistryAction, r: &mut Reader) -> Option<Vec<u8>> {
        use ActionField as F;
        use RegistryAction as A;
        let signing = |r: &mut Reader| r.get(address(F::SigningAddress, &self.signing_address));
        let pool = |r: &mut Reader| r.get(address(F::Pool, &self.pool));
        let data = match action {
            A::RegisterPool => {
                let s = signing(r);
                let (c, u, h) = (
                    r.get(self.commission()),
                    r.get(self.url()),
                    r.get(self.hash()),
                );
                abi::register_pool(&s?, c?, u?, &h?)
            }
            A::UpdateMetadata => {
                let (u, h) = (r.get(self.url()), r.get(self.hash()));
                abi::update_metadata(u?, &h?)
            }
            A::RequestCommissionChange => abi::request_commission_change(r.get(self.commission())?),
            A::FinalizeCommissionChange => {
                abi::finalize_commission_change(r.get(self.request_id())?)
            }
            A::SetSigningAddress => abi::set_signing_address(&signing(r)?),
            A::Delegate => abi::delegate(&pool(r)?),
            A::Undelegate => {
                let p = pool(r);
                let (a, f) = (
                    r.get(aion(F::Amount, &self.amount)),
                    r.get(aion(F::Fee, &self.fee)),
                );
                abi::undelegate(&p?, a?, f?)
            }
            A::FinalizeUndelegate => abi::finalize_undelegate(r.get(self.request_id())?),
            A::WithdrawRewards => abi::withdraw_rewards(&pool(r)?),
        };
        r.get(data.map_err(|e| (field_of(&e), sentence(e))))
    }

    /// Reads the whole form for `action`: the call's fields, then the transaction's.
    pub fn check(&self, action: RegistryAction) -> ActionCheck {
        use ActionField as F;
        let mut r = Reader::default();
        let data = self.call_data(action, &mut r);
        let value = r.get(aion(F::Value, &self.value));
        let nonce_wrong = "The nonce is a whole number: the management account's transaction count (eth_getTransactionCount on the online machine).";
        let nonce = r.get(whole::<u128>(F::Nonce, &self.nonce, nonce_wrong));
        let time_wrong = "The timestamp is a whole number of microseconds since 1970: press Now.";
        let timestamp_us = r.get(whole(F::Timestamp, &self.timestamp_us, time_wrong));
        let limit_wrong = "The energy limit is a whole number; leave it empty for 2 000 000.";
        let energy_limit = r.get(whole_or(
            F::EnergyLimit,
            &self.energy_limit,
            transaction::DEFAULT_ENERGY_LIMIT,
            limit_wrong,
        ));
        let price_wrong =
            "The energy price is a whole number of nAmp; leave it empty for 10 000 000 000.";
        let energy_price = r.get(whole_or(
            F::EnergyPrice,
            &self.energy_price,
            transaction::DEFAULT_ENERGY_PRICE,
            price_wrong,
        ));
        let tx = (|| {
            Some(UnsignedTx {
                to: transaction::POOL_REGISTRY_MAINNET,
                value: value?,
                nonce: nonce?,
                timestamp_us: timestamp_us?,
                energy_limit: energy_limit?,
                energy_price: energy_price?,
                data: data.clone()?,
            })
        })();
        // Settings the kernel would refuse are said under their field, and nothing is signed.
        let tx = tx.and_then(|t| match transaction::energy_problem(&t) {
            None => Some(t),
            Some(p) => {
                r.0.push(energy_sentence(p));
                None
            }
        });
        ActionCheck {
            problems: r.0,
            call_data: data,
            tx,
        }
    }
}

/// A transaction's energy setting the kernel would refuse, said under its field.
fn energy_sentence(p: transaction::EnergyProblem) -> (ActionField, Problem) {
    use transaction::EnergyProblem as E;
    let (field, text) = match p {
        E::LimitAbove { limit } => (
            ActionField::EnergyLimit,
            format!("The energy limit {limit} is above 2 000 000, the most the kernel accepts for a call; leave it empty for 2 000 000."),
        ),
        E::LimitBelow { limit, need } => (
            ActionField::EnergyLimit,
            format!("The energy limit {limit} is below the {need} this call needs; leave it empty for 2 000 000."),
        ),
        E::PriceBelow { price } => (
            ActionField::EnergyPrice,
            format!("The energy price {price} is below 10 000 000 000 nAmp, the least the kernel accepts; leave it empty for that."),
        ),
        E::PriceAbove { price } => (
            ActionField::EnergyPrice,
            format!("The energy price {price} is above 9 000 000 000 000 000 000 nAmp, the most the kernel accepts."),
        ),
    };
    (field, Problem::Wrong(text))
}
