//! Ingestion: a file's bytes in, a clean [`Article`] out.
//!
//! bytes → text (decode) → blocks (plain or Markdown) → furniture removed (boilerplate) →
//! title, byline and date taken from the header zone (header) → sections (body).

mod body;
mod boilerplate;
mod byline;
mod dates;
mod decode;
mod front_matter;
mod header;
mod markdown;
mod plain;
mod shape;

use crate::error::{IngestError, IngestErrorKind};
use crate::model::{Article, Section};
use crate::slug;

/// A file as read from disk or dropped into the browser.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The file name (no folders), used for the id and in messages.
    pub name: String,
    pub bytes: Vec<u8>,
}

#[derive(Debug, Clone, PartialEq)]
struct Block {
    text: String,
    kind: Kind,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Text,
    /// An explicit Markdown heading of this level.
    Heading(u8),
    /// A header-zone line kept as body text (a standfirst): never taken for a heading.
    Lead,
}

impl Block {
    fn text(text: String) -> Self {
        Block { text, kind: Kind::Text }
    }
    fn heading(text: String, level: u8) -> Self {
        Block { text, kind: Kind::Heading(level) }
    }
}

/// Read one file as an article.
pub fn ingest(file: &SourceFile) -> Result<Article, IngestError> {
    parse(file).map_err(|kind| IngestError { file: file.name.clone(), kind })
}

/// Read many files; ids are made unique across the set. Failures are returned beside the
/// articles so one bad file never hides the good ones.
pub fn ingest_all(files: &[SourceFile]) -> (Vec<Article>, Vec<IngestError>) {
    let mut articles: Vec<Article> = Vec::new();
    let mut errors = Vec::new();
    for file in files {
        match ingest(file) {
            Ok(article) => push_unique(&mut articles, article),
            Err(e) => errors.push(e),
        }
    }
    (articles, errors)
}

/// Add `article` to a set, renaming its id (`id-2`, `id-3`…) if another article has it.
pub fn push_unique(articles: &mut Vec<Article>, mut article: Article) {
    article.id = slug::unique(&article.id, |id| articles.iter().any(|a| a.id == id));
    articles.push(article);
}

fn parse(file: &SourceFile) -> Result<Article, IngestErrorKind> {
    let text = decode::decode(&file.bytes)?;
    let (matter, blocks) = if is_markdown(&file.name) {
        let (matter, body) = front_matter::split(&text)?;
        (matter, markdown::blocks(body))
    } else {
        (Default::default(), plain::blocks(&text))
    };
    let blocks = blocks
        .into_iter()
        // A byline can look like a bar of short items ("By Ana Ruiz | 12 May 2024 | 4 min read").
        .filter(|b| !boilerplate::is_boilerplate(&b.text) || byline::parse(&b.text).is_some())
        .collect();
    let (guessed, rest) = header::split(blocks);
    let title = matter.title.or(guessed.title);
    let sections = body::sections(rest, title.as_deref().unwrap_or_default());
    if sections.iter().all(|s| s.paragraphs.is_empty()) {
        return Err(IngestErrorKind::NoText);
    }
    Ok(Article {
        id: slug::slug(stem(&file.name)),
        file: file.name.clone(),
        title: title.unwrap_or_else(|| first_words(&sections)),
        byline: matter.author.or(guessed.byline),
        date: matter.date.or(guessed.date),
        source: matter.source,
        url: matter.url,
        quotes: crate::quotes::extract(&sections),
        sections,
    })
}

fn is_markdown(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".md") || lower.ends_with(".markdown")
}

fn stem(name: &str) -> &str {
    name.rsplit_once('.').map_or(name, |(stem, _)| stem)
}

/// A title for an article that has none: its opening words, cut at a word boundary.
fn first_words(sections: &[Section]) -> String {
    const MAX_CHARS: usize = 60;
    let first = sections.iter().flat_map(|s| &s.paragraphs).next().map_or("", String::as_str);
    if first.chars().count() <= MAX_CHARS {
        return first.to_string();
    }
    let mut out = String::new();
    for word in first.split_whitespace() {
        if out.chars().count() + word.chars().count() > MAX_CHARS {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.push('…');
    out
}
