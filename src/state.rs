//! The reader's state and every way it can change. Components only render this and dispatch
//! actions, so behaviour is tested here, natively, without a browser.

use std::rc::Rc;

use lectern_core::Article;
use yew::Reducible;

pub type Articles = Rc<Vec<Rc<Article>>>;

#[derive(Debug, Clone, PartialEq)]
pub struct ReaderState {
    pub articles: Articles,
    /// Index of the open article; `None` only when there are no articles.
    pub open: Option<usize>,
    /// Something the reader asked for that could not be done (a link to a missing article).
    pub notice: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Open an article by id (a click, a link, the browser's back button).
    Open(String),
    /// Open the first article, as on arrival without a link.
    OpenFirst,
    DismissNotice,
}

impl ReaderState {
    /// Start with the article `wanted` open (from a link), or the first one.
    pub fn new(articles: Articles, wanted: Option<&str>) -> Self {
        let start = ReaderState { open: (!articles.is_empty()).then_some(0), articles, notice: None };
        match wanted {
            Some(id) => start.opened(id),
            None => start,
        }
    }

    pub fn open_article(&self) -> Option<&Rc<Article>> {
        self.open.and_then(|i| self.articles.get(i))
    }

    fn opened(&self, id: &str) -> Self {
        match self.articles.iter().position(|a| a.id == id) {
            Some(i) => ReaderState { open: Some(i), notice: None, ..self.clone() },
            None => ReaderState {
                notice: Some(format!("There is no article “{id}” here; showing the first article instead.")),
                open: (!self.articles.is_empty()).then_some(0),
                ..self.clone()
            },
        }
    }
}

impl Reducible for ReaderState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = match action {
            Action::Open(id) => self.opened(&id),
            Action::OpenFirst => ReaderState { open: (!self.articles.is_empty()).then_some(0), notice: None, ..(*self).clone() },
            Action::DismissNotice => ReaderState { notice: None, ..(*self).clone() },
        };
        // Same state, same Rc: Yew skips the re-render.
        if next == *self { self } else { Rc::new(next) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn articles(ids: &[&str]) -> Articles {
        Rc::new(
            ids.iter()
                .map(|id| {
                    Rc::new(Article {
                        id: id.to_string(),
                        file: format!("{id}.txt"),
                        title: id.to_uppercase(),
                        byline: None,
                        date: None,
                        source: None,
                        url: None,
                        sections: Vec::new(),
                        quotes: Vec::new(),
                    })
                })
                .collect(),
        )
    }

    #[test]
    fn opens_the_first_article_or_the_linked_one() {
        assert_eq!(ReaderState::new(articles(&["a", "b"]), None).open, Some(0));
        assert_eq!(ReaderState::new(articles(&["a", "b"]), Some("b")).open, Some(1));
        assert_eq!(ReaderState::new(articles(&[]), None).open, None);
    }

    #[test]
    fn a_link_to_a_missing_article_explains_itself_and_keeps_reading() {
        let s = ReaderState::new(articles(&["a", "b"]), Some("zzz"));
        assert_eq!(s.open, Some(0));
        assert!(s.notice.as_deref().unwrap().contains("“zzz”"));
        let s = Rc::new(s).reduce(Action::DismissNotice);
        assert_eq!(s.notice, None);
    }

    #[test]
    fn opening_changes_the_article_and_clears_the_notice() {
        let s = Rc::new(ReaderState::new(articles(&["a", "b"]), Some("nope")));
        let s = s.reduce(Action::Open("b".into()));
        assert_eq!((s.open, s.notice.clone()), (Some(1), None));
        assert_eq!(s.reduce(Action::OpenFirst).open, Some(0));
    }

    #[test]
    fn an_action_that_changes_nothing_keeps_the_same_state() {
        let s = Rc::new(ReaderState::new(articles(&["a", "b"]), None));
        let same = s.clone().reduce(Action::Open("a".into()));
        assert!(Rc::ptr_eq(&s, &same));
    }
}
