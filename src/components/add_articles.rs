use wasm_bindgen::JsCast;
use web_sys::{File, HtmlInputElement};
use yew::prelude::*;

use lectern_core::adding::{AddStep, ACCEPTED};

use crate::added::AddedSet;

#[derive(Properties, PartialEq)]
pub struct AddArticlesProps {
    pub set: UseReducerHandle<AddedSet>,
    pub on_files: Callback<Vec<File>>,
    pub on_remove: Callback<String>,
    pub on_dismiss: Callback<()>,
}

/// Adding articles from the reader's own files: a chooser (dropping files on the reader works
/// too), progress while they are read, what could not be added and why, and the added ones
/// with a way to remove each.
#[component]
pub fn AddArticles(props: &AddArticlesProps) -> Html {
    let set = &props.set;
    let on_change = {
        let on_files = props.on_files.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) else { return };
            if let Some(list) = input.files() {
                on_files.emit((0..list.length()).filter_map(|i| list.get(i)).collect());
            }
            // The same file can be chosen again (after removing it).
            input.set_value("");
        })
    };
    let dismiss = props.on_dismiss.reform(|_: MouseEvent| ());
    html! {
        <section class="lectern-add" aria-label="Your own articles">
            <label class="lectern-add-button">
                { "Add articles…" }
                <input
                    type="file"
                    multiple=true
                    accept={accept()}
                    class="lectern-visually-hidden"
                    data-testid="add-articles"
                    disabled={set.busy.is_some()}
                    onchange={on_change}
                />
            </label>
            <span class="lectern-add-hint">{ "or drop articles, web pages and feeds on the reader" }</span>
            if let Some(step) = &set.busy {
                <p class="lectern-add-progress" role="status" data-testid="add-progress">{ progress(step) }</p>
            }
            if !set.problems.is_empty() {
                <div class="lectern-error" role="alert" data-testid="error">
                    <strong>{ if set.problems.len() == 1 { "A file was not added." } else { "Some files were not added." } }</strong>
                    <ul class="lectern-error-list">
                        for problem in set.problems.iter() { <li>{ problem.clone() }</li> }
                    </ul>
                    <button type="button" class="lectern-plain-button" onclick={dismiss}>{ "Dismiss" }</button>
                </div>
            }
            if let Some(why) = &set.not_kept {
                <p class="lectern-add-note" role="status" data-testid="not-kept">{ why.clone() }</p>
            }
            if !set.files.is_empty() {
                <ul class="lectern-added" aria-label="Articles you added">
                    for file in set.files.iter() {
                        <li data-testid="added-item" key={file.name.clone()}>
                            <span class="lectern-added-title">{ file.title.clone() }</span>
                            <span class="lectern-added-file">{ file.name.clone() }</span>
                            <button
                                type="button"
                                class="lectern-plain-button"
                                data-testid="remove-added"
                                aria-label={format!("Remove {}", file.name)}
                                disabled={set.busy.is_some()}
                                onclick={props.on_remove.reform({ let name = file.name.clone(); move |_: MouseEvent| name.clone() })}
                            >{ "Remove" }</button>
                        </li>
                    }
                </ul>
            }
        </section>
    }
}

/// What the chooser offers: the endings the core reads, and the kinds of text it reads.
fn accept() -> String {
    format!("{ACCEPTED},text/plain,text/markdown,text/html")
}

/// The worker's progress: a bar that fills file by file, then one that waits while it indexes.
fn progress(step: &AddStep) -> Html {
    match step {
        AddStep::Reading { done, total, name } => {
            let text = match name {
                Some(name) => format!("Reading file {} of {total}: {name}…", done + 1),
                None if done < total => format!("Starting to read {total} {}…", if *total == 1 { "file" } else { "files" }),
                None => format!("Read {done} of {total} files…"),
            };
            html! { <><progress max={total.to_string()} value={done.to_string()} />{ text }</> }
        }
        AddStep::Indexing { articles } => html! {
            <><progress />{ format!("Indexing {articles} articles, finding their quotes and topics…") }</>
        },
    }
}
