//! The index's terms, in shards: runs of terms sorted by stem, each with its postings and the
//! words (as written) that stem to them. A small bundle keeps one shard inside it; a split
//! bundle ships each shard as its own file, and a shard is filled in only when a query needs
//! it. Term ids are global and fixed at build time, so results computed before a shard arrived
//! still name the right terms after.

use std::sync::OnceLock;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::stored_term::StoredTerm;

/// One stem's postings, in flat arrays (a Vec per posting would cost more than the data).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(into = "StoredTerm", try_from = "StoredTerm")]
pub(super) struct Term {
    pub stem: String,
    /// Passages containing the stem, ascending.
    pub passages: Vec<u32>,
    /// Word positions in passage `passages[i]` are `positions[starts[i]..starts[i + 1]]`.
    pub starts: Vec<u32>,
    pub positions: Vec<u16>,
}

impl Term {
    pub fn positions_in(&self, i: usize) -> &[u16] {
        &self.positions[self.starts[i] as usize..self.starts[i + 1] as usize]
    }

    /// Index of `passage` in this term's postings.
    pub fn find(&self, passage: u32) -> Option<usize> {
        self.passages.binary_search(&passage).ok()
    }

    /// A rough size in bytes, for cutting shards of similar weight.
    fn weight(&self) -> usize {
        self.stem.len() + self.passages.len() * 3 + self.positions.len()
    }
}

/// What a shard file holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShardContent {
    pub(super) terms: Vec<Term>,
    /// Folded words as written whose stem is in this shard, sorted, with their global term id.
    pub(super) words: Vec<(String, u32)>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(super) struct Shard {
    /// The first stem in the shard: a stem belongs to the last shard starting at or before it.
    first_stem: String,
    first_term: u32,
    terms: u32,
    /// Rough size of its postings (see [`Term::weight`]).
    weight: u32,
    #[serde(serialize_with = "content_out", deserialize_with = "content_in")]
    content: OnceLock<ShardContent>,
}

fn content_out<S: Serializer>(cell: &OnceLock<ShardContent>, s: S) -> Result<S::Ok, S::Error> {
    cell.get().serialize(s)
}

fn content_in<'de, D: Deserializer<'de>>(d: D) -> Result<OnceLock<ShardContent>, D::Error> {
    Ok(Option::<ShardContent>::deserialize(d)?.map(OnceLock::from).unwrap_or_default())
}

/// Every term of an index, in one or more shards.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(super) struct Dictionary {
    shards: Vec<Shard>,
    /// The weight the shards were cut to (0 for one whole shard).
    target: u32,
}

/// Returned for terms whose shard has not arrived: no passages.
static MISSING: Term = Term { stem: String::new(), passages: Vec::new(), starts: Vec::new(), positions: Vec::new() };

impl Dictionary {
    /// One loaded shard holding every term.
    pub fn whole(terms: Vec<Term>, words: Vec<(String, u32)>) -> Dictionary {
        let shard = Shard {
            first_stem: String::new(),
            first_term: 0,
            weight: terms.iter().map(Term::weight).sum::<usize>() as u32,
            terms: terms.len() as u32,
            content: OnceLock::from(ShardContent { terms, words }),
        };
        Dictionary { shards: vec![shard], target: 0 }
    }

    /// The same terms cut into shards of about `target` bytes of postings each: this
    /// dictionary with every shard empty (for the bundle's head), and the shards' contents.
    pub fn split(&self, target: usize) -> (Dictionary, Vec<ShardContent>) {
        let mut terms: Vec<&Term> = Vec::new();
        let mut words: Vec<(&str, u32)> = Vec::new();
        for shard in &self.shards {
            // Shards not loaded have nothing to give; splitting is done on whole indexes.
            let Some(content) = shard.content.get() else { continue };
            terms.extend(&content.terms);
            words.extend(content.words.iter().map(|(w, t)| (w.as_str(), *t)));
        }
        // Words grouped by term, so each shard takes the words of its terms.
        words.sort_by_key(|&(_, t)| t);
        let mut heads = Vec::new();
        let mut contents = Vec::new();
        let mut w = 0;
        for (start, end) in cuts(&terms, target) {
            let mut shard_words: Vec<(String, u32)> = Vec::new();
            while w < words.len() && (words[w].1 as usize) < end {
                shard_words.push((words[w].0.to_string(), words[w].1));
                w += 1;
            }
            shard_words.sort();
            heads.push(Shard {
                first_stem: if start == 0 { String::new() } else { terms[start].stem.clone() },
                first_term: start as u32,
                terms: (end - start) as u32,
                weight: terms[start..end].iter().map(|t| t.weight()).sum::<usize>() as u32,
                content: OnceLock::new(),
            });
            contents.push(ShardContent { terms: terms[start..end].iter().map(|t| (*t).clone()).collect(), words: shard_words });
        }
        (Dictionary { shards: heads, target: target as u32 }, contents)
    }

    pub fn shard_count(&self) -> usize {
        self.shards.len()
    }

