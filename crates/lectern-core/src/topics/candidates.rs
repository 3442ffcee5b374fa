//! What in a paragraph could be a topic: runs of capitalised words (names), acronyms and their
//! definitions, titles standing for a person ("the Prime Minister"), and lower-case words and
//! word pairs (subjects). Which of them are topics is decided over the whole set (resolve.rs).

use super::vocabulary::{
    is_common, is_function_word, is_organisation_word, is_place_or_body_word, is_title_word, NAME_CONNECTORS,
};
use super::words::{words, Word};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Candidate {
    /// A name without its titles. `title` is the title it was given ("prime minister");
    /// `opening` says it stood first in its sentence, where any word has a capital.
    Name { name: String, title: Option<String>, opening: bool },
    /// A title standing alone: "the Prime Minister", "the president".
    Title(String),
    Acronym(String),
    /// "China-Pakistan Economic Corridor (CPEC)": the acronym stands for the name.
    Definition { acronym: String, name: String },
    Word(String),
    Pair(String, String),
}

pub fn candidates(paragraph: &str) -> Vec<Candidate> {
    let ws = words(paragraph);
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let w = &ws[i];
        if w.acronym {
            push_acronym(&ws, i, &mut out);
            i += 1;
            continue;
        }
        if w.capitalised || w.text.contains('-') && hyphen_parts(&w.text).iter().any(|p| starts_upper(p)) {
            i = name_run(&ws, i, &mut out);
            continue;
        }
        if w.text.eq_ignore_ascii_case("the") && ws.get(i + 1).is_some_and(|n| is_title_word(&n.text)) {
            let end = (i + 1..ws.len()).take_while(|&j| is_title_word(&ws[j].text)).last().unwrap_or(i + 1);
            let next_is_name = ws.get(end + 1).is_some_and(|n| n.capitalised) && !ws[end].breaks_after;
            if !next_is_name && !ws[i + 1].capitalised {
                out.push(Candidate::Title(title_key(&ws[i + 1..=end])));
                i = end + 1;
                continue;
            }
        }
        lower_case(&ws, i, &mut out);
        i += 1;
    }
    out
}

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

fn hyphen_parts(s: &str) -> Vec<&str> {
    s.split('-').filter(|p| !p.is_empty()).collect()
}

fn push_acronym(ws: &[Word], i: usize, out: &mut Vec<Candidate>) {
    let w = &ws[i];
    // "CPEC (China-Pakistan Economic Corridor)" is handled from the name's side.
    if !w.bracketed {
        out.push(Candidate::Acronym(w.text.clone()));
    }
}

/// Read a run of capitalised words from `start`; push what it names; return where it ended.
fn name_run(ws: &[Word], start: usize, out: &mut Vec<Candidate>) -> usize {
    let mut end = start;
    while end < ws.len() {
        let w = &ws[end];
        // "Gulf of Mexico", "Bank of England" — but not "Adjoa Mensah of Ghana".
        let connector = end > start
            && NAME_CONNECTORS.contains(&w.text.as_str())
            && (w.text != "of" || is_place_or_body_word(&ws[end - 1].text))
            && ws.get(end + 1).is_some_and(|n| n.capitalised && !n.acronym)
            && !ws[end - 1].breaks_after;
        let capital = w.capitalised && !w.acronym;
        if end > start && (!(capital || connector) || ws[end - 1].breaks_after || ws[end - 1].possessive && !org_follows(ws, end)) {
            break;
        }
        if end == start && !capital {
            // A hyphenated word with capitals: "Russia-Ukraine", "US-led".
            for part in hyphen_parts(&w.text).into_iter().filter(|p| starts_upper(p)) {
                push_name(&[part.to_string()], None, out);
            }
            return start + 1;
        }
        end += 1;
    }
    let mut run: Vec<&Word> = ws[start..end].iter().collect();
    // "But", "Indeed", "Diplomatic" open sentences with a capital they do not own.
    while run.first().is_some_and(|w| {
        let opener = w.sentence_start && (is_common(&w.text) || ["ing", "ed", "ly"].iter().any(|s| w.text.ends_with(s)));
        opener && !is_title_word(&w.text) || NAME_CONNECTORS.contains(&w.text.as_str())
    }) {
        run.remove(0);
    }
    let Some(last) = run.last() else { return end };
    let opening = run[0].sentence_start;
    // "Imran Khan-Putin meeting": two names joined by a hyphen at the end of a run.
    let mut tail: Option<String> = None;
    let mut texts: Vec<String> = run.iter().map(|w| w.text.clone()).collect();
    if let Some((a, b)) = last.text.split_once('-') {
        if starts_upper(a) && starts_upper(b) && (run.len() > 1 || !ws.get(end).is_some_and(|n| n.capitalised)) {
            texts.pop();
            texts.push(a.to_string());
            tail = Some(b.to_string());
        }
    }
    // "China-Pakistan Economic Corridor (CPEC)"
    if let Some(next) = ws.get(end).filter(|n| n.bracketed && n.acronym) {
        push_titled(&texts, opening, out);
        out.push(Candidate::Definition { acronym: next.text.clone(), name: strip_titles(&texts).join(" ") });
        return end + 1;
    }
    push_titled(&texts, opening, out);
    if let Some(b) = tail {
        push_name(&[b], None, out);
    }
    end
}

