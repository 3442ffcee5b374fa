use std::rc::Rc;

use yew::prelude::*;

use super::error_message::ErrorMessage;
use super::reader::Reader;
use crate::bundled;

/// The standalone site: the reader over the articles bundled at build time.
#[component]
pub fn App() -> Html {
    let loaded = use_memo((), |_| bundled::library().map(Rc::new));
    match &*loaded {
        Ok(library) => html! { <Reader library={library.clone()} /> },
        Err(message) => html! {
            <div class="lectern" data-testid="reader">
                <ErrorMessage message={message.clone()} />
            </div>
        },
    }
}
