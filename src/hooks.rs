//! Hooks that connect the reader to the page around it: the URL and global keys.

use gloo::events::{EventListener, EventListenerOptions};
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::state::{Action, ReaderState};
use crate::url_state::{self, ViewState};

/// While typing, the URL is brought up to date once the reader pauses this long: browsers make
/// every history write cost milliseconds, and throttle pages that write on each keystroke.
const TYPING_PAUSE_MS: u32 = 250;

/// Keep the URL in step with the state: a new history entry for a new place (article, filter,
/// passage) at once, the current entry updated when typing pauses. Back and forward restore.
/// The first view only completes the URL it was opened with (the article it chose, say): in
/// place and after the pause, not as a history entry that Back would return to the same view
/// from, and not while the first view is drawn.
/// Does nothing unless `enabled`: embedded readers leave the page's URL alone by default.
#[hook]
pub fn use_url_sync(state: &UseReducerHandle<ReaderState>, enabled: bool) {
    let written = use_mut_ref(move || if enabled { url_state::read() } else { ViewState::default() });
    let pending = use_mut_ref(|| None::<Timeout>);
    let first = use_mut_ref(|| true);
    {
        let written = written.clone();
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let listener = enabled.then(|| EventListener::new(&gloo::utils::window(), "popstate", move |_| {
                let view = url_state::read();
                *written.borrow_mut() = view.clone();
                dispatcher.dispatch(Action::Restore(view));
            }));
            move || drop(listener)
        });
    }
    let view = state.view();
    use_effect_with(view, move |view: &ViewState| {
        if !enabled {
            return;
        }
        let last = written.borrow().clone();
        pending.borrow_mut().take().map(Timeout::cancel);
        let first = std::mem::replace(&mut *first.borrow_mut(), false);
        if *view == last {
            return;
        }
        if last.is_new_place(view) && !first {
            url_state::write(view, true);
            *written.borrow_mut() = view.clone();
        } else {
            let view = view.clone();
            *pending.borrow_mut() = Some(Timeout::new(TYPING_PAUSE_MS, move || {
                url_state::write(&view, false);
                *written.borrow_mut() = view;
            }));
        }
    });
}

/// `/` (outside a text field) focuses `input`: anywhere on the page, or only inside `within`.
#[hook]
pub fn use_slash_to_focus(input: NodeRef, within: Option<NodeRef>) {
    use_effect_with((), move |_| {
        let target: web_sys::EventTarget = match within.and_then(|w| w.get()) {
            Some(element) => element.into(),
            None => gloo::utils::document().into(),
        };
        // Not passive: the `/` must not also land in the box it opens.
        let options = EventListenerOptions::enable_prevent_default();
        let listener = EventListener::new_with_options(&target, "keydown", options, move |event| {
            let Some(event) = event.dyn_ref::<KeyboardEvent>() else { return };
            if event.key() != "/" || event.ctrl_key() || event.meta_key() || event.alt_key() || typing_in(event) {
                return;
            }
            if let Some(input) = input.cast::<HtmlElement>() {
                event.prevent_default();
                let _ = input.focus();
            }
        });
        move || drop(listener)
    });
}

fn typing_in(event: &KeyboardEvent) -> bool {
    let Some(target) = event.target().and_then(|t| t.dyn_into::<HtmlElement>().ok()) else { return false };
    matches!(target.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || target.is_content_editable()
}
