//! A page's metadata, read the way the page states it, best source first:
//!
//! | field | sources, in order |
//! | --- | --- |
//! | title | `og:title`, JSON-LD `headline`, the article's `h1`, `<title>` less the site's name |
//! | byline | JSON-LD `author`, `meta name=author`, `rel=author`, a byline element |
//! | date | JSON-LD `datePublished`, `article:published_time`, `<time datetime>` |
//! | site | `og:site_name`, JSON-LD `publisher` |
//! | language | `<html lang>`, `Content-Language` |
//! | URL | `link rel=canonical`, `og:url`, where the page was fetched or saved from |
//! | categories | `article:section`, `article:tag` |
//!
//! The extractor's own guesses fill what the page does not state.

use dom_query::Document;
use serde_json::Value;

use super::content::plain;
use super::facts::{clean, Facts};
use super::Origin;
use crate::links::is_web_url;
use crate::ingest::byline::{parse, Byline};
use crate::ingest::Meta;

pub fn read(doc: &Document, origin: &Origin, fallback: &rs_trafilatura::Metadata) -> Meta {
    let facts = Facts::gather(doc);
    let ld = JsonLd::find(&facts.json_ld);
    let site = facts.meta("og:site_name").or_else(|| ld.text(&["publisher", "name"])).or_else(|| fallback.sitename.clone());
    let h1 = article_h1(&facts);
    let title = facts
        .meta("og:title")
        .or_else(|| ld.text(&["headline"]))
        .map(|stated| fuller(stated, h1.as_deref()))
        .or(h1)
        .or_else(|| facts.title.as_deref().map(|t| without_site(t, site.as_deref())))
        .or_else(|| fallback.title.clone());
    let line = facts.byline.as_ref().and_then(byline_line);
    Meta {
        title: title.map(|t| plain(&t)).filter(|t| !t.is_empty()),
        byline: ld
            .author()
            .or_else(|| facts.meta("author"))
            .or_else(|| facts.rel_author.clone())
            .or_else(|| line.as_ref().map(|b| b.name.clone()))
            .or_else(|| facts.author_link.clone())
            .or_else(|| fallback.author.clone().filter(|a| !a.contains(':')))
            .map(|b| plain(&b))
            .filter(|b| !b.is_empty()),
        date: ld
            .text(&["datePublished"])
            .or_else(|| facts.meta("article:published_time"))
            .or_else(|| facts.time.clone())
            .or_else(|| line.and_then(|b| b.date))
            .or_else(|| fallback.date.map(|d| d.format("%Y-%m-%d").to_string()))
            .map(|d| iso_date(&d)),
        source: site.map(|s| plain(&s)).filter(|s| !s.is_empty()),
        url: [facts.canonical.clone(), facts.meta("og:url"), origin.url.clone()].into_iter().flatten().map(|u| u.trim().to_string()).find(|u| is_web_url(u)),
        language: facts.lang.clone().or_else(|| facts.meta("content-language")).or_else(|| origin.language.clone()),
        categories: facts.categories,
        ..Meta::default()
    }
}

/// The article's `h1`, or the page's only one.
fn article_h1(facts: &Facts) -> Option<String> {
    let in_article = facts.h1s.iter().find(|(text, inside)| *inside && !text.is_empty());
    let only = (facts.h1s.len() == 1).then(|| facts.h1s.first()).flatten();
    in_article.or(only).map(|(text, _)| text.clone()).filter(|t| !t.is_empty())
}

/// A byline element's name, and a date written beside it ("By Elena Petrova · April 3, 2025"),
/// read line by line as the page breaks them ("By Elena Petrova<br>Published: April 3, 2025").
fn byline_line(node: &dom_query::NodeRef) -> Option<Byline> {
    let text = super::content::inline_text(node);
    let mut lines = text.split('\n').filter_map(clean);
    let first = lines.next()?;
    let rest = lines.collect::<Vec<_>>().join(" | ");
    let short = crate::text::word_count(&first) <= 5 && !first.contains(':');
    let byline = parse(&first).or_else(|| short.then_some(Byline { name: first, date: None }))?;
    let date = byline.date.or_else(|| crate::ingest::dates::find_date(&rest));
    Some(Byline { name: byline.name, date })
}

