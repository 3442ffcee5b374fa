//! The shape of a line of text: how long, how capitalised, how it ends. Ingestion decides what a
//! line *is* (title, heading, paragraph, furniture) from these, never from what it says.

/// Words that stay lower-case inside a title-case heading ("Objectives of the Visit").
const MINOR_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "nor", "but", "of", "in", "on", "at", "to", "for", "with", "by",
    "from", "as", "via", "vs", "vs.", "into", "onto", "over", "per", "than", "up", "out", "off",
    "is", "are", "was", "be", "its", "it", "it's", "it’s", "their", "his", "her", "what", "how",
];

/// Closing marks that may follow a sentence's final punctuation.
const CLOSERS: &[char] = &['"', '\'', '”', '’', '»', ')', ']', '*', '_'];

pub use crate::text::word_count;

/// The last character that is not a closing quote or bracket.
fn last_significant(s: &str) -> Option<char> {
    s.trim_end().trim_end_matches(CLOSERS).chars().last()
}

/// Ends like a sentence: `.`, `!`, `?` or `…`, optionally inside closing quotes or brackets.
pub fn ends_sentence(s: &str) -> bool {
    matches!(last_significant(s), Some('.' | '!' | '?' | '…' | '。' | '！' | '？' | '؟' | '۔' | '।'))
}

/// Could stand as a headline: short, starting with a capital, digit or quote mark, and not ending
/// like a running sentence (a title may end in `?` or `!`, never in `.` `,` or `;`).
pub fn is_title_shaped(s: &str) -> bool {
    let s = s.trim();
    let words = word_count(s);
    if words == 0 || words > 20 || s.chars().count() > 160 {
        return false;
    }
    if matches!(last_significant(s), Some('.' | ',' | ';' | '…')) {
        return false;
    }
    starts_like_a_heading(s)
}

fn starts_like_a_heading(s: &str) -> bool {
    match s.chars().find(|c| c.is_alphanumeric()) {
        Some(c) => !c.is_lowercase(),
        None => false,
    }
}

/// A section heading: one short phrase, title case or short enough to be a sentence-case subhead.
pub fn is_heading_shaped(s: &str) -> bool {
    let s = s.trim();
    let words = word_count(s);
    if !is_title_shaped(s) || words > 12 || s.chars().count() > 100 {
        return false;
    }
    if s.contains(". ") || s.contains(": ") && words > 8 || starts_with_quote(s) {
        return false;
    }
    words <= 8 || capitalised_ratio(s) >= 0.75
}

pub fn starts_with_quote(s: &str) -> bool {
    s.trim_start().starts_with(['"', '“', '‘', '«', '„'])
}

/// Share of significant words (not minor words) that start with a capital letter.
pub fn capitalised_ratio(s: &str) -> f32 {
    let significant: Vec<&str> = s
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
        .filter(|w| !MINOR_WORDS.contains(&w.to_lowercase().as_str()))
        .collect();
    if significant.is_empty() {
        return 0.0;
    }
    let capitalised = significant
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    capitalised as f32 / significant.len() as f32
}

/// Running prose: a full sentence of some length, or anything long.
pub fn is_prose(s: &str) -> bool {
    let words = word_count(s);
    words >= 30 || words >= 10 && ends_sentence(s)
}

/// Equal for the purpose of spotting a repeat: case, spacing and edge punctuation ignored.
pub fn same_text(a: &str, b: &str) -> bool {
    fold(a) == fold(b)
}

pub fn fold(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_and_titles() {
        assert!(is_heading_shaped("Objectives of the Visit"));
        assert!(is_heading_shaped("Why the deal fell apart"));
        assert!(is_title_shaped("Imran Khan's Russia Visit 2022: What Happened?"));
        assert!(!is_title_shaped("Indeed, the optics could not have been missed."));
        assert!(!is_title_shaped("and then it continued"));
        assert!(!is_heading_shaped("“We will not budge”"));
    }

    #[test]
    fn sentences_end_inside_quotes() {
        assert!(ends_sentence("he said, “It was historic.”"));
        assert!(!ends_sentence("A path-breaking visit"));
    }
}
