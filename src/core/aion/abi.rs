//! AVM ABI call data for the Pool Registry's operator methods (AION.md §3): the method name as
//! an ABI string, then each argument with its type tag, big-endian, no padding, no selector.

use super::address::Address;
use super::AionTxError;

/// The longest `byte[]` the ABI carries: its length is a Java short.
pub const MAX_BYTES: usize = 32_767;
/// 100 % in the contract's units (percent × 10 000).
pub const MAX_COMMISSION: u32 = 1_000_000;

/// Call data under construction: one method, its arguments appended in order.
struct Call(Vec<u8>);

impl Call {
    fn method(name: &str) -> Self {
        let mut call = Self(Vec::new());
        // Method names are short ASCII constants, well inside a u16 length.
        call.0.push(0x21);
        call.0.extend_from_slice(&(name.len() as u16).to_be_bytes());
        call.0.extend_from_slice(name.as_bytes());
        call
    }

    fn address(mut self, a: &Address) -> Self {
        self.0.push(0x22);
        self.0.extend_from_slice(&a.0);
        self
    }

    fn int(mut self, n: i32) -> Self {
        self.0.push(0x05);
        self.0.extend_from_slice(&n.to_be_bytes());
        self
    }

    fn long(mut self, n: i64) -> Self {
        self.0.push(0x06);
        self.0.extend_from_slice(&n.to_be_bytes());
        self
    }

    fn bytes(mut self, b: &[u8]) -> Result<Self, AionTxError> {
        let len = u16::try_from(b.len())
            .ok()
            .filter(|l| usize::from(*l) <= MAX_BYTES)
            .ok_or(AionTxError::UrlTooLong(b.len()))?;
        self.0.push(0x11);
        self.0.extend_from_slice(&len.to_be_bytes());
        self.0.extend_from_slice(b);
        Ok(self)
    }

    /// Java's `BigInteger.toByteArray()` of a non-negative number: minimal two's complement,
    /// so a `00` sign byte when the top bit is set, and zero as `00`.
    fn big_integer(mut self, n: u128) -> Self {
        let mut digits = super::rlp::minimal_be(n);
        if digits.first().is_none_or(|b| b & 0x80 != 0) {
            digits.insert(0, 0);
        }
        self.0.push(0x23);
        // At most 17 bytes for a u128, well inside the ABI's 32.
        self.0.push(digits.len() as u8);
        self.0.extend_from_slice(&digits);
        self
    }
}

fn commission_int(rate: u32) -> Result<i32, AionTxError> {
    i32::try_from(rate)
        .ok()
        .filter(|_| rate <= MAX_COMMISSION)
        .ok_or(AionTxError::CommissionTooLarge(rate))
}

fn request_id(id: u64) -> Result<i64, AionTxError> {
    i64::try_from(id).map_err(|_| AionTxError::RequestIdTooLarge(id))
}

/// `registerPool(Address signingAddress, int commissionRate, byte[] metaDataUrl,
/// byte[] metaDataContentHash)`; sent with the 1 000 AION self-bond as value.
pub fn register_pool(
    signing: &Address,
    commission: u32,
    metadata_url: &str,
    metadata_hash: &[u8; 32],
) -> Result<Vec<u8>, AionTxError> {
    Ok(Call::method("registerPool")
        .address(signing)
        .int(commission_int(commission)?)
        .bytes(metadata_url.as_bytes())?
        .bytes(metadata_hash)?
        .0)
}

/// `updateMetaData(byte[] url, byte[] hash)`.
pub fn update_metadata(url: &str, hash: &[u8; 32]) -> Result<Vec<u8>, AionTxError> {
    Ok(Call::method("updateMetaData")
        .bytes(url.as_bytes())?
        .bytes(hash)?
        .0)
}

/// `requestCommissionRateChange(int)`: the new rate, finalized 60 480 blocks later.
pub fn request_commission_change(commission: u32) -> Result<Vec<u8>, AionTxError> {
    Ok(Call::method("requestCommissionRateChange")
        .int(commission_int(commission)?)
        .0)
}

/// `finalizeCommissionRateChange(long id)`: the id from the request's log.
pub fn finalize_commission_change(request_id_: u64) -> Result<Vec<u8>, AionTxError> {
    Ok(Call::method("finalizeCommissionRateChange")
        .long(request_id(request_id_)?)
        .0)
}

/// `setSigningAddress(Address)`.
pub fn set_signing_address(signing: &Address) -> Result<Vec<u8>, AionTxError> {
    Ok(Call::method("setSigningAddress").address(signing).0)
}

/// `delegate(Address pool)`; the stake is the transaction's value.
pub fn delegate(pool: &Address) -> Result<Vec<u8>, AionTxError> {
    Ok(Call::method("delegate").address(pool).0)
}

/// `undelegate(Address pool, BigInteger amount, BigInteger fee)`, amounts in nAmp; the fee
/// goes to whoever finalizes.
pub fn undelegate(pool: &Address, amount: u128, fee: u128) -> Result<Vec<u8>, AionTxError> {
    Ok(Call::method("undelegate")
        .address(pool)
        .big_integer(amount)
        .big_integer(fee)
        .0)
}

