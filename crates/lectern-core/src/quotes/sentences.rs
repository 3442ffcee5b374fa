//! Sentence boundaries in a paragraph, with quotations kept whole: attribution looks for its
//! cue in the quotation's own sentence, and a turn in conversation is counted in sentences.

use super::marks::RawQuote;

/// Words that end with a full stop without ending a sentence.
const ABBREVIATIONS: [&str; 30] = [
    "mr", "mrs", "ms", "dr", "prof", "st", "gen", "col", "lt", "sgt", "capt", "gov", "sen", "rep", "jr", "sr",
    "inc", "ltd", "co", "corp", "vs", "no", "jan", "feb", "aug", "sept", "oct", "nov", "dec", "adm",
];

/// Character ranges of the paragraph's sentences, in order, covering it.
pub fn sentences(chars: &[char], quotes: &[RawQuote]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        if let Some(q) = quotes.iter().find(|q| q.open_mark == Some(i) || q.open_mark.is_none() && i == 0) {
            i = q.after.max(i + 1);
            if quote_ends_sentence(chars, q) && next_starts_sentence(chars, i) && !attribution_follows(chars, i) {
                out.push((start, i));
                start = i;
            }
            continue;
        }
        if matches!(chars[i], '.' | '!' | '?' | '…') && !is_abbreviation(chars, i) {
            let mut end = i + 1;
            while end < chars.len() && matches!(chars[end], '.' | '!' | '?' | ')' | ']') {
                end += 1;
            }
            if next_starts_sentence(chars, end) {
                out.push((start, end));
                start = end;
            }
            i = end;
            continue;
        }
        i += 1;
    }
    if start < chars.len() {
        out.push((start, chars.len()));
    }
    out
}

fn quote_ends_sentence(chars: &[char], q: &RawQuote) -> bool {
    chars[q.start..q.end].iter().rev().find(|c| !c.is_whitespace()).is_some_and(|c| matches!(c, '.' | '!' | '?' | '…'))
}

/// “Why?” Moreau asked. A quotation ending in a question still shares its sentence with the
/// attribution that follows: a reporting verb within the next few words.
fn attribution_follows(chars: &[char], at: usize) -> bool {
    let rest: String = chars[at..].iter().take_while(|c| !matches!(c, '.' | '!' | '?' | '“' | '"' | '‘')).collect();
    let words: Vec<&str> = rest.split_whitespace().collect();
    words.len() <= 8 && words.iter().take(5).any(|w| super::cues::is_reporting_word(w))
}

/// After `at`: a space, then a capital, a digit or an opening mark.
fn next_starts_sentence(chars: &[char], at: usize) -> bool {
    if at >= chars.len() {
        return true;
    }
    if !chars[at].is_whitespace() {
        return false;
    }
    chars[at..]
        .iter()
        .find(|c| !c.is_whitespace())
        .is_some_and(|&c| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '“' | '"' | '‘' | '\'' | '„' | '«' | '(' | '['))
}

/// "Mr.", "U.S.", "J. Smith": a full stop that belongs to a word.
fn is_abbreviation(chars: &[char], i: usize) -> bool {
    if chars[i] != '.' {
        return false;
    }
    let word: String = chars[..i].iter().rev().take_while(|c| c.is_alphabetic() || **c == '.').collect::<Vec<_>>().into_iter().rev().collect();
    let single_capital = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    single_capital || word.contains('.') || ABBREVIATIONS.contains(&word.to_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::super::marks::scan;
    use super::*;

    fn split(s: &str) -> Vec<String> {
        let chars: Vec<char> = s.chars().collect();
        let quotes = scan(&chars);
        sentences(&chars, &quotes).into_iter().map(|(a, b)| chars[a..b].iter().collect::<String>().trim().to_string()).collect()
    }

    #[test]
    fn quotations_stay_whole() {
        assert_eq!(
            split("Mr. Khan spoke. “It works. It does,” he said. “Yes.” Then U.S. officials left."),
            ["Mr. Khan spoke.", "“It works. It does,” he said.", "“Yes.”", "Then U.S. officials left."]
        );
    }
}
