//! Tests of the parent module.

use super::*;

fn text(hex_str: &str) -> String {
    pretty_text(&hex::decode(hex_str).unwrap()).unwrap()
}

/// Stake pool retirement certificate
/// (shared/vectors/cardano-cli/input/certificates_legacy_shelley/stake_pool_deregistration_certificate).
/// Expected text derived from cborg's `prettyHexEnc` rules (no cardano-cli golden file exists
/// for decode-cbor output).
#[test]
fn retirement_certificate() {
    let got = text("8304581c8ffff1f19a1b751ff9ecb0504cab3d3d34952ac735f92da54c67f9fa182a");
    let want = "\n\
83  # list(3)\n   04  # int(4)\n   \
58 1c 8f ff f1 f1 9a 1b 75 1f f9 ec b0 50 4c ab \n   \
3d 3d 34 95 2a c7 35 f9 2d a5 4c 67 f9 fa  # bytes(28)\n   \
18 2a  # int(42)\n";
    assert_eq!(got, want);
}

/// Stake pool registration certificate
/// (shared/vectors/cardano-cli/golden/stake-pool/reg-certificate.json): tag 30 rational,
/// tag 258 set, null metadata.
#[test]
fn registration_certificate() {
    let got = text(
            "8a03581c4124a0c2ba8a7ba05824b3df23f706a1c8b3239446ab16709ae85aa158206aa5f600f54659d456dc2628997df23d98f8f85681edd3e6f4a9340cb06b8db70000d81e820001581de0749440f878a5ba2ac3ab03dbdec6ae3ad5c89f06fc9c031611947803d9010281581c749440f878a5ba2ac3ab03dbdec6ae3ad5c89f06fc9c03161194780380f6",
        );
    let want = concat!(
        "\n8a  # list(10)",
        "\n   03  # int(3)",
        "\n   58 1c 41 24 a0 c2 ba 8a 7b a0 58 24 b3 df 23 f7 ",
        "\n   06 a1 c8 b3 23 94 46 ab 16 70 9a e8 5a a1  # bytes(28)",
        "\n   58 20 6a a5 f6 00 f5 46 59 d4 56 dc 26 28 99 7d ",
        "\n   f2 3d 98 f8 f8 56 81 ed d3 e6 f4 a9 34 0c b0 6b ",
        "\n   8d b7  # bytes(32)",
        "\n   00  # int(0)",
        "\n   00  # int(0)",
        "\n   d8 1e  # tag(30)",
        "\n      82  # list(2)",
        "\n         00  # int(0)",
        "\n         01  # int(1)",
        "\n   58 1d e0 74 94 40 f8 78 a5 ba 2a c3 ab 03 db de ",
        "\n   c6 ae 3a d5 c8 9f 06 fc 9c 03 16 11 94 78 03  # bytes(29)",
        "\n   d9 01 02  # tag(258)",
        "\n      81  # list(1)",
        "\n         58 1c 74 94 40 f8 78 a5 ba 2a c3 ab 03 db de c6 ",
        "\n         ae 3a d5 c8 9f 06 fc 9c 03 16 11 94 78 03  # bytes(28)",
        "\n   80  # list(0)",
        "\n   f6  # null",
        "\n",
    );
    assert_eq!(got, want);
}

/// The 32-byte key printed by `cardano-cli text-view decode-cbor` in the Shelley genesis
/// walkthrough ("Semi-readable file formats") of the cardano-node documentation; that copy
/// lost the trailing spaces of the wrapped lines, the layout is otherwise the same.
#[test]
fn verification_key_bytes() {
    let got = text("5820464ef49559f4e36fb7021fcb1271c5ba84f366220a150e66bba871872f277ced");
    let want = "\n58 20 46 4e f4 95 59 f4 e3 6f b7 02 1f cb 12 71 \nc5 ba 84 f3 66 22 0a 15 0e 66 bb a8 71 87 2f 27 \n7c ed  # bytes(32)\n";
    assert_eq!(got, want);
}

/// The value used in the Haddock of cborg's `Codec.CBOR.Pretty.prettyHexEnc`. The Haddock's
/// printed output predates the ` # key` / ` # value` lines; this expectation follows the
/// current code (cborg/src/Codec/CBOR/Pretty.hs).
#[test]
fn cborg_haddock_example() {
    let got = text(concat!(
        "83f59f010203ff82a26548656c6c6ff565576f726c64f4",
        "7821546869732069732061206c6f6e6720737472696e67207768696368207772617073"
    ));
    let want = r#"
83  # list(3)
   f5  # bool(true)
   9f  # list(*)
      01  # int(1)
      02  # int(2)
      03  # int(3)
   ff  # break
   82  # list(2)
      a2  # map(2)
          # key
         65 48 65 6c 6c 6f  # text("Hello")
          # value
         f5  # bool(true)
          # key
         65 57 6f 72 6c 64  # text("World")
          # value
         f4  # bool(false)
      78 21 54 68 69 73 20 69 73 20 61 20 6c 6f 6e 67 
      20 73 74 72 69 6e 67 20 77 68 69 63 68 20 77 72 
      61 70 73  # text("This is a long string which wraps")
"#;
    assert_eq!(got, want);
}

#[test]
fn operational_certificate_counter() {
    let got = text("820058205325dad1168439e748e66b9151bd5c389ecdb7a46959639c3f97901128c7104b");
    assert!(got.starts_with("\n82  # list(2)\n   00  # int(0)\n   58 20 53 25 "));
    assert!(got.ends_with(" 28 c7 \n   10 4b  # bytes(32)\n"));
}

#[test]
fn several_top_level_items_each_end_with_a_newline() {
    assert_eq!(text("0120"), "\n01  # int(1)\n\n20  # int(-1)\n");
}

