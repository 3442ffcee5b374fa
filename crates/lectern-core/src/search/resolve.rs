//! From the words a reader typed to the index's terms: the word's stem, the words it begins
//! (while it is being typed) and, when the word is not in the index at all, near misspellings.

use super::fuzzy::{allowed_edits, distance_within};
use super::index::SearchIndex;
use super::query::Clause;
use super::stem::stem;

/// Weights relative to an exact (stem) match: completions and corrections rank below it.
const PREFIX_WEIGHT: f32 = 0.8;
const FUZZY_WEIGHT: f32 = 0.5;
/// Completions of a short prefix beyond this many add noise, not recall.
const MAX_COMPLETIONS: usize = 64;
const MAX_CORRECTIONS: usize = 8;
/// A single typed letter completes to too many words to mean anything (and marking them all
/// costs the most): completion starts at the second letter.
const MIN_PREFIX_CHARS: usize = 2;

/// A term the word may match, with its weight.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Alternative {
    pub term: u32,
    pub weight: f32,
}

#[derive(Debug, Clone)]
pub struct ResolvedClause {
    pub negated: bool,
    /// One list per word of the clause; a phrase needs every word, in order.
    pub words: Vec<Vec<Alternative>>,
}

impl ResolvedClause {
    pub fn is_phrase(&self) -> bool {
        self.words.len() > 1
    }

    /// Every term this clause can match.
    pub fn terms(&self) -> impl Iterator<Item = u32> + '_ {
        self.words.iter().flatten().map(|a| a.term)
    }
}

pub fn resolve(index: &SearchIndex, clause: &Clause) -> ResolvedClause {
    let last = clause.words.len() - 1;
    let words = clause
        .words
        .iter()
        .enumerate()
        .map(|(i, word)| {
            let mut alts: Vec<Alternative> = index
                .term_id(&stem(word))
                .map(|term| Alternative { term, weight: 1.0 })
                .into_iter()
                .collect();
            if clause.prefix && i == last && word.chars().count() >= MIN_PREFIX_CHARS {
                add(&mut alts, completions(index, word), PREFIX_WEIGHT);
            }
            if alts.is_empty() && !clause.quoted && !clause.negated {
                add(&mut alts, corrections(index, word).into_iter(), FUZZY_WEIGHT);
            }
            alts
        })
        .collect();
    ResolvedClause { negated: clause.negated, words }
}

fn add(alts: &mut Vec<Alternative>, terms: impl Iterator<Item = u32>, weight: f32) {
    for term in terms {
        if !alts.iter().any(|a| a.term == term) {
            alts.push(Alternative { term, weight });
        }
    }
}

/// Terms of the indexed words that begin with `prefix`.
fn completions<'a>(index: &'a SearchIndex, prefix: &'a str) -> impl Iterator<Item = u32> + 'a {
    index.dictionary.words_from(prefix).into_iter().map(|(_, term)| term).take(MAX_COMPLETIONS)
}

/// Terms of the indexed words within a few edits of `word` (none for short words), nearest first.
fn corrections(index: &SearchIndex, word: &str) -> Vec<u32> {
    let mut terms: Vec<u32> = near_words(index, word, allowed_edits(word.chars().count()))
        .into_iter()
        .map(|(_, _, term)| term)
        .collect();
    terms.dedup();
    terms.truncate(MAX_CORRECTIONS);
    terms
}

/// Indexed words within `max` edits of `word`: (distance, word, term), nearest first.
pub fn near_words<'a>(index: &'a SearchIndex, word: &str, max: usize) -> Vec<(usize, &'a str, u32)> {
    if max == 0 {
        return Vec::new();
    }
    let mut near: Vec<(usize, &str, u32)> = index
        .dictionary
        .words()
        .filter_map(|(w, term)| distance_within(word, w, max).map(|d| (d, w, term)))
        .filter(|&(d, _, _)| d > 0)
        .collect();
    near.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| index.doc_freq(b.2).cmp(&index.doc_freq(a.2))));
    near
}
