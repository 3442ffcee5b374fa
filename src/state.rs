//! The reader's state and every way it can change. Components only render this and dispatch
//! actions, so behaviour is tested here, natively, without a browser. Search results are not
//! stored: they follow from the query and filters (see `components::reader`).

use std::rc::Rc;

use lectern_core::search::Filter;
use lectern_core::Article;
use yew::Reducible;

use crate::library::Library;
use crate::url_state::ViewState;

/// Results listed at first, and added by each "Show more": enough to choose from, few enough
/// to re-render on every keystroke.
pub const RESULTS_PAGE: usize = 30;
/// In a split bundle each listed result may fetch its article's text: fewer at a time.
pub const SPLIT_RESULTS_PAGE: usize = 10;

fn results_page(library: &Library) -> usize {
    if library.parts.is_some() { SPLIT_RESULTS_PAGE } else { RESULTS_PAGE }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReaderState {
    pub library: Rc<Library>,
    /// Index of the open article; `None` only when there are no articles.
    pub open: Option<usize>,
    pub query: String,
    pub filters: Vec<Filter>,
    /// The passage the reader jumped to (from a result or a link).
    pub focus: Option<u32>,
    /// Which of the open article's marked matches is current (Enter / Shift+Enter).
    pub current_match: Option<usize>,
    /// How many results are listed; more on request.
    pub shown_results: usize,
    /// Something the reader asked for that could not be done (a link to a missing article).
    pub notice: Option<String>,
    /// The open article's quotation the reader chose in the quotes panel (its index).
    pub focus_quote: Option<usize>,
    /// The quotes panel lists every article's quotations, not only the open one's.
    pub all_quotes: bool,
    /// Which side panel is showing.
    pub panel: Panel,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Panel {
    Quotes,
    Topics,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Open an article by id, at its top.
    Open(String),
    /// Open the article holding a passage, scrolled to it (a result was chosen).
    OpenPassage(u32),
    SetQuery(String),
    ShowMoreResults,
    ToggleFilter(Filter),
    RemoveFilter(Filter),
    /// Move to the next (or previous) of `total` matches in the open article; `from` is where
    /// to start when no match is current yet.
    StepMatch { forward: bool, total: usize, from: usize },
    /// Show what a URL describes (arrival, back, forward).
    Restore(ViewState),
    DismissNotice,
    /// Open article `article` at its quotation `quote`, emphasised.
    OpenQuote { article: usize, quote: usize },
    /// Quotes panel scope: every article (true) or the open one.
    ShowAllQuotes(bool),
    ShowPanel(Panel),
    /// The set of articles changed (the reader added or removed some): keep the open article
    /// if it is still there, or open `reveal` (an article just added).
    Replace { library: Rc<Library>, reveal: Option<String> },
    /// Parts of a split bundle arrived: the same articles, with more text and index loaded.
    /// Ignored if the reader has moved on to another set of articles meanwhile.
    Refresh(Rc<Library>),
    /// Parts of a split bundle could not be fetched: say so, keep what is shown.
    PartsFailed(String),
}

impl ReaderState {
    pub fn new(library: Rc<Library>, view: ViewState) -> Self {
        let start = ReaderState {
            open: (!library.articles.is_empty()).then_some(0),
            shown_results: results_page(&library),
            library,
            query: String::new(),
            filters: Vec::new(),
            focus: None,
            current_match: None,
            notice: None,
            focus_quote: None,
            all_quotes: false,
            panel: Panel::Quotes,
        };
        start.restored(view)
    }

    /// The open article, with its text once a split bundle's part for it has arrived.
    pub fn open_article(&self) -> Option<Rc<Article>> {
        self.open.filter(|&i| i < self.library.articles.len()).map(|i| self.library.article(i))
    }

    /// What the URL should say.
    pub fn view(&self) -> ViewState {
        ViewState {
            query: self.query.clone(),
            filters: self.filters.clone(),
            article: self.open_article().map(|a| a.id.clone()),
            passage: self.focus,
        }
    }

    fn opened(&self, id: &str) -> Self {
        let first = (!self.library.articles.is_empty()).then_some(0);
        match self.library.position(id) {
            Some(i) => ReaderState {
                open: Some(i),
                focus: None,
                focus_quote: None,
                current_match: None,
                notice: None,
                ..self.clone()
            },
            None => ReaderState {
                notice: Some(format!("There is no article “{id}” here; showing the first article instead.")),
                open: first,
                focus: None,
                focus_quote: None,
                current_match: None,
                ..self.clone()
            },
        }
    }

    fn at_passage(&self, passage: u32) -> Self {
        match self.library.passage(passage) {
            Some(p) => ReaderState {
                open: Some(p.article as usize),
                focus: Some(passage),
                focus_quote: None,
                current_match: None,
                notice: None,
                ..self.clone()
            },
            None => self.clone(),
        }
    }

    fn restored(&self, view: ViewState) -> Self {
        let base = ReaderState { query: view.query, filters: view.filters, ..self.clone() };
        let base = match &view.article {
            Some(id) => base.opened(id),
            None => ReaderState { open: (!base.library.articles.is_empty()).then_some(0), focus: None, ..base },
        };
        // A passage from another article than the one named is a damaged link: ignore it.
        match view.passage.and_then(|p| base.library.passage(p).map(|x| (p, x.article as usize))) {
            Some((p, article)) if view.article.is_none() || base.open == Some(article) => base.at_passage(p),
            _ => base,
        }
    }
}

impl Reducible for ReaderState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = match action {
            Action::Open(id) => self.opened(&id),
            Action::OpenPassage(p) => self.at_passage(p),
            Action::SetQuery(query) => {
                ReaderState { query, current_match: None, shown_results: results_page(&self.library), ..(*self).clone() }
            }
            Action::ShowMoreResults => {
                ReaderState { shown_results: self.shown_results + results_page(&self.library), ..(*self).clone() }
            }
            Action::ToggleFilter(filter) => {
                let mut filters = self.filters.clone();
                match filters.iter().position(|f| *f == filter) {
                    Some(i) => drop(filters.remove(i)),
                    None => filters.push(filter),
                }
                ReaderState { filters, current_match: None, ..(*self).clone() }
            }
            Action::RemoveFilter(filter) => ReaderState {
                filters: self.filters.iter().filter(|f| **f != filter).cloned().collect(),
                current_match: None,
                ..(*self).clone()
            },
            Action::StepMatch { forward, total, from } => ReaderState {
                current_match: step(self.current_match, forward, total, from),
                ..(*self).clone()
            },
            Action::Restore(view) => self.restored(view),
            Action::DismissNotice => ReaderState { notice: None, ..(*self).clone() },
            Action::OpenQuote { article, quote } => match self.library.quote_passage(article, quote) {
                Some(p) => ReaderState { focus_quote: Some(quote), ..self.at_passage(p) },
                None => (*self).clone(),
            },
            Action::ShowAllQuotes(all) => ReaderState { all_quotes: all, ..(*self).clone() },
            Action::ShowPanel(panel) => ReaderState { panel, ..(*self).clone() },
            Action::Replace { library, reveal } => {
                let keep = reveal.or_else(|| self.open_article().map(|a| a.id.clone()));
                let open = keep.and_then(|id| library.position(&id)).or((!library.articles.is_empty()).then_some(0));
                // Passage numbers belong to the old index: forget the ones held.
                ReaderState { library, open, focus: None, focus_quote: None, current_match: None, ..(*self).clone() }
            }
            Action::Refresh(library) if library.same_source(&self.library) => ReaderState { library, ..(*self).clone() },
            Action::Refresh(_) => (*self).clone(),
            Action::PartsFailed(message) => ReaderState { notice: Some(message), ..(*self).clone() },
        };
        // Same state, same Rc: Yew skips the re-render.
        if next == *self { self } else { Rc::new(next) }
    }
}

