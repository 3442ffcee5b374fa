//! The binary form of a set of parsed articles with their search index, quotes and topics: what
//! the reader's build embeds and what `lectern bundle` writes, so the browser shows and searches
//! them without preparing anything.
//!
//! Layout: `LECTERN\0`, the format version (u16), the payload's length (u64) and its CRC-32
//! (u32), all little-endian, then the payload (postcard). The header lets a reader tell a file
//! that is not a bundle, one of another version, one cut short and one damaged apart, and say so.

use serde::{Deserialize, Serialize};

mod article_set;
mod gzip;
mod outlines;
mod split;

pub use article_set::ArticleSet;
pub use gzip::{gunzip, is_gzip};
pub use split::{
    split, ArticlePart, Head, HeadBody, HeadStart, Part, PartRef, PassageTopicsPart, ShardPart, SplitBundle, DEFAULT_SHARD_BYTES,
};

use crate::model::Article;
use crate::search::SearchIndex;
use crate::topics::Topics;

const MAGIC: &[u8; 8] = b"LECTERN\0";
/// Bumped whenever the serialised model or the header changes shape.
pub const FORMAT_VERSION: u16 = 10;
const HEADER: usize = 8 + 2 + 8 + 4;

#[derive(Debug, PartialEq, Eq)]
pub enum BundleError {
    NotABundle,
    Version { found: u16 },
    /// The file ends before the length its header gives.
    Truncated { expected: u64, found: u64 },
    /// The payload does not match its checksum: changed or damaged after it was written.
    Checksum,
    Corrupt(String),
}

