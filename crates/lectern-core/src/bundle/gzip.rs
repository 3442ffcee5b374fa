//! Reading the gzip files a split bundle is made of (the CLI writes each part compressed).
//! The browser's DecompressionStream could do it, but only through several trips round the
//! page's event loop per part, each waiting behind whatever the page is drawing; this is one
//! call, and the same code natively and in the browser.

use miniz_oxide::inflate::decompress_to_vec_with_limit;

/// No part of a bundle inflates to more than this; a "part" that would is refused, not inflated.
const MAX_INFLATED: usize = 1 << 30;

const FHCRC: u8 = 0x02;
const FEXTRA: u8 = 0x04;
const FNAME: u8 = 0x08;
const FCOMMENT: u8 = 0x10;

pub fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0x1f, 0x8b])
}

/// The contents of a gzip file (its first member, which is all the CLI writes).
///
/// Never inlined: inflating is a large state machine, and inlined into the reader's async
/// part fetch it made that one function so big that the browser took 20 ms to compile it
/// when the first shard arrived, on the main thread, in the middle of the first view.
#[inline(never)]
pub fn gunzip(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let damaged = || "its compressed data is damaged".to_string();
    let body = bytes.get(header_len(bytes).ok_or_else(damaged)?..).ok_or_else(damaged)?;
    let inflated = decompress_to_vec_with_limit(body, MAX_INFLATED).map_err(|_| damaged())?;
    // The trailer's size (mod 2^32) catches a file cut short after a block boundary.
    let size = bytes.len().checked_sub(4).and_then(|at| bytes.get(at..)).ok_or_else(damaged)?;
    if u32::from_le_bytes(size.try_into().map_err(|_| damaged())?) != inflated.len() as u32 {
        return Err(damaged());
    }
    Ok(inflated)
}

/// Where the deflate stream starts: after the fixed ten bytes and the optional fields.
fn header_len(bytes: &[u8]) -> Option<usize> {
    if !is_gzip(bytes) || *bytes.get(2)? != 8 {
        return None;
    }
    let flags = *bytes.get(3)?;
    let mut at = 10;
    if flags & FEXTRA != 0 {
        let len = u16::from_le_bytes([*bytes.get(at)?, *bytes.get(at + 1)?]) as usize;
        at += 2 + len;
    }
    for field in [FNAME, FCOMMENT] {
        if flags & field != 0 {
            at += bytes.get(at..)?.iter().position(|&b| b == 0)? + 1;
        }
    }
    if flags & FHCRC != 0 {
        at += 2;
    }
    (at <= bytes.len()).then_some(at)
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use flate2::write::GzEncoder;
    use flate2::{Compression, GzBuilder};
    use proptest::prelude::*;

    use super::*;

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
        encoder.write_all(bytes).unwrap();
        encoder.finish().unwrap()
    }

    #[test]
    fn reads_what_gzip_writes_with_or_without_optional_fields() {
        let text = "Lectern ".repeat(10_000).into_bytes();
        assert_eq!(gunzip(&gzip(&text)).unwrap(), text);
        let mut named = GzBuilder::new().filename("part.lectern").comment("a comment").extra(vec![1, 2, 3])
            .write(Vec::new(), Compression::fast());
        named.write_all(&text).unwrap();
        assert_eq!(gunzip(&named.finish().unwrap()).unwrap(), text);
        assert_eq!(gunzip(&gzip(b"")).unwrap(), b"");
    }

    #[test]
    fn damaged_files_are_refused() {
        let packed = gzip(&"Lectern ".repeat(10_000).into_bytes());
        for cut in [0, 5, 12, packed.len() / 2, packed.len() - 4, packed.len() - 1] {
            assert_eq!(gunzip(&packed[..cut]).unwrap_err(), "its compressed data is damaged", "cut at {cut}");
        }
        let mut flipped = packed.clone();
        flipped[20] ^= 0xff;
        assert!(gunzip(&flipped).is_err() || gunzip(&flipped).unwrap() != "Lectern ".repeat(10_000).into_bytes());
    }

    proptest! {
        #[test]
        fn arbitrary_bytes_never_panic(mut bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            let _ = gunzip(&bytes);
            if bytes.len() > 3 { bytes[0] = 0x1f; bytes[1] = 0x8b; bytes[2] = 8; }
            let _ = gunzip(&bytes);
        }
    }
}
