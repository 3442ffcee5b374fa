//! Which listed results are on screen. A split bundle fetches result texts only for those:
//! a phone shows two or three results and a wide window six, so fetching every listed
//! result's article would cost more than all the query's index shards.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, IntersectionObserver, IntersectionObserverEntry};
use web_sys::js_sys::Array;
use yew::prelude::*;

/// The attribute a result carries (components::result_item) when it shows text from an
/// article: its article index.
pub const TEXT_OF: &str = "data-text-of";
/// Each such result's passage, which tells the results apart.
pub const PASSAGE: &str = "data-passage";

/// Tell `on_change` the article indices named by [`TEXT_OF`] on the elements inside `root`
/// that are on screen, ascending and each once, whenever they change. Watched again whenever
/// `listing` changes (new results rendered); nothing is watched without `on_change`.
#[hook]
pub fn use_in_view<T: PartialEq + 'static>(root: NodeRef, listing: T, on_change: Option<Callback<Vec<usize>>>) {
    use_effect_with(listing, move |_| {
        let watcher = on_change.and_then(|on_change| Watcher::start(&root, move |articles| on_change.emit(articles)));
        move || drop(watcher)
    });
}

/// An IntersectionObserver over the result elements, reporting the set of articles on screen
/// each time it changes. Dropping it stops the observer.
struct Watcher {
    observer: IntersectionObserver,
    _callback: Closure<dyn FnMut(Array)>,
}

impl Watcher {
    fn start(root: &NodeRef, report: impl Fn(Vec<usize>) + 'static) -> Option<Watcher> {
        let root = root.cast::<Element>()?;
        let elements = root.query_selector_all(&format!("[{TEXT_OF}]")).ok()?;
        if elements.length() == 0 {
            // Nothing to watch, so no observer report will replace the last list's.
            report(Vec::new());
            return None;
        }
        // Passage → article, for the results now intersecting.
        let visible: Rc<RefCell<BTreeMap<u32, usize>>> = Rc::default();
        // The first report always goes out: it replaces the previous listing's.
        let last = RefCell::new(None);
        let callback = Closure::<dyn FnMut(Array)>::new(move |entries: Array| {
            for entry in entries.iter().filter_map(|e| e.dyn_into::<IntersectionObserverEntry>().ok()) {
                let target = entry.target();
                let (Some(at), Some(article)) = (number(&target, PASSAGE), number(&target, TEXT_OF)) else { continue };
                if entry.is_intersecting() {
                    visible.borrow_mut().insert(at as u32, article);
                } else {
                    visible.borrow_mut().remove(&(at as u32));
                }
            }
            let mut articles: Vec<usize> = visible.borrow().values().copied().collect();
            articles.sort_unstable();
            articles.dedup();
            if last.borrow().as_ref() != Some(&articles) {
                *last.borrow_mut() = Some(articles.clone());
                report(articles);
            }
        });
        let observer = IntersectionObserver::new(callback.as_ref().unchecked_ref()).ok()?;
        for i in 0..elements.length() {
            if let Some(element) = elements.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                observer.observe(&element);
            }
        }
        Some(Watcher { observer, _callback: callback })
    }
}

impl Drop for Watcher {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

fn number(element: &Element, name: &str) -> Option<usize> {
    element.get_attribute(name)?.parse().ok()
}
