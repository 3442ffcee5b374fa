//! Finding quotations in a paragraph from its quotation marks alone.
//!
//! Writers are inconsistent, so a mark's *direction* is read from what stands beside it, not
//! from its shape: a mark with a space before it and a word after it opens, a mark after a word
//! and before a space or punctuation closes. That is what makes “…“ and ”…” work. Single marks
//! are also apostrophes, told apart by the same flanking plus a few patterns ('90s, 'n', 'em).

/// A quotation found in one paragraph: character offsets of the text between the marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawQuote {
    /// First character after the opening mark (0 when it continues the previous paragraph
    /// without one).
    pub start: usize,
    /// The closing mark's offset, or the paragraph's length when the paragraph ends inside it.
    pub end: usize,
    /// Offset of the opening mark, if there is one.
    pub open_mark: Option<usize>,
    /// Offset just past the closing mark, or the paragraph's length.
    pub after: usize,
    /// The paragraph ends before the quotation closes.
    pub open_end: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Weight {
    Double,
    Single,
}

fn weight(c: char) -> Option<Weight> {
    match c {
        '"' | '“' | '”' | '„' | '‟' | '«' | '»' => Some(Weight::Double),
        '\'' | '‘' | '’' | '‚' | '‛' | '‹' | '›' => Some(Weight::Single),
        _ => None,
    }
}

fn is_quote_mark(c: char) -> bool {
    weight(c).is_some()
}

/// Characters after which a mark opens: nothing, space, or opening punctuation.
fn opens_after(c: Option<char>) -> bool {
    c.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':') || is_quote_mark(c))
}

/// Characters before which a mark closes: nothing, space, or closing punctuation.
fn closes_before(c: Option<char>) -> bool {
    c.is_none_or(|c| {
        c.is_whitespace()
            || matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '—' | '–' | '-' | '…' | '/')
            || is_quote_mark(c)
    })
}

/// Words a leading apostrophe shortens: 'em, 'tis, 'n' (rock 'n' roll).
const ELISIONS: [&str; 8] = ["em", "tis", "twas", "cause", "til", "bout", "n", "nuff"];

/// Is the single mark at `i` an apostrophe whatever the state? Letters on both sides
/// (Pakistan’s, o’clock), a decade ('90s), an elision ('em, rock ’n’ roll).
fn is_apostrophe(chars: &[char], i: usize) -> bool {
    let prev = i.checked_sub(1).map(|p| chars[p]);
    let next = chars.get(i + 1).copied();
    if prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric) {
        return true;
    }
    // ’n’ closes on the n of an elision that opened just before it.
    if prev == Some('n') && i >= 2 && weight(chars[i - 2]) == Some(Weight::Single) && i >= 3 && chars[i - 3].is_whitespace() {
        return true;
    }
    if !opens_after(prev) {
        return false;
    }
    let word: String = chars[i + 1..].iter().take_while(|c| c.is_alphanumeric()).collect();
    let after_word = chars.get(i + 1 + word.chars().count()).copied();
    let decade = word.len() == 2 && word.chars().all(|c| c.is_ascii_digit())
        || word.len() == 3 && word.ends_with('s') && word[..2].chars().all(|c| c.is_ascii_digit());
    let elision = ELISIONS.contains(&word.to_lowercase().as_str())
        && (word != "n" || after_word.is_some_and(|c| weight(c) == Some(Weight::Single)));
    decade || elision
}

struct Open {
    weight: Weight,
    mark: Option<usize>,
    start: usize,
}

