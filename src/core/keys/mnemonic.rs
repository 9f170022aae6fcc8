//! BIP-39 recovery phrases (English word list): made from entropy, read back to entropy.
//! Messages never contain a word of the phrase: they say which word (by position) is wrong.

use std::fmt;

use thiserror::Error;

use crate::core::keys::secret::SecretBytes;

/// The word counts BIP-39 allows, and the ones `key mnemonic-gen --size` takes.
pub const WORD_COUNTS: [usize; 5] = [12, 15, 18, 21, 24];

/// What is wrong with a recovery phrase. None of these shows a word of it.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PhraseError {
    #[error("holds no words; it should hold a recovery phrase of 12, 15, 18, 21 or 24 words")]
    Empty,
    #[error("holds {0} words; a recovery phrase has 12, 15, 18, 21 or 24 words")]
    WrongLength(usize),
    #[error("word {0} of the recovery phrase is not in the BIP-39 English word list; check its spelling")]
    UnknownWord(usize),
    #[error("the recovery phrase's checksum does not match: a word is wrong or two words are swapped; check every word against where you wrote them down")]
    Checksum,
}

/// A recovery phrase. The word indices are wiped when dropped; `Debug` shows only the length.
#[derive(Clone, PartialEq, Eq)]
pub struct RecoveryPhrase(bip39::Mnemonic);

impl RecoveryPhrase {
    /// The phrase that encodes `entropy` (16, 20, 24, 28 or 32 bytes: 12 to 24 words).
    pub fn from_entropy(entropy: &[u8]) -> Result<Self, PhraseError> {
        bip39::Mnemonic::from_entropy_in(bip39::Language::English, entropy)
            .map(Self)
            .map_err(|_| PhraseError::WrongLength(entropy.len() * 3 / 4))
    }

    /// Reads a phrase as people write it: any spacing, lines or capitals.
    pub fn parse(text: &str) -> Result<Self, PhraseError> {
        let lower = SecretBytes::new(text.to_lowercase().into_bytes());
        // `to_lowercase` keeps valid UTF-8 valid; an error here is impossible, and said as empty.
        let lower = std::str::from_utf8(lower.expose()).map_err(|_| PhraseError::Empty)?;
        let count = lower.split_whitespace().count();
        if count == 0 {
            return Err(PhraseError::Empty);
        }
        if !WORD_COUNTS.contains(&count) {
            return Err(PhraseError::WrongLength(count));
        }
        bip39::Mnemonic::parse_in_normalized(bip39::Language::English, lower)
            .map(Self)
            .map_err(|e| match e {
                bip39::Error::UnknownWord(i) => PhraseError::UnknownWord(i + 1),
                bip39::Error::BadWordCount(n) => PhraseError::WrongLength(n),
                _ => PhraseError::Checksum,
            })
    }

    /// The number of entropy bytes a phrase of `words` words carries, if BIP-39 allows it.
    pub fn entropy_len(words: usize) -> Option<usize> {
        WORD_COUNTS.contains(&words).then_some(words / 3 * 4)
    }

    pub fn word_count(&self) -> usize {
        self.0.word_count()
    }

    /// The BIP-39 entropy (without the checksum bits).
    pub fn entropy(&self) -> SecretBytes {
        let (mut bytes, len) = self.0.to_entropy_array();
        let entropy = SecretBytes::from_slice(bytes.get(..len).unwrap_or_default());
        zeroize::Zeroize::zeroize(&mut bytes);
        entropy
    }

    /// The file contents: the words separated by single spaces, then a newline.
    pub fn render(&self) -> SecretBytes {
        let mut text = Vec::with_capacity(self.word_count() * 9);
        for (i, word) in self.0.words().enumerate() {
            if i > 0 {
                text.push(b' ');
            }
            text.extend_from_slice(word.as_bytes());
        }
        text.push(b'\n');
        SecretBytes::new(text)
    }
}

impl fmt::Debug for RecoveryPhrase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "RecoveryPhrase(<redacted {} words>)", self.word_count())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ABANDON_12: &str = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";

    #[test]
    fn entropy_round_trips_through_words() {
        for words in WORD_COUNTS {
            let len = RecoveryPhrase::entropy_len(words).unwrap_or_default();
            let entropy: Vec<u8> = (0..len).map(|i| i as u8 * 7).collect();
            let phrase = RecoveryPhrase::from_entropy(&entropy).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(phrase.word_count(), words);
            let text = String::from_utf8(phrase.render().expose().to_vec()).unwrap_or_default();
            let back = RecoveryPhrase::parse(&text).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(back.entropy().expose(), entropy.as_slice());
        }
    }

    #[test]
    fn reads_capitals_and_line_breaks() {
        let text = ABANDON_12.to_uppercase().replace(' ', "\n  ");
        let phrase = RecoveryPhrase::parse(&text).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(phrase.entropy().expose(), &[0u8; 16]);
    }

    #[test]
    fn errors_name_the_position_not_the_word() {
        let typo = ABANDON_12
            .replacen("abandon", "abandn", 3)
            .replacen("abandn", "abandon", 2);
        assert_eq!(
            RecoveryPhrase::parse(&typo),
            Err(PhraseError::UnknownWord(3))
        );
        let swapped = ABANDON_12.replace("about", "abandon");
        assert_eq!(RecoveryPhrase::parse(&swapped), Err(PhraseError::Checksum));
        assert_eq!(
            RecoveryPhrase::parse("abandon about"),
            Err(PhraseError::WrongLength(2))
        );
        assert_eq!(RecoveryPhrase::parse(" \n"), Err(PhraseError::Empty));
        let shown = PhraseError::UnknownWord(3).to_string();
        assert!(!shown.contains("abandn"));
    }

    #[test]
    fn debug_hides_the_words() {
        let phrase = RecoveryPhrase::parse(ABANDON_12).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(format!("{phrase:?}"), "RecoveryPhrase(<redacted 12 words>)");
    }
}
