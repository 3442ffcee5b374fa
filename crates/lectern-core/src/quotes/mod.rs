//! Quotations: found from their marks, attributed from the cues around them, in the order an
//! editor reads. Runs at build time for bundled articles and in the browser for added ones.
//!
//! Choices a reader can see:
//! - a quotation over a paragraph break is one [`Quote`] per paragraph, all with the speaker;
//! - nested quotations stay inside their outer one;
//! - a title or scare quote (a few words, no sentence, nobody named in its sentence) is left
//!   out: it is not speech.

mod attribute;
mod cues;
pub mod export;
mod given_names;
mod marks;
mod sentences;
mod speaker;

use crate::model::{Quote, Section};

/// Every quotation in the article's paragraphs, in reading order.
pub fn extract(sections: &[Section]) -> Vec<Quote> {
    attribute::extract(sections)
}

/// One speaker's quotations, for a panel or an export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeakerQuotes<'a> {
    /// `None` for quotations nobody is named for.
    pub speaker: Option<&'a str>,
    /// The first description given with the speaker.
    pub description: Option<&'a str>,
    /// Positions in the list given to [`by_speaker`], in reading order.
    pub quotes: Vec<usize>,
}

/// Quotations grouped by speaker: most quoted first (ties in order of first appearance), and
/// the unattributed last.
pub fn by_speaker<'a>(quotes: &[&'a Quote]) -> Vec<SpeakerQuotes<'a>> {
    let mut groups: Vec<SpeakerQuotes> = Vec::new();
    for (i, q) in quotes.iter().enumerate() {
        let speaker = q.speaker.as_deref();
        match groups.iter_mut().find(|g| g.speaker == speaker) {
            Some(g) => {
                g.quotes.push(i);
                g.description = g.description.or(q.description.as_deref());
            }
            None => groups.push(SpeakerQuotes { speaker, description: q.description.as_deref(), quotes: vec![i] }),
        }
    }
    // Stable: equal counts keep their order of first appearance.
    groups.sort_by_key(|g| (g.speaker.is_none(), std::cmp::Reverse(g.quotes.len())));
    groups
}

/// Named speakers in order of first appearance: a speaker's place here picks their colour, so
/// it stays the same wherever they are shown.
pub fn speakers_in_order(quotes: &[Quote]) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for s in quotes.iter().filter_map(|q| q.speaker.as_deref()) {
        if !out.contains(&s) {
            out.push(s);
        }
    }
    out
}
