//! Articles a reader adds in the browser (dropped or chosen files). A worker reads them with the
//! core and builds the combined library (src/ingest_worker.rs); what is kept is each file's text,
//! so a reload (or a newer Lectern) parses it afresh. The set changes only through
//! [`AddedSet`]'s reducer, tested natively.

use std::rc::Rc;

use lectern_core::adding::{AddJob, AddStep, AddedFile, FileToAdd};
use yew::Reducible;

use crate::library::Library;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct AddedSet {
    pub files: Vec<AddedFile>,
    /// The loaded articles with the added ones; none while nothing is added.
    pub library: Option<Rc<Library>>,
    /// What the worker is doing, while it works.
    pub busy: Option<AddStep>,
    /// One line per file that could not be added.
    pub problems: Vec<String>,
    /// Why added articles will not outlive the page, when storage is unavailable or full.
    pub not_kept: Option<String>,
    /// The article to open after the change (the first one just added).
    pub reveal: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum AddAction {
    /// A job went to the worker, with `total` files to read.
    Started { total: usize },
    Step(AddStep),
    /// The worker's answer: every file now added, what was not and why, the combined library.
    Built { files: Vec<AddedFile>, problems: Vec<String>, library: Rc<Library>, reveal: Option<String> },
    /// The worker failed: nothing changes but the message.
    Failed(String),
    Remove(String),
    NotKept(String),
    DismissProblems,
}

impl Reducible for AddedSet {
    type Action = AddAction;

    fn reduce(self: Rc<Self>, action: AddAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            AddAction::Started { total } => {
                next.busy = Some(AddStep::Reading { done: 0, total, name: None });
                next.problems.clear();
            }
            AddAction::Step(step) => next.busy = Some(step),
            AddAction::Built { files, problems, library, reveal } => {
                next.busy = None;
                next.library = (!files.is_empty()).then_some(library);
                next.files = files;
                next.problems.extend(problems);
                next.reveal = reveal;
            }
            AddAction::Failed(why) => {
                next.busy = None;
                next.problems.push(why);
            }
            AddAction::Remove(name) => {
                next.files.retain(|f| f.name != name);
                next.reveal = None;
                // With none left, the loaded articles show again at once, with no rebuild.
                if next.files.is_empty() {
                    next.library = None;
                }
            }
            AddAction::NotKept(why) => next.not_kept = Some(why),
            AddAction::DismissProblems => next.problems.clear(),
        }
        if next == *self { self } else { Rc::new(next) }
    }
}

/// The job that adds `new` files to `base` beside the files already `added`: a new file
/// replaces an added one of the same name (it is a newer copy).
pub fn job(base: &Library, added: &[AddedFile], new: Vec<FileToAdd>) -> AddJob {
    let mut files: Vec<FileToAdd> = added
        .iter()
        .filter(|a| !new.iter().any(|n| n.name == a.name))
        .map(|a| FileToAdd { name: a.name.clone(), bytes: a.text.clone().into_bytes() })
        .collect();
    files.extend(new);
    AddJob { base: base.articles.iter().map(|a| (**a).clone()).collect(), files }
}

/// The first of the files just read (named in `new`) that was added: the one to open.
pub fn first_new(added: &[AddedFile], new: &[String]) -> Option<String> {
    added.iter().find(|a| new.contains(&a.name)).map(|a| a.id.clone())
}

#[cfg(test)]
mod tests {
    use lectern_core::adding;

    use super::*;

    fn file(name: &str, text: &str) -> FileToAdd {
        FileToAdd { name: name.into(), bytes: text.as_bytes().to_vec() }
    }

    fn base() -> Library {
        Library::from_articles(vec![lectern_core::ingest(&lectern_core::SourceFile::new("a.txt", &b"Alpha\n\nOne.\n"[..]))
        .unwrap()])
    }

    /// What the worker would answer, run here directly.
    fn built(set: &AddedSet, new: Vec<FileToAdd>) -> AddAction {
        let names: Vec<String> = new.iter().map(|f| f.name.clone()).collect();
        let result = adding::run(job(&base(), &set.files, new), |_| {});
        let library = Rc::new(Library::from_bundle(lectern_core::bundle::decode(&result.bundle).unwrap()));
        let reveal = first_new(&result.added, &names);
        AddAction::Built { files: result.added, problems: result.problems, library, reveal }
    }

    #[test]
    fn adding_replacing_and_removing() {
        let set = Rc::new(AddedSet::default()).reduce(AddAction::Started { total: 3 });
        assert_eq!(set.busy, Some(AddStep::Reading { done: 0, total: 3, name: None }));
        let add = built(&set, vec![file("a.txt", "Alpha Two\n\nTwo.\n"), file("b.txt", "Beta\n\nB.\n"), file("c.txt", "")]);
        let set = set.reduce(add);
        assert_eq!(set.busy, None);
        assert_eq!(set.files.iter().map(|f| f.title.as_str()).collect::<Vec<_>>(), ["Alpha Two", "Beta"]);
        assert_eq!(set.problems.len(), 1);
        // The loaded article and the added ones, ids made unique.
        let library = set.library.clone().unwrap();
        assert_eq!(library.articles.len(), 3);
        assert_eq!(set.reveal.as_deref(), Some(set.files[0].id.as_str()));
        assert_ne!(set.files[0].id, "a");

        // A newer copy of b.txt replaces the older one, and is the one revealed.
        let set = set.reduce(AddAction::Started { total: 1 });
        let set = set.clone().reduce(built(&set, vec![file("b.txt", "Beta Two\n\nB2.\n")]));
        assert_eq!(set.files.iter().map(|f| f.title.as_str()).collect::<Vec<_>>(), ["Alpha Two", "Beta Two"]);
        assert_eq!(set.reveal.as_deref(), Some(set.files[1].id.as_str()));
        assert!(set.problems.is_empty(), "a new batch starts with no problems");

        let set = set.reduce(AddAction::Remove("a.txt".into()));
        assert_eq!(set.files.len(), 1);
        assert!(set.library.is_some(), "kept until the rebuilt one arrives");
        let set = set.reduce(AddAction::Remove("b.txt".into()));
        assert!(set.library.is_none());
        let same = set.clone().reduce(AddAction::Remove("nope.txt".into()));
        assert!(Rc::ptr_eq(&set, &same));
    }

    #[test]
    fn a_failed_worker_loses_nothing() {
        let set = Rc::new(AddedSet::default());
        let set = set.clone().reduce(built(&set, vec![file("b.txt", "Beta\n\nB.\n")]));
        let set = set.reduce(AddAction::Started { total: 1 }).reduce(AddAction::Failed("Your files could not be read.".into()));
        assert_eq!((set.files.len(), set.busy.is_none(), set.problems.len()), (1, true, 1));
        assert!(set.library.is_some());
    }
}
