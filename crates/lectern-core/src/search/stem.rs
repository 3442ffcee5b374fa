//! English stems (Snowball, via rust-stemmers): visit, visits, visited → visit.

use std::borrow::Cow;

use rust_stemmers::{Algorithm, Stemmer};

thread_local! {
    static ENGLISH: Stemmer = Stemmer::create(Algorithm::English);
}

/// The stem of a folded word. Words with characters outside Latin letters and digits are kept
/// whole: an English stemmer has nothing to say about Chinese or Arabic.
pub fn stem(word: &str) -> String {
    if !word.chars().all(|c| c.is_ascii_alphanumeric()) {
        return word.to_string();
    }
    ENGLISH.with(|s| match s.stem(word) {
        Cow::Borrowed(b) => b.to_string(),
        Cow::Owned(o) => o,
    })
}

/// The words Snowball stems to something other than their own beginning: "dying" → "die".
const IRREGULAR: &[&str] = &["dying", "lying", "tying"];

/// What every word stemming to `stem` begins with, bar [`IRREGULAR`] ones: stemming cuts an
/// ending and at most changes the last letter left (happy → happi). Lets the highlighter stem
/// only the words that could match, not every word it shows.
pub fn stem_prefix(stem: &str) -> &str {
    stem.char_indices().last().map_or("", |(at, _)| &stem[..at])
}

/// Could `word` (folded) stem to a stem whose [`stem_prefix`] is `prefix`?
pub fn may_stem_to(word: &str, prefix: &str) -> bool {
    word.starts_with(prefix) || IRREGULAR.contains(&word)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::{may_stem_to, stem, stem_prefix};

    fn keeps_prefix(word: &str) -> bool {
        may_stem_to(word, stem_prefix(&stem(word)))
    }

    #[test]
    fn stems_begin_every_word_stemming_to_them() {
        let words = "dying lying tying skies skis idly gently ugly early only singly news inning \
            yellow youth happy happiness relational national sensational possibility visibility \
            stability troubling hopping hoping generalization organization electricity \
            responsiveness hopefully cries ties agreed proceeding visited pakistan khans \
            москва 北京 café ability abilities fluently argues argued arguing";
        for word in words.split_whitespace() {
            assert!(keeps_prefix(word), "{word} stems to {}", stem(word));
        }
    }

    proptest! {
        #[test]
        fn any_ascii_word_begins_with_its_stem_less_a_letter(word in "[a-z]{1,14}|[a-z0-9]{1,6}|y[aeiouy]{0,3}[a-z]{0,8}") {
            prop_assert!(keeps_prefix(&word), "{} stems to {}", word, stem(&word));
        }
    }

    #[test]
    fn inflections_share_a_stem() {
        assert_eq!(stem("visit"), stem("visits"));
        assert_eq!(stem("visit"), stem("visited"));
        assert_eq!(stem("khans"), stem("khan"));
        assert_eq!(stem("pipelines"), stem("pipeline"));
        assert_eq!(stem("москва"), "москва");
    }
}
