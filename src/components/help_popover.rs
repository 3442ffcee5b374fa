use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HelpPopoverProps {
    pub on_close: Callback<()>,
}

/// The query language, in a few lines.
#[component]
pub fn HelpPopover(props: &HelpPopoverProps) -> Html {
    let onkeydown = {
        let on_close = props.on_close.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                on_close.emit(());
            }
        })
    };
    let onclick = props.on_close.reform(|_: MouseEvent| ());
    html! {
        <div class="lectern-help" role="dialog" aria-label="How to search" {onkeydown}>
            <dl>
                <dt><kbd>{ "visit khan" }</kbd></dt>
                <dd>{ "passages with both words first, then with either; visits, visited and Khan’s match too" }</dd>
                <dt><kbd>{ "\"gas pipeline\"" }</kbd></dt>
                <dd>{ "the exact phrase (straight or curly quotes)" }</dd>
                <dt><kbd>{ "-ukraine" }</kbd></dt>
                <dd>{ "leave out passages with this word" }</dd>
                <dt><kbd>{ "pipel" }</kbd></dt>
                <dd>{ "the word you are typing matches the words it begins" }</dd>
                <dt><kbd>{ "Afganistan" }</kbd></dt>
                <dd>{ "small misspellings of longer words still find them" }</dd>
                <dt><kbd>{ "/" }</kbd>{ " " }<kbd>{ "Esc" }</kbd>{ " " }<kbd>{ "Enter" }</kbd></dt>
                <dd>{ "focus the box, clear it, go to the next match (Shift+Enter: previous)" }</dd>
            </dl>
            <button type="button" class="lectern-help-close" {onclick}>{ "Close" }</button>
        </div>
    }
}
