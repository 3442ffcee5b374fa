//! What a page states about itself, gathered in one walk over its elements: a selector query is
//! a walk of its own, and a dozen of them took as long as the extraction.

use dom_query::{Document, NodeRef};

#[derive(Default)]
pub struct Facts<'a> {
    /// `<meta>` values by their lower-cased `property`, `name` or `http-equiv`, first one kept.
    metas: Vec<(String, String)>,
    pub canonical: Option<String>,
    pub lang: Option<String>,
    pub title: Option<String>,
    pub json_ld: Vec<String>,
    /// Each `h1`'s text, and whether it stands in an `<article>` or `<main>`.
    pub h1s: Vec<(String, bool)>,
    pub time: Option<String>,
    /// The first byline element (class `byline`, `author`, `author-name`; `itemprop=author`)
    /// outside the page's comments.
    pub byline: Option<NodeRef<'a>>,
    pub rel_author: Option<String>,
    /// The first link to an author's page (`/author/…`) outside the page's comments.
    pub author_link: Option<String>,
    pub categories: Vec<String>,
}

impl<'a> Facts<'a> {
    pub fn gather(doc: &'a Document) -> Facts<'a> {
        let mut facts = Facts::default();
        for node in doc.root().descendants_it() {
            if node.is_element() {
                facts.note(node);
            }
        }
        facts
    }

    /// A `<meta>` value: `meta("og:title")`, `meta("author")`, `meta("content-language")`.
    pub fn meta(&self, key: &str) -> Option<String> {
        self.metas.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone())
    }

    fn note(&mut self, node: NodeRef<'a>) {
        let Some(name) = node.node_name() else { return };
        match &*name.to_ascii_lowercase() {
            "meta" => self.note_meta(&node),
            "html" => set(&mut self.lang, node.attr("lang").as_deref()),
            "title" if self.title.is_none() => set(&mut self.title, Some(&node.text())),
            "link" if node.attr("rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")) => set(&mut self.canonical, node.attr("href").as_deref()),
            "script" if node.attr("type").is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) => self.json_ld.push(node.text().to_string()),
            "h1" => self.h1s.push((clean(&node.text()).unwrap_or_default(), in_article(&node))),
            "time" if self.time.is_none() => set(&mut self.time, node.attr("datetime").as_deref()),
            "a" if self.author_link.is_none() && links_to_author(&node) && outside_comments(&node) => {
                self.author_link = clean(&node.text()).filter(|n| crate::text::word_count(n) <= 6);
            }
            _ => {}
        }
        if self.rel_author.is_none() && node.attr("rel").is_some_and(|r| r.eq_ignore_ascii_case("author")) && outside_comments(&node) {
            self.rel_author = clean(&node.text()).filter(|n| crate::text::word_count(n) <= 6);
        }
        if self.byline.is_none() && is_byline(&node) && outside_comments(&node) {
            self.byline = Some(node);
        }
    }

    fn note_meta(&mut self, node: &NodeRef) {
        let Some(content) = node.attr("content").and_then(|c| clean(&c)) else { return };
        for key in ["property", "name", "http-equiv", "itemprop"] {
            if let Some(key) = node.attr(key) {
                let key = key.trim().to_ascii_lowercase();
                if (key == "article:section" || key == "article:tag") && !self.categories.contains(&content) {
                    self.categories.push(content.clone());
                }
                if !self.metas.iter().any(|(k, _)| *k == key) {
                    self.metas.push((key, content.clone()));
                }
            }
        }
    }
}

fn set(slot: &mut Option<String>, value: Option<&str>) {
    if slot.is_none() {
        *slot = value.and_then(clean);
    }
}

/// White space collapsed; None when nothing is left.
pub fn clean(text: &str) -> Option<String> {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!text.is_empty()).then_some(text)
}

fn in_article(node: &NodeRef) -> bool {
    node.ancestors_it(None).any(|a| a.node_name().is_some_and(|n| n.eq_ignore_ascii_case("article") || n.eq_ignore_ascii_case("main")))
}

fn links_to_author(node: &NodeRef) -> bool {
    node.attr("href").is_some_and(|h| h.contains("/author/") || h.contains("/authors/"))
}

fn is_byline(node: &NodeRef) -> bool {
    let class = node.attr("class").unwrap_or_default();
    let by_class = class.split_whitespace().any(|c| matches!(&*c.to_ascii_lowercase(), "byline" | "author" | "author-name"));
    by_class || node.attr("itemprop").is_some_and(|p| p.eq_ignore_ascii_case("author"))
}

/// Class and id names are looked at word by word (`comment-author`, `comments-area`), so a
/// page-wide `showing-comments` on the body does not count; forms hold commenters' names too.
fn outside_comments(node: &NodeRef) -> bool {
    let is_comments = |name: &str| {
        let name = name.to_ascii_lowercase();
        name.starts_with("comment") || name.ends_with("comments-area") || name == "disqus_thread"
    };
    !node.ancestors_it(None).any(|a| {
        let class = a.attr("class").unwrap_or_default();
        let id = a.attr("id").unwrap_or_default();
        class.split_whitespace().chain([&*id]).any(is_comments) || a.node_name().is_some_and(|n| n.eq_ignore_ascii_case("form"))
    })
}
