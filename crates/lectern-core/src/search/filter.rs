//! Filters beside the query. Every kind works the same way: a passage has a value of each kind
//! (or none); values of one kind are alternatives (OR), kinds narrow each other (AND). Speakers
//! and topics join as new kinds without changing the mechanism.
//!
//! Filters are written with stable string values (they live in URLs); internally each value is
//! a small numeric key, so counting across thousands of articles never allocates or searches.

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

/// A filter value as numbers: article index, or article and section index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(super) enum Key {
    Article(u32),
    Section(u32, u32),
}

impl Key {
    pub fn kind(self) -> FilterKind {
        match self {
            Key::Article(_) => FilterKind::Article,
            Key::Section(..) => FilterKind::Section,
        }
    }

    /// The value `passage` has for `kind`. Only sections with a heading can be chosen; the
    /// title belongs to no section.
    pub fn of<A: AsRef<Article>>(kind: FilterKind, articles: &[A], passage: &Passage) -> Option<Key> {
        match kind {
            FilterKind::Article => Some(Key::Article(passage.article)),
            FilterKind::Section => {
                let article = articles[passage.article as usize].as_ref();
                let headed = article.sections.get(passage.section as usize).is_some_and(|s| s.heading.is_some());
                (passage.kind != PassageKind::Title && headed).then_some(Key::Section(passage.article, passage.section))
            }
        }
    }

    /// The key a filter names, if it names something in `articles`.
    pub fn parse<A: AsRef<Article>>(filter: &Filter, articles: &[A]) -> Option<Key> {
        let position = |id: &str| articles.iter().position(|a| a.as_ref().id == id).map(|i| i as u32);
        match filter.kind {
            FilterKind::Article => position(&filter.value).map(Key::Article),
            FilterKind::Section => {
                let (id, section) = filter.value.rsplit_once('/')?;
                Some(Key::Section(position(id)?, section.parse().ok()?))
            }
        }
    }

    pub fn value<A: AsRef<Article>>(self, articles: &[A]) -> String {
        match self {
            Key::Article(a) => articles[a as usize].as_ref().id.clone(),
            Key::Section(a, s) => section_value(&articles[a as usize].as_ref().id, s as usize),
        }
    }

    pub fn label<A: AsRef<Article>>(self, articles: &[A]) -> Option<String> {
        let article = articles.get(self.article() as usize)?.as_ref();
        match self {
            Key::Article(_) => Some(article.title.clone()),
            Key::Section(_, s) => article.sections.get(s as usize)?.heading.clone(),
        }
    }

    fn article(self) -> u32 {
        match self {
            Key::Article(a) | Key::Section(a, _) => a,
        }
    }
}

pub fn section_value(article_id: &str, section: usize) -> String {
    format!("{article_id}/{section}")
}

/// Filters resolved to keys, grouped by kind. A filter naming nothing matches nothing.
pub(super) struct ActiveFilters {
    by_kind: Vec<(FilterKind, Vec<Option<Key>>)>,
}

impl ActiveFilters {
    pub fn new<A: AsRef<Article>>(filters: &[Filter], articles: &[A]) -> Self {
        let by_kind = FilterKind::ALL
            .into_iter()
            .map(|kind| {
                let keys = filters.iter().filter(|f| f.kind == kind).map(|f| Key::parse(f, articles)).collect();
                (kind, keys)
            })
            .filter(|(_, keys): &(FilterKind, Vec<Option<Key>>)| !keys.is_empty())
            .collect();
        ActiveFilters { by_kind }
    }

    /// Does `passage` pass every kind of filter, ignoring the kind `except`?
    pub fn pass<A: AsRef<Article>>(&self, except: Option<FilterKind>, articles: &[A], passage: &Passage) -> bool {
        self.by_kind.iter().filter(|(k, _)| Some(*k) != except).all(|(kind, keys)| {
            let key = Key::of(*kind, articles, passage);
            key.is_some() && keys.contains(&key)
        })
    }

    pub fn keys(&self) -> impl Iterator<Item = Key> + '_ {
        self.by_kind.iter().flat_map(|(_, keys)| keys.iter().flatten().copied())
    }
}
