//! The articles the reader can show, with their search index, and the pure questions the UI
//! asks of them. No DOM here: tested natively.

use std::cell::{OnceCell, RefCell};
use std::rc::Rc;

use lectern_core::bundle::{ArticleSet, Bundle, Head};
use lectern_core::search::{
    best_hits, passage_text, search, ArticleLookup, Filter, FilterKind, Hit, Marker, Passage, PassageKind, Query, Range, SearchIndex,
    SearchResults,
};
use lectern_core::topics::{TopicMap, Topics};
use lectern_core::Article;

/// An article's text as it arrived in a split bundle's part, with its topic map.
pub type ArrivedText = (Rc<Article>, Rc<TopicMap>);

pub struct Library {
    /// Every article; in a split bundle, without text until [`Library::texts`] has it (and
    /// each outline built when first asked for).
    pub articles: Rc<ArticleSet>,
    pub index: Rc<SearchIndex>,
    /// Topics and their maps, laid out at build time.
    pub topics: Rc<Topics>,
    /// A split bundle's parts as they arrive (empty for a whole bundle): article texts with
    /// their topic maps. The index's shards fill in inside `index`.
    pub texts: Rc<Vec<OnceCell<ArrivedText>>>,
    /// Where a split bundle's parts are fetched from.
    pub parts: Option<Rc<PartsSource>>,
    /// An answer found before the reader's first render ([`Library::keep_answer`]).
    kept: RefCell<Option<KeptAnswer>>,
    /// Texts the first view asked for ([`Library::keep_first_texts`]).
    first_texts: RefCell<Vec<usize>>,
}

struct KeptAnswer {
    query: String,
    filters: Vec<Filter>,
    results: SearchResults,
}

/// The folder a split bundle's head came from, and the bundle its parts must belong to.
#[derive(Debug)]
pub struct PartsSource {
    pub base: String,
    pub bundle: u32,
    pub requests: crate::parts::Requests,
}

/// Parts of a split bundle the reader needs and does not have.
#[derive(Debug, Default, PartialEq)]
pub struct Wanted {
    pub shards: Vec<usize>,
    pub articles: Vec<usize>,
    /// The topic filter's table.
    pub passage_topics: bool,
}

/// Libraries are compared by identity: a new one (or a [`Library::refreshed`] one, after parts
/// arrived) is a new value for the components showing it.
impl PartialEq for Library {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl std::fmt::Debug for Library {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Library({} articles)", self.articles.len())
    }
}

impl Library {
    pub fn from_bundle(bundle: Bundle) -> Library {
        Library {
            articles: Rc::new(ArticleSet::from(bundle.articles)),
            index: Rc::new(bundle.index),
            topics: Rc::new(bundle.topics),
            texts: Rc::default(),
            parts: None,
            kept: RefCell::default(),
            first_texts: RefCell::default(),
        }
    }

    /// A split bundle's head; texts and index shards come later, from `base`.
    pub fn from_head(head: Head, base: String) -> Library {
        let n = head.articles.len();
        let library = Library {
            articles: Rc::new(head.articles),
            index: Rc::new(head.index),
            topics: Rc::new(head.topics),
            texts: Rc::new((0..n).map(|_| OnceCell::new()).collect()),
            parts: Some(Rc::new(PartsSource { base, bundle: head.bundle, requests: Default::default() })),
            kept: RefCell::default(),
            first_texts: RefCell::default(),
        };
        if let Some(first) = head.first.filter(|f| f.bundle == head.bundle) {
            library.fill_text(first.article as usize, first.text, first.map);
        }
        library
    }

    /// The same library as a new value, after parts arrived: nothing is copied but pointers.
    pub fn refreshed(&self) -> Library {
        Library {
            articles: self.articles.clone(),
            index: self.index.clone(),
            topics: self.topics.clone(),
            texts: self.texts.clone(),
            parts: self.parts.clone(),
            // Parts arrived: an answer kept before may be out of date.
            kept: RefCell::default(),
            first_texts: RefCell::default(),
        }
    }

    /// Both are views of the same articles (one refreshed from the other).
    pub fn same_source(&self, other: &Library) -> bool {
        Rc::ptr_eq(&self.index, &other.index)
    }

    /// A split bundle's part for article `a`, once it has arrived.
    fn arrived(&self, a: usize) -> Option<&(Rc<Article>, Rc<TopicMap>)> {
        self.texts.get(a).and_then(OnceCell::get)
    }

