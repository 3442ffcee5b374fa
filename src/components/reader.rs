use std::rc::Rc;

use lectern_core::search::{Filter, FilterKind, SearchResults, QUOTES_ONLY};
use yew::prelude::*;

use super::article_list::ArticleList;
use super::filter_bar::FilterBar;
use super::no_results::NoResults;
use super::notice::Notice;
use super::quotes_panel::QuotesPanel;
use super::quotes_toggle::QuotesToggle;
use super::side_panels::SidePanels;
use super::topic_map::TopicMapPanel;
use super::reading_pane::ReadingPane;
use super::results_list::ResultsList;
use super::search_bar::SearchBar;
use super::setup_problems::SetupProblems;
use crate::embed::use_bridge::use_bridge;
use crate::hooks::{use_slash_to_focus, use_url_sync};
use crate::library::Library;
use crate::setup::Setup;
use crate::state::{Action, Panel, ReaderState};
use crate::use_parts::{fetch_passage_topics, use_parts};

#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    pub library: Rc<Library>,
    /// Panels, theme, URL use: the standalone site's unless an embedding page chose.
    #[prop_or_default]
    pub setup: Rc<Setup>,
    /// The controls for adding one's own articles, shown above the article list.
    #[prop_or_default]
    pub adding: Html,
    /// Files dropped on the reader; dropping is off without it.
    #[prop_or_default]
    pub on_files: Option<Callback<Vec<web_sys::File>>>,
    /// An article to open when `library` changes (one just added).
    #[prop_or_default]
    pub reveal: Option<String>,
    /// A message to show at first (a part the first view needed could not be had).
    #[prop_or_default]
    pub notice: Option<String>,
}

