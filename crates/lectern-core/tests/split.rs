//! Split bundles: a search over a head whose shards arrive on demand answers exactly as the
//! whole bundle does, and every part survives its own encoding.

mod common;

use std::path::PathBuf;

use lectern_core::bundle::{decode_part, encode_part, is_head, open_part, split, Bundle, BundleError, Opened, Part, PartRef, SplitBundle};
use lectern_core::search::{search, Filter, FilterKind, Query, SearchResults};
use lectern_core::files;

fn seeds() -> Bundle {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../articles");
    Bundle::build(files::ingest_folder(&dir).unwrap())
}

/// Search the split head, fetching (here: filling from memory) the shards it asks for first,
/// and the passages' topics (which the reader fetches when the topic filter is first used).
fn search_split(parts: &SplitBundle, query: &str, filters: &[Filter]) -> SearchResults {
    let parsed = Query::parse(query);
    for i in parts.head.index.missing_shards(&parsed) {
        assert!(parts.head.index.fill_shard(i, parts.shards[i].content.clone()), "shard {i} fits");
    }
    if !parts.head.index.topical.has_table() {
        assert!(parts.head.index.fill_passage_topics(parts.passage_topics.table.clone()));
    }
    search(&parts.head.index, &parts.head.articles, &parsed, filters)
}

#[test]
fn split_search_answers_as_the_whole_bundle() {
    let whole = seeds();
    // Tiny shards, so that queries cross many of them.
    let parts = split(whole.clone(), 300);
    assert!(parts.shards.len() > 20, "{} shards", parts.shards.len());
    for query in [
        "pipeline",
        "imran khan",
        "\"gas pipeline\"",
        "russia -ukraine",
        "Afganistan",
        "shanghai cooperation organisation",
        "moscow visit",
        "pipel",
        "isl",
    ] {
        let expected = search(&whole.index, &whole.articles, &Query::parse(query), &[]);
        let got = search_split(&parts, query, &[]);
        assert_eq!(without_section_labels(got), without_section_labels(expected), "query {query:?}");
    }
    let speaker = Filter::speaker("Shamshad Ahmad");
    let expected = search(&whole.index, &whole.articles, &Query::parse("visit"), std::slice::from_ref(&speaker));
    assert_eq!(without_section_labels(search_split(&parts, "visit", &[speaker])), without_section_labels(expected));
    let topic = Filter { kind: FilterKind::Topic, value: "Vladimir Putin".into() };
    let expected = search(&whole.index, &whole.articles, &Query::parse("visit"), std::slice::from_ref(&topic));
    assert!(expected.total > 0);
    assert_eq!(without_section_labels(search_split(&parts, "visit", &[topic])), without_section_labels(expected));
}

#[test]
fn the_head_leaves_the_passage_topics_out_and_takes_only_its_own_back() {
    let parts = split(seeds(), 300);
    let index = &parts.head.index;
    assert!(!index.topical.has_table() && !index.topical.labels.is_empty());
    assert!(index.topical.topics_of(10).is_empty());
    let other = split(Bundle::build(seeds().articles[..1].to_vec()), 300);
    assert!(!index.fill_passage_topics(other.passage_topics.table), "another build's table does not fit");
    assert!(index.fill_passage_topics(parts.passage_topics.table.clone()));
    assert!((0..index.passages.len() as u32).any(|p| !index.topical.topics_of(p).is_empty()));
}

/// A head's outline has no headings (they come with each article's text): its section filters
/// are labelled by article and number instead. Everything else must match exactly.
fn without_section_labels(mut results: SearchResults) -> SearchResults {
    for facet in results.facets.iter_mut().filter(|f| f.kind == FilterKind::Section) {
        assert!(!facet.label.is_empty());
        facet.label.clear();
    }
    results
}

#[test]
fn a_query_loads_only_the_shards_it_needs() {
    let parts = split(seeds(), 300);
    let first = parts.head.index.missing_shards(&Query::parse("pipeline"));
    assert_eq!(first.len(), 1);
    search_split(&parts, "pipeline", &[]);
    assert!(parts.head.index.missing_shards(&Query::parse("pipeline")).is_empty());
    assert!(parts.head.index.missing_shards(&Query::parse("pipeline moscow")).len() <= 1);
}

#[test]
fn a_shard_from_elsewhere_is_refused() {
    let parts = split(seeds(), 300);
    assert!(!parts.head.index.fill_shard(0, parts.shards[1].content.clone()));
    assert!(!parts.head.index.fill_shard(parts.shards.len(), parts.shards[0].content.clone()));
    assert!(parts.head.index.fill_shard(0, parts.shards[0].content.clone()));
}

