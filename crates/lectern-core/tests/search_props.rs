//! Any string is a safe query: the tokenizer and parser never panic, and what search reports
//! always points inside real text.

mod common;

use std::sync::OnceLock;

use common::corpus::Corpus;
use lectern_core::search::{best_hits, excerpt, fold_word, match_ranges, tokenize, Query};
use proptest::prelude::*;

fn corpus() -> &'static Corpus {
    static SEEDS: OnceLock<Corpus> = OnceLock::new();
    SEEDS.get_or_init(Corpus::seeds)
}

/// Strings that stress parsing: quotes of every kind, minus signs, regex and control
/// characters, emoji, right-to-left text, combining marks.
fn hostile() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "\"", "“", "”", "„", "«", "»", "-", "--", " ", "\t", "\u{0}", "\u{202E}", "\u{200B}", "*", ".*",
        "(", "[", "\\", "^$", "|", "😀", "👩‍👩‍👧", "مرحبا", "שלום", "e\u{301}", "ﬁ", "khan", "pipel",
        "Afganistan", "’", "'", "putin", "visit", "Ⅻ", "İ",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn tokens_are_ordered_and_fold_the_text_they_cover(text in "\\PC{0,200}") {
        let chars: Vec<char> = text.chars().collect();
        let mut last_end = 0;
        for t in tokenize(&text) {
            prop_assert!(t.start >= last_end && t.start < t.end && t.end <= chars.len());
            prop_assert!(!t.word.is_empty());
            let covered: String = chars[t.start..t.end].iter().collect();
            prop_assert_eq!(fold_word(&covered), t.word.clone());
            last_end = t.end;
        }
    }

    #[test]
    fn any_query_parses_into_at_most_32_non_empty_clauses(q in prop_oneof![hostile(), "\\PC{0,300}"]) {
        let query = Query::parse(&q);
        prop_assert!(query.clauses.len() <= 32);
        prop_assert!(query.clauses.iter().all(|c| !c.words.is_empty() && c.words.iter().all(|w| !w.is_empty())));
        prop_assert!(query.clauses.iter().filter(|c| c.prefix).count() <= 1);
    }

    #[test]
    fn search_results_point_inside_their_passages(q in hostile()) {
        let c = corpus();
        let r = c.find(&q);
        prop_assert!(r.total >= r.hits.len());
        for hit in r.hits.iter().take(20) {
            let text = c.text(hit.passage);
            let len = text.chars().count();
            let ranges = match_ranges(&c.index, &r.marked_terms, text);
            prop_assert!(ranges.iter().all(|&(s, e)| s < e && e <= len));
            let ex = excerpt(text, &ranges, 160);
            let ex_len = ex.text.chars().count();
            prop_assert!(ex.ranges.iter().all(|&(s, e)| s < e && e <= ex_len));
        }
    }

    #[test]
    fn the_best_hits_are_the_first_hits_of_a_search(q in hostile(), n in 0usize..12) {
        let c = corpus();
        let first: Vec<_> = c.find(&q).hits.into_iter().take(n).collect();
        prop_assert_eq!(best_hits(&c.index, &Query::parse(&q), n), first);
    }
}

#[test]
fn a_ten_thousand_character_query_is_answered() {
    let long = "pipeline ".repeat(1_200);
    let r = corpus().find(&long);
    assert!(r.total > 0);
}