/// The whole reader: search above, results and articles beside (on a phone, above) the
/// reading pane. Search results follow from the query and filters, computed once per change.
#[component]
pub fn Reader(props: &ReaderProps) -> Html {
    let setup = props.setup.clone();
    let state = {
        let (library, setup, notice) = (props.library.clone(), setup.clone(), props.notice.clone());
        use_reducer(move || {
            let state = ReaderState::new(library, setup.first_view());
            let state = ReaderState { notice: notice.or(state.notice), ..state };
            if setup.panels.quotes { state } else { ReaderState { panel: Panel::Topics, ..state } }
        })
    };
    use_url_sync(&state, setup.url_hash);
    {
        let (dispatcher, current) = (state.dispatcher(), state.library.clone());
        use_effect_with((props.library.clone(), props.reveal.clone()), move |(library, reveal)| {
            if *library != current {
                dispatcher.dispatch(Action::Replace { library: library.clone(), reveal: reveal.clone() });
            }
        });
    }
    let dragging = use_state(|| false);
    let drop_handlers = drop_handlers(props.on_files.clone(), dragging.clone());
    let search_input = use_node_ref();
    let root = use_node_ref();
    // Embedded readers take `/` only while focus is inside them: a page may hold several.
    use_slash_to_focus(search_input.clone(), setup.bridge.is_some().then(|| root.clone()));

    let library = state.library.clone();
    // A split bundle answers once the query's index shards are here; until then the last
    // answer stays on screen, marked busy.
    let answered = use_memo((library.clone(), state.query.clone(), state.filters.clone()), |(lib, q, f)| {
        lib.answer(q, f).map(Rc::new)
    });
    let last_answer = use_mut_ref(|| Rc::new(SearchResults::default()));
    let busy = answered.is_none();
    let results: Rc<SearchResults> = match &*answered {
        Some(results) => {
            *last_answer.borrow_mut() = results.clone();
            results.clone()
        }
        None => last_answer.borrow().clone(),
    };
    let on_want_topics = {
        let state = state.clone();
        Callback::from(move |()| fetch_passage_topics(&state))
    };
    let on_in_view = use_parts(&state);
    let marks = use_memo((results.clone(), state.open), |(results, open)| {
        open.map(|a| library.marks_in(a, results)).unwrap_or_default()
    });
    // A query of only exclusions (or only punctuation) asks for nothing: the normal view.
    let searching = results.clauses > 0 || !state.filters.is_empty();
    use_bridge(&state, setup.bridge.clone(), searching.then_some(results.total));

    let dispatch = |make: fn(String) -> Action| {
        let dispatcher = state.dispatcher();
        Callback::from(move |value: String| dispatcher.dispatch(make(value)))
    };
    let on_open = dispatch(Action::Open);
    let on_query = dispatch(Action::SetQuery);
    let on_open_passage = {
        let dispatcher = state.dispatcher();
        Callback::from(move |p: u32| dispatcher.dispatch(Action::OpenPassage(p)))
    };
    let on_toggle = {
        let dispatcher = state.dispatcher();
        Callback::from(move |f| dispatcher.dispatch(Action::ToggleFilter(f)))
    };
    let on_step = {
        let dispatcher = state.dispatcher();
        let (marks, focus) = (marks.clone(), state.focus);
        Callback::from(move |forward: bool| {
            let total = marks.iter().map(|(_, r)| r.len()).sum();
            // Without a current match, start from the passage the reader jumped to.
            let from = marks.iter().take_while(|(p, _)| Some(*p) < focus).map(|(_, r)| r.len()).sum();
            dispatcher.dispatch(Action::StepMatch { forward, total, from });
        })
    };
    let on_more = {
        let dispatcher = state.dispatcher();
        Callback::from(move |_| dispatcher.dispatch(Action::ShowMoreResults))
    };
    let on_dismiss = {
        let dispatcher = state.dispatcher();
        Callback::from(move |_| dispatcher.dispatch(Action::DismissNotice))
    };
    let on_open_quote = {
        let dispatcher = state.dispatcher();
        Callback::from(move |(article, quote)| dispatcher.dispatch(Action::OpenQuote { article, quote }))
    };
    let on_scope = {
        let dispatcher = state.dispatcher();
        Callback::from(move |all| dispatcher.dispatch(Action::ShowAllQuotes(all)))
    };
    let on_filter_speaker = on_toggle.reform(|name: String| Filter::speaker(&name));
    let on_pick_topic = on_toggle.reform(|label: String| Filter::topic(&label));
    let on_panel = {
        let dispatcher = state.dispatcher();
        Callback::from(move |panel| dispatcher.dispatch(Action::ShowPanel(panel)))
    };
    let selected_topics: Vec<String> =
        state.filters.iter().filter(|f| f.kind == FilterKind::Topic).map(|f| f.value.clone()).collect();
    let quotes_only = state.filters.contains(&Filter::quotes_only());
    let filtered_speakers: Vec<String> =
        state.filters.iter().filter(|f| f.kind == FilterKind::Speaker).map(|f| f.value.clone()).collect();
    let panels = setup.panels;

    html! {
        <div
            class={classes!("lectern", (*dragging).then_some("lectern-dragging"))}
            data-testid="reader"
            data-theme={setup.theme.attribute()}
            ref={root.clone()}
            ondragover={drop_handlers.0}
            ondragleave={drop_handlers.1}
            ondrop={drop_handlers.2}
        >
            <a class="lectern-skip" href="#" onclick={skip_to_article(root)}>{ "Skip to article" }</a>
            <div class="lectern-bar">
                <span class="lectern-brand" aria-hidden="true">{ "❦" }</span>
                <span class="lectern-name">{ setup.title.as_deref().unwrap_or("Lectern") }</span>
                <SearchBar query={state.query.clone()} input={search_input} {on_query} on_step={on_step.clone()} />
                <QuotesToggle
                    active={quotes_only}
                    count={searching.then(|| results.count_for(FilterKind::Quotes, QUOTES_ONLY))}
                    on_toggle={on_toggle.clone()}
                />
                <span class="lectern-count" data-testid="result-count" aria-live="polite" aria-busy={busy.then_some("true")}>
                    { count_label(searching.then_some(results.total), library.articles.len()) }
                </span>
            </div>
            <SetupProblems problems={setup.problems.clone()} />
            if let Some(text) = state.notice.clone() {
                <Notice {text} on_dismiss={on_dismiss} />
            }
            <div class={classes!("lectern-layout", (!panels.all()).then_some("lectern-layout-some"))}>
                if panels.list {
                <div class="lectern-side">
                    { props.adding.clone() }
                    if searching {
                        <FilterBar
                            facets={results.facets.clone()}
                            on_toggle={on_toggle.clone()}
                            topics_pending={library.passage_topics_pending()}
                            on_want_topics={on_want_topics}
                        />
                        if results.total == 0 {
                            <NoResults
                                query={state.query.clone()}
                                suggestions={results.suggestions.clone()}
                                filtered={!state.filters.is_empty()}
                                on_pick={dispatch(Action::SetQuery)}
                            />
                        } else {
                            <ResultsList
                                library={library.clone()}
                                results={results.clone()}
                                shown={state.shown_results}
                                on_open={on_open_passage}
                                on_more={on_more}
                                {on_in_view}
                            />
                        }
                    }
                    <ArticleList
                        articles={library.articles.clone()}
                        open={state.open}
                        results={searching.then(|| results.clone())}
                        {on_open}
                    />
                </div>
                }
                if panels.reader {
                <ReadingPane
                    article={state.open_article()}
                    passages={state.open.map(|a| library.passages_of(a)).unwrap_or(0..0)}
                    marks={marks}
                    focus={state.focus}
                    current_match={state.current_match}
                    focus_quote={state.focus_quote}
                    loading={state.open.is_some_and(|a| !library.has_text(a))}
                    {on_step}
                />
                }
                if panels.quotes || panels.map {
                <SidePanels
                    panel={state.panel}
                    quotes_shown={panels.quotes}
                    topics_shown={panels.map}
                    {on_panel}
                    quotes={html! {
                        <QuotesPanel
                            library={library.clone()}
                            open={state.open}
                            all={state.all_quotes}
                            {filtered_speakers}
                            {on_open_quote}
                            {on_scope}
                            {on_filter_speaker}
                        />
                    }}
                    topics={html! {
                        <TopicMapPanel library={library.clone()} open={state.open} selected={selected_topics} on_pick={on_pick_topic} />
                    }}
                />
                }
            </div>
        </div>
    }
}

