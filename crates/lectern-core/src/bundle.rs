//! The binary form of a set of parsed articles: what the reader's build embeds, so the browser
//! shows the bundled articles without parsing them again.

use serde::{Deserialize, Serialize};

use crate::model::Article;

const MAGIC: &[u8; 8] = b"LECTERN\0";
/// Bumped whenever the serialised model changes shape.
pub const FORMAT_VERSION: u16 = 1;

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

#[derive(Serialize, Deserialize)]
struct Payload {
    articles: Vec<Article>,
}

pub fn encode(articles: &[Article]) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    let payload = Payload { articles: articles.to_vec() };
    out.extend(postcard::to_allocvec(&payload).expect("articles always serialise"));
    out
}

pub fn decode(bytes: &[u8]) -> Result<Vec<Article>, BundleError> {
    let rest = bytes.strip_prefix(MAGIC.as_slice()).ok_or(BundleError::NotABundle)?;
    let (version, payload) = rest.split_at_checked(2).ok_or(BundleError::NotABundle)?;
    let found = u16::from_le_bytes([version[0], version[1]]);
    if found != FORMAT_VERSION {
        return Err(BundleError::Version { found });
    }
    let (payload, unread): (Payload, &[u8]) =
        postcard::take_from_bytes(payload).map_err(|e| BundleError::Corrupt(e.to_string()))?;
    if !unread.is_empty() {
        return Err(BundleError::Corrupt(format!("{} unexpected trailing bytes", unread.len())));
    }
    Ok(payload.articles)
}