    /// Article `a` with its text: in a split bundle, its outline until the text has arrived.
    pub fn article(&self, a: usize) -> Rc<Article> {
        self.current(a).cloned().unwrap_or_else(|| panic!("no article {a} in {self:?}"))
    }

    /// Article `a` as it is here now: its text once arrived, else its outline.
    fn current(&self, a: usize) -> Option<&Rc<Article>> {
        self.arrived(a).map(|(text, _)| text).or_else(|| self.articles.get(a))
    }

    /// Is article `a`'s text here (always, in a whole bundle)?
    pub fn has_text(&self, a: usize) -> bool {
        self.parts.is_none() || self.arrived(a).is_some()
    }

    /// What is missing to answer `query` under `filters` and show `articles` (indices; out of
    /// range ignored).
    pub fn wanted(&self, query: &str, filters: &[Filter], articles: impl IntoIterator<Item = usize>) -> Wanted {
        let shards = if self.parts.is_none() { Vec::new() } else { self.index.missing_shards(&Query::parse(query)) };
        Wanted { shards, articles: self.missing_texts(articles), passage_topics: self.lacks_passage_topics(filters) }
    }

    /// A split bundle whose topic filter table has not arrived: the topic filter has no values
    /// yet, and a topic filter cannot be answered.
    pub fn passage_topics_pending(&self) -> bool {
        self.parts.is_some() && !self.index.topical.has_table()
    }

    /// `filters` hold a topic, and the table to answer it has not arrived.
    fn lacks_passage_topics(&self, filters: &[Filter]) -> bool {
        self.passage_topics_pending() && filters.iter().any(|f| f.kind == FilterKind::Topic)
    }

    /// Which of `articles` (indices; out of range ignored) have no text here yet, each once.
    pub fn missing_texts(&self, articles: impl IntoIterator<Item = usize>) -> Vec<usize> {
        let mut missing: Vec<usize> = articles.into_iter().filter(|&a| a < self.articles.len() && !self.has_text(a)).collect();
        missing.sort_unstable();
        missing.dedup();
        missing
    }

    /// Article `a`'s text and topic map arrived (a second arrival is ignored).
    pub fn fill_text(&self, a: usize, text: Article, map: TopicMap) {
        if let Some(slot) = self.texts.get(a) {
            let _ = slot.set((Rc::new(text), Rc::new(map)));
        }
    }

    /// The topic map of article `a` (empty until a split bundle's article has arrived).
    pub fn article_map(&self, a: usize) -> Rc<TopicMap> {
        match self.arrived(a) {
            Some((_, map)) => map.clone(),
            None => Rc::new(self.topics.per_article.get(a).cloned().unwrap_or_default()),
        }
    }

    pub fn from_articles(articles: Vec<Article>) -> Library {
        Library::from_bundle(Bundle::build(articles))
    }

    pub fn position(&self, id: &str) -> Option<usize> {
        self.articles.position(id)
    }

    pub fn passage(&self, id: u32) -> Option<&Passage> {
        self.index.passages.get(id as usize)
    }

    pub fn text(&self, passage: &Passage) -> &str {
        let a = passage.article as usize;
        passage_text(self.current(a).unwrap_or_else(|| panic!("no article {a} in {self:?}")), passage)
    }

    pub fn search(&self, query: &str, filters: &[Filter]) -> SearchResults {
        self.search_parsed(&Query::parse(query), filters)
    }

    /// The search's answer, or none while a split bundle lacks a shard the query needs or the
    /// table a topic filter needs (a partial index would answer wrongly).
    pub fn answer(&self, query: &str, filters: &[Filter]) -> Option<SearchResults> {
        let kept = self.kept.take();
        if let Some(kept) = kept.filter(|k| k.query == query && k.filters == filters) {
            return Some(kept.results);
        }
        if self.parts.is_none() {
            return Some(self.search(query, filters));
        }
        let query = Query::parse(query);
        (self.index.missing_shards(&query).is_empty() && !self.lacks_passage_topics(filters)).then(|| self.search_parsed(&query, filters))
    }

    /// Keep `results`, found for `query` and `filters`, for the next [`Library::answer`] to
    /// give if it is asked the same: the first view's answer, found while the texts it shows
    /// were on their way, so that the reader's first render does not search again.
    pub fn keep_answer(&self, query: &str, filters: &[Filter], results: SearchResults) {
        *self.kept.borrow_mut() = Some(KeptAnswer { query: query.to_string(), filters: filters.to_vec(), results });
    }

