//! Each feature of the query language, on the seed articles, with the passages it must find.

mod common;

use common::corpus::Corpus;
use common::read;
use lectern_core::search::{match_ranges, section_value, Filter, FilterKind, PassageKind};

fn lower(s: &str) -> String {
    s.to_lowercase().replace('’', "'")
}

#[test]
fn words_ignore_case_accents_and_apostrophes() {
    let c = Corpus::seeds();
    let base = c.texts("khans");
    assert!(base.len() >= 10, "{}", base.len());
    assert_eq!(c.texts("Khan’s"), base);
    assert_eq!(c.texts("KHAN'S"), base);
    assert_eq!(c.texts("Pakistán"), c.texts("pakistan"));
}

#[test]
fn words_match_by_english_stem() {
    let c = Corpus::seeds();
    let visit = c.texts("visit ");
    assert_eq!(c.texts("visits "), visit);
    assert_eq!(c.texts("visited "), visit);
    // The seeds write "strengthen", "strengthened" and "strengthening": one stem finds all three.
    let strengthen = c.texts("strengthens ");
    for form in ["strengthen ", "strengthened ", "strengthening "] {
        assert!(strengthen.iter().any(|t| t.contains(form.trim())), "{form}");
    }
}

#[test]
fn passages_with_all_words_rank_first() {
    let c = Corpus::seeds();
    let r = c.find("cuban neutrality ");
    assert_eq!(r.clauses, 2);
    let first = c.text(r.hits[0].passage);
    assert!(lower(first).contains("cuban"));
    // No passage has both: every hit matches one word, and all of them are found.
    assert!(r.hits.iter().all(|h| h.matched == 1));
    let both = c.find("cuban missile ");
    assert_eq!(both.hits[0].matched, 2);
    let first_partial = both.hits.iter().position(|h| h.matched < 2).unwrap_or(both.hits.len());
    assert!(both.hits[..first_partial].iter().all(|h| h.matched == 2));
    assert!(both.hits[first_partial..].iter().all(|h| h.matched == 1));
}

#[test]
fn quoted_phrases_match_exactly_in_straight_or_curly_quotes() {
    let c = Corpus::seeds();
    let hits = c.texts("\"stream gas pipeline\"");
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|t| lower(t).contains("stream gas pipeline")));
    assert_eq!(c.texts("“stream gas pipeline”"), hits);
    assert!(c.texts("\"pipeline gas stream\"").is_empty());
}

#[test]
fn a_minus_excludes_a_word() {
    let c = Corpus::seeds();
    let putin = c.find("putin ").total;
    let without = c.texts("putin -ukraine ");
    assert!(!without.is_empty() && without.len() < putin);
    assert!(without.iter().all(|t| !lower(t).contains("ukrain")));
}

#[test]
fn the_word_being_typed_matches_as_a_prefix() {
    let c = Corpus::seeds();
    let hits = c.texts("pipel");
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|t| lower(t).contains("pipel")));
    assert!(c.texts("pipel ").is_empty(), "a finished word is not a prefix");
    assert!(!c.texts("pi").is_empty(), "two letters complete");
    assert!(c.texts("p").is_empty(), "one letter does not: it would match almost everything");
}

#[test]
fn misspellings_of_five_letters_or_more_find_their_target_below_exact() {
    let c = Corpus::seeds();
    for (typo, target) in [("pipline ", "pipeline"), ("Afganistan ", "afghanistan"), ("Islamabd ", "islamabad")] {
        let hits = c.texts(typo);
        assert!(!hits.is_empty(), "{typo}");
        assert!(hits.iter().all(|t| lower(t).contains(target)), "{typo}");
    }
    let exact = c.find("pipeline ");
    let fuzzy = c.find("pipline ");
    assert_eq!(exact.hits.len(), fuzzy.hits.len());
    for (e, f) in exact.hits.iter().zip(&fuzzy.hits) {
        assert_eq!(e.passage, f.passage);
        assert!(f.score < e.score);
    }
    assert!(c.texts("putn ").is_empty(), "four letters are too short to correct");
}

