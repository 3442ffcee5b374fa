//! The reader's side of split bundles: ask for the parts the query and the screen need, and
//! refresh the reader when they arrive.

use std::cell::Cell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::platform::pinned::oneshot;
use yew::prelude::*;

use crate::library::{Library, Wanted};
use crate::parts;
use crate::state::{Action, ReaderState};
use crate::url_state::ViewState;

/// How long typing must pause before the listed results' texts are fetched: each keystroke
/// lists other results, and fetching the texts of every intermediate list would cost more
/// than all the queries' index shards together.
const RESULT_TEXTS_AFTER_MS: u32 = 150;

/// Fetch what answering the query and showing the open article need at once, and the texts
/// of the results on screen (`on_screen`, article indices) once typing pauses. Nothing for a whole
/// bundle. Arrivals refresh the reader; a failure becomes its notice.
#[hook]
pub fn use_parts(state: &UseReducerHandle<ReaderState>, on_screen: Vec<usize>) {
    let deps = (state.library.clone(), state.query.clone(), state.filters.clone(), state.open);
    let dispatcher = state.dispatcher();
    // Asked for while rendering, not in an effect: effects run only after the browser has laid
    // out and painted the first render (some 100 ms for an archive's first view), and these
    // fetches need not wait for that. `request` only starts fetches; nothing here renders.
    use_memo(deps, move |(library, query, filters, open)| {
        request(library, library.wanted(query, filters, *open), dispatcher);
    });
    let dispatcher = state.dispatcher();
    // The query is among the dependencies so that each keystroke restarts the wait, even when
    // it leaves the same results on screen.
    use_effect_with((state.library.clone(), on_screen, state.query.clone()), move |(library, on_screen, _)| {
        let wanted = Wanted { articles: library.missing_texts(on_screen.iter().copied()), ..Wanted::default() };
        let library = library.clone();
        let later = (!wanted.articles.is_empty())
            .then(|| Timeout::new(RESULT_TEXTS_AFTER_MS, move || request(&library, wanted, dispatcher)));
        move || drop(later)
    });
}

/// How long a split bundle's first view waits for the parts it needs (the query's shards, the
/// open article's text) before it is drawn without them. Drawn once, complete, it costs one
/// render and layout instead of two, and the parts' arrival is not held up behind the first;
/// on a slow network, the article list and outline still show after this long.
const FIRST_VIEW_WAIT_MS: u32 = 150;

/// Start fetching what the first view of `library` in `view` needs, and wait for it a little.
pub async fn first_view_parts(library: &Rc<Library>, view: ViewState) {
    let state = ReaderState::new(library.clone(), view);
    let (sender, arrived) = oneshot::channel::<()>();
    let sender = Rc::new(Cell::new(Some(sender)));
    let finish = move || {
        if let Some(sender) = sender.take() {
            let _ = sender.send(());
        }
    };
    let wanted = library.wanted(&state.query, &state.filters, state.open);
    if !parts::request(library, wanted, { let finish = finish.clone(); move |_| finish() }) {
        return;
    }
    let _deadline = Timeout::new(FIRST_VIEW_WAIT_MS, finish);
    let _ = arrived.await;
}

/// Fetch the topic filter's table: the reader opened that filter.
pub fn fetch_passage_topics(state: &UseReducerHandle<ReaderState>) {
    request(&state.library, Wanted { passage_topics: true, ..Wanted::default() }, state.dispatcher());
}

fn request(library: &Rc<Library>, wanted: Wanted, dispatcher: UseReducerDispatcher<ReaderState>) {
    let refreshed = library.clone();
    let _ = parts::request(library, wanted, move |outcome| {
        dispatcher.dispatch(Action::Refresh(Rc::new(refreshed.refreshed())));
        if let Err(message) = outcome {
            dispatcher.dispatch(Action::PartsFailed(message));
        }
    });
}
