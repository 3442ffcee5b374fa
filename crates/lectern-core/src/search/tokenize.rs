//! Words as search sees them: case-, accent- and apostrophe-folded, with their place in the
//! original text (in characters) so matches can be marked exactly where they were found.

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The folded word: "Khan’s" → "khans", "Pakistán" → "pakistan".
    pub word: String,
    /// Character offsets (Unicode scalar values) of the word in the source text.
    pub start: usize,
    pub end: usize,
}

const APOSTROPHES: &[char] = &['\'', '’', '‘', 'ʼ', '`', '´'];

/// Split `text` into folded words. Hyphens and dashes separate words; an apostrophe between two
/// letters joins them (Khan’s → khans); CJK ideographs are one word each, having no spaces.
pub fn tokenize(text: &str) -> Vec<Token> {
    let chars: Vec<char> = text.chars().collect();
    let mut tokens = Vec::new();
    let mut current: Option<Token> = None;
    for (i, &c) in chars.iter().enumerate() {
        let joins = APOSTROPHES.contains(&c)
            && current.is_some()
            && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric());
        if joins {
            continue;
        }
        if !is_word_char(c) || is_ideograph(c) {
            tokens.extend(current.take());
            if is_ideograph(c) {
                tokens.push(Token { word: fold(c), start: i, end: i + 1 });
            }
            continue;
        }
        let token = current.get_or_insert_with(|| Token { word: String::new(), start: i, end: i });
        token.word.push_str(&fold(c));
        token.end = i + 1;
    }
    tokens.extend(current);
    tokens.retain(|t| !t.word.is_empty());
    tokens
}

/// Fold one word typed by a reader the same way as text (used for prefixes and suggestions).
pub fn fold_word(word: &str) -> String {
    word.chars().filter(|c| !APOSTROPHES.contains(c)).map(fold).collect()
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

fn is_ideograph(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF)
}

/// Lower case, compatibility-decomposed, accents dropped: "É" → "e", "ﬁ" → "fi".
fn fold(c: char) -> String {
    let mut out = String::new();
    for lower in c.to_lowercase() {
        decompose_compatible(lower, |d| {
            if !is_combining_mark(d) {
                out.extend(d.to_lowercase());
            }
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        tokenize(text).into_iter().map(|t| t.word).collect()
    }

    #[test]
    fn folds_case_accents_and_apostrophes() {
        assert_eq!(words("Khan’s KHAN'S khans"), ["khans", "khans", "khans"]);
        assert_eq!(words("Pakistán Café naïve"), ["pakistan", "cafe", "naive"]);
        assert_eq!(words("path-breaking visit—then"), ["path", "breaking", "visit", "then"]);
        assert_eq!(words("’90s rock ’n’ roll the Khans’"), ["90s", "rock", "n", "roll", "the", "khans"]);
    }

    #[test]
    fn offsets_point_at_the_original_characters() {
        let text = "“Pakistan’s” visit";
        let t = tokenize(text);
        let chars: Vec<char> = text.chars().collect();
        let first: String = chars[t[0].start..t[0].end].iter().collect();
        assert_eq!(first, "Pakistan’s");
        assert_eq!(t[1].start, 13);
    }

    #[test]
    fn ideographs_are_single_words() {
        assert_eq!(words("普京会谈 Putin"), ["普", "京", "会", "谈", "putin"]);
    }
}
