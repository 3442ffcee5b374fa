use std::rc::Rc;

use lectern_core::topics::view::visible;
use lectern_core::topics::{Link, Node, TopicMap, Topics};
use yew::prelude::*;

use super::topic_graph::cluster_colour;

#[derive(Properties, PartialEq)]
pub struct TopicTableProps {
    pub topics: Rc<Topics>,
    pub map: Rc<TopicMap>,
    pub count: usize,
    pub threshold: f32,
    pub selected: Vec<String>,
    pub on_pick: Callback<String>,
}

/// The map as a table, for screen readers and for readers who prefer one: the same topics and
/// links the map shows, with the same controls applied.
#[component]
pub fn TopicTable(props: &TopicTableProps) -> Html {
    let (nodes, links) = visible(&props.map, props.count, props.threshold);
    let label = |i: usize| props.topics.label(props.map.nodes[i].topic).to_string();
    html! {
        <table class="lectern-topic-table">
            <caption class="lectern-visually-hidden">{ "Topics and the topics they are discussed with" }</caption>
            <thead>
                <tr><th scope="col">{ "Topic" }</th><th scope="col">{ "Mentions" }</th><th scope="col">{ "Discussed with" }</th></tr>
            </thead>
            <tbody>
                for (i, n) in nodes.iter().enumerate() {
                    { row(props, n, partners(&links, i).into_iter().map(label).collect()) }
                }
            </tbody>
        </table>
    }
}

/// The topics linked to node `i`, strongest first.
fn partners(links: &[&Link], i: usize) -> Vec<usize> {
    let mut with: Vec<(usize, f32)> = links
        .iter()
        .filter_map(|l| match (l.source as usize, l.target as usize) {
            (s, t) if s == i => Some((t, l.weight)),
            (s, t) if t == i => Some((s, l.weight)),
            _ => None,
        })
        .collect();
    with.sort_by(|a, b| b.1.total_cmp(&a.1));
    with.into_iter().map(|(j, _)| j).collect()
}

fn row(props: &TopicTableProps, n: &Node, with: Vec<String>) -> Html {
    let name = props.topics.label(n.topic).to_string();
    let selected = props.selected.contains(&name);
    let pick = props.on_pick.reform({
        let name = name.clone();
        move |_: MouseEvent| name.clone()
    });
    html! {
        <tr key={name.clone()} data-topic={name.clone()}>
            <th scope="row">
                <button type="button" class="lectern-plain-button lectern-topic-pick" aria-pressed={selected.to_string()} onclick={pick}>
                    <svg class="lectern-cluster-dot" viewBox="0 0 10 10" aria-hidden="true"><circle cx="5" cy="5" r="5" fill={cluster_colour(n.cluster)} /></svg>
                    { &name }
                </button>
            </th>
            <td>{ n.count }</td>
            <td class="lectern-topic-links">{ with.join(", ") }</td>
        </tr>
    }
}
