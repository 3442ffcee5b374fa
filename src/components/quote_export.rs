use std::rc::Rc;

use lectern_core::quotes::export::{csv, json, markdown, Row};
use yew::prelude::*;

use crate::download::download;
use crate::library::Library;

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Csv,
    Json,
    Markdown,
}

#[derive(Properties, PartialEq)]
pub struct QuoteExportProps {
    pub library: Rc<Library>,
    /// (article, quotation) to export, in reading order.
    pub rows: Rc<Vec<(usize, usize)>>,
    /// Names the file: an article id, or "all-articles".
    pub scope: String,
}

/// Download the listed quotations (speaker, quote, article, paragraph) as CSV, JSON or
/// Markdown, made here in the browser.
#[component]
pub fn QuoteExport(props: &QuoteExportProps) -> Html {
    let failed = use_state(|| false);
    let button = |format: Format, label: &'static str| {
        let (library, rows, scope, failed) = (props.library.clone(), props.rows.clone(), props.scope.clone(), failed.clone());
        let onclick = Callback::from(move |_| {
            let texts: Vec<_> = rows.iter().map(|&(a, _)| library.article(a)).collect();
            let rows: Vec<Row> = rows.iter().zip(&texts).map(|(&(_, q), text)| Row::new(text, &text.quotes[q])).collect();
            let (content, extension, mime) = match format {
                Format::Csv => (csv(&rows), "csv", "text/csv;charset=utf-8"),
                Format::Json => (json(&rows), "json", "application/json"),
                Format::Markdown => (markdown(&format!("Quotes: {scope}"), &rows), "md", "text/markdown;charset=utf-8"),
            };
            failed.set(download(&format!("quotes-{scope}.{extension}"), mime, &content).is_err());
        });
        html! {
            <button type="button" class="lectern-export-button" {onclick} aria-label={format!("Download quotes as {label}")}>
                { label }
            </button>
        }
    };
    html! {
        <div class="lectern-export" role="group" aria-label="Download quotes">
            <span class="lectern-export-label">{ "Download" }</span>
            { button(Format::Csv, "CSV") }
            { button(Format::Json, "JSON") }
            { button(Format::Markdown, "Markdown") }
            if *failed {
                <p class="lectern-export-error" role="alert">{ "This browser would not save the file." }</p>
            }
        </div>
    }
}
