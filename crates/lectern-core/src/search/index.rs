//! The inverted index: which passages (titles, headings, paragraphs) contain which stems. Built
//! at build time for bundled articles and shipped inside the bundle; built in the browser for
//! articles added at run time.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::query::Query;
use super::shards::{Dictionary, ShardContent, Term};
use super::stem::stem;
use super::quoted::QuotedPassages;
use super::sections::{Derived, SectionLayout};
use super::topical::{TopicPassages, TopicTable};
use super::tokenize::tokenize;
use crate::model::Article;
use crate::topics::Extraction;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PassageKind {
    Title,
    Heading,
    Paragraph,
}

/// A searchable piece of an article: its title, a section heading, or a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Passage {
    pub article: u32,
    pub section: u32,
    /// Paragraph index within the section (0 for titles and headings).
    pub paragraph: u32,
    pub kind: PassageKind,
    /// Length in words.
    pub len: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchIndex {
    pub passages: Vec<Passage>,
    /// Terms sorted by stem, with their postings and the words (folded, as written) that stem
    /// to them: words serve prefixes, misspellings and suggestions.
    pub(super) dictionary: Dictionary,
    pub(super) avg_len: f32,
    /// Quotations per passage, for the speaker and "quotes only" filters.
    pub quoted: QuotedPassages,
    /// Topics per passage, for the topic filter.
    pub topical: TopicPassages,
    /// Follows from `passages`, which must not change once it has been asked for.
    #[serde(skip)]
    sections: Derived<SectionLayout>,
}

impl SearchIndex {
    pub fn build<A: AsRef<Article>>(articles: &[A]) -> Self {
        Self::build_with_topics(articles, &crate::topics::extract(articles))
    }

    /// The index, with topics already extracted (the bundle extracts them once for both).
    pub fn build_with_topics<A: AsRef<Article>>(articles: &[A], extraction: &Extraction) -> Self {
        Self::build_with_progress(articles, extraction, &mut crate::progress::Unwatched)
    }

    /// [`SearchIndex::build_with_topics`], counting the articles indexed.
    pub fn build_with_progress<A: AsRef<Article>>(
        articles: &[A],
        extraction: &Extraction,
        progress: &mut dyn crate::progress::Progress,
    ) -> Self {
        progress.step("indexing", articles.len());
        let mut passages = Vec::new();
        let mut terms = TermTable::default();
        let mut total_len = 0u64;
        for (a, article) in articles.iter().enumerate() {
            progress.advance();
            for (passage, text) in passages_of(a as u32, article.as_ref()) {
                let id = passages.len() as u32;
                let tokens = tokenize(text);
                let mut positions: HashMap<u32, Vec<u16>> = HashMap::new();
                for (at, token) in tokens.iter().enumerate() {
                    // Passages beyond 65,535 words keep their words, not their later positions.
                    positions.entry(terms.id(&token.word)).or_default().push(at.min(u16::MAX as usize) as u16);
                }
                for (term, at) in positions {
                    terms.postings[term as usize].push((id, at));
                }
                total_len += tokens.len() as u64;
                passages.push(Passage { len: tokens.len() as u32, ..passage });
            }
        }
        let (terms, words) = terms.sorted();
        let avg_len = if passages.is_empty() { 1.0 } else { total_len as f32 / passages.len() as f32 };
        let quoted = QuotedPassages::build(articles, &passages);
        let topical = TopicPassages::build(&passages, extraction);
        SearchIndex { passages, dictionary: Dictionary::whole(terms, words), avg_len: avg_len.max(1.0), quoted, topical, sections: Derived::default() }
    }

    pub(super) fn term_id(&self, stem: &str) -> Option<u32> {
        self.dictionary.term_id(stem)
    }

    /// The term's postings; none when its shard has not been loaded.
    pub(super) fn term(&self, id: u32) -> &Term {
        self.dictionary.term(id)
    }

    /// How many passages contain the term.
    pub(super) fn doc_freq(&self, id: u32) -> usize {
        self.term(id).passages.len()
    }

    pub fn vocabulary_size(&self) -> usize {
        self.dictionary.len()
    }

