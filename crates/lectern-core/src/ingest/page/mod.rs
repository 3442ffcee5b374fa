//! Web pages: a saved HTML page, or the page inside an MHTML archive, to an article. The page's
//! main content is found by rs-trafilatura (chosen by measurement: BENCHMARKS.md), its
//! structure kept by [`content`], its metadata read by [`meta`]; nothing from the page runs.

mod charset;
pub mod content;
mod depth;
mod facts;
mod meta;
mod mhtml;

use super::{Block, Meta};
use crate::error::IngestErrorKind;


/// Larger pages are refused before they are parsed: saved news pages are 0.1–3 MB, and a parse
/// takes several times a page's size in memory.
pub const MAX_PAGE_BYTES: usize = 20 * 1024 * 1024;

/// Fewer words than this in sentences, once the page around it is gone, is not an article (a
/// list of headlines, a login wall's blurb, an error page); a short news brief has more.
const MIN_ARTICLE_WORDS: usize = 40;

/// What is known of a page before it is read: where it came from.
#[derive(Debug, Default, Clone)]
pub struct Origin {
    pub url: Option<String>,
    /// An HTTP `Content-Type`, whose charset says how to decode the bytes.
    pub content_type: Option<String>,
    /// An HTTP `Content-Language`.
    pub language: Option<String>,
}

/// A page's metadata and its article's blocks.
pub fn read(bytes: &[u8], origin: &Origin) -> Result<(Meta, Vec<Block>), IngestErrorKind> {
    if bytes.len() > MAX_PAGE_BYTES {
        return Err(IngestErrorKind::TooLarge { size: bytes.len(), limit: MAX_PAGE_BYTES });
    }
    let html = charset::decode(bytes, origin.content_type.as_deref())?;
    read_html(&html, origin)
}

/// An MHTML archive's page.
pub fn read_archive(bytes: &[u8], origin: &Origin) -> Result<(Meta, Vec<Block>), IngestErrorKind> {
    if bytes.len() > MAX_PAGE_BYTES * 2 {
        return Err(IngestErrorKind::TooLarge { size: bytes.len(), limit: MAX_PAGE_BYTES * 2 });
    }
    super::decode::reject_binary(bytes)?;
    let page = mhtml::unpack(bytes)?;
    let origin = Origin { url: origin.url.clone().or(page.location), content_type: page.content_type, ..origin.clone() };
    read(&page.html, &origin)
}

/// A page's (or an archive's page's) HTML, decoded; None for other forms or unreadable bytes.
pub fn decoded_html(file: &super::SourceFile, origin: &Origin) -> Option<String> {
    match super::Form::of(file) {
        super::Form::Page => charset::decode(&file.bytes, origin.content_type.as_deref()).ok(),
        super::Form::Archive => {
            let page = mhtml::unpack(&file.bytes).ok()?;
            charset::decode(&page.html, page.content_type.as_deref()).ok()
        }
        _ => None,
    }
}

fn read_html(html: &str, origin: &Origin) -> Result<(Meta, Vec<Block>), IngestErrorKind> {
    if !html.contains('<') {
        return Err(IngestErrorKind::NoArticle);
    }
    depth::check(html)?;
    let options = rs_trafilatura::Options {
        include_tables: true,
        url: origin.url.clone(),
        // Every input here is meant to be an article: the page-type classifier (a third of the
        // extraction time) only chose among profiles for shops, forums and listings.
        page_type: Some(rs_trafilatura::page_type::PageType::Article),
        ..Default::default()
    };
    let extracted = rs_trafilatura::extract_with_options(html, &options).map_err(|_| IngestErrorKind::NoArticle)?;
    let doc = dom_query::Document::from(html);
    let meta = meta::read(&doc, origin, &extracted.metadata);
    let mut blocks = content::blocks(extracted.content_html.as_deref().unwrap_or_default());
    drop_leading_labels(&mut blocks);
    if !is_article(&blocks) {
        return Err(IngestErrorKind::NoArticle);
    }
    Ok((meta, blocks))
}

/// Enough running text to be an article: a homepage's teasers and a login wall are not.
/// Short lines before the article's first sentence are labels, not text: a kicker ("Business",
/// "Feature · Ocean"), a print view's "Print this page  Back to article". Headings stay.
fn drop_leading_labels(blocks: &mut Vec<Block>) {
    const MAX_LABEL_WORDS: usize = 8;
    let labels = blocks
        .iter()
        .take_while(|b| b.kind == super::Kind::Text && !has_sentence(&b.text) && crate::text::word_count(&b.text) <= MAX_LABEL_WORDS)
        .count();
    if labels < blocks.len() {
        blocks.drain(..labels);
    }
}

/// Only words in blocks that hold a finished sentence count: a list of headlines has many words
/// and no sentences.
fn is_article(blocks: &[Block]) -> bool {
    let words: usize = blocks.iter().filter(|b| has_sentence(&b.text)).map(|b| words_in(&b.text)).sum();
    words >= MIN_ARTICLE_WORDS
}

/// A sentence's end: the block's own, or one inside it before a quotation's signature
/// ("… trade.” — Maria Lopez").
fn has_sentence(text: &str) -> bool {
    super::shape::ends_sentence(text) || [".” ", ".\" ", "!” ", "?” ", "。", ". "].iter().any(|end| text.contains(end))
}

/// Words, counting each character of a script written without spaces (Chinese, Japanese) as
/// one, which is how long its sentences read.
fn words_in(text: &str) -> usize {
    crate::text::word_count(text) + text.chars().filter(|c| crate::text::is_unspaced_script(*c)).count()
}
