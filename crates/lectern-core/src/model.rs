//! The article model. Field names follow the CLI's JSON contract (shared/CONTRACT.md §2), so the
//! serialised form of these types *is* that contract.

use serde::{Deserialize, Serialize};

/// Average adult silent-reading speed for non-fiction, in words per minute.
const WORDS_PER_MINUTE: usize = 230;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// Stable and URL-safe; derived from the file name.
    pub id: String,
    /// The file name the article came from.
    pub file: String,
    pub title: String,
    pub byline: Option<String>,
    /// As written in the article (or its front matter).
    pub date: Option<String>,
    /// The publication (a page's `og:site_name`, a feed's title, front matter's `source`).
    pub source: Option<String>,
    /// Where the original is: a page's canonical URL, a feed entry's link, front matter's `url`.
    /// Plain text carries none we could trust. Always `http(s)://` when set.
    pub url: Option<String>,
    /// The language the article declares (`<html lang>`, `Content-Language`, a feed's
    /// language), as a BCP 47 tag such as `en` or `pt-BR`.
    pub language: Option<String>,
    /// A feed entry that carried only its summary, not the article's full text.
    pub summary: bool,
    /// A feed entry's categories or a page's `article:tag`s, as written.
    pub categories: Vec<String>,
    pub sections: Vec<Section>,
    pub quotes: Vec<Quote>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub heading: Option<String>,
    pub paragraphs: Vec<String>,
}

/// A quotation inside one paragraph. One running over a paragraph break is one `Quote` per
/// paragraph, each with the speaker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// The quoted words, without the outer marks (and without a trailing comma).
    pub text: String,
    /// Canonical: a name without titles, or a description as written ("the handout").
    pub speaker: Option<String>,
    /// Titles and appositives given with the speaker: "a veteran diplomat", "Russian President".
    pub description: Option<String>,
    pub cue: Cue,
    /// The words that named the speaker when they are not the name: "he", "Hilaly".
    pub via: Option<String>,
    pub section: usize,
    pub paragraph: usize,
    /// Character offsets (Unicode scalar values) into the paragraph.
    pub start: usize,
    pub end: usize,
}

impl AsRef<Article> for Article {
    fn as_ref(&self) -> &Article {
        self
    }
}

impl Article {
    pub fn paragraphs(&self) -> impl Iterator<Item = &str> {
        self.sections
            .iter()
            .flat_map(|s| s.paragraphs.iter().map(String::as_str))
    }

    pub fn word_count(&self) -> usize {
        let headings = self.sections.iter().filter_map(|s| s.heading.as_deref());
        self.paragraphs()
            .chain(headings)
            .map(crate::text::word_count)
            .sum()
    }

    /// Whole minutes, never zero: "1 min read" for a short note.
    pub fn reading_minutes(&self) -> usize {
        self.word_count().div_ceil(WORDS_PER_MINUTE).max(1)
    }

    /// Headings in order, for a table of contents. Empty when the article has no sections.
    pub fn headings(&self) -> impl Iterator<Item = (usize, &str)> {
        self.sections
            .iter()
            .enumerate()
            .filter_map(|(i, s)| s.heading.as_deref().map(|h| (i, h)))
    }
}

/// How a quotation's speaker was found. Shown to readers, so each has a plain description.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Cue {
    /// “…,” said X
    SaidAfter,
    /// “…,” X said  /  “…,” he told Bol News
    SpeakerAfter,
    /// X said, “…”  /  X tweeted: “…”
    SpeakerBefore,
    /// according to X
    AccordingTo,
    /// TASS quoted X as saying
    QuotedAsSaying,
    /// X said that … “…”: the quotation follows X's reported speech.
    ReportedSpeech,
    /// An unattributed quotation continuing the speaker's turn.
    Continuation,
    /// Nothing says who spoke.
    Unattributed,
    /// “…” — X: signed with a dash, as block quotations are.
    Signed,
}

impl Cue {
    pub fn describe(self) -> &'static str {
        match self {
            Cue::SaidAfter => "named after the quote (“…,” said X)",
            Cue::SpeakerAfter => "named after the quote (“…,” X said)",
            Cue::SpeakerBefore => "named before the quote (X said, “…”)",
            Cue::AccordingTo => "“according to X”",
            Cue::QuotedAsSaying => "“quoted X as saying”",
            Cue::ReportedSpeech => "follows X’s reported speech (X said that …)",
            Cue::Continuation => "continues the speaker’s turn",
            Cue::Unattributed => "no attribution found",
            Cue::Signed => "signed after the quote (“…” — X)",
        }
    }
}

