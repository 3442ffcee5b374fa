//! Answering a query: score passages with BM25 (titles and headings weigh more), check phrases
//! and exclusions against word positions, rank passages that match more of the query first,
//! then apply filters and count what each filter value would give.

use super::filter::{section_label, ActiveFilters, FacetCount, Facts, Filter, FilterKind, Key};
use super::index::{PassageKind, SearchIndex};
use super::lookup::ArticleLookup;
use super::query::Query;
use super::resolve::{near_words, resolve, ResolvedClause};
use super::sections::SectionLayout;
use crate::model::Article;

const K1: f32 = 1.2;
const B: f32 = 0.75;
/// A phrase found as a phrase, or query words found side by side, beat the same words apart.
const PHRASE_BOOST: f32 = 1.5;
const ADJACENT_BOOST: f32 = 1.25;
/// Ranked hits returned; the count covers them all.
pub const MAX_HITS: usize = 500;
const MAX_SUGGESTIONS: usize = 5;
/// Filter values listed per kind (the most frequent); active ones are always listed.
pub const MAX_FACET_VALUES: usize = 30;

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
    /// The values each kind of filter could take, most results first (at most
    /// [`MAX_FACET_VALUES`] per kind, plus the active ones).
    pub facets: Vec<FacetCount>,
    /// Matching passages per article (by index), as if no article filter were set.
    pub per_article: Vec<usize>,
    /// Existing words near the query's words, offered when nothing matched.
    pub suggestions: Vec<String>,
    /// Terms to mark in text (sorted), for [`super::highlight`].
    pub marked_terms: Vec<u32>,
}

impl SearchResults {
    /// The count listed for a filter value (0 when it is not listed).
    pub fn count_for(&self, kind: FilterKind, value: &str) -> usize {
        self.facets.iter().find(|f| f.kind == kind && f.value == value).map_or(0, |f| f.count)
    }

    /// Name the section filter's values in `article` after its headings: for an answer found
    /// while its text was on its way, whose labels came from its outline.
    pub fn relabel_sections(&mut self, article: &Article) {
        for facet in self.facets.iter_mut().filter(|f| f.kind == FilterKind::Section) {
            let Some((id, s)) = facet.value.rsplit_once('/') else { continue };
            if let Some(label) = s.parse().ok().filter(|_| id == article.id).and_then(|s| section_label(article, s)) {
                facet.label = label;
            }
        }
    }
}

pub fn search<A: ArticleLookup + ?Sized>(
    index: &SearchIndex,
    articles: &A,
    query: &Query,
    filters: &[Filter],
) -> SearchResults {
    let Some(found) = find_matches(index, query, !filters.is_empty()) else {
        return SearchResults { per_article: vec![0; articles.count()], ..SearchResults::default() };
    };
    let in_quotes = in_quotes(index, &found.positive, &found.matching);
    let facts = Facts { articles, index, in_quotes: &in_quotes };
    let active = ActiveFilters::new(filters, &facts);
    let (facets, per_article) = facet_counts(&facts, &active, &found.matching);
    let mut hits: Vec<Hit> = found.matching.iter().filter(|&&p| active.pass(None, &facts, p)).map(|&p| found.hit(p)).collect();
    let total = hits.len();
    rank(&mut hits, MAX_HITS);
    let suggestions = if total == 0 { suggest(index, query) } else { Vec::new() };
    let mut marked_terms: Vec<u32> = found.positive.iter().flat_map(|c| c.terms()).collect();
    marked_terms.sort_unstable();
    marked_terms.dedup();
    SearchResults { hits, total, clauses: found.positive.len() as u32, facets, per_article, suggestions, marked_terms }
}

/// The first `n` of [`search`]'s hits for `query` without filters, found with the index
/// alone: without counting filter values, which needs every article's outline and most of a
/// search's time. A split bundle's first view uses it to fetch the texts of the first results.
pub fn best_hits(index: &SearchIndex, query: &Query, n: usize) -> Vec<Hit> {
    let Some(found) = find_matches(index, query, false) else { return Vec::new() };
    let mut hits: Vec<Hit> = found.matching.iter().map(|&p| found.hit(p)).collect();
    rank(&mut hits, n);
    hits
}

/// Every passage the query matches (ascending), with its score and which positive clauses it
/// matches (a bit each). None when the query asks for nothing and no filter lists passages.
struct Matches {
    scores: Vec<f32>,
    masks: Vec<u32>,
    matching: Vec<u32>,
    positive: Vec<ResolvedClause>,
}

impl Matches {
    fn hit(&self, p: u32) -> Hit {
        Hit { passage: p, score: self.scores[p as usize], matched: self.masks[p as usize].count_ones() }
    }
}

