//! Lectern's reader: a thin Yew shell over lectern-core. Components render [`state`]; every
//! change goes through its reducer.

pub mod bundled;
pub mod components;
pub mod download;
pub mod hooks;
pub mod library;
pub mod map_state;
pub mod quote_marks;
pub mod state;
pub mod url_state;

pub use components::app::App;
pub use components::reader::{Reader, ReaderProps};

/// Mount the reader in `#lectern-root` (replacing its loading message), or in `<body>`.
pub fn start() {
    let document = gloo::utils::document();
    match document.get_element_by_id("lectern-root") {
        Some(root) => {
            root.set_text_content(None);
            yew::Renderer::<App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<App>::new().render();
        }
    }
}
