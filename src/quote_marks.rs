//! How an article's quotations look in the reading pane: which paragraph each is in, its
//! speaker's tone, its label and tooltip. Pure, so it is tested natively.

use std::collections::HashMap;
use std::rc::Rc;

use lectern_core::quotes::speakers_in_order;
use lectern_core::{Article, Quote};

/// Distinct colour-and-underline pairs; speakers beyond them share, in order.
pub const TONES: usize = 6;

/// A quotation to mark inside a passage.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteMark {
    /// Character offsets of the quoted words.
    pub start: usize,
    pub end: usize,
    /// Its index among the article's quotations.
    pub index: usize,
    pub speaker: Option<String>,
    /// Colour and underline style: the speaker's place among the article's speakers.
    pub tone: Option<usize>,
    /// The speaker, shown after the quotation where the speaker changes.
    pub label: Option<String>,
    /// Who and how, for hover and focus.
    pub tip: String,
    pub focused: bool,
}

/// Quotation marks by (section, paragraph).
pub type QuoteMarks = HashMap<(usize, usize), Rc<Vec<QuoteMark>>>;

pub fn quote_marks(article: &Article, focused: Option<usize>) -> QuoteMarks {
    let order = speakers_in_order(&article.quotes);
    let mut by_paragraph: HashMap<(usize, usize), Vec<QuoteMark>> = HashMap::new();
    let mut previous: Option<&str> = None;
    for (index, q) in article.quotes.iter().enumerate() {
        let speaker = q.speaker.as_deref();
        let tone = speaker.and_then(|s| order.iter().position(|o| *o == s)).map(|i| i % TONES);
        let label = (speaker != previous).then(|| speaker.unwrap_or("unknown speaker").to_string());
        previous = speaker;
        by_paragraph.entry((q.section, q.paragraph)).or_default().push(QuoteMark {
            start: q.start,
            end: q.end,
            index,
            speaker: q.speaker.clone(),
            tone,
            label,
            tip: tip(q),
            focused: focused == Some(index),
        });
    }
    by_paragraph.into_iter().map(|(k, v)| (k, Rc::new(v))).collect()
}

/// "Shamshad Ahmad, a veteran diplomat — named after the quote (“…,” said X)".
pub fn tip(q: &Quote) -> String {
    let Some(speaker) = &q.speaker else { return format!("Speaker unknown — {}", q.cue.describe()) };
    let who = match &q.description {
        Some(d) => format!("{speaker}, {d}"),
        None => speaker.clone(),
    };
    let via = q.via.as_ref().map(|v| format!(", from “{v}”")).unwrap_or_default();
    format!("{who} — {}{via}", q.cue.describe())
}

#[cfg(test)]
mod tests {
    use super::*;
    use lectern_core::{ingest, SourceFile};

    #[test]
    fn marks_carry_tone_label_and_tip() {
        let text = "Title\n\n“One,” said Ana Ruiz. “Two,” she said.\n\n“Three,” said Li Wei.\n";
        let a = ingest(&SourceFile::new("a.txt", text.as_bytes().to_vec())).unwrap();
        let marks = quote_marks(&a, Some(1));
        let first = &marks[&(0, 0)];
        assert_eq!(first.len(), 2);
        assert_eq!((first[0].tone, first[1].tone), (Some(0), Some(0)));
        assert_eq!(first[0].label.as_deref(), Some("Ana Ruiz"));
        assert_eq!(first[1].label, None, "same speaker again: no label");
        assert!(first[1].focused);
        assert_eq!(first[1].tip, "Ana Ruiz — named after the quote (“…,” X said), from “she”");
        assert_eq!(marks[&(0, 1)][0].tone, Some(1));
    }
}
