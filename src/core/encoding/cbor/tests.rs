use super::*;

#[test]
fn integers_use_the_shortest_head() {
    let mut w = CborWriter::new();
    w.uint(0).uint(23).uint(24).uint(1000).uint(100_000_000_000);
    assert_eq!(
        hex::encode(w.into_bytes()),
        "001718181903e81b000000174876e800"
    );
}

#[test]
fn tags_and_byte_strings() {
    let mut w = CborWriter::new();
    w.tag(258)
        .array(1)
        .bytes(&[0xab; 2])
        .tag(30)
        .array(2)
        .uint(1)
        .uint(10);
    assert_eq!(hex::encode(w.into_bytes()), "d901028142ababd81e82010a");
}

#[test]
fn reader_reports_truncation_and_trailing_bytes() {
    let mut r = CborReader::new(&[0x58, 0x20, 1, 2]);
    assert_eq!(
        r.bytes("a key"),
        Err(CborError::Truncated { what: "a key" })
    );
    let mut r = CborReader::new(&[0x00, 0x01]);
    assert_eq!(r.uint("n"), Ok(0));
    assert_eq!(r.finish(), Err(CborError::TrailingBytes { count: 1 }));
}

#[test]
fn reader_names_what_it_found() {
    let mut r = CborReader::new(&[0x43, 1, 2, 3]);
    assert_eq!(
        r.uint("the epoch").unwrap_err().to_string(),
        "expected the epoch at byte 0 of the CBOR, found a byte string of 3 bytes"
    );
}

#[test]
fn skip_returns_the_raw_item() {
    let data = hex::decode("82a10102d8184301020300").unwrap();
    let mut r = CborReader::new(&data);
    assert_eq!(hex::encode(r.skip("item").unwrap()), "82a10102d81843010203");
    assert_eq!(r.uint("rest"), Ok(0));
    assert!(r.finish().is_ok());
}

fn unhex(s: &str) -> Vec<u8> {
    hex::decode(s.split_whitespace().collect::<String>()).unwrap()
}

#[test]
fn heads_are_written_in_the_shortest_form_for_every_major_type() {
    assert_eq!(encode_head(0, 23), [0x17]);
    assert_eq!(encode_head(2, 24), [0x58, 24]);
    assert_eq!(encode_head(4, 256), [0x99, 1, 0]);
    assert_eq!(encode_head(5, 65_536), [0xba, 0, 1, 0, 0]);
    assert_eq!(
        encode_head(6, u64::MAX),
        [0xdb, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]
    );
    let mut w = CborWriter::new();
    w.text("hi").null().bool(false).map(1).raw(&[0x01, 0x02]);
    assert_eq!(hex::encode(w.into_bytes()), "626869f6f4a10102");
}

#[test]
fn indefinite_arrays_and_maps_read_like_definite_ones() {
    // [_ 1, {_ 2: 3}, [_ ], 4] then 5
    let data = unhex("9f 01 bf 02 03 ff 9f ff 04 ff 05");
    let mut r = CborReader::new(&data);
    assert_eq!(r.array("outer"), Ok(4));
    assert_eq!(r.uint("one"), Ok(1));
    assert_eq!(r.map("inner map"), Ok(1));
    assert_eq!((r.uint("key"), r.uint("value")), (Ok(2), Ok(3)));
    assert_eq!(r.array("empty"), Ok(0));
    assert_eq!(r.uint("four"), Ok(4));
    // The outer break is stepped over before the next item.
    assert_eq!(r.uint("five"), Ok(5));
    assert!(r.is_at_end());
    assert_eq!(r.finish(), Ok(()));

    // A break still owed at the end is not a trailing byte.
    let data = unhex("9f 01 ff");
    let mut r = CborReader::new(&data);
    assert_eq!(r.array("list"), Ok(1));
    assert_eq!(r.uint("one"), Ok(1));
    assert!(r.is_at_end());
    assert_eq!(r.finish(), Ok(()));
}

