//! Words as search sees them: case-, accent- and apostrophe-folded, with their place in the
//! original text (in characters) so matches can be marked exactly where they were found.

use unicode_normalization::char::decompose_canonical;

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
    let mut tokens = Vec::new();
    for_each_word(text, |word, start, end| tokens.push(Token { word: word.to_string(), start, end }));
    tokens
}

/// The words of `text` as `(folded word, start, end)`, without allocating per word: the
/// highlighter runs this over every passage it shows, on every keystroke.
pub fn for_each_word(text: &str, mut f: impl FnMut(&str, usize, usize)) {
    let mut word = String::new();
    let mut start = 0;
    let mut chars = text.chars().enumerate().peekable();
    let mut emit = |word: &mut String, start: usize, end: usize| {
        if !word.is_empty() {
            f(word, start, end);
            word.clear();
        }
    };
    while let Some((i, c)) = chars.next() {
        let next_is_letter = chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
        if APOSTROPHES.contains(&c) && !word.is_empty() && next_is_letter {
            continue;
        }
        if !is_word_char(c) || is_ideograph(c) {
            emit(&mut word, start, i);
            if is_ideograph(c) {
                fold_into(c, &mut word);
                emit(&mut word, i, i + 1);
            }
            continue;
        }
        if word.is_empty() {
            start = i;
        }
        fold_into(c, &mut word);
        if chars.peek().is_none() {
            emit(&mut word, start, i + 1);
        }
    }
}

/// Fold one word typed by a reader the same way as text (used for prefixes and suggestions).
pub fn fold_word(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars().filter(|c| !APOSTROPHES.contains(c)) {
        fold_into(c, &mut out);
    }
    out
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

/// Combining diacritical marks, by block. (unicode-normalization's full table would add 15 KB
/// to the wasm for marks no news text uses.)
fn is_combining_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Ligatures and letters that canonical decomposition leaves whole but readers type apart.
fn expand(c: char) -> Option<&'static str> {
    Some(match c {
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'ø' => "o",
        'đ' => "d",
        'ł' => "l",
        'ı' => "i",
        'ﬀ' => "ff",
        'ﬁ' => "fi",
        'ﬂ' => "fl",
        'ﬃ' => "ffi",
        'ﬄ' => "ffl",
        _ => return None,
    })
}

/// One word per character in scripts written without spaces.
fn is_ideograph(c: char) -> bool {
    crate::text::is_unspaced_script(c)
}

/// Append `c` lower-cased, canonically decomposed (NFD), accents dropped: "É" → "e",
/// "ﬁ" → "fi". Runs for every character searched or highlighted, so it never allocates.
fn fold_into(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    for lower in c.to_lowercase() {
        if let Some(expanded) = expand(lower) {
            out.push_str(expanded);
            continue;
        }
        decompose_canonical(lower, |d| {
            if !is_combining_mark(d) {
                out.push(d);
            }
        });
    }
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
        assert_eq!(words("Straße ﬁnal Łódź Ærø"), ["strasse", "final", "lodz", "aero"]);
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
