//! From candidates to topics, over the whole set of articles: one topic per thing (a surname,
//! a title, an acronym or a demonym joins the name it stands for), function words and ordinary
//! English left out, subjects kept when the articles use them far more than English does.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::candidates::{candidates, Candidate};
use super::vocabulary::{is_common, is_company_word, is_function_word, is_organisation_word, rank, NAME_CONNECTORS, UNLISTED_RANK};
use crate::model::Article;

/// Topics kept for the map and the CLI, the most mentioned.
pub const MAX_TOPICS: usize = 100;
/// A name mentioned once is a passing reference, not a topic.
const MIN_NAME_MENTIONS: usize = 2;
const MIN_SUBJECT_MENTIONS: usize = 3;
const MIN_PAIR_MENTIONS: usize = 2;
/// How many times more often than in ordinary English a subject must occur (Zipf's law gives
/// a word of rank r a share of about 0.1 / r).
const MIN_SUBJECT_LIFT: f64 = 25.0;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicInfo {
    pub label: String,
    /// Other ways the articles name it, most used first.
    pub aliases: Vec<String>,
    /// Mentions over all articles.
    pub count: usize,
    /// Articles mentioning it.
    pub articles: usize,
}

/// Topics (most mentioned first) and, per paragraph, the topics it mentions.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extraction {
    pub topics: Vec<TopicInfo>,
    /// (article, section, paragraph, topic ids with one entry per mention).
    pub paragraphs: Vec<(u32, u32, u32, Vec<u32>)>,
}

struct Paragraph {
    at: (u32, u32, u32),
    found: Vec<Candidate>,
}

pub fn extract<A: AsRef<Article>>(articles: &[A]) -> Extraction {
    extract_with(articles, &mut crate::progress::Unwatched)
}

/// [`extract`], counting the articles read for names and subjects.
pub fn extract_with<A: AsRef<Article>>(articles: &[A], progress: &mut dyn crate::progress::Progress) -> Extraction {
    let mut paragraphs = Vec::new();
    let mut total_words = 0usize;
    progress.step("finding topics", articles.len());
    for (a, article) in articles.iter().enumerate() {
        progress.advance();
        for (s, section) in article.as_ref().sections.iter().enumerate() {
            for (p, text) in section.paragraphs.iter().enumerate() {
                total_words += text.split_whitespace().count();
                paragraphs.push(Paragraph { at: (a as u32, s as u32, p as u32), found: candidates(text) });
            }
        }
    }
    let names = Names::gather(&paragraphs);
    let subjects = Subjects::gather(&paragraphs, total_words.max(1));

    // Every mention, resolved to a label; titles through the article's last holder.
    let mut mentions: Vec<((u32, u32, u32), String, String)> = Vec::new();
    let mut holders: HashMap<(u32, String), String> = HashMap::new();
    for p in &paragraphs {
        for c in &p.found {
            let (label, surface) = match c {
                Candidate::Name { name, title, .. } => {
                    let Some(label) = names.label(name) else { continue };
                    if let Some(t) = title {
                        holders.insert((p.at.0, t.clone()), label.clone());
                    }
                    let surface = title.as_ref().map_or(name.clone(), |t| format!("{} {name}", capitalise(t)));
                    (label, surface)
                }
                Candidate::Title(t) => match holders.get(&(p.at.0, t.clone())) {
                    Some(label) => (label.clone(), format!("the {t}")),
                    None => continue,
                },
                Candidate::Acronym(a) => match names.label(a) {
                    Some(label) => (label, a.clone()),
                    None => continue,
                },
                Candidate::Definition { .. } => continue,
                Candidate::Word(w) => match subjects.label(w) {
                    Some(label) => (label, w.clone()),
                    None => continue,
                },
                Candidate::Pair(a, b) => match subjects.pair_label(a, b) {
                    Some(label) => (label, format!("{a} {b}")),
                    None => continue,
                },
            };
            mentions.push((p.at, label, surface));
        }
    }
    assemble(mentions)
}

/// A label's mentions: how many, how often each surface form, and the articles (indices).
type LabelTally<'a> = (usize, BTreeMap<&'a str, usize>, Vec<u32>);

