use std::rc::Rc;

use yew::platform::spawn_local;
use yew::prelude::*;

use super::add_articles::AddArticles;
use super::error_message::ErrorMessage;
use super::reader::Reader;
use crate::bundled;
use crate::embed::bridge::Bridge;
use crate::embed::load::fetch_library;
use crate::embed::options::EmbedOptions;
use crate::library::Library;
use crate::setup::Setup;
use crate::url_state::ViewState;
use crate::use_added::use_added_articles;
use crate::use_parts::first_view_parts;

#[derive(Properties, PartialEq)]
pub struct ReaderLoaderProps {
    pub options: Rc<EmbedOptions>,
    /// The embedding page's handle; none on the standalone site.
    #[prop_or_default]
    pub bridge: Option<Rc<Bridge>>,
    /// The articles of `options.src`, when they were loaded before the reader was mounted.
    #[prop_or_default]
    pub loaded: Option<Articles>,
}

const NOT_WITH_SPLIT: &str = "These articles are split into parts fetched as you read: adding your own files \
     works with the built-in articles or a whole bundle (lectern bundle without --split).";

#[derive(Clone, PartialEq)]
pub enum Articles {
    Loading,
    /// With the message of a part the first view needed and could not have.
    Ready(Rc<Library>, Option<String>),
    Failed(String),
}

/// The articles `src` holds, with the parts the first view of `view` needs (or the message
/// saying why not).
pub async fn load_articles(src: &str, view: ViewState) -> Articles {
    match fetch_library(src, &view.query).await {
        Ok(library) => {
            let failed = first_view_parts(&library, view).await;
            Articles::Ready(library, failed)
        }
        Err(message) => Articles::Failed(message),
    }
}

/// A reader over the built-in articles or the bundle `src` names (loading, then the reader or
/// a message saying why not), set up as the page asked.
#[component]
pub fn ReaderLoader(props: &ReaderLoaderProps) -> Html {
    let articles = use_state(|| match (&props.loaded, &props.options.src) {
        (Some(loaded), _) => loaded.clone(),
        (None, Some(_)) => Articles::Loading,
        (None, None) => bundled::library().map_or_else(Articles::Failed, |l| Articles::Ready(Rc::new(l), None)),
    });
    {
        let (articles, options) = (articles.clone(), props.options.clone());
        use_effect_with((), move |_| {
            if let (Articles::Loading, Some(src)) = (&*articles, options.src.clone()) {
                spawn_local(async move { articles.set(load_articles(&src, options.setup.first_view()).await) });
            }
        });
    }
    // Files can be added to the built-in articles or a whole bundle, not to a split one (its
    // texts arrive one by one, and the combined index is built from every text).
    let base = match &*articles {
        Articles::Ready(library, _) if library.parts.is_none() => Some(library.clone()),
        _ => None,
    };
    let added = use_added_articles(props.options.src.clone().unwrap_or_default(), base);
    // The combined library exists only for a base that could take added files.
    let shown = match (&*articles, &added.set.library) {
        (Articles::Ready(..), Some(combined)) => Articles::Ready(combined.clone(), None),
        (articles, _) => articles.clone(),
    };
    {
        let bridge = props.bridge.clone();
        use_effect_with(shown.clone(), move |articles| match (articles, &bridge) {
            (Articles::Ready(library, _), Some(bridge)) => bridge.set_library(library.clone()),
            (Articles::Failed(message), Some(bridge)) => bridge.emit_error(message),
            _ => {}
        });
    }
    let setup = use_memo((), |_| Setup { bridge: props.bridge.clone(), ..props.options.setup.clone() });
    let theme = props.options.setup.theme.attribute();
    match &shown {
        Articles::Loading => html! {
            <div class="lectern" data-theme={theme} aria-busy="true">
                <p class="lectern-loading" role="status">{ "Loading articles…" }</p>
            </div>
        },
        Articles::Failed(message) => html! {
            <div class="lectern" data-testid="reader" data-theme={theme}>
                <ErrorMessage message={message.clone()} />
            </div>
        },
        Articles::Ready(library, failed) if library.parts.is_some() => html! {
            <Reader
                library={library.clone()}
                setup={setup}
                notice={failed.clone()}
                adding={html! { <p class="lectern-add lectern-add-note" data-testid="not-combined">{ NOT_WITH_SPLIT }</p> }}
            />
        },
        Articles::Ready(library, _) => html! {
            <Reader
                library={library.clone()}
                setup={setup}
                reveal={added.set.reveal.clone()}
                on_files={added.on_files.clone()}
                adding={html! {
                    <AddArticles
                        set={added.set.clone()}
                        on_files={added.on_files.clone()}
                        on_remove={added.on_remove.clone()}
                        on_dismiss={added.on_dismiss.clone()}
                    />
                }}
            />
        },
    }
}
