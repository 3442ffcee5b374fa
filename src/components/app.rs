use std::rc::Rc;

use yew::prelude::*;

use super::reader_loader::{Articles, ReaderLoader};
use crate::embed::options::{checked_src, EmbedOptions};
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

/// The site's options from its query string: only `src`; the rest of the view is in the hash.
pub fn standalone_options(query: &str) -> EmbedOptions {
    let src = query
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("src="))
        .map(crate::url_state::decode)
        .filter(|s| !s.trim().is_empty());
    let (src, problems) = match src.map(|s| checked_src(&s)) {
        Some(Ok(src)) => (Some(src), Vec::new()),
        Some(Err(problem)) => (None, vec![problem]),
        None => (None, Vec::new()),
    };
    EmbedOptions { src, height: None, setup: Setup { problems, ..Setup::default() } }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn src_comes_from_the_query_string() {
        assert_eq!(standalone_options("?src=corpus.lectern").src.as_deref(), Some("corpus.lectern"));
        assert_eq!(standalone_options("?x=1&src=%2Fa%20b.lectern").src.as_deref(), Some("/a b.lectern"));
        assert_eq!(standalone_options("").src, None);
        let refused = standalone_options("?src=javascript:alert(1)");
        assert_eq!(refused.src, None);
        assert_eq!(refused.setup.problems.len(), 1);
        assert!(refused.setup.url_hash);
    }
}
