//! Reading the words that name a speaker ("Russian President Vladimir Putin", "Shamshad Ahmad, a
//! veteran diplomat", "the handout issued by the Office", "he") into a canonical name and the
//! description that came with it.

use crate::lexicon::{is_organisation_word, is_title_word};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Person,
    /// A named organisation, agency or outlet: "the Kremlin", "TASS", "the Foreign Office".
    Organisation,
    /// A description used as the speaker: "one foreign ministry official", "the handout".
    Description { plural: bool },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Named {
    Speaker(Speaker),
    Pronoun(Pronoun),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    pub name: String,
    pub description: Option<String>,
    pub kind: Kind,
    pub gender: Option<Gender>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pronoun {
    He,
    She,
    They,
    It,
}

impl Pronoun {
    pub fn word(self) -> &'static str {
        match self {
            Pronoun::He => "he",
            Pronoun::She => "she",
            Pronoun::They => "they",
            Pronoun::It => "it",
        }
    }
}

/// Words that start a description rather than a name.
const DETERMINERS: [&str; 16] = [
    "the", "a", "an", "one", "two", "three", "several", "some", "another", "many", "most", "other", "his", "her",
    "its", "their",
];

/// Occupations written before a name, capitalised at the start of a sentence: "Economist
/// Priya Raman".
const ROLES: [&str; 40] = [
    "economist", "analyst", "lawyer", "official", "diplomat", "expert", "activist", "scientist", "researcher",
    "journalist", "author", "historian", "leader", "executive", "founder", "editor", "correspondent", "doctor",
    "nurse", "farmer", "resident", "witness", "student", "teacher", "player", "striker", "manager", "owner",
    "commander", "officer", "candidate", "lawmaker", "legislator", "mp", "veteran", "campaigner", "spokesperson",
    "strategist", "investor", "entrepreneur",
];

/// Lower-case words that belong inside names: Ibn Battuta, Ursula von der Leyen.
const NAME_PARTICLES: [&str; 12] = ["de", "der", "van", "von", "bin", "bint", "al", "da", "del", "di", "la", "le"];

/// Words after which a capitalised name is an object, not the speaker: "a spokesman for NATO".
const LINKING: [&str; 9] = ["for", "of", "at", "from", "by", "with", "in", "to", "on"];

/// Adverbs that stand between commas after a name without describing anyone.
const ASIDES: [&str; 12] = [
    "however", "though", "meanwhile", "too", "also", "instead", "moreover", "furthermore", "nonetheless",
    "nevertheless", "in turn", "for his part",
];

/// Phrases after a speaker that say when or where, not who.
const CIRCUMSTANCES: [&str; 16] = [
    " on monday", " on tuesday", " on wednesday", " on thursday", " on friday", " on saturday", " on sunday",
    " in a statement", " in an interview", " in a post", " at a news conference", " at a press conference",
    " during ", " last week", " yesterday", " earlier",
];

fn clean_word(w: &str) -> String {
    w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-').to_lowercase()
}

fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

pub fn is_aside(s: &str) -> bool {
    let s = s.trim().trim_end_matches(',').to_lowercase();
    ASIDES.contains(&s.as_str()) || s.starts_with("for her part") || s.starts_with("for their part")
}

pub fn pronoun(s: &str) -> Option<Pronoun> {
    match s.trim().to_lowercase().as_str() {
        "he" => Some(Pronoun::He),
        "she" => Some(Pronoun::She),
        "they" => Some(Pronoun::They),
        "it" => Some(Pronoun::It),
        _ => None,
    }
}

/// Read a speaker phrase. `None` when it names nobody (empty, or too long to be a name).
pub fn parse(phrase: &str) -> Option<Named> {
    let phrase = phrase.trim().trim_matches(|c: char| c == ',' || c.is_whitespace());
    if let Some(p) = pronoun(phrase) {
        return Some(Named::Pronoun(p));
    }
    let (head, mut description) = split_appositive(phrase);
    let words: Vec<&str> = cut_circumstances(head).split_whitespace().collect();
    if words.is_empty() || words.len() > 16 {
        return None;
    }
    let first = clean_word(words[0]);
    // "Imran Khan and Vladimir Putin": a group, named as written.
    if words.iter().any(|w| *w == "and" || *w == "&") {
        let name = words.join(" ");
        return Some(Named::Speaker(Speaker { name, description, kind: Kind::Description { plural: true }, gender: None }));
    }
    if DETERMINERS.contains(&first.as_str()) || !is_capitalised(words[0]) {
        // "veteran diplomat Jane Roe" names Jane Roe; "a spokesman for the Foreign Office" and
        // "the Kremlin" name no person.
        let run = words.iter().rev().take_while(|w| is_capitalised(w)).count();
        let joined_by = words.len().checked_sub(run + 1).map(|i| clean_word(words[i]));
        let preposed = run > 0 && joined_by.is_some_and(|w| !LINKING.contains(&w.as_str()) && !DETERMINERS.contains(&w.as_str()));
        if !preposed {
            return Some(Named::Speaker(described(head, description)));
        }
    }
    // Named: drop titles ("Russian President", "Mr") and pre-posed descriptions ("veteran
    // diplomat") before the name itself, keeping them as the description.
    let cut = words
        .iter()
        .rposition(|w| {
            let c = clean_word(w);
            is_title_word(w) || ROLES.contains(&c.as_str()) || !is_capitalised(w) && !NAME_PARTICLES.contains(&c.as_str())
        })
        .map_or(0, |i| i + 1);
    // "Pakistan’s Foreign Office": what follows the "title" is an organisation's name.
    let cut = if cut < words.len() && words[cut..].iter().all(|w| is_organisation_word(w)) { 0 } else { cut };
    if cut == words.len() {
        // Only a title ("the President" without "the") or only description: keep as written.
        return Some(Named::Speaker(described(head, description)));
    }
    let name = words[cut..].join(" ");
    let title = words[..cut].join(" ");
    if !title.is_empty() {
        description = Some(match description {
            Some(d) => format!("{title}, {d}"),
            None => title,
        });
    }
    let kind = if is_organisation(&name) { Kind::Organisation } else { Kind::Person };
    let gender = words[..cut].iter().find_map(|w| gender_of(&clean_word(w))).or_else(|| {
        let first = words[cut..].first().filter(|_| words.len() - cut >= 2)?;
        super::given_names::gender(first)
    });
    Some(Named::Speaker(Speaker { name, description, kind, gender }))
}

