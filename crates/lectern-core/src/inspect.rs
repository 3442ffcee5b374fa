//! What `lectern inspect --json` prints (shared/CONTRACT.md §2).

use serde::Serialize;

use crate::model::Article;
use crate::topics::{extract, Topics};

#[derive(Debug, Serialize)]
pub struct Inspection<'a> {
    pub articles: &'a [Article],
    /// Most mentioned first; what the topic map shows.
    pub topics: Vec<Topic>,
    /// Links of the map of all articles; `source` and `target` index `topics`.
    pub edges: Vec<Edge>,
}

#[derive(Debug, Serialize)]
pub struct Topic {
    pub label: String,
    pub aliases: Vec<String>,
    pub count: usize,
    /// Articles mentioning it.
    pub articles: usize,
    /// Its cluster in the map of all articles.
    pub cluster: u32,
}

#[derive(Debug, Serialize)]
pub struct Edge {
    pub source: usize,
    pub target: usize,
    /// Paragraph co-occurrence: together / √(paragraphs of source × paragraphs of target).
    pub weight: f64,
    /// Paragraphs mentioning both.
    pub together: u32,
}

impl<'a> Inspection<'a> {
    pub fn new(articles: &'a [Article]) -> Self {
        let topics = Topics::build(articles, &extract(articles));
        // Listed in the map's node order (most mentioned first), so edges index the list.
        let map = &topics.all;
        Inspection {
            articles,
            topics: map
                .nodes
                .iter()
                .map(|n| {
                    let t = &topics.topics[n.topic as usize];
                    Topic { label: t.label.clone(), aliases: t.aliases.clone(), count: t.count, articles: t.articles, cluster: n.cluster }
                })
                .collect(),
            edges: map
                .edges
                .iter()
                .map(|e| Edge { source: e.source as usize, target: e.target as usize, weight: (e.weight as f64 * 1000.0).round() / 1000.0, together: e.together })
                .collect(),
        }
    }
}
