//! The site's index.html: the reader's page with the collection's title and description, and
//! `<meta name=lectern-…>` tags telling the reader which bundle to open and how (read by
//! `site_meta` in src/components/app.rs, and by the page's early fetch of the bundle).

use crate::html::{attribute, element, escape, find_tag};
use crate::{fail, SiteError};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SitePage {
    pub title: String,
    pub description: Option<String>,
    /// The bundle, relative to the page (`articles.lectern`, `articles/index.lectern`).
    pub bundle: String,
    pub theme: Option<String>,
    pub panels: Option<String>,
    /// Where the site will be published (`https://example.org/news/`): the page then names
    /// its files and bundle absolutely and says where it lives. Without it every path is
    /// relative, and the site works from any folder of any host.
    pub base_url: Option<String>,
}

impl SitePage {
    /// The reader's `page` (Trunk's index.html, early start added) set up for this site;
    /// `files` are the reader's files the page names, to be made absolute under `base_url`.
    pub fn render(&self, page: &str, files: &[&str]) -> Result<String, SiteError> {
        let base = self.base_url.as_deref().map(with_slash);
        let at = |name: &str| format!("{}{name}", base.as_deref().unwrap_or(""));
        let mut page = page.to_string();
        if base.is_some() {
            for name in files {
                page = page.replace(&format!("./{name}"), &at(name));
            }
        }
        let page = replace_element(&page, "title", &escape(&self.title))?;
        let page = without_tag(&page, "meta", |t| attribute(t, "name") == Some("description"));
        let page = replace_element(&page, "h1", &escape(&self.title))?;
        let title_at = find_tag(&page, "title", 0, |_| true).map(|r| r.start).unwrap_or_default();
        let head = self.meta(&at(&self.bundle), base.as_deref());
        Ok(format!("{}{head}{}", &page[..title_at], &page[title_at..]))
    }

    fn meta(&self, bundle: &str, base: Option<&str>) -> String {
        let tag = |name: &str, content: &str| format!("<meta name=\"{name}\" content=\"{}\">", escape(content));
        let property = |name: &str, content: &str| format!("<meta property=\"{name}\" content=\"{}\">", escape(content));
        let mut head = tag("lectern-src", bundle) + &tag("lectern-title", &self.title);
        for (name, value) in [("lectern-theme", &self.theme), ("lectern-panels", &self.panels)] {
            if let Some(value) = value {
                head += &tag(name, value);
            }
        }
        if let Some(description) = &self.description {
            head += &tag("description", description);
            head += &property("og:description", description);
        }
        head += &property("og:title", &self.title);
        if let Some(base) = base {
            head += &format!("<link rel=\"canonical\" href=\"{}\">", escape(base));
            head += &property("og:url", base);
        }
        head
    }
}

fn with_slash(url: &str) -> String {
    if url.ends_with('/') { url.to_string() } else { format!("{url}/") }
}

/// `page` with the content of its first `<name>` element replaced by `content`.
fn replace_element(page: &str, name: &str, content: &str) -> Result<String, SiteError> {
    let Some((_, inner)) = find_tag(page, name, 0, |_| true).and_then(|tag| element(page, name, tag)) else {
        return fail(format!("the reader's index.html has no <{name}>"));
    };
    Ok(format!("{}{content}{}", &page[..inner.start], &page[inner.end..]))
}

fn without_tag(page: &str, name: &str, wanted: impl Fn(&str) -> bool) -> String {
    match find_tag(page, name, 0, wanted) {
        Some(tag) => format!("{}{}", &page[..tag.start], &page[tag.end..]),
        None => page.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reader::tests::TRUNK_PAGE;

    fn site() -> SitePage {
        SitePage {
            title: "Field <notes> & more".into(),
            description: Some("Reports \"from\" the coast".into()),
            bundle: "articles.lectern".into(),
            theme: Some("dark".into()),
            ..SitePage::default()
        }
    }

    #[test]
    fn the_page_names_its_bundle_title_and_description_before_anything_runs() {
        let page = site().render(TRUNK_PAGE, &["lectern-reader-abc.js"]).unwrap();
        let src = page.find(r#"<meta name="lectern-src" content="articles.lectern">"#).unwrap();
        assert!(src < page.find("<script").unwrap());
        assert!(page.contains("<title>Field &lt;notes&gt; &amp; more</title>"));
        assert!(page.contains(">Field &lt;notes&gt; &amp; more</h1>"));
        assert!(page.contains(r#"<meta name="description" content="Reports &quot;from&quot; the coast">"#));
        assert!(!page.contains("Lectern: a reader."), "the reader's own description is gone");
        assert!(page.contains(r#"<meta name="lectern-theme" content="dark">"#));
        assert!(page.contains(r#"<meta name="lectern-title" content="Field &lt;notes&gt; &amp; more">"#));
        assert!(!page.contains("lectern-panels"));
        assert!(page.contains("href=./lectern-reader-abc.js"), "paths stay relative");
    }

    #[test]
    fn a_base_url_makes_every_path_absolute() {
        let site = SitePage { base_url: Some("https://example.org/news".into()), ..site() };
        let page = site.render(TRUNK_PAGE, &["lectern-reader-abc.js", "lectern-reader-abc_bg.wasm"]).unwrap();
        assert!(page.contains("from 'https://example.org/news/lectern-reader-abc.js'"));
        assert!(page.contains("module_or_path: 'https://example.org/news/lectern-reader-abc_bg.wasm'"));
        assert!(page.contains(r#"content="https://example.org/news/articles.lectern""#));
        assert!(page.contains(r#"<link rel="canonical" href="https://example.org/news/">"#));
        assert!(!page.contains("./lectern-reader"));
    }
}
