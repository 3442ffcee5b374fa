//! What `lectern inspect --json` prints (shared/CONTRACT.md §2).

use serde::Serialize;

use crate::model::Article;

#[derive(Debug, Serialize)]
pub struct Inspection<'a> {
    pub articles: &'a [Article],
    /// Filled by topic extraction (the topic map issue); an empty list until then.
    pub topics: Vec<Topic>,
    pub edges: Vec<Edge>,
}

#[derive(Debug, Serialize)]
pub struct Topic {
    pub label: String,
    pub aliases: Vec<String>,
    pub count: usize,
}

#[derive(Debug, Serialize)]
pub struct Edge {
    pub source: usize,
    pub target: usize,
    pub weight: f64,
}

impl<'a> Inspection<'a> {
    pub fn new(articles: &'a [Article]) -> Self {
        Inspection { articles, topics: Vec::new(), edges: Vec::new() }
    }
}
