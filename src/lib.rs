//! Lectern's reader: a thin Yew shell over lectern-core. Components render [`state`]; every
//! change goes through its reducer.

pub mod added;
pub mod bundled;
pub mod components;
pub mod download;
pub mod embed;
pub mod hooks;
pub mod ingest_worker;
pub mod library;
pub mod map_png;
pub mod map_state;
pub mod parts;
pub mod quote_marks;
pub mod setup;
pub mod storage;
pub mod state;
pub mod url_state;
pub mod use_added;
pub mod use_in_view;
pub mod use_painted;
pub mod use_parts;

use std::rc::Rc;

pub use components::app::App;
pub use components::reader::{Reader, ReaderProps};

/// The standalone site: mount the reader in `#lectern-root`, replacing its loading message.
/// Pages without one (those embedding readers with `embed.js`) are left alone.
pub fn start() {
    let document = gloo::utils::document();
    let Some(root) = document.get_element_by_id("lectern-root") else {
        // index.html starts the app before the page is parsed: the root may be still to come.
        if document.ready_state() == "loading" {
            gloo::events::EventListener::once(&document, "DOMContentLoaded", |_| start()).forget();
        }
        return;
    };
    embed::panic::install(root.clone(), None);
    let options = Rc::new(components::app::standalone_options(&components::app::page_query(), &components::app::site_meta()));
    let Some(src) = options.src.clone() else {
        return mount(root, options, None);
    };
    // The bundle is loaded before the app is mounted, under the page's own loading message:
    // its head is read and the query's shards asked for at once, not after the app's first
    // render (some 20 ms on a first load, while each of Yew's functions is compiled on first
    // use), and the reader is then drawn once, complete.
    wasm_bindgen_futures::spawn_local(async move {
        let loaded = components::reader_loader::load_articles(&src, options.setup.first_view()).await;
        mount(root, options, Some(loaded));
    });
}

fn mount(root: web_sys::Element, options: Rc<embed::options::EmbedOptions>, loaded: Option<components::reader_loader::Articles>) {
    root.set_text_content(None);
    yew::Renderer::<App>::with_root_and_props(root, components::app::AppProps { options, loaded }).render();
}
