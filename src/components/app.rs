use std::rc::Rc;

use yew::prelude::*;

use super::reader_loader::{Articles, ReaderLoader};
use crate::embed::options::{check, EmbedOptions, RawOptions};
use crate::setup::Setup;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// From [`standalone_options`].
    pub options: Rc<EmbedOptions>,
    /// The articles of `options.src`, loaded before the app was mounted.
    #[prop_or_default]
    pub loaded: Option<Articles>,
}

/// The standalone site: the reader over the articles bundled at build time, or over the bundle
/// named by `?src=` (`index.html?src=corpus.lectern`).
#[component]
pub fn App(props: &AppProps) -> Html {
    html! { <ReaderLoader options={props.options.clone()} loaded={props.loaded.clone()} /> }
}

/// The page's query string (`?src=…`).
pub fn page_query() -> String {
    web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default()
}

/// How the site was set up by `lectern build`: `<meta name="lectern-src|lectern-theme|
/// lectern-panels" content=…>` in its head (absent on the plain build, with built-in articles),
/// and its title (`lectern-title`).
pub fn site_meta() -> (RawOptions, Option<String>) {
    let content = |name: &str| {
        let document = gloo::utils::document();
        document.query_selector(&format!("meta[name={name}]")).ok().flatten().and_then(|m| m.get_attribute("content"))
    };
    let options = RawOptions {
        src: content("lectern-src"),
        theme: content("lectern-theme"),
        panels: content("lectern-panels"),
        ..RawOptions::default()
    };
    (options, content("lectern-title").filter(|t| !t.trim().is_empty()))
}

/// The site's options: the page's own set-up (see [`site_meta`]), and `src` from its query
/// string, which wins; the rest of the view is in the hash.
pub fn standalone_options(query: &str, (site, title): &(RawOptions, Option<String>)) -> EmbedOptions {
    let src = query
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("src="))
        .map(crate::url_state::decode)
        .filter(|s| !s.trim().is_empty());
    // The view lives in the URL's hash, as on any standalone site.
    let raw = RawOptions { src: src.or_else(|| site.src.clone()), history: Some("hash".into()), ..site.clone() };
    let checked = check(&raw);
    EmbedOptions { setup: Setup { title: title.clone(), ..checked.setup }, ..checked }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn src_comes_from_the_query_string() {
        let none = (RawOptions::default(), None);
        assert_eq!(standalone_options("?src=corpus.lectern", &none).src.as_deref(), Some("corpus.lectern"));
        assert_eq!(standalone_options("?x=1&src=%2Fa%20b.lectern", &none).src.as_deref(), Some("/a b.lectern"));
        assert_eq!(standalone_options("", &none).src, None);
        let refused = standalone_options("?src=javascript:alert(1)", &none);
        assert_eq!(refused.src, None);
        assert_eq!(refused.setup.problems.len(), 1);
        assert!(refused.setup.url_hash);
    }

    #[test]
    fn a_built_site_names_its_bundle_theme_and_panels_and_the_query_string_wins() {
        let site = RawOptions {
            src: Some("articles.lectern".into()),
            theme: Some("dark".into()),
            panels: Some("list reader".into()),
            ..RawOptions::default()
        };
        let options = standalone_options("", &(site.clone(), Some("Harbour News".into())));
        assert_eq!(options.setup.title.as_deref(), Some("Harbour News"));
        assert_eq!(options.src.as_deref(), Some("articles.lectern"));
        assert_eq!(options.setup.theme, crate::setup::Theme::Dark);
        assert!(options.setup.panels.list && !options.setup.panels.map);
        assert!(options.setup.url_hash && options.setup.problems.is_empty());
        assert_eq!(standalone_options("?src=other.lectern", &(site.clone(), None)).src.as_deref(), Some("other.lectern"));
        let bad = RawOptions { theme: Some("purple".into()), ..site };
        assert_eq!(standalone_options("", &(bad, None)).setup.problems.len(), 1);
    }
}
