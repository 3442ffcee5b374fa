//! Filters beside the query. Every kind works the same way: a passage has a value of each kind
//! (or none); values of one kind are alternatives (OR), kinds narrow each other (AND). Speakers
//! and topics join as new kinds without changing the mechanism.
//!
//! Filters are written with stable string values (they live in URLs); internally each value is
//! a small numeric key, so counting across thousands of articles never allocates or searches.

use super::index::{PassageKind, SearchIndex};
use super::lookup::ArticleLookup;
use crate::model::Article;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FilterKind {
    Article,
    Section,
    Speaker,
    Topic,
    /// "Quotes only": passages whose matches lie inside quotations. Its one value is
    /// [`QUOTES_ONLY`].
    Quotes,
}

/// The value of the "quotes only" filter.
pub const QUOTES_ONLY: &str = "only";

impl FilterKind {
    pub const ALL: [FilterKind; 5] =
        [FilterKind::Article, FilterKind::Section, FilterKind::Speaker, FilterKind::Topic, FilterKind::Quotes];

    /// The name used in URLs.
    pub fn key(self) -> &'static str {
        match self {
            FilterKind::Article => "article",
            FilterKind::Section => "section",
            FilterKind::Speaker => "speaker",
            FilterKind::Topic => "topic",
            FilterKind::Quotes => "quotes",
        }
    }

    pub fn from_key(key: &str) -> Option<FilterKind> {
        FilterKind::ALL.into_iter().find(|k| k.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            FilterKind::Article => "Article",
            FilterKind::Section => "Section",
            FilterKind::Speaker => "Speaker",
            FilterKind::Topic => "Topic",
            FilterKind::Quotes => "Quotes",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Filter {
    pub kind: FilterKind,
    pub value: String,
}

impl Filter {
    pub fn speaker(name: &str) -> Filter {
        Filter { kind: FilterKind::Speaker, value: name.to_string() }
    }

    pub fn topic(label: &str) -> Filter {
        Filter { kind: FilterKind::Topic, value: label.to_string() }
    }

    pub fn quotes_only() -> Filter {
        Filter { kind: FilterKind::Quotes, value: QUOTES_ONLY.to_string() }
    }
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

/// What filters look at: the articles, their index, and which passages count as "in
/// quotations" for the query being answered (ascending).
pub(super) struct Facts<'a, A: ?Sized> {
    pub articles: &'a A,
    pub index: &'a SearchIndex,
    pub in_quotes: &'a [u32],
}

/// A filter value as numbers: article index, article and section index, speaker index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(super) enum Key {
    Article(u32),
    Section(u32, u32),
    Speaker(u32),
    Topic(u32),
    Quoted,
}

impl Key {
    pub fn kind(self) -> FilterKind {
        match self {
            Key::Article(_) => FilterKind::Article,
            Key::Section(..) => FilterKind::Section,
            Key::Speaker(_) => FilterKind::Speaker,
            Key::Topic(_) => FilterKind::Topic,
            Key::Quoted => FilterKind::Quotes,
        }
    }

    /// The values passage `p` has for `kind`: one article, at most one section, any number of
    /// speakers. Only sections with a heading can be chosen; the title belongs to no section.
    pub fn each_of<A: ArticleLookup + ?Sized>(kind: FilterKind, facts: &Facts<A>, p: u32, mut f: impl FnMut(Key)) {
        let passage = &facts.index.passages[p as usize];
        match kind {
            FilterKind::Article => f(Key::Article(passage.article)),
            FilterKind::Section => {
                let sections = facts.index.sections();
                let headed = sections.slot(passage.article, passage.section).is_some_and(|slot| sections.headed(slot));
                if passage.kind != PassageKind::Title && headed {
                    f(Key::Section(passage.article, passage.section));
                }
            }
            FilterKind::Speaker => facts.index.quoted.speakers_of(p).iter().for_each(|&s| f(Key::Speaker(s))),
            FilterKind::Topic => facts.index.topical.topics_of(p).iter().for_each(|&t| f(Key::Topic(t))),
            FilterKind::Quotes => {
                if facts.in_quotes.binary_search(&p).is_ok() {
                    f(Key::Quoted);
                }
            }
        }
    }

    fn is_of<A: ArticleLookup + ?Sized>(self, facts: &Facts<A>, p: u32) -> bool {
        let mut found = false;
        Key::each_of(self.kind(), facts, p, |k| found |= k == self);
        found
    }

    /// The key a filter names, if it names something in the set.
    pub fn parse<A: ArticleLookup + ?Sized>(filter: &Filter, facts: &Facts<A>) -> Option<Key> {
        let position = |id: &str| facts.articles.position(id).map(|i| i as u32);
        match filter.kind {
            FilterKind::Article => position(&filter.value).map(Key::Article),
            FilterKind::Section => {
                let (id, section) = filter.value.rsplit_once('/')?;
                Some(Key::Section(position(id)?, section.parse().ok()?))
            }
            FilterKind::Speaker => facts.index.quoted.speaker_index(&filter.value).map(Key::Speaker),
            FilterKind::Topic => facts.index.topical.topic_index(&filter.value).map(Key::Topic),
            FilterKind::Quotes => (filter.value == QUOTES_ONLY).then_some(Key::Quoted),
        }
    }

    pub fn value<A: ArticleLookup + ?Sized>(self, facts: &Facts<A>) -> String {
        match self {
            Key::Article(a) => facts.articles.article(a as usize).map(|a| a.id.clone()).unwrap_or_default(),
            Key::Section(a, s) => section_value(facts.articles.article(a as usize).map_or("", |a| &a.id), s as usize),
            Key::Speaker(s) => facts.index.quoted.speakers[s as usize].clone(),
            Key::Topic(t) => facts.index.topical.labels[t as usize].clone(),
            Key::Quoted => QUOTES_ONLY.to_string(),
        }
    }

    pub fn label<A: ArticleLookup + ?Sized>(self, facts: &Facts<A>) -> Option<String> {
        match self {
            Key::Article(a) => Some(facts.articles.article(a as usize)?.title.clone()),
            Key::Section(a, s) => section_label(facts.articles.article(a as usize)?, s as usize),
            Key::Speaker(s) => facts.index.quoted.speakers.get(s as usize).cloned(),
            Key::Topic(t) => facts.index.topical.labels.get(t as usize).cloned(),
            Key::Quoted => Some("In quotations only".to_string()),
        }
    }
}

/// What the section filter calls section `s` of `article`: its heading, none without one.
pub fn section_label(article: &Article, s: usize) -> Option<String> {
    match article.sections.get(s)?.heading.as_deref()? {
        // A split bundle's outline knows a heading is there before its text arrives.
        "" => Some(format!("{}, section {}", article.title, s + 1)),
        heading => Some(heading.to_string()),
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
    pub fn new<A: ArticleLookup + ?Sized>(filters: &[Filter], facts: &Facts<A>) -> Self {
        let by_kind = FilterKind::ALL
            .into_iter()
            .map(|kind| {
                let keys = filters.iter().filter(|f| f.kind == kind).map(|f| Key::parse(f, facts)).collect();
                (kind, keys)
            })
            .filter(|(_, keys): &(FilterKind, Vec<Option<Key>>)| !keys.is_empty())
            .collect();
        ActiveFilters { by_kind }
    }

    /// Does passage `p` pass every kind of filter, ignoring the kind `except`?
    pub fn pass<A: ArticleLookup + ?Sized>(&self, except: Option<FilterKind>, facts: &Facts<A>, p: u32) -> bool {
        self.by_kind
            .iter()
            .filter(|(k, _)| Some(*k) != except)
            .all(|(_, keys)| keys.iter().flatten().any(|key| key.is_of(facts, p)))
    }

    /// Is any kind other than `kind` filtered? If not, every passage passes for `kind`.
    pub fn narrows_besides(&self, kind: FilterKind) -> bool {
        self.by_kind.iter().any(|(k, _)| *k != kind)
    }

    pub fn keys(&self) -> impl Iterator<Item = Key> + '_ {
        self.by_kind.iter().flat_map(|(_, keys)| keys.iter().flatten().copied())
    }
}
