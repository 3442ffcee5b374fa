//! Reading an article from start to end the way an editor does, keeping track of who has spoken:
//! pronouns resolve to the most recent fitting speaker, a surname to the full name given
//! earlier, and an unattributed quotation right after a speaker's turn continues that turn.

use super::cues;
use super::marks::{scan, RawQuote};
use super::sentences::sentences;
use super::speaker::{self, Gender, Kind, Named, Pronoun};
use crate::model::{Cue, Quote, Section};

/// A quotation of at most this many words with no sentence in it is a title or scare quote
/// ('regretted', “Black Day”): left out unless its own sentence attributes it.
const SCARE_QUOTE_WORDS: usize = 4;

/// Someone who has spoken so far, most recent last.
#[derive(Debug, Clone)]
struct Entry {
    name: String,
    kind: Kind,
    gender: Option<Gender>,
}

/// The speaker of a quotation or of reported speech, as resolved.
#[derive(Debug, Clone)]
struct Resolved {
    name: String,
    description: Option<String>,
    via: Option<String>,
}

#[derive(Default)]
struct Reading {
    spoken: Vec<Entry>,
    /// Who holds the floor: the speaker of the last sentence, if it was speech.
    turn: Option<(Resolved, Cue)>,
    /// Names written in full anywhere in the article, to expand a bare surname.
    full_names: Vec<String>,
    quotes: Vec<Quote>,
    /// For each quote: the one it continues from the previous paragraph.
    continues: Vec<Option<usize>>,
}

pub fn extract(sections: &[Section]) -> Vec<Quote> {
    let mut reading = Reading { full_names: full_names(sections), ..Reading::default() };
    let mut carried: Option<usize> = None;
    for (s, section) in sections.iter().enumerate() {
        for (p, text) in section.paragraphs.iter().enumerate() {
            carried = reading.paragraph(s, p, text, carried);
        }
    }
    reading.backfill_continued();
    reading.quotes
}

impl Reading {
    /// Returns the quote this paragraph leaves open, if any.
    fn paragraph(&mut self, section: usize, paragraph: usize, text: &str, carried: Option<usize>) -> Option<usize> {
        let chars: Vec<char> = text.chars().collect();
        let raw = scan(&chars);
        let mut left_open = None;
        let mut first_in_paragraph = true;
        for (from, to) in sentences(&chars, &raw) {
            let inside: Vec<&RawQuote> = raw.iter().filter(|q| q.open_mark.map_or(0, |m| m) >= from && q.open_mark.map_or(0, |m| m) < to).collect();
            let mut kept = 0;
            for (k, q) in inside.iter().enumerate() {
                let before_from = if k == 0 { from } else { inside[k - 1].after };
                let after_to = inside.get(k + 1).and_then(|n| n.open_mark).unwrap_or(to);
                let before: String = chars[before_from..q.open_mark.unwrap_or(q.start).max(before_from)].iter().collect();
                let after: String = chars[q.after.min(after_to)..after_to].iter().collect();
                let continues = (first_in_paragraph && before.trim().is_empty()).then_some(carried).flatten();
                first_in_paragraph = false;
                let previous_in_sentence = (k > 0 && kept > 0).then(|| self.quotes.len() - 1);
                if let Some(quote) = self.quote(&chars, q, &before, &after, continues, previous_in_sentence, section, paragraph) {
                    self.quotes.push(quote);
                    self.continues.push(continues);
                    kept += 1;
                    if q.open_end {
                        left_open = Some(self.quotes.len() - 1);
                    }
                }
            }
            if kept == 0 {
                let sentence: String = chars[from..to].iter().collect();
                self.narrative(&sentence);
            }
            first_in_paragraph = false;
        }
        left_open
    }

    /// A sentence without (kept) quotations: reported speech passes the turn, anything else
    /// ends it.
    fn narrative(&mut self, sentence: &str) {
        self.turn = cues::reported_speaker(sentence)
            .and_then(|phrase| self.resolve(&phrase))
            .map(|r| (r, Cue::ReportedSpeech));
    }

    #[allow(clippy::too_many_arguments)]
    fn quote(
        &mut self,
        chars: &[char],
        q: &RawQuote,
        before: &str,
        after: &str,
        continues: Option<usize>,
        previous_in_sentence: Option<usize>,
        section: usize,
        paragraph: usize,
    ) -> Option<Quote> {
        let (start, end) = trim(chars, q.start, q.end);
        if start >= end {
            return None;
        }
        let text: String = chars[start..end].iter().collect();
        let cue = cues::after(after).or_else(|| cues::before(before));
        let attributed = cue.is_some();
        let mut found = cue.and_then(|(cue, phrase)| self.resolve(&phrase).map(|r| (r, cue)));
        if !attributed && is_scare_quote(&text) && continues.is_none() {
            return None;
        }
        if !attributed {
            found = if let Some(c) = continues {
                let prior = &self.quotes[c];
                prior.speaker.clone().map(|name| (Resolved { name, description: None, via: None }, Cue::Continuation))
            } else if let Some(p) = previous_in_sentence {
                let prior = &self.quotes[p];
                prior.speaker.clone().map(|name| (Resolved { name, description: None, via: None }, Cue::Continuation))
            } else if before.trim().is_empty() {
                self.turn.clone().map(|(r, cue)| {
                    let cue = if cue == Cue::ReportedSpeech { cue } else { Cue::Continuation };
                    (Resolved { description: None, via: None, ..r }, cue)
                })
            } else {
                None
            };
        }
        self.turn = found.clone();
        let (speaker, cue) = match found {
            Some((r, cue)) => (Some(r), cue),
            None => (None, Cue::Unattributed),
        };
        Some(Quote {
            text,
            speaker: speaker.as_ref().map(|r| r.name.clone()),
            description: speaker.as_ref().and_then(|r| r.description.clone()),
            cue,
            via: speaker.and_then(|r| r.via),
            section,
            paragraph,
            start,
            end,
        })
    }

