use std::rc::Rc;

use lectern_core::search::report::EXCERPT_CHARS;
use lectern_core::search::{excerpt, PassageKind, Range};
use yew::prelude::*;

use super::highlighted_text::HighlightedText;
use crate::library::Library;

#[derive(Properties, PartialEq)]
pub struct ResultItemProps {
    pub library: Rc<Library>,
    pub passage: u32,
    /// Where the matches are in the passage's text.
    pub ranges: Vec<Range>,
    pub on_open: Callback<u32>,
}

/// One matching passage: where it is (section), and an excerpt with the matches marked.
#[component]
pub fn ResultItem(props: &ResultItemProps) -> Html {
    let lib = &props.library;
    let Some(passage) = lib.passage(props.passage) else { return html! {} };
    let shown = excerpt(lib.text(passage), &props.ranges, EXCERPT_CHARS);
    let article = lib.article(passage.article as usize);
    let place = match passage.kind {
        PassageKind::Title => "Title".to_string(),
        PassageKind::Heading => "Section heading".to_string(),
        PassageKind::Paragraph => article.sections[passage.section as usize]
            .heading
            .clone()
            .unwrap_or_else(|| format!("Paragraph {}", passage.paragraph + 1)),
    };
    let onclick = {
        let (on_open, id) = (props.on_open.clone(), props.passage);
        Callback::from(move |_: MouseEvent| on_open.emit(id))
    };
    // Which results need an article's text is read from these (see use_in_view). A title needs
    // none fetched: the article list already has it.
    let text_of = (passage.kind != PassageKind::Title).then(|| passage.article.to_string());
    html! {
        <li data-text-of={text_of} data-passage={props.passage.to_string()}>
            <button type="button" class="lectern-result" data-testid="result" {onclick}>
                <span class="lectern-result-place">{ place }</span>
                <span class="lectern-result-excerpt">
                    if !lib.has_text(passage.article as usize) && shown.text.is_empty() {
                        <span class="lectern-result-loading">{ "Loading text…" }</span>
                    }
                    if shown.cut_start { { "… " } }
                    <HighlightedText text={shown.text.clone()} ranges={shown.ranges.clone()} />
                    if shown.cut_end { { " …" } }
                </span>
            </button>
        </li>
    }
}
