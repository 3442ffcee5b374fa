use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SetupProblemsProps {
    pub problems: Vec<String>,
}

/// What was wrong with how the page set this reader up (one line per attribute), above a reader
/// that still works with the defaults.
#[component]
pub fn SetupProblems(props: &SetupProblemsProps) -> Html {
    if props.problems.is_empty() {
        return html! {};
    }
    html! {
        <div class="lectern-error" role="alert" data-testid="error">
            <strong>{ "This reader’s settings need a look." }</strong>
            <ul class="lectern-error-list">
                for problem in props.problems.iter() {
                    <li>{ problem.clone() }</li>
                }
            </ul>
        </div>
    }
}
