//! The binary form of a set of parsed articles with their search index, quotes and topics: what
//! the reader's build embeds and what `lectern bundle` writes, so the browser shows and searches
//! them without preparing anything.
//!
//! Layout: `LECTERN\0`, the format version (u16), the payload's length (u64) and its CRC-32
//! (u32), all little-endian, then the payload (postcard). The header lets a reader tell a file
//! that is not a bundle, one of another version, one cut short and one damaged apart, and say so.

use serde::{Deserialize, Serialize};

mod gzip;
mod split;

pub use gzip::{gunzip, is_gzip};
pub use split::{split, ArticlePart, Head, Part, PartRef, PassageTopicsPart, ShardPart, SplitBundle, DEFAULT_SHARD_BYTES};

use crate::model::Article;
use crate::search::SearchIndex;
use crate::topics::Topics;

const MAGIC: &[u8; 8] = b"LECTERN\0";
/// Bumped whenever the serialised model or the header changes shape.
pub const FORMAT_VERSION: u16 = 8;
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
        let extraction = crate::topics::extract(&articles);
        let index = SearchIndex::build_with_topics(&articles, &extraction);
        let topics = Topics::build(&articles, &extraction);
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
    if crc32(payload) != u32::from_le_bytes(checksum.try_into().expect("4 bytes")) {
        return Err(BundleError::Checksum);
    }
    let (part, unread): (Part, &[u8]) = postcard::take_from_bytes(payload).map_err(|e| BundleError::Corrupt(e.to_string()))?;
    if !unread.is_empty() {
        return Err(BundleError::Corrupt(format!("{} unexpected trailing bytes", unread.len())));
    }
    Ok(part)
}

/// CRC-32 (IEEE 802.3, as in zip and PNG), a byte at a time from a table built at compile time.
pub fn crc32(bytes: &[u8]) -> u32 {
    const TABLE: [u32; 256] = {
        let mut table = [0u32; 256];
        let mut i = 0;
        while i < 256 {
            let mut c = i as u32;
            let mut k = 0;
            while k < 8 {
                c = if c & 1 != 0 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
                k += 1;
            }
            table[i] = c;
            i += 1;
        }
        table
    };
    !bytes.iter().fold(!0u32, |c, &b| TABLE[((c ^ u32::from(b)) & 0xFF) as usize] ^ (c >> 8))
}

#[cfg(test)]
mod tests {
    #[test]
    fn crc32_matches_the_standard_check_value() {
        assert_eq!(super::crc32(b"123456789"), 0xCBF4_3926);
    }
}
