//! Any text is safe to extract quotations from: no panic, and every quotation is a real,
//! non-empty stretch of its paragraph, in order, never overlapping another.

use lectern_core::{quotes, Section};
use proptest::prelude::*;

/// Text dense with every kind of quotation mark and apostrophe, words, spaces and punctuation.
fn quoted_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "“", "”", "\"", "‘", "’", "'", "„", "«", "»", "‹", "›", " ", "  ", ".", ",", "?", "!", "…", ":", "—",
        "said", "he said", "Khan", "Ahmad said", "according to", "the", "x", "n", "90s", "é", "中文", "\u{0}",
        "\u{202E}", "😀",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

fn check(paragraphs: Vec<String>) {
    let sections = vec![Section { heading: None, paragraphs }];
    let found = quotes::extract(&sections);
    let mut last: Option<(usize, usize)> = None;
    for q in &found {
        let chars: Vec<char> = sections[q.section].paragraphs[q.paragraph].chars().collect();
        assert!(q.start < q.end && q.end <= chars.len(), "{q:?}");
        assert_eq!(chars[q.start..q.end].iter().collect::<String>(), q.text);
        if let Some((p, end)) = last {
            assert!(q.paragraph > p || q.paragraph == p && q.start >= end, "overlap or out of order: {q:?}");
        }
        last = Some((q.paragraph, q.end));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn quotations_lie_inside_their_paragraph(paragraphs in prop::collection::vec(quoted_text(), 1..4)) {
        check(paragraphs);
    }

    #[test]
    fn arbitrary_text_never_panics(paragraphs in prop::collection::vec(any::<String>(), 1..3)) {
        check(paragraphs);
    }
}
