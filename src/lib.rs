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
    root.set_text_content(None);
    embed::panic::install(root.clone(), None);
    yew::Renderer::<App>::with_root(root).render();
}
