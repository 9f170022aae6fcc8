//! Text envelopes (`{"type", "description", "cborHex"}`): every key, certificate, opcert and
//! transaction file goes through `TextEnvelope::parse` first.
//!
//! Properties: whatever parses renders to bytes that read back as the same envelope, and the
//! rendering is then stable; the `--output-json` view of decode-cbor is an envelope too.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pool_console::core::encoding::cbor_text::{envelope_json, envelope_yaml};
use pool_console::core::encoding::envelope::TextEnvelope;

fuzz_target!(|data: &[u8]| {
    let Ok(env) = TextEnvelope::parse(data) else {
        return;
    };
    let rendered = env.render();
    let again = TextEnvelope::parse(rendered.expose()).expect("a rendered envelope parses");
    assert_eq!(again, env, "parse(render(e)) == e");
    assert_eq!(
        again.render().expose(),
        rendered.expose(),
        "render is stable"
    );

    let json = envelope_json(&env.type_name, &env.description, env.cbor.expose());
    let from_json = TextEnvelope::parse(json.as_bytes()).expect("the JSON view is an envelope");
    assert_eq!(from_json, env, "the JSON view holds the same envelope");
    let yaml = envelope_yaml(&env.type_name, &env.description, env.cbor.expose());
    assert!(yaml.ends_with('\n'));
});
