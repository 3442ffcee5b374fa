//! The articles of a bundle, as the reader holds them: a whole bundle's, all built; a split
//! bundle's head's, built one by one from their stored outlines when first asked for. The
//! reader's first view of a 10,000-article archive shows a few dozen, and building all of
//! them (some ten allocations each) took most of the head's decode, before anything was drawn.

use std::cell::OnceCell;
use std::rc::Rc;

use super::outlines::Outlines;
use crate::model::Article;
use crate::search::ArticleLookup;

#[derive(Clone, Default)]
pub struct ArticleSet {
    built: Vec<OnceCell<Rc<Article>>>,
    /// Where the articles not built yet come from; none when all are.
    outlines: Option<Rc<Outlines>>,
}

impl ArticleSet {
    /// Articles built from `outlines` when first asked for.
    pub(crate) fn outlined(outlines: Outlines) -> ArticleSet {
        ArticleSet { built: (0..outlines.len()).map(|_| OnceCell::new()).collect(), outlines: Some(Rc::new(outlines)) }
    }

    pub fn len(&self) -> usize {
        self.built.len()
    }

    pub fn is_empty(&self) -> bool {
        self.built.is_empty()
    }

    /// Article `a`, built now if it was not yet.
    pub fn get(&self, a: usize) -> Option<&Rc<Article>> {
        let cell = self.built.get(a)?;
        if let Some(article) = cell.get() {
            return Some(article);
        }
        let outline = self.outlines.as_ref()?.outline(a)?;
        Some(cell.get_or_init(|| Rc::new(outline)))
    }

    /// Every article, each built as it is reached.
    pub fn iter(&self) -> impl Iterator<Item = &Rc<Article>> + '_ {
        (0..self.len()).filter_map(|a| self.get(a))
    }

    /// The index of the article with `id`, building none of them.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.built.iter().enumerate().position(|(a, cell)| match (cell.get(), &self.outlines) {
            (Some(article), _) => article.id == id,
            (None, Some(outlines)) => outlines.id(a) == Some(id),
            (None, None) => false,
        })
    }
}

impl From<Vec<Article>> for ArticleSet {
    fn from(articles: Vec<Article>) -> ArticleSet {
        ArticleSet { built: articles.into_iter().map(|a| OnceCell::from(Rc::new(a))).collect(), outlines: None }
    }
}

impl std::ops::Index<usize> for ArticleSet {
    type Output = Article;

    fn index(&self, a: usize) -> &Article {
        match self.get(a) {
            Some(article) => article,
            None => panic!("no article {a} among {}", self.len()),
        }
    }
}

impl ArticleLookup for ArticleSet {
    fn count(&self) -> usize {
        self.len()
    }

    fn article(&self, a: usize) -> Option<&Article> {
        self.get(a).map(|a| &**a)
    }

    fn position(&self, id: &str) -> Option<usize> {
        ArticleSet::position(self, id)
    }
}

/// Sets are equal when their articles are, however far each was built. (Being `Eq` too, an
/// `Rc<ArticleSet>` is equal to itself without building any: the reader's components compare
/// theirs on every render.)
impl PartialEq for ArticleSet {
    fn eq(&self, other: &ArticleSet) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl Eq for ArticleSet {}

impl std::fmt::Debug for ArticleSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ArticleSet({} articles)", self.len())
    }
}
