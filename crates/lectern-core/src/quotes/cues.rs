//! Attribution cues: the reporting verbs and phrases around a quotation that say who spoke.
//! Each finder returns the cue's shape and the words naming the speaker, still unparsed.

use crate::model::Cue;

const REPORTING_VERBS: [&str; 58] = [
    "said", "says", "say", "told", "tells", "added", "adds", "stated", "states", "noted", "notes", "stressed",
    "stresses", "explained", "explains", "warned", "warns", "tweeted", "tweets", "posted", "wrote", "writes",
    "argued", "argues", "asked", "asks", "replied", "replies", "answered", "claimed", "claims", "insisted",
    "insists", "declared", "announced", "remarked", "observed", "commented", "urged", "acknowledged", "admitted",
    "recalled", "continued", "conceded", "concluded", "emphasised", "emphasized", "underlined", "cautioned",
    "responded", "quipped", "testified", "maintained", "predicted", "reiterated", "confirmed", "shouted",
    "whispered",
];

/// Verbs that introduce a quotation they do not report as speech on their own.
const FRAMING_VERBS: [&str; 4] = ["called", "calls", "described", "describes"];

/// Words between a speaker and the verb: "Khan has also said".
const AUXILIARIES: [&str; 16] = [
    "has", "had", "have", "was", "is", "also", "later", "then", "further", "again", "previously", "recently",
    "once", "reportedly", "would", "repeatedly",
];

/// Opening words that belong to the sentence, not the speaker: "But Khan said".
const OPENERS: [&str; 12] =
    ["but", "and", "yet", "so", "then", "however", "meanwhile", "still", "now", "later", "earlier", "instead"];

/// Where a clause starts inside a sentence: the speaker stands after the last of these.
/// ("after", "before", "since" and "as" are left out: they head phrases inside a speaker's
/// description too, "the handout issued after the meeting".)
const SUBORDINATORS: [&str; 7] = [" when ", " because ", " while ", " if ", " where ", " that ", " which "];

/// Where a speaker named after the verb stops: "shouted Rosa Jimenez as police led her away".
const AFTER_SPEAKER: [&str; 6] = [" as ", " while ", " when ", " because ", " before ", " adding"];

/// Abbreviations whose full stop does not end a speaker's name: "Dr. Helen Osei".
const NAME_ABBREVIATIONS: [&str; 14] =
    ["dr", "mr", "mrs", "ms", "st", "jr", "sr", "prof", "gen", "lt", "col", "sen", "rep", "gov"];

fn clean(w: &str) -> String {
    w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase()
}

fn is_reporting(w: &str) -> bool {
    REPORTING_VERBS.contains(&clean(w).as_str())
}

/// Words of `s` with their byte offsets.
fn words(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(st)) => {
                out.push((st, &s[st..i]));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(st) = start {
        out.push((st, &s[st..]));
    }
    out
}

/// The speaker phrase after a verb: up to the end of the clause, or a clause about something
/// else ("… as police led her away").
fn cut_at_clause_end(s: &str) -> &str {
    let stop = s.char_indices().find(|&(i, c)| match c {
        ';' | ':' | '(' | '!' | '?' => true,
        '.' => {
            let word = s[..i].rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
            let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
            !initial && !NAME_ABBREVIATIONS.contains(&word.to_lowercase().as_str())
        }
        _ => false,
    });
    let s = &s[..stop.map_or(s.len(), |(i, _)| i)];
    let lower = s.to_lowercase();
    match AFTER_SPEAKER.iter().filter_map(|w| lower.find(w)).min() {
        Some(i) if lower.len() == s.len() => &s[..i],
        _ => s,
    }
}

fn after_according_to(s: &str) -> Option<&str> {
    let at = s.to_lowercase().find("according to ")?;
    s.get(at + "according to ".len()..)
}

/// Is this word a verb of saying ("said", "asked", "tweeted")?
pub fn is_reporting_word(w: &str) -> bool {
    is_reporting(w)
}

/// The cue in the words after a quotation, up to the end of its sentence.
pub fn after(segment: &str) -> Option<(Cue, String)> {
    if let Some(name) = signature(segment) {
        return Some((Cue::Signed, name.to_string()));
    }
    let s = segment.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '—' | '–' | '-'));
    if s.to_lowercase().starts_with("according to ") {
        return after_according_to(s).map(|p| (Cue::AccordingTo, cut_at_clause_end(p).to_string()));
    }
    let ws = words(s);
    let (_, first) = *ws.first()?;
    if is_reporting(first) && clean(first) != "told" {
        let rest = &s[first.len()..];
        return Some((Cue::SaidAfter, cut_at_clause_end(rest).to_string()));
    }
    let (at, _) = ws.iter().take(16).find(|(_, w)| is_reporting(w))?;
    Some((Cue::SpeakerAfter, subject(&s[..*at])?))
}

