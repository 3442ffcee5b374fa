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
fn damage_is_reported() {
    let bytes = encode(&sample());
    assert_eq!(decode(b"hello").unwrap_err(), BundleError::NotABundle);
    assert!(matches!(decode(&bytes[..bytes.len() - 3]), Err(BundleError::Corrupt(_))));
    let mut extra = bytes.clone();
    extra.push(0);
    assert!(matches!(decode(&extra), Err(BundleError::Corrupt(_))));
    let mut future = bytes;
    future[8..10].copy_from_slice(&(FORMAT_VERSION + 1).to_le_bytes());
    assert_eq!(decode(&future).unwrap_err(), BundleError::Version { found: FORMAT_VERSION + 1 });
}

