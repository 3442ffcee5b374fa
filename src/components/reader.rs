use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::article_list::ArticleList;
use super::notice::Notice;
use super::reading_pane::ReadingPane;
use crate::state::{Action, Articles, ReaderState};
use crate::url_state;

#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    pub articles: Articles,
}

/// The whole reader: article list beside (or, on a phone, above) the reading pane.
#[component]
pub fn Reader(props: &ReaderProps) -> Html {
    let state = {
        let articles = props.articles.clone();
        use_reducer(move || ReaderState::new(articles, url_state::article_id().as_deref()))
    };

    // Back and forward move between opened articles.
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::window(), "popstate", move |_| {
                dispatcher.dispatch(match url_state::article_id() {
                    Some(id) => Action::Open(id),
                    None => Action::OpenFirst,
                });
            });
            move || drop(listener)
        });
    }

    let on_open = {
        let dispatcher = state.dispatcher();
        Callback::from(move |id: String| {
            url_state::push(&id);
            dispatcher.dispatch(Action::Open(id));
        })
    };
    let on_dismiss = {
        let dispatcher = state.dispatcher();
        Callback::from(move |_| dispatcher.dispatch(Action::DismissNotice))
    };

    let root = use_node_ref();
    let skip_to_article = {
        let root = root.clone();
        Callback::from(move |event: MouseEvent| {
            event.prevent_default();
            focus_title(&root);
        })
    };

    html! {
        <div class="lectern" data-testid="reader" ref={root}>
            <a class="lectern-skip" href="#" onclick={skip_to_article}>{ "Skip to article" }</a>
            <header class="lectern-bar">
                <span class="lectern-brand" aria-hidden="true">{ "❦" }</span>
                <span class="lectern-name">{ "Lectern" }</span>
                <span class="lectern-count">{ count_label(state.articles.len()) }</span>
            </header>
            if let Some(text) = state.notice.clone() {
                <Notice {text} on_dismiss={on_dismiss} />
            }
            <div class="lectern-layout">
                <ArticleList articles={state.articles.clone()} open={state.open} on_open={on_open} />
                <ReadingPane article={state.open_article().cloned()} />
            </div>
        </div>
    }
}

fn count_label(n: usize) -> String {
    match n {
        1 => "1 article".to_string(),
        n => format!("{n} articles"),
    }
}

/// Move keyboard focus to this reader's open article title, without touching the URL hash.
fn focus_title(root: &NodeRef) {
    let title = root
        .cast::<web_sys::Element>()
        .and_then(|root| root.query_selector("[data-testid='article-title']").ok().flatten())
        .and_then(|title| title.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(title) = title {
        let _ = title.focus();
    }
}