    pub(super) fn sections(&self) -> &SectionLayout {
        self.sections.get_or_init(|| SectionLayout::of(&self.passages))
    }
}

/// The text of a passage.
pub fn passage_text<'a>(article: &'a Article, passage: &Passage) -> &'a str {
    let section = || &article.sections[passage.section as usize];
    match passage.kind {
        PassageKind::Title => &article.title,
        PassageKind::Heading => section().heading.as_deref().unwrap_or_default(),
        PassageKind::Paragraph => &section().paragraphs[passage.paragraph as usize],
    }
}

/// The passages of `articles` in order, with no lengths, as the index lays them out: what a
/// split bundle's head must rebuild from its outlines (`bundle/outlines.rs` tests it against this).
#[cfg(test)]
pub(crate) fn passage_layout<A: AsRef<Article>>(articles: &[A]) -> Vec<Passage> {
    articles.iter().enumerate().flat_map(|(a, article)| passages_of(a as u32, article.as_ref()).into_iter().map(|(p, _)| p)).collect()
}

fn passages_of(article: u32, a: &Article) -> Vec<(Passage, &str)> {
    let at = |section: usize, paragraph: usize, kind| Passage {
        article,
        section: section as u32,
        paragraph: paragraph as u32,
        kind,
        len: 0,
    };
    let mut out = vec![(at(0, 0, PassageKind::Title), a.title.as_str())];
    for (s, section) in a.sections.iter().enumerate() {
        if let Some(heading) = &section.heading {
            out.push((at(s, 0, PassageKind::Heading), heading.as_str()));
        }
        for (p, paragraph) in section.paragraphs.iter().enumerate() {
            out.push((at(s, p, PassageKind::Paragraph), paragraph.as_str()));
        }
    }
    out
}

/// Shards fetched to complete a word: completions are the first words in alphabetical order,
/// so the first shard of the range holds most of them, and each keystroke moves on by a
/// shard at most; a two-letter prefix would otherwise fetch hundreds.
const PREFIX_SHARDS: usize = 1;

/// Split indexes: shards filled in as they arrive.
impl SearchIndex {
    /// This index with its terms cut into shards of about `shard_bytes`, every shard empty;
    /// the shards' contents; and the passages' topics, also left out.
    pub fn split(&self, shard_bytes: usize) -> (SearchIndex, Vec<ShardContent>, TopicTable) {
        let (dictionary, contents) = self.dictionary.split(shard_bytes);
        let (topical, table) = self.topical.split();
        let head = SearchIndex { passages: self.passages.clone(), dictionary, avg_len: self.avg_len, quoted: self.quoted.clone(), topical, sections: Derived::default() };
        (head, contents, table)
    }

    /// Fill in the passages' topics. False when the table is not this index's (left out).
    pub fn fill_passage_topics(&self, table: TopicTable) -> bool {
        self.topical.fill(table, self.passages.len())
    }

    pub fn shard_count(&self) -> usize {
        self.dictionary.shard_count()
    }

    /// Fill in shard `i`. False when the content does not belong there (left empty).
    pub fn fill_shard(&self, i: usize, content: ShardContent) -> bool {
        self.dictionary.fill(i, content)
    }

    /// The shards a query needs that are not loaded yet (see [`ShardDirectory::shards_for`]).
    pub fn missing_shards(&self, query: &Query) -> Vec<usize> {
        let mut wanted = self.dictionary.shards_for(query);
        wanted.retain(|&i| !self.dictionary.is_loaded(i));
        wanted
    }

    /// This index as a split bundle's head stores it: the directory of its shards, which a
    /// reader decodes first to ask for a query's shards at once, and the rest. The passages
    /// are left out; they follow from the articles' outlines.
    pub fn into_pieces(self) -> (ShardDirectory, IndexRest) {
        let rest = IndexRest { avg_len: self.avg_len, quoted: self.quoted, topical: self.topical };
        (ShardDirectory(self.dictionary), rest)
    }

    pub fn from_pieces(directory: ShardDirectory, rest: IndexRest, passages: Vec<Passage>) -> SearchIndex {
        let IndexRest { avg_len, quoted, topical } = rest;
        let index = SearchIndex { passages, dictionary: directory.0, avg_len, quoted, topical, sections: Derived::default() };
        // Laid out now, while a reader waits for the first query's shards, rather than in its
        // first search (some 5 ms of a first view at 10,000 articles).
        index.sections();
        index
    }
}