/// Scan one paragraph. A quotation running over a paragraph break is two quotations here, the
/// second opening with its own mark, as English typesetting has it; attribution links them.
pub fn scan(chars: &[char]) -> Vec<RawQuote> {
    let mut found = Vec::new();
    let mut open: Option<Open> = None;
    // A single quotation inside a double one; a missing closing mark ends with the outer one.
    let mut nested: Option<usize> = None;
    for i in 0..chars.len() {
        let c = chars[i];
        let Some(w) = weight(c) else { continue };
        let prev = i.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(i + 1).copied();
        let (can_open, can_close) = (opens_after(prev) && !closes_before(next), !opens_after(prev) && closes_before(next));
        match (&open, w) {
            (_, Weight::Single) if is_apostrophe(chars, i) => {}
            (None, _) if can_open => open = Some(Open { weight: w, mark: Some(i), start: i + 1 }),
            (None, _) => {}
            (Some(o), Weight::Double) if o.weight == Weight::Double => {
                if can_close || (!can_open && !next.is_some_and(char::is_alphanumeric)) {
                    found.push(closed(o, i));
                    open = None;
                    nested = None;
                } else if can_open && ends_sentence(chars, i) {
                    // A closing mark left out before the next quotation opens.
                    found.push(closed_before_space(o, chars, i));
                    open = Some(Open { weight: w, mark: Some(i), start: i + 1 });
                    nested = None;
                }
            }
            (Some(_), Weight::Single) if nested.is_some() => {
                if can_close && !possessive_before_later_close(chars, i) {
                    nested = None;
                }
            }
            (Some(o), Weight::Single) if o.weight == Weight::Double => {
                if can_open {
                    nested = Some(i);
                }
            }
            (Some(o), Weight::Single) => {
                if can_close && !possessive_before_later_close(chars, i) {
                    found.push(closed(o, i));
                    open = None;
                }
            }
            (Some(_), Weight::Double) => {
                // A double mark inside a single quotation: British nesting, or the single one
                // was not a quotation after all. Let the double one win if it opens.
                if can_open {
                    open = Some(Open { weight: w, mark: Some(i), start: i + 1 });
                }
            }
        }
    }
    if let Some(o) = open {
        // A single mark that never closes was most likely an apostrophe; a double one runs on
        // into the next paragraph (or the writer forgot to close it).
        if o.weight == Weight::Double {
            found.push(RawQuote { start: o.start, end: chars.len(), open_mark: o.mark, after: chars.len(), open_end: true });
        }
    }
    found
}

fn closed(o: &Open, i: usize) -> RawQuote {
    RawQuote { start: o.start, end: i, open_mark: o.mark, after: i + 1, open_end: false }
}

fn closed_before_space(o: &Open, chars: &[char], i: usize) -> RawQuote {
    let mut end = i;
    while end > o.start && chars[end - 1].is_whitespace() {
        end -= 1;
    }
    RawQuote { start: o.start, end, open_mark: o.mark, after: end, open_end: false }
}

/// Does the text before the mark at `i` end a sentence (so a new quotation may begin)?
fn ends_sentence(chars: &[char], i: usize) -> bool {
    chars[..i].iter().rev().find(|c| !c.is_whitespace()).is_some_and(|&c| matches!(c, '.' | '!' | '?' | '…'))
}

/// "the Khans’ house": a plural possessive looks like a closing mark. If another closing
/// single mark follows later in the paragraph, this one is the apostrophe.
fn possessive_before_later_close(chars: &[char], i: usize) -> bool {
    let after_s = i >= 1 && matches!(chars[i - 1], 's' | 'S');
    let then_word = chars.get(i + 1).is_some_and(|c| *c == ' ') && chars.get(i + 2).is_some_and(|c| c.is_lowercase());
    if !(after_s && then_word) {
        return false;
    }
    (i + 1..chars.len()).any(|j| {
        weight(chars[j]) == Some(Weight::Single)
            && !is_apostrophe(chars, j)
            && !opens_after(j.checked_sub(1).map(|p| chars[p]))
            && closes_before(chars.get(j + 1).copied())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        let chars: Vec<char> = s.chars().collect();
        scan(&chars).iter().map(|q| chars[q.start..q.end].iter().collect()).collect()
    }

    #[test]
    fn curly_and_straight() {
        assert_eq!(texts("“A b,” he said. \"C d.\""), ["A b,", "C d."]);
    }

    #[test]
    fn marks_used_the_wrong_way_round() {
        assert_eq!(texts("“A b,“ he said."), ["A b,"]);
        assert_eq!(texts("”A b,” he said."), ["A b,"]);
        assert_eq!(texts("„A b,” he said."), ["A b,"]);
    }

    #[test]
    fn apostrophes_are_not_marks() {
        assert!(texts("Pakistan’s view, we’ve seen, the ’90s, rock ’n’ roll and the Khans’ home.").is_empty());
        assert!(texts("It's the '90s, y'all, 'em too.").is_empty());
    }

    #[test]
    fn nested_single_without_its_closing_mark() {
        let t = texts("“He ‘regretted’ it and hoped ‘diplomacy could avert a conflict,” said X.");
        assert_eq!(t, ["He ‘regretted’ it and hoped ‘diplomacy could avert a conflict,"]);
    }

    #[test]
    fn single_quotations_and_possessives() {
        assert_eq!(texts("‘We saw the Khans’ house,’ she said."), ["We saw the Khans’ house,"]);
    }

    #[test]
    fn a_paragraph_ending_inside_a_quotation() {
        let chars: Vec<char> = "He said: “This goes on.".chars().collect();
        let q = scan(&chars);
        assert!(q[0].open_end);
        assert_eq!(q[0].end, chars.len());
    }

    #[test]
    fn a_missing_closing_mark_before_the_next_quotation() {
        assert_eq!(texts("“First one. “Second one,” he said."), ["First one.", "Second one,"]);
    }
}
