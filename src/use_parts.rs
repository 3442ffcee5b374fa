//! The reader's side of split bundles: ask for the parts the query and the screen need, and
//! refresh the reader when they arrive.

use std::rc::Rc;

use futures::future::{select, Either};
use gloo::timers::callback::Timeout;
use lectern_core::search::PassageKind;
use yew::platform::pinned::oneshot;
use yew::prelude::*;

use crate::library::{Library, Wanted};
use crate::parts;
use crate::state::{Action, ReaderState};
use crate::url_state::ViewState;

/// How long typing must pause before the listed results' texts are fetched: each keystroke
/// lists other results, and fetching the texts of every intermediate list would cost more
/// than all the queries' index shards together.
const RESULT_TEXTS_AFTER_MS: u32 = 150;

/// Fetch what answering the query and showing the open article need at once, and the texts
/// of the results on screen once typing pauses. Nothing for a whole bundle. Arrivals refresh
/// the reader; a failure becomes its notice. Gives the callback that hears which articles the
/// results on screen show text from (article indices; see `use_in_view`).
#[hook]
pub fn use_parts(state: &UseReducerHandle<ReaderState>) -> Callback<Vec<usize>> {
    let deps = (state.library.clone(), state.query.clone(), state.filters.clone(), state.open);
    let dispatcher = state.dispatcher();
    // Asked for while rendering, not in an effect: effects run only after the browser has laid
    // out and painted the first render (some 100 ms for an archive's first view), and these
    // fetches need not wait for that. `request` only starts fetches; nothing here renders.
    // The first render also waits for the first results' texts that the first view asked for
    // and was drawn without (arriving later, nothing else would draw them).
    use_memo(deps, move |(library, query, filters, open)| {
        let mut wanted = library.wanted(query, filters, *open);
        wanted.articles.extend(library.take_first_texts().into_iter().filter(|&a| !library.has_text(a)));
        request(library, wanted, dispatcher);
    });
    // What is on screen is kept here, not in the reader's state: the observer reports after
    // each new listing is drawn, and a render of the whole reader for each report (10-20 ms at
    // 10,000 articles, the first view's included) would change nothing on screen.
    let on_screen = use_mut_ref(Vec::<usize>::new);
    let library = use_mut_ref(|| state.library.clone());
    *library.borrow_mut() = state.library.clone();
    let pending = use_mut_ref(|| None::<Timeout>);
    let fetch_after_pause = {
        let (on_screen, dispatcher) = (on_screen.clone(), state.dispatcher());
        Rc::new(move || {
            let library = library.borrow().clone();
            let wanted = Wanted { articles: library.missing_texts(on_screen.borrow().iter().copied()), ..Wanted::default() };
            let dispatcher = dispatcher.clone();
            // Replacing the timer cancels the one before.
            *pending.borrow_mut() = (!wanted.articles.is_empty())
                .then(|| Timeout::new(RESULT_TEXTS_AFTER_MS, move || request(&library, wanted, dispatcher)));
        })
    };
    {
        // Each keystroke restarts the wait, even when it leaves the same results on screen;
        // arrivals count again what is missing.
        let fetch_after_pause = fetch_after_pause.clone();
        use_effect_with((state.library.clone(), state.query.clone()), move |_| fetch_after_pause());
    }
    Callback::from(move |articles: Vec<usize>| {
        *on_screen.borrow_mut() = articles;
        fetch_after_pause();
    })
}

/// How long a split bundle's first view waits for the parts it needs (the query's shards, the
/// open article's text, the texts of the first results) before it is drawn without them.
/// Drawn once, complete, it costs one render and layout instead of several, and the parts'
/// arrival is not held up behind the first; on a slow network, the article list and outline
/// still show after this long.
const FIRST_VIEW_WAIT_MS: u32 = 150;

/// Results whose texts the first view fetches before it is drawn: as many as a wide window
/// shows. (Later, the results on screen are fetched once typing pauses.)
const FIRST_VIEW_RESULT_TEXTS: usize = 6;