fn org_follows(ws: &[Word], at: usize) -> bool {
    ws.get(at).is_some_and(|w| w.capitalised && is_organisation_word(&w.text))
}

/// Separate titles from the name they precede: "Russian President Vladimir Putin".
fn push_titled(texts: &[String], opening: bool, out: &mut Vec<Candidate>) {
    let last_title = texts.iter().rposition(|t| is_title_word(t));
    match last_title {
        None => push_name_at(texts, None, opening, out),
        Some(t) if t + 1 == texts.len() => {
            let key = title_key_of(texts);
            if !key.is_empty() {
                out.push(Candidate::Title(key));
            }
        }
        Some(t) => {
            let rest = &texts[t + 1..];
            if rest.iter().all(|w| is_organisation_word(w)) {
                // "Prime Minister Office": an organisation, titles and all.
                push_name(texts, None, out);
            } else {
                push_name(rest, Some(title_key_of(&texts[..=t])), out);
            }
        }
    }
}

fn strip_titles(texts: &[String]) -> Vec<String> {
    match texts.iter().rposition(|t| is_title_word(t)) {
        Some(t) if t + 1 < texts.len() && !texts[t + 1..].iter().all(|w| is_organisation_word(w)) => texts[t + 1..].to_vec(),
        _ => texts.to_vec(),
    }
}

fn push_name(texts: &[String], title: Option<String>, out: &mut Vec<Candidate>) {
    push_name_at(texts, title, false, out);
}

fn push_name_at(texts: &[String], title: Option<String>, opening: bool, out: &mut Vec<Candidate>) {
    let name = texts.join(" ");
    if !name.is_empty() && !is_function_word(&name) {
        out.push(Candidate::Name { name, title: title.filter(|t| !t.is_empty()), opening });
    }
}

/// The title words that say which office: "Russian President" → "president", "Former
/// Ambassador" → "ambassador", "Prime Minister" → "prime minister".
fn title_key_of(texts: &[String]) -> String {
    let words: Vec<String> = texts
        .iter()
        .skip_while(|t| !is_title_word(t))
        .filter(|t| is_title_word(t) && !["former", "ex", "acting", "then"].contains(&t.to_lowercase().as_str()))
        .map(|t| t.to_lowercase())
        .collect();
    words.join(" ")
}

fn title_key(ws: &[Word]) -> String {
    title_key_of(&ws.iter().map(|w| w.text.clone()).collect::<Vec<_>>())
}

/// Lower-case words that could be subjects, and pairs of them side by side.
fn lower_case(ws: &[Word], i: usize, out: &mut Vec<Candidate>) {
    let subject = |w: &Word| {
        !w.capitalised
            && w.text.chars().count() >= 3
            && w.text.chars().all(|c| c.is_alphabetic() || c == '-')
            && !is_function_word(&w.text)
            && !w.text.ends_with("ly")
    };
    let modifier = |w: &Word| subject(w) && !w.text.ends_with("ing");
    let w = &ws[i];
    if !subject(w) {
        return;
    }
    out.push(Candidate::Word(w.text.to_lowercase()));
    if let Some(n) = ws.get(i + 1) {
        if subject(n) && modifier(w) && !w.breaks_after && !w.possessive {
            out.push(Candidate::Pair(w.text.to_lowercase(), n.text.to_lowercase()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(p: &str) -> Vec<String> {
        candidates(p)
            .into_iter()
            .filter_map(|c| match c {
                Candidate::Name { name, title, .. } => Some(match title {
                    Some(t) => format!("{name} [{t}]"),
                    None => name,
                }),
                Candidate::Title(t) => Some(format!("<{t}>")),
                Candidate::Definition { acronym, name } => Some(format!("{acronym}={name}")),
                Candidate::Acronym(a) => Some(a),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn names_titles_and_acronyms() {
        assert_eq!(names("Russian President Vladimir Putin met Imran Khan."), ["Vladimir Putin [president]", "Imran Khan"]);
        assert_eq!(names("But Pakistan’s Foreign Office said so."), ["Pakistan", "Foreign Office"]);
        assert_eq!(names("the China-Pakistan Economic Corridor (CPEC) and NATO."), ["China-Pakistan Economic Corridor", "CPEC=China-Pakistan Economic Corridor", "NATO"]);
        assert_eq!(names("the Russia-Ukraine conflict and the Imran Khan-Putin meeting"), ["Russia", "Ukraine", "Imran Khan", "Putin"]);
        assert_eq!(names("Indeed, the Prime Minister spoke, and the prime minister left."), ["<prime minister>", "<prime minister>"]);
        assert_eq!(names("the Shanghai Cooperation Organisation, the Gulf of Mexico."), ["Shanghai Cooperation Organisation", "Gulf of Mexico"]);
        assert_eq!(names("the Prime Minister’s Office said"), ["Prime Minister’s Office"].map(|s| s.replace("’s", "")));
    }
}
