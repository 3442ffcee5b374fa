//! Helpers shared by the ingestion tests.
#![allow(dead_code)]

pub mod corpus;

use lectern_core::{ingest, Article, IngestError, SourceFile};

pub fn read(name: &str, text: &str) -> Article {
    try_read(name, text.as_bytes()).unwrap_or_else(|e| panic!("{e}"))
}

pub fn try_read(name: &str, bytes: &[u8]) -> Result<Article, IngestError> {
    ingest(&SourceFile::new(name, bytes.to_vec()))
}

pub fn paragraphs(article: &Article) -> Vec<&str> {
    article.paragraphs().collect()
}

pub fn headings(article: &Article) -> Vec<&str> {
    article.headings().map(|(_, h)| h).collect()
}

/// Every piece of text the reader will show: title, headings and paragraphs.
pub fn all_text(article: &Article) -> String {
    let mut parts = vec![article.title.as_str()];
    parts.extend(headings(article));
    parts.extend(paragraphs(article));
    parts.join("\n")
}
