use std::rc::Rc;

use lectern_core::links::{host, is_web_url};
use lectern_core::Article;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ArticleMetaProps {
    pub article: Rc<Article>,
    /// Link the source to the original. Off in the article list, whose items are links
    /// themselves (a link may not hold another).
    #[prop_or_default]
    pub links: bool,
}

/// Byline, date, source (a link to the original, where there is one) and reading time,
/// whichever are known, separated by dots; then a note if a feed gave only the summary.
#[component]
pub fn ArticleMeta(props: &ArticleMetaProps) -> Html {
    let article = &props.article;
    let url = article.url.as_deref().filter(|url| props.links && is_web_url(url));
    // With a link to the original, its text is the source, or failing that the url's host.
    let source = article.source.clone().or_else(|| url.map(|u| host(u).to_string()));
    let mut parts: Vec<Html> = Vec::new();
    if let Some(byline) = &article.byline {
        parts.push(html! { format!("By {byline}") });
    }
    parts.extend(article.date.iter().map(|date| html! { date.clone() }));
    if let Some(source) = &source {
        parts.push(match url {
            Some(url) => original(url, source, source, "Original"),
            None => html! { source.clone() },
        });
    }
    // A split bundle's outline has no text to time until the article arrives.
    if article.paragraphs().any(|p| !p.is_empty()) {
        parts.push(html! { format!("{} min read", article.reading_minutes()) });
    }
    html! {
        <span class="lectern-meta">
            for (i, part) in parts.into_iter().enumerate() {
                <span key={i} class="lectern-meta-part">{ part }</span>
            }
            if article.summary {
                <span class="lectern-summary-note" data-testid="summary-only">
                    { "Summary only" }
                    if let (Some(url), Some(source)) = (url, &source) {
                        { " · " }
                        { original(url, source, "read the full article", "Read the full article") }
                    }
                </span>
            }
        </span>
    }
}

/// A link to the original, opened in a new tab, named "LABEL at SOURCE".
fn original(url: &str, source: &str, text: &str, label: &str) -> Html {
    html! {
        <a
            class="lectern-original"
            data-testid="original-link"
            href={url.to_string()}
            target="_blank"
            rel="noopener noreferrer nofollow"
            aria-label={format!("{label} at {source} (opens in a new tab)")}
            title={url.to_string()}
        >{ text.to_string() }</a>
    }
}
