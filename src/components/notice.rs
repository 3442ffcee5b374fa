use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NoticeProps {
    pub text: AttrValue,
    pub on_dismiss: Callback<()>,
}

/// A polite, dismissible message about something the reader asked for.
#[component]
pub fn Notice(props: &NoticeProps) -> Html {
    let onclick = props.on_dismiss.reform(|_: MouseEvent| ());
    html! {
        <div class="lectern-notice" role="status" data-testid="notice">
            <span>{ props.text.clone() }</span>
            <button type="button" class="lectern-notice-close" aria-label="Dismiss" {onclick}>{ "×" }</button>
        </div>
    }
}
