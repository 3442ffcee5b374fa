//! Answering a query: score passages with BM25 (titles and headings weigh more), check phrases
//! and exclusions against word positions, rank passages that match more of the query first,
//! then apply filters and count what each filter value would give.

use std::collections::BTreeMap;

use super::filter::{label_of, passes, values_of, FacetCount, Filter, FilterKind};
use super::index::{PassageKind, SearchIndex};
use super::query::Query;
use super::resolve::{near_words, resolve, ResolvedClause};
use crate::model::Article;

const K1: f32 = 1.2;
const B: f32 = 0.75;
/// A phrase found as a phrase, or query words found side by side, beat the same words apart.
const PHRASE_BOOST: f32 = 1.5;
const ADJACENT_BOOST: f32 = 1.25;
/// Ranked hits returned; the count covers them all.
pub const MAX_HITS: usize = 500;
const MAX_SUGGESTIONS: usize = 5;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    pub passage: u32,
    pub score: f32,
    /// How many of the query's positive clauses this passage matches.
    pub matched: u32,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchResults {
    /// Best first, at most [`MAX_HITS`].
    pub hits: Vec<Hit>,
    /// Every matching passage after filters, including those beyond `hits`.
    pub total: usize,
    /// Positive clauses in the query.
    pub clauses: u32,
    pub facets: Vec<FacetCount>,
    /// Existing words near the query's words, offered when nothing matched.
    pub suggestions: Vec<String>,
    /// Terms to mark in text (sorted), for [`super::highlight`].
    pub marked_terms: Vec<u32>,
}

impl SearchResults {
    /// Matching passages per article (index into the article list), from the article facet.
    pub fn count_for(&self, kind: FilterKind, value: &str) -> usize {
        self.facets.iter().find(|f| f.kind == kind && f.value == value).map_or(0, |f| f.count)
    }
}

pub fn search<A: AsRef<Article>>(
    index: &SearchIndex,
    articles: &[A],
    query: &Query,
    filters: &[Filter],
) -> SearchResults {
    let resolved: Vec<ResolvedClause> = query.clauses.iter().map(|c| resolve(index, c)).collect();
    let (negative, positive): (Vec<_>, Vec<_>) = resolved.into_iter().partition(|c| c.negated);
    if positive.is_empty() && filters.is_empty() {
        return SearchResults::default();
    }
    let mut scores = vec![0f32; index.passages.len()];
    let mut masks = vec![0u32; index.passages.len()];
    if positive.is_empty() {
        // Filters alone list every paragraph they allow, in reading order.
        for (p, passage) in index.passages.iter().enumerate() {
            masks[p] = u32::from(passage.kind == PassageKind::Paragraph);
        }
    }
    for (ci, clause) in positive.iter().enumerate() {
        score_clause(index, clause, 1 << ci, &mut scores, &mut masks);
    }
    for clause in &negative {
        for p in matching_passages(index, clause) {
            masks[p as usize] = 0;
        }
    }
    boost_adjacent_words(index, &positive, &masks, &mut scores);

    let matching: Vec<u32> = (0..masks.len() as u32).filter(|&p| masks[p as usize] != 0).collect();
    let facets = facet_counts(index, articles, filters, &matching);
    let mut hits: Vec<Hit> = matching
        .iter()
        .filter(|&&p| passes(filters, None, articles, &index.passages[p as usize]))
        .map(|&p| Hit { passage: p, score: scores[p as usize], matched: masks[p as usize].count_ones() })
        .collect();
    let total = hits.len();
    rank(&mut hits);
    let suggestions = if total == 0 { suggest(index, query) } else { Vec::new() };
    let mut marked_terms: Vec<u32> = positive.iter().flat_map(|c| c.terms()).collect();
    marked_terms.sort_unstable();
    marked_terms.dedup();
    SearchResults { hits, total, clauses: positive.len() as u32, facets, suggestions, marked_terms }
}

fn score_clause(index: &SearchIndex, clause: &ResolvedClause, bit: u32, scores: &mut [f32], masks: &mut [u32]) {
    if clause.is_phrase() {
        for p in matching_passages(index, clause) {
            let score: f32 = clause
                .words
                .iter()
                .filter_map(|alts| alts.iter().find_map(|a| term_score(index, a.term, p).map(|s| s * a.weight)))
                .sum();
            scores[p as usize] += score * PHRASE_BOOST;
            masks[p as usize] |= bit;
        }
        return;
    }
    for alt in &clause.words[0] {
        let term = index.term(alt.term);
        for (i, &p) in term.passages.iter().enumerate() {
            let tf = term.positions_in(i).len();
            scores[p as usize] += alt.weight * bm25(index, alt.term, p, tf);
            masks[p as usize] |= bit;
        }
    }
}

fn term_score(index: &SearchIndex, term: u32, passage: u32) -> Option<f32> {
    let t = index.term(term);
    let i = t.find(passage)?;
    Some(bm25(index, term, passage, t.positions_in(i).len()))
}

