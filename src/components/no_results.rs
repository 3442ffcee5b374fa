use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NoResultsProps {
    pub query: AttrValue,
    pub suggestions: Vec<String>,
    pub filtered: bool,
    pub on_pick: Callback<String>,
}

/// Nothing matched: say so, and offer the nearest words that do exist.
#[component]
pub fn NoResults(props: &NoResultsProps) -> Html {
    html! {
        <div class="lectern-no-results" role="status">
            <p>
                { "No passage matches " }<q>{ props.query.clone() }</q>
                { if props.filtered { " with these filters." } else { "." } }
            </p>
            if !props.suggestions.is_empty() {
                <p>
                    { "Did you mean " }
                    for (i, word) in props.suggestions.iter().enumerate() {
                        if i > 0 { { ", " } }
                        <button
                            key={word.clone()}
                            type="button"
                            class="lectern-suggestion"
                            onclick={props.on_pick.reform({ let w = word.clone(); move |_: MouseEvent| w.clone() })}
                        >{ word }</button>
                    }
                    { "?" }
                </p>
            }
        </div>
    }
}
