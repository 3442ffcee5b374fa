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
