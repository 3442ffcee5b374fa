//! Content-Encoding: a preview served from 127.0.0.1 gains little from gzip in time, but it
//! should behave as the real host will, so size and header mistakes show up before deploying.

use std::io::Write;

use flate2::write::GzEncoder;
use flate2::Compression;

/// Every gzip member starts with these two bytes (RFC 1952). Split bundles' parts are gzip
/// files named `*.lectern` that the reader inflates itself: encoding them again would only hide
/// that from the browser's tools and cost time.
const MAGIC: [u8; 2] = [0x1f, 0x8b];

/// Whether `body` is a gzip file already.
pub fn is_gzip(body: &[u8]) -> bool {
    body.starts_with(&MAGIC)
}

/// Whether an `Accept-Encoding` value lets us answer in gzip: `gzip` (or the old `x-gzip`)
/// with a non-zero weight, else `*` with one. `gzip;q=0` refuses it even where `*` would allow.
pub fn accepted(accept_encoding: &str) -> bool {
    let mut gzip = None;
    let mut any = None;
    for item in accept_encoding.split(',') {
        let mut params = item.split(';');
        let coding = params.next().unwrap_or("").trim();
        let weight = params.find_map(weight_of).unwrap_or(1.0);
        if coding.eq_ignore_ascii_case("gzip") || coding.eq_ignore_ascii_case("x-gzip") {
            gzip = Some(weight);
        } else if coding == "*" {
            any = Some(weight);
        }
    }
    gzip.or(any).is_some_and(|weight| weight > 0.0)
}

/// The weight in a `q=0.5` parameter; one that does not parse counts as a refusal.
fn weight_of(param: &str) -> Option<f32> {
    let (name, value) = param.split_once('=')?;
    name.trim()
        .eq_ignore_ascii_case("q")
        .then(|| value.trim().parse().unwrap_or(0.0))
}

/// `body` gzipped at the fast level: the file is compressed again on every request (the site may
/// have been rebuilt since), so speed matters more than the last few percent.
pub fn compress(body: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut encoder = GzEncoder::new(Vec::with_capacity(body.len() / 3), Compression::fast());
    encoder.write_all(body)?;
    encoder.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::read::GzDecoder;
    use std::io::Read;

    #[test]
    fn gzip_is_accepted_when_listed_or_covered_by_a_wildcard() {
        assert!(accepted("gzip"));
        assert!(accepted("gzip, deflate, br, zstd"));
        assert!(accepted("br;q=1.0, GZIP;q=0.5"));
        assert!(accepted("x-gzip"));
        assert!(accepted("*"));
    }

    #[test]
    fn gzip_is_refused_when_absent_or_weighted_zero() {
        assert!(!accepted(""));
        assert!(!accepted("identity"));
        assert!(!accepted("br, deflate"));
        assert!(!accepted("gzip;q=0"));
        assert!(!accepted("gzip;q=0.0, *;q=1"));
        assert!(!accepted("*;q=0"));
        assert!(!accepted("gzip;q=nonsense"));
    }

    #[test]
    fn compressed_bytes_are_gzip_and_inflate_to_the_original() {
        let original = b"<p>hello</p>".repeat(100);
        let compressed = compress(&original).unwrap();
        assert!(is_gzip(&compressed));
        assert!(compressed.len() < original.len());
        let mut inflated = Vec::new();
        GzDecoder::new(&compressed[..]).read_to_end(&mut inflated).unwrap();
        assert_eq!(inflated, original);
    }

    #[test]
    fn only_the_magic_bytes_make_a_file_gzip() {
        assert!(!is_gzip(b"LECTERN"));
        assert!(!is_gzip(&[0x1f]));
        assert!(is_gzip(&[0x1f, 0x8b, 0x08]));
    }
}
