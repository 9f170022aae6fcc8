//! The Metadata tab's logo, chosen like a person would: a 256×256 PNG shows as a preview and
//! goes into the JSON as base64 (so the content hash changes); a PNG of another size or a
//! file that is not a PNG says so and leaves the logo chosen before in place. The PNGs are
//! made here, with the png crate.
#![allow(clippy::disallowed_methods, clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};

use base64::Engine as _;
use common::aion::create_folder_then_picking;
use common::ui::{click, shows, type_into};
use egui_kittest::kittest::Queryable as _;
use egui_kittest::Harness;
use pool_console::app::ConsoleApp;
use tempfile::TempDir;

/// A `width`×`height` RGBA PNG, one colour.
fn png(width: u32, height: u32) -> Vec<u8> {
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, width, height);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().unwrap();
    let pixels: Vec<u8> = [0x1f, 0x6f, 0xeb, 0xff].repeat((width * height) as usize);
    writer.write_image_data(&pixels).unwrap();
    writer.finish().unwrap();
    out
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// The Metadata tab of a new Aion folder whose file dialog will answer `picks` in turn.
fn metadata_tab(dir: &TempDir, picks: Vec<PathBuf>) -> Harness<'static, ConsoleApp> {
    let (mut h, _) = create_folder_then_picking(dir, "aion-pool", Some("Aion Unity"), picks);
    click(&mut h, "📝  Metadata");
    type_into(&mut h, "Name", "Frites");
    h
}

fn content_hash(h: &Harness<'_, ConsoleApp>) -> String {
    h.state().aion.metadata.rendered().1
}

fn has_preview(h: &Harness<'_, ConsoleApp>) -> bool {
    h.query_by_label("Logo preview").is_some()
}

#[test]
fn a_256_by_256_png_shows_its_preview_and_goes_into_the_json() {
    let dir = TempDir::new().unwrap();
    let logo = png(256, 256);
    let path = write(dir.path(), "logo.png", &logo);
    let mut h = metadata_tab(&dir, vec![path]);
    let before = content_hash(&h);
    assert!(shows(&h, &before));
    assert!(!has_preview(&h));
    click(&mut h, "Choose a PNG…");
    assert!(has_preview(&h));
    assert_eq!(h.state().aion.metadata.logo_error, None);
    // The JSON shown carries the PNG's own bytes as standard base64, right after the schema.
    let b64 = base64::engine::general_purpose::STANDARD.encode(&logo);
    let json = h.state().aion.metadata.rendered().0;
    assert!(json.starts_with(&format!(r#"{{"schemaVersion":"1.0","logo":"{b64}","#)));
    assert!(shows(
        &h,
        &format!(r#"{{"schemaVersion":"1.0","logo":"{}"#, &b64[..200])
    ));
    // The hash shown is the new JSON's, not the one without a logo.
    let after = content_hash(&h);
    assert_ne!(after, before);
    let expected = pool_console::core::encoding::hash::blake2b_256(json.as_bytes());
    assert_eq!(after, hex::encode(expected));
    assert!(shows(&h, &after));
    assert!(!shows(&h, &before));
}

#[test]
fn a_png_of_another_size_or_another_file_says_so_and_keeps_the_logo() {
    let dir = TempDir::new().unwrap();
    let good = png(256, 256);
    let picks = vec![
        write(dir.path(), "logo.png", &good),
        write(dir.path(), "small.png", &png(128, 128)),
        write(
            dir.path(),
            "logo.gif",
            b"GIF89a\x01\x00\x01\x00\x00\x00\x00;",
        ),
    ];
    let mut h = metadata_tab(&dir, picks);
    click(&mut h, "Choose a PNG…");
    let with_logo = content_hash(&h);
    for message in [
        "That PNG is 128×128 pixels; Aion asks for 256×256. Any logo chosen before is kept.",
        "That file is not a PNG image: choose a 256×256 PNG. Any logo chosen before is kept.",
    ] {
        click(&mut h, "Choose a PNG…");
        assert!(shows(&h, message), "{message}");
        assert_eq!(h.state().aion.metadata.logo_error.as_deref(), Some(message));
        assert_eq!(h.state().aion.metadata.logo_png.as_deref(), Some(&good[..]));
        assert!(has_preview(&h));
        assert_eq!(content_hash(&h), with_logo);
        assert!(shows(&h, &with_logo));
    }
}

#[test]
fn a_saved_logo_of_another_size_is_said_and_never_drawn() {
    use pool_console::core::aion::metadata::{self, AionMetadata};
    let dir = TempDir::new().unwrap();
    let mut h = metadata_tab(&dir, vec![]);
    // Another pool whose saved metadata carries a 1×100000 PNG: decoding it for the preview
    // would ask for a texture far over any GPU's limit.
    let other = dir.path().join("other-pool");
    std::fs::create_dir(&other).unwrap();
    let marker = pool_console::app::aion_profile::MARKER_TEXT;
    write(&other, "aion-profile.json", marker.as_bytes());
    let saved = metadata::render(&AionMetadata {
        schema_version: "1.0".into(),
        name: "Tall".into(),
        url: "https://example.org".into(),
        logo_base64: metadata::logo_base64(&png(1, 100_000)),
        ..AionMetadata::default()
    });
    write(&other, "aion-metadata.json", saved.as_bytes());
    h.state_mut().open_workspace(&other);
    h.run_steps(2);
    let message = "The logo in aion-metadata.json is 1×100000 pixels; Aion asks for 256×256: choose a 256×256 PNG.";
    assert_eq!(h.state().aion.metadata.logo_error.as_deref(), Some(message));
    assert!(shows(&h, message));
    assert_eq!(h.state().aion.metadata.name, "Tall");
    assert_eq!(h.state().aion.metadata.logo_png, None);
    assert!(!has_preview(&h));
}