#[test]
fn heads_are_reencoded_in_shortest_form() {
    assert_eq!(text("1b0000000000000005"), "\n05  # int(5)\n");
    assert_eq!(text("9800"), "\n80  # list(0)\n");
    assert_eq!(text("5800"), "\n40  # bytes(0)\n");
}

#[test]
fn integer_boundaries() {
    assert_eq!(
        text("1b7fffffffffffffff"),
        "\n1b 7f ff ff ff ff ff ff ff  # int(9223372036854775807)\n"
    );
    assert_eq!(
        text("1b8000000000000000"),
        "\n1b 80 00 00 00 00 00 00 00  # integer(9223372036854775808)\n"
    );
    assert_eq!(
        text("3b7fffffffffffffff"),
        "\n3b 7f ff ff ff ff ff ff ff  # int(-9223372036854775808)\n"
    );
    assert_eq!(
        text("3bffffffffffffffff"),
        "\n3b ff ff ff ff ff ff ff ff  # integer(-18446744073709551616)\n"
    );
}

#[test]
fn bignums() {
    assert_eq!(text("c24105"), "\n05  # integer(5)\n");
    assert_eq!(text("c34100"), "\n20  # integer(-1)\n");
    assert_eq!(
        text("c249010000000000000000"),
        "\nc2 49 01 00 00 00 00 00 00 00 00  # integer(18446744073709551616)\n"
    );
    assert_eq!(
        text("c349010000000000000000"),
        "\nc3 49 01 00 00 00 00 00 00 00 00  # integer(-18446744073709551617)\n"
    );
    // A two-byte tag head is an ordinary tag for cborg (re-encoded in its short form).
    assert_eq!(text("d8024105"), "\nc2  # tag(2)\n   41 05  # bytes(1)\n");
}

#[test]
fn indefinite_items() {
    // The empty chunk disappears, as in cborg's lazy string.
    assert_eq!(
        text("5f42010240ff"),
        "\n5f  # bytes(*)\n   42 01 02  # bytes(2)\nff  # break\n"
    );
    assert_eq!(text("5fff"), "\n5f  # bytes(*)\nff  # break\n");
    assert!(pretty_text(&hex::decode("5f4201020300ff").unwrap()).is_err());
    assert_eq!(
            text("bf0102ff"),
            "\nbf  # map(*)\n       # key\n      01  # int(1)\n       # value\n      02  # int(2)\nff  # break\n"
        );
    assert_eq!(
        text("7f6161ff"),
        "\n7f  # text(*)\n   61 61  # text(\"a\")\nff  # break\n"
    );
}

#[test]
fn simple_values_and_floats() {
    assert_eq!(text("f7"), "\nf7  # simple(23)\n");
    assert_eq!(text("f0"), "\nf0  # simple(16)\n");
    assert_eq!(text("f6"), "\nf6  # null\n");
    assert_eq!(text("f93e00"), "\nf9 3e 00  # float16(1.5)\n");
    assert_eq!(
        text("fa47c35000"),
        "\nfa 47 c3 50 00  # float32(100000.0)\n"
    );
    assert_eq!(
        text("fb3f847ae147ae147b"),
        "\nfb 3f 84 7a e1 47 ae 14 7b  # float64(1.0e-2)\n"
    );
    assert_eq!(
        text("fb4170000000000000"),
        "\nfb 41 70 00 00 00 00 00 00  # float64(1.6777216e7)\n"
    );
    assert_eq!(text("f98000"), "\nf9 80 00  # float16(-0.0)\n");
    assert_eq!(text("f97c00"), "\nf9 7c 00  # float16(Infinity)\n");
    assert_eq!(text("f97e00"), "\nf9 7e 00  # float16(NaN)\n");
    assert_eq!(text("fa7fc00001"), "\nf9 7e 00  # float32(NaN)\n");
    assert_eq!(text("fbfff8000000000000"), "\nf9 7e 00  # float64(NaN)\n");
    assert_eq!(
        text("fb3fb999999999999a"),
        "\nfb 3f b9 99 99 99 99 99 9a  # float64(0.1)\n"
    );
}

#[test]
fn haskell_string_escapes() {
    assert_eq!(haskell_show_str("a\"b\\c"), r#""a\"b\\c""#);
    assert_eq!(haskell_show_str("\u{e9}1"), r#""\233\&1""#);
    assert_eq!(haskell_show_str("\u{e9}x"), r#""\233x""#);
    assert_eq!(
        haskell_show_str("\n\t\x00\x7f\x0eH"),
        r#""\n\t\NUL\DEL\SO\&H""#
    );
    assert_eq!(haskell_show_str("it's"), r#""it's""#);
}

#[test]
fn errors() {
    assert!(pretty_text(&[]).is_err());
    assert!(pretty_text(&[0x82, 0x01]).is_err());
    assert!(pretty_text(&[0xff]).is_err());
    assert!(pretty_text(&[0x61, 0xff]).is_err());
    assert!(pretty_text(&[0xbf, 0x01, 0xff]).is_err());
    assert!(pretty_text(&[0xc2, 0x01]).is_err());
}

#[test]
fn deep_nesting_is_printed_up_to_the_limit_and_refused_beyond() {
    let mut cbor = vec![0x81; MAX_DEPTH];
    cbor.push(0x00);
    let got = pretty_text(&cbor).unwrap();
    assert!(got.ends_with("00  # int(0)\n"));
    let mut deeper = vec![0x81; 200_000];
    deeper.push(0x00);
    assert_eq!(
        pretty_text(&deeper),
        Err(CborError::TooDeep { limit: MAX_DEPTH })
    );
}