    /// Keep the articles whose texts the first view asked for, for the reader's first render
    /// to take ([`Library::take_first_texts`]): the first view is drawn without those still on
    /// their way when it stops waiting, and when they arrive, nothing else would draw them.
    pub fn keep_first_texts(&self, articles: Vec<usize>) {
        *self.first_texts.borrow_mut() = articles;
    }

    /// The articles [`Library::keep_first_texts`] kept, once.
    pub fn take_first_texts(&self) -> Vec<usize> {
        self.first_texts.take()
    }

    /// The first `n` hits [`Library::answer`] would give for `query` without filters, or none
    /// while a shard the query needs is missing: quicker than a whole answer, which also counts
    /// every filter value.
    pub fn best_hits(&self, query: &str, n: usize) -> Option<Vec<Hit>> {
        let query = Query::parse(query);
        self.index.missing_shards(&query).is_empty().then(|| best_hits(&self.index, &query, n))
    }

    fn search_parsed(&self, query: &Query, filters: &[Filter]) -> SearchResults {
        // One lookup for both kinds of bundle: the search is compiled once into the app.
        search(&self.index, &WithTexts(self), query, filters)
    }

    /// Passage ids of article `a`, in reading order (title, then headings and paragraphs).
    pub fn passages_of(&self, a: usize) -> std::ops::Range<u32> {
        let passages = &self.index.passages;
        let start = passages.partition_point(|p| (p.article as usize) < a);
        let end = passages.partition_point(|p| (p.article as usize) <= a);
        start as u32..end as u32
    }

    /// The passage id of paragraph `paragraph` of section `section` of article `a`.
    pub fn paragraph_passage(&self, a: usize, section: usize, paragraph: usize) -> Option<u32> {
        self.passages_of(a).find(|&id| {
            let p = &self.index.passages[id as usize];
            p.kind == PassageKind::Paragraph && (p.section as usize, p.paragraph as usize) == (section, paragraph)
        })
    }

    /// The passage holding quotation `quote` of article `a`.
    pub fn quote_passage(&self, a: usize, quote: usize) -> Option<u32> {
        let article = (a < self.articles.len()).then(|| self.article(a))?;
        let q = article.quotes.get(quote)?;
        self.paragraph_passage(a, q.section, q.paragraph)
    }

    /// Quotations the quotes panel lists, as (article, quotation) indices in reading order:
    /// the open article's, or every article's.
    pub fn quotations(&self, all: bool, open: Option<usize>) -> Vec<(usize, usize)> {
        let articles: Vec<usize> = if all { (0..self.articles.len()).collect() } else { open.into_iter().collect() };
        articles
            .into_iter()
            .filter(|&a| a < self.articles.len())
            .flat_map(|a| (0..self.article(a).quotes.len()).map(move |q| (a, q)))
            .collect()
    }

    /// Where the query's words are in article `a`: (passage, ranges), only passages with marks.
    pub fn marks_in(&self, a: usize, results: &SearchResults) -> Vec<(u32, Vec<Range>)> {
        if results.marked_terms.is_empty() {
            return Vec::new();
        }
        let marker = Marker::new(&self.index, &results.marked_terms);
        self.passages_of(a)
            .filter_map(|id| {
                let ranges = marker.ranges(self.text(&self.index.passages[id as usize]));
                (!ranges.is_empty()).then_some((id, ranges))
            })
            .collect()
    }
}

/// The articles as the filters see them: in a split bundle, texts that have arrived label
/// their sections by heading; the others are outlines.
struct WithTexts<'a>(&'a Library);

