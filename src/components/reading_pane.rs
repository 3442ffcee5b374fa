use std::rc::Rc;

use lectern_core::Article;
use wasm_bindgen::JsCast;
use web_sys::{FocusOptions, HtmlElement, ScrollIntoViewOptions, ScrollLogicalPosition};
use yew::prelude::*;

use super::article_meta::ArticleMeta;
use super::table_of_contents::TableOfContents;

#[derive(Properties, PartialEq)]
pub struct ReadingPaneProps {
    pub article: Option<Rc<Article>>,
}

/// The open article: title, meta line, contents, and its sections. Text is rendered as text.
#[component]
pub fn ReadingPane(props: &ReadingPaneProps) -> Html {
    let pane = use_node_ref();
    let title = use_node_ref();
    let first_render = use_mut_ref(|| true);

    // When another article opens, bring its title into view and give it keyboard focus (screen
    // readers announce it); on arrival, leave focus where the page put it.
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

    let Some(article) = props.article.clone() else {
        return html! {
            <section class="lectern-pane" data-testid="article-body" aria-label="Reading pane">
                <p class="lectern-empty">{ "Nothing to read yet." }</p>
            </section>
        };
    };
    let on_jump = {
        let pane = pane.clone();
        Callback::from(move |section: usize| jump_to(&pane, section))
    };
    let has_contents = article.headings().next().is_some();
    html! {
        <section class="lectern-pane" data-testid="article-body" aria-label={article.title.clone()} ref={pane}>
            <article class="lectern-article">
                <header class="lectern-article-header">
                    <h2 class="lectern-title" data-testid="article-title" tabindex="-1" ref={title}>
                        { &article.title }
                    </h2>
                    <ArticleMeta article={article.clone()} />
                </header>
                if has_contents {
                    <TableOfContents article={article.clone()} {on_jump} />
                }
                for (i, section) in article.sections.iter().enumerate() {
                    <section key={i} class="lectern-section" data-section={i.to_string()}>
                        if let Some(heading) = &section.heading {
                            <h3 class="lectern-heading" tabindex="-1">{ heading }</h3>
                        }
                        for (j, paragraph) in section.paragraphs.iter().enumerate() {
                            <p key={j}>{ paragraph }</p>
                        }
                    </section>
                }
            </article>
        </section>
    }
}

/// Scroll section `index` into view and move focus to its heading.
fn jump_to(pane: &NodeRef, index: usize) {
    let Some(pane) = pane.cast::<HtmlElement>() else { return };
    let selector = format!("[data-section='{index}'] .lectern-heading");
    let Some(heading) = pane.query_selector(&selector).ok().flatten() else { return };
    let options = ScrollIntoViewOptions::new();
    options.set_block(ScrollLogicalPosition::Start);
    heading.scroll_into_view_with_scroll_into_view_options(&options);
    if let Ok(heading) = heading.dyn_into::<HtmlElement>() {
        // The scroll above is already under way (smoothly, unless reduced motion is asked for).
        let focus = FocusOptions::new();
        focus.set_prevent_scroll(true);
        let _ = heading.focus_with_options(&focus);
    }
}