#[test]
fn titles_and_headings_weigh_more() {
    let c = Corpus::seeds();
    let r = c.find("aftermath ");
    assert_eq!(c.index.passages[r.hits[0].passage as usize].kind, PassageKind::Heading);
    let r = c.find("path-breaking ");
    assert_eq!(c.index.passages[r.hits[0].passage as usize].kind, PassageKind::Title);
}

#[test]
fn words_side_by_side_beat_the_same_words_apart() {
    let c = Corpus::of(vec![
        read("apart.txt", "Apart\n\nThe pipeline will carry gas from the north to the city by next year.\n"),
        read("together.txt", "Together\n\nThe gas pipeline will carry fuel from the north to the city by next year.\n"),
    ]);
    let r = c.find("gas pipeline ");
    assert_eq!(r.hits.len(), 2);
    assert!(c.text(r.hits[0].passage).contains("gas pipeline"));
    let quoted = c.texts("\"gas pipeline\"");
    assert_eq!(quoted.len(), 1);
}

#[test]
fn filters_narrow_and_count_what_each_value_would_give() {
    let c = Corpus::seeds();
    let all = c.find("russia ");
    let blog = &c.articles[1].id;
    let blog_count = all.count_for(FilterKind::Article, blog);
    let opinion_count = all.count_for(FilterKind::Article, &c.articles[0].id);
    assert_eq!(blog_count + opinion_count, all.total);

    let only_blog = [Filter { kind: FilterKind::Article, value: blog.clone() }];
    let r = c.filtered("russia ", &only_blog);
    assert_eq!(r.total, blog_count);
    assert!(r.hits.iter().all(|h| c.index.passages[h.passage as usize].article == 1));
    // The article facet still offers the other article, with its count.
    assert_eq!(r.count_for(FilterKind::Article, &c.articles[0].id), opinion_count);
    assert!(r.facets.iter().any(|f| f.active && f.value == *blog));

    let section = section_value(blog, 3);
    let r = c.filtered("russia ", &[Filter { kind: FilterKind::Section, value: section.clone() }]);
    assert!(r.total > 0);
    assert!(r.hits.iter().all(|h| c.index.passages[h.passage as usize].section == 3));
    let label = r.facets.iter().find(|f| f.value == section).unwrap().label.clone();
    assert_eq!(label, "Key Events and Discussions");
}

#[test]
fn filters_alone_list_paragraphs_in_reading_order() {
    let c = Corpus::seeds();
    let blog = &c.articles[1].id;
    let r = c.filtered("", &[Filter { kind: FilterKind::Article, value: blog.clone() }]);
    assert_eq!(r.total, c.articles[1].paragraphs().count());
    assert!(r.hits.windows(2).all(|w| w[0].passage < w[1].passage));
}

#[test]
fn an_empty_query_is_everything_unfiltered() {
    let c = Corpus::seeds();
    for q in ["", "   ", "-", "\"", "-ukraine"] {
        let r = c.find(q);
        assert_eq!((r.total, r.hits.len()), (0, 0), "{q:?}");
        assert!(r.suggestions.is_empty());
        assert_eq!(r.per_article, [0, 0], "{q:?}: counts still cover every article");
    }
}

#[test]
fn no_match_suggests_the_nearest_existing_words() {
    let c = Corpus::seeds();
    let r = c.find("putn ");
    assert_eq!(r.total, 0);
    assert!(r.suggestions.contains(&"putin".to_string()), "{:?}", r.suggestions);
    let r = c.find("\"moskow\"");
    assert!(r.suggestions.contains(&"moscow".to_string()), "{:?}", r.suggestions);
}

#[test]
fn marks_cover_exactly_the_matched_words() {
    let c = Corpus::seeds();
    let r = c.find("khan's visit ");
    let hit = r.hits[0];
    let text = c.text(hit.passage);
    let ranges = match_ranges(&c.index, &r.marked_terms, text);
    assert!(!ranges.is_empty());
    let chars: Vec<char> = text.chars().collect();
    for (s, e) in ranges {
        let word: String = chars[s..e].iter().collect::<String>().to_lowercase().replace('’', "'");
        assert!(["khan", "khan's", "visit", "visits", "visited", "visiting"].contains(&word.as_str()), "{word}");
    }
}

