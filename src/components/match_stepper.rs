use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MatchStepperProps {
    pub total: usize,
    pub current: Option<usize>,
    /// true: next, false: previous.
    pub on_step: Callback<bool>,
}

/// "3 of 12" with previous / next buttons, for the matches in the open article.
#[component]
pub fn MatchStepper(props: &MatchStepperProps) -> Html {
    let label = match props.current {
        Some(i) => format!("{} of {}", i + 1, props.total),
        None if props.total == 1 => "1 match".to_string(),
        None => format!("{} matches", props.total),
    };
    html! {
        <div class="lectern-stepper" aria-label="Matches in this article">
            <span class="lectern-stepper-label" aria-live="polite">{ label }</span>
            <button type="button" aria-label="Previous match" onclick={props.on_step.reform(|_: MouseEvent| false)}>{ "↑" }</button>
            <button type="button" aria-label="Next match" onclick={props.on_step.reform(|_: MouseEvent| true)}>{ "↓" }</button>
        </div>
    }
}
