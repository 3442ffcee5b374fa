//! Lectern on other people's pages. `static/embed.js` gives each `<lectern-reader>` (or
//! `Lectern.mount` call) a WebAssembly instance of its own and calls [`mount`] in it; the
//! [`Widget`] it gets back is what the page's `search`, `setQuery`, `open` and `destroy` reach.

pub mod bridge;
pub mod load;
pub mod options;
pub mod panic;
pub mod use_bridge;

use std::rc::Rc;

use lectern_core::search::report;
use wasm_bindgen::prelude::*;
use web_sys::js_sys::Reflect;
use web_sys::{Element, HtmlElement};
use yew::AppHandle;

use crate::components::reader_loader::{ReaderLoader, ReaderLoaderProps};
use bridge::{Bridge, Command};
use options::{check, RawOptions};

/// Results `search()` returns unless asked for another number.
const SEARCH_LIMIT: usize = 20;

#[wasm_bindgen]
pub struct Widget {
    app: Option<AppHandle<ReaderLoader>>,
    bridge: Rc<Bridge>,
}

/// Render a reader into `root` (inside `host`'s shadow root), set up by `options`: an object
/// of strings named like the element's attributes.
#[wasm_bindgen]
pub fn mount(root: Element, host: HtmlElement, options: JsValue) -> Widget {
    panic::install(root.clone(), Some(host.clone().into()));
    let options = check(&read_options(&options));
    if let (Some(height), Some(root)) = (&options.height, root.dyn_ref::<HtmlElement>()) {
        // On the element inside the shadow root, where the page's CSS cannot override it; and
        // through the CSSOM, which a strict Content-Security-Policy allows (a style attribute it
        // would not).
        let _ = root.style().set_property("height", height);
    }
    let bridge = Bridge::new(host.into());
    let props = ReaderLoaderProps { options: Rc::new(options), bridge: Some(bridge.clone()), loaded: None };
    let app = yew::Renderer::<ReaderLoader>::with_root_and_props(root, props).render();
    Widget { app: Some(app), bridge }
}

#[wasm_bindgen]
impl Widget {
    /// The best `limit` passages for `query` as JSON: `{"total", "results": [{"article",
    /// "section", "heading", "passage", "excerpt", "matches", "score"}]}`.
    pub fn search(&self, query: &str, limit: Option<u32>) -> Result<String, JsValue> {
        let library = self.bridge.library().ok_or("The articles have not loaded.")?;
        let results = library.search(query, &[]);
        let limit = limit.map_or(SEARCH_LIMIT, |n| n as usize);
        // A split bundle's passages not yet fetched report their place with empty text.
        let articles: Vec<_> = (0..library.articles.len()).map(|a| library.article(a)).collect();
        let found = report::found(&library.index, &articles, &results, limit);
        Ok(report::json(&found, results.total))
    }

    #[wasm_bindgen(js_name = setQuery)]
    pub fn set_query(&self, query: String) -> Result<(), JsValue> {
        self.send(Command::SetQuery(query))
    }

    /// Open an article by id; an error if there is none.
    pub fn open(&self, id: String) -> Result<(), JsValue> {
        let library = self.bridge.library().ok_or("The articles have not loaded.")?;
        if library.position(&id).is_none() {
            return Err(format!("There is no article “{id}”.").into());
        }
        self.send(Command::Open(id))
    }

    /// Remove the reader from the page and free what it held.
    pub fn destroy(&mut self) {
        self.bridge.disconnect();
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }

    /// Panic on purpose, so tests can check that one reader's failure stays its own.
    #[wasm_bindgen(js_name = crashForTesting)]
    pub fn crash_for_testing(&self) {
        panic!("a crash was requested for testing");
    }

    fn send(&self, command: Command) -> Result<(), JsValue> {
        if self.bridge.send(command) {
            Ok(())
        } else {
            Err("The reader is not running.".into())
        }
    }
}

fn read_options(options: &JsValue) -> RawOptions {
    let get = |name: &str| {
        if options.is_object() {
            Reflect::get(options, &JsValue::from_str(name)).ok().and_then(|v| v.as_string())
        } else {
            None
        }
    };
    RawOptions {
        src: get("src"),
        query: get("query"),
        article: get("article"),
        panels: get("panels"),
        theme: get("theme"),
        height: get("height"),
        history: get("history"),
    }
}
