//! An article's HTML (what the extractor kept of a page, or a feed entry's content) to blocks:
//! headings stay headings, every other block element with text becomes a paragraph.
//!
//! The rules, in one place:
//! - headings `h1`–`h6` become sections' headings;
//! - paragraphs, list items, definitions and preformatted text are one paragraph each;
//! - a table is kept, one paragraph a row, its cells joined by ` | ` (news tables are small
//!   and are data the article reports: results, figures);
//! - a block quotation's paragraphs are put in quotation marks (unless they carry their own),
//!   and an attribution line under it (`— Name, role`, a `<footer>` or `<cite>`) follows the
//!   last one, so the quote extractor sees a quotation and its speaker; `<q>` gets its marks;
//! - captions, images, media, forms, scripts, styles and embedded frames are dropped: a caption
//!   describes a picture, not the story, and nothing from a page runs or loads;
//! - furniture the extractor kept ("Read more: …", "Advertisement", a share bar) is dropped by
//!   the rules text files follow (`boilerplate`), except in tables.

use dom_query::{Document, NodeRef};

use crate::ingest::Block;

/// Elements whose content never becomes text.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math", "canvas", "video",
    "audio", "picture", "img", "figcaption", "form", "button", "input", "select", "textarea", "nav", "head",
    "title", "meta", "link", "map", "dialog",
];

/// Elements that start a new block.
const BLOCKS: &[&str] = &[
    "p", "div", "section", "article", "main", "header", "footer", "aside", "ul", "ol", "li", "dl", "dt", "dd",
    "pre", "table", "thead", "tbody", "tfoot", "caption", "figure", "address", "details", "summary", "center",
    "hgroup", "hr", "body", "html", "fieldset", "legend",
];

pub fn blocks(html: &str) -> Vec<Block> {
    let doc = Document::fragment(html);
    let mut walk = Walk::default();
    walk.children(&doc.root());
    walk.flush();
    walk.out
}

#[derive(Default)]
struct Walk {
    out: Vec<Block>,
    /// Inline text of the block being read.
    line: String,
}

impl Walk {
    fn children(&mut self, node: &NodeRef) {
        for child in node.children_it(false) {
            self.node(&child);
        }
    }

