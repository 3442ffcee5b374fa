//! The extractor against hand-labelled quotations: every quotation in the seeds, and cases
//! written for each shape the extractor must handle (tests/data/quote_cases.txt). Prints
//! precision and recall of detection and accuracy of speakers, per shape; all must be 100%.
//!
//! `cargo test -p lectern-core --test quotes_labelled -- --nocapture` shows the table.

mod common;

use std::collections::BTreeMap;

use lectern_core::{quotes, Quote, Section};

#[derive(Debug)]
struct Case {
    name: String,
    tag: String,
    sections: Vec<Section>,
    expected: Vec<Expected>,
}

#[derive(Debug, PartialEq)]
struct Expected {
    text: String,
    speaker: Option<String>,
    description: Option<String>,
}

/// Cases are `=== name  #tag` (or `@file` for an article in articles/), paragraphs separated
/// by blank lines, `---`, then each quotation's text with `speaker:` and `description:` lines.
fn parse(file: &str) -> Vec<Case> {
    let mut cases = Vec::new();
    for block in file.split("=== ").skip(1) {
        let (header, rest) = block.split_once('\n').unwrap();
        let (body, labels) = rest.split_once("---\n").or_else(|| rest.split_once("---")).unwrap();
        let mut parts = header.split_whitespace();
        let tag = parts.clone().find_map(|w| w.strip_prefix('#')).unwrap_or("untagged").to_string();
        let sections = match parts.find_map(|w| w.strip_prefix('@')) {
            Some(file) => {
                let bytes = std::fs::read(format!("{}/../../articles/{file}", env!("CARGO_MANIFEST_DIR"))).unwrap();
                common::try_read(file, &bytes).unwrap().sections
            }
            None => vec![Section {
                heading: None,
                paragraphs: body.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).map(String::from).collect(),
            }],
        };
        let mut expected: Vec<Expected> = Vec::new();
        for line in labels.lines().filter(|l| !l.trim().is_empty()) {
            if let Some(s) = line.strip_prefix("  speaker: ") {
                expected.last_mut().unwrap().speaker = (s != "-").then(|| s.to_string());
            } else if let Some(d) = line.strip_prefix("  description: ") {
                expected.last_mut().unwrap().description = Some(d.to_string());
            } else {
                expected.push(Expected { text: line.to_string(), speaker: None, description: None });
            }
        }
        cases.push(Case { name: header.split("  ").next().unwrap().to_string(), tag, sections, expected });
    }
    cases
}

#[derive(Default, Clone, Copy)]
struct Tally {
    expected: usize,
    found: usize,
    matched: usize,
    speaker_right: usize,
    description_right: usize,
}

impl Tally {
    fn add(&mut self, o: Tally) {
        self.expected += o.expected;
        self.found += o.found;
        self.matched += o.matched;
        self.speaker_right += o.speaker_right;
        self.description_right += o.description_right;
    }
}

fn score(case: &Case, found: &[Quote], failures: &mut Vec<String>) -> Tally {
    let mut t = Tally { expected: case.expected.len(), found: found.len(), ..Tally::default() };
    for e in &case.expected {
        let Some(q) = found.iter().find(|q| q.text == e.text) else {
            failures.push(format!("[{}] missed: {:?}", case.name, e.text));
            continue;
        };
        t.matched += 1;
        if q.speaker == e.speaker {
            t.speaker_right += 1;
        } else {
            failures.push(format!("[{}] speaker {:?}, expected {:?} ({:?}, cue {:?})", case.name, q.speaker, e.speaker, e.text, q.cue));
        }
        if q.description == e.description {
            t.description_right += 1;
        } else {
            failures.push(format!("[{}] description {:?}, expected {:?}", case.name, q.description, e.description));
        }
    }
    for q in found.iter().filter(|q| !case.expected.iter().any(|e| e.text == q.text)) {
        failures.push(format!("[{}] spurious: {:?} ({:?})", case.name, q.text, q.speaker));
    }
    t
}

fn percent(part: usize, whole: usize) -> String {
    if whole == 0 {
        return "—".to_string();
    }
    format!("{:.1}%", 100.0 * part as f64 / whole as f64)
}

#[test]
fn labelled_quotations_are_all_found_and_attributed() {
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/");
    let mut cases = parse(&std::fs::read_to_string(format!("{data}seed_quotes.txt")).unwrap());
    let written = parse(&std::fs::read_to_string(format!("{data}quote_cases.txt")).unwrap());
    assert!(written.len() >= 40, "at least 40 written cases, got {}", written.len());
    cases.extend(written);

    let mut by_tag: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut total = Tally::default();
    let mut failures = Vec::new();
    for case in &cases {
        let t = score(case, &quotes::extract(&case.sections), &mut failures);
        by_tag.entry(&case.tag).or_default().add(t);
        total.add(t);
    }
    println!("{:<20} {:>5} {:>10} {:>8} {:>9} {:>12}", "shape", "quotes", "precision", "recall", "speakers", "descriptions");
    for (tag, t) in by_tag.iter().chain([(&"ALL", &total)]) {
        println!(
            "{:<20} {:>5} {:>10} {:>8} {:>9} {:>12}",
            tag,
            t.expected,
            percent(t.matched, t.found),
            percent(t.matched, t.expected),
            percent(t.speaker_right, t.matched),
            percent(t.description_right, t.matched),
        );
    }
    println!("{} cases, {} labelled quotations", cases.len(), total.expected);
    assert!(failures.is_empty(), "{} disagreements:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn seed_speakers_group_most_quoted_first() {
    let cases = parse(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/seed_quotes.txt")).unwrap());
    let found = quotes::extract(&cases[0].sections);
    let refs: Vec<&Quote> = found.iter().collect();
    let groups = quotes::by_speaker(&refs);
    let summary: Vec<(Option<&str>, usize)> = groups.iter().map(|g| (g.speaker, g.quotes.len())).collect();
    assert_eq!(
        summary,
        [
            (Some("Shamshad Ahmad"), 6),
            (Some("the statement"), 2),
            (Some("the handout"), 2),
            (Some("one foreign ministry official"), 1),
            (Some("Zafar Hilaly"), 1),
            (Some("the official statement"), 1),
        ]
    );
    assert_eq!(groups[0].description, Some("a veteran diplomat and Pakistan’s former foreign secretary"));
    assert_eq!(quotes::speakers_in_order(&found)[..2], ["Shamshad Ahmad", "the statement"]);
}
