use lectern_core::search::Range;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HighlightedTextProps {
    pub text: AttrValue,
    /// Character ranges to mark, ascending and not overlapping.
    pub ranges: Vec<Range>,
    /// Number of the first mark among all marks of the article (for match stepping), if any.
    #[prop_or_default]
    pub first_index: Option<usize>,
    #[prop_or_default]
    pub current: Option<usize>,
}

/// Text with its matches wrapped in `<mark>`: every piece is a text node, never parsed markup.
#[component]
pub fn HighlightedText(props: &HighlightedTextProps) -> Html {
    let chars: Vec<char> = props.text.chars().collect();
    let piece = |from: usize, to: usize| chars[from.min(chars.len())..to.min(chars.len())].iter().collect::<String>();
    let mut parts = Vec::new();
    let mut at = 0;
    for (k, &(start, end)) in props.ranges.iter().enumerate() {
        if start < at || start >= end {
            continue;
        }
        parts.push(html! { { piece(at, start) } });
        let index = props.first_index.map(|first| first + k);
        let current = index.is_some() && index == props.current;
        parts.push(html! {
            <mark
                data-testid="match"
                data-match-index={index.map(|i| i.to_string())}
                class={classes!("lectern-match", current.then_some("lectern-match-current"))}
                aria-current={current.then_some("true")}
            >{ piece(start, end) }</mark>
        });
        at = end;
    }
    parts.push(html! { { piece(at, chars.len()) } });
    parts.into_iter().collect()
}
