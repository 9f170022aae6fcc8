//! A certificate's fingerprint: blake2b-256 of its CBOR, shown as grouped hex and as words that
//! owners can read to each other on a call to confirm they hold the same bytes.
//!
//! The words come from the PGP word list (Juola and Zimmermann), made for reading bytes aloud:
//! bytes in even positions use two-syllable words and odd positions three-syllable ones, so a
//! swapped or skipped word is heard. Deliberately not BIP39: owners are taught never to read
//! those words aloud.

use crate::core::encoding::hash::blake2b_256;

const EVEN_WORDS: &str = include_str!("words/pgp_even.txt");
const ODD_WORDS: &str = include_str!("words/pgp_odd.txt");

/// How many leading bytes are spoken: 8 words, 64 bits, plenty for two people comparing.
pub const SPOKEN_BYTES: usize = 8;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fingerprint(pub [u8; 32]);

fn word(list: &'static str, byte: u8) -> &'static str {
    list.lines().nth(usize::from(byte)).unwrap_or("?")
}

impl Fingerprint {
    pub fn of(cbor: &[u8]) -> Self {
        Self(blake2b_256(cbor))
    }

    pub fn hex(&self) -> String {
        hex::encode(self.0)
    }

    /// The hex in groups of four, as it is easier to read: `1a2b 3c4d …`.
    pub fn hex_grouped(&self) -> String {
        let h = self.hex();
        h.as_bytes()
            .chunks(4)
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The first [`SPOKEN_BYTES`] bytes as PGP words, lower case.
    pub fn words(&self) -> Vec<String> {
        self.0
            .iter()
            .take(SPOKEN_BYTES)
            .enumerate()
            .map(|(i, &b)| {
                let list = if i % 2 == 0 { EVEN_WORDS } else { ODD_WORDS };
                word(list, b).to_lowercase()
            })
            .collect()
    }

    pub fn words_text(&self) -> String {
        self.words().join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_have_one_word_per_byte() {
        for list in [EVEN_WORDS, ODD_WORDS] {
            let words: Vec<&str> = list.lines().collect();
            assert_eq!(words.len(), 256);
            let mut unique = words.clone();
            unique.sort_unstable();
            unique.dedup();
            assert_eq!(unique.len(), 256);
        }
        // Spot checks against the published list.
        assert_eq!(word(EVEN_WORDS, 0x00), "aardvark");
        assert_eq!(word(EVEN_WORDS, 0xff), "Zulu");
        assert_eq!(word(ODD_WORDS, 0x00), "adroitness");
        assert_eq!(word(ODD_WORDS, 0x09), "applicant");
        assert_eq!(word(ODD_WORDS, 0xff), "Yucatan");
        // No word is in both lists: an even word in an odd place is heard as an error.
        for w in EVEN_WORDS.lines() {
            assert!(!ODD_WORDS.lines().any(|o| o == w), "{w}");
        }
    }

    #[test]
    fn words_alternate_lists() {
        let mut bytes = [0u8; 32];
        bytes[..8].copy_from_slice(&[0x00, 0x00, 0xff, 0xff, 0x09, 0x09, 0x10, 0x01]);
        let f = Fingerprint(bytes);
        assert_eq!(
            f.words_text(),
            "aardvark adroitness zulu yucatan algol applicant assume adviser"
        );
        assert_eq!(&f.hex_grouped()[..14], "0000 ffff 0909");
    }

    #[test]
    fn fingerprint_is_blake2b_256_of_the_bytes() {
        let f = Fingerprint::of(b"");
        assert_eq!(
            f.hex(),
            "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8"
        );
    }
}