/// Which shard holds which stems, without their postings.
#[derive(Debug, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ShardDirectory(Dictionary);

impl ShardDirectory {
    /// The shards a query needs: each word's stem's shard and, for a word being completed,
    /// those its completions may be in. Misspellings are corrected from the words of those
    /// shards (words sharing the typed word's beginning).
    pub fn shards_for(&self, query: &Query) -> Vec<usize> {
        self.0.shards_for(query)
    }
}

/// An index less its passages and shard directory (see [`SearchIndex::into_pieces`]).
#[derive(Debug, Serialize, Deserialize)]
pub struct IndexRest {
    avg_len: f32,
    quoted: QuotedPassages,
    topical: TopicPassages,
}

impl Dictionary {
    fn shards_for(&self, query: &Query) -> Vec<usize> {
        let mut wanted = Vec::new();
        for clause in &query.clauses {
            for (i, word) in clause.words.iter().enumerate() {
                wanted.push(self.shard_of(&stem(word)));
                if clause.prefix && i + 1 == clause.words.len() {
                    // A stem is its word less an ending, with perhaps its last letter changed.
                    let keep = word.char_indices().nth(word.chars().count().saturating_sub(1).max(2)).map_or(word.len(), |(at, _)| at);
                    // Not a shard of one very common word ("the" while typing "theory"): its
                    // postings would cost more than every other part of the query.
                    let light = |&s: &usize| !self.is_heavy(s);
                    wanted.extend(self.shards_from(&word[..keep]).take(PREFIX_SHARDS).filter(light));
                }
            }
        }
        wanted.sort_unstable();
        wanted.dedup();
        wanted
    }
}

/// Terms as they are met while indexing: each stem numbered when first seen, each word's stem
/// looked up once. Numbers, not strings, in the per-token maps: keyed by strings (and each
/// token's word and stem cloned), indexing 1,000 articles took most of a second.
#[derive(Default)]
struct TermTable {
    ids: HashMap<String, u32>,
    stems: Vec<String>,
    /// By term number: (passage, positions), in passage order.
    postings: Vec<Vec<(u32, Vec<u16>)>>,
    /// Word (folded, as written) → its stem's number.
    words: HashMap<String, u32>,
}

impl TermTable {
    fn id(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.words.get(word) {
            return id;
        }
        let stemmed = stem(word);
        let id = match self.ids.get(&stemmed) {
            Some(&id) => id,
            None => {
                let id = self.stems.len() as u32;
                self.ids.insert(stemmed.clone(), id);
                self.stems.push(stemmed);
                self.postings.push(Vec::new());
                id
            }
        };
        self.words.insert(word.to_string(), id);
        id
    }

    /// The terms sorted by stem, and the words sorted, each naming its term's place.
    fn sorted(self) -> (Vec<Term>, Vec<(String, u32)>) {
        let mut order: Vec<usize> = (0..self.stems.len()).collect();
        order.sort_by(|&a, &b| self.stems[a].cmp(&self.stems[b]));
        let mut place = vec![0u32; order.len()];
        for (i, &id) in order.iter().enumerate() {
            place[id] = i as u32;
        }
        let mut stems: Vec<Option<String>> = self.stems.into_iter().map(Some).collect();
        let mut postings: Vec<Vec<(u32, Vec<u16>)>> = self.postings;
        let terms = order
            .iter()
            .map(|&id| {
                let stem = stems[id].take().unwrap_or_default();
                let mut term = Term { stem, passages: Vec::new(), starts: vec![0], positions: Vec::new() };
                for (passage, at) in std::mem::take(&mut postings[id]) {
                    term.passages.push(passage);
                    term.positions.extend(at);
                    term.starts.push(term.positions.len() as u32);
                }
                term
            })
            .collect();
        let mut words: Vec<(String, u32)> = self.words.into_iter().map(|(w, id)| (w, place[id as usize])).collect();
        words.sort_unstable();
        (terms, words)
    }
}
