//! `cargo xtask make-archive COUNT DIR [--seed N]`: a synthetic news archive for scale tests and
//! benchmarks (`scripts/bench_archive.sh`), e.g.
//!
//! ```text
//! cargo xtask make-archive 10000 target/archive-10000
//! ```
//!
//! Every article is a Markdown file with front matter (title, author, date), three to five
//! sections, and paragraphs whose words follow a Zipf-like spread over a vocabulary of 120,000
//! words: real English function words at the top, then made-up words from syllables. A 10,000
//! article archive holds tens of thousands of distinct words, most of them rare, as real news
//! does; people, places and organisations recur (for the topic map) and about a fifth of the
//! paragraphs quote someone (for the quotes panel).
//!
//! The output depends only on the count and the seed (7 unless given), so benchmark figures are
//! comparable.

use std::collections::{BTreeSet, HashSet};
use std::path::Path;

/// The most frequent words, most frequent first. `tests/e2e/bench-archive.mjs` reads them from
/// this file to keep them out of its search queries: keep them one plain string literal.
const FUNCTION_WORDS: &str = "the of and to a in that is for it was on with he as at by his be
    from are this have not or an but had they which one were their been has her would will she
    there all we more if who no out so up what said can when about into than them its only other
    new some could time these two may then do first any my now such like our over man me even most
    made after also did many before must through back years where much your way well down should
    because each just those people how too little state good very make world still own see men
    work long get here between both life being under never day same another know while last might
    us great old year off come since against go came right used take three";

const SYLLABLES: [&str; 92] = [
    "ba", "be", "bi", "bo", "bu", "ca", "ce", "ci", "co", "cu", "da", "de", "di", "do", "du", "fa",
    "fe", "fi", "fo", "ga", "ge", "gi", "go", "ha", "he", "hi", "ho", "ka", "ke", "ki", "ko", "la",
    "le", "li", "lo", "lu", "ma", "me", "mi", "mo", "mu", "na", "ne", "ni", "no", "nu", "pa", "pe",
    "pi", "po", "ra", "re", "ri", "ro", "ru", "sa", "se", "si", "so", "su", "ta", "te", "ti", "to",
    "tu", "va", "ve", "vi", "vo", "za", "ze", "zi", "bra", "tre", "pli", "sto", "gru", "fla", "ster",
    "mon", "tan", "ver", "lin", "dor", "kal", "ris", "pen", "gal", "mar", "tor", "ven", "sel",
];
const ENDINGS: [&str; 12] = ["", "", "", "s", "ed", "ing", "er", "ion", "al", "ity", "ly", "ment"];
const GROUP_KINDS: [&str; 5] = ["Council", "Party", "Bank", "Institute", "Ministry"];

const VOCABULARY: usize = 120_000;
const ZIPF_S: f64 = 1.05;
/// Of paragraphs, the share that ends with a quotation.
const QUOTED: f64 = 0.2;

/// Writes `count` articles, `article-00000.md` onwards, into `out` (made if missing).
pub fn make_archive(count: usize, seed: u64, out: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(out)?;
    let mut rng = Rng::new(seed);
    let lexicon = Lexicon::new(&mut rng);
    for i in 0..count {
        std::fs::write(out.join(format!("article-{i:05}.md")), lexicon.article(&mut rng, i))?;
    }
    Ok(())
}

/// SplitMix64 (Steele, Lea and Flood, 2014), written out rather than taken from a crate: generated
/// archives and pages must stay the same across dependency updates for benchmark figures to stay
/// comparable, and a dozen lines pass the statistical tests that made-up text needs.
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Self {
        Rng(seed)
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1): the top 53 bits, all a double holds.
    pub(crate) fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in `0..n`, `n` > 0. Multiply-shift: its bias, under n / 2^64, is far below anything
    /// a benchmark could notice, and it needs no retries.
    pub(crate) fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// Uniform in `low..=high`.
    pub(crate) fn between(&mut self, low: usize, high: usize) -> usize {
        low + self.below(high - low + 1)
    }

    pub(crate) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// Pareto-distributed with shape `alpha`: at least 1, above `t` with chance t^-alpha.
    fn pareto(&mut self, alpha: f64) -> f64 {
        (1.0 - self.unit()).powf(-1.0 / alpha)
    }
}

/// The first letter upper case, the rest lower case.
pub(crate) fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars.flat_map(char::to_lowercase)).collect(),
        None => String::new(),
    }
}

