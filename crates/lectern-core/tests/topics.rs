//! The topic map over the seeds and over articles written for these tests: the right topics,
//! one node per thing, no function words, and a layout that is the same every run with no two
//! labels overlapping.

mod common;

use std::path::PathBuf;

use common::corpus::Corpus;
use lectern_core::topics::layout::{any_overlap, Place};
use lectern_core::topics::{extract, TopicMap, Topics};

fn topics_of(articles: &[lectern_core::Article]) -> Topics {
    Topics::build(articles, &extract(articles))
}

fn labels(t: &Topics) -> Vec<&str> {
    t.topics.iter().map(|x| x.label.as_str()).collect()
}

fn print(t: &Topics) {
    for (i, x) in t.topics.iter().enumerate().take(40) {
        println!("{i:>3} {:>3} {:<40} {:?}", x.count, x.label, x.aliases);
    }
}

fn places(map: &TopicMap) -> Vec<Place> {
    map.nodes.iter().map(|n| Place { x: n.x, y: n.y, r: n.r, font: n.font, label_width: n.label_width }).collect()
}

#[test]
fn the_seeds_top_topics_are_the_ones_a_reader_would_name() {
    let seeds = Corpus::seeds();
    let t = topics_of(&seeds.articles);
    print(&t);
    let top: Vec<&str> = labels(&t).into_iter().take(30).collect();
    for want in [
        "Imran Khan",
        "Vladimir Putin",
        "Russia",
        "Pakistan",
        "Ukraine",
        "United States",
        "Afghanistan",
        "China",
        "Pakistan Stream Gas Pipeline",
    ] {
        assert!(top.contains(&want), "{want} missing from {top:?}");
    }
}

#[test]
fn one_node_per_thing_and_no_function_words() {
    let seeds = Corpus::seeds();
    let t = topics_of(&seeds.articles);
    let all = labels(&t);
    for alias in ["Khan", "Putin", "Prime Minister", "President Putin", "Prime Minister Imran Khan", "CPEC", "US", "Russian", "Pakistani", "Hilaly"] {
        assert!(!all.contains(&alias), "{alias} is its own node");
    }
    for word in ["But", "However", "Indeed", "Even", "During", "He", "They", "Friday", "February", "Guys", "Google", "Ads"] {
        assert!(!all.iter().any(|l| l.eq_ignore_ascii_case(word)), "{word} is a topic");
    }
    let khan = t.topics.iter().find(|x| x.label == "Imran Khan").unwrap();
    for alias in ["Khan", "Prime Minister Imran Khan", "the prime minister"] {
        assert!(khan.aliases.iter().any(|a| a == alias), "{alias} not among {:?}", khan.aliases);
    }
    let cpec = t.topics.iter().find(|x| x.label == "China-Pakistan Economic Corridor");
    assert!(cpec.is_none_or(|c| c.aliases.contains(&"CPEC".to_string())));
}

#[test]
fn the_layout_is_the_same_every_run_and_labels_never_overlap() {
    let seeds = Corpus::seeds();
    let a = topics_of(&seeds.articles);
    let b = topics_of(&seeds.articles);
    assert_eq!(a, b);
    for map in std::iter::once(&a.all).chain(&a.per_article) {
        assert_eq!(any_overlap(&places(map)), None);
        assert!(map.edges.iter().all(|e| e.source < e.target && (e.target as usize) < map.nodes.len()));
        assert!(map.edges.iter().all(|e| e.weight > 0.0 && e.weight <= 1.0));
    }
    assert!(a.all.nodes.iter().map(|n| n.cluster).max().unwrap() >= 1, "more than one cluster");
}

#[test]
fn written_articles_find_their_topics_and_merge_their_aliases() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/topics");
    let expected = std::fs::read_to_string(dir.join("expected.txt")).unwrap();
    let mut failures = Vec::new();
    for block in expected.split("== ").skip(1) {
        let (file, rules) = block.split_once('\n').unwrap();
        let article = common::read(file.trim(), &std::fs::read_to_string(dir.join(file.trim())).unwrap());
        let t = topics_of(std::slice::from_ref(&article));
        let all = labels(&t);
        for line in rules.lines() {
            if let Some(want) = line.strip_prefix("must: ") {
                if !all.contains(&want.trim()) {
                    failures.push(format!("{file}: missing {want} in {all:?}"));
                }
            } else if let Some(rule) = line.strip_prefix("alias: ") {
                let (label, aliases) = rule.split_once(" = ").unwrap();
                for alias in aliases.split(" | ").map(str::trim) {
                    if all.contains(&alias) {
                        failures.push(format!("{file}: {alias} is its own node (should join {label})"));
                    }
                }
            } else if let Some(never) = line.strip_prefix("never: ") {
                if all.iter().any(|l| l.eq_ignore_ascii_case(never.trim())) {
                    failures.push(format!("{file}: {never} is a topic"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_large_map_lays_out_without_overlaps() {
    use lectern_core::topics::layout::layout;
    let n = 200;
    let labels: Vec<String> = (0..n).map(|i| format!("Topic {i} {}", "w".repeat(i % 17))).collect();
    let labels: Vec<&str> = labels.iter().map(String::as_str).collect();
    let sizes: Vec<usize> = (0..n).map(|i| 1 + 300 / (i + 1)).collect();
    let edges: Vec<(usize, usize, f32)> = (0..n).map(|i| (i, (i * 7 + 3) % n, 0.5)).filter(|(a, b, _)| a < b).collect();
    let laid = layout(&labels, &sizes, &edges);
    assert_eq!(any_overlap(&laid.places), None);
    assert_eq!(laid.places, layout(&labels, &sizes, &edges).places);
}

#[test]
fn the_two_seeds_compared_share_the_visit_and_differ_in_detail() {
    use lectern_core::topics::view::{compare, visible};
    let seeds = Corpus::seeds();
    let t = topics_of(&seeds.articles);
    let c = compare(&t.per_article[0], &t.per_article[1]);
    let names = |ids: Vec<u32>| ids.into_iter().map(|i| t.label(i).to_string()).collect::<Vec<_>>();
    let both = names(c.both.iter().map(|b| b.0).collect());
    for want in ["Pakistan", "Russia", "Imran Khan", "Vladimir Putin"] {
        assert!(both.contains(&want.to_string()), "{want} in {both:?}");
    }
    let only_a = names(c.only_a.iter().map(|b| b.0).collect());
    assert!(only_a.contains(&"Shamshad Ahmad".to_string()), "{only_a:?}");
    assert!(both.iter().all(|b| !only_a.contains(b)));
    // The visible part of a map: top topics, and links among them above a strength.
    let (nodes, links) = visible(&t.all, 10, 0.3);
    assert_eq!(nodes.len(), 10);
    assert!(links.iter().all(|l| l.weight >= 0.3 && l.source < 10 && l.target < 10));
    let json: String = lectern_core::topics::view::json(&t, &nodes, &links, &t.all);
    assert!(json.contains("\"label\": \"Pakistan\""));
}
