use std::rc::Rc;

use lectern_core::topics::TopicMap;
use yew::prelude::*;

use super::map_controls::MapControls;
use super::topic_compare::TopicCompare;
use super::topic_export::TopicExport;
use super::topic_graph::TopicGraph;
use super::topic_table::TopicTable;
use crate::library::Library;
use crate::map_state::{MapAction, MapView, Scope};

#[derive(Properties, PartialEq)]
pub struct TopicMapProps {
    pub library: Rc<Library>,
    pub open: Option<usize>,
    /// Topic labels the reading view is filtered by.
    pub selected: Vec<String>,
    /// Choosing a topic toggles it as a filter.
    pub on_pick: Callback<String>,
}

/// The topic map panel: scope, controls, the map (or its table, or two articles compared) and
/// downloads. Everything drawn was laid out at build time.
#[component]
pub fn TopicMapPanel(props: &TopicMapProps) -> Html {
    let view = use_reducer(MapView::default);
    let drawing = use_node_ref();
    let lib = &props.library;
    let topics = lib.topics.clone();
    let article = (view.scope == Scope::OpenArticle).then_some(props.open).flatten().filter(|&a| a < lib.articles.len());
    // Maps are cloned once per scope change (or when a split bundle's article arrives with its
    // map), not per render: hovering redraws classes only.
    let arrived = article.is_some_and(|a| lib.has_text(a));
    let map: Rc<TopicMap> = (*use_memo((topics.clone(), article, arrived), {
        let lib = lib.clone();
        move |(topics, a, _)| a.map_or_else(|| Rc::new(topics.all.clone()), |a| lib.article_map(a))
    }))
    .clone();
    let (scope_articles, scope_name) = match article {
        Some(a) => (1, lib.articles[a].id.clone()),
        None => (lib.articles.len(), "all-articles".to_string()),
    };
    let on_view = {
        let view = view.clone();
        Callback::from(move |a: MapAction| view.dispatch(a))
    };
    let scope_button = |scope: Scope, label: &'static str| {
        let on_view = on_view.clone();
        html! {
            <button type="button" aria-pressed={(view.scope == scope).to_string()} onclick={move |_| on_view.emit(MapAction::Scope(scope))}>
                { label }
            </button>
        }
    };
    let on_choose = on_view.reform(|(first, article): (bool, usize)| MapAction::Compare { first, article });
    html! {
        <section class="lectern-topics" data-testid="topic-map" aria-label="Topic map">
            <div class="lectern-quotes-head">
                <h2 class="lectern-panel-title">{ "Topics" }</h2>
                <div class="lectern-segmented" role="group" aria-label="Topics of">
                    { scope_button(Scope::All, "All articles") }
                    { scope_button(Scope::OpenArticle, "This article") }
                    { scope_button(Scope::Compare, "Compare") }
                </div>
            </div>
            if view.scope == Scope::Compare {
                <TopicCompare library={lib.clone()} topics={topics.clone()} compared={view.compared} {on_choose} on_pick={props.on_pick.clone()} />
            } else if map.nodes.is_empty() {
                <p class="lectern-quotes-none">{ "No topics are mentioned often enough here to map." }</p>
            } else {
                <MapControls view={(*view).clone()} total={map.nodes.len()} on_view={on_view.clone()} />
                <div class="lectern-map-frame" ref={drawing.clone()}>
                    if view.as_list {
                        <TopicTable topics={topics.clone()} map={map.clone()} count={view.count} threshold={view.threshold} selected={props.selected.clone()} on_pick={props.on_pick.clone()} />
                    } else {
                        <TopicGraph
                            topics={topics.clone()}
                            map={map.clone()}
                            view={(*view).clone()}
                            {scope_articles}
                            selected={props.selected.clone()}
                            on_view={on_view.clone()}
                            on_pick={props.on_pick.clone()}
                        />
                    }
                </div>
                <p class="lectern-map-legend">{ "Size: mentions. Colour: topics that travel together. Lines: mentioned in the same paragraphs." }</p>
                <TopicExport topics={topics.clone()} map={map.clone()} count={view.count} threshold={view.threshold} {drawing} scope={scope_name} />
            }
        </section>
    }
}
