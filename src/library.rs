//! The articles the reader can show, with their search index, and the pure questions the UI
//! asks of them. No DOM here: tested natively.

use std::rc::Rc;

use lectern_core::bundle::Bundle;
use lectern_core::search::{
    passage_text, search, Filter, Marker, Passage, PassageKind, Query, Range, SearchIndex, SearchResults,
};
use lectern_core::topics::Topics;
use lectern_core::Article;

pub struct Library {
    pub articles: Vec<Rc<Article>>,
    pub index: SearchIndex,
    /// Topics and their maps, laid out at build time.
    pub topics: Rc<Topics>,
}

/// Libraries are compared by identity: one is never changed, only replaced.
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
        Library { articles: bundle.articles.into_iter().map(Rc::new).collect(), index: bundle.index, topics: Rc::new(bundle.topics) }
    }

    pub fn from_articles(articles: Vec<Article>) -> Library {
        Library::from_bundle(Bundle::build(articles))
    }

    pub fn position(&self, id: &str) -> Option<usize> {
        self.articles.iter().position(|a| a.id == id)
    }

    pub fn passage(&self, id: u32) -> Option<&Passage> {
        self.index.passages.get(id as usize)
    }

    pub fn text(&self, passage: &Passage) -> &str {
        passage_text(&self.articles[passage.article as usize], passage)
    }

    pub fn search(&self, query: &str, filters: &[Filter]) -> SearchResults {
        search(&self.index, &self.articles, &Query::parse(query), filters)
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
        let q = self.articles.get(a)?.quotes.get(quote)?;
        self.paragraph_passage(a, q.section, q.paragraph)
    }

    /// Quotations the quotes panel lists, as (article, quotation) indices in reading order:
    /// the open article's, or every article's.
    pub fn quotations(&self, all: bool, open: Option<usize>) -> Vec<(usize, usize)> {
        let articles: Vec<usize> = if all { (0..self.articles.len()).collect() } else { open.into_iter().collect() };
        articles
            .into_iter()
            .filter(|&a| a < self.articles.len())
            .flat_map(|a| (0..self.articles[a].quotes.len()).map(move |q| (a, q)))
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

#[cfg(test)]
mod tests {
    use super::*;
    use lectern_core::{ingest, SourceFile};

    fn library() -> Library {
        let read = |name: &str, text: &str| {
            ingest(&SourceFile { name: name.into(), bytes: text.as_bytes().to_vec() }).unwrap()
        };
        Library::from_articles(vec![
            read("a.txt", "First Story\n\nThe gas pipeline opened on Monday, officials said.\n"),
            read("b.txt", "Second Story\n\nNothing about gas here, only the weather, which was fine.\n\nMore gas.\n"),
        ])
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