#[test]
fn every_part_round_trips() {
    let parts = split(seeds(), 300);
    let Part::Head(head) = decode_part(&encode_part(&PartRef::Head(&parts.head))).unwrap() else { panic!("a head") };
    assert_eq!(head, parts.head);
    assert!(head.articles.iter().all(|a| a.paragraphs().all(str::is_empty) && a.quotes.is_empty()));
    let Part::Shard(shard) = decode_part(&encode_part(&PartRef::Shard(&parts.shards[3]))).unwrap() else { panic!("a shard") };
    assert_eq!(shard, parts.shards[3]);
    let Part::Article(article) = decode_part(&encode_part(&PartRef::Article(&parts.articles[0]))).unwrap() else { panic!("an article") };
    assert_eq!(article, parts.articles[0]);
    assert!(!article.text.quotes.is_empty());
    let Part::PassageTopics(topics) = decode_part(&encode_part(&PartRef::PassageTopics(&parts.passage_topics))).unwrap() else {
        panic!("passage topics")
    };
    assert_eq!(topics, parts.passage_topics);
    assert!([head.bundle, shard.bundle, topics.bundle].iter().all(|&b| b == article.bundle));
    let message = lectern_core::bundle::decode(&encode_part(&PartRef::Head(&parts.head))).unwrap_err().to_string();
    assert!(message.contains("split bundle"), "{message}");
}

#[test]
fn an_opened_head_names_a_querys_shards_before_the_rest_is_decoded() {
    let parts = split(seeds(), 300);
    let bytes = encode_part(&PartRef::Head(&parts.head));
    assert!(is_head(&bytes), "a head, seen as one before it is opened");
    let Ok(Opened::Head(start, body)) = open_part(&bytes) else { panic!("a head, opened") };
    assert_eq!(start.bundle, parts.head.bundle);
    for query in ["pipeline", "imran khan", "pipel", "\"gas pipeline\" -russia", "москва"] {
        let parsed = Query::parse(query);
        assert_eq!(start.shards_for(&parsed), parts.head.index.missing_shards(&parsed), "query {query:?}");
    }
    assert_eq!(body.decode(start).unwrap(), parts.head);
    // Any other part opens whole, as decode_part reads it.
    let shard = encode_part(&PartRef::Shard(&parts.shards[2]));
    assert!(!is_head(&shard) && !is_head(&encode_part(&PartRef::Whole(&seeds()))) && !is_head(b"short"));
    let Ok(Opened::Part(Part::Shard(opened))) = open_part(&shard) else { panic!("a shard, opened") };
    assert_eq!(opened, parts.shards[2]);
}

#[test]
fn an_opened_head_with_a_damaged_body_is_refused_when_decoded() {
    let parts = split(seeds(), 300);
    let mut bytes = encode_part(&PartRef::Head(&parts.head));
    // Cut the last byte, and fix the header's length and checksum so only the body is wrong.
    bytes.pop();
    let payload = bytes[22..].to_vec();
    bytes[10..18].copy_from_slice(&(payload.len() as u64).to_le_bytes());
    bytes[18..22].copy_from_slice(&lectern_core::bundle::crc32(&payload).to_le_bytes());
    let Ok(Opened::Head(start, body)) = open_part(&bytes) else { panic!("the start still reads") };
    assert!(matches!(body.decode(start), Err(BundleError::Corrupt(_))));
    assert!(matches!(decode_part(&bytes), Err(BundleError::Corrupt(_))));
}

#[test]
fn a_heads_checksum_is_checked_with_its_rest() {
    let parts = split(seeds(), 300);
    let mut bytes = encode_part(&PartRef::Head(&parts.head));
    // One bit flipped in the last byte of the body: the start still reads, to ask for shards.
    *bytes.last_mut().unwrap() ^= 1;
    let Ok(Opened::Head(start, body)) = open_part(&bytes) else { panic!("the start still reads") };
    assert!(matches!(body.decode(start), Err(BundleError::Checksum)));
    assert!(matches!(decode_part(&bytes), Err(BundleError::Checksum)));
    // Damage inside the start itself is still named as damage to the file.
    let mut early = encode_part(&PartRef::Head(&parts.head));
    early[23..40].fill(0xFF);
    assert!(matches!(open_part(&early), Err(BundleError::Checksum)));
}

#[test]
fn a_decoded_heads_answer_relabelled_from_the_texts_is_the_whole_bundles() {
    let whole = seeds();
    let parts = split(whole.clone(), 300);
    // Decoded, the head builds each outline when first asked for.
    let Part::Head(head) = decode_part(&encode_part(&PartRef::Head(&parts.head))).unwrap() else { panic!("a head") };
    let query = Query::parse("russia ");
    for i in head.index.missing_shards(&query) {
        assert!(head.index.fill_shard(i, parts.shards[i].content.clone()));
    }
    assert!(head.index.fill_passage_topics(parts.passage_topics.table.clone()));
    let expected = search(&whole.index, &whole.articles, &query, &[]);
    let mut got = search(&head.index, &head.articles, &query, &[]);
    assert!(got.facets.iter().any(|f| f.kind == FilterKind::Section), "sections to label");
    assert_ne!(got, expected, "labelled from outlines");
    whole.articles.iter().for_each(|a| got.relabel_sections(a));
    assert_eq!(got, expected);
}
