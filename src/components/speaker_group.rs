use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SpeakerGroupProps {
    /// `None`: the quotations nobody is named for.
    pub speaker: Option<String>,
    pub description: Option<String>,
    pub tone: Option<usize>,
    /// (article, quotation, text, where).
    pub items: Vec<(usize, usize, String, String)>,
    pub expanded: bool,
    /// The results are filtered by this speaker.
    pub filtering: bool,
    pub on_toggle: Callback<MouseEvent>,
    pub on_open_quote: Callback<(usize, usize)>,
    pub on_filter: Callback<String>,
}

/// One speaker in the quotes panel: a disclosure button with their count, a filter toggle, and
/// when expanded their quotations, each opening the article at it.
#[component]
pub fn SpeakerGroup(props: &SpeakerGroupProps) -> Html {
    let name = props.speaker.clone().unwrap_or_else(|| "Unknown speaker".to_string());
    let tone = props.tone.map_or_else(|| "lectern-tone-unknown".to_string(), |t| format!("lectern-tone-{t}"));
    let count = props.items.len();
    html! {
        <li class="lectern-speaker">
            <div class="lectern-speaker-row">
                <button
                    type="button"
                    class="lectern-plain-button lectern-speaker-toggle"
                    aria-expanded={props.expanded.to_string()}
                    onclick={props.on_toggle.clone()}
                >
                    <span class={classes!("lectern-swatch", tone)} aria-hidden="true"></span>
                    <span class="lectern-speaker-name">
                        { &name }
                        if let Some(d) = &props.description {
                            <span class="lectern-speaker-description">{ d }</span>
                        }
                    </span>
                    <span class="lectern-badge" aria-label={format!("{count} quotations")}>{ count }</span>
                </button>
                if let Some(speaker) = props.speaker.clone() {
                    <button
                        type="button"
                        class="lectern-speaker-filter"
                        aria-pressed={props.filtering.to_string()}
                        aria-label={format!("Filter: passages quoting {speaker}")}
                        title={format!("Show only passages quoting {speaker}")}
                        onclick={props.on_filter.reform(move |_| speaker.clone())}
                    >{ "Filter" }</button>
                }
            </div>
            if props.expanded {
                <ol class="lectern-speaker-quotes">
                    for (a, q, text, place) in props.items.iter().cloned() {
                        <li key={format!("{a}-{q}")}>
                            <button
                                type="button"
                                class="lectern-plain-button lectern-quote-link"
                                onclick={props.on_open_quote.reform(move |_| (a, q))}
                            >
                                <span class="lectern-quote-text">{ format!("“{text}”") }</span>
                                <span class="lectern-quote-place">{ place }</span>
                            </button>
                        </li>
                    }
                </ol>
            }
        </li>
    }
}