/// The next match index, wrapping around; `from` is used when none is current yet.
fn step(current: Option<usize>, forward: bool, total: usize, from: usize) -> Option<usize> {
    if total == 0 {
        return None;
    }
    Some(match (current, forward) {
        (None, true) => from.min(total - 1),
        (None, false) => from.checked_sub(1).unwrap_or(total - 1).min(total - 1),
        (Some(i), true) => (i + 1) % total,
        (Some(i), false) => (i + total - 1) % total,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use lectern_core::search::FilterKind;
    use lectern_core::{ingest, SourceFile};

    fn library() -> Rc<Library> {
        let read = |name: &str, text: &str| {
            ingest(&SourceFile::new(name, text.as_bytes().to_vec())).unwrap()
        };
        Rc::new(Library::from_articles(vec![
            read("a.txt", "First\n\nThe gas pipeline opened on Monday, officials said.\n"),
            read("b.txt", "Second\n\nThe weather was fine, and the gas was cheap, they said.\n"),
        ]))
    }

    fn state(view: ViewState) -> Rc<ReaderState> {
        Rc::new(ReaderState::new(library(), view))
    }

    fn link(article: &str) -> ViewState {
        ViewState { article: Some(article.into()), ..Default::default() }
    }

    #[test]
    fn opens_the_first_article_or_the_linked_one() {
        assert_eq!(state(ViewState::default()).open, Some(0));
        assert_eq!(state(link("b")).open, Some(1));
        let empty = ReaderState::new(Rc::new(Library::from_articles(vec![])), ViewState::default());
        assert_eq!(empty.open, None);
    }

    #[test]
    fn a_link_to_a_missing_article_explains_itself_and_keeps_reading() {
        let s = state(link("zzz"));
        assert_eq!(s.open, Some(0));
        assert!(s.notice.as_deref().unwrap().contains("“zzz”"));
        assert_eq!(s.reduce(Action::DismissNotice).notice, None);
    }

    #[test]
    fn choosing_a_result_opens_its_article_at_the_passage() {
        let s = state(ViewState::default()).reduce(Action::OpenPassage(3));
        assert_eq!((s.open, s.focus), (Some(1), Some(3)));
        let s = s.reduce(Action::Open("a".into()));
        assert_eq!((s.open, s.focus), (Some(0), None));
        assert_eq!(s.clone().reduce(Action::OpenPassage(999)), s, "unknown passages change nothing");
    }

    #[test]
    fn filters_toggle_and_remove() {
        let gas = Filter { kind: FilterKind::Article, value: "a".into() };
        let s = state(ViewState::default()).reduce(Action::ToggleFilter(gas.clone()));
        assert_eq!(s.filters, std::slice::from_ref(&gas));
        assert!(s.clone().reduce(Action::ToggleFilter(gas.clone())).filters.is_empty());
        assert!(s.reduce(Action::RemoveFilter(gas)).filters.is_empty());
    }

    #[test]
    fn more_results_on_request_and_a_new_query_starts_over() {
        let s = state(ViewState::default()).reduce(Action::ShowMoreResults);
        assert_eq!(s.shown_results, 2 * RESULTS_PAGE);
        assert_eq!(s.reduce(Action::SetQuery("gas".into())).shown_results, RESULTS_PAGE);
    }

    #[test]
    fn stepping_through_matches_wraps_around() {
        let s = state(ViewState::default());
        let step = |s: Rc<ReaderState>, forward| s.reduce(Action::StepMatch { forward, total: 3, from: 1 });
        let s = step(s, true);
        assert_eq!(s.current_match, Some(1));
        let s = step(step(s, true), true);
        assert_eq!(s.current_match, Some(0));
        assert_eq!(step(s, false).current_match, Some(2));
        let none = state(ViewState::default()).reduce(Action::StepMatch { forward: true, total: 0, from: 0 });
        assert_eq!(none.current_match, None);
    }

    #[test]
    fn the_view_round_trips_through_the_url_state() {
        let view = ViewState {
            query: "gas".into(),
            filters: vec![Filter { kind: FilterKind::Article, value: "b".into() }],
            article: Some("b".into()),
            passage: Some(3),
        };
        assert_eq!(state(view.clone()).view(), view);
        let restored = state(ViewState::default()).reduce(Action::Restore(view.clone()));
        assert_eq!(restored.view(), view);
    }

    #[test]
    fn a_passage_from_another_article_is_ignored() {
        let s = state(ViewState { article: Some("a".into()), passage: Some(3), ..Default::default() });
        assert_eq!((s.open, s.focus), (Some(0), None));
    }

    #[test]
    fn choosing_a_quotation_opens_its_article_at_it() {
        let lib = Rc::new(Library::from_articles(vec![
            ingest(&SourceFile::new("a.txt", b"First\n\nNothing here.\n".to_vec())).unwrap(),
            ingest(&SourceFile::new("q.txt", "Quoted\n\nIntro.\n\n\u{201c}We will go,\u{201d} said Ana Ruiz.\n"))
            .unwrap(),
        ]));
        let s = Rc::new(ReaderState::new(lib.clone(), ViewState::default()));
        let s = s.reduce(Action::OpenQuote { article: 1, quote: 0 });
        assert_eq!((s.open, s.focus_quote), (Some(1), Some(0)));
        assert_eq!(lib.text(lib.passage(s.focus.unwrap()).unwrap()), "“We will go,” said Ana Ruiz.");
        assert_eq!(s.clone().reduce(Action::OpenQuote { article: 1, quote: 5 }), s, "no such quotation");
        assert_eq!(s.reduce(Action::Open("a".into())).focus_quote, None);
    }

    #[test]
    fn an_action_that_changes_nothing_keeps_the_same_state() {
        let s = state(ViewState::default());
        let same = s.clone().reduce(Action::Open("a".into()));
        assert!(Rc::ptr_eq(&s, &same));
    }

    #[test]
    fn a_refresh_keeps_everything_but_only_for_the_same_articles() {
        let s = state(ViewState { query: "gas".into(), ..link("b") }).reduce(Action::OpenPassage(3));
        let refreshed = s.clone().reduce(Action::Refresh(Rc::new(s.library.refreshed())));
        assert!(!Rc::ptr_eq(&refreshed.library, &s.library));
        assert_eq!((refreshed.open, refreshed.focus, &refreshed.query), (s.open, s.focus, &s.query));
        let other = s.clone().reduce(Action::Refresh(library()));
        assert!(Rc::ptr_eq(&other.library, &s.library));
        let failed = s.reduce(Action::PartsFailed("Could not load".into()));
        assert_eq!(failed.notice.as_deref(), Some("Could not load"));
    }

    #[test]
    fn a_changed_set_keeps_the_open_article_and_the_query_or_reveals_an_added_one() {
        let s = state(link("b")).reduce(Action::SetQuery("gas".into())).reduce(Action::OpenPassage(3));
        let read = |name: &str, text: &str| ingest(&SourceFile::new(name, text.as_bytes().to_vec())).unwrap();
        let mut articles: Vec<_> = s.library.articles.iter().map(|a| (**a).clone()).collect();
        articles.insert(0, read("c.txt", "Third\n\nA new article about gas.\n"));
        let bigger = Rc::new(Library::from_articles(articles));
        let kept = s.clone().reduce(Action::Replace { library: bigger.clone(), reveal: None });
        assert_eq!(kept.open_article().unwrap().id, "b");
        assert_eq!((kept.query.as_str(), kept.focus), ("gas", None));
        let shown = s.reduce(Action::Replace { library: bigger, reveal: Some("c".into()) });
        assert_eq!(shown.open_article().unwrap().id, "c");
        let gone = shown.reduce(Action::Replace { library: library(), reveal: None });
        assert_eq!(gone.open, Some(0));
    }
}
