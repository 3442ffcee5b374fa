//! Recognising a line that is nothing but a date (with optional weekday, time and label), in the
//! shapes news pages print: "Tue, 21-Oct-2025", "October 21, 2025 10:30 AM PKT",
//! "Published: 2025-10-21", "21/10/2025".

const WEEKDAYS: &[&str] = &[
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday",
];
const MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "january", "february", "march", "april", "june", "july", "august", "september", "october",
    "november", "december",
];
const LABELS: &[&str] = &[
    "published", "updated", "posted", "last", "modified", "on", "at", "date", "dated", "first",
];
const ZONES: &[&str] = &[
    "am", "pm", "a.m", "p.m", "utc", "gmt", "pkt", "ist", "est", "edt", "cst", "cdt", "pst", "pdt",
    "bst", "cet", "cest", "msk", "z",
];

#[derive(Clone, Copy, PartialEq)]
enum Token {
    Label,
    Weekday,
    Month,
    Day,
    Year,
    Time,
    Zone,
}

/// `Some(date as written, without its label)` when the whole line is a date.
pub fn date_line(line: &str) -> Option<String> {
    let line = line.trim();
    if line.is_empty() || line.chars().count() > 60 {
        return None;
    }
    let tokens: Vec<Token> = split(line).map(classify).collect::<Option<_>>()?;
    let has = |t| tokens.contains(&t);
    let numbers = tokens.iter().filter(|t| matches!(t, Token::Day | Token::Year)).count();
    let is_date = (has(Token::Month) && numbers >= 1) || (has(Token::Year) && numbers >= 3);
    is_date.then(|| strip_label(line))
}

/// Does this text contain a date somewhere (a byline's tail, say)? Each part between
/// separators is searched on its own, longest span first ("March 3, 2022 10:30" over "March 3").
pub fn find_date(text: &str) -> Option<String> {
    text.split(['|', '·', '•', '—', '–']).find_map(|part| {
        let words: Vec<&str> = part.split_whitespace().collect();
        (1..=words.len().min(7)).rev().find_map(|len| {
            (0..=words.len() - len).find_map(|start| date_line(&words[start..start + len].join(" ")))
        })
    })
}

fn split(line: &str) -> impl Iterator<Item = &str> {
    line.split(|c: char| c.is_whitespace() || matches!(c, ',' | '-' | '/'))
        .map(|t| t.trim_matches(|c: char| matches!(c, '.' | '(' | ')' | '[' | ']')))
        .map(|t| t.trim_end_matches(':'))
        .filter(|t| !t.is_empty())
}

fn classify(token: &str) -> Option<Token> {
    let lower = token.to_lowercase();
    let word = lower.as_str();
    if LABELS.contains(&word) {
        return Some(Token::Label);
    }
    if ZONES.contains(&word) {
        return Some(Token::Zone);
    }
    if token.chars().all(|c| c.is_ascii_digit()) {
        return match (token.len(), token.parse::<u32>().ok()?) {
            (4, 1900..=2100) => Some(Token::Year),
            (1 | 2, 1..=31) => Some(Token::Day),
            _ => None,
        };
    }
    if let Some(day) = ["st", "nd", "rd", "th"].iter().find_map(|s| word.strip_suffix(s)) {
        if !day.is_empty() && day.len() <= 2 && day.chars().all(|c| c.is_ascii_digit()) {
            return Some(Token::Day);
        }
    }
    if is_time(word) {
        return Some(Token::Time);
    }
    if WEEKDAYS.contains(&word) {
        return Some(Token::Weekday);
    }
    MONTHS.contains(&word).then_some(Token::Month)
}

fn is_time(word: &str) -> bool {
    let word = word.trim_end_matches(['a', 'p', 'm', '.']);
    let mut parts = word.split(':');
    let (Some(h), Some(m)) = (parts.next(), parts.next()) else { return false };
    let digits = |s: &str, max: u32| s.len() <= 2 && s.parse::<u32>().is_ok_and(|n| n <= max);
    digits(h, 24) && m.len() == 2 && digits(m, 59) && parts.all(|s| digits(s, 59))
}

fn strip_label(line: &str) -> String {
    let mut rest = line;
    loop {
        let lower = rest.to_lowercase();
        let Some(label) = LABELS.iter().find(|l| {
            lower.starts_with(*l)
                && !lower[l.len()..].starts_with(|c: char| c.is_alphanumeric())
        }) else {
            break;
        };
        rest = rest[label.len()..].trim_start_matches([':', ' ', '-', '—', '–']);
    }
    rest.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_common_shapes() {
        for line in [
            "Tue, 21-Oct-2025",
            "Tuesday, October 21, 2025",
            "21 October 2025",
            "Oct 21, 2025 10:30 AM PKT",
            "2025-10-21",
            "21/10/2025",
            "Published: March 3rd, 2022",
            "Updated on Feb 24, 2022 at 9:15 pm",
        ] {
            assert!(date_line(line).is_some(), "{line}");
        }
        assert_eq!(date_line("Published: March 3rd, 2022").unwrap(), "March 3rd, 2022");
    }

    #[test]
    fn rejects_prose_and_titles() {
        for line in [
            "A path-breaking visit",
            "May the best team win",
            "March on Washington",
            "2022",
            "In February 2022, former Pakistani Prime Minister Imran Khan embarked",
        ] {
            assert!(date_line(line).is_none(), "{line}");
        }
    }

    #[test]
    fn finds_a_date_inside_a_byline_tail() {
        assert_eq!(find_date("| March 3, 2022 | 5 min read").as_deref(), Some("March 3, 2022"));
        assert_eq!(find_date("47 views"), None);
    }
}
