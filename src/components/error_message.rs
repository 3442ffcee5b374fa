use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ErrorMessageProps {
    pub message: AttrValue,
}

/// Something could not be loaded: say what, instead of showing a blank widget.
#[component]
pub fn ErrorMessage(props: &ErrorMessageProps) -> Html {
    html! {
        <div class="lectern-error" role="alert" data-testid="error">
            <strong>{ "Lectern could not show these articles." }</strong>
            <p>{ props.message.clone() }</p>
        </div>
    }
}
