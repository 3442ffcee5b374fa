use std::rc::Rc;

use lectern_core::search::SearchResults;
use yew::prelude::*;

use super::result_item::ResultItem;
use crate::library::Library;

/// Results shown at once; the count says how many there are in all.
const SHOWN: usize = 60;

#[derive(Properties, PartialEq)]
pub struct ResultsListProps {
    pub library: Rc<Library>,
    pub results: Rc<SearchResults>,
    pub on_open: Callback<u32>,
}

/// Matching passages grouped by article; articles ordered by their best passage.
#[component]
pub fn ResultsList(props: &ResultsListProps) -> Html {
    let marked = use_memo(props.results.clone(), |r| Rc::new(r.marked_terms.clone()));
    let mut groups: Vec<(u32, Vec<u32>)> = Vec::new();
    for hit in props.results.hits.iter().take(SHOWN) {
        let article = props.library.index.passages[hit.passage as usize].article;
        match groups.iter_mut().find(|(a, _)| *a == article) {
            Some((_, passages)) => passages.push(hit.passage),
            None => groups.push((article, vec![hit.passage])),
        }
    }
    html! {
        <section class="lectern-results" aria-label="Search results">
            for (article, passages) in groups {
                <div key={article} class="lectern-result-group">
                    <h2 class="lectern-result-article">{ &props.library.articles[article as usize].title }</h2>
                    <ol>
                        for passage in passages {
                            <ResultItem
                                key={passage}
                                library={props.library.clone()}
                                {passage}
                                marked_terms={(*marked).clone()}
                                on_open={props.on_open.clone()}
                            />
                        }
                    </ol>
                </div>
            }
            if props.results.total > SHOWN {
                <p class="lectern-more">
                    { format!("Showing the best {SHOWN} of {} passages; add words to narrow the search.", props.results.total) }
                </p>
            }
        </section>
    }
}
