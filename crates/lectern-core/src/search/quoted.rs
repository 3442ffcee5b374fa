//! Which passages hold quotations, whose they are, and which of their words are quoted: what the
//! speaker filter and "quotes only" need, built with the index so a search never re-reads text.

use serde::{Deserialize, Serialize};

use super::index::{Passage, PassageKind};
use super::tokenize::tokenize;
use crate::model::Article;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct QuotedPassages {
    /// Every named speaker in the set, sorted: the speaker filter's values.
    pub speakers: Vec<String>,
    /// Ascending by passage.
    passages: Vec<QuotedPassage>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct QuotedPassage {
    passage: u32,
    /// Indices into `speakers`, ascending, without repeats.
    speakers: Vec<u32>,
    /// Word positions inside quotations, as `[from, to)` ranges.
    spans: Vec<(u16, u16)>,
}

impl QuotedPassages {
    pub(super) fn build<A: AsRef<Article>>(articles: &[A], passages: &[Passage]) -> Self {
        let mut speakers: Vec<String> = articles
            .iter()
            .flat_map(|a| a.as_ref().quotes.iter().filter_map(|q| q.speaker.clone()))
            .collect();
        speakers.sort_unstable();
        speakers.dedup();
        let mut out = Vec::new();
        for (id, p) in passages.iter().enumerate().filter(|(_, p)| p.kind == PassageKind::Paragraph) {
            let article = articles[p.article as usize].as_ref();
            let quotes: Vec<_> = article
                .quotes
                .iter()
                .filter(|q| q.section == p.section as usize && q.paragraph == p.paragraph as usize)
                .collect();
            if quotes.is_empty() {
                continue;
            }
            let mut ids: Vec<u32> = quotes
                .iter()
                .filter_map(|q| q.speaker.as_ref())
                .filter_map(|s| speakers.binary_search(s).ok().map(|i| i as u32))
                .collect();
            ids.sort_unstable();
            ids.dedup();
            let tokens = tokenize(&article.sections[p.section as usize].paragraphs[p.paragraph as usize]);
            let spans = quotes
                .iter()
                .filter_map(|q| {
                    let inside = |t: &&super::tokenize::Token| t.start >= q.start && t.end <= q.end;
                    let from = tokens.iter().position(|t| inside(&t))?;
                    let to = tokens.iter().rposition(|t| inside(&t))? + 1;
                    Some((from.min(u16::MAX as usize) as u16, to.min(u16::MAX as usize) as u16))
                })
                .collect();
            out.push(QuotedPassage { passage: id as u32, speakers: ids, spans });
        }
        QuotedPassages { speakers, passages: out }
    }

    /// (passage, speakers) for every quoted passage, ascending: for merging with other
    /// ascending passage lists instead of searching per passage.
    pub(super) fn table(&self) -> impl Iterator<Item = (u32, &[u32])> {
        self.passages.iter().map(|q| (q.passage, q.speakers.as_slice()))
    }

    fn get(&self, passage: u32) -> Option<&QuotedPassage> {
        let i = self.passages.binary_search_by_key(&passage, |q| q.passage).ok()?;
        Some(&self.passages[i])
    }

    pub fn is_quoted(&self, passage: u32) -> bool {
        self.get(passage).is_some()
    }

    /// Speaker indices of the passage's quotations.
    pub fn speakers_of(&self, passage: u32) -> &[u32] {
        self.get(passage).map_or(&[], |q| &q.speakers)
    }

    /// Is the word at `position` of the passage inside a quotation?
    pub fn is_quoted_word(&self, passage: u32, position: u16) -> bool {
        self.get(passage).is_some_and(|q| q.spans.iter().any(|&(from, to)| from <= position && position < to))
    }

    pub fn speaker_index(&self, name: &str) -> Option<u32> {
        self.speakers.binary_search_by(|s| s.as_str().cmp(name)).ok().map(|i| i as u32)
    }
}
