//! The embedded bundle: round trip, and every kind of damage rejected with its own message.

mod common;

use lectern_core::bundle::{decode, encode, Bundle, BundleError, FORMAT_VERSION};

fn sample() -> Bundle {
    Bundle::build(vec![common::read("a.txt", "A Title\n\nFirst paragraph, with “curly quotes” and an ellipsis…\n")])
}

#[test]
fn round_trip_is_exact() {
    let bundle = sample();
    assert_eq!(decode(&encode(&bundle)).unwrap(), bundle);
}

#[test]
fn each_kind_of_damage_has_its_own_message() {
    let bytes = encode(&sample());
    let message = |b: &[u8]| decode(b).unwrap_err().to_string();

    assert_eq!(decode(b"hello").unwrap_err(), BundleError::NotABundle);
    assert_eq!(decode(b"").unwrap_err(), BundleError::NotABundle);
    assert_eq!(decode(b"<!doctype html><p>404</p>").unwrap_err(), BundleError::NotABundle);
    assert_eq!(message(b"PK\x03\x04"), "not a Lectern bundle");

    let cut = &bytes[..bytes.len() - 3];
    assert_eq!(
        decode(cut).unwrap_err(),
        BundleError::Truncated { expected: bytes.len() as u64, found: bytes.len() as u64 - 3 }
    );
    assert!(message(cut).contains("cut short"));
    assert!(matches!(decode(&bytes[..12]), Err(BundleError::Truncated { .. })));

    let mut flipped = bytes.clone();
    let last = flipped.len() - 1;
    flipped[last] ^= 0x40;
    assert_eq!(decode(&flipped).unwrap_err(), BundleError::Checksum);
    assert!(message(&flipped).contains("checksum"));

    let mut extra = bytes.clone();
    extra.push(0);
    assert!(matches!(decode(&extra), Err(BundleError::Corrupt(_))));

    let mut future = bytes;
    future[8..10].copy_from_slice(&(FORMAT_VERSION + 1).to_le_bytes());
    assert_eq!(decode(&future).unwrap_err(), BundleError::Version { found: FORMAT_VERSION + 1 });
    assert!(message(&future).contains(&format!("version {}", FORMAT_VERSION + 1)));
}

#[test]
fn a_damaged_payload_with_a_recomputed_checksum_is_still_refused() {
    // Someone "fixed" the checksum after editing: the decoder itself must not trust the payload.
    let mut bytes = encode(&sample());
    for b in &mut bytes[22..40] {
        *b = 0xFF;
    }
    let sum = lectern_core::bundle::crc32(&bytes[22..]);
    bytes[18..22].copy_from_slice(&sum.to_le_bytes());
    assert!(matches!(decode(&bytes), Err(BundleError::Corrupt(_))));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..400)) {
        let _ = decode(&bytes);
    }

    #[test]
    fn arbitrary_payloads_behind_a_valid_header_never_panic(payload in proptest::collection::vec(proptest::num::u8::ANY, 0..400)) {
        let mut bytes = b"LECTERN\0".to_vec();
        bytes.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        bytes.extend_from_slice(&(payload.len() as u64).to_le_bytes());
        bytes.extend_from_slice(&lectern_core::bundle::crc32(&payload).to_le_bytes());
        bytes.extend_from_slice(&payload);
        let _ = decode(&bytes);
        // The same bytes read as a head, start first (a head's variant leads, so most of these
        // get as far as its body).
        let mut head = bytes[..22].to_vec();
        let payload = [&[1u8][..], &payload].concat();
        head[10..18].copy_from_slice(&(payload.len() as u64).to_le_bytes());
        head[18..22].copy_from_slice(&lectern_core::bundle::crc32(&payload).to_le_bytes());
        head.extend_from_slice(&payload);
        if let Ok(lectern_core::bundle::Opened::Head(start, body)) = lectern_core::bundle::open_part(&head) {
            let _ = body.decode(start);
        }
    }
}

