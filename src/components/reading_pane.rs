use std::ops::Range as Span;
use std::rc::Rc;

use lectern_core::search::Range;
use lectern_core::Article;
use wasm_bindgen::JsCast;
use web_sys::{FocusOptions, HtmlElement, ScrollIntoViewOptions, ScrollLogicalPosition};
use yew::prelude::*;

use super::article_meta::ArticleMeta;
use super::highlighted_text::HighlightedText;
use super::match_stepper::MatchStepper;
use super::table_of_contents::TableOfContents;
use crate::quote_marks::{quote_marks, QuoteMark};

#[derive(Properties, PartialEq)]
pub struct ReadingPaneProps {
    pub article: Option<Rc<Article>>,
    /// Passage ids of the article, in reading order (title, headings, paragraphs).
    pub passages: Span<u32>,
    /// Matches to mark: (passage, ranges), ascending by passage.
    pub marks: Rc<Vec<(u32, Vec<Range>)>>,
    /// A passage to bring into view and emphasise.
    pub focus: Option<u32>,
    pub current_match: Option<usize>,
    /// The quotation chosen in the quotes panel.
    #[prop_or_default]
    pub focus_quote: Option<usize>,
    pub on_step: Callback<bool>,
    /// The article's text is still on its way (a split bundle): its title and a status show.
    #[prop_or_default]
    pub loading: bool,
}

/// The open article: title, meta line, contents, and its sections, with search matches marked.
/// Text is rendered as text.
#[component]
pub fn ReadingPane(props: &ReadingPaneProps) -> Html {
    let pane = use_node_ref();
    let title = use_node_ref();
    let first_render = use_mut_ref(|| true);

    // Another article: to its top, focus on its title (screen readers announce it). On arrival
    // focus stays where the page put it.
    {
        let (pane, title) = (pane.clone(), title.clone());
        let id = props.article.as_ref().map(|a| a.id.clone());
        use_effect_with(id, move |_| {
            if std::mem::replace(&mut *first_render.borrow_mut(), false) {
                return;
            }
            if let Some(pane) = pane.cast::<HtmlElement>() {
                pane.set_scroll_top(0);
            }
            if let Some(title) = title.cast::<HtmlElement>() {
                let _ = title.focus();
            }
        });
    }
    // A chosen passage, or the current match: scroll it into view.
    {
        let pane = pane.clone();
        let target = (props.focus, props.current_match, props.focus_quote, props.article.as_ref().map(|a| a.id.clone()), props.loading);
        use_effect_with(target, move |(focus, current, quote, _, _)| {
            let selector = match (current, quote, focus) {
                (Some(i), _, _) => format!("[data-match-index='{i}']"),
                (None, Some(q), _) => format!("[data-quote-index='{q}']"),
                (None, None, Some(p)) => format!("[data-passage='{p}']"),
                (None, None, None) => return,
            };
            reveal(&pane, &selector, ScrollLogicalPosition::Center);
        });
    }

    let quotes = use_memo((props.article.clone(), props.focus_quote), |(article, focused)| {
        article.as_ref().map(|a| quote_marks(a, *focused)).unwrap_or_default()
    });
    let Some(article) = props.article.clone() else {
        return html! {
            <section class="lectern-pane" data-testid="article-body" aria-label="Reading pane">
                <p class="lectern-empty">{ "Nothing to read yet." }</p>
            </section>
        };
    };
    let on_jump = {
        let pane = pane.clone();
        Callback::from(move |section: usize| {
            let heading = format!("[data-section='{section}'] .lectern-heading");
            reveal(&pane, &heading, ScrollLogicalPosition::Start);
        })
    };
    let total: usize = props.marks.iter().map(|(_, r)| r.len()).sum();
    // Passage ids follow reading order: title, then each heading and paragraph.
    let mut ids = props.passages.clone();
    let none = Rc::new(Vec::new());
    let title_text = marked_passage(props, ids.next(), &article.title, none.clone());
    let sections: Vec<Html> = article
        .sections
        .iter()
        .enumerate()
        .map(|(i, section)| {
            let heading = section.heading.as_ref().map(|h| marked_passage(props, ids.next(), h, none.clone()));
            let paragraphs: Vec<Html> = section
                .paragraphs
                .iter()
                .enumerate()
                .map(|(j, p)| {
                    let in_paragraph = quotes.get(&(i, j)).cloned().unwrap_or_else(|| none.clone());
                    html! { <p key={j}>{ marked_passage(props, ids.next(), p, in_paragraph) }</p> }
                })
                .collect();
            html! {
                <section key={i} class="lectern-section" data-section={i.to_string()}>
                    if let Some(heading) = heading {
                        <h3 class="lectern-heading" tabindex="-1">{ heading }</h3>
                    }
                    { for paragraphs }
                </section>
            }
        })
        .collect();
    html! {
        <section class="lectern-pane" data-testid="article-body" aria-label={article.title.clone()} ref={pane}>
            <article class="lectern-article">
                <header class="lectern-article-header">
                    <h2 class="lectern-title" data-testid="article-title" tabindex="-1" ref={title}>
                        { title_text }
                    </h2>
                    <ArticleMeta article={article.clone()} links=true />
                </header>
                if props.loading {
                    <p class="lectern-loading" role="status" data-testid="article-loading">{ "Loading the article…" }</p>
                }
                if total > 0 {
                    <MatchStepper {total} current={props.current_match} on_step={props.on_step.clone()} />
                }
                if !props.loading && article.headings().next().is_some() {
                    <TableOfContents article={article.clone()} {on_jump} />
                }
                if !props.loading { { for sections } }
            </article>
        </section>
    }
}

/// A passage's text with its marks, in an element that says which passage it is.
fn marked_passage(props: &ReadingPaneProps, id: Option<u32>, content: &str, quotes: Rc<Vec<QuoteMark>>) -> Html {
    let Some(id) = id else { return html! { content } };
    let position = props.marks.binary_search_by_key(&id, |(p, _)| *p);
    let ranges = position.map(|i| props.marks[i].1.clone()).unwrap_or_default();
    let first_index = position.ok().map(|i| props.marks[..i].iter().map(|(_, r)| r.len()).sum::<usize>());
    let focused = props.focus == Some(id);
    html! {
        <span data-passage={id.to_string()} class={classes!(focused.then_some("lectern-focused"))}>
            <HighlightedText text={content.to_string()} {ranges} {first_index} current={props.current_match} {quotes} />
        </span>
    }
}

/// Scroll the element matching `selector` inside the pane into view at `block`, and give it
/// focus if it can take it, without a second jump.
fn reveal(pane: &NodeRef, selector: &str, block: ScrollLogicalPosition) {
    let Some(pane) = pane.cast::<HtmlElement>() else { return };
    let Some(target) = pane.query_selector(selector).ok().flatten() else { return };
    let options = ScrollIntoViewOptions::new();
    options.set_block(block);
    target.scroll_into_view_with_scroll_into_view_options(&options);
    if let Ok(target) = target.dyn_into::<HtmlElement>() {
        if target.has_attribute("tabindex") {
            let focus = FocusOptions::new();
            focus.set_prevent_scroll(true);
            let _ = target.focus_with_options(&focus);
        }
    }
}
