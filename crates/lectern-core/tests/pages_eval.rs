//! Web-page extraction on the hand-written page set (tests/data/pages), scored as
//! `cargo run --release -p lectern-core --example page_eval` scores it. The floors catch
//! regressions; see the table with `cargo test -p lectern-core --test pages_eval -- --nocapture`.
#![cfg(feature = "inputs")]

#[path = "../examples/page_eval/score.rs"]
mod score;

use std::path::Path;

const MICRO_F1_FLOOR: f64 = 0.90;
const PAGE_F1_FLOOR: f64 = 0.75;

#[test]
fn page_set_meets_the_floors() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/pages");
    let report = score::evaluate(&dir, score::Engine::Lectern).unwrap_or_else(|e| panic!("{e}"));
    println!("{}", report.render());

    let mut failures = Vec::new();
    for row in &report.rows {
        let file = &row.case.file;
        match row.overlap {
            None => {
                if !row.refused() {
                    failures.push(format!("{file}: a page with no article was not refused"));
                }
            }
            Some(o) => {
                if let score::Extraction::Refused { reason, .. } = &row.extraction {
                    failures.push(format!("{file}: an article page was refused: {reason}"));
                    continue;
                }
                if o.f1() < PAGE_F1_FLOOR {
                    failures.push(format!("{file}: F1 {:.3} < {PAGE_F1_FLOOR} (P {:.3}, R {:.3})", o.f1(), o.precision(), o.recall()));
                }
                if !row.title {
                    failures.push(format!("{file}: title not exactly right"));
                }
            }
        }
    }
    let totals = report.totals();
    assert!(totals.pages >= 10, "the page set has only {} article pages", totals.pages);
    assert!(totals.no_article_pages >= 1, "the page set has no no-article page");
    if totals.micro.f1() < MICRO_F1_FLOOR {
        failures.push(format!("micro F1 {:.3} < {MICRO_F1_FLOOR}", totals.micro.f1()));
    }
    assert!(failures.is_empty(), "page extraction below its floors:\n  {}", failures.join("\n  "));
}

/// The metric itself, on texts small enough to count by hand.
#[test]
fn shingle_f1_counts_by_hand() {
    use score::{tokens, Overlap};
    assert_eq!(tokens("The café's €1.50 espresso—now!"), ["the", "café", "s", "1", "50", "espresso", "now"]);
    assert_eq!(tokens("港市は15日"), ["港", "市", "は", "15", "日"]);
    // 6 words: 3 shingles each; "a b c d" and "b c d e" shared.
    let o = Overlap::of("a b c d e f", "a b c d e x");
    assert_eq!((o.shared, o.extracted, o.gold), (2, 3, 3));
    // A repeated paragraph counts twice in the extraction but once in the gold.
    let o = Overlap::of("one two three four\none two three four", "One, two, three, four.");
    assert_eq!((o.shared, o.extracted, o.gold), (1, 5, 1));
    // A gold text under four words: single words.
    let o = Overlap::of("hello world", "hello there world");
    assert_eq!((o.shared, o.extracted, o.gold), (2, 2, 3));
    // An extraction under four words has no shingles.
    let o = Overlap::of("a b c", "a b c d e");
    assert_eq!((o.shared, o.extracted, o.gold), (0, 0, 2));
    assert_eq!(Overlap::of("", "some gold text here").f1(), 0.0);
}
