//! RLP as Aion's kernel writes it (AION.md §4.1): Ethereum's strings and lists, plus Aion's
//! two integer rules: nonce and value are minimal big-endian bytes with zero as the single byte
//! `00` (not `80`), and energy limit/price follow `RLP.encodeLong` (8 bytes from 2^32 up).

use super::AionTxError;

/// One RLP string.
pub fn encode_bytes(bytes: &[u8]) -> Vec<u8> {
    match bytes {
        [b] if *b < 0x80 => vec![*b],
        _ => {
            let mut out = length_prefix(0x80, bytes.len());
            out.extend_from_slice(bytes);
            out
        }
    }
}

/// An RLP list of already encoded items.
pub fn encode_list(items: &[Vec<u8>]) -> Vec<u8> {
    let len = items.iter().map(Vec::len).sum();
    let mut out = length_prefix(0xc0, len);
    for item in items {
        out.extend_from_slice(item);
    }
    out
}

fn length_prefix(base: u8, len: usize) -> Vec<u8> {
    if len < 56 {
        // len < 56, so it fits the byte.
        vec![base + len as u8]
    } else {
        let digits = minimal_be(len as u128);
        let mut out = vec![base + 55 + digits.len() as u8];
        out.extend_from_slice(&digits);
        out
    }
}

/// Big-endian bytes without leading zeros (empty for zero).
pub fn minimal_be(n: u128) -> Vec<u8> {
    let bytes = n.to_be_bytes();
    let first = bytes.iter().position(|b| *b != 0).unwrap_or(bytes.len());
    bytes.get(first..).unwrap_or_default().to_vec()
}

/// Nonce, value and timestamp: minimal big-endian, zero as `00` (the kernel's builder; a
/// generic RLP integer would write `80`, and nonce 0 is every account's first transaction).
pub fn encode_aion_unsigned(n: u128) -> Vec<u8> {
    if n == 0 {
        vec![0x00]
    } else {
        encode_bytes(&minimal_be(n))
    }
}

/// Aion's `RLP.encodeLong`: below 2^32 the plain RLP integer (zero is `80`), from 2^32 up
/// `88` and all 8 bytes, leading zeros kept.
pub fn encode_long(n: u64) -> Vec<u8> {
    if n < 1 << 32 {
        encode_bytes(&minimal_be(u128::from(n)))
    } else {
        let mut out = vec![0x88];
        out.extend_from_slice(&n.to_be_bytes());
        out
    }
}

/// The payloads of a list's items, each a byte string. The whole input must be the list.
pub fn decode_list(bytes: &[u8]) -> Result<Vec<&[u8]>, AionTxError> {
    let (first, rest) = bytes
        .split_first()
        .ok_or(AionTxError::Truncated("it is empty"))?;
    if *first < 0xc0 {
        return Err(AionTxError::NotAList);
    }
    let (payload, after) = take_payload(*first - 0xc0, rest)?;
    if !after.is_empty() {
        return Err(AionTxError::Trailing(after.len()));
    }
    let mut items = Vec::new();
    let mut left = payload;
    while let Some((head, tail)) = left.split_first() {
        let (item, next) = match *head {
            0..=0x7f => (std::slice::from_ref(head), tail),
            b @ 0x80..=0xbf => take_payload(b - 0x80, tail)?,
            _ => return Err(AionTxError::NestedList(items.len())),
        };
        items.push(item);
        left = next;
    }
    Ok(items)
}

/// A string or list payload after its first byte (`offset` = first byte − 0x80 or 0xc0).
fn take_payload(offset: u8, rest: &[u8]) -> Result<(&[u8], &[u8]), AionTxError> {
    let (len, rest) = if offset < 56 {
        (usize::from(offset), rest)
    } else {
        let n = usize::from(offset - 55);
        if n > 8 || rest.len() < n {
            return Err(AionTxError::Truncated("a length is cut short"));
        }
        let (digits, rest) = rest.split_at(n);
        let len = digits
            .iter()
            .try_fold(0usize, |acc, d| {
                acc.checked_mul(256).map(|a| a + usize::from(*d))
            })
            .ok_or(AionTxError::Truncated("a length is impossibly large"))?;
        (len, rest)
    };
    if rest.len() < len {
        return Err(AionTxError::Truncated(
            "an item is longer than what is left",
        ));
    }
    Ok(rest.split_at(len))
}

/// Big-endian bytes (leading zeros allowed, as Java's `toByteArray` writes them) as a number
/// of at most `max` significant bytes.
pub fn decode_unsigned(bytes: &[u8], field: &'static str, max: usize) -> Result<u128, AionTxError> {
    let first = bytes.iter().position(|b| *b != 0).unwrap_or(bytes.len());
    let significant = bytes.get(first..).unwrap_or_default();
    if significant.len() > max || significant.len() > 16 {
        return Err(AionTxError::FieldTooLong {
            field,
            len: significant.len(),
            max,
        });
    }
    Ok(significant
        .iter()
        .fold(0u128, |acc, b| (acc << 8) | u128::from(*b)))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn aions_integer_rules() {
        assert_eq!(encode_aion_unsigned(0), [0x00]);
        assert_eq!(encode_aion_unsigned(1), [0x01]);
        assert_eq!(encode_aion_unsigned(200), [0x81, 0xc8]);
        assert_eq!(encode_long(0), [0x80]);
        assert_eq!(encode_long(21_000), [0x82, 0x52, 0x08]);
        assert_eq!(encode_long(2_000_000), [0x83, 0x1e, 0x84, 0x80]);
        assert_eq!(
            hex::encode(encode_long(10_000_000_000)),
            "8800000002540be400"
        );
        assert_eq!(hex::encode(encode_long(u64::from(u32::MAX))), "84ffffffff");
    }

    #[test]
    fn long_strings_and_lists_round_trip() {
        let long = vec![7u8; 300];
        let enc = encode_list(&[encode_bytes(&long), encode_bytes(&[]), vec![0x00]]);
        assert_eq!(&enc[..3], [0xf9, 0x01, 0x31]);
        let items = decode_list(&enc).unwrap();
        assert_eq!(items, vec![&long[..], &[][..], &[0u8][..]]);
    }

    #[test]
    fn broken_lists_are_refused() {
        assert_eq!(decode_list(&[]), Err(AionTxError::Truncated("it is empty")));
        assert_eq!(decode_list(&[0x80]), Err(AionTxError::NotAList));
        assert_eq!(decode_list(&[0xc1, 0xc0]), Err(AionTxError::NestedList(0)));
        assert_eq!(decode_list(&[0xc0, 0x00]), Err(AionTxError::Trailing(1)));
        assert!(matches!(
            decode_list(&[0xc2, 0x85, 0x00]),
            Err(AionTxError::Truncated(_))
        ));
    }
}
