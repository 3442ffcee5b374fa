//! The body: drop what is not the article (stray dates, repeats, a trailing list of other
//! headlines), recognise section headings, and group paragraphs into sections.

use std::collections::HashSet;

use super::shape::{ends_sentence, fold, is_heading_shaped, is_prose, is_title_shaped, same_text};
use super::{dates, Block, Kind};
use crate::model::Section;

pub fn sections(blocks: Vec<Block>, title: &str) -> Vec<Section> {
    let mut seen = HashSet::new();
    let mut blocks: Vec<Block> = blocks
        .into_iter()
        .filter(|b| b.kind != Kind::Text || dates::date_line(&b.text).is_none())
        .filter(|b| !same_text(&b.text, title))
        // A block printed twice is a scraping artefact (pull quotes, sticky headers).
        .filter(|b| seen.insert(fold(&b.text)))
        .collect();
    drop_trailing_headlines(&mut blocks);
    group(&blocks)
}

/// Short headline-shaped lines after the last paragraph are links to other stories (or a
/// heading with nothing under it): neither is this article's text.
fn drop_trailing_headlines(blocks: &mut Vec<Block>) {
    let is_headline = |b: &Block| b.kind != Kind::Lead && is_title_shaped(&b.text);
    let tail = blocks.iter().rev().take_while(|b| is_headline(b)).count();
    if tail < blocks.len() {
        blocks.truncate(blocks.len() - tail);
    }
}

fn group(blocks: &[Block]) -> Vec<Section> {
    let mut sections = vec![Section { heading: None, paragraphs: Vec::new() }];
    for (i, block) in blocks.iter().enumerate() {
        let prev = i.checked_sub(1).map(|j| &blocks[j]);
        if is_heading(block, prev, blocks.get(i + 1)) {
            sections.push(Section { heading: Some(block.text.clone()), paragraphs: Vec::new() });
        } else if let Some(current) = sections.last_mut() {
            current.paragraphs.push(block.text.clone());
        }
    }
    if sections[0].paragraphs.is_empty() && sections.len() > 1 {
        sections.remove(0);
    }
    sections
}

/// Explicit Markdown headings always are; a plain line is one when it is heading-shaped and
/// stands between finished prose (or the start) and a paragraph of prose. A run of short lines
/// is a list, not a heading.
fn is_heading(block: &Block, prev: Option<&Block>, next: Option<&Block>) -> bool {
    let finished = |b: &Block| b.kind != Kind::Text || is_prose(&b.text) || ends_sentence(&b.text);
    match block.kind {
        Kind::Heading(_) => true,
        Kind::Lead => false,
        Kind::Text => {
            is_heading_shaped(&block.text)
                && prev.is_none_or(finished)
                && next.is_some_and(|n| n.kind != Kind::Lead && (is_prose(&n.text) || ends_sentence(&n.text)))
        }
    }
}
