//! Ingestion: a file's bytes in, clean [`Article`]s out.
//!
//! Each input form ([`form::Form`]) yields a draft: metadata and blocks. Plain text and Markdown:
//! bytes → text (decode) → blocks → furniture removed (boilerplate) → title, byline and date taken
//! from the header zone (header). Web pages and MHTML archives: the page's article and metadata
//! ([`page`]). Feeds: one draft per entry ([`feed`]). Every draft then becomes sections (body)
//! and quotations the same way.

mod body;
pub(crate) mod boilerplate;
pub(crate) mod byline;
pub(crate) mod dates;
mod decode;
#[cfg(feature = "inputs")]
mod feed;
mod form;
mod front_matter;
mod header;
mod markdown;
#[cfg(feature = "inputs")]
mod page;
mod plain;
mod shape;

pub use form::Form;

use crate::error::{IngestError, IngestErrorKind};
use crate::model::{Article, Section};
use crate::slug;

/// A file as read from disk, dropped into the browser, or fetched.
#[derive(Debug, Clone, Default)]
pub struct SourceFile {
    /// The file name (no folders), used for the id and in messages.
    pub name: String,
    pub bytes: Vec<u8>,
    /// Where it was fetched from, for a page or feed read from the web.
    pub url: Option<String>,
    /// The HTTP `Content-Type` it was served with: its form, and a page's encoding.
    pub content_type: Option<String>,
    /// The HTTP `Content-Language` it was served with, for a page that states none itself.
    pub content_language: Option<String>,
}

