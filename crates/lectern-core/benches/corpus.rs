//! A generated corpus for benchmarks: articles recombined from the seed articles' sentences and
//! headings, deterministic for a given size, about 600 words each (a typical news story).

use std::path::PathBuf;

use lectern_core::{files, Article, Section};

/// The seed articles, as the reader bundles them.
pub fn seeds() -> Vec<Article> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../articles");
    files::ingest_folder(&dir).expect("the seed articles read")
}

/// `n` articles made of the seeds' sentences in new orders.
pub fn generate(n: usize) -> Vec<Article> {
    let seeds = seeds();
    let sentences: Vec<String> = seeds
        .iter()
        .flat_map(|a| a.paragraphs().flat_map(split_sentences).collect::<Vec<_>>())
        .collect();
    let headings: Vec<String> = seeds.iter().flat_map(|a| a.headings().map(|(_, h)| h.to_string())).collect();
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    (0..n)
        .map(|i| {
            let mut sections = Vec::new();
            for s in 0..3 {
                let heading = (s > 0).then(|| headings[rng.below(headings.len())].clone());
                let paragraphs = (0..3)
                    .map(|_| (0..3).map(|_| sentences[rng.below(sentences.len())].as_str()).collect::<Vec<_>>().join(" "))
                    .collect();
                sections.push(Section { heading, paragraphs });
            }
            let title_words: Vec<&str> = sentences[rng.below(sentences.len())].split_whitespace().take(7).collect();
            Article {
                id: format!("generated-{i:05}"),
                file: format!("generated-{i:05}.txt"),
                title: title_words.join(" "),
                byline: None,
                date: None,
                source: None,
                url: None,
                language: None,
                summary: false,
                categories: Vec::new(),
                sections,
                quotes: Vec::new(),
            }
        })
        .collect()
}

fn split_sentences(paragraph: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for word in paragraph.split_whitespace() {
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
        if word.ends_with(['.', '?', '!']) || word.ends_with(".”") {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// A small fixed-seed generator: benchmarks must see the same corpus every run.
struct XorShift(u64);

impl XorShift {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// The queries benchmarks time: each feature of the query language once. (The topics bench
/// shares this module and times no queries.)
#[allow(dead_code)]
pub const QUERIES: &[&str] = &[
    "pipeline",
    "imran khan",
    "\"gas pipeline\"",
    "russia -ukraine",
    "pipel",
    "Afganistan",
    "shanghai cooperation organisation",
    "neutrality sanctions energy",
];
