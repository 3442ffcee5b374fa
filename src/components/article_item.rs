use std::rc::Rc;

use lectern_core::Article;
use yew::prelude::*;

use super::article_meta::ArticleMeta;
use crate::url_state;

#[derive(Properties, PartialEq)]
pub struct ArticleItemProps {
    pub article: Rc<Article>,
    pub current: bool,
    /// Matching passages, while searching.
    #[prop_or_default]
    pub count: Option<usize>,
    pub on_open: Callback<String>,
}

/// One entry in the article list: a real link, so it can also be opened in a new tab.
#[component]
pub fn ArticleItem(props: &ArticleItemProps) -> Html {
    let onclick = {
        let id = props.article.id.clone();
        let on_open = props.on_open.clone();
        Callback::from(move |event: MouseEvent| {
            let new_tab = event.ctrl_key() || event.meta_key() || event.shift_key() || event.button() != 0;
            if !new_tab {
                event.prevent_default();
                on_open.emit(id.clone());
            }
        })
    };
    let article = &props.article;
    html! {
        <li>
            <a
                class="lectern-item"
                data-testid="article-item"
                href={url_state::article_href(&article.id)}
                aria-current={props.current.then_some("true")}
                {onclick}
            >
                <span class="lectern-item-title">{ &article.title }</span>
                if let Some(count) = props.count {
                    <span class={classes!("lectern-badge", (count == 0).then_some("lectern-badge-zero"))}>
                        { match count { 1 => "1 match".to_string(), n => format!("{n} matches") } }
                    </span>
                }
                <ArticleMeta article={article.clone()} />
            </a>
        </li>
    }
}
