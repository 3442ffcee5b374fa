use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::help_popover::HelpPopover;

#[derive(Properties, PartialEq)]
pub struct SearchBarProps {
    pub query: AttrValue,
    pub input: NodeRef,
    pub on_query: Callback<String>,
    /// Enter (true) / Shift+Enter (false): next / previous match.
    pub on_step: Callback<bool>,
}

/// The search box: filters as you type; `/` focuses it, Esc clears it, Enter steps through
/// matches in the open article.
#[component]
pub fn SearchBar(props: &SearchBarProps) -> Html {
    let help_open = use_state(|| false);
    let oninput = props.on_query.reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value());
    let onkeydown = {
        let (on_query, on_step) = (props.on_query.clone(), props.on_step.clone());
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Escape" => {
                e.prevent_default();
                on_query.emit(String::new());
            }
            "Enter" => {
                e.prevent_default();
                on_step.emit(!e.shift_key());
            }
            _ => {}
        })
    };
    let toggle_help = {
        let help_open = help_open.clone();
        Callback::from(move |_: MouseEvent| help_open.set(!*help_open))
    };
    let close_help = {
        let help_open = help_open.clone();
        Callback::from(move |_: ()| help_open.set(false))
    };
    html! {
        <div class="lectern-search" role="search">
            <input
                aria-label="Search the articles"
                ref={props.input.clone()}
                type="search"
                data-testid="search"
                placeholder="Search — press / to focus"
                autocomplete="off"
                spellcheck="false"
                value={props.query.clone()}
                {oninput}
                {onkeydown}
            />
            <button
                type="button"
                class="lectern-help-button"
                aria-label="How to search"
                aria-expanded={help_open.to_string()}
                onclick={toggle_help}
            >{ "?" }</button>
            if *help_open {
                <HelpPopover on_close={close_help} />
            }
        </div>
    }
}