fn bm25(index: &SearchIndex, term: u32, passage: u32, tf: usize) -> f32 {
    let n = index.passages.len() as f32;
    let df = index.doc_freq(term) as f32;
    let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
    let p = &index.passages[passage as usize];
    let tf = tf as f32;
    let norm = tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * p.len as f32 / index.avg_len));
    let field = match p.kind {
        PassageKind::Title => 3.0,
        PassageKind::Heading => 2.0,
        PassageKind::Paragraph => 1.0,
    };
    idf * norm * field
}

/// Passages where the clause occurs: any alternative of a single word; for a phrase, the words
/// at consecutive positions.
fn matching_passages(index: &SearchIndex, clause: &ResolvedClause) -> Vec<u32> {
    let mut found: Vec<u32> = Vec::new();
    for first in &clause.words[0] {
        let term = index.term(first.term);
        for (i, &p) in term.passages.iter().enumerate() {
            let starts = term.positions_in(i);
            if !clause.is_phrase() || starts.iter().any(|&s| phrase_continues(index, clause, p, s)) {
                found.push(p);
            }
        }
    }
    found.sort_unstable();
    found.dedup();
    found
}

/// Do words 1.. of the phrase follow position `start` in passage `p`?
fn phrase_continues(index: &SearchIndex, clause: &ResolvedClause, p: u32, start: u16) -> bool {
    clause.words[1..].iter().enumerate().all(|(k, alts)| {
        let want = start as usize + k + 1;
        alts.iter().any(|a| has_position(index, a.term, p, want))
    })
}

fn has_position(index: &SearchIndex, term: u32, passage: u32, at: usize) -> bool {
    let t = index.term(term);
    t.find(passage).is_some_and(|i| t.positions_in(i).binary_search(&(at as u16)).is_ok())
}

/// Query words typed one after another that also stand side by side in a passage: the passage
/// holds the phrase the reader probably meant.
fn boost_adjacent_words(index: &SearchIndex, clauses: &[ResolvedClause], masks: &[u32], scores: &mut [f32]) {
    for (ci, pair) in clauses.windows(2).enumerate() {
        if pair[0].is_phrase() || pair[1].is_phrase() {
            continue;
        }
        let both = (1u32 << ci) | (1u32 << (ci + 1));
        for alt in &pair[0].words[0] {
            let term = index.term(alt.term);
            for (i, &p) in term.passages.iter().enumerate() {
                if masks[p as usize] & both != both {
                    continue;
                }
                let adjacent = term.positions_in(i).iter().any(|&s| {
                    pair[1].words[0].iter().any(|b| has_position(index, b.term, p, s as usize + 1))
                });
                if adjacent {
                    scores[p as usize] *= ADJACENT_BOOST;
                }
            }
        }
    }
}

/// More clauses matched first, then higher score, then reading order. Only the best
/// [`MAX_HITS`] are sorted: nobody reads further, and sorting everything costs the most.
fn rank(hits: &mut Vec<Hit>) {
    let order = |a: &Hit, b: &Hit| {
        b.matched.cmp(&a.matched).then(b.score.total_cmp(&a.score)).then(a.passage.cmp(&b.passage))
    };
    if hits.len() > MAX_HITS {
        hits.select_nth_unstable_by(MAX_HITS, order);
        hits.truncate(MAX_HITS);
    }
    hits.sort_unstable_by(order);
}

fn facet_counts<A: AsRef<Article>>(
    index: &SearchIndex,
    articles: &[A],
    filters: &[Filter],
    matching: &[u32],
) -> Vec<FacetCount> {
    let mut facets = Vec::new();
    for kind in FilterKind::ALL {
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        for &p in matching {
            let passage = &index.passages[p as usize];
            if passes(filters, Some(kind), articles, passage) {
                for value in values_of(kind, articles, passage) {
                    *counts.entry(value).or_default() += 1;
                }
            }
        }
        for f in filters.iter().filter(|f| f.kind == kind) {
            counts.entry(f.value.clone()).or_default();
        }
        for (value, count) in counts {
            let Some(label) = label_of(kind, articles, &value) else { continue };
            let active = filters.iter().any(|f| f.kind == kind && f.value == value);
            facets.push(FacetCount { kind, value, label, count, active });
        }
    }
    facets
}

/// Words that do exist and are close to what was typed, most used first.
fn suggest(index: &SearchIndex, query: &Query) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in query.clauses.iter().filter(|c| !c.negated).flat_map(|c| &c.words) {
        let max = (word.chars().count() / 3).clamp(1, 3);
        for (_, near, _) in near_words(index, word, max).into_iter().take(MAX_SUGGESTIONS) {
            if !out.iter().any(|w| w == near) {
                out.push(near.to_string());
            }
        }
    }
    out.truncate(MAX_SUGGESTIONS);
    out
}