fn split_appositive(phrase: &str) -> (&str, Option<String>) {
    let Some((head, rest)) = phrase.split_once(", ") else { return (phrase, None) };
    let rest = rest.trim().trim_end_matches(',').trim();
    let description = (!rest.is_empty() && !is_aside(rest)).then(|| rest.to_string());
    (head, description)
}

fn cut_circumstances(head: &str) -> &str {
    let lower = head.to_lowercase();
    let at = CIRCUMSTANCES.iter().filter_map(|c| lower.find(c)).min();
    // Byte offsets of the lower-cased copy match only while lower-casing kept lengths.
    match at {
        Some(i) if lower.len() == head.len() && head.is_char_boundary(i) => &head[..i],
        _ => head,
    }
}

/// A description used as a speaker: as written, with a leading "The"/"One" lower-cased, and a
/// participle phrase ("issued by the Office after the meeting") moved to the description.
fn described(phrase: &str, description: Option<String>) -> Speaker {
    let all: Vec<&str> = phrase.split_whitespace().collect();
    let split = (1..all.len().saturating_sub(1)).find(|&i| {
        let next = clean_word(all[i + 1]);
        !is_capitalised(all[i]) && is_participle(all[i]) && (LINKING.contains(&next.as_str()) || next == "after")
    });
    let (head, tail) = match split {
        Some(i) => (all[..i].join(" "), Some(all[i..].join(" "))),
        None => (cut_circumstances(phrase).to_string(), None),
    };
    let mut name = head.trim().to_string();
    if DETERMINERS.contains(&clean_word(name.split(' ').next().unwrap_or_default()).as_str()) {
        name = lower_first(&name);
    }
    let description = match (tail, description) {
        (Some(t), Some(d)) => Some(format!("{t}, {d}")),
        (t, d) => t.or(d),
    };
    let plural = name.rsplit(' ').next().is_some_and(|w| {
        let w = clean_word(w);
        w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us")
    });
    Speaker { name, description, kind: Kind::Description { plural }, gender: None }
}

fn is_participle(w: &str) -> bool {
    let w = clean_word(w);
    w.ends_with("ed") || ["made", "given", "sent", "written", "shown", "read", "put out"].contains(&w.as_str())
}

fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if chars.clone().next().is_some_and(|n| !n.is_uppercase()) => c.to_lowercase().chain(chars).collect(),
        _ => s.to_string(),
    }
}

fn is_organisation(name: &str) -> bool {
    let acronym = name.len() >= 2 && name.chars().all(|c| c.is_ascii_uppercase());
    acronym || name.split_whitespace().any(is_organisation_word)
}

fn gender_of(title: &str) -> Option<Gender> {
    match title {
        "mr" | "sir" | "lord" | "king" | "prince" | "spokesman" | "chairman" => Some(Gender::Male),
        "mrs" | "ms" | "miss" | "dame" | "lady" | "queen" | "princess" | "spokeswoman" | "chairwoman" => {
            Some(Gender::Female)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn speaker(s: &str) -> (String, Option<String>) {
        match parse(s) {
            Some(Named::Speaker(sp)) => (sp.name, sp.description),
            other => panic!("{s:?} gave {other:?}"),
        }
    }

    #[test]
    fn titles_and_appositives_become_the_description() {
        assert_eq!(speaker("Russian President Vladimir Putin"), ("Vladimir Putin".into(), Some("Russian President".into())));
        assert_eq!(
            speaker("Shamshad Ahmad, a veteran diplomat and Pakistan’s former foreign secretary"),
            ("Shamshad Ahmad".into(), Some("a veteran diplomat and Pakistan’s former foreign secretary".into()))
        );
        assert_eq!(speaker("veteran diplomat Jane Roe"), ("Jane Roe".into(), Some("veteran diplomat".into())));
        assert_eq!(speaker("Mr Smith"), ("Smith".into(), Some("Mr".into())));
        assert_eq!(speaker("Shamshad Ahmad, however,"), ("Shamshad Ahmad".into(), None));
    }

    #[test]
    fn descriptions_stay_as_written() {
        assert_eq!(speaker("one foreign ministry official"), ("one foreign ministry official".into(), None));
        assert_eq!(
            speaker("The handout issued by the Prime Minister’s Office"),
            ("the handout".into(), Some("issued by the Prime Minister’s Office".into()))
        );
        assert_eq!(speaker("a spokesman for the ministry"), ("a spokesman for the ministry".into(), None));
        assert_eq!(speaker("the ministry in a statement"), ("the ministry".into(), None));
    }

    #[test]
    fn pronouns_are_left_to_resolve() {
        assert_eq!(parse(" he "), Some(Named::Pronoun(Pronoun::He)));
        assert_eq!(parse(""), None);
    }
}
