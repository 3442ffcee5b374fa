//! The binary form of a set of parsed articles and their search index: what the reader's build
//! embeds, so the browser shows and searches the bundled articles without preparing anything.

use serde::{Deserialize, Serialize};

use crate::model::Article;
use crate::search::SearchIndex;
use crate::topics::Topics;

const MAGIC: &[u8; 8] = b"LECTERN\0";
/// Bumped whenever the serialised model changes shape.
pub const FORMAT_VERSION: u16 = 5;

#[derive(Debug, PartialEq, Eq)]
pub enum BundleError {
    NotABundle,
    Version { found: u16 },
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
    let mut out = MAGIC.to_vec();
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend(postcard::to_allocvec(bundle).expect("a bundle always serialises"));
    out
}

pub fn decode(bytes: &[u8]) -> Result<Bundle, BundleError> {
    let rest = bytes.strip_prefix(MAGIC.as_slice()).ok_or(BundleError::NotABundle)?;
    let (version, payload) = rest.split_at_checked(2).ok_or(BundleError::NotABundle)?;
    let found = u16::from_le_bytes([version[0], version[1]]);
    if found != FORMAT_VERSION {
        return Err(BundleError::Version { found });
    }
    let (bundle, unread): (Bundle, &[u8]) =
        postcard::take_from_bytes(payload).map_err(|e| BundleError::Corrupt(e.to_string()))?;
    if !unread.is_empty() {
        return Err(BundleError::Corrupt(format!("{} unexpected trailing bytes", unread.len())));
    }
    Ok(bundle)
}
