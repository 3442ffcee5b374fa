use std::rc::Rc;

use lectern_core::bundle::ArticleSet;
use lectern_core::search::SearchResults;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

use super::article_item::ArticleItem;
use crate::use_painted::use_painted;

#[derive(Properties, PartialEq)]
pub struct ArticleListProps {
    /// The articles, not the library: parts of a split bundle arriving do not re-render it.
    pub articles: Rc<ArticleSet>,
    pub open: Option<usize>,
    /// While searching: the results, whose per-article counts the items show.
    #[prop_or_default]
    pub results: Option<Rc<SearchResults>>,
    pub on_open: Callback<String>,
}

/// Articles listed at first, and added by each "Show more": a few screens' worth. An archive of
/// thousands would otherwise cost a long first render (200 items took a third of the first
/// render of a 10,000-article archive).
pub const ARTICLES_PAGE: usize = 60;

/// Articles listed in the reader's first frame: a tall window's screenful. The rest of the
/// page follows once that frame is painted (with a query, the whole list lies below the
/// results, and its 60 items were two thirds of the elements of an archive's first view).
pub const FIRST_SCREEN: usize = 12;

/// The list of articles. Tab reaches it once; arrow keys, Home and End move within it.
#[component]
pub fn ArticleList(props: &ArticleListProps) -> Html {
    let list = use_node_ref();
    let shown = use_state(|| ARTICLES_PAGE);
    let painted = use_painted();
    let listing = if painted { *shown } else { FIRST_SCREEN };
    let total = props.articles.len();
    // The open article is listed even when it lies beyond the page (opened from a result).
    let beyond = props.open.filter(|&i| i >= listing && i < total);
    let listed = (0..total.min(listing)).chain(beyond);
    let on_more = {
        let shown = shown.clone();
        Callback::from(move |_| shown.set(*shown + ARTICLES_PAGE))
    };
    let onkeydown = {
        let list = list.clone();
        Callback::from(move |event: KeyboardEvent| {
            if let Some(list) = list.cast::<HtmlElement>() {
                if move_focus(&list, &event.key()) {
                    event.prevent_default();
                }
            }
        })
    };
    html! {
        <nav class="lectern-list" aria-label="Articles">
            <ul ref={list} {onkeydown}>
                for (i, article) in listed.filter_map(|i| Some((i, props.articles.get(i)?))) {
                    <ArticleItem
                        key={article.id.clone()}
                        article={article.clone()}
                        current={props.open == Some(i)}
                        count={props.results.as_ref().and_then(|r| r.per_article.get(i).copied())}
                        on_open={props.on_open.clone()}
                    />
                }
            </ul>
            if painted && total > *shown {
                <button type="button" class="lectern-more" data-testid="more-articles" onclick={on_more}>
                    { format!("Show more articles ({} of {total} listed)", *shown) }
                </button>
            }
            if props.articles.is_empty() {
                <p class="lectern-empty">
                    { "No articles yet. Put .txt or .md files in the articles folder and build again." }
                </p>
            }
        </nav>
    }
}

/// Focus the next, previous, first or last item after the focused one. True if handled.
fn move_focus(list: &HtmlElement, key: &str) -> bool {
    let Ok(nodes) = list.query_selector_all("[data-testid='article-item']") else { return false };
    let items: Vec<HtmlElement> =
        (0..nodes.length()).filter_map(|i| nodes.get(i)?.dyn_into().ok()).collect();
    if items.is_empty() {
        return false;
    }
    let active = gloo::utils::document().active_element();
    let current = items.iter().position(|item| active.as_ref() == Some(item.as_ref()));
    let last = items.len() - 1;
    let target = match (key, current) {
        ("ArrowDown", Some(i)) => (i + 1).min(last),
        ("ArrowUp", Some(i)) => i.saturating_sub(1),
        ("Home", _) => 0,
        ("End", _) => last,
        _ => return false,
    };
    items[target].focus().is_ok()
}
