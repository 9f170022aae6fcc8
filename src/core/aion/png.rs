//! The size a PNG says it is, from its header: enough to hold a pool logo to 256×256.

/// The 8-byte signature every PNG starts with.
const SIGNATURE: [u8; 8] = [0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a];

/// Width and height from the IHDR chunk (which the format puts first), or `None` when the
/// bytes do not start like a PNG.
pub fn dimensions(bytes: &[u8]) -> Option<(u32, u32)> {
    if bytes.get(..8)? != SIGNATURE || bytes.get(12..16)? != b"IHDR" {
        return None;
    }
    let be = |range: std::ops::Range<usize>| {
        bytes
            .get(range)
            .and_then(|b| <[u8; 4]>::try_from(b).ok())
            .map(u32::from_be_bytes)
    };
    Some((be(16..20)?, be(20..24)?))
}

/// The smallest valid-looking PNG header of a given size (tests and examples).
pub fn header(width: u32, height: u32) -> Vec<u8> {
    let mut v = SIGNATURE.to_vec();
    v.extend_from_slice(&13u32.to_be_bytes());
    v.extend_from_slice(b"IHDR");
    v.extend_from_slice(&width.to_be_bytes());
    v.extend_from_slice(&height.to_be_bytes());
    v.extend_from_slice(&[8, 6, 0, 0, 0]);
    v
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_read_from_the_header() {
        assert_eq!(dimensions(&header(256, 256)), Some((256, 256)));
        assert_eq!(dimensions(&header(512, 128)), Some((512, 128)));
        assert_eq!(dimensions(b"GIF89a"), None);
        assert_eq!(dimensions(&header(256, 256)[..20]), None);
    }
}
