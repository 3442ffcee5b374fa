use std::rc::Rc;

use lectern_core::Article;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ArticleMetaProps {
    pub article: Rc<Article>,
}

/// Byline, date, source and reading time, whichever are known, separated by dots.
#[component]
pub fn ArticleMeta(props: &ArticleMetaProps) -> Html {
    html! {
        <span class="lectern-meta">
            for (i, part) in parts(&props.article).into_iter().enumerate() {
                <span key={i} class="lectern-meta-part">{ part }</span>
            }
        </span>
    }
}

pub fn parts(article: &Article) -> Vec<String> {
    let mut parts = Vec::new();
    if let Some(byline) = &article.byline {
        parts.push(format!("By {byline}"));
    }
    parts.extend(article.date.iter().cloned());
    parts.extend(article.source.iter().cloned());
    // A split bundle's outline has no text to time until the article arrives.
    if article.paragraphs().any(|p| !p.is_empty()) {
        parts.push(format!("{} min read", article.reading_minutes()));
    }
    parts
}
