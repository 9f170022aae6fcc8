//! `text-view decode-cbor`: the CBOR inside a text envelope, for people.

use super::args::TextViewCommand;
use super::{output, CliError, CliResult, Streams};
use crate::core::cbor_text;
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
                key: KeyKind::from_type_name(&env.type_name),
            };
            output::output_to(&text, out_file.as_deref(), kind, false, io)
        }
    }
}
