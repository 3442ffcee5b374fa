//! Feeds and exports: RSS 0.9x/1.0/2.0, Atom and JSON Feed files, and WordPress exports (WXR,
//! which is RSS 2.0 with WordPress's own elements), parsed by feed-rs. Every entry becomes an
//! article with its title, author, date, link and categories; an entry carrying its full content
//! (`content:encoded`, Atom `content`) gives the article's text, its structure kept as a page's
//! is; one with only a summary is an article marked as a summary.

use feed_rs::model::{Entry, Feed, Text};

use super::page::content;
use crate::links::is_web_url;
use super::{Block, Meta};
use crate::error::IngestErrorKind;

/// A feed over this is refused before parsing (feed-rs holds the whole feed in memory).
pub const MAX_FEED_BYTES: usize = 50 * 1024 * 1024;
/// More entries than this in one feed are refused: a feed that large is an archive dump that
/// deserves `lectern bundle --split` over its pages, not one file.
pub const MAX_ENTRIES: usize = 20_000;

/// One draft per entry, in the feed's order.
pub fn read(bytes: &[u8]) -> Result<Vec<(Meta, Vec<Block>)>, IngestErrorKind> {
    if bytes.len() > MAX_FEED_BYTES {
        return Err(IngestErrorKind::TooLarge { size: bytes.len(), limit: MAX_FEED_BYTES });
    }
    super::decode::reject_binary(bytes)?;
    let feed = feed_rs::parser::parse(bytes).map_err(|e| IngestErrorKind::Malformed { what: "feed", why: e.to_string() })?;
    if feed.entries.is_empty() {
        return Err(IngestErrorKind::EmptyFeed);
    }
    if feed.entries.len() > MAX_ENTRIES {
        return Err(IngestErrorKind::Malformed { what: "feed", why: format!("it has {} entries; Lectern reads feeds of up to {MAX_ENTRIES}", feed.entries.len()) });
    }
    Ok(feed.entries.iter().map(|entry| draft(&feed, entry)).filter(|(_, blocks)| !blocks.is_empty()).collect())
}

fn draft(feed: &Feed, entry: &Entry) -> (Meta, Vec<Block>) {
    let full = entry.content.as_ref().and_then(|c| c.body.as_deref()).filter(|body| !body.trim().is_empty());
    let summary = entry.summary.as_ref().map(text_of);
    let blocks = match (full, &summary) {
        (Some(body), _) => content::blocks(body),
        (None, Some(summary)) => content::blocks(summary),
        (None, None) => Vec::new(),
    };
    let authors = if entry.authors.is_empty() { &feed.authors } else { &entry.authors };
    let names: Vec<&str> = authors.iter().filter_map(|p| p.name.as_deref()).map(str::trim).filter(|n| !n.is_empty()).collect();
    let meta = Meta {
        title: entry.title.as_ref().map(text_of).map(|t| content::plain(&t)).filter(|t| !t.is_empty()),
        byline: (!names.is_empty()).then(|| names.join(", ")),
        date: entry.published.or(entry.updated).map(|d| d.format("%Y-%m-%d").to_string()),
        source: feed.title.as_ref().map(text_of).map(|t| content::plain(&t)).filter(|t| !t.is_empty()),
        url: entry.links.iter().map(|l| l.href.trim().to_string()).find(|u| is_web_url(u)),
        language: entry.language.clone().or_else(|| feed.language.clone()),
        summary: full.is_none(),
        categories: entry.categories.iter().map(|c| c.label.clone().unwrap_or_else(|| c.term.clone())).collect(),
    };
    (meta, blocks)
}

fn text_of(text: &Text) -> String {
    text.content.clone()
}
