//! The CBOR reader (`CborReader`), driven generically through its public API only, so the
//! target keeps compiling when the reader's insides change.
//!
//! 1. A flat walk: peek each head, then read it with the matching typed reader (`uint`,
//!    `bytes`, `text`, `array`, `map`, `tag`, `bool`, `null`, else `head`) until the end.
//! 2. A whole-item walk: `skip` items until the end; each skipped span is exactly one item.
//! 3. When the input holds only items `CborWriter` can write, writing the flat walk back gives
//!    shortest-form CBOR that reads as the same items and is never longer than the input.
//! 4. `decode_bytes ∘ encode_bytes` is the identity on whatever `decode_bytes` accepts.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pool_console::core::encoding::cbor::{
    decode_bytes, encode_bytes, CborError, CborReader, CborWriter, Head,
};

const WHAT: &str = "an item";

/// An item `CborWriter` can write (other heads make the input not re-writable).
#[derive(Debug, PartialEq)]
enum Item<'a> {
    Uint(u64),
    Bytes(&'a [u8]),
    Text(&'a str),
    Array(u64),
    Map(u64),
    Tag(u64),
    Bool(bool),
    Null,
}

/// Debug text of a head: `Head` holds floats, and NaN != NaN.
fn shown(h: &Head) -> String {
    format!("{h:?}")
}

/// Reads the next item the way a decoder that knows what it expects would, checking that the
/// typed reader agrees with `peek`. `None` at the first error.
fn next_item<'a>(data: &'a [u8], r: &mut CborReader<'a>) -> Option<Option<Item<'a>>> {
    let before = r.offset();
    let peeked = r.peek(WHAT);
    assert_eq!(r.offset(), before, "peek consumes nothing");
    let peeked = peeked.ok()?;
    let item = match peeked {
        Head::Uint(n) => {
            let v = r.uint(WHAT).expect("uint after peeking one");
            assert_eq!(v, n);
            Some(Item::Uint(v))
        }
        Head::Bytes(Some(n)) => {
            let b = r.bytes(WHAT).ok()?;
            assert_eq!(b.len() as u64, n);
            Some(Item::Bytes(b))
        }
        Head::Text(Some(n)) => {
            // Read the text on a reader of its own, then move past it with `skip`, so invalid
            // UTF-8 does not end the walk (`skip` does not look inside strings).
            let mut probe = CborReader::new(&data[before..]);
            let text = probe.text(WHAT);
            let raw = r.skip(WHAT).ok()?;
            match text {
                Ok(t) => {
                    assert_eq!(t.len() as u64, n);
                    assert_eq!(probe.offset(), raw.len());
                    Some(Item::Text(t))
                }
                Err(CborError::InvalidText { .. }) => {
                    assert!(std::str::from_utf8(&raw[raw.len() - n as usize..]).is_err());
                    None
                }
                Err(e) => panic!("text failed after skip succeeded: {e}"),
            }
        }
        Head::Array(Some(n)) => {
            assert_eq!(r.array(WHAT).expect("array after peeking one"), n);
            Some(Item::Array(n))
        }
        Head::Map(Some(n)) => {
            assert_eq!(r.map(WHAT).expect("map after peeking one"), n);
            Some(Item::Map(n))
        }
        Head::Tag(t) => {
            assert_eq!(r.tag(WHAT).expect("tag after peeking one"), t);
            Some(Item::Tag(t))
        }
        Head::Bool(b) => {
            assert_eq!(r.bool(WHAT).expect("bool after peeking one"), b);
            Some(Item::Bool(b))
        }
        Head::Null => {
            assert!(r.is_null().expect("is_null after peeking null"));
            r.null(WHAT).expect("null after peeking one");
            Some(Item::Null)
        }
        other => {
            // Floats, simple values, undefined, breaks and indefinite heads: the typed readers
            // refuse them (checked on a reader of its own), `head` reads them.
            let mut probe = CborReader::new(&data[before..]);
            assert!(probe.uint(WHAT).is_err());
            let h = r.head(WHAT).expect("head after peek");
            assert_eq!(shown(&h), shown(&other));
            None
        }
    };
    assert!(r.offset() > before, "every item moves the reader on");
    Some(item)
}

fn write(items: &[Item<'_>]) -> Vec<u8> {
    let mut w = CborWriter::new();
    for item in items {
        match item {
            Item::Uint(n) => w.uint(*n),
            Item::Bytes(b) => w.bytes(b),
            Item::Text(t) => w.text(t),
            Item::Array(n) => w.array(*n as usize),
            Item::Map(n) => w.map(*n as usize),
            Item::Tag(t) => w.tag(*t),
            Item::Bool(b) => w.bool(*b),
            Item::Null => w.null(),
        };
    }
    w.into_bytes()
}

fn flat_walk(data: &[u8]) -> (Vec<Item<'_>>, bool, bool) {
    let mut r = CborReader::new(data);
    let mut items = Vec::new();
    let mut writable = true;
    while !r.is_at_end() {
        match next_item(data, &mut r) {
            Some(Some(item)) => items.push(item),
            Some(None) => writable = false,
            None => return (items, false, false),
        }
    }
    assert_eq!(r.offset(), data.len());
    r.finish().expect("finish at the end");
    (items, writable, true)
}

fuzz_target!(|data: &[u8]| {
    // 1. Flat walk.
    let (items, writable, complete) = flat_walk(data);

    // 2. Whole items.
    let mut r = CborReader::new(data);
    let mut skipped_all = true;
    while !r.is_at_end() {
        let before = r.offset();
        match r.skip(WHAT) {
            Ok(raw) => {
                assert!(!raw.is_empty());
                assert_eq!(raw, &data[before..r.offset()], "skip returns its own span");
                let mut one = CborReader::new(raw);
                assert_eq!(one.skip(WHAT).expect("a skipped span skips again"), raw);
                one.finish().expect("a skipped span is one item");
            }
            Err(_) => {
                skipped_all = false;
                break;
            }
        }
    }
    if skipped_all {
        assert_eq!(r.offset(), data.len());
        r.finish().expect("finish after skipping everything");
        // Every whole item read, so the flat walk (which does not refuse indefinite heads
        // either) got to the end too.
        assert!(complete, "skip read everything but the flat walk stopped");
    }

    // 3. Writing back what was read.
    if complete && writable {
        let canon = write(&items);
        assert!(canon.len() <= data.len(), "shortest heads are never longer");
        let (again, again_writable, again_complete) = flat_walk(&canon);
        assert!(again_complete && again_writable);
        assert_eq!(again, items, "the written items read back the same");
    }

    // 4. Lone byte strings (key payloads).
    if let Ok(b) = decode_bytes(data, "a key") {
        let enc = encode_bytes(b);
        assert_eq!(decode_bytes(&enc, "a key"), Ok(b));
        assert!(enc.len() <= data.len());
    }
});
