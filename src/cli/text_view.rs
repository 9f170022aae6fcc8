//! `text-view decode-cbor`: the CBOR inside a text envelope, for people.

use super::args::TextViewCommand;
use super::{output, CliError, CliResult, Streams};
use crate::core::encoding::cbor_text;
use crate::core::keys::KeyKind;
use crate::platform::files::OutputKind;
use crate::platform::load;

pub fn run(cmd: TextViewCommand, io: &mut Streams<'_>) -> CliResult {
    match cmd {
        TextViewCommand::DecodeCbor {
            in_file,
            output_cbor_hex,
            output_json,
            output_text: _,
            output_yaml,
            out_file,
        } => {
            let env = load::envelope(&in_file).map_err(CliError::new)?;
            let cbor = env.cbor.expose();
            let text = if output_cbor_hex {
                format!("{}\n", hex::encode(cbor))
            } else if output_yaml {
                cbor_text::envelope_yaml(&env.type_name, &env.description, cbor)
            } else if output_json {
                // cardano-cli prints the envelope itself here, not a decoding.
                cbor_text::envelope_json(&env.type_name, &env.description, cbor)
            } else {
                cbor_text::pretty_text(cbor).map_err(|e| CliError::file(&in_file, e))?
            };
            // A decoded signing key is still the secret: 0600, and never to a stream.
            let kind = OutputKind::Decoded {
                secret: holds_secret(&env.type_name),
            };
            // The envelope's type and description are text from a file: on a terminal their
            // control characters are shown escaped (JSON stays JSON); a file gets the bytes.
            let text = match (&out_file, output_json, output_yaml) {
                (Some(_), _, _) => text,
                (None, true, _) => crate::core::message::quote::escape_json_for_terminal(&text),
                (None, _, true) => {
                    crate::core::message::quote::escape_controls_keeping_lines(&text)
                }
                (None, _, _) => text,
            };
            output::output_to(&text, out_file.as_deref(), kind, false, io)
        }
    }
}

/// Whether an envelope type names secret key material: the signing keys we know, and any
/// other type that says so (GenesisUTxO, committee keys, types of newer versions), so a
/// decoding of it is written 0600 and never to a stream. Unknown public types stay 0644.
fn holds_secret(type_name: &str) -> bool {
    if let Some(k) = KeyKind::from_type_name(type_name) {
        return k.is_signing();
    }
    let t = type_name.to_ascii_lowercase();
    ["signing", "secret", "private", "skey"]
        .iter()
        .any(|w| t.contains(w))
}
