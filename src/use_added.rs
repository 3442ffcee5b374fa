//! The hook behind "Add articles": reads chosen or dropped files with the core (yielding to the
//! page between files, so it stays responsive and shows progress), keeps them in IndexedDB,
//! and restores them on the next visit.

use std::rc::Rc;

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use web_sys::js_sys::{Promise, Uint8Array};
use web_sys::File;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::added::{self, AddAction, AddedSet};
use crate::storage::Storage;

pub struct AddedArticles {
    pub set: UseReducerHandle<AddedSet>,
    pub on_files: Callback<Vec<File>>,
    pub on_remove: Callback<String>,
    pub on_dismiss: Callback<()>,
}

/// Added articles for the article set `set_key` (a bundle's URL, or "" for the built-in set).
#[hook]
pub fn use_added_articles(set_key: String) -> AddedArticles {
    let set = use_reducer(AddedSet::default);
    let storage = use_mut_ref(|| None::<Rc<Storage>>);
    {
        let (dispatcher, storage, key) = (set.dispatcher(), storage.clone(), set_key.clone());
        use_effect_with((), move |_| {
            spawn_local(async move {
                match Storage::open().await {
                    Ok(opened) => {
                        let opened = Rc::new(opened);
                        *storage.borrow_mut() = Some(opened.clone());
                        let (mut files, mut problems) = (Vec::new(), Vec::new());
                        for stored in opened.files(&key).await.unwrap_or_default() {
                            match stored.and_then(|(name, text)| added::read(&name, text.into_bytes())) {
                                Ok(file) => files.push(file),
                                Err(why) => problems.push(why),
                            }
                        }
                        dispatcher.dispatch(AddAction::Restored { files, problems });
                    }
                    Err(why) => dispatcher.dispatch(AddAction::NotKept(not_kept(&why))),
                }
            });
        });
    }
    let on_files = {
        let (dispatcher, storage, key) = (set.dispatcher(), storage.clone(), set_key.clone());
        Callback::from(move |chosen: Vec<File>| {
            let (dispatcher, storage, key) = (dispatcher.clone(), storage.borrow().clone(), key.clone());
            spawn_local(async move {
                dispatcher.dispatch(AddAction::Started { total: chosen.len() });
                let (mut files, mut problems) = (Vec::new(), Vec::new());
                for (i, file) in chosen.iter().enumerate() {
                    yield_to_page().await;
                    match read_file(file).await {
                        Ok(read) => files.push(read),
                        Err(why) => problems.push(why),
                    }
                    dispatcher.dispatch(AddAction::Progress { done: i + 1 });
                }
                if let Some(storage) = storage {
                    for file in &files {
                        if let Err(why) = storage.put(&key, &file.name, &file.text).await {
                            dispatcher.dispatch(AddAction::NotKept(not_kept(&why)));
                            break;
                        }
                    }
                }
                dispatcher.dispatch(AddAction::Finished { files, problems });
            });
        })
    };
    let on_remove = {
        let (dispatcher, storage, key) = (set.dispatcher(), storage.clone(), set_key);
        Callback::from(move |name: String| {
            dispatcher.dispatch(AddAction::Remove(name.clone()));
            if let Some(storage) = storage.borrow().clone() {
                let key = key.clone();
                spawn_local(async move {
                    let _ = storage.delete(&key, &name).await;
                });
            }
        })
    };
    let on_dismiss = {
        let dispatcher = set.dispatcher();
        Callback::from(move |()| dispatcher.dispatch(AddAction::DismissProblems))
    };
    AddedArticles { set, on_files, on_remove, on_dismiss }
}

fn not_kept(why: &str) -> String {
    format!("Articles you add will not be kept after this page closes: {why}. They work until then.")
}

async fn read_file(file: &File) -> Result<added::Added, String> {
    let name = file.name();
    if let Some(refused) = added::refusal(&name, file.size()) {
        return Err(refused);
    }
    let buffer = JsFuture::from(file.array_buffer()).await.map_err(|_| format!("{name} could not be read."))?;
    added::read(&name, Uint8Array::new(&buffer).to_vec())
}

/// Let the page paint and handle input before the next file.
async fn yield_to_page() {
    let tick = Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(&resolve);
        } else {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = JsFuture::from(tick).await;
}