impl ArticleLookup for WithTexts<'_> {
    fn count(&self) -> usize {
        self.0.articles.len()
    }

    fn article(&self, a: usize) -> Option<&Article> {
        self.0.current(a).map(|a| &**a)
    }

    fn position(&self, id: &str) -> Option<usize> {
        self.0.articles.position(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lectern_core::{ingest, SourceFile};

    fn library() -> Library {
        let read = |name: &str, text: &str| {
            ingest(&SourceFile::new(name, text.as_bytes().to_vec())).unwrap()
        };
        Library::from_articles(vec![
            read("a.txt", "First Story\n\nThe gas pipeline opened on Monday, officials said.\n"),
            read("b.txt", "Second Story\n\nNothing about gas here, only the weather, which was fine.\n\nMore gas.\n"),
        ])
    }

    #[test]
    fn a_split_library_wants_the_shards_and_texts_it_lacks_and_reads_them_once_filled() {
        let parts = lectern_core::bundle::split(Bundle::build(vec![library().articles[0].clone(), library().articles[1].clone()]), 40);
        let lib = Library::from_head(parts.head, "https://example.org/archive/index.lectern".into());
        // The first article comes with the head; the second is an outline until it arrives.
        assert!(lib.has_text(0) && !lib.has_text(1));
        assert_eq!(lib.text(&lib.index.passages[3]), "");
        let wanted = lib.wanted("weather ", &[], [1, 7]);
        assert_eq!(wanted.articles, [1]);
        assert_eq!(wanted.shards.len(), 1);
        assert!(lib.answer("weather ", &[]).is_none(), "no answer from a partial index");
        assert!(lib.index.fill_shard(wanted.shards[0], parts.shards[wanted.shards[0]].content.clone()));
        let text = parts.articles[1].clone();
        lib.fill_text(1, text.text, text.map);
        assert_eq!(lib.wanted("weather ", &[], [1]), Wanted::default());
        assert_eq!(lib.search("weather ", &[]).total, 1);
        assert_eq!(lib.answer("weather ", &[]).map(|r| r.total), Some(1));
        assert_eq!(lib.best_hits("weather ", 3), lib.answer("weather ", &[]).map(|r| r.hits));
        assert!(lib.text(&lib.index.passages[3]).contains("weather"));
        assert!(Library::from_articles(vec![]).wanted("anything", &[], [0]) == Wanted::default());
        // A topic filter waits for the passages' topics, which the head leaves out.
        let topic = [Filter { kind: FilterKind::Topic, value: "gas".into() }];
        assert!(lib.passage_topics_pending());
        assert!(lib.wanted("", &topic, []).passage_topics && !lib.wanted("", &[], []).passage_topics);
        assert!(lib.answer("", &topic).is_none());
        assert!(lib.index.fill_passage_topics(parts.passage_topics.table.clone()));
        assert!(!lib.passage_topics_pending() && lib.answer("", &topic).is_some());
    }

    #[test]
    fn a_kept_answer_is_given_once_for_its_own_query_and_not_after_a_refresh() {
        let lib = library();
        let kept = || SearchResults { total: 99, ..SearchResults::default() };
        lib.keep_answer("gas ", &[], kept());
        assert_eq!(lib.answer("weather ", &[]).map(|r| r.total), Some(1), "another query searches");
        lib.keep_answer("gas ", &[], kept());
        assert_eq!(lib.answer("gas ", &[]).map(|r| r.total), Some(99));
        assert_eq!(lib.answer("gas ", &[]).map(|r| r.total), Some(3), "taken once");
        lib.keep_answer("gas ", &[], kept());
        assert_eq!(lib.refreshed().answer("gas ", &[]).map(|r| r.total), Some(3), "parts arrived since");
    }

    #[test]
    fn the_first_views_texts_are_given_once_and_wanted_only_while_missing() {
        let parts = lectern_core::bundle::split(Bundle::build(vec![library().articles[0].clone(), library().articles[1].clone()]), 40);
        let lib = Library::from_head(parts.head, "https://example.org/archive/index.lectern".into());
        lib.keep_first_texts(vec![0, 1]);
        assert!(lib.refreshed().take_first_texts().is_empty(), "not a refreshed library's");
        let first = lib.take_first_texts();
        assert_eq!(first, [0, 1]);
        assert!(lib.take_first_texts().is_empty(), "taken once");
        // The first article came with the head.
        assert_eq!(lib.wanted("", &[], first).articles, [1]);
    }

    #[test]
    fn passages_of_each_article_are_contiguous() {
        let lib = library();
        assert_eq!(lib.passages_of(0), 0..2);
        assert_eq!(lib.passages_of(1), 2..5);
    }

    #[test]
    fn marks_follow_the_query() {
        let lib = library();
        let results = lib.search("gas ", &[]);
        let marks = lib.marks_in(1, &results);
        assert_eq!(marks.iter().map(|(p, r)| (*p, r.len())).collect::<Vec<_>>(), [(3, 1), (4, 1)]);
        assert!(lib.marks_in(1, &lib.search("", &[])).is_empty());
    }
}
