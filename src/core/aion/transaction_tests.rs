//! AION.md §4.2's vectors, byte for byte.

#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use super::*;
use crate::core::aion::abi;

const SEED: &str = "6df86a106f599c78ab9b2ad593b2983038edf706a52b24bfa895b49066a7f2a0";

fn seed() -> [u8; 32] {
    hex::decode(SEED).unwrap().try_into().unwrap()
}

fn address(h: &str) -> Address {
    Address::parse(h).unwrap()
}

#[test]
fn aion_web3_fixture_account_0() {
    let tx = UnsignedTx {
        to: address("a09d19c066f341220d914414c42e5e796e7e4daf83a9abf4581b1670403bbd15"),
        value: 1_000_000_000,
        nonce: 0,
        timestamp_us: 1_536_305_330_896_000,
        energy_limit: 21_000,
        energy_price: 20_000_000_000,
        data: Vec::new(),
    };
    assert_eq!(
        hex::encode(tx.signing_hash()),
        "d4ca2ad58652fa8c0f49829c6059d269d8dd1eabe9ab2402138f333bbc0f4459"
    );
    let signed = sign(&tx, &seed());
    assert_eq!(
        hex::encode(&signed.raw),
        "f89f00a0a09d19c066f341220d914414c42e5e796e7e4daf83a9abf4581b1670403bbd15843b9aca008087057542f583bc808252088800000004a817c80001b8603ddfb8596435b9530b5e635736c801c1403578b85e582d98dd7a322ddfb1e4c1fc4b2ba9f860086b3d205c4e061b7bd4d47ab9849008f9fab872547fe72cb6cc2637399264f53c8be30223cc84f92e9f5f536ab45e8b5820c573c4b479f7b802"
    );
    let (back, pk, sig) = SignedTx::decode(&signed.raw).unwrap();
    assert_eq!(back, tx);
    assert!(verify(&back, &pk, &sig));
}

fn register_pool_tx() -> UnsignedTx {
    let hash: [u8; 32] =
        hex::decode("558729f5c8468f52b1f532ed53de5df98c0b94c66620c9e6f92b90f06f47a365")
            .unwrap()
            .try_into()
            .unwrap();
    UnsignedTx {
        to: POOL_REGISTRY_MAINNET,
        value: 1_000_000_000_000_000_000_000,
        nonce: 0,
        timestamp_us: 1_600_000_000_000_000,
        energy_limit: DEFAULT_ENERGY_LIMIT,
        energy_price: DEFAULT_ENERGY_PRICE,
        data: abi::register_pool(
            &address("a09d19c066f341220d914414c42e5e796e7e4daf83a9abf4581b1670403bbd15"),
            20_000,
            "https://jennijuju.github.io/stakeFrites.json",
            &hash,
        )
        .unwrap(),
    }
}

#[test]
fn deterministic_register_pool() {
    let tx = register_pool_tx();
    assert_eq!(tx.intrinsic_energy(), 29_340);
    let unsigned = hex::encode(tx.unsigned_rlp());
    assert!(unsigned.starts_with(
        "f8cb00a0a008e42a76e2e779175c589efdb2a0e742b40d8d421df2b93a8a0b13090c7cc8893635c9adc5dea00000b887"
    ));
    assert!(unsigned.ends_with("8705af3107a40000831e84808800000002540be40001"));
    assert_eq!(
        hex::encode(tx.signing_hash()),
        "7475453e2a7253af8969aa4e57290c636ce6c37d5f049ec31125b8356ab602d4"
    );
    let signed = sign(&tx, &seed());
    assert_eq!(
        hex::encode(&signed.raw),
        "f9012d00a0a008e42a76e2e779175c589efdb2a0e742b40d8d421df2b93a8a0b13090c7cc8893635c9adc5dea00000b88721000c7265676973746572506f6f6c22a09d19c066f341220d914414c42e5e796e7e4daf83a9abf4581b1670403bbd150500004e2011002c68747470733a2f2f6a656e6e696a756a752e6769746875622e696f2f7374616b654672697465732e6a736f6e110020558729f5c8468f52b1f532ed53de5df98c0b94c66620c9e6f92b90f06f47a3658705af3107a40000831e84808800000002540be40001b8603ddfb8596435b9530b5e635736c801c1403578b85e582d98dd7a322ddfb1e4c1ee090a290c7cf9aa1e72f7a325a44196993fd62279ba500d62548a54d911eac4924a18e4ded45ea7a43e80ca3c2227d10aa4e5e37beed6b0ca308611e0dc630b"
    );
    assert_eq!(
        hex::encode(signed.hash),
        "d17c172e926c85ac7d4473eb0a905fefd0777ec90d921874d0cf6b5dde7a761b"
    );
}

