//! The two bundled articles, read the way a careful person would.

mod common;

use common::{all_text, headings, paragraphs, read};

const SEED_000: &str = include_str!("../../../articles/000_2458af4d1454103a.txt");
const SEED_001: &str = include_str!("../../../articles/001_8e444e78868fc76e.txt");

#[test]
fn opinion_piece_has_its_title_once_and_no_page_furniture() {
    let a = read("000_2458af4d1454103a.txt", SEED_000);
    assert_eq!(a.id, "000_2458af4d1454103a");
    assert_eq!(a.title, "A path-breaking visit");
    assert_eq!(a.byline, None);
    // "Tue, 21-Oct-2025" sits above the headline: the masthead's date, not the article's.
    assert_eq!(a.date, None);
    let text = all_text(&a);
    assert_eq!(text.matches("A path-breaking visit").count(), 1, "title appears once");
    for furniture in ["Google Ads", "21-Oct-2025", "Tue,"] {
        assert!(!text.contains(furniture), "{furniture:?} left in the text");
    }
    let paras = paragraphs(&a);
    assert_eq!(paras.len(), 25);
    assert!(paras[0].starts_with("Prime Minister Imran Khan managed to pull off"));
    assert!(paras[24].ends_with("sooner than later, they said."));
    assert_eq!(headings(&a), Vec::<&str>::new(), "an opinion piece without subheads");
}

#[test]
fn blog_post_has_byline_without_view_count_and_five_sections() {
    let a = read("001_8e444e78868fc76e.txt", SEED_001);
    assert_eq!(a.title, "Imran Khan's Russia Visit 2022: What Happened?");
    assert_eq!(a.byline.as_deref(), Some("Jhon Lennon"));
    assert_eq!(
        headings(&a),
        [
            "Background and Context",
            "Objectives of the Visit",
            "Key Events and Discussions",
            "Reactions and Controversies",
            "Aftermath and Implications",
        ]
    );
    assert_eq!(a.sections[0].heading, None, "the introduction comes before the first heading");
    assert_eq!(a.sections[0].paragraphs.len(), 1);
    assert!(a.sections.iter().skip(1).all(|s| s.paragraphs.len() >= 2));
    let text = all_text(&a);
    assert!(!text.contains("views") && !text.contains("by Jhon"));
    assert_eq!(text.matches("What Happened?").count(), 1);
}

#[test]
fn typography_is_preserved_exactly() {
    for (name, source) in [("000.txt", SEED_000), ("001.txt", SEED_001)] {
        let a = read(name, source);
        let lines: Vec<&str> = source.lines().collect();
        for p in paragraphs(&a) {
            assert!(lines.contains(&p), "{name}: paragraph altered: {p:.60}");
        }
    }
    let text = all_text(&read("000.txt", SEED_000));
    for mark in ["“", "”", "‘regretted’", "Pakistan’s", "crisis…", "–"] {
        assert!(text.contains(mark), "lost {mark:?}");
    }
}

#[test]
fn reading_time_is_plausible() {
    let a = read("001.txt", SEED_001);
    assert!((1500..2000).contains(&a.word_count()), "{}", a.word_count());
    assert_eq!(a.reading_minutes(), a.word_count().div_ceil(230));
}
