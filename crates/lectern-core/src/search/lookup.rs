//! What answering a query asks of the articles themselves: how many there are, an article's
//! id, title and headings (to name filter values), and which article has an id. A slice of
//! articles answers it; so does a split bundle's reader, which builds an article's outline
//! only when one is asked for (the filters name at most a few dozen of them).

use crate::model::Article;

pub trait ArticleLookup {
    fn count(&self) -> usize;

    /// Article `a`; an outline will do (a heading whose text is still to come is empty).
    fn article(&self, a: usize) -> Option<&Article>;

    /// The index of the article with `id`.
    fn position(&self, id: &str) -> Option<usize> {
        (0..self.count()).find(|&a| self.article(a).is_some_and(|article| article.id == id))
    }
}

impl<A: AsRef<Article>> ArticleLookup for [A] {
    fn count(&self) -> usize {
        self.len()
    }

    fn article(&self, a: usize) -> Option<&Article> {
        self.get(a).map(AsRef::as_ref)
    }
}

impl<A: AsRef<Article>> ArticleLookup for Vec<A> {
    fn count(&self) -> usize {
        self.len()
    }

    fn article(&self, a: usize) -> Option<&Article> {
        self.get(a).map(AsRef::as_ref)
    }
}
