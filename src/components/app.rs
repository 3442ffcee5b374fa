use yew::prelude::*;

use super::error_message::ErrorMessage;
use super::reader::Reader;
use crate::bundled;

/// The standalone site: the reader over the articles bundled at build time.
#[component]
pub fn App() -> Html {
    let loaded = use_memo((), |_| bundled::articles());
    match &*loaded {
        Ok(articles) => html! { <Reader articles={articles.clone()} /> },
        Err(message) => html! {
            <div class="lectern" data-testid="reader">
                <ErrorMessage message={message.clone()} />
            </div>
        },
    }
}
