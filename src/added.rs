//! Articles a reader adds in the browser (dropped or chosen files): checked, parsed by the same
//! core as the build, kept with their text so a reload (or a newer Lectern) parses them again.
//! The set changes only through [`AddedSet`]'s reducer, tested natively.

use std::rc::Rc;

use lectern_core::{files, ingest, Article, SourceFile};
use yew::Reducible;

use crate::library::Library;

/// Larger files are refused: a 20 MB "article" is a mistake, and would stall the page.
pub const MAX_FILE_BYTES: f64 = 5.0 * 1024.0 * 1024.0;

/// One added file: what is stored, and the article parsed from it.
#[derive(Debug, Clone, PartialEq)]
pub struct Added {
    pub name: String,
    pub text: String,
    pub article: Rc<Article>,
}

/// Why a file is not even read, from its name and size alone.
pub fn refusal(name: &str, size: f64) -> Option<String> {
    if !files::is_article_file(std::path::Path::new(name)) {
        return Some(format!("{name} is not a .txt or .md file, so it was not added."));
    }
    if size > MAX_FILE_BYTES {
        return Some(format!(
            "{name} is {:.1} MB; files over {:.0} MB are not added.",
            size / (1024.0 * 1024.0),
            MAX_FILE_BYTES / (1024.0 * 1024.0)
        ));
    }
    None
}

/// Parse a file's bytes as the build would; the message names the file and the reason.
pub fn read(name: &str, bytes: Vec<u8>) -> Result<Added, String> {
    let file = SourceFile { name: name.to_string(), bytes };
    let article = ingest(&file).map_err(|e| format!("{e}."))?;
    // What is stored is the text, not the parse: a later Lectern reads it afresh.
    let text = String::from_utf8_lossy(&file.bytes).into_owned();
    Ok(Added { name: name.to_string(), text, article: Rc::new(article) })
}

/// The articles to show: the loaded ones, then the added ones (ids made unique).
pub fn combine(base: &Library, added: &[Added]) -> Library {
    let mut articles: Vec<Article> = base.articles.iter().map(|a| (**a).clone()).collect();
    for a in added {
        lectern_core::push_unique(&mut articles, (*a.article).clone());
    }
    Library::from_articles(articles)
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct AddedSet {
    pub files: Vec<Added>,
    /// Files read so far and in all, while adding.
    pub progress: Option<(usize, usize)>,
    /// One line per file that could not be added.
    pub problems: Vec<String>,
    /// Why added articles will not outlive the page, when storage is unavailable or full.
    pub not_kept: Option<String>,
    /// Bumped on every change of `files`: the reader's library is rebuilt when it moves.
    pub revision: u32,
    /// The article to open after the change (the first one just added).
    pub reveal: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum AddAction {
    /// Files read back from storage at start.
    Restored { files: Vec<Added>, problems: Vec<String> },
    Started { total: usize },
    Progress { done: usize },
    /// A batch finished: what was read, and what was not.
    Finished { files: Vec<Added>, problems: Vec<String> },
    Remove(String),
    NotKept(String),
    DismissProblems,
}

impl Reducible for AddedSet {
    type Action = AddAction;

    fn reduce(self: Rc<Self>, action: AddAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            AddAction::Restored { files, problems } => {
                next.problems = problems;
                next.reveal = None;
                merge(&mut next, files);
            }
            AddAction::Started { total } => {
                next.progress = Some((0, total));
                next.problems.clear();
            }
            AddAction::Progress { done } => next.progress = next.progress.map(|(_, total)| (done, total)),
            AddAction::Finished { files, problems } => {
                next.progress = None;
                next.problems = problems;
                next.reveal = files.first().map(|f| f.article.id.clone());
                merge(&mut next, files);
            }
            AddAction::Remove(name) => {
                let before = next.files.len();
                next.files.retain(|f| f.name != name);
                if next.files.len() != before {
                    next.revision += 1;
                    next.reveal = None;
                }
            }
            AddAction::NotKept(why) => next.not_kept = Some(why),
            AddAction::DismissProblems => next.problems.clear(),
        }
        if next == *self { self } else { Rc::new(next) }
    }
}

/// Add `files`, a file of the same name replacing the earlier one (it is a newer copy).
fn merge(set: &mut AddedSet, files: Vec<Added>) {
    if files.is_empty() {
        return;
    }
    for file in files {
        set.files.retain(|f| f.name != file.name);
        set.files.push(file);
    }
    set.revision += 1;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str, text: &str) -> Added {
        read(name, text.as_bytes().to_vec()).unwrap()
    }

    #[test]
    fn names_and_sizes_are_checked_before_reading() {
        assert!(refusal("notes.md", 1000.0).is_none());
        assert!(refusal("photo.png", 10.0).unwrap().contains("not a .txt or .md file"));
        assert!(refusal("huge.txt", 20.0 * 1024.0 * 1024.0).unwrap().contains("20.0 MB; files over 5 MB"));
    }

    #[test]
    fn bad_bytes_are_refused_with_the_reason() {
        assert!(read("x.txt", vec![0, 1, 2, 3]).unwrap_err().contains("binary"));
        assert!(read("x.txt", b"Caf\xe9\n\nText.\n".to_vec()).unwrap_err().contains("UTF-8"));
        assert!(read("x.txt", Vec::new()).unwrap_err().contains("x.txt"));
    }

    #[test]
    fn adding_replacing_and_removing() {
        let set = Rc::new(AddedSet::default());
        let set = set.reduce(AddAction::Started { total: 2 }).reduce(AddAction::Progress { done: 1 });
        assert_eq!(set.progress, Some((1, 2)));
        let set = set.reduce(AddAction::Finished {
            files: vec![file("a.txt", "Alpha\n\nOne.\n"), file("b.txt", "Beta\n\nTwo.\n")],
            problems: vec!["c.png is not a .txt or .md file, so it was not added.".into()],
        });
        assert_eq!((set.files.len(), set.progress, set.revision), (2, None, 1));
        assert_eq!(set.reveal.as_deref(), Some("a"));
        assert_eq!(set.problems.len(), 1);
        let set = set.reduce(AddAction::Finished { files: vec![file("a.txt", "Alpha Two\n\nNew.\n")], problems: vec![] });
        assert_eq!(set.files.iter().map(|f| f.article.title.as_str()).collect::<Vec<_>>(), ["Beta", "Alpha Two"]);
        let set = set.reduce(AddAction::Remove("b.txt".into()));
        assert_eq!((set.files.len(), set.revision), (1, 3));
        let same = set.clone().reduce(AddAction::Remove("nope.txt".into()));
        assert!(Rc::ptr_eq(&set, &same));
    }

    #[test]
    fn combined_library_has_both_and_unique_ids() {
        let base = Library::from_articles(vec![(*file("a.txt", "Alpha\n\nOne.\n").article).clone()]);
        let both = combine(&base, &[file("a.txt", "Other Alpha\n\nTwo.\n")]);
        let ids: Vec<&str> = both.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids.len(), 2);
        assert_ne!(ids[0], ids[1]);
    }
}