fn find_matches(index: &SearchIndex, query: &Query, filtered: bool) -> Option<Matches> {
    let resolved: Vec<ResolvedClause> = query.clauses.iter().map(|c| resolve(index, c)).collect();
    let (negative, positive): (Vec<_>, Vec<_>) = resolved.into_iter().partition(|c| c.negated);
    if positive.is_empty() && !filtered {
        return None;
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
    Some(Matches { scores, masks, matching, positive })
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
        let weight = alt.weight * idf(index, alt.term);
        for (i, &p) in term.passages.iter().enumerate() {
            scores[p as usize] += weight * tf_part(index, p, term.positions_in(i).len());
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
    idf(index, term) * tf_part(index, passage, tf)
}

fn idf(index: &SearchIndex, term: u32) -> f32 {
    let n = index.passages.len() as f32;
    let df = index.doc_freq(term) as f32;
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

/// BM25's term-frequency part, with the passage's length and field weight.
fn tf_part(index: &SearchIndex, passage: u32, tf: usize) -> f32 {
    let p = &index.passages[passage as usize];
    let tf = tf as f32;
    let norm = tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * p.len as f32 / index.avg_len));
    let field = match p.kind {
        PassageKind::Title => 3.0,
        PassageKind::Heading => 2.0,
        PassageKind::Paragraph => 1.0,
    };
    norm * field
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
/// holds the phrase the reader probably meant. Posting lists are merged in passage order.
fn boost_adjacent_words(index: &SearchIndex, clauses: &[ResolvedClause], masks: &[u32], scores: &mut [f32]) {
    for (ci, pair) in clauses.windows(2).enumerate() {
        if pair[0].is_phrase() || pair[1].is_phrase() {
            continue;
        }
        let both = (1u32 << ci) | (1u32 << (ci + 1));
        let mut boosted = vec![false; masks.len()];
        for a in &pair[0].words[0] {
            for b in &pair[1].words[0] {
                let (ta, tb) = (index.term(a.term), index.term(b.term));
                let (mut i, mut j) = (0, 0);
                while i < ta.passages.len() && j < tb.passages.len() {
                    let (pa, pb) = (ta.passages[i], tb.passages[j]);
                    if pa < pb {
                        i += 1;
                        continue;
                    }
                    if pb < pa {
                        j += 1;
                        continue;
                    }
                    let p = pa as usize;
                    let adjacent = masks[p] & both == both && follows(ta.positions_in(i), tb.positions_in(j));
                    if adjacent && !std::mem::replace(&mut boosted[p], true) {
                        scores[p] *= ADJACENT_BOOST;
                    }
                    i += 1;
                    j += 1;
                }
            }
        }
    }
}

/// Is some position in `second` exactly one after a position in `first`? Both ascending.
fn follows(first: &[u16], second: &[u16]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < first.len() && j < second.len() {
        let want = first[i] as u32 + 1;
        match (second[j] as u32).cmp(&want) {
            std::cmp::Ordering::Less => j += 1,
            std::cmp::Ordering::Greater => i += 1,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

/// More clauses matched first, then higher score, then reading order. Only the best `keep`
/// are sorted (and kept): nobody reads further, and sorting everything costs the most.
fn rank(hits: &mut Vec<Hit>, keep: usize) {
    let order = |a: &Hit, b: &Hit| {
        b.matched.cmp(&a.matched).then(b.score.total_cmp(&a.score)).then(a.passage.cmp(&b.passage))
    };
    if hits.len() > keep {
        hits.select_nth_unstable_by(keep, order);
        hits.truncate(keep);
    }
    hits.sort_unstable_by(order);
}

/// Matching passages "in quotations": with a query, those where a matched word is quoted;
/// without one, every passage holding a quotation. Ascending.
fn in_quotes(index: &SearchIndex, positive: &[ResolvedClause], matching: &[u32]) -> Vec<u32> {
    let quoted = &index.quoted;
    let word_quoted = |p: u32| {
        positive.iter().flat_map(|c| c.words.iter().flatten()).any(|alt| {
            let term = index.term(alt.term);
            term.find(p).is_some_and(|i| term.positions_in(i).iter().any(|&at| quoted.is_quoted_word(p, at)))
        })
    };
    merge(matching, quoted.table())
        .filter(|&(_, speakers)| speakers.is_some())
        .map(|(p, _)| p)
        .filter(|&p| positive.is_empty() || word_quoted(p))
        .collect()
}

/// Each of `passages` (ascending) with its entry in `table` (ascending), found by walking both
/// once: per-passage lookups cost more than the whole walk when tens of thousands match.
fn merge<'a>(
    passages: &'a [u32],
    table: impl Iterator<Item = (u32, &'a [u32])>,
) -> impl Iterator<Item = (u32, Option<&'a [u32]>)> {
    let mut table = table.peekable();
    passages.iter().map(move |&p| {
        while table.next_if(|&(q, _)| q < p).is_some() {}
        (p, table.next_if(|&(q, _)| q == p).map(|(_, values)| values))
    })
}

/// For each kind, how many matching passages each value has under the other kinds' filters.
/// Counted in dense arrays (articles by index, sections by running ordinal): no hashing.
fn facet_counts<A: ArticleLookup + ?Sized>(
    facts: &Facts<A>,
    active: &ActiveFilters,
    matching: &[u32],
) -> (Vec<FacetCount>, Vec<usize>) {
    let articles = facts.articles.count();
    let sections = facts.index.sections();
    let mut facets = Vec::new();
    let mut per_article = vec![0; articles];
    for kind in FilterKind::ALL {
        let slots = match kind {
            FilterKind::Article => articles,
            FilterKind::Section => sections.slots(),
            FilterKind::Speaker => facts.index.quoted.speakers.len(),
            FilterKind::Topic => facts.index.topical.labels.len(),
            FilterKind::Quotes => 1,
        };
        // A chosen value the layout lacks (a section no article has) takes no slot.
        let slot = |key: Key| match key {
            Key::Article(a) | Key::Speaker(a) | Key::Topic(a) => Some(a as usize),
            Key::Section(a, s) => sections.slot(a, s),
            Key::Quoted => Some(0),
        };
        let counts = count_values(kind, facts, active, matching, slots);
        if kind == FilterKind::Article {
            per_article.copy_from_slice(&counts);
        }
        // The most frequent values, chosen among slots; only they become keys and labels.
        let chosen: Vec<Key> = active.keys().filter(|k| k.kind() == kind).collect();
        let chosen_slots: Vec<usize> = chosen.iter().filter_map(|&k| slot(k)).collect();
        let mut top: Vec<usize> = (0..slots).filter(|&i| counts[i] > 0 && !chosen_slots.contains(&i)).collect();
        if top.len() > MAX_FACET_VALUES {
            top.select_nth_unstable_by(MAX_FACET_VALUES, |&a, &b| counts[b].cmp(&counts[a]).then(a.cmp(&b)));
            top.truncate(MAX_FACET_VALUES);
        }
        let mut listed: Vec<(Key, usize)> = top
            .into_iter()
            .map(|i| (key_of(kind, i, sections), counts[i]))
            .chain(chosen.iter().map(|&k| (k, slot(k).and_then(|i| counts.get(i)).copied().unwrap_or(0))))
            .collect();
        listed.sort_unstable_by_key(|&(k, _)| k);
        for (key, count) in listed {
            let Some(label) = key.label(facts) else { continue };
            let value = key.value(facts);
            facets.push(FacetCount { kind, value, label, count, active: chosen.contains(&key) });
        }
    }
    (facets, per_article)
}

/// How many of the matching passages (under the other kinds' filters) have each value of
/// `kind`, in a dense array by slot. Tight loops: this runs over every match on every keystroke.
fn count_values<A: ArticleLookup + ?Sized>(
    kind: FilterKind,
    facts: &Facts<A>,
    active: &ActiveFilters,
    matching: &[u32],
    slots: usize,
) -> Vec<usize> {
    let mut counts = vec![0usize; slots];
    if slots == 0 {
        return counts;
    }
    let filtered = active.narrows_besides(kind);
    let passes = |p: u32| !filtered || active.pass(Some(kind), facts, p);
    let passages = &facts.index.passages;
    match kind {
        FilterKind::Article => {
            for &p in matching.iter().filter(|&&p| passes(p)) {
                counts[passages[p as usize].article as usize] += 1;
            }
        }
        FilterKind::Section => {
            // Only sections with a heading can be chosen; the title belongs to no section.
            let sections = facts.index.sections();
            for &p in matching.iter().filter(|&&p| passes(p)) {
                let passage = &passages[p as usize];
                let Some(slot) = sections.slot(passage.article, passage.section) else { continue };
                if passage.kind != PassageKind::Title && sections.headed(slot) {
                    counts[slot] += 1;
                }
            }
        }
        FilterKind::Topic => {
            for &p in matching.iter().filter(|&&p| passes(p)) {
                for &t in facts.index.topical.topics_of(p) {
                    counts[t as usize] += 1;
                }
            }
        }
        FilterKind::Speaker => {
            for (p, speakers) in merge(matching, facts.index.quoted.table()) {
                for &s in speakers.filter(|_| passes(p)).unwrap_or_default() {
                    counts[s as usize] += 1;
                }
            }
        }
        // Passages "in quotations" are drawn from the matching ones.
        FilterKind::Quotes => counts[0] = facts.in_quotes.iter().filter(|&&p| passes(p)).count(),
    }
    counts
}

fn key_of(kind: FilterKind, slot: usize, sections: &SectionLayout) -> Key {
    match kind {
        FilterKind::Article => Key::Article(slot as u32),
        FilterKind::Section => {
            let (a, s) = sections.section_of(slot);
            Key::Section(a, s)
        }
        FilterKind::Speaker => Key::Speaker(slot as u32),
        FilterKind::Topic => Key::Topic(slot as u32),
        FilterKind::Quotes => Key::Quoted,
    }
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