/// The page's stated title, or the article's headline when that says the same and more
/// (social titles are often a shortened headline: "Forkful confirms…" for "Meal-kit company
/// Forkful confirms…").
fn fuller(stated: String, h1: Option<&str>) -> String {
    match h1 {
        Some(h1) if h1.len() > stated.len() && h1.to_lowercase().contains(&stated.to_lowercase()) => h1.to_string(),
        _ => stated,
    }
}







/// `<title>` text without the site's name: "Storm closes port | The Daily Example".
fn without_site(title: &str, site: Option<&str>) -> String {
    for separator in [" | ", " – ", " — ", " - ", " :: ", " · ", " • ", " » "] {
        let Some((head, tail)) = title.rsplit_once(separator) else { continue };
        let tail_is_site = site.is_some_and(|s| tail.trim().eq_ignore_ascii_case(s.trim())) || crate::text::word_count(tail) <= 4;
        if tail_is_site && crate::text::word_count(head) >= 2 {
            return head.trim().to_string();
        }
        if site.is_some_and(|s| head.trim().eq_ignore_ascii_case(s.trim())) {
            return tail.trim().to_string();
        }
    }
    title.to_string()
}

/// `2024-03-12T08:00:00Z` → `2024-03-12`: the reader shows a day; any other form as written.
fn iso_date(date: &str) -> String {
    let day = date.get(..10).unwrap_or_default();
    let is_iso_day = day.len() == 10 && day.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
    if is_iso_day { day.to_string() } else { date.trim().to_string() }
}

/// The page's JSON-LD article object, if it has one (`@graph` and arrays searched).
struct JsonLd(Option<Value>);

const ARTICLE_TYPES: &[&str] = &["NewsArticle", "Article", "BlogPosting", "ReportageNews", "AnalysisNewsArticle", "OpinionNewsArticle", "Report", "ScholarlyArticle", "LiveBlogPosting", "TechArticle", "WebPage"];

impl JsonLd {
    fn find(scripts: &[String]) -> JsonLd {
        let mut candidates = Vec::new();
        for script in scripts {
            if let Ok(value) = serde_json::from_str::<Value>(script.trim()) {
                collect(value, &mut candidates, 0);
            }
        }
        let rank = |v: &Value| ARTICLE_TYPES.iter().position(|t| has_type(v, t)).unwrap_or(usize::MAX);
        candidates.sort_by_key(rank);
        JsonLd(candidates.into_iter().find(|v| rank(v) != usize::MAX))
    }

    fn text(&self, path: &[&str]) -> Option<String> {
        let mut value = self.0.as_ref()?;
        for key in path {
            value = value.get(key)?;
            if let Value::Array(items) = value {
                value = items.first()?;
            }
        }
        value.as_str().and_then(clean)
    }

    /// One name or several ("Ana Ruiz and Tom Reed"), from strings or `{"name": …}` objects.
    fn author(&self) -> Option<String> {
        let author = self.0.as_ref()?.get("author")?;
        let items = match author {
            Value::Array(items) => items.iter().collect(),
            one => vec![one],
        };
        let names: Vec<String> = items.into_iter().filter_map(|a| a.as_str().or_else(|| a.get("name")?.as_str()).and_then(clean)).collect();
        match names.as_slice() {
            [] => None,
            [one] => Some(one.clone()),
            [rest @ .., last] => Some(format!("{} and {last}", rest.join(", "))),
        }
    }
}

fn has_type(value: &Value, wanted: &str) -> bool {
    match value.get("@type") {
        Some(Value::String(t)) => t == wanted,
        Some(Value::Array(ts)) => ts.iter().any(|t| t.as_str() == Some(wanted)),
        _ => false,
    }
}

