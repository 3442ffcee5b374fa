//! The header zone: everything before the first paragraph of prose. Title, byline and date live
//! here, along with a masthead date, a section kicker or a repeated headline that a careful
//! reader skips.

use super::shape::{is_prose, is_title_shaped, same_text, word_count};
use super::{byline, dates, Block, Kind};

/// A header longer than this is not a header: the rest is body, whatever its shape.
const MAX_HEADER_BLOCKS: usize = 10;

#[derive(Debug, Default, PartialEq)]
pub struct Header {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub date: Option<String>,
}

/// Split `blocks` into the header's facts and the body. Header lines that are none of title,
/// byline, date or repeat (a standfirst, say) stay in the body as lead paragraphs.
pub fn split(mut blocks: Vec<Block>) -> (Header, Vec<Block>) {
    let zone_end = blocks
        .iter()
        .position(starts_body)
        .unwrap_or(blocks.len())
        .min(MAX_HEADER_BLOCKS);
    let body = blocks.split_off(zone_end);
    let zone = blocks;
    let mut header = Header::default();
    let mut kept = Vec::new();
    for (i, block) in zone.iter().enumerate() {
        if block.kind == Kind::Text {
            if let Some(date) = dates::date_line(&block.text) {
                // Above the headline a date is the masthead's "today", not when this was written.
                if header.title.is_some() {
                    header.date.get_or_insert(date);
                }
                continue;
            }
            if let Some(by) = byline::parse(&block.text) {
                header.byline.get_or_insert(by.name);
                if let Some(date) = by.date {
                    header.date.get_or_insert(date);
                }
                continue;
            }
        }
        match &header.title {
            None if is_title_candidate(block) => {
                if !is_kicker(block, &zone[i + 1..]) {
                    header.title = Some(block.text.clone());
                }
            }
            Some(title) if same_text(title, &block.text) => {}
            _ if block.kind == Kind::Text => kept.push(Block { kind: Kind::Lead, ..block.clone() }),
            _ => kept.push(block.clone()),
        }
    }
    kept.extend(body);
    (header, kept)
}

fn starts_body(block: &Block) -> bool {
    match block.kind {
        Kind::Heading(level) => level >= 2,
        Kind::Text | Kind::Lead => is_prose(&block.text),
    }
}

fn is_title_candidate(block: &Block) -> bool {
    block.kind == Kind::Heading(1) || block.kind == Kind::Text && is_title_shaped(&block.text)
}

/// A one- or two-word label ("OPINION", "World") above a longer headline.
fn is_kicker(block: &Block, rest: &[Block]) -> bool {
    let words = word_count(&block.text);
    words <= 2
        && block.kind == Kind::Text
        && rest
            .iter()
            .find(|b| dates::date_line(&b.text).is_none() && byline::parse(&b.text).is_none())
            .is_some_and(|next| is_title_candidate(next) && word_count(&next.text) > words)
}