impl SourceFile {
    pub fn new(name: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Self {
        SourceFile { name: name.into(), bytes: bytes.into(), ..Default::default() }
    }
}

#[derive(Debug, Clone, PartialEq)]
struct Block {
    text: String,
    kind: Kind,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Text,
    /// An explicit heading (Markdown `#`, HTML `h1`–`h6`) of this level.
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

/// What an input form states about an article, beside its text.
#[derive(Debug, Clone, Default, PartialEq)]
struct Meta {
    title: Option<String>,
    byline: Option<String>,
    date: Option<String>,
    source: Option<String>,
    url: Option<String>,
    language: Option<String>,
    summary: bool,
    categories: Vec<String>,
}

/// Read one file as one article: the first entry of a feed. The build, the CLI and the browser
/// use [`read_source`], which reads every entry.
pub fn ingest(file: &SourceFile) -> Result<Article, IngestError> {
    read_source(file)?.into_iter().next().ok_or_else(|| IngestError { file: file.name.clone(), kind: IngestErrorKind::NoText })
}

/// Read one file (or fetched page or feed) as the articles it holds: one for text, Markdown and
/// pages, one per entry for a feed. Ids are unique within the file.
pub fn read_source(file: &SourceFile) -> Result<Vec<Article>, IngestError> {
    let form = Form::of(file);
    let drafts = drafts(file, form).map_err(|kind| IngestError { file: file.name.clone(), kind })?;
    // A feed's entries are named by their links, so an entry keeps its id as the feed grows.
    let single = form != Form::Feed;
    let mut articles = Vec::with_capacity(drafts.len());
    // A set, not push_unique's scan: a feed may have thousands of entries.
    let mut taken = std::collections::HashSet::new();
    for (meta, blocks) in drafts {
        let id = if single { slug::slug(stem(&file.name)) } else { entry_id(&meta) };
        let id = slug::unique(&id, |id| taken.contains(id));
        taken.insert(id.clone());
        match finish(meta, blocks, id, &file.name) {
            Ok(article) => articles.push(article),
            Err(kind) if single => return Err(IngestError { file: file.name.clone(), kind }),
            Err(_) => {}
        }
    }
    if articles.is_empty() {
        return Err(IngestError { file: file.name.clone(), kind: IngestErrorKind::NoText });
    }
    Ok(articles)
}

/// Read many files; ids are made unique across the set. Failures are returned beside the
/// articles so one bad file never hides the good ones.
pub fn ingest_all(files: &[SourceFile]) -> (Vec<Article>, Vec<IngestError>) {
    let mut articles: Vec<Article> = Vec::new();
    let mut errors = Vec::new();
    for file in files {
        match read_source(file) {
            Ok(read) => read.into_iter().for_each(|article| push_unique(&mut articles, article)),
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

/// `file` as UTF-8 text that [`read_source`] reads back to the same articles, for storing
/// where only text is kept (the browser's IndexedDB): a page (or an archive's page) is stored
/// decoded, behind a byte-order mark, which outranks whatever encoding its `<meta>` declares.
pub fn storable_text(file: &SourceFile) -> String {
    #[cfg(feature = "inputs")]
    if let Some(html) = page::decoded_html(file, &origin(file)) {
        return format!("\u{feff}{html}");
    }
    String::from_utf8_lossy(&file.bytes).into_owned()
}

type Draft = (Meta, Vec<Block>);

fn drafts(file: &SourceFile, form: Form) -> Result<Vec<Draft>, IngestErrorKind> {
    match form {
        Form::Text => Ok(vec![text_draft(&decode::decode(&file.bytes)?, false)?]),
        Form::Markdown => Ok(vec![text_draft(&decode::decode(&file.bytes)?, true)?]),
        #[cfg(feature = "inputs")]
        Form::Page => Ok(vec![page::read(&file.bytes, &origin(file))?]),
        #[cfg(feature = "inputs")]
        Form::Archive => Ok(vec![page::read_archive(&file.bytes, &origin(file))?]),
        #[cfg(feature = "inputs")]
        Form::Feed => feed::read(&file.bytes),
        #[cfg(not(feature = "inputs"))]
        Form::Page | Form::Archive | Form::Feed => Err(IngestErrorKind::Unsupported("web pages and feeds")),
    }
}

#[cfg(feature = "inputs")]
fn origin(file: &SourceFile) -> page::Origin {
    page::Origin { url: file.url.clone(), content_type: file.content_type.clone(), language: file.content_language.clone() }
}

/// Plain text or Markdown: front matter (Markdown) wins over what the header zone suggests.
fn text_draft(text: &str, markdown: bool) -> Result<Draft, IngestErrorKind> {
    let (matter, blocks) = if markdown {
        let (matter, body) = front_matter::split(text)?;
        (matter, markdown::blocks(body))
    } else {
        (Default::default(), plain::blocks(text))
    };
    let blocks = blocks
        .into_iter()
        // A byline can look like a bar of short items ("By Ana Ruiz | 12 May 2024 | 4 min read").
        .filter(|b| !boilerplate::is_boilerplate(&b.text) || byline::parse(&b.text).is_some())
        .collect();
    let (guessed, rest) = header::split(blocks);
    let meta = Meta {
        title: matter.title.or(guessed.title),
        byline: matter.author.or(guessed.byline),
        date: matter.date.or(guessed.date),
        source: matter.source,
        url: matter.url.filter(|u| crate::links::is_web_url(u)),
        ..Meta::default()
    };
    Ok((meta, rest))
}

fn finish(meta: Meta, blocks: Vec<Block>, id: String, file: &str) -> Result<Article, IngestErrorKind> {
    let sections = body::sections(blocks, meta.title.as_deref().unwrap_or_default());
    if sections.iter().all(|s| s.paragraphs.is_empty()) {
        return Err(IngestErrorKind::NoText);
    }
    Ok(Article {
        id,
        file: file.to_string(),
        title: meta.title.unwrap_or_else(|| first_words(&sections)),
        byline: meta.byline,
        date: meta.date,
        source: meta.source,
        url: meta.url,
        language: meta.language,
        summary: meta.summary,
        categories: meta.categories,
        quotes: crate::quotes::extract(&sections),
        sections,
    })
}

/// A feed entry's id: its link's last path segment (stable across rebuilds), else its title.
fn entry_id(meta: &Meta) -> String {
    let from_link = meta.url.as_deref().and_then(|u| u.split(['?', '#']).next()?.trim_end_matches('/').rsplit('/').next().map(stem));
    let base = from_link.filter(|s| s.len() > 2 && !s.contains(':')).or(meta.title.as_deref()).unwrap_or("entry");
    let id = slug::slug(base);
    id.chars().take(80).collect::<String>().trim_end_matches('-').to_string()
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
