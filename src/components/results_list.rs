use std::rc::Rc;

use lectern_core::search::{Marker, SearchResults};
use yew::prelude::*;

use super::result_item::ResultItem;
use crate::library::Library;
use crate::use_in_view::use_in_view;

/// A section's listed passages: (section, passages).
type SectionHits = (u32, Vec<u32>);

#[derive(Properties, PartialEq)]
pub struct ResultsListProps {
    pub library: Rc<Library>,
    pub results: Rc<SearchResults>,
    /// How many to list.
    pub shown: usize,
    pub on_open: Callback<u32>,
    pub on_more: Callback<()>,
    /// Hears which articles the results on screen show text from (split bundles only: a
    /// whole bundle has every text).
    #[prop_or_default]
    pub on_in_view: Callback<Vec<usize>>,
}

/// Matching passages grouped by article, then by section; each group ordered by its best
/// passage, passages by rank.
#[component]
pub fn ResultsList(props: &ResultsListProps) -> Html {
    // One marker for every listed passage: resolving the marked words scans the vocabulary.
    let marker = Marker::new(&props.library.index, &props.results.marked_terms);
    let section = use_node_ref();
    let watching = props.library.parts.is_some().then(|| props.on_in_view.clone());
    use_in_view(section.clone(), (props.results.clone(), props.shown), watching);
    // article → section → passages, in order of first (best) appearance.
    let mut groups: Vec<(u32, Vec<SectionHits>)> = Vec::new();
    for hit in props.results.hits.iter().take(props.shown) {
        let p = &props.library.index.passages[hit.passage as usize];
        let sections = match groups.iter_mut().position(|(a, _)| *a == p.article) {
            Some(i) => &mut groups[i].1,
            None => {
                groups.push((p.article, Vec::new()));
                &mut groups.last_mut().expect("just pushed").1
            }
        };
        match sections.iter_mut().find(|(s, _)| *s == p.section) {
            Some((_, passages)) => passages.push(hit.passage),
            None => sections.push((p.section, vec![hit.passage])),
        }
    }
    html! {
        <section ref={section} class="lectern-results" aria-label="Search results">
            for (article, sections) in groups {
                <div key={article} class="lectern-result-group">
                    <h2 class="lectern-result-article">{ &props.library.articles[article as usize].title }</h2>
                    for (section, passages) in sections {
                        <ol key={section} aria-label={section_label(&props.library, article, section)}>
                            for passage in passages {
                                <ResultItem
                                    key={passage}
                                    library={props.library.clone()}
                                    {passage}
                                    ranges={marker.ranges(props.library.text(&props.library.index.passages[passage as usize]))}
                                    on_open={props.on_open.clone()}
                                />
                            }
                        </ol>
                    }
                </div>
            }
            if props.results.hits.len() > props.shown {
                <button type="button" class="lectern-more" onclick={props.on_more.reform(|_: MouseEvent| ())}>
                    { format!("Show more ({} of {} listed)", props.shown, props.results.total) }
                </button>
            } else if props.results.total > props.results.hits.len() {
                <p class="lectern-more">
                    { format!("The best {} of {} passages are listed; add words to narrow the search.", props.results.hits.len(), props.results.total) }
                </p>
            }
        </section>
    }
}

fn section_label(library: &Library, article: u32, section: u32) -> String {
    let article = &library.articles[article as usize];
    let heading = article.sections.get(section as usize).and_then(|s| s.heading.clone());
    heading.unwrap_or_else(|| format!("{}, untitled section", article.title))
}