/// Count mentions per label, keep names mentioned enough, the most mentioned first.
fn assemble(mentions: Vec<((u32, u32, u32), String, String)>) -> Extraction {
    let mut counts: BTreeMap<&str, LabelTally> = BTreeMap::new();
    for (at, label, surface) in &mentions {
        let entry = counts.entry(label.as_str()).or_default();
        entry.0 += 1;
        *entry.1.entry(surface.as_str()).or_default() += 1;
        if !entry.2.contains(&at.0) {
            entry.2.push(at.0);
        }
    }
    let mut topics: Vec<TopicInfo> = counts
        .into_iter()
        .filter(|(_, (n, _, _))| *n >= MIN_NAME_MENTIONS)
        .map(|(label, (count, surfaces, articles))| {
            let mut aliases: Vec<(&str, usize)> = surfaces.into_iter().filter(|(s, _)| *s != label).collect();
            aliases.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
            TopicInfo {
                label: label.to_string(),
                aliases: aliases.into_iter().map(|(s, _)| s.to_string()).collect(),
                count,
                articles: articles.len(),
            }
        })
        .collect();
    topics.sort_by(|a, b| b.count.cmp(&a.count).then(a.label.cmp(&b.label)));
    topics.truncate(MAX_TOPICS);
    let ids: HashMap<&str, u32> = topics.iter().enumerate().map(|(i, t)| (t.label.as_str(), i as u32)).collect();
    let mut paragraphs: Vec<(u32, u32, u32, Vec<u32>)> = Vec::new();
    for (at, label, _) in &mentions {
        let Some(&id) = ids.get(label.as_str()) else { continue };
        match paragraphs.last_mut() {
            Some(last) if (last.0, last.1, last.2) == *at => last.3.push(id),
            _ => paragraphs.push((at.0, at.1, at.2, vec![id])),
        }
    }
    Extraction { topics, paragraphs }
}

fn capitalise(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut c = w.chars();
            c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
        })
        .collect::<Vec<String>>()
        .join(" ")
}

/// Names as written, and which label each surface form joins.
struct Names {
    labels: HashMap<String, String>,
}

impl Names {
    fn gather(paragraphs: &[Paragraph]) -> Names {
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        // Mentions not at the start of a sentence, where a capital proves nothing.
        let mut inside: BTreeMap<&str, usize> = BTreeMap::new();
        let mut acronyms: BTreeMap<String, usize> = BTreeMap::new();
        let mut defined: BTreeMap<String, String> = BTreeMap::new();
        for c in paragraphs.iter().flat_map(|p| &p.found) {
            match c {
                Candidate::Name { name, opening, .. } => {
                    *counts.entry(name.clone()).or_default() += 1;
                    *inside.entry(name).or_default() += usize::from(!opening);
                }
                Candidate::Acronym(a) => *acronyms.entry(a.clone()).or_default() += 1,
                Candidate::Definition { acronym, name } => drop(defined.insert(acronym.clone(), name.clone())),
                _ => {}
            }
        }
        let multi: Vec<&String> = counts.keys().filter(|n| n.contains(' ')).collect();
        let known = Known::index(&multi, &counts, paragraphs);
        let mut labels: HashMap<String, String> = HashMap::new();
        // A longer form of the same name: "Pakistan Stream North-South Gas Pipeline".
        for &long in &multi {
            let same_ends = known.by_ends.get(&ends(long)).map_or(&[][..], Vec::as_slice);
            let short = same_ends.iter().filter(|s| is_shortened(s, long)).max_by_key(|s| (counts[**s], std::cmp::Reverse(s.len())));
            let label = match short {
                Some(s) if counts[*s] >= counts[long] => (*s).clone(),
                _ => long.clone(),
            };
            labels.insert(long.clone(), label);
        }
        for (name, _) in counts.iter().filter(|(n, _)| !n.contains(' ') && inside.get(n.as_str()).is_some_and(|&i| i > 0)) {
            if let Some(label) = single_word_label(name, &known) {
                labels.insert(name.clone(), label);
            }
        }
        for a in acronyms.keys().chain(defined.keys()) {
            let expansion = defined.get(a).cloned().or_else(|| initials_match(a, &multi));
            let label = expansion.map(|e| labels.get(&e).cloned().unwrap_or(e)).unwrap_or_else(|| a.clone());
            labels.insert(a.clone(), label);
        }
        Names { labels }
    }