#[test]
fn indefinite_items_that_do_not_close_are_errors() {
    let mut r = CborReader::new(&[0x9f, 0x01]);
    assert_eq!(
        r.array("the list"),
        Err(CborError::Truncated { what: "the list" })
    );
    let mut r = CborReader::new(&[0xbf, 0x01, 0xff]);
    assert_eq!(
        r.map("the map").unwrap_err().to_string(),
        "expected the value of a map entry at byte 2 of the CBOR, found a break marker"
    );
    let mut r = CborReader::new(&[0xbf, 0x01, 0xff]);
    assert_eq!(
        r.skip("the map").unwrap_err().to_string(),
        "expected the value of a map entry at byte 2 of the CBOR, found a break marker"
    );
    // A break where an item belongs, even inside a definite array.
    let mut r = CborReader::new(&[0x82, 0xff, 0x00]);
    assert_eq!(
        r.skip("the pair").unwrap_err().to_string(),
        "expected the pair at byte 1 of the CBOR, found a break marker"
    );
}

#[test]
fn skip_keeps_indefinite_items_exactly_as_given() {
    // [_ {_ "k": (_ h'aa', h'bbcc')}, 24(h'01')] then 0
    let data = unhex("9f bf 616b 5f 41aa 42bbcc ff ff d818 4101 ff 00");
    let mut r = CborReader::new(&data);
    let raw = r.skip("item").unwrap();
    assert_eq!(raw, &data[..data.len() - 1]);
    assert_eq!(r.uint("rest"), Ok(0));
    assert_eq!(r.finish(), Ok(()));
}

#[test]
fn chunks_of_an_indefinite_string_must_be_definite_strings_of_its_type() {
    let text_chunk = unhex("5f 6161 ff");
    let mut r = CborReader::new(&text_chunk);
    assert_eq!(
        r.skip("the bytes").unwrap_err().to_string(),
        "expected a definite-length byte string chunk at byte 1 of the CBOR, found a text string"
    );
    let chunked = unhex("5f 41aa ff");
    let mut r = CborReader::new(&chunked);
    assert_eq!(
        r.bytes("a hash"),
        Err(CborError::Indefinite { what: "a hash" })
    );
    let mut r = CborReader::new(&chunked);
    assert_eq!(
        r.uint("a number").unwrap_err().to_string(),
        "expected a number at byte 0 of the CBOR, found an indefinite byte string"
    );
}

#[test]
fn deep_indefinite_nesting_stops_at_the_limit() {
    let mut data = vec![0x9f; MAX_DEPTH + 1];
    data.extend(vec![0xff; MAX_DEPTH + 1]);
    let mut r = CborReader::new(&data);
    assert_eq!(r.skip("deep"), Err(CborError::TooDeep { limit: MAX_DEPTH }));
    // Definite nesting is only counted, at any depth.
    let mut data = vec![0x81; 100_000];
    data.push(0x00);
    assert_eq!(
        CborReader::new(&data).skip("deep").map(<[u8]>::len),
        Ok(100_001)
    );
}

#[test]
fn text_must_be_utf8_wherever_it_is_read() {
    let mut r = CborReader::new(&[0x62, 0xff, 0xfe]);
    assert_eq!(
        r.text("a name"),
        Err(CborError::InvalidText { what: "a name" })
    );
    let mut r = CborReader::new(&[0x81, 0x62, 0xff, 0xfe]);
    assert_eq!(
        r.skip("a list"),
        Err(CborError::InvalidText { what: "a list" })
    );
}

#[test]
fn every_head_is_named_in_words() {
    let heads = [
        ("00", "the unsigned integer 0"),
        (
            "3bffffffffffffffff",
            "the negative integer -18446744073709551616",
        ),
        ("f93c00", "a floating-point number"),
        ("f4", "false"),
        ("f7", "undefined"),
        ("f0", "the simple value 16"),
        ("c1", "tag 1"),
        ("43010203", "a byte string of 3 bytes"),
        ("7f", "an indefinite text string"),
        ("9f", "an indefinite array"),
        ("a1", "a map of 1 entries"),
    ];
    for (cbor, words) in heads {
        let data = unhex(cbor);
        let head = CborReader::new(&data).head("x").unwrap();
        assert_eq!(head.describe(), words, "{cbor}");
    }
    assert_eq!(Head::Map(Some(1)).describe_kind(), "a map");
    assert_eq!(
        CborReader::new(&[0x1c]).head("x"),
        Err(CborError::Malformed { offset: 0 })
    );
    assert_eq!(
        CborReader::new(&[0xf9, 0x3c, 0x00]).head("x"),
        Ok(Head::Float(1.0))
    );
}