/// `“…” — Maria Lopez, port director`: a dash, then a name (and its description) and nothing
/// else, as block quotations and epigraphs are signed.
fn signature(segment: &str) -> Option<&str> {
    let s = segment.trim_start();
    let rest = ['—', '–', '―'].iter().find_map(|d| s.strip_prefix(*d)).or_else(|| s.strip_prefix("-- ")).or_else(|| s.strip_prefix("- "))?;
    let name = rest.trim().trim_end_matches('.');
    let capitalised = name.chars().next().is_some_and(char::is_uppercase);
    let short = !name.is_empty() && words(name).len() <= 12;
    let no_verb = !words(name).iter().any(|(_, w)| is_reporting(w));
    (capitalised && short && no_verb && !name.contains(['.', '!', '?'])).then_some(name)
}

/// The cue in the words before a quotation, from the start of its sentence.
pub fn before(segment: &str) -> Option<(Cue, String)> {
    let s = segment.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ':' | '—' | '–'));
    let lower = s.to_lowercase();
    if let (Some(q), Some(a)) = (lower.find("quoted "), lower.rfind(" as saying")) {
        if q + 7 <= a {
            return Some((Cue::QuotedAsSaying, s[q + 7..a].to_string()));
        }
    }
    if let Some(p) = after_according_to(s) {
        return Some((Cue::AccordingTo, p.split(',').next().unwrap_or(p).to_string()));
    }
    let ws = words(s);
    let (at, _) = ws.iter().rev().find(|(_, w)| is_reporting(w) || FRAMING_VERBS.contains(&clean(w).as_str()))?;
    Some((Cue::SpeakerBefore, subject(&s[..*at])?))
}

/// In a sentence with no quotation: who is reported as speaking ("X said that …", "…, sources
/// said"), if anyone.
pub fn reported_speaker(sentence: &str) -> Option<String> {
    let ws = words(sentence);
    let (at, _) = ws.iter().find(|(_, w)| is_reporting(w))?;
    subject(&sentence[..*at])
}

/// The speaker phrase ending just before a verb: after the last clause boundary, keeping an
/// appositive between commas ("Smith, a spokesman, said").
fn subject(before_verb: &str) -> Option<String> {
    let t = strip_auxiliaries(before_verb).trim_end();
    let phrase = if let Some(t) = t.strip_suffix(',') {
        let (head, apposition) = t.rsplit_once(',')?;
        format!("{},{apposition}", last_clause(head))
    } else {
        last_clause(t).to_string()
    };
    let phrase = strip_openers(phrase.trim());
    (!phrase.is_empty()).then(|| phrase.to_string())
}

fn last_clause(s: &str) -> &str {
    let s = s.rsplit([',', ';', ':', '(', ')', '—']).next().unwrap_or(s);
    let lower = s.to_lowercase();
    let at = SUBORDINATORS.iter().filter_map(|w| lower.rfind(w).map(|i| i + w.len())).max();
    match at {
        Some(i) if lower.len() == s.len() && s.is_char_boundary(i) => &s[i..],
        _ => s,
    }
}

fn strip_auxiliaries(s: &str) -> &str {
    let mut t = s.trim_end();
    while let Some((head, last)) = t.rsplit_once(' ') {
        if !AUXILIARIES.contains(&clean(last).as_str()) {
            break;
        }
        t = head.trim_end();
    }
    t
}

fn strip_openers(mut s: &str) -> &str {
    while let Some((first, rest)) = s.split_once(' ') {
        if !OPENERS.contains(&clean(first).as_str()) {
            break;
        }
        s = rest.trim_start();
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn after_quotations() {
        assert_eq!(after(", said Shamshad Ahmad, a diplomat."), Some((Cue::SaidAfter, " Shamshad Ahmad, a diplomat".into())));
        assert_eq!(after(" he told Bol News."), Some((Cue::SpeakerAfter, "he".into())));
        assert_eq!(after(" the handout said."), Some((Cue::SpeakerAfter, "the handout".into())));
        assert_eq!(after(", according to Jane Roe."), Some((Cue::AccordingTo, "Jane Roe".into())));
        assert_eq!(after(" Then he left."), None);
        assert_eq!(after(" — Maria Lopez, port director"), Some((Cue::Signed, "Maria Lopez, port director".into())));
        assert_eq!(after(" — and then he left. It rained."), None);
    }

    #[test]
    fn before_quotations() {
        assert_eq!(before("Imran Khan tweeted: "), Some((Cue::SpeakerBefore, "Imran Khan".into())));
        assert_eq!(before("But Smith, a spokesman, said, "), Some((Cue::SpeakerBefore, "Smith, a spokesman".into())));
        assert_eq!(before("TASS quoted Sergei Lavrov as saying, "), Some((Cue::QuotedAsSaying, "Sergei Lavrov".into())));
        assert_eq!(before("Speaking in Moscow, Khan has also said that it was "), Some((Cue::SpeakerBefore, "Khan".into())));
    }

    #[test]
    fn reported_speech() {
        assert_eq!(reported_speaker("Shamshad Ahmad, however, said that Pakistan had done this."), Some("Shamshad Ahmad, however".into()));
        assert_eq!(reported_speaker("It is likely to happen soon, they said."), Some("they".into()));
        assert_eq!(reported_speaker("The visit went ahead."), None);
    }
}