#[test]
fn speakers_filter_passages_with_their_quotations_and_count_each() {
    let c = Corpus::seeds();
    let ahmad = [Filter::speaker("Shamshad Ahmad")];
    let r = c.filtered("", &ahmad);
    // Five quotations in four paragraphs… and the paragraph with two of them counts once.
    let paragraphs: std::collections::BTreeSet<_> = c.articles[0]
        .quotes
        .iter()
        .filter(|q| q.speaker.as_deref() == Some("Shamshad Ahmad"))
        .map(|q| (q.section, q.paragraph))
        .collect();
    assert_eq!(r.total, paragraphs.len());
    assert!(r.hits.iter().all(|h| c.text(h.passage).contains('“')));
    // Every other speaker is offered with what it would give.
    let unfiltered = c.filtered("", &[Filter::quotes_only()]);
    assert_eq!(unfiltered.count_for(FilterKind::Speaker, "Shamshad Ahmad"), paragraphs.len());
    assert_eq!(unfiltered.count_for(FilterKind::Speaker, "Zafar Hilaly"), 1);
    // Speakers of one value are alternatives.
    let either = c.filtered("", &[Filter::speaker("Shamshad Ahmad"), Filter::speaker("Zafar Hilaly")]);
    assert_eq!(either.total, paragraphs.len() + 1);
    // A speaker nobody is matches nothing.
    assert_eq!(c.filtered("", &[Filter::speaker("Nobody At All")]).total, 0);
}

#[test]
fn quotes_only_keeps_passages_whose_matches_are_quoted() {
    let c = Corpus::seeds();
    // "Washington" is inside a quotation in some paragraphs and outside in others.
    let all = c.find("washington");
    let quoted = c.filtered("washington", &[Filter::quotes_only()]);
    assert!(quoted.total > 0 && quoted.total < all.total, "{} of {}", quoted.total, all.total);
    assert_eq!(all.count_for(FilterKind::Quotes, "only"), quoted.total);
    for h in &quoted.hits {
        let text = c.text(h.passage);
        let p = &c.index.passages[h.passage as usize];
        let quotes: Vec<_> = c.articles[p.article as usize]
            .quotes
            .iter()
            .filter(|q| (q.section, q.paragraph) == (p.section as usize, p.paragraph as usize))
            .collect();
        assert!(quotes.iter().any(|q| q.text.to_lowercase().contains("washington")), "{text}");
    }
    // Without a query: every paragraph holding a quotation, and none of the blog post's.
    let r = c.filtered("", &[Filter::quotes_only()]);
    let holding: std::collections::BTreeSet<_> = c.articles[0].quotes.iter().map(|q| (q.section, q.paragraph)).collect();
    assert_eq!(r.total, holding.len());
    assert_eq!(holding.len(), 10);
    assert!(r.hits.iter().all(|h| c.index.passages[h.passage as usize].article == 0));
}

#[test]
fn a_topic_filters_the_passages_that_mention_it() {
    let c = Corpus::seeds();
    let r = c.filtered("", &[Filter::topic("Vladimir Putin")]);
    assert!(r.total >= 5, "{}", r.total);
    // Each passage names him one way or another: full name, surname, or title.
    for h in &r.hits {
        let text = c.text(h.passage);
        assert!(text.contains("Putin") || text.contains("President"), "{text}");
    }
    // Counted beside other filters like any kind.
    let all = c.find("pakistan");
    let both = c.filtered("pakistan", &[Filter::topic("Vladimir Putin")]);
    assert_eq!(all.count_for(FilterKind::Topic, "Vladimir Putin"), both.total);
    assert_eq!(c.filtered("", &[Filter::topic("No Such Topic")]).total, 0);
}

#[test]
fn a_filter_naming_a_section_that_does_not_exist_matches_nothing_and_does_not_panic() {
    let c = Corpus::seeds();
    let bogus = Filter { kind: FilterKind::Section, value: section_value(&c.articles[1].id, 999) };
    let r = c.filtered("russia", std::slice::from_ref(&bogus));
    assert_eq!(r.total, 0);
    // Its own kind still offers the sections that do exist, with their counts.
    assert!(r.count_for(FilterKind::Section, &section_value(&c.articles[1].id, 3)) > 0);
}
