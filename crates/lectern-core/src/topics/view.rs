//! What a reader asks of a topic map, answered without a browser: the top topics and the links
//! above a strength, two articles compared, and the map as CSV or JSON.

use super::{Link, Node, TopicMap, Topics};
use crate::quotes::export::{csv_cell, json_string};

/// The first `count` nodes (most mentioned) and the links among them of at least `threshold`.
pub fn visible(map: &TopicMap, count: usize, threshold: f32) -> (Vec<&Node>, Vec<&Link>) {
    let shown = count.min(map.nodes.len());
    let nodes = map.nodes[..shown].iter().collect();
    let links = map
        .edges
        .iter()
        .filter(|l| (l.source as usize) < shown && (l.target as usize) < shown && l.weight >= threshold)
        .collect();
    (nodes, links)
}

/// Topics two articles share and those only one of them covers, by mentions in each.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Comparison {
    /// (topic, mentions in a, mentions in b)
    pub both: Vec<(u32, u32, u32)>,
    pub only_a: Vec<(u32, u32)>,
    pub only_b: Vec<(u32, u32)>,
}

pub fn compare(a: &TopicMap, b: &TopicMap) -> Comparison {
    let count_in = |map: &TopicMap, t: u32| map.nodes.iter().find(|n| n.topic == t).map(|n| n.count);
    let mut out = Comparison::default();
    for n in &a.nodes {
        match count_in(b, n.topic) {
            Some(m) => out.both.push((n.topic, n.count, m)),
            None => out.only_a.push((n.topic, n.count)),
        }
    }
    out.only_b = b.nodes.iter().filter(|n| count_in(a, n.topic).is_none()).map(|n| (n.topic, n.count)).collect();
    out.both.sort_by(|x, y| (y.1 + y.2).cmp(&(x.1 + x.2)).then(x.0.cmp(&y.0)));
    out
}

pub fn csv(topics: &Topics, nodes: &[&Node], links: &[&Link], map: &TopicMap) -> String {
    let label = |i: u32| csv_cell(topics.label(map.nodes[i as usize].topic));
    let mut out = String::from("kind,topic,other,mentions,weight,cluster\r\n");
    for n in nodes {
        out.push_str(&format!("topic,{},,{},,{}\r\n", csv_cell(topics.label(n.topic)), n.count, n.cluster));
    }
    for l in links {
        out.push_str(&format!("link,{},{},{},{},\r\n", label(l.source), label(l.target), l.together, l.weight));
    }
    out
}

pub fn json(topics: &Topics, nodes: &[&Node], links: &[&Link], map: &TopicMap) -> String {
    let position = |i: u32| nodes.iter().position(|n| std::ptr::eq(*n, &map.nodes[i as usize])).unwrap_or(0);
    let topic_items: Vec<String> = nodes
        .iter()
        .map(|n| {
            let t = &topics.topics[n.topic as usize];
            let aliases: Vec<String> = t.aliases.iter().map(|a| json_string(a)).collect();
            format!(
                "    {{\"label\": {}, \"aliases\": [{}], \"count\": {}, \"cluster\": {}}}",
                json_string(&t.label),
                aliases.join(", "),
                n.count,
                n.cluster
            )
        })
        .collect();
    let link_items: Vec<String> = links
        .iter()
        .map(|l| format!("    {{\"source\": {}, \"target\": {}, \"weight\": {}}}", position(l.source), position(l.target), l.weight))
        .collect();
    format!("{{\n  \"topics\": [\n{}\n  ],\n  \"edges\": [\n{}\n  ]\n}}\n", topic_items.join(",\n"), link_items.join(",\n"))
}