/// Fetch what the first view of `library` in `view` needs, and wait for it a little: the
/// query's shards and the open article's text, then the texts of the first results. The
/// message of a part that failed (the reader shows it as its first notice: those parts are
/// not asked for again, so nothing later would say why they are missing).
pub async fn first_view_parts(library: &Rc<Library>, view: ViewState) -> Option<String> {
    let state = ReaderState::new(library.clone(), view);
    let (expire, mut deadline) = oneshot::channel::<()>();
    let _timer = Timeout::new(FIRST_VIEW_WAIT_MS, move || {
        let _ = expire.send(());
    });
    let wanted = library.wanted(&state.query, &state.filters, state.open);
    let searching = !state.query.trim().is_empty() || !state.filters.is_empty();
    match wait_before(ask(library, wanted), &mut deadline).await {
        Some(Ok(())) if searching => {}
        Some(Err(message)) => return Some(message),
        _ => return None,
    }
    // The reader searches again to draw: without filters, only the first hits are needed here.
    let (hits, answer) = if state.filters.is_empty() {
        (library.best_hits(&state.query, FIRST_VIEW_RESULT_TEXTS)?, None)
    } else {
        let answer = library.answer(&state.query, &state.filters)?;
        (answer.hits.clone(), Some(answer))
    };
    let with_text = hits.iter().take(FIRST_VIEW_RESULT_TEXTS).filter_map(|hit| library.passage(hit.passage));
    // Titles are in the head; headings and paragraphs come with their article's text.
    let articles = with_text.filter(|p| p.kind != PassageKind::Title).map(|p| p.article as usize);
    let texts = library.missing_texts(articles);
    let arriving = ask(library, Wanted { articles: texts.clone(), ..Wanted::default() });
    library.keep_first_texts(texts.clone());
    // While the texts are on their way, the whole answer (with its filter counts, some 7 ms
    // at 10,000 articles) for the reader's first render, which would otherwise search again.
    let mut answer = answer.or_else(|| library.answer(&state.query, &state.filters))?;
    let outcome = wait_before(arriving, &mut deadline).await;
    // Its section filter was labelled from the outlines of articles whose texts came since.
    texts.iter().filter(|&&a| library.has_text(a)).for_each(|&a| answer.relabel_sections(&library.article(a)));
    library.keep_answer(&state.query, &state.filters, answer);
    outcome?.err()
}

/// Fetch `wanted`: what hears its outcome, none when there is nothing to wait for.
fn ask(library: &Rc<Library>, wanted: Wanted) -> Option<oneshot::Receiver<Result<(), String>>> {
    let (done, arrived) = oneshot::channel::<Result<(), String>>();
    let send = move |outcome| {
        let _ = done.send(outcome);
    };
    parts::request(library, wanted, send).then_some(arrived)
}

/// Wait until what was asked for has arrived or failed (its outcome; at once if nothing was)
/// or `deadline` passes (none).
async fn wait_before(asked: Option<oneshot::Receiver<Result<(), String>>>, deadline: &mut oneshot::Receiver<()>) -> Option<Result<(), String>> {
    let Some(arrived) = asked else { return Some(Ok(())) };
    match select(arrived, deadline).await {
        Either::Left((outcome, _)) => Some(outcome.unwrap_or(Ok(()))),
        Either::Right(_) => None,
    }
}

/// Fetch the topic filter's table: the reader opened that filter.
pub fn fetch_passage_topics(state: &UseReducerHandle<ReaderState>) {
    request(&state.library, Wanted { passage_topics: true, ..Wanted::default() }, state.dispatcher());
}

fn request(library: &Rc<Library>, wanted: Wanted, dispatcher: UseReducerDispatcher<ReaderState>) {
    let refreshed = library.clone();
    let _ = parts::request(library, wanted, move |outcome| {
        dispatcher.dispatch(Action::Refresh(Rc::new(refreshed.refreshed())));
        if let Err(message) = outcome {
            dispatcher.dispatch(Action::PartsFailed(message));
        }
    });
}
