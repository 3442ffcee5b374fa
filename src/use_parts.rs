//! The reader's side of split bundles: ask for the parts the query and the screen need, and
//! refresh the reader when they arrive.

use std::rc::Rc;

use yew::prelude::*;

use crate::parts;
use crate::state::{Action, ReaderState};

/// Fetch what answering the query and showing `articles` (indices) needs; nothing for a whole
/// bundle. Arrivals refresh the reader; a failure becomes its notice.
#[hook]
pub fn use_parts(state: &UseReducerHandle<ReaderState>, articles: Vec<usize>) {
    let dispatcher = state.dispatcher();
    use_effect_with((state.library.clone(), state.query.clone(), articles), move |(library, query, articles)| {
        let wanted = library.wanted(query, articles.iter().copied());
        let library = library.clone();
        parts::request(&library.clone(), wanted, move |outcome| {
            dispatcher.dispatch(Action::Refresh(Rc::new(library.refreshed())));
            if let Err(message) = outcome {
                dispatcher.dispatch(Action::PartsFailed(message));
            }
        });
    });
}
