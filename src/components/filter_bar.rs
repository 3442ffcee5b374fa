use lectern_core::search::{FacetCount, Filter, FilterKind};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FilterBarProps {
    pub facets: Vec<FacetCount>,
    pub on_toggle: Callback<Filter>,
    /// A split bundle's topic filter table has not arrived: the topic filter offers to fetch
    /// it (`on_want_topics`) when opened, and says it is loading.
    #[prop_or_default]
    pub topics_pending: bool,
    #[prop_or_default]
    pub on_want_topics: Callback<()>,
}

/// Active filters as removable chips, then every value a filter could take with the count it
/// would give. All kinds of filter (article, section, and later speaker, topic) look alike.
/// A filter's values are put on the page only while it is open: a query over an archive can
/// match hundreds of articles, and each keystroke would otherwise draw them all unseen.
#[component]
pub fn FilterBar(props: &FilterBarProps) -> Html {
    let open = use_state(Vec::<FilterKind>::new);
    let flip = |kind: FilterKind| {
        let open = open.clone();
        Callback::from(move |e: MouseEvent| {
            // The state opens and closes it, not the browser (which would undo a state that
            // already changed before its own toggle ran).
            e.prevent_default();
            let mut kinds = (*open).clone();
            match kinds.iter().position(|k| *k == kind) {
                Some(i) => drop(kinds.remove(i)),
                None => kinds.push(kind),
            }
            open.set(kinds);
        })
    };
    let toggle = |f: &FacetCount| {
        let filter = Filter { kind: f.kind, value: f.value.clone() };
        props.on_toggle.reform(move |_: MouseEvent| filter.clone())
    };
    let active: Vec<&FacetCount> = props.facets.iter().filter(|f| f.active).collect();
    html! {
        <div class="lectern-filters">
            if !active.is_empty() {
                <ul class="lectern-chips" aria-label="Active filters">
                    for f in active {
                        <li key={format!("{}:{}", f.kind.key(), f.value)} class="lectern-chip" data-testid="filter-chip">
                            <span class="lectern-chip-kind">{ f.kind.label() }</span>
                            <span class="lectern-chip-label">{ &f.label }</span>
                            <button
                                type="button"
                                class="lectern-chip-remove"
                                aria-label={format!("Remove filter {}: {}", f.kind.label(), f.label)}
                                onclick={toggle(f)}
                            >{ "×" }</button>
                        </li>
                    }
                </ul>
            }
            // "Quotes only" has its own toggle beside the search; its chip shows here.
            for kind in FilterKind::ALL.into_iter().filter(|k| *k != FilterKind::Quotes) {
                // The same element whether loading or not, so that it stays open as values arrive.
                if (kind == FilterKind::Topic && props.topics_pending) || props.facets.iter().any(|f| f.kind == kind && !f.active) {
                    <details class="lectern-facet" open={open.contains(&kind)}>
                        if kind == FilterKind::Topic && props.topics_pending {
                            <summary data-testid="topic-filter-pending" onclick={
                                let (want, flip) = (props.on_want_topics.clone(), flip(kind));
                                Callback::from(move |e: MouseEvent| { want.emit(()); flip.emit(e); })
                            }>
                                { "Filter by topic" }
                            </summary>
                            <p class="lectern-facet-loading" role="status">{ "Loading the topics of these passages…" }</p>
                        } else {
                            <summary onclick={flip(kind)}>{ format!("Filter by {}", kind.label().to_lowercase()) }</summary>
                            if open.contains(&kind) {
                            <ul>
                                for f in props.facets.iter().filter(|f| f.kind == kind && !f.active) {
                                    <li key={f.value.clone()}>
                                        <button type="button" class="lectern-plain-button lectern-facet-option" onclick={toggle(f)}>
                                            <span>{ &f.label }</span>
                                            <span class="lectern-badge">{ f.count }</span>
                                        </button>
                                    </li>
                                }
                            </ul>
                            }
                        }
                    </details>
                }
            }
        </div>
    }
}