    fn label(&self, surface: &str) -> Option<String> {
        self.labels.get(surface).cloned()
    }
}

/// Is `short` the same name as `long` with words left out (same first and last word)?
fn is_shortened(short: &str, long: &str) -> bool {
    let (s, l): (Vec<&str>, Vec<&str>) = (short.split(' ').collect(), long.split(' ').collect());
    if s.len() < 3 || s.len() >= l.len() || s[0] != l[0] || s.last() != l.last() {
        return false;
    }
    let mut it = l.iter();
    s.iter().all(|w| it.any(|x| x == w))
}

/// The names and words found, indexed for the questions [`single_word_label`] asks of each
/// one-word name: asked by scanning every name and paragraph, they made finding the topics of
/// 1,000 articles take 6 s, most of a site's build (BENCHMARKS.md, "lectern build").
struct Known<'a> {
    /// Many-word names by their first and last word.
    by_ends: HashMap<(&'a str, &'a str), Vec<&'a String>>,
    by_last: HashMap<&'a str, Vec<&'a String>>,
    by_first: HashMap<&'a str, Vec<&'a String>>,
    /// Each demonym form of a one-word name, to the first name (in order) that has it.
    countries: HashMap<String, &'a String>,
    /// Words the articles write in lower case.
    lower: HashSet<&'a str>,
}