fn count_label(matches: Option<usize>, articles: usize) -> String {
    match (matches, articles) {
        (Some(1), _) => "1 matching passage".to_string(),
        (Some(n), _) => format!("{n} matching passages"),
        (None, 1) => "1 article".to_string(),
        (None, n) => format!("{n} articles"),
    }
}

/// Move keyboard focus to this reader's open article title, without touching the URL hash.
fn skip_to_article(root: NodeRef) -> Callback<MouseEvent> {
    Callback::from(move |event: MouseEvent| {
        event.prevent_default();
        let title = root
            .cast::<web_sys::Element>()
            .and_then(|root| root.query_selector("[data-testid='article-title']").ok().flatten())
            .and_then(|title| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(title).ok());
        if let Some(title) = title {
            let _ = title.focus();
        }
    })
}

type DragHandlers = (Callback<DragEvent>, Callback<DragEvent>, Callback<DragEvent>);

/// Over, leave and drop: files dropped anywhere on the reader are added (when it can add them).
fn drop_handlers(on_files: Option<Callback<Vec<web_sys::File>>>, dragging: UseStateHandle<bool>) -> DragHandlers {
    let Some(on_files) = on_files else { return Default::default() };
    let carries_files =
        |e: &DragEvent| e.data_transfer().is_some_and(|d| d.types().iter().any(|t| t.as_string().as_deref() == Some("Files")));
    let over = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            if carries_files(&e) {
                e.prevent_default();
                dragging.set(true);
            }
        })
    };
    let leave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let dropped = Callback::from(move |e: DragEvent| {
        dragging.set(false);
        let Some(list) = e.data_transfer().and_then(|d| d.files()) else { return };
        e.prevent_default();
        on_files.emit((0..list.length()).filter_map(|i| list.get(i)).collect());
    });
    (over, leave, dropped)
}
