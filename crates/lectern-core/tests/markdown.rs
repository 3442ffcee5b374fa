//! Markdown articles: front matter wins over guesses; headings are explicit.

mod common;

use common::{all_text, headings, paragraphs, read};

#[test]
fn front_matter_values_win_over_guesses() {
    let a = read(
        "visit.md",
        "---\ntitle: \"The Moscow Visit: A Review\"\nauthor: Priya Shah\ndate: 2022-03-01\nsource: The Example Times\nurl: https://example.com/visit\n---\n\n\
         # Moscow visit reviewed\n\nBy Someone Else\n\nThe visit was **planned** months ago, and went ahead despite [the crisis](https://example.com/crisis).\n\n\
         ## What happened next\n\nTalks continued into the *night*, officials said.\n",
    );
    assert_eq!(a.title, "The Moscow Visit: A Review");
    assert_eq!(a.byline.as_deref(), Some("Priya Shah"));
    assert_eq!(a.date.as_deref(), Some("2022-03-01"));
    assert_eq!(a.source.as_deref(), Some("The Example Times"));
    assert_eq!(a.url.as_deref(), Some("https://example.com/visit"));
    assert_eq!(headings(&a), ["What happened next"]);
    assert_eq!(
        paragraphs(&a),
        [
            "The visit was planned months ago, and went ahead despite the crisis.",
            "Talks continued into the night, officials said.",
        ]
    );
    let text = all_text(&a);
    assert!(!text.contains("Someone Else") && !text.contains("Moscow visit reviewed"));
}

#[test]
fn without_front_matter_the_h1_is_the_title() {
    let a = read(
        "notes.md",
        "# Field notes\n\n*By Tom Hale*\n\nIntro paragraph about the trip, written on the train home.\n\n## Day one\n\nWe arrived late.\n\n### Day two\n\nWe left early.\n",
    );
    assert_eq!(a.title, "Field notes");
    assert_eq!(a.byline.as_deref(), Some("Tom Hale"));
    assert_eq!(headings(&a), ["Day one", "Day two"]);
}

#[test]
fn a_front_matter_url_is_kept_only_when_it_is_a_web_address() {
    let page = |url: &str| format!("---\ntitle: A Note\nurl: {url}\n---\n\nSome text that is long enough to read.\n");
    assert_eq!(common::read("a.md", &page("https://notes.example/a")).url.as_deref(), Some("https://notes.example/a"));
    assert_eq!(common::read("a.md", &page("javascript:alert(1)")).url, None);
}