/// `finalizeUndelegate(long id)`: anyone may call it 8 640 blocks after the undelegation.
pub fn finalize_undelegate(request_id_: u64) -> Result<Vec<u8>, AionTxError> {
    Ok(Call::method("finalizeUndelegate")
        .long(request_id(request_id_)?)
        .0)
}

/// `withdrawRewards(Address pool)`.
pub fn withdraw_rewards(pool: &Address) -> Result<Vec<u8>, AionTxError> {
    Ok(Call::method("withdrawRewards").address(pool).0)
}

/// The method a call data names (its leading ABI string), if it starts with one.
pub fn method_name(data: &[u8]) -> Option<&str> {
    let (&tag, rest) = data.split_first()?;
    if tag != 0x21 {
        return None;
    }
    let (len, rest) = rest.split_first_chunk::<2>()?;
    let name = rest.get(..usize::from(u16::from_be_bytes(*len)))?;
    std::str::from_utf8(name).ok()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    const S: &str = "a09d19c066f341220d914414c42e5e796e7e4daf83a9abf4581b1670403bbd15";
    const POOL: &str = "a0202797a7aff86fec1a5d8b7cacea276de5bcfc2e8b14878c9ba48d7d5330a0";
    const URL: &str = "https://jennijuju.github.io/stakeFrites.json";
    const HASH: &str = "558729f5c8468f52b1f532ed53de5df98c0b94c66620c9e6f92b90f06f47a365";
    const URL_ABI: &str = "11002c68747470733a2f2f6a656e6e696a756a752e6769746875622e696f2f7374616b654672697465732e6a736f6e";

    fn addr(h: &str) -> Address {
        Address::parse(h).unwrap()
    }

    fn hash() -> [u8; 32] {
        hex::decode(HASH).unwrap().try_into().unwrap()
    }

    // Every row of AION.md §3, checked there against Aion's own Java encoder.
    #[test]
    fn every_operator_row_of_aion_md() {
        let rows: Vec<(Vec<u8>, String)> = vec![
            (
                register_pool(&addr(S), 20_000, URL, &hash()).unwrap(),
                format!("21000c7265676973746572506f6f6c22{S}0500004e20{URL_ABI}110020{HASH}"),
            ),
            (
                update_metadata(URL, &hash()).unwrap(),
                format!("21000e7570646174654d65746144617461{URL_ABI}110020{HASH}"),
            ),
            (
                request_commission_change(25_000).unwrap(),
                "21001b72657175657374436f6d6d697373696f6e526174654368616e676505000061a8".into(),
            ),
            (
                request_commission_change(20_000).unwrap(),
                "21001b72657175657374436f6d6d697373696f6e526174654368616e67650500004e20".into(),
            ),
            (
                finalize_commission_change(1).unwrap(),
                "21001c66696e616c697a65436f6d6d697373696f6e526174654368616e6765060000000000000001".into(),
            ),
            (
                set_signing_address(&addr("a06f640ced8bd31eb9e191887adde74888e9ca31fd8545dae3ae896773ccbc4f")).unwrap(),
                "2100117365745369676e696e674164647265737322a06f640ced8bd31eb9e191887adde74888e9ca31fd8545dae3ae896773ccbc4f".into(),
            ),
            (
                delegate(&addr(POOL)).unwrap(),
                format!("21000864656c656761746522{POOL}"),
            ),
            (
                withdraw_rewards(&addr(POOL)).unwrap(),
                format!("21000f77697468647261775265776172647322{POOL}"),
            ),
            (
                undelegate(&addr(POOL), 1_000_000_000_000_000_000_000, 0).unwrap(),
                format!("21000a756e64656c656761746522{POOL}23093635c9adc5dea00000230100"),
            ),
        ];
        for (got, want) in rows {
            assert_eq!(hex::encode(got), want);
        }
    }

    #[test]
    fn the_method_is_read_back() {
        let data = delegate(&addr(POOL)).unwrap();
        assert_eq!(method_name(&data), Some("delegate"));
        assert_eq!(method_name(&data[..5]), None);
        assert_eq!(method_name(&[]), None);
        assert_eq!(method_name(&[0x22, 0, 0]), None);
    }

    #[test]
    fn big_integers_are_javas_to_byte_array() {
        let enc = |n| hex::encode(Call(Vec::new()).big_integer(n).0);
        assert_eq!(enc(128), "23020080");
        assert_eq!(enc(0), "230100");
        assert_eq!(enc(127), "23017f");
        assert_eq!(enc(u128::MAX), format!("231100{}", "ff".repeat(16)));
    }

    #[test]
    fn finalize_undelegate_is_a_long() {
        assert_eq!(
            hex::encode(finalize_undelegate(258).unwrap()),
            "21001266696e616c697a65556e64656c6567617465060000000000000102"
        );
    }

    #[test]
    fn limits_are_refused() {
        let long = "h".repeat(MAX_BYTES + 1);
        assert_eq!(
            update_metadata(&long, &hash()),
            Err(AionTxError::UrlTooLong(32_768))
        );
        assert!(update_metadata(&"h".repeat(MAX_BYTES), &hash()).is_ok());
        assert_eq!(
            request_commission_change(1_000_001),
            Err(AionTxError::CommissionTooLarge(1_000_001))
        );
        assert_eq!(
            finalize_commission_change(u64::MAX),
            Err(AionTxError::RequestIdTooLarge(u64::MAX))
        );
    }
}
