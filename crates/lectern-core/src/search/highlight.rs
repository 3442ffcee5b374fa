//! Where the matches are in a passage's text (character ranges, for `<mark>` around text
//! nodes), and a short excerpt around the first of them.

use std::collections::HashSet;

use super::index::SearchIndex;
use super::stem::{may_stem_to, stem, stem_prefix};
use super::tokenize::for_each_word;

/// A range of characters (Unicode scalar values), end exclusive.
pub type Range = (usize, usize);

/// The ranges of `text` whose words match one of `marked_terms` (sorted term ids).
pub fn match_ranges(index: &SearchIndex, marked_terms: &[u32], text: &str) -> Vec<Range> {
    Marker::new(index, marked_terms).ranges(text)
}

/// The words to mark, resolved once for all the passages shown.
pub struct Marker<'a> {
    index: &'a SearchIndex,
    terms: &'a [u32],
    /// Indexed words (as written, folded) whose term is marked.
    words: HashSet<&'a str>,
    /// The marked stems' [`stem_prefix`]es: a word that begins with none of them cannot match,
    /// and is not stemmed to find that out.
    prefixes: Vec<&'a str>,
}

impl<'a> Marker<'a> {
    pub fn new(index: &'a SearchIndex, marked_terms: &'a [u32]) -> Self {
        let words = if marked_terms.is_empty() {
            HashSet::new()
        } else {
            index.dictionary.words().filter(|(_, t)| marked_terms.binary_search(t).is_ok()).map(|(w, _)| w).collect()
        };
        let prefixes = marked_terms.iter().map(|&t| stem_prefix(&index.dictionary.term(t).stem)).collect();
        Marker { index, terms: marked_terms, words, prefixes }
    }

    pub fn ranges(&self, text: &str) -> Vec<Range> {
        let mut ranges = Vec::new();
        if self.terms.is_empty() {
            return ranges;
        }
        for_each_word(text, |word, start, end| {
            // Words the loaded shards do not list (text added since the index was built, or
            // words of shards not fetched) are stemmed to compare, if they could match at all.
            let marked = self.words.contains(word)
                || (self.prefixes.iter().any(|p| may_stem_to(word, p))
                    && !self.index.dictionary.has_word(word)
                    && self.index.term_id(&stem(word)).is_some_and(|t| self.terms.binary_search(&t).is_ok()));
            if marked {
                ranges.push((start, end));
            }
        });
        ranges
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excerpt {
    pub text: String,
    /// Match ranges within `text`.
    pub ranges: Vec<Range>,
    /// Text was cut before / after the excerpt (show an ellipsis).
    pub cut_start: bool,
    pub cut_end: bool,
}

/// About `max_chars` characters of `text` around its first match, cut at spaces.
pub fn excerpt(text: &str, ranges: &[Range], max_chars: usize) -> Excerpt {
    let chars: Vec<char> = text.chars().collect();
    let focus = ranges.first().map_or(0, |r| r.0);
    let mut start = focus.saturating_sub(max_chars / 3);
    let mut end = (start + max_chars).min(chars.len());
    if end == chars.len() {
        start = end.saturating_sub(max_chars);
    }
    // Move inward to word boundaries, unless that would lose the focused match.
    if start > 0 {
        if let Some(space) = chars[start..focus.max(start)].iter().position(|c| c.is_whitespace()) {
            start += space + 1;
        }
    }
    if end < chars.len() {
        let first_end = ranges.first().map_or(0, |r| r.1);
        if let Some(space) = chars[first_end.min(end)..end].iter().rposition(|c| c.is_whitespace()) {
            end = first_end.min(end) + space;
        }
    }
    Excerpt {
        text: chars[start..end].iter().collect(),
        ranges: ranges
            .iter()
            .filter(|r| r.0 >= start && r.1 <= end)
            .map(|r| (r.0 - start, r.1 - start))
            .collect(),
        cut_start: start > 0,
        cut_end: end < chars.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpt_centres_on_the_first_match_and_cuts_at_spaces() {
        let text = "one two three four five six seven eight nine ten eleven twelve";
        let at = text.find("seven").unwrap();
        let e = excerpt(text, &[(at, at + 5)], 24);
        assert!(e.text.contains("seven"), "{e:?}");
        assert!(!e.text.starts_with(' ') && !e.text.ends_with(' '));
        assert!(e.cut_start && e.cut_end);
        let (s, t) = e.ranges[0];
        assert_eq!(e.text.chars().skip(s).take(t - s).collect::<String>(), "seven");
    }

    #[test]
    fn short_text_is_whole() {
        let e = excerpt("short", &[(0, 5)], 100);
        assert_eq!((e.text.as_str(), e.cut_start, e.cut_end), ("short", false, false));
    }
}