impl<'a> Known<'a> {
    fn index(multi: &[&'a String], counts: &'a BTreeMap<String, usize>, paragraphs: &'a [Paragraph]) -> Known<'a> {
        let (mut by_ends, mut by_last, mut by_first) = (HashMap::new(), HashMap::new(), HashMap::new());
        for &m in multi {
            by_ends.entry(ends(m)).or_insert_with(Vec::new).push(m);
            by_last.entry(ends(m).1).or_insert_with(Vec::new).push(m);
            by_first.entry(ends(m).0).or_insert_with(Vec::new).push(m);
        }
        let mut countries = HashMap::new();
        for country in counts.keys().filter(|c| !c.contains(' ')) {
            for form in demonyms(country).filter(|f| f != country) {
                countries.entry(form).or_insert(country);
            }
        }
        let lower = paragraphs
            .iter()
            .flat_map(|p| &p.found)
            .filter_map(|c| if let Candidate::Word(w) = c { Some(w.as_str()) } else { None })
            .collect();
        Known { by_ends, by_last, by_first, countries, lower }
    }
}

/// A many-word name's first and last word.
fn ends(name: &str) -> (&str, &str) {
    (name.split(' ').next().unwrap_or(name), name.rsplit(' ').next().unwrap_or(name))
}

/// A one-word name: a surname joins the full name, a demonym joins its country, an ordinary
/// word with a capital ("Pandemic", "Western") is no name at all.
fn single_word_label(name: &str, known: &Known) -> Option<String> {
    let none = Vec::new();
    let people: Vec<&&String> =
        known.by_last.get(name).unwrap_or(&none).iter().filter(|m| !m.split(' ').any(is_organisation_word)).collect();
    if people.len() == 1 {
        return Some((*people[0]).clone());
    }
    let companies: Vec<&&String> = known
        .by_first
        .get(name)
        .unwrap_or(&none)
        .iter()
        .filter(|m| m.rsplit(' ').next().is_some_and(is_company_word))
        .collect();
    if companies.len() == 1 {
        return Some((*companies[0]).clone());
    }
    if let Some(country) = known.countries.get(name).filter(|_| name.len() >= 4) {
        return Some((*country).clone());
    }
    let written_lower = known.lower.contains(name.to_lowercase().as_str());
    if is_function_word(name) || is_common(name) && (written_lower || rank(name) <= 2000) {
        return None;
    }
    Some(name.to_string())
}

/// The forms a country's people or language may take: Russian ← Russia, Pakistani ← Pakistan,
/// Ukrainian ← Ukraine, Chinese ← China, Afghan ← Afghanistan.
fn demonyms(country: &str) -> impl Iterator<Item = String> {
    let stem = country.trim_end_matches(['a', 'e', 'y']);
    [
        format!("{country}n"),
        format!("{country}i"),
        format!("{stem}ian"),
        format!("{stem}an"),
        format!("{stem}ese"),
        format!("{stem}ish"),
        country.trim_end_matches("istan").to_string(),
    ]
    .into_iter()
}

/// "US" for "United States", "SCO" for "Shanghai Cooperation Organisation", when one name fits.
fn initials_match(acronym: &str, multi: &[&String]) -> Option<String> {
    let fits: Vec<&&String> = multi
        .iter()
        .filter(|m| {
            let initials: String = m
                .split([' ', '-'])
                .filter(|w| !NAME_CONNECTORS.contains(w) && *w != "the")
                .filter_map(|w| w.chars().next())
                .collect();
            let capitals: String = acronym.chars().filter(|c| c.is_uppercase()).collect();
            initials == capitals
        })
        .collect();
    (fits.len() == 1).then(|| (*fits[0]).clone())
}

/// Lower-case subjects: words (singular and plural together) and word pairs the articles use
/// far more than ordinary English does.
struct Subjects {
    words: HashMap<String, String>,
    pairs: HashMap<(String, String), String>,
}

impl Subjects {
    fn gather(paragraphs: &[Paragraph], total_words: usize) -> Subjects {
        let mut words: BTreeMap<&str, usize> = BTreeMap::new();
        let mut pairs: BTreeMap<(&str, &str), usize> = BTreeMap::new();
        for c in paragraphs.iter().flat_map(|p| &p.found) {
            match c {
                Candidate::Word(w) => *words.entry(w).or_default() += 1,
                Candidate::Pair(a, b) => *pairs.entry((a, b)).or_default() += 1,
                _ => {}
            }
        }
        let lift = |count: usize, word: &str| count as f64 * rank(word) as f64 / (0.1 * total_words as f64);
        // Singular and plural as one subject, labelled by the form used more.
        let mut merged: BTreeMap<String, (usize, &str, usize)> = BTreeMap::new();
        for (&w, &n) in &words {
            let key = w.strip_suffix('s').filter(|s| words.contains_key(s)).unwrap_or(w);
            let e = merged.entry(key.to_string()).or_insert((0, w, 0));
            e.0 += n;
            if n > e.2 {
                (e.1, e.2) = (w, n);
            }
        }
        let mut out_words = HashMap::new();
        for (key, (count, label, _)) in &merged {
            // Outside the commonest English words, a noun by its ending, and used far more
            // than English at large uses it.
            let uncommon = rank(key) >= UNLISTED_RANK && rank(label) >= UNLISTED_RANK;
            if uncommon && is_noun_like(key) && *count >= MIN_SUBJECT_MENTIONS && lift(*count, key) >= MIN_SUBJECT_LIFT {
                // The word and its plural, where the articles use them (looked up, not scanned:
                // a scan per subject was quadratic in the vocabulary).
                for w in [key.clone(), format!("{key}s")] {
                    if words.contains_key(w.as_str()) {
                        out_words.insert(w, label.to_string());
                    }
                }
            }
        }
        let mut out_pairs = HashMap::new();
        for (&(a, b), &n) in &pairs {
            let rarer = if rank(a) > rank(b) { a } else { b };
            let typical = ((rank(a) * rank(b)) as f64).sqrt();
            let specific = rank(rarer) >= UNLISTED_RANK || typical >= 900.0;
            if n >= MIN_PAIR_MENTIONS && specific && is_noun_like(b) && !a.ends_with("ed") && lift(n, rarer) >= MIN_SUBJECT_LIFT {
                out_pairs.insert((a.to_string(), b.to_string()), format!("{a} {b}"));
            }
        }
        Subjects { words: out_words, pairs: out_pairs }
    }

    fn label(&self, word: &str) -> Option<String> {
        self.words.get(word).cloned()
    }

    fn pair_label(&self, a: &str, b: &str) -> Option<String> {
        self.pairs.get(&(a.to_string(), b.to_string())).cloned()
    }
}

/// Adjectives, adverbs and verb forms have tell-tale endings; what is left is mostly nouns.
fn is_noun_like(word: &str) -> bool {
    const NOT_NOUN: [&str; 14] = ["al", "ic", "ive", "ous", "ful", "less", "able", "ible", "ary", "ed", "ly", "ing", "ian", "est"];
    !NOT_NOUN.iter().any(|e| word.ends_with(e)) || word.ends_with("ings")
}
