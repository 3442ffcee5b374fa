use yew::prelude::*;

use crate::state::Panel;

#[derive(Properties, PartialEq)]
pub struct SidePanelsProps {
    pub panel: Panel,
    /// Which panels the page asked for; tabs only when both are.
    #[prop_or(true)]
    pub quotes_shown: bool,
    #[prop_or(true)]
    pub topics_shown: bool,
    pub on_panel: Callback<Panel>,
    pub quotes: Html,
    pub topics: Html,
}

/// Quotes and the topic map share the side column as two tabs (arrow keys move between them).
#[component]
pub fn SidePanels(props: &SidePanelsProps) -> Html {
    let tab = |panel: Panel, label: &'static str| {
        let on_panel = props.on_panel.clone();
        let selected = props.panel == panel;
        let other = if panel == Panel::Quotes { Panel::Topics } else { Panel::Quotes };
        let on_key = {
            let on_panel = on_panel.clone();
            Callback::from(move |e: KeyboardEvent| {
                if e.key() == "ArrowLeft" || e.key() == "ArrowRight" {
                    e.prevent_default();
                    on_panel.emit(other);
                }
            })
        };
        html! {
            <button
                type="button"
                role="tab"
                class="lectern-tab"
                aria-selected={selected.to_string()}
                tabindex={if selected { "0" } else { "-1" }}
                onclick={move |_| on_panel.emit(panel)}
                onkeydown={on_key}
            >{ label }</button>
        }
    };
    html! {
        <aside class={classes!("lectern-aside", (props.panel == Panel::Topics).then_some("lectern-aside-wide"))} aria-label="Side panels">
            if props.quotes_shown && props.topics_shown {
                <div class="lectern-tabs" role="tablist" aria-label="Side panels">
                    { tab(Panel::Quotes, "Quotes") }
                    { tab(Panel::Topics, "Topics") }
                </div>
                <div role="tabpanel" class="lectern-tabpanel">
                    if props.panel == Panel::Quotes { { props.quotes.clone() } } else { { props.topics.clone() } }
                </div>
            } else if props.quotes_shown {
                { props.quotes.clone() }
            } else {
                { props.topics.clone() }
            }
        </aside>
    }
}