/// The words and names articles are made of, drawn once per archive.
struct Lexicon {
    /// Most frequent first, with the running sum of their Zipf weights to draw them by.
    words: Vec<String>,
    cumulative: Vec<f64>,
    people: Vec<String>,
    places: Vec<String>,
    groups: Vec<String>,
}

impl Lexicon {
    fn new(rng: &mut Rng) -> Self {
        let words = vocabulary(rng);
        let cumulative = (1..=words.len())
            .scan(0.0, |sum, rank| {
                *sum += 1.0 / (rank as f64).powf(ZIPF_S);
                Some(*sum)
            })
            .collect();
        let people = proper_names(rng, 3000, 2);
        let places = proper_names(rng, 600, 1);
        let groups = proper_names(rng, 300, 1)
            .into_iter()
            .zip(GROUP_KINDS.iter().cycle())
            .map(|(name, kind)| format!("{name} {kind}"))
            .collect();
        Lexicon { words, cumulative, people, places, groups }
    }

    fn word(&self, rng: &mut Rng) -> &str {
        let target = rng.unit() * self.cumulative[self.cumulative.len() - 1];
        let at = self.cumulative.partition_point(|&sum| sum < target);
        &self.words[at.min(self.words.len() - 1)]
    }

    fn words(&self, rng: &mut Rng, count: usize) -> Vec<&str> {
        (0..count).map(|_| self.word(rng)).collect()
    }

    /// Eight to 24 words and up to two names, which never open it.
    fn sentence(&self, rng: &mut Rng) -> String {
        let count = rng.between(8, 24);
        let mut words = self.words(rng, count);
        for _ in 0..rng.below(3) {
            let names = *rng.pick(&[&self.people, &self.places, &self.groups]);
            let name = zipf(rng, names);
            words.insert(rng.between(1, words.len() - 1), name);
        }
        format!("{} {}.", capitalize(words[0]), words[1..].join(" "))
    }

    fn paragraph(&self, rng: &mut Rng) -> String {
        let count = rng.between(2, 5);
        let mut text = (0..count).map(|_| self.sentence(rng)).collect::<Vec<_>>().join(" ");
        if rng.unit() < QUOTED {
            let count = rng.between(6, 18);
            let quoted = capitalize(&self.words(rng, count).join(" "));
            text += &format!(" “{quoted},” said {}.", zipf(rng, &self.people));
        }
        text
    }

    fn title(&self, rng: &mut Rng) -> String {
        let count = rng.between(3, 7);
        self.words(rng, count).into_iter().map(capitalize).collect::<Vec<_>>().join(" ")
    }

    /// Article `i`: its date follows from `i`, so every year, month and day is used.
    fn article(&self, rng: &mut Rng, i: usize) -> String {
        let (year, month, day) = (2015 + i % 10, 1 + i % 12, 1 + i % 28);
        let mut lines = vec![
            "---".to_string(),
            format!("title: {}", self.title(rng)),
            format!("author: {}", zipf(rng, &self.people)),
            format!("date: {year}-{month:02}-{day:02}"),
            "---".to_string(),
            String::new(),
        ];
        for section in 0..rng.between(3, 5) {
            if section > 0 {
                lines.extend([format!("## {}", self.title(rng)), String::new()]);
            }
            for _ in 0..rng.between(1, 3) {
                lines.extend([self.paragraph(rng), String::new()]);
            }
        }
        lines.join("\n")
    }
}

/// One of `items`, the first ones far more often than the last.
fn zipf<'a>(rng: &mut Rng, items: &'a [String]) -> &'a str {
    let at = ((rng.pareto(1.1) - 1.0) * 10.0) as usize;
    &items[at.min(items.len() - 1)]
}

/// The function words, then distinct made-up words up to `VOCABULARY`.
fn vocabulary(rng: &mut Rng) -> Vec<String> {
    let mut words: Vec<String> = FUNCTION_WORDS.split_whitespace().map(String::from).collect();
    let mut seen: HashSet<String> = words.iter().cloned().collect();
    let mut rank = words.len();
    while words.len() < VOCABULARY {
        let word = made_up_word(rank, rng);
        if seen.insert(word.clone()) {
            words.push(word);
        }
        rank += 1;
    }
    words
}

/// A pronounceable word: longer the rarer it is (the higher its `rank`), and its ending follows
/// from the rank so that neighbours seldom collide.
fn made_up_word(rank: usize, rng: &mut Rng) -> String {
    let bits = (usize::BITS - rank.leading_zeros()) as usize;
    let syllables = 1 + bits / 6 + rng.below(2);
    let mut word: String = (0..syllables).map(|_| *rng.pick(&SYLLABLES)).collect();
    word.push_str(ENDINGS[rank % ENDINGS.len()]);
    word
}

