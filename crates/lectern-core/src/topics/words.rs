//! A paragraph as the topic finder sees it: words with what their shape says (capitalised,
//! an acronym, first in its sentence, possessive) and the punctuation that breaks a name.

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// As written, without surrounding punctuation or a possessive ’s.
    pub text: String,
    pub capitalised: bool,
    /// Two to six capitals: NATO, CPEC, US.
    pub acronym: bool,
    pub sentence_start: bool,
    /// Written "Pakistan’s".
    pub possessive: bool,
    /// Punctuation right after the word (a comma, a full stop, a closing bracket) ends a name.
    pub breaks_after: bool,
    /// The word is wrapped in brackets: "(CPEC)".
    pub bracketed: bool,
}

pub fn words(paragraph: &str) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    let mut sentence_start = true;
    for raw in paragraph.split_whitespace() {
        let bracketed = raw.starts_with('(') && raw.trim_end_matches(|c: char| ".,;:".contains(c)).ends_with(')');
        let lead_break = raw.starts_with(['(', '“', '"', '‘', '[', '—']);
        let core = raw.trim_matches(|c: char| !c.is_alphanumeric());
        let trailing = &raw[raw.rfind(|c: char| c.is_alphanumeric()).map_or(raw.len(), |i| i + raw[i..].chars().next().map_or(1, char::len_utf8))..];
        if lead_break {
            if let Some(last) = out.last_mut() {
                last.breaks_after = true;
            }
        }
        if core.is_empty() {
            if let Some(last) = out.last_mut() {
                last.breaks_after = true;
            }
            sentence_start |= raw.contains(['.', '!', '?']);
            continue;
        }
        let (text, possessive) = match core.strip_suffix("’s").or_else(|| core.strip_suffix("'s")) {
            Some(stem) if !stem.is_empty() => (stem, true),
            _ => (core.strip_suffix('’').or_else(|| core.strip_suffix('\'')).unwrap_or(core), false),
        };
        let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
        let capitalised = text.chars().next().is_some_and(char::is_uppercase);
        // NATO, CPEC, AfCFTA: mostly capitals, starting with one.
        let upper = letters.iter().filter(|c| c.is_uppercase()).count();
        let acronym = capitalised && (2..=8).contains(&letters.len()) && upper >= 2 && upper * 10 >= letters.len() * 6 && !text.contains('-');
        out.push(Word {
            text: text.to_string(),
            capitalised,
            acronym,
            sentence_start,
            possessive,
            breaks_after: !trailing.is_empty() && trailing.chars().any(|c| !matches!(c, '’' | '\'')),
            bracketed,
        });
        sentence_start = ends_sentence(trailing, text);
    }
    out
}

/// A full stop (not after an initial or a title), question or exclamation mark, or an ellipsis.
fn ends_sentence(trailing: &str, word: &str) -> bool {
    if trailing.contains(['!', '?', '…']) {
        return true;
    }
    if !trailing.contains('.') {
        return false;
    }
    let short = word.chars().count() == 1 || ["Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Lt", "Col", "Prof"].contains(&word);
    !short && !word.contains('.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        let w = words("But Pakistan’s Prime Minister met NATO (CPEC) officials. Then “Putin” spoke.");
        let pick = |t: &str| w.iter().find(|x| x.text == t).unwrap().clone();
        assert!(pick("But").sentence_start && pick("But").capitalised);
        assert!(pick("Pakistan").possessive && !pick("Prime").sentence_start);
        assert!(pick("NATO").acronym && pick("CPEC").bracketed);
        assert!(pick("officials").breaks_after && pick("Then").sentence_start);
        assert!(pick("Then").breaks_after, "an opening quote mark breaks a name");
    }
}