impl std::fmt::Display for BundleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NotABundle => f.write_str("not a Lectern bundle"),
            Self::Version { found } => write!(
                f,
                "bundle format version {found}, but this reader reads version {FORMAT_VERSION}"
            ),
            Self::Truncated { expected, found } => write!(
                f,
                "the bundle is cut short ({found} of {expected} bytes): the download or copy did not finish"
            ),
            Self::Checksum => f.write_str("the bundle is damaged: its checksum does not match its contents"),
            Self::Corrupt(why) => write!(f, "the bundle is damaged: {why}"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bundle {
    pub articles: Vec<Article>,
    pub index: SearchIndex,
    pub topics: Topics,
}

impl Bundle {
    /// Everything the reader needs for `articles`; the expensive part, done once.
    pub fn build(articles: Vec<Article>) -> Bundle {
        Bundle::build_with(articles, &mut crate::progress::Unwatched)
    }

    /// [`Bundle::build`], telling `progress` how far each step has got.
    pub fn build_with(articles: Vec<Article>, progress: &mut dyn crate::progress::Progress) -> Bundle {
        let extraction = crate::topics::extract_with(&articles, progress);
        let index = SearchIndex::build_with_progress(&articles, &extraction, progress);
        let topics = Topics::build_with(&articles, &extraction, progress);
        Bundle { articles, index, topics }
    }
}

pub fn encode(bundle: &Bundle) -> Vec<u8> {
    encode_part(&PartRef::Whole(bundle))
}

/// Read a whole bundle. The head of a split bundle is refused here: see [`decode_part`].
pub fn decode(bytes: &[u8]) -> Result<Bundle, BundleError> {
    match decode_part(bytes)? {
        Part::Whole(bundle) => Ok(bundle),
        _ => Err(BundleError::Corrupt("this is one part of a split bundle, not a whole one".into())),
    }
}

pub fn encode_part(part: &PartRef) -> Vec<u8> {
    let payload = postcard::to_allocvec(part).expect("a bundle always serialises");
    let mut out = Vec::with_capacity(HEADER + payload.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    out.extend_from_slice(&crc32(&payload).to_le_bytes());
    out.extend(payload);
    out
}

/// Read any bundle file: a whole bundle, or the head, a shard or an article of a split one.
pub fn decode_part(bytes: &[u8]) -> Result<Part, BundleError> {
    read_all(payload(bytes)?)
}

/// Where [`Part::Head`] is in postcard's numbering of the variants (tested).
const HEAD_VARIANT: u32 = 1;

/// Whether `bytes` look like a split bundle's head, from their first bytes alone (nothing is
/// checked: [`open_part`] does that). A reader grows its heap for a head's decode only once it
/// has asked for the query's shards.
pub fn is_head(bytes: &[u8]) -> bool {
    bytes.get(HEADER..).and_then(|p| postcard::take_from_bytes::<u32>(p).ok()).is_some_and(|(variant, _)| variant == HEAD_VARIANT)
}

/// A bundle file opened as far as its kind: a whole part, or a split bundle's head stopped
/// after its [`HeadStart`]. One is held at a time, as a file is read.
#[allow(clippy::large_enum_variant)]
pub enum Opened<'a> {
    Part(Part),
    Head(HeadStart, HeadBody<'a>),
}

/// Read a bundle file like [`decode_part`], except that a head is read only as far as its
/// shard directory: a reader can then fetch the shards its query needs while it decodes the
/// rest, instead of after. A head's checksum is checked with its rest ([`HeadBody::decode`]):
/// over a 10,000-article head it takes a few ms of a first view before the shards could be
/// asked for, and a damaged head costs at most those requests. (The directory's reader never
/// panics on any bytes: tests/bad_files.rs.)
pub fn open_part(bytes: &[u8]) -> Result<Opened<'_>, BundleError> {
    let (payload, checksum) = framed(bytes)?;
    match postcard::take_from_bytes::<u32>(payload) {
        Ok((HEAD_VARIANT, after)) => match postcard::take_from_bytes(after) {
            Ok((start, body)) => Ok(Opened::Head(start, HeadBody { payload, checksum, body })),
            Err(e) => {
                checked(payload, checksum)?;
                Err(BundleError::Corrupt(e.to_string()))
            }
        },
        _ => read_all(checked(payload, checksum)?).map(Opened::Part),
    }
}

/// `T`, filling the whole of `bytes`.
fn read_all<'de, T: Deserialize<'de>>(bytes: &'de [u8]) -> Result<T, BundleError> {
    let (value, unread): (T, &[u8]) = postcard::take_from_bytes(bytes).map_err(|e| BundleError::Corrupt(e.to_string()))?;
    if !unread.is_empty() {
        return Err(BundleError::Corrupt(format!("{} unexpected trailing bytes", unread.len())));
    }
    Ok(value)
}

/// The payload of a bundle file, once its header says it is whole and undamaged.
fn payload(bytes: &[u8]) -> Result<&[u8], BundleError> {
    let (payload, checksum) = framed(bytes)?;
    checked(payload, checksum)
}

/// The payload of a bundle file and the checksum its header gives, once the header says it is
/// a bundle of this version, and whole.
fn framed(bytes: &[u8]) -> Result<(&[u8], u32), BundleError> {
    let rest = bytes.strip_prefix(MAGIC.as_slice()).ok_or(BundleError::NotABundle)?;
    let (version, rest) = rest.split_at_checked(2).ok_or(BundleError::NotABundle)?;
    let found = u16::from_le_bytes([version[0], version[1]]);
    if found != FORMAT_VERSION {
        return Err(BundleError::Version { found });
    }
    let (length, rest) = rest.split_at_checked(8).ok_or(BundleError::Truncated { expected: HEADER as u64, found: bytes.len() as u64 })?;
    let (checksum, payload) = rest.split_at_checked(4).ok_or(BundleError::Truncated { expected: HEADER as u64, found: bytes.len() as u64 })?;
    let length = u64::from_le_bytes(length.try_into().expect("8 bytes"));
    if (payload.len() as u64) < length {
        return Err(BundleError::Truncated { expected: HEADER as u64 + length, found: bytes.len() as u64 });
    }
    if payload.len() as u64 > length {
        return Err(BundleError::Corrupt(format!("{} unexpected trailing bytes", payload.len() as u64 - length)));
    }
    Ok((payload, u32::from_le_bytes(checksum.try_into().expect("4 bytes"))))
}

/// `payload`, if its checksum is `checksum`.
fn checked(payload: &[u8], checksum: u32) -> Result<&[u8], BundleError> {
    if crc32(payload) != checksum {
        return Err(BundleError::Checksum);
    }
    Ok(payload)
}

/// CRC-32 (IEEE 802.3, as in zip and PNG), eight bytes at a time ("slicing-by-8"): a reader
/// checks an archive's whole head (1.5 MB for 10,000 articles) before showing anything, and
/// this takes a third of the time a byte at a time does.
pub fn crc32(bytes: &[u8]) -> u32 {
    let t = crc_tables();
    let byte = |c: u32, shift: u32| (c >> shift & 0xFF) as usize;
    let mut c = !0u32;
    let mut words = bytes.chunks_exact(8);
    for word in &mut words {
        let lo = c ^ u32::from_le_bytes([word[0], word[1], word[2], word[3]]);
        let hi = u32::from_le_bytes([word[4], word[5], word[6], word[7]]);
        c = t[7][byte(lo, 0)] ^ t[6][byte(lo, 8)] ^ t[5][byte(lo, 16)] ^ t[4][byte(lo, 24)]
            ^ t[3][byte(hi, 0)] ^ t[2][byte(hi, 8)] ^ t[1][byte(hi, 16)] ^ t[0][byte(hi, 24)];
    }
    !words.remainder().iter().fold(c, |c, &b| t[0][byte(c ^ u32::from(b), 0)] ^ (c >> 8))
}

/// `t[0]` is the byte-at-a-time table; `t[k][b]` is the CRC of byte `b` followed by `k` zero
/// bytes. Built on first use: as constants, they would add 8 KB to the reader's download.
fn crc_tables() -> &'static [[u32; 256]; 8] {
    static TABLES: std::sync::OnceLock<Box<[[u32; 256]; 8]>> = std::sync::OnceLock::new();
    TABLES.get_or_init(|| {
        let mut t = Box::new([[0u32; 256]; 8]);
        for i in 0..256 {
            t[0][i] = (0..8).fold(i as u32, |c, _| if c & 1 != 0 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 });
        }
        for k in 1..8 {
            for i in 0..256 {
                let prev = t[k - 1][i];
                t[k][i] = (prev >> 8) ^ t[0][(prev & 0xFF) as usize];
            }
        }
        t
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn crc32_matches_the_standard_check_value() {
        assert_eq!(super::crc32(b"123456789"), 0xCBF4_3926);
    }

    proptest::proptest! {
        #[test]
        fn crc32_eight_at_a_time_matches_one_at_a_time(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..100)) {
            let t = super::crc_tables();
            let slow = !bytes.iter().fold(!0u32, |c, &b| t[0][((c ^ u32::from(b)) & 0xFF) as usize] ^ (c >> 8));
            proptest::prop_assert_eq!(super::crc32(&bytes), slow);
        }
    }
}