#[test]
fn deterministic_request_commission_change() {
    let tx = UnsignedTx {
        to: POOL_REGISTRY_MAINNET,
        value: 0,
        nonce: 1,
        timestamp_us: 1_600_000_000_000_001,
        energy_limit: DEFAULT_ENERGY_LIMIT,
        energy_price: DEFAULT_ENERGY_PRICE,
        data: abi::request_commission_change(25_000).unwrap(),
    };
    assert_eq!(tx.intrinsic_energy(), 23_060);
    assert_eq!(
        hex::encode(tx.unsigned_rlp()),
        "f85d01a0a008e42a76e2e779175c589efdb2a0e742b40d8d421df2b93a8a0b13090c7cc800a321001b72657175657374436f6d6d697373696f6e526174654368616e676505000061a88705af3107a40001831e84808800000002540be40001"
    );
    assert_eq!(
        hex::encode(tx.signing_hash()),
        "7a2b6c778b95c6d564e87a66e9f33777aeaa90a8b61f6e4e39f061aa64e3fcbb"
    );
    let signed = sign(&tx, &seed());
    assert_eq!(
        hex::encode(&signed.raw),
        "f8bf01a0a008e42a76e2e779175c589efdb2a0e742b40d8d421df2b93a8a0b13090c7cc800a321001b72657175657374436f6d6d697373696f6e526174654368616e676505000061a88705af3107a40001831e84808800000002540be40001b8603ddfb8596435b9530b5e635736c801c1403578b85e582d98dd7a322ddfb1e4c1ef73e3b5c3106caae68ed824602b0396864d8e1baf72877be9df25ec1ae1e44379e85e4a81676af005d6ce097f767a3cfffd7600e886a6d3987767b0a78c7903"
    );
    assert_eq!(
        hex::encode(signed.hash),
        "5cd73f5bce94726e7414eeae748cf84e901e9ee46c33fd94939c9f53a1fd27cb"
    );
}

#[test]
fn the_broadcast_request() {
    let signed = sign(&register_pool_tx(), &seed());
    assert_eq!(
        json_rpc_request(&signed),
        format!(
            r#"{{"jsonrpc":"2.0","method":"eth_sendRawTransaction","params":["0x{}"],"id":1}}"#,
            hex::encode(&signed.raw)
        )
    );
}

#[test]
fn javas_leading_zero_nonce_is_read() {
    // Aion's Java builder writes nonce 200 as 00c8 (BigInteger.toByteArray).
    let mut tx = register_pool_tx();
    tx.nonce = 200;
    let raw = sign(&tx, &seed()).raw;
    let ours = hex::encode(&raw);
    assert!(ours.starts_with("f9012e81c8"));
    let java = format!("f9012f8200c8{}", &ours[10..]);
    let (back, _, _) = SignedTx::decode(&hex::decode(java).unwrap()).unwrap();
    assert_eq!(back.nonce, 200);
}

#[test]
fn what_is_not_a_signed_call_is_refused() {
    let raw = sign(&register_pool_tx(), &seed()).raw;
    let mut items: Vec<Vec<u8>> = rlp::decode_list(&raw)
        .unwrap()
        .into_iter()
        .map(rlp::encode_bytes)
        .collect();
    items[7] = vec![0x02];
    assert_eq!(
        SignedTx::decode(&rlp::encode_list(&items)),
        Err(AionTxError::TxType("02".into()))
    );
    items[7] = vec![0x01];
    items[1] = rlp::encode_bytes(&[]);
    assert_eq!(
        SignedTx::decode(&rlp::encode_list(&items)),
        Err(AionTxError::DestinationLength(0))
    );
    assert_eq!(
        SignedTx::decode(&rlp::encode_list(&items[..8])),
        Err(AionTxError::FieldCount(8))
    );
}
