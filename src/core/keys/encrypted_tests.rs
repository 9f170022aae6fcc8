use super::*;

macro_rules! samples {
    ($($name:literal),*) => {
        fn sample(name: &str) -> Vec<u8> {
            match name {
                $($name => include_bytes!(concat!(
                    "../../../tests/data/third-party/spo-scripts-encrypted/", $name
                )).to_vec(),)*
                _ => panic!("no sample {name}"),
            }
        }
    };
}
samples!(
    "node.skey",
    "node.encrypted.skey",
    "pool-1853.skey",
    "pool-1853.encrypted.skey",
    "passphrase.txt"
);

fn passphrase() -> Passphrase {
    Passphrase::from_file_contents(&sample("passphrase.txt")).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn the_gpg_made_sample_decrypts_to_the_plain_key_byte_for_byte() {
    for (encrypted, plain) in [
        ("node.encrypted.skey", "node.skey"),
        ("pool-1853.encrypted.skey", "pool-1853.skey"),
    ] {
        let env = EncryptedEnvelope::parse(&sample(encrypted)).unwrap_or_else(|e| panic!("{e}"));
        let opened = env.decrypt(&passphrase()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            opened.render().expose(),
            sample(plain).as_slice(),
            "{encrypted}"
        );
    }
}

#[test]
fn encrypt_then_decrypt_gives_the_same_envelope_in_spo_scripts_layout() {
    let plain = TextEnvelope::parse(&sample("node.skey")).unwrap_or_else(|e| panic!("{e}"));
    let sealed = EncryptedEnvelope::encrypt(&plain, &passphrase(), [7; 32])
        .unwrap_or_else(|e| panic!("{e}"));
    let text = String::from_utf8(sealed.render()).unwrap_or_default();
    assert!(text.starts_with(
        "{\n  \"type\": \"StakePoolSigningKey_ed25519\",\n  \"description\": \"Encrypted Stake Pool Operator Signing Key\",\n  \"encrHex\": \""
    ), "{text}");
    assert!(text.ends_with("\"\n}\n"));
    assert!(is_encrypted(text.as_bytes()));
    let reread = EncryptedEnvelope::parse(text.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    let opened = reread
        .decrypt(&passphrase())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(opened, plain);
    // Tag 3 (symmetric-key session key) then tag 18 (SEIPD), AES-256, iterated+salted S2K.
    assert_eq!(sealed.message.first(), Some(&0xc3));
    assert_eq!(sealed.message.get(2..5), Some(&[4, 9, 3][..]));
}

#[test]
fn a_wrong_passphrase_is_named_as_such() {
    let env =
        EncryptedEnvelope::parse(&sample("node.encrypted.skey")).unwrap_or_else(|e| panic!("{e}"));
    let wrong = Passphrase::from_file_contents(b"Vector-Passphrase-1854\n")
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(env.decrypt(&wrong), Err(EncryptedError::WrongPassphrase));
}

#[test]
fn the_passphrase_is_the_first_line_and_never_empty() {
    assert_eq!(passphrase().0.as_slice(), b"Vector-Passphrase-1853");
    let crlf = Passphrase::from_file_contents(b"abc\r\nrest").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(crlf.0.as_slice(), b"abc");
    for empty in [&b""[..], b"\n", b"\nsecond line"] {
        assert!(matches!(
            Passphrase::from_file_contents(empty),
            Err(EncryptedError::EmptyPassphrase)
        ));
    }
}

#[test]
fn a_plain_envelope_is_not_encrypted() {
    assert!(!is_encrypted(&sample("node.skey")));
    assert!(matches!(
        EncryptedEnvelope::parse(&sample("node.skey")),
        Err(EncryptedError::NotEncrypted { .. })
    ));
}
