use lectern_core::search::Filter;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct QuotesToggleProps {
    pub active: bool,
    /// Passages in quotations the current search would give; shown when known.
    pub count: Option<usize>,
    pub on_toggle: Callback<Filter>,
}

/// "Quotes only", beside the search: narrows results to passages whose matches are quoted.
#[component]
pub fn QuotesToggle(props: &QuotesToggleProps) -> Html {
    let label = match props.count {
        Some(n) => format!("Quotes only ({n})"),
        None => "Quotes only".to_string(),
    };
    html! {
        <button
            type="button"
            class="lectern-quotes-toggle"
            aria-pressed={props.active.to_string()}
            title="Only passages whose matches are inside quotations"
            onclick={props.on_toggle.reform(|_| Filter::quotes_only())}
        >{ label }</button>
    }
}
