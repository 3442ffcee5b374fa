//! What counts as ordinary English: the 5,000 most frequent English words in order (from the
//! wordfreq project's blend of news, books, Wikipedia and web text, names removed), plus the
//! small closed lists a topic finder needs (name connectors, places, companies, weekdays,
//! months); titles and organisation words are shared with quotations (`crate::lexicon`).

use std::sync::OnceLock;

pub use crate::lexicon::{is_organisation_word, is_title_word};

const COMMON_WORDS: &str = include_str!("common_words.txt");

/// Ranks beyond the list: a word we have never seen among the common ones.
pub const UNLISTED_RANK: usize = 20_000;

/// Words that tie the parts of one name: Gulf *of* Mexico, Ursula *von der* Leyen.
pub const NAME_CONNECTORS: [&str; 10] = ["of", "de", "la", "von", "der", "van", "al", "bin", "du", "del"];

const NEVER: [&str; 34] = [
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december", "guys", "he", "she",
    "they", "we", "i", "you", "it", "his", "her", "their", "our", "its", "mr", "mrs",
];

fn ranks() -> &'static std::collections::HashMap<&'static str, usize> {
    static RANKS: OnceLock<std::collections::HashMap<&'static str, usize>> = OnceLock::new();
    RANKS.get_or_init(|| COMMON_WORDS.lines().enumerate().map(|(i, w)| (w.trim(), i + 1)).collect())
}

/// 1 for "the"; [`UNLISTED_RANK`] for words outside the common list.
pub fn rank(word: &str) -> usize {
    let lower = word.to_lowercase().replace('’', "'");
    ranks().get(lower.as_str()).copied().unwrap_or(UNLISTED_RANK)
}

pub fn is_common(word: &str) -> bool {
    rank(word) < UNLISTED_RANK || NEVER.contains(&word.to_lowercase().as_str())
}

/// Never a topic on its own: the commonest words, pronouns, weekdays, months.
pub fn is_function_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    NEVER.contains(&lower.as_str()) || rank(&lower) <= 300
}

/// Words that take "of" inside a name: Gulf of Mexico, Bank of England, Republic of Korea.
const PLACE_OR_BODY: [&str; 22] = [
    "gulf", "bay", "sea", "strait", "straits", "isle", "island", "islands", "cape", "republic", "kingdom", "states",
    "city", "lake", "mount", "river", "sultanate", "emirate", "rules", "secretary", "house", "duke",
];

/// Companies are called by their first word: "Corvane" for Corvane Technologies.
const COMPANY_WORDS: [&str; 16] = [
    "technologies", "technology", "inc", "corp", "corporation", "holdings", "group", "ltd", "plc", "industries",
    "systems", "labs", "motors", "airlines", "pharmaceuticals", "networks",
];

pub fn is_place_or_body_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    PLACE_OR_BODY.contains(&lower.as_str()) || is_organisation_word(&lower)
}

pub fn is_company_word(word: &str) -> bool {
    COMPANY_WORDS.contains(&word.trim_end_matches('.').to_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_follow_the_list() {
        assert_eq!(rank("the"), 1);
        assert!(rank("energy") < 1000);
        assert_eq!(rank("neutrality"), UNLISTED_RANK);
        assert!(is_function_word("However") && is_function_word("Friday") && !is_function_word("sanctions"));
    }
}
