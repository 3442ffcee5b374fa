use std::collections::HashSet;
use std::rc::Rc;

use lectern_core::quotes::export::Row;
use lectern_core::quotes::{by_speaker, speakers_in_order};
use lectern_core::{Article, Quote};
use yew::prelude::*;

use super::quote_export::QuoteExport;
use super::speaker_group::SpeakerGroup;
use crate::library::Library;
use crate::quote_marks::TONES;

#[derive(Properties, PartialEq)]
pub struct QuotesPanelProps {
    pub library: Rc<Library>,
    pub open: Option<usize>,
    /// Every article's quotations, not only the open one's.
    pub all: bool,
    /// Speakers the results are filtered by.
    pub filtered_speakers: Vec<String>,
    pub on_open_quote: Callback<(usize, usize)>,
    pub on_scope: Callback<bool>,
    pub on_filter_speaker: Callback<String>,
}

/// Who said what: speakers with their counts, each expanding to their quotations; a click
/// opens the article at the quotation. Scoped to the open article or all of them.
#[component]
pub fn QuotesPanel(props: &QuotesPanelProps) -> Html {
    let expanded = use_state(HashSet::<Option<String>>::new);
    let lib = &props.library;
    let rows = lib.quotations(props.all, props.open);
    let texts: Vec<Rc<Article>> = rows.iter().map(|&(a, _)| lib.article(a)).collect();
    let quotes: Vec<&Quote> = rows.iter().zip(&texts).map(|(&(_, q), text)| &text.quotes[q]).collect();
    let groups = by_speaker(&quotes);
    // Tones follow the open article, so a swatch here matches the marks in the text.
    let open_text = props.open.filter(|&a| a < lib.articles.len()).map(|a| lib.article(a));
    let order = open_text.as_ref().map(|a| speakers_in_order(&a.quotes)).unwrap_or_default();
    let scope = |all: bool, label: &'static str| {
        let on_scope = props.on_scope.clone();
        html! {
            <button type="button" aria-pressed={(props.all == all).to_string()} onclick={move |_| on_scope.emit(all)}>
                { label }
            </button>
        }
    };
    let speakers = groups.iter().filter(|g| g.speaker.is_some()).count();
    html! {
        <section class="lectern-quotes" data-testid="quotes-panel" aria-label="Quotes">
            <div class="lectern-quotes-head">
                <h2 class="lectern-panel-title">{ "Quotes" }</h2>
                <div class="lectern-segmented" role="group" aria-label="Show quotes from">
                    { scope(false, "This article") }
                    { scope(true, "All articles") }
                </div>
            </div>
            if rows.is_empty() {
                <p class="lectern-quotes-none">
                    { if props.all { "None of these articles has a quotation." } else { "This article has no quotations." } }
                </p>
            } else {
                <p class="lectern-quotes-summary">{ summary(rows.len(), speakers) }</p>
                <ul class="lectern-speakers">
                    for group in groups.iter() {
                        { speaker_group(props, &expanded, &rows, &quotes, group, &order) }
                    }
                </ul>
                <QuoteExport library={lib.clone()} rows={Rc::new(rows.clone())} scope={scope_name(props)} />
            }
        </section>
    }
}

fn speaker_group(
    props: &QuotesPanelProps,
    expanded: &UseStateHandle<HashSet<Option<String>>>,
    rows: &[(usize, usize)],
    quotes: &[&Quote],
    group: &lectern_core::quotes::SpeakerQuotes,
    order: &[&str],
) -> Html {
    let key = group.speaker.map(str::to_string);
    let is_open = expanded.contains(&key);
    let on_toggle = {
        let (expanded, key) = (expanded.clone(), key.clone());
        Callback::from(move |_| {
            let mut next = (*expanded).clone();
            if !next.remove(&key) {
                next.insert(key.clone());
            }
            expanded.set(next);
        })
    };
    let tone = group.speaker.and_then(|s| order.iter().position(|o| *o == s)).map(|i| i % TONES);
    let items: Vec<(usize, usize, String, String)> = group
        .quotes
        .iter()
        .map(|&i| {
            let (a, q) = rows[i];
            let article = props.library.article(a);
            (a, q, quotes[i].text.clone(), format!("{}, paragraph {}", article.title, Row::new(&article, quotes[i]).paragraph))
        })
        .collect();
    html! {
        <SpeakerGroup
            key={key.clone().unwrap_or_default()}
            speaker={key.clone()}
            description={group.description.map(str::to_string)}
            {tone}
            {items}
            expanded={is_open}
            filtering={key.as_ref().is_some_and(|k| props.filtered_speakers.contains(k))}
            {on_toggle}
            on_open_quote={props.on_open_quote.clone()}
            on_filter={props.on_filter_speaker.clone()}
        />
    }
}

fn summary(quotes: usize, speakers: usize) -> String {
    let plural = |n: usize, one: &str, many: &str| if n == 1 { format!("1 {one}") } else { format!("{n} {many}") };
    format!("{} from {}", plural(quotes, "quotation", "quotations"), plural(speakers, "named speaker", "named speakers"))
}

fn scope_name(props: &QuotesPanelProps) -> String {
    match (props.all, props.open) {
        (false, Some(a)) => props.library.articles[a].id.clone(),
        _ => "all-articles".to_string(),
    }
}
