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

#[cfg(test)]
mod tests {
    use super::stem;

    #[test]
    fn inflections_share_a_stem() {
        assert_eq!(stem("visit"), stem("visits"));
        assert_eq!(stem("visit"), stem("visited"));
        assert_eq!(stem("khans"), stem("khan"));
        assert_eq!(stem("pipelines"), stem("pipeline"));
        assert_eq!(stem("москва"), "москва");
    }
}