/// `count` distinct names of `parts` capitalised words each, sorted.
fn proper_names(rng: &mut Rng, count: usize, parts: usize) -> Vec<String> {
    let mut names = BTreeSet::new();
    while names.len() < count {
        let name: Vec<String> = (0..parts)
            .map(|_| {
                let rank = rng.between(1, 4999);
                capitalize(&made_up_word(rank, rng))
            })
            .collect();
        names.insert(name.join(" "));
    }
    names.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    /// A fresh folder under the system's temporary one, removed when dropped.
    struct Scratch(PathBuf);

    impl Scratch {
        fn new(name: &str) -> Self {
            let path = std::env::temp_dir().join(format!("xtask-archive-{}-{name}", std::process::id()));
            let _ = std::fs::remove_dir_all(&path);
            Scratch(path)
        }

        /// The files written, by name, with their text.
        fn files(&self) -> Vec<(String, String)> {
            let mut files: Vec<(String, String)> = std::fs::read_dir(&self.0)
                .unwrap()
                .map(|entry| {
                    let path = entry.unwrap().path();
                    let name = path.file_name().unwrap().to_string_lossy().into_owned();
                    (name, std::fs::read_to_string(&path).unwrap())
                })
                .collect();
            files.sort();
            files
        }
    }

    impl Drop for Scratch {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    #[test]
    fn the_same_count_and_seed_write_the_same_archive() {
        let (first, second, other) = (Scratch::new("first"), Scratch::new("second"), Scratch::new("other"));
        make_archive(12, 7, &first.0).unwrap();
        make_archive(12, 7, &second.0).unwrap();
        make_archive(12, 8, &other.0).unwrap();
        assert_eq!(first.files(), second.files());
        assert_ne!(first.files(), other.files());
    }

    #[test]
    fn writes_the_articles_asked_for_with_front_matter() {
        let out = Scratch::new("shape");
        make_archive(30, 7, &out.0).unwrap();
        let files = out.files();
        assert_eq!(files.len(), 30);
        for (i, (name, text)) in files.iter().enumerate() {
            assert_eq!(name, &format!("article-{i:05}.md"));
            let lines: Vec<&str> = text.lines().collect();
            assert_eq!(lines[0], "---");
            assert!(lines[1].starts_with("title: ") && lines[1].len() > "title: ".len());
            assert!(lines[2].starts_with("author: ") && lines[2].contains(' '));
            assert_eq!(lines[3], format!("date: {}-{:02}-{:02}", 2015 + i % 10, 1 + i % 12, 1 + i % 28));
            assert_eq!(&lines[4..6], ["---", ""]);
            let headings = lines.iter().filter(|line| line.starts_with("## ")).count();
            assert!((2..=4).contains(&headings), "{name}: {headings} headings");
            assert!(text.ends_with(".\n"), "{name} ends with a paragraph and a line break");
        }
    }

    #[test]
    fn words_are_zipf_like_and_a_fifth_of_paragraphs_quote_someone() {
        let mut rng = Rng::new(7);
        let lexicon = Lexicon::new(&mut rng);
        assert_eq!(lexicon.words.len(), VOCABULARY);
        assert_eq!(lexicon.words.iter().collect::<HashSet<_>>().len(), VOCABULARY);
        assert_eq!((lexicon.people.len(), lexicon.places.len(), lexicon.groups.len()), (3000, 600, 300));

        let paragraphs: Vec<String> = (0..2000).map(|_| lexicon.paragraph(&mut rng)).collect();
        let quoted = paragraphs.iter().filter(|p| p.contains(",” said ")).count() as f64 / 2000.0;
        assert!((0.17..0.23).contains(&quoted), "{quoted} of paragraphs quote someone");

        let words: Vec<&str> = paragraphs.iter().flat_map(|p| p.split_whitespace()).collect();
        let the = words.iter().filter(|&&w| w == "the").count() as f64 / words.len() as f64;
        // "the" has weight 1 of a total of about 13.5 (the sum of 1/r^1.05 to 120,000).
        assert!((0.06..0.09).contains(&the), "{the} of words are \"the\"");
        let distinct = words.iter().collect::<HashSet<_>>().len();
        assert!(distinct > words.len() / 10, "{distinct} distinct of {} words", words.len());
    }

    #[test]
    fn capitalizes_as_titles_do() {
        assert_eq!(capitalize("bako"), "Bako");
        assert_eq!(capitalize("bAKO dile"), "Bako dile");
        assert_eq!(capitalize(""), "");
    }
}