    fn node(&mut self, node: &NodeRef) {
        if node.is_text() {
            self.line.push_str(&node.text());
            return;
        }
        let Some(name) = node.node_name().map(|n| n.to_ascii_lowercase()) else {
            return self.children(node);
        };
        match name.as_str() {
            _ if DROPPED.contains(&name.as_str()) || !node.is_element() => {}
            "br" => self.line.push('\n'),
            "q" => {
                self.line.push('“');
                self.children(node);
                self.line.push('”');
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => self.heading(node, name.as_bytes()[1] - b'0'),
            "tr" => self.row(node),
            "blockquote" => self.quotation(node),
            _ if BLOCKS.contains(&name.as_str()) => {
                self.flush();
                self.children(node);
                self.flush();
            }
            _ => self.children(node),
        }
    }

    /// The text read so far becomes a block; a line break inside it splits it where two breaks
    /// stand together (pages that build paragraphs from `<br><br>`).
    fn flush(&mut self) {
        let line = std::mem::take(&mut self.line);
        for piece in line.split("\n\n") {
            let text = normalise(piece);
            if !text.is_empty() && !is_furniture(&text) {
                self.out.push(Block::text(text));
            }
        }
    }

    fn heading(&mut self, node: &NodeRef, level: u8) {
        self.flush();
        let text = normalise(&inline_text(node));
        if !text.is_empty() && !is_furniture(&text) {
            self.out.push(Block::heading(text, level));
        }
    }

    fn row(&mut self, node: &NodeRef) {
        self.flush();
        let cells: Vec<String> = node
            .element_children()
            .iter()
            .map(|cell| normalise(&inline_text(cell)))
            .filter(|text| !text.is_empty())
            .collect();
        if !cells.is_empty() {
            self.out.push(Block::text(cells.join(" | ")));
        }
    }

    fn quotation(&mut self, node: &NodeRef) {
        self.flush();
        let mut inner = Walk::default();
        inner.children(node);
        inner.flush();
        self.out.extend(quoted(inner.out));
    }
}

/// A block quotation's blocks in quotation marks, its attribution line joined to the last one.
fn quoted(mut blocks: Vec<Block>) -> Vec<Block> {
    let attribution = match blocks.last() {
        Some(last) if blocks.len() > 1 && is_attribution(&last.text) => blocks.pop().map(|b| b.text),
        _ => None,
    };
    for block in &mut blocks {
        if !crate::ingest::shape::starts_with_quote(&block.text) {
            block.text = format!("“{}”", block.text);
        }
    }
    if let (Some(attribution), Some(last)) = (attribution, blocks.last_mut()) {
        let name = attribution.trim_start_matches(['—', '–', '-', '―', ' ', '\u{a0}']);
        last.text = format!("{} — {name}", last.text);
    }
    blocks
}

/// The furniture an extractor leaves inside an article ("Read more: …", "Advertisement", a share
/// bar), by the same rules as text files'. Table rows are not asked: their cells are joined by
/// bars, as a page's chrome is.
fn is_furniture(text: &str) -> bool {
    crate::ingest::boilerplate::is_boilerplate(text)
}

/// `— Maria Lopez, port director`: a dash and a few words, no sentence.
fn is_attribution(text: &str) -> bool {
    let dashed = text.starts_with(['—', '–', '―']) || text.starts_with("- ") || text.starts_with("--");
    dashed && crate::text::word_count(text) <= 14
}

/// A title or name that may carry markup (Atom `type="html"`, a JSON-LD headline with `<em>`,
/// a hostile `og:title`): its text alone, white space collapsed.
pub fn plain(text: &str) -> String {
    if text.contains('<') && text.contains('>') {
        blocks(text).into_iter().map(|b| b.text).collect::<Vec<_>>().join(" ")
    } else {
        normalise(text)
    }
}

/// An element's text with inline quotations marked and line breaks as spaces.
pub fn inline_text(node: &NodeRef) -> String {
    let mut walk = Walk::default();
    walk.children(node);
    walk.line
}

/// White space collapsed to single spaces, trimmed.
fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::Kind;

    fn texts(html: &str) -> Vec<String> {
        blocks(html).into_iter().map(|b| b.text).collect()
    }

    #[test]
    fn headings_paragraphs_and_lists() {
        let got = blocks("<h2>Ships wait</h2><p>One  <b>two</b>\n three.</p><ul><li>a</li><li>b</li></ul>");
        assert_eq!(got[0], Block::heading("Ships wait".into(), 2));
        assert_eq!(got[1].text, "One two three.");
        assert_eq!(got[1].kind, Kind::Text);
        assert_eq!(got[2].text, "a");
        assert_eq!(got[3].text, "b");
    }

    #[test]
    fn quotations_get_marks_and_their_attribution() {
        let got = texts("<blockquote><p>Crews come first.</p><footer>— Maria Lopez, port director</footer></blockquote><p>He called it <q>a disgrace</q>.</p>");
        assert_eq!(got, ["“Crews come first.” — Maria Lopez, port director", "He called it “a disgrace”."]);
        assert_eq!(texts("<blockquote>“Already marked,” she said.</blockquote>"), ["“Already marked,” she said."]);
    }

    #[test]
    fn tables_become_rows_and_media_scripts_and_captions_go() {
        let html = "<table><tr><th>Team</th><th>Points</th></tr><tr><td>Lyon</td><td>61</td></tr></table>\
                    <figure><img src=x><figcaption>A photo.</figcaption></figure><script>alert(1)</script>\
                    <iframe src=//evil></iframe><p>Kept.</p>";
        assert_eq!(texts(html), ["Team | Points", "Lyon | 61", "Kept."]);
    }

    #[test]
    fn double_line_breaks_split_paragraphs() {
        assert_eq!(texts("<div>First line<br>same paragraph.<br><br>Second paragraph.</div>"), ["First line same paragraph.", "Second paragraph."]);
    }
}
