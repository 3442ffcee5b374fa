//! Split bundles, for archives too large to fetch whole: a head with what the reader needs
//! first (the article list, passage table, speaker filter, topic map and where each term's
//! shard is), then one file per index shard, one per article and one with the topic filter's
//! table, fetched when a query or the reader needs them, as Pagefind does. Each part names the
//! bundle it belongs to, so a part from another build is refused rather than mixed in.

use serde::{Deserialize, Serialize};

use super::{ArticleSet, Bundle, BundleError};
use super::outlines::{Outlines, Varints};
use crate::model::Article;
use crate::search::{IndexRest, Query, SearchIndex, ShardContent, ShardDirectory, TopicTable};
use crate::topics::{TopicMap, Topics};

/// Postings per shard file, before compression: small enough that a query fetches little (each
/// letter typed may move to another shard), large enough that a 10,000-article archive is a
/// few thousand files, not a million.
pub const DEFAULT_SHARD_BYTES: usize = 1_500;

/// What any bundle file holds. Serialised like [`PartRef`], which writes it without copying.
/// One is held at a time, as a file is read: its variants' sizes do not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Deserialize)]
pub enum Part {
    Whole(Bundle),
    Head(Head),
    Shard(ShardPart),
    Article(ArticlePart),
    PassageTopics(PassageTopicsPart),
}

#[derive(Debug, Serialize)]
pub enum PartRef<'a> {
    Whole(&'a Bundle),
    Head(&'a Head),
    Shard(&'a ShardPart),
    Article(&'a ArticlePart),
    PassageTopics(&'a PassageTopicsPart),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(into = "StoredHead", try_from = "StoredHead")]
pub struct Head {
    /// Shared by every part of one bundle.
    pub bundle: u32,
    /// Every article without its text: headings and paragraphs are empty strings (their
    /// count kept) and quotations are left out, so the list and filters work before any text.
    /// The file name is left out too: nothing needs it before the text. A decoded head builds
    /// each when first asked for.
    pub articles: ArticleSet,
    /// The index without its terms: which shard holds a stem is known, its postings are not.
    pub index: SearchIndex,
    /// Topics and the map of all articles; per-article maps travel with each article.
    pub topics: Topics,
    /// The first article's part: the reader opens it at once, without another round trip.
    pub first: Option<ArticlePart>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShardPart {
    pub bundle: u32,
    pub shard: u32,
    pub content: ShardContent,
}

/// Which passages mention which topics: the topic filter's table, the head's largest piece
/// otherwise, fetched when that filter is first used.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PassageTopicsPart {
    pub bundle: u32,
    pub table: TopicTable,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticlePart {
    pub bundle: u32,
    pub article: u32,
    pub text: Article,
    pub map: TopicMap,
}

pub struct SplitBundle {
    pub head: Head,
    pub shards: Vec<ShardPart>,
    pub articles: Vec<ArticlePart>,
    pub passage_topics: PassageTopicsPart,
}

impl SplitBundle {
    /// The file each part is written to, relative to the head's folder.
    pub fn head_name() -> &'static str {
        "index.lectern"
    }

    pub fn shard_name(i: usize) -> String {
        format!("s/{i}.lectern")
    }

    pub fn article_name(i: usize) -> String {
        format!("a/{i}.lectern")
    }

    pub fn passage_topics_name() -> &'static str {
        "passage-topics.lectern"
    }
}

/// Cut a bundle into a head, shards of about `shard_bytes` of postings, and one part per article.
pub fn split(bundle: Bundle, shard_bytes: usize) -> SplitBundle {
    let id = super::crc32(&super::encode(&bundle));
    let (index, contents, table) = bundle.index.split(shard_bytes);
    let Topics { topics, all, per_article } = bundle.topics;
    let stubs = ArticleSet::from(bundle.articles.iter().map(without_text).collect::<Vec<_>>());
    let articles: Vec<ArticlePart> = bundle
        .articles
        .into_iter()
        .zip(per_article.into_iter().chain(std::iter::repeat_with(TopicMap::default)))
        .enumerate()
        .map(|(i, (text, map))| ArticlePart { bundle: id, article: i as u32, text, map })
        .collect();
    let shards = contents.into_iter().enumerate().map(|(i, content)| ShardPart { bundle: id, shard: i as u32, content }).collect();
    let first = articles.first().cloned();
    let topics = Topics { topics, all, per_article: Vec::new() };
    let passage_topics = PassageTopicsPart { bundle: id, table };
    SplitBundle { head: Head { bundle: id, articles: stubs, index, topics, first }, shards, articles, passage_topics }
}

fn without_text(article: &Article) -> Article {
    let mut stub = Article { quotes: Vec::new(), file: String::new(), ..article.clone() };
    for section in &mut stub.sections {
        section.heading.iter_mut().for_each(String::clear);
        section.paragraphs.iter_mut().for_each(|p| *p = String::new());
    }
    stub
}

/// A head as stored: first what finding a query's shards takes ([`HeadStart`]), then the rest,
/// so a reader can ask for the shards before it decodes the articles' outlines (most of the
/// head). The passage table, which follows from the outlines, is kept as passage lengths
/// alone (a fifth of its size).
#[derive(Serialize, Deserialize)]
struct StoredHead {
    start: HeadStart,
    rest: HeadRest,
}

/// The beginning of a split bundle's head: see [`super::open_part`].
#[derive(Debug, Serialize, Deserialize)]
pub struct HeadStart {
    pub bundle: u32,
    shards: ShardDirectory,
}

impl HeadStart {
    /// The shards answering `query` needs: fetch them while [`HeadBody::decode`] runs.
    pub fn shards_for(&self, query: &Query) -> Vec<usize> {
        self.shards.shards_for(query)
    }
}

#[derive(Serialize, Deserialize)]
struct HeadRest {
    articles: Outlines,
    index: IndexRest,
    /// Each passage's length in words.
    lens: Varints,
    topics: Topics,
    first: Option<ArticlePart>,
}

/// The undecoded rest of a head that [`super::open_part`] stopped at, with what checking the
/// whole head's checksum takes.
pub struct HeadBody<'a> {
    pub(super) payload: &'a [u8],
    pub(super) checksum: u32,
    pub(super) body: &'a [u8],
}

impl HeadBody<'_> {
    pub fn decode(self, start: HeadStart) -> Result<Head, BundleError> {
        super::checked(self.payload, self.checksum)?;
        let rest = super::read_all(self.body)?;
        Head::try_from(StoredHead { start, rest }).map_err(BundleError::Corrupt)
    }
}

impl From<Head> for StoredHead {
    fn from(mut head: Head) -> StoredHead {
        let lens = std::mem::take(&mut head.index.passages).into_iter().map(|p| u64::from(p.len)).collect();
        let (shards, index) = head.index.into_pieces();
        StoredHead {
            start: HeadStart { bundle: head.bundle, shards },
            rest: HeadRest { articles: Outlines::of(head.articles.iter().map(|a| &**a)), index, lens, topics: head.topics, first: head.first },
        }
    }
}

impl TryFrom<StoredHead> for Head {
    type Error = String;

    fn try_from(StoredHead { start, rest }: StoredHead) -> Result<Head, String> {
        let (outlines, passages) = rest.articles.open(&rest.lens)?;
        let index = SearchIndex::from_pieces(start.shards, rest.index, passages);
        Ok(Head { bundle: start.bundle, articles: ArticleSet::outlined(outlines), index, topics: rest.topics, first: rest.first })
    }
}
