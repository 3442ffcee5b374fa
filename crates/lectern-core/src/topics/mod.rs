//! The topic map: the people, places, organisations and subjects of a set of articles, how
//! often each is mentioned, which are discussed together, in which clusters, and where each
//! sits on the map. Computed at build time for bundled articles; the browser only draws.
//!
//! Two topics are linked by how often they are mentioned in the same *paragraph*. News
//! paragraphs are short and about one thing, so a paragraph is the natural unit of "discussed
//! together"; single sentences are too sparse in a short article (most pairs would never meet),
//! and whole articles link everything to everything. The weight is the cosine of the two
//! topics' paragraph sets: together / √(paragraphs of a × paragraphs of b), from 0 to 1.

mod candidates;
mod cluster;
pub mod layout;
mod resolve;
pub mod view;
mod vocabulary;
mod words;

use serde::{Deserialize, Serialize};

pub use resolve::{extract, extract_with, Extraction, TopicInfo, MAX_TOPICS};

use crate::model::Article;

/// Links kept per topic, the strongest: enough to show what travels together, few enough to
/// stay legible.
const LINKS_PER_TOPIC: usize = 4;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Topics {
    /// Every topic, most mentioned first; maps and filters refer to them by index.
    pub topics: Vec<Topic>,
    /// The map of all the articles.
    pub all: TopicMap,
    /// One map per article, of the topics it mentions.
    pub per_article: Vec<TopicMap>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Topic {
    pub label: String,
    pub aliases: Vec<String>,
    pub count: usize,
    pub articles: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TopicMap {
    /// Most mentioned first.
    pub nodes: Vec<Node>,
    /// Indices into `nodes`, `source < target`.
    pub edges: Vec<Link>,
    pub width: f32,
    pub height: f32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Node {
    /// Index into [`Topics::topics`].
    pub topic: u32,
    /// Mentions within the map's articles.
    pub count: u32,
    pub cluster: u32,
    pub x: f32,
    pub y: f32,
    pub r: f32,
    pub font: f32,
    pub label_width: f32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Link {
    pub source: u32,
    pub target: u32,
    pub weight: f32,
    /// Paragraphs mentioning both.
    pub together: u32,
}

impl Topics {
    pub fn build<A: AsRef<Article>>(articles: &[A], extraction: &Extraction) -> Topics {
        Topics::build_with(articles, extraction, &mut crate::progress::Unwatched)
    }

    /// [`Topics::build`], counting the articles whose maps are laid out.
    pub fn build_with<A: AsRef<Article>>(
        articles: &[A],
        extraction: &Extraction,
        progress: &mut dyn crate::progress::Progress,
    ) -> Topics {
        let topics: Vec<Topic> = extraction
            .topics
            .iter()
            .map(|t| Topic { label: t.label.clone(), aliases: t.aliases.clone(), count: t.count, articles: t.articles })
            .collect();
        let all = map(&topics, extraction.paragraphs.iter().map(|p| &p.3), 1);
        progress.step("mapping topics", articles.len());
        let per_article = (0..articles.len() as u32)
            .map(|a| {
                progress.advance();
                map(&topics, extraction.paragraphs.iter().filter(|p| p.0 == a).map(|p| &p.3), 2)
            })
            .collect();
        Topics { topics, all, per_article }
    }

    pub fn label(&self, topic: u32) -> &str {
        &self.topics[topic as usize].label
    }
}

/// A map of the topics mentioned in `paragraphs` (at least `min_count` times), linked by the
/// paragraphs they share.
fn map<'a>(topics: &[Topic], paragraphs: impl Iterator<Item = &'a Vec<u32>> + Clone, min_count: u32) -> TopicMap {
    let mut counts = vec![0u32; topics.len()];
    let mut in_paragraphs = vec![0u32; topics.len()];
    let mut sets: Vec<Vec<u32>> = Vec::new();
    for ids in paragraphs {
        let mut set = ids.clone();
        ids.iter().for_each(|&t| counts[t as usize] += 1);
        set.sort_unstable();
        set.dedup();
        set.iter().for_each(|&t| in_paragraphs[t as usize] += 1);
        sets.push(set);
    }
    let mut chosen: Vec<u32> = (0..topics.len() as u32).filter(|&t| counts[t as usize] >= min_count).collect();
    chosen.sort_by(|&a, &b| counts[b as usize].cmp(&counts[a as usize]).then(a.cmp(&b)));
    let local = |t: u32| chosen.iter().position(|&c| c == t);
    let mut together: std::collections::BTreeMap<(usize, usize), u32> = std::collections::BTreeMap::new();
    for set in &sets {
        let ids: Vec<usize> = set.iter().filter_map(|&t| local(t)).collect();
        for (i, &a) in ids.iter().enumerate() {
            for &b in &ids[i + 1..] {
                *together.entry((a.min(b), a.max(b))).or_default() += 1;
            }
        }
    }
    let weight = |a: usize, b: usize, n: u32| {
        let (pa, pb) = (in_paragraphs[chosen[a] as usize], in_paragraphs[chosen[b] as usize]);
        n as f32 / ((pa * pb) as f32).sqrt()
    };
    let mut links: Vec<Link> = together
        .into_iter()
        .map(|((a, b), n)| Link { source: a as u32, target: b as u32, weight: (weight(a, b, n) * 1000.0).round() / 1000.0, together: n })
        .collect();
    keep_strongest(&mut links, chosen.len());
    let edges: Vec<(usize, usize, f64)> = links.iter().map(|l| (l.source as usize, l.target as usize, l.weight as f64)).collect();
    let clusters = cluster::communities(chosen.len(), &edges);
    let labels: Vec<&str> = chosen.iter().map(|&t| topics[t as usize].label.as_str()).collect();
    let sizes: Vec<usize> = chosen.iter().map(|&t| counts[t as usize] as usize).collect();
    let laid = layout::layout(&labels, &sizes, &links.iter().map(|l| (l.source as usize, l.target as usize, l.weight)).collect::<Vec<_>>());
    let nodes = chosen
        .iter()
        .zip(laid.places)
        .zip(clusters)
        .map(|((&t, p), cluster)| Node {
            topic: t,
            count: counts[t as usize],
            cluster,
            x: p.x,
            y: p.y,
            r: p.r,
            font: p.font,
            label_width: p.label_width,
        })
        .collect();
    TopicMap { nodes, edges: links, width: laid.width, height: laid.height }
}

/// Keep each topic's strongest links (a link stays if either end keeps it).
fn keep_strongest(links: &mut Vec<Link>, n: usize) {
    let mut keep = vec![false; links.len()];
    for node in 0..n as u32 {
        let mut mine: Vec<usize> = (0..links.len()).filter(|&i| links[i].source == node || links[i].target == node).collect();
        mine.sort_by(|&a, &b| links[b].weight.total_cmp(&links[a].weight).then(a.cmp(&b)));
        mine.into_iter().take(LINKS_PER_TOPIC).for_each(|i| keep[i] = true);
    }
    let mut i = 0;
    links.retain(|_| {
        i += 1;
        keep[i - 1]
    });
}
