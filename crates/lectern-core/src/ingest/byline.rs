//! Bylines: "by Jhon Lennon 47 views", "By Jane Doe | March 3, 2022", "Written by A and B".

use super::dates::find_date;

const OPENERS: &[&str] = &[
    "by", "written by", "words by", "posted by", "story by", "author:", "by:", "par", "por", "von",
];
/// Lower-case words allowed inside a name ("Ursula von der Leyen", "Ahmad bin Salman").
const PARTICLES: &[&str] = &[
    "de", "da", "di", "du", "del", "della", "der", "den", "van", "von", "bin", "bint", "ibn",
    "al", "el", "la", "le", "y", "and", "&",
];
/// Job titles that follow a name after a comma: "By Jane Doe, Staff Reporter".
const ROLES: &[&str] = &[
    "staff", "reporter", "correspondent", "editor", "writer", "columnist", "contributor",
    "special", "senior", "our",
];
const MAX_NAME_WORDS: usize = 8;

#[derive(Debug, PartialEq)]
pub struct Byline {
    pub name: String,
    /// A date written on the same line, if any.
    pub date: Option<String>,
}

pub fn parse(line: &str) -> Option<Byline> {
    let line = line.trim();
    let lower = line.to_lowercase();
    let opener = OPENERS
        .iter()
        .find(|o| lower.starts_with(*o) && lower[o.len()..].starts_with([' ', ':']))?;
    let rest = line[opener.len()..].trim_start_matches([' ', ':']);
    let name = name_prefix(rest)?;
    let tail = &rest[name.len()..];
    Some(Byline { name: name.trim_end_matches([',', ' ']).to_string(), date: find_date(tail) })
}

/// The longest run of name-like words at the start of `text`, as a slice of it.
fn name_prefix(text: &str) -> Option<&str> {
    let mut end = 0;
    let mut capitalised = 0;
    for (words, (start, word)) in word_spans(text).enumerate() {
        let bare = word.trim_end_matches(',');
        let lower = bare.to_lowercase();
        let after_comma = text[..start].trim_end().ends_with(',');
        let capital = bare.chars().next().is_some_and(char::is_uppercase);
        let ends_name = bare.is_empty()
            || bare.chars().any(|c| c.is_ascii_digit())
            || (!capital && !PARTICLES.contains(&lower.as_str()))
            || (after_comma && ROLES.contains(&lower.as_str()))
            || is_month_before_number(text, start, &lower);
        if ends_name || words == MAX_NAME_WORDS {
            break;
        }
        capitalised += usize::from(capital);
        end = start + bare.len();
        if bare.len() != word.len() && !continues_after_comma(&text[start + word.len()..]) {
            break;
        }
    }
    let name = text[..end].trim_end_matches(|c: char| c == ',' || c.is_whitespace());
    let name = strip_trailing_particles(name);
    (capitalised > 0 && !name.is_empty()).then_some(name)
}

/// A comma inside a byline lists another author ("A, B and C"), unless a role follows.
fn continues_after_comma(after: &str) -> bool {
    let next = after.split_whitespace().next().unwrap_or("").to_lowercase();
    !next.is_empty() && !ROLES.contains(&next.as_str())
}

fn strip_trailing_particles(mut name: &str) -> &str {
    while let Some((head, last)) = name.rsplit_once(' ') {
        if !PARTICLES.contains(&last.to_lowercase().as_str()) {
            break;
        }
        name = head.trim_end();
    }
    name
}

fn is_month_before_number(text: &str, start: usize, lower: &str) -> bool {
    const MONTHS: &[&str] = &[
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    MONTHS.iter().any(|m| lower.starts_with(m))
        && text[start..]
            .split_whitespace()
            .nth(1)
            .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()))
}

fn word_spans(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_whitespace()
        .map(move |w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(line: &str) -> Option<String> {
        parse(line).map(|b| b.name)
    }

    #[test]
    fn names_stop_before_counters_dates_and_roles() {
        assert_eq!(name("by Jhon Lennon 47 views").as_deref(), Some("Jhon Lennon"));
        assert_eq!(name("By Jane Doe | March 3, 2022").as_deref(), Some("Jane Doe"));
        assert_eq!(name("By Jane Doe, Staff Reporter").as_deref(), Some("Jane Doe"));
        assert_eq!(name("Written by Ursula von der Leyen").as_deref(), Some("Ursula von der Leyen"));
        assert_eq!(name("By Ana Ruiz, Bo Chen and Li Wei").as_deref(), Some("Ana Ruiz, Bo Chen and Li Wei"));
        assert_eq!(name("By John Smith March 3, 2022").as_deref(), Some("John Smith"));
    }

    #[test]
    fn dates_on_the_line_are_kept() {
        let b = parse("By Jane Doe | Published March 3, 2022").unwrap();
        assert_eq!(b.date.as_deref(), Some("March 3, 2022"));
    }

    #[test]
    fn prose_is_not_a_byline() {
        assert_eq!(parse("By 2030, the pipeline will carry gas"), None);
        assert_eq!(parse("by the way, nobody expected this"), None);
        assert_eq!(parse("Bypassing the capital"), None);
    }
}
