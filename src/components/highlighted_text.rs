use std::rc::Rc;

use lectern_core::search::Range;
use yew::prelude::*;

use crate::quote_marks::QuoteMark;

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
    /// Quotations, ascending and not overlapping.
    #[prop_or_default]
    pub quotes: Rc<Vec<QuoteMark>>,
}

/// Text with its quotations wrapped in spans and its matches in `<mark>`: every piece is a text
/// node, never parsed markup.
#[component]
pub fn HighlightedText(props: &HighlightedTextProps) -> Html {
    let chars: Vec<char> = props.text.chars().collect();
    let marks = Marks { chars: &chars, props };
    let mut parts = Vec::new();
    let mut at = 0;
    for q in props.quotes.iter() {
        if q.start < at || q.start >= q.end || q.end > chars.len() {
            continue;
        }
        parts.push(marks.window(at, q.start));
        let tone = q.tone.map_or_else(|| "lectern-tone-unknown".to_string(), |t| format!("lectern-tone-{t}"));
        parts.push(html! {
            <span
                class={classes!("lectern-quote", tone, q.focused.then_some("lectern-quote-focused"))}
                data-testid="quote"
                data-speaker={q.speaker.clone().unwrap_or_default()}
                data-quote-index={q.index.to_string()}
                data-label={q.label.clone()}
                data-tip={q.tip.clone()}
                title={q.tip.clone()}
                tabindex="0"
            >{ marks.window(q.start, q.end) }</span>
        });
        at = q.end;
    }
    parts.push(marks.window(at, chars.len()));
    parts.into_iter().collect()
}

struct Marks<'a> {
    chars: &'a [char],
    props: &'a HighlightedTextProps,
}

impl Marks<'_> {
    fn piece(&self, from: usize, to: usize) -> String {
        let len = self.chars.len();
        self.chars[from.min(len)..to.min(len).max(from.min(len))].iter().collect()
    }

    /// Characters `[from, to)` with the matches that start among them marked (cut at `to`).
    fn window(&self, from: usize, to: usize) -> Html {
        let props = self.props;
        let mut parts = Vec::new();
        let mut at = from;
        for (k, &(start, end)) in props.ranges.iter().enumerate() {
            if start < at || start >= end || start >= to {
                continue;
            }
            let end = end.min(to);
            parts.push(html! { { self.piece(at, start) } });
            let index = props.first_index.map(|first| first + k);
            let current = index.is_some() && index == props.current;
            parts.push(html! {
                <mark
                    data-testid="match"
                    data-match-index={index.map(|i| i.to_string())}
                    class={classes!("lectern-match", current.then_some("lectern-match-current"))}
                    aria-current={current.then_some("true")}
                >{ self.piece(start, end) }</mark>
            });
            at = end;
        }
        parts.push(html! { { self.piece(at, to) } });
        parts.into_iter().collect()
    }
}