    /// Read a speaker phrase and resolve it against who has spoken; remember the speaker.
    fn resolve(&mut self, phrase: &str) -> Option<Resolved> {
        match speaker::parse(phrase)? {
            Named::Pronoun(p) => {
                let i = self.spoken.iter().rposition(|e| fits(e, p))?;
                let mut entry = self.spoken.remove(i);
                if entry.kind == Kind::Person {
                    entry.gender = entry.gender.or(match p {
                        Pronoun::He => Some(Gender::Male),
                        Pronoun::She => Some(Gender::Female),
                        _ => None,
                    });
                }
                let name = entry.name.clone();
                self.spoken.push(entry);
                Some(Resolved { name, description: None, via: Some(p.word().to_string()) })
            }
            Named::Speaker(s) => {
                let full = (s.kind == Kind::Person && !s.name.contains(' ')).then(|| self.full_name(&s.name)).flatten();
                let via = full.as_ref().map(|_| s.name.clone());
                let name = full.unwrap_or(s.name);
                let gender = match self.spoken.iter().position(|e| e.name == name) {
                    Some(i) => self.spoken.remove(i).gender.or(s.gender),
                    None => s.gender,
                };
                self.spoken.push(Entry { name: name.clone(), kind: s.kind, gender });
                Some(Resolved { name, description: s.description, via })
            }
        }
    }

    /// "Hilaly" after "Zafar Hilaly": the most recent speaker, else the most frequent full
    /// name in the article, ending with this surname.
    fn full_name(&self, surname: &str) -> Option<String> {
        let ends = |n: &str| n.len() > surname.len() && n.ends_with(surname) && n[..n.len() - surname.len()].ends_with(' ');
        if let Some(e) = self.spoken.iter().rev().find(|e| e.kind == Kind::Person && ends(&e.name)) {
            return Some(e.name.clone());
        }
        let mut counts: Vec<(&String, usize)> = Vec::new();
        for n in self.full_names.iter().filter(|n| ends(n)) {
            match counts.iter_mut().find(|(m, _)| *m == n) {
                Some((_, c)) => *c += 1,
                None => counts.push((n, 1)),
            }
        }
        counts.into_iter().max_by_key(|&(_, c)| c).map(|(n, _)| n.clone())
    }

    /// A quotation continued from the previous paragraph whose speaker is only named in a
    /// later part ("…\n\n“…,” he said.") takes that speaker too.
    fn backfill_continued(&mut self) {
        for i in (0..self.quotes.len()).rev() {
            let Some(j) = self.continues[i] else { continue };
            if self.quotes[j].speaker.is_none() && self.quotes[i].speaker.is_some() {
                self.quotes[j].speaker = self.quotes[i].speaker.clone();
                self.quotes[j].cue = Cue::Continuation;
            }
        }
    }
}

fn fits(e: &Entry, p: Pronoun) -> bool {
    match p {
        Pronoun::He => e.kind == Kind::Person && e.gender != Some(Gender::Female),
        Pronoun::She => e.kind == Kind::Person && e.gender != Some(Gender::Male),
        Pronoun::They => matches!(e.kind, Kind::Organisation | Kind::Description { plural: true }),
        Pronoun::It => matches!(e.kind, Kind::Organisation | Kind::Description { plural: false }),
    }
}

/// The quoted words: no surrounding space, no trailing comma, colon or semicolon.
fn trim(chars: &[char], mut start: usize, mut end: usize) -> (usize, usize) {
    while start < end && chars[start].is_whitespace() {
        start += 1;
    }
    while end > start && (chars[end - 1].is_whitespace() || matches!(chars[end - 1], ',' | ';' | ':')) {
        end -= 1;
    }
    (start, end)
}

fn is_scare_quote(text: &str) -> bool {
    text.split_whitespace().count() <= SCARE_QUOTE_WORDS && !text.contains(['.', '!', '?', '…'])
}

/// Runs of two to four capitalised words that parse as a person's name ("Prime Minister Imran
/// Khan" gives "Imran Khan"), in order of appearance.
fn full_names(sections: &[Section]) -> Vec<String> {
    let mut out = Vec::new();
    for text in sections.iter().flat_map(|s| &s.paragraphs) {
        let mut run: Vec<&str> = Vec::new();
        let words = text.split_whitespace().map(Some).chain(std::iter::once(None));
        for word in words {
            let bare = word.map(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric()));
            let capital = bare.is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase) && !w.contains('’') && !w.contains('\''));
            if capital {
                run.push(bare.unwrap_or_default());
            }
            let ends_run = !capital || word.is_some_and(|w| w.ends_with(|c: char| !c.is_alphanumeric()));
            if ends_run {
                if let Some(Named::Speaker(s)) = (run.len() >= 2).then(|| speaker::parse(&run.join(" "))).flatten() {
                    if s.kind == Kind::Person && s.name.contains(' ') {
                        out.push(s.name);
                    }
                }
                run.clear();
            }
        }
    }
    out
}
