use std::rc::Rc;

use lectern_core::quotes::export::json_string;
use yew::prelude::*;

use super::bridge::{Bridge, Command};
use crate::state::{Action, ReaderState};
use crate::url_state::ViewState;

/// Connect an embedded reader to its page: take its commands, say `lectern:ready` once it has
/// rendered, and `lectern:change` whenever what it shows changes. Without a bridge (the
/// standalone site) this does nothing.
#[hook]
pub fn use_bridge(state: &UseReducerHandle<ReaderState>, bridge: Option<Rc<Bridge>>, matches: Option<usize>) {
    let view = state.view();
    let articles = state.library.articles.len();
    let told = use_mut_ref(|| None::<(ViewState, Option<usize>)>);
    {
        let bridge = bridge.clone();
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            if let Some(bridge) = &bridge {
                bridge.listen(Callback::from(move |command| {
                    dispatcher.dispatch(match command {
                        Command::SetQuery(q) => Action::SetQuery(q),
                        Command::Open(id) => Action::Open(id),
                    })
                }));
            }
        });
    }
    use_effect_with((view, matches), move |(view, matches)| {
        let Some(bridge) = bridge else { return };
        let first = told.borrow().is_none();
        let detail = detail_json(view, *matches, articles);
        *told.borrow_mut() = Some((view.clone(), *matches));
        bridge.emit(if first { "lectern:ready" } else { "lectern:change" }, &detail);
    });
}

/// `{"articles": 2, "query": "gas", "article": "001_x", "filters": [{"kind": "topic", "value":
/// "Moscow"}], "matches": 12}`; `matches` is null when nothing is being searched for.
pub fn detail_json(view: &ViewState, matches: Option<usize>, articles: usize) -> String {
    let filters: Vec<String> = view
        .filters
        .iter()
        .map(|f| format!("{{\"kind\":{},\"value\":{}}}", json_string(f.kind.key()), json_string(&f.value)))
        .collect();
    format!(
        "{{\"articles\":{articles},\"query\":{},\"article\":{},\"filters\":[{}],\"matches\":{}}}",
        json_string(&view.query),
        view.article.as_deref().map_or_else(|| "null".to_string(), json_string),
        filters.join(","),
        matches.map_or_else(|| "null".to_string(), |n| n.to_string()),
    )
}

#[cfg(test)]
mod tests {
    use lectern_core::search::Filter;

    use super::*;

    #[test]
    fn detail_is_json_with_every_field() {
        let view = ViewState {
            query: "“gas”".into(),
            filters: vec![Filter::topic("Moscow")],
            article: Some("001_x".into()),
            passage: None,
        };
        assert_eq!(
            detail_json(&view, Some(3), 2),
            "{\"articles\":2,\"query\":\"“gas”\",\"article\":\"001_x\",\"filters\":[{\"kind\":\"topic\",\"value\":\"Moscow\"}],\"matches\":3}"
        );
        assert!(detail_json(&ViewState::default(), None, 0).ends_with("\"article\":null,\"filters\":[],\"matches\":null}"));
    }
}
