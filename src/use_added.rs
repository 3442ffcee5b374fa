//! The hook behind "Add articles": hands chosen or dropped files to the worker that reads them
//! (src/ingest_worker.rs), keeps them in IndexedDB, and restores them on the next visit.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use lectern_core::adding::{self, AddedFile, FileToAdd};
use wasm_bindgen_futures::JsFuture;
use web_sys::js_sys::Uint8Array;
use web_sys::File;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::added::{self, AddAction, AddedSet};
use crate::ingest_worker;
use crate::library::Library;
use crate::storage::Storage;

pub struct AddedArticles {
    pub set: UseReducerHandle<AddedSet>,
    pub on_files: Callback<Vec<File>>,
    pub on_remove: Callback<String>,
    pub on_dismiss: Callback<()>,
}

/// What a job needs besides its files, shared by every callback of the hook.
#[derive(Clone)]
struct Context {
    set: UseReducerHandle<AddedSet>,
    storage: Rc<RefCell<Option<Rc<Storage>>>>,
    /// One job at a time: files dropped meanwhile are refused with a message.
    busy: Rc<Cell<bool>>,
    key: String,
}

/// Added articles for the article set `set_key` (a bundle's URL, or "" for the built-in set),
/// combined with `base` once it is loaded (none while loading, or for a split bundle).
#[hook]
pub fn use_added_articles(set_key: String, base: Option<Rc<Library>>) -> AddedArticles {
    let set = use_reducer(AddedSet::default);
    let context = Context {
        set: set.clone(),
        storage: use_mut_ref(|| None),
        busy: use_memo((), |_| Cell::new(false)),
        key: set_key,
    };
    // The files kept from an earlier visit, once storage has answered: read again, with the
    // loaded articles. Storage is opened once articles that can take files are loaded, not
    // before: a split bundle cannot, and its first view should not share the page's thread
    // with IndexedDB's callbacks.
    let stored = use_state(|| None::<(Vec<FileToAdd>, Vec<String>)>);
    {
        let (context, stored) = (context.clone(), stored.clone());
        use_effect_with(base.is_some(), move |&can_add| {
            if !can_add {
                return;
            }
            spawn_local(async move {
                match Storage::open().await {
                    Ok(opened) => {
                        let opened = Rc::new(opened);
                        *context.storage.borrow_mut() = Some(opened.clone());
                        let (mut files, mut problems) = (Vec::new(), Vec::new());
                        for record in opened.files(&context.key).await.unwrap_or_default() {
                            match record {
                                Ok((name, text)) => files.push(FileToAdd { name, bytes: text.into_bytes() }),
                                Err(why) => problems.push(why),
                            }
                        }
                        stored.set(Some((files, problems)));
                    }
                    Err(why) => context.set.dispatch(AddAction::NotKept(not_kept(&why))),
                }
            });
        });
    }
    {
        let context = context.clone();
        let ready = base.clone().zip((*stored).clone());
        use_effect_with(ready.as_ref().map(|(b, _)| Rc::as_ptr(b)), move |_| {
            if let Some((base, (files, problems))) = ready {
                if !files.is_empty() || !problems.is_empty() {
                    spawn_local(async move { context.run(&base, Vec::new(), files, problems, false).await });
                }
            }
        });
    }
    let on_files = {
        let (context, base) = (context.clone(), base.clone());
        Callback::from(move |chosen: Vec<File>| {
            let (context, base) = (context.clone(), base.clone());
            spawn_local(async move {
                let Some(base) = base else { return };
                let (mut files, mut problems) = (Vec::new(), Vec::new());
                for file in &chosen {
                    match read_file(file).await {
                        Ok(read) => files.push(read),
                        Err(why) => problems.push(why),
                    }
                }
                let kept = context.set.files.clone();
                context.run(&base, kept, files, problems, true).await;
            });
        })
    };
    let on_remove = {
        let (context, base) = (context.clone(), base);
        Callback::from(move |name: String| {
            if context.busy.get() {
                return;
            }
            context.set.dispatch(AddAction::Remove(name.clone()));
            let (context, base) = (context.clone(), base.clone());
            spawn_local(async move {
                // Not borrowed across the await: storage opening meanwhile would find it borrowed.
                let storage = context.storage.borrow().clone();
                if let Some(storage) = storage {
                    let _ = storage.delete(&context.key, &name).await;
                }
                let kept: Vec<_> = context.set.files.iter().filter(|f| f.name != name).cloned().collect();
                if let (Some(base), false) = (base, kept.is_empty()) {
                    context.run(&base, kept, Vec::new(), Vec::new(), false).await;
                }
            });
        })
    };
    let on_dismiss = {
        let dispatcher = set.dispatcher();
        Callback::from(move |()| dispatcher.dispatch(AddAction::DismissProblems))
    };
    AddedArticles { set, on_files, on_remove, on_dismiss }
}

impl Context {
    /// Add `new` files to the `kept` ones (all read again by the worker, with `base`), store the
    /// new ones if `keep`, and show the result. `problems` are files refused before reading.
    /// `kept` is passed in: this handle's copy of the set is the one from the last render.
    async fn run(&self, base: &Library, kept: Vec<AddedFile>, new: Vec<FileToAdd>, problems: Vec<String>, keep: bool) {
        if self.busy.replace(true) {
            self.set.dispatch(AddAction::Failed("Wait for the files being added to finish, then add these.".into()));
            return;
        }
        let names: Vec<String> = new.iter().map(|f| f.name.clone()).collect();
        let job = added::job(base, &kept, new);
        self.set.dispatch(AddAction::Started { total: job.files.len() });
        let dispatcher = self.set.dispatcher();
        let outcome = ingest_worker::run(&job, move |step| dispatcher.dispatch(AddAction::Step(step))).await;
        let built = outcome.and_then(|result| {
            let bundle = lectern_core::bundle::decode(&result.bundle).map_err(|e| format!("The added articles could not be shown: {e}."))?;
            Ok((result, Library::from_bundle(bundle)))
        });
        match built {
            Ok((result, library)) => {
                if keep {
                    self.store(result.added.iter().filter(|a| names.contains(&a.name))).await;
                }
                let reveal = if keep { added::first_new(&result.added, &names) } else { None };
                let problems = problems.into_iter().chain(result.problems).collect();
                self.set.dispatch(AddAction::Built { files: result.added, problems, library: Rc::new(library), reveal });
            }
            Err(why) => self.set.dispatch(AddAction::Failed(why)),
        }
        self.busy.set(false);
    }

    async fn store(&self, files: impl Iterator<Item = &AddedFile>) {
        let Some(storage) = self.storage.borrow().clone() else { return };
        for file in files {
            if let Err(why) = storage.put(&self.key, &file.name, &file.text).await {
                self.set.dispatch(AddAction::NotKept(not_kept(&why)));
                return;
            }
        }
    }
}

fn not_kept(why: &str) -> String {
    format!("Articles you add will not be kept after this page closes: {why}. They work until then.")
}

/// A chosen file's bytes, unless its name or size already rule it out.
async fn read_file(file: &File) -> Result<FileToAdd, String> {
    let name = file.name();
    if let Some(refused) = adding::refusal(&name, file.size()) {
        return Err(refused);
    }
    let buffer = JsFuture::from(file.array_buffer()).await.map_err(|_| format!("{name} could not be read."))?;
    Ok(FileToAdd { name, bytes: Uint8Array::new(&buffer).to_vec() })
}
