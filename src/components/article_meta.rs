use std::rc::Rc;

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
    let url = article.url.as_deref().filter(|url| props.links && web_url(url));
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

/// Only `http://` and `https://` addresses are linked (never `javascript:` or `data:`), and only
/// ones with a host and no spaces or control characters (ASCII ones: the check stays small).
pub fn web_url(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://"))
        && !url.bytes().any(|b| b <= b' ' || b == 0x7f)
        && !host(url).is_empty()
}

/// The host of a web address: what lies between the scheme and the path, without a user's
/// name or a port.
pub fn host(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = authority.rsplit_once('@').map_or(authority, |(_, host)| host);
    match host.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(""),
        None => host.split(':').next().unwrap_or(""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_addresses_are_linked() {
        assert!(web_url("https://example.com/a"));
        assert!(web_url("HTTP://Example.com"));
        for bad in ["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,x", "https://", "http:///x", "https://a b", "//example.com", "ftp://x"] {
            assert!(!web_url(bad), "{bad}");
        }
    }

    #[test]
    fn the_host_is_the_address_without_user_port_or_path() {
        assert_eq!(host("https://news.example.com/2024/story?x=1"), "news.example.com");
        assert_eq!(host("http://user:pw@example.org:8080/"), "example.org");
        assert_eq!(host("https://[::1]:443/x"), "::1");
        assert_eq!(host("https://example.net#top"), "example.net");
    }
}
