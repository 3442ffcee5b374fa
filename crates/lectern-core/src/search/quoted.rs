//! Which passages hold quotations, whose they are, and which of their words are quoted: what the
//! speaker filter and "quotes only" need, built with the index so a search never re-reads text.

use serde::de::{self, DeserializeSeed, Deserializer, SeqAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use super::index::{Passage, PassageKind};
use super::tokenize::tokenize;
use crate::model::Article;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct QuotedPassages {
    /// Every named speaker in the set, sorted: the speaker filter's values.
    pub speakers: Vec<String>,
    /// Ascending by passage.
    passages: QuotedTable,
}

/// Each quoted passage's speakers and quoted words, in three flat arrays rather than two small
/// vectors per passage: a 10,000-article archive has some 20,000 quoted passages, and their
/// allocations were a large part of decoding its head before the first view. Stored as the
/// list of [`QuotedPassage`]s it replaced, so bundles written before read the same.
#[derive(Debug, Clone, Default, PartialEq)]
struct QuotedTable {
    passages: Vec<u32>,
    /// Per passage, where its speakers and spans end in the two arrays below (each starts
    /// where the passage before it ends).
    ends: Vec<(u32, u32)>,
    speakers: Vec<u32>,
    spans: Vec<(u16, u16)>,
}

/// One quoted passage, as stored.
#[derive(Serialize)]
struct QuotedPassage<'a> {
    passage: u32,
    /// Indices into `speakers`, ascending, without repeats.
    speakers: &'a [u32],
    /// Word positions inside quotations, as `[from, to)` ranges.
    spans: &'a [(u16, u16)],
}

impl QuotedPassages {
    pub(super) fn build<A: AsRef<Article>>(articles: &[A], passages: &[Passage]) -> Self {
        let mut speakers: Vec<String> = articles
            .iter()
            .flat_map(|a| a.as_ref().quotes.iter().filter_map(|q| q.speaker.clone()))
            .collect();
        speakers.sort_unstable();
        speakers.dedup();
        let mut out = QuotedTable::default();
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
                .collect::<Vec<_>>();
            out.push(QuotedPassage { passage: id as u32, speakers: &ids, spans: &spans });
        }
        QuotedPassages { speakers, passages: out }
    }

    /// (passage, speakers) for every quoted passage, ascending: for merging with other
    /// ascending passage lists instead of searching per passage.
    pub(super) fn table(&self) -> impl Iterator<Item = (u32, &[u32])> {
        (0..self.passages.passages.len()).map(|i| {
            let row = self.passages.row(i);
            (row.passage, row.speakers)
        })
    }

    fn get(&self, passage: u32) -> Option<QuotedPassage<'_>> {
        let i = self.passages.passages.binary_search(&passage).ok()?;
        Some(self.passages.row(i))
    }

    pub fn is_quoted(&self, passage: u32) -> bool {
        self.get(passage).is_some()
    }

    /// Speaker indices of the passage's quotations.
    pub fn speakers_of(&self, passage: u32) -> &[u32] {
        self.get(passage).map_or(&[], |q| q.speakers)
    }

    /// Is the word at `position` of the passage inside a quotation?
    pub fn is_quoted_word(&self, passage: u32, position: u16) -> bool {
        self.get(passage).is_some_and(|q| q.spans.iter().any(|&(from, to)| from <= position && position < to))
    }

    pub fn speaker_index(&self, name: &str) -> Option<u32> {
        self.speakers.binary_search_by(|s| s.as_str().cmp(name)).ok().map(|i| i as u32)
    }
}

impl QuotedTable {
    fn push(&mut self, row: QuotedPassage) {
        self.passages.push(row.passage);
        self.speakers.extend_from_slice(row.speakers);
        self.spans.extend_from_slice(row.spans);
        self.ends.push((self.speakers.len() as u32, self.spans.len() as u32));
    }

    fn row(&self, i: usize) -> QuotedPassage<'_> {
        let (from_speakers, from_spans) = if i == 0 { (0, 0) } else { self.ends[i - 1] };
        let (to_speakers, to_spans) = self.ends[i];
        QuotedPassage {
            passage: self.passages[i],
            speakers: &self.speakers[from_speakers as usize..to_speakers as usize],
            spans: &self.spans[from_spans as usize..to_spans as usize],
        }
    }
}

impl Serialize for QuotedTable {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq((0..self.passages.len()).map(|i| self.row(i)))
    }
}

/// Read straight into the flat arrays: each stored passage appends to them.
impl<'de> Deserialize<'de> for QuotedTable {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<QuotedTable, D::Error> {
        struct Rows;
        impl<'de> Visitor<'de> for Rows {
            type Value = QuotedTable;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a list of quoted passages")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<QuotedTable, A::Error> {
                let mut table = QuotedTable::default();
                while seq.next_element_seed(Row(&mut table))?.is_some() {}
                Ok(table)
            }
        }
        d.deserialize_seq(Rows)
    }
}

struct Row<'a>(&'a mut QuotedTable);

impl<'de> DeserializeSeed<'de> for Row<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_struct("QuotedPassage", &["passage", "speakers", "spans"], self)
    }
}

impl<'de> Visitor<'de> for Row<'_> {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a quoted passage")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let missing = || de::Error::custom("a quoted passage is cut short");
        let table = self.0;
        table.passages.push(seq.next_element()?.ok_or_else(missing)?);
        seq.next_element_seed(Append(&mut table.speakers))?.ok_or_else(missing)?;
        seq.next_element_seed(Append(&mut table.spans))?.ok_or_else(missing)?;
        table.ends.push((table.speakers.len() as u32, table.spans.len() as u32));
        Ok(())
    }
}

/// A stored list, appended to a vector instead of read into one of its own.
struct Append<'a, T>(&'a mut Vec<T>);

impl<'de, T: Deserialize<'de>> DeserializeSeed<'de> for Append<'_, T> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de, T: Deserialize<'de>> Visitor<'de> for Append<'_, T> {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a list")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(item) = seq.next_element()? {
            self.0.push(item);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The flat table is stored exactly as the list of passages it replaced was.
    #[test]
    fn stored_as_a_list_of_passages() {
        #[derive(Serialize, Deserialize, PartialEq, Debug)]
        struct Before {
            passage: u32,
            speakers: Vec<u32>,
            spans: Vec<(u16, u16)>,
        }
        let before = vec![
            Before { passage: 3, speakers: vec![0, 2], spans: vec![(1, 4)] },
            Before { passage: 9, speakers: vec![], spans: vec![(0, 2), (5, 300)] },
            Before { passage: 70_000, speakers: vec![1], spans: vec![] },
        ];
        let bytes = postcard::to_allocvec(&before).unwrap();
        let table: QuotedTable = postcard::from_bytes(&bytes).unwrap();
        assert_eq!(postcard::to_allocvec(&table).unwrap(), bytes);
        let quoted = QuotedPassages { speakers: vec!["A".into(), "B".into(), "C".into()], passages: table };
        assert_eq!(quoted.speakers_of(3), [0, 2]);
        assert_eq!(quoted.speakers_of(4), [] as [u32; 0]);
        assert!(quoted.is_quoted_word(9, 299) && !quoted.is_quoted_word(9, 300) && !quoted.is_quoted_word(70_000, 0));
        assert_eq!(quoted.table().map(|(p, s)| (p, s.to_vec())).collect::<Vec<_>>(), [(3, vec![0, 2]), (9, vec![]), (70_000, vec![1])]);
        let cut = &bytes[..bytes.len() - 2];
        assert!(postcard::from_bytes::<QuotedTable>(cut).is_err());
    }
}
