//! The seed articles with their search index, for the search tests.

use std::path::PathBuf;

use lectern_core::search::{passage_text, search, Filter, Query, SearchIndex, SearchResults};
use lectern_core::{files, Article};

pub struct Corpus {
    pub articles: Vec<Article>,
    pub index: SearchIndex,
}

impl Corpus {
    pub fn seeds() -> Corpus {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../articles");
        Corpus::of(files::ingest_folder(&dir).unwrap())
    }

    pub fn of(articles: Vec<Article>) -> Corpus {
        let index = SearchIndex::build(&articles);
        Corpus { articles, index }
    }

    pub fn find(&self, query: &str) -> SearchResults {
        self.filtered(query, &[])
    }

    pub fn filtered(&self, query: &str, filters: &[Filter]) -> SearchResults {
        search(&self.index, &self.articles, &Query::parse(query), filters)
    }

    pub fn text(&self, passage: u32) -> &str {
        let p = &self.index.passages[passage as usize];
        passage_text(&self.articles[p.article as usize], p)
    }

    /// The texts of all hits, best first.
    pub fn texts(&self, query: &str) -> Vec<&str> {
        self.find(query).hits.iter().map(|h| self.text(h.passage)).collect()
    }
}
