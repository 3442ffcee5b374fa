//! Filters beside the query. Every kind works the same way: a passage has zero or more values
//! of each kind; values of one kind are alternatives (OR), kinds narrow each other (AND). Speakers
//! and topics join as new kinds without changing the mechanism.

use super::index::{Passage, PassageKind};
use crate::model::Article;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FilterKind {
    Article,
    Section,
}

impl FilterKind {
    pub const ALL: [FilterKind; 2] = [FilterKind::Article, FilterKind::Section];

    /// The name used in URLs.
    pub fn key(self) -> &'static str {
        match self {
            FilterKind::Article => "article",
            FilterKind::Section => "section",
        }
    }

    pub fn from_key(key: &str) -> Option<FilterKind> {
        FilterKind::ALL.into_iter().find(|k| k.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            FilterKind::Article => "Article",
            FilterKind::Section => "Section",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Filter {
    pub kind: FilterKind,
    pub value: String,
}

/// How many results choosing a value would give, given the query and the other kinds' filters.
#[derive(Debug, Clone, PartialEq)]
pub struct FacetCount {
    pub kind: FilterKind,
    pub value: String,
    pub label: String,
    pub count: usize,
    pub active: bool,
}

/// The values `passage` has for `kind`.
pub fn values_of<A: AsRef<Article>>(kind: FilterKind, articles: &[A], passage: &Passage) -> Vec<String> {
    let article = articles[passage.article as usize].as_ref();
    match kind {
        FilterKind::Article => vec![article.id.clone()],
        // Only sections with a heading can be chosen; the title belongs to no section.
        FilterKind::Section => {
            let has_heading = article.sections.get(passage.section as usize).is_some_and(|s| s.heading.is_some());
            if passage.kind != PassageKind::Title && has_heading {
                vec![section_value(&article.id, passage.section as usize)]
            } else {
                Vec::new()
            }
        }
    }
}

pub fn section_value(article_id: &str, section: usize) -> String {
    format!("{article_id}/{section}")
}

/// What a reader sees for a filter value: an article's title, a section's heading.
pub fn label_of<A: AsRef<Article>>(kind: FilterKind, articles: &[A], value: &str) -> Option<String> {
    let by_id = |id: &str| articles.iter().map(AsRef::as_ref).find(|a| a.id == id);
    match kind {
        FilterKind::Article => by_id(value).map(|a| a.title.clone()),
        FilterKind::Section => {
            let (id, index) = value.rsplit_once('/')?;
            let section = by_id(id)?.sections.get(index.parse::<usize>().ok()?)?;
            section.heading.clone()
        }
    }
}

/// Does `passage` pass every kind of filter in `filters`, ignoring the kind `except`?
pub fn passes<A: AsRef<Article>>(
    filters: &[Filter],
    except: Option<FilterKind>,
    articles: &[A],
    passage: &Passage,
) -> bool {
    FilterKind::ALL.into_iter().filter(|&k| Some(k) != except).all(|kind| {
        let wanted: Vec<&str> = filters.iter().filter(|f| f.kind == kind).map(|f| f.value.as_str()).collect();
        wanted.is_empty() || values_of(kind, articles, passage).iter().any(|v| wanted.contains(&v.as_str()))
    })
}
