//! What messages may show of the input: quoting, escaping and the last net against secrets.

pub mod quote;
pub mod redact;

/// The text with its first letter in upper case: "the key …" → "The key …".
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A core message ("an Aion address is …") as a sentence of its own: capitalised, with its
/// full stop.
pub fn sentence(text: &str) -> String {
    format!("{}.", capitalise(text))
}

#[cfg(test)]
mod tests {
    #[test]
    fn capitalise_and_sentence() {
        assert_eq!(super::capitalise("élan vital"), "Élan vital");
        assert_eq!(super::capitalise(""), "");
        assert_eq!(super::sentence("\"x\" is wrong"), "\"x\" is wrong.");
    }
}
