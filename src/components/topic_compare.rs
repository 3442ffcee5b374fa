use std::rc::Rc;

use lectern_core::topics::view::compare;
use lectern_core::topics::Topics;
use yew::prelude::*;

use crate::library::Library;

#[derive(Properties, PartialEq)]
pub struct TopicCompareProps {
    pub library: Rc<Library>,
    pub topics: Rc<Topics>,
    pub compared: (usize, usize),
    pub on_choose: Callback<(bool, usize)>,
    pub on_pick: Callback<String>,
}

/// Two articles side by side: the topics both cover, and those only one of them covers.
#[component]
pub fn TopicCompare(props: &TopicCompareProps) -> Html {
    let lib = &props.library;
    let n = lib.articles.len();
    let (a, b) = (props.compared.0.min(n.saturating_sub(1)), props.compared.1.min(n.saturating_sub(1)));
    if n < 2 {
        return html! { <p class="lectern-quotes-none">{ "Comparing needs two articles." }</p> };
    }
    let c = compare(&lib.article_map(a), &lib.article_map(b));
    let chooser = |first: bool, chosen: usize| {
        let on_choose = props.on_choose.clone();
        let onchange = Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            if let Ok(i) = value.parse() {
                on_choose.emit((first, i));
            }
        });
        html! {
            <label class="lectern-compare-choice">
                <span>{ if first { "First article" } else { "Second article" } }</span>
                <select {onchange}>
                    for (i, art) in lib.articles.iter().enumerate() {
                        <option value={i.to_string()} selected={i == chosen}>{ &art.title }</option>
                    }
                </select>
            </label>
        }
    };
    let item = |t: u32, counts: String| {
        let label = props.topics.label(t).to_string();
        let pick = props.on_pick.reform({ let label = label.clone(); move |_: MouseEvent| label.clone() });
        html! {
            <li key={label.clone()}>
                <button type="button" class="lectern-plain-button lectern-topic-pick" onclick={pick}>{ &label }</button>
                <span class="lectern-compare-count">{ counts }</span>
            </li>
        }
    };
    html! {
        <div class="lectern-compare">
            { chooser(true, a) }
            { chooser(false, b) }
            <div class="lectern-compare-columns">
                <section aria-label="Only in the first article">
                    <h3>{ format!("Only in the first ({})", c.only_a.len()) }</h3>
                    <ul>for (t, n) in c.only_a.iter().copied() { { item(t, n.to_string()) } }</ul>
                </section>
                <section aria-label="In both articles">
                    <h3>{ format!("In both ({})", c.both.len()) }</h3>
                    <ul>for (t, x, y) in c.both.iter().copied() { { item(t, format!("{x} · {y}")) } }</ul>
                </section>
                <section aria-label="Only in the second article">
                    <h3>{ format!("Only in the second ({})", c.only_b.len()) }</h3>
                    <ul>for (t, n) in c.only_b.iter().copied() { { item(t, n.to_string()) } }</ul>
                </section>
            </div>
        </div>
    }
}