    /// Fill in shard `i` with its file's content. False when it does not fit (another bundle's
    /// shard, or a damaged one): the shard stays empty.
    pub fn fill(&self, i: usize, content: ShardContent) -> bool {
        let Some(shard) = self.shards.get(i) else { return false };
        let fits = content.terms.len() == shard.terms as usize
            && content.terms.first().is_none_or(|t| t.stem >= shard.first_stem)
            && content.words.iter().all(|&(_, t)| (shard.first_term..shard.first_term + shard.terms).contains(&t));
        fits && (shard.content.get().is_some() || shard.content.set(content).is_ok())
    }

    /// A shard far above the size shards were cut to: one very common word's postings.
    pub fn is_heavy(&self, i: usize) -> bool {
        self.target > 0 && self.shards.get(i).is_some_and(|s| s.weight > 8 * self.target)
    }

    pub fn is_loaded(&self, i: usize) -> bool {
        self.shards.get(i).is_some_and(|s| s.content.get().is_some())
    }

    /// The shard a stem would be in.
    pub fn shard_of(&self, stem: &str) -> usize {
        self.shards.partition_point(|s| s.first_stem.as_str() <= stem).saturating_sub(1)
    }

    /// Shards that may hold stems beginning with `prefix`.
    pub fn shards_from(&self, prefix: &str) -> std::ops::RangeInclusive<usize> {
        let first = self.shard_of(prefix);
        let last = self.shards.partition_point(|s| s.first_stem.as_str() < prefix || s.first_stem.starts_with(prefix));
        first..=last.saturating_sub(1).max(first)
    }

    fn loaded(&self) -> impl Iterator<Item = &ShardContent> {
        self.shards.iter().filter_map(|s| s.content.get())
    }

    pub fn term_id(&self, stem: &str) -> Option<u32> {
        let shard = &self.shards[self.shard_of(stem)];
        let content = shard.content.get()?;
        let i = content.terms.binary_search_by(|t| t.stem.as_str().cmp(stem)).ok()?;
        Some(shard.first_term + i as u32)
    }

    pub fn term(&self, id: u32) -> &Term {
        let i = self.shards.partition_point(|s| s.first_term <= id).saturating_sub(1);
        let Some(shard) = self.shards.get(i) else { return &MISSING };
        shard.content.get().and_then(|c| c.terms.get((id - shard.first_term) as usize)).unwrap_or(&MISSING)
    }

    pub fn len(&self) -> usize {
        self.shards.iter().map(|s| s.terms as usize).sum()
    }

    /// Loaded words beginning with `prefix`, in order, with their terms.
    pub fn words_from<'a>(&'a self, prefix: &'a str) -> Vec<(&'a str, u32)> {
        let mut found: Vec<(&str, u32)> = self
            .loaded()
            .flat_map(|c| {
                let start = c.words.partition_point(|(w, _)| w.as_str() < prefix);
                c.words[start..].iter().take_while(|(w, _)| w.starts_with(prefix)).map(|(w, t)| (w.as_str(), *t))
            })
            .collect();
        found.sort_unstable();
        found
    }

    /// Every loaded word with its term.
    pub fn words(&self) -> impl Iterator<Item = (&str, u32)> {
        self.loaded().flat_map(|c| c.words.iter().map(|(w, t)| (w.as_str(), *t)))
    }

    /// Is `word` (folded) a loaded word of the index?
    pub fn has_word(&self, word: &str) -> bool {
        self.loaded().any(|c| c.words.binary_search_by(|(w, _)| w.as_str().cmp(word)).is_ok())
    }
}

/// Where shards begin and end (`[start, end)` over `terms`): about `target` of weight each, and
/// a term heavier than that alone, so typing a rare word beside "the" does not fetch the
/// postings of "the".
fn cuts(terms: &[&Term], target: usize) -> Vec<(usize, usize)> {
    let mut cuts = Vec::new();
    let (mut start, mut weight) = (0, 0);
    for (i, term) in terms.iter().enumerate() {
        if term.weight() >= target && i > start {
            cuts.push((start, i));
            (start, weight) = (i, 0);
        }
        weight += term.weight();
        if weight >= target || i + 1 == terms.len() {
            cuts.push((start, i + 1));
            (start, weight) = (i + 1, 0);
        }
    }
    cuts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(stem: &str, passages: u32) -> Term {
        Term {
            stem: stem.into(),
            passages: (0..passages).collect(),
            starts: (0..=passages).collect(),
            positions: vec![0; passages as usize],
        }
    }

    #[test]
    fn a_heavy_term_gets_a_shard_of_its_own() {
        let terms = [term("tiz", 2), term("tizi", 2), term("to", 100), term("tob", 2), term("toc", 2)];
        let refs: Vec<&Term> = terms.iter().collect();
        assert_eq!(cuts(&refs, 50), vec![(0, 2), (2, 3), (3, 5)]);
        // Light terms alone are cut by weight: 2 + 8 + 4 = 14 per two terms.
        assert_eq!(cuts(&refs[..2], 20), vec![(0, 2)]);
        assert!(cuts(&[], 50).is_empty());
    }
}