/// Every object in a JSON-LD value, through arrays and `@graph`, a few levels deep at most.
fn collect(value: Value, out: &mut Vec<Value>, depth: usize) {
    if depth > 4 {
        return;
    }
    match value {
        Value::Array(items) => items.into_iter().for_each(|v| collect(v, out, depth + 1)),
        Value::Object(mut map) => {
            if let Some(graph) = map.remove("@graph") {
                collect(graph, out, depth + 1);
            }
            out.push(Value::Object(map));
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_page(html: &str) -> Meta {
        read(&Document::from(html), &Origin::default(), &rs_trafilatura::Metadata::default())
    }

    #[test]
    fn open_graph_and_meta_tags() {
        let m = read_page(r#"<html lang="en-GB"><head><title>Storm | Daily</title><meta property="og:title" content="Storm closes port"><meta property="og:site_name" content="Daily"><meta name="author" content="Jane Doe"><meta property="article:published_time" content="2024-03-12T08:00:00Z"><meta property="article:tag" content="Weather"><link rel="canonical" href="https://daily.example/storm"></head><body></body></html>"#);
        assert_eq!(m.title.as_deref(), Some("Storm closes port"));
        assert_eq!(m.byline.as_deref(), Some("Jane Doe"));
        assert_eq!(m.date.as_deref(), Some("2024-03-12"));
        assert_eq!(m.source.as_deref(), Some("Daily"));
        assert_eq!(m.language.as_deref(), Some("en-GB"));
        assert_eq!(m.url.as_deref(), Some("https://daily.example/storm"));
        assert_eq!(m.categories, ["Weather"]);
    }

    #[test]
    fn json_ld_only() {
        let m = read_page(r#"<html><head><title>Page | Site</title><script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},{"@type":"NewsArticle","headline":"Rates held at 4%","author":[{"@type":"Person","name":"Ana Ruiz"},{"name":"Tom Reed"}],"datePublished":"2024-05-02T10:00:00+02:00","publisher":{"@type":"Organization","name":"The Ledger"}}]}</script></head><body><h1>Other</h1></body></html>"#);
        assert_eq!(m.title.as_deref(), Some("Rates held at 4%"));
        assert_eq!(m.byline.as_deref(), Some("Ana Ruiz and Tom Reed"));
        assert_eq!(m.date.as_deref(), Some("2024-05-02"));
        assert_eq!(m.source.as_deref(), Some("The Ledger"));
    }

    #[test]
    fn h1_then_title_without_the_site_and_time_element() {
        let m = read_page(r#"<html><head><title>Quiet budget week - The Courier</title></head><body><article><h1>Quiet budget week</h1><span class="byline">By Sam Lee</span><time datetime="2023-11-30">Nov 30</time></article></body></html>"#);
        assert_eq!(m.title.as_deref(), Some("Quiet budget week"));
        assert_eq!(m.byline.as_deref(), Some("Sam Lee"));
        assert_eq!(m.date.as_deref(), Some("2023-11-30"));
        let m = read_page("<html><head><title>Quiet budget week - The Courier</title></head><body><h1>A</h1><h1>B</h1></body></html>");
        assert_eq!(m.title.as_deref(), Some("Quiet budget week"));
        let m = read_page(r#"<meta property="og:title" content="Forkful confirms breach"><article><h1>Meal-kit company Forkful confirms breach</h1></article>"#);
        assert_eq!(m.title.as_deref(), Some("Meal-kit company Forkful confirms breach"));
    }

    #[test]
    fn bylines_from_elements_and_author_links_but_never_from_comments() {
        let m = read_page(r#"<article><p class="byline"><b>By Elena Petrova</b><br>Published: April 3, 2025 at 10:15 a.m.</p></article>"#);
        assert_eq!(m.byline.as_deref(), Some("Elena Petrova"));
        assert_eq!(m.date.as_deref(), Some("April 3, 2025 at 10:15 a.m."), "as written");
        let m = read_page(r#"<article><li class="post-author"><a href="/author/priya/">Priya Natarajan</a></li></article><ol class="comment-list"><li><div class="comment-author"><b class="fn"><a href="/author/marek/">Marek</a></b> says:</div></li></ol>"#);
        assert_eq!(m.byline.as_deref(), Some("Priya Natarajan"));
    }

    #[test]
    fn unsafe_urls_are_never_kept() {
        let m = read_page(r#"<link rel="canonical" href="javascript:alert(1)"><meta property="og:url" content="data:text/html,x">"#);
        assert_eq!(m.url, None);
        assert!(is_web_url("https://a.example/x") && !is_web_url("JavaScript:alert(1)"));
    }
}
