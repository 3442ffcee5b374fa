//! Keeping added articles in IndexedDB, so they survive a reload. What is kept is each file's
//! name and text (not the parse), tagged with the record layout's version: a later Lectern
//! parses old records afresh, and a record it cannot read is reported and left in place, never
//! dropped. Without IndexedDB (some private modes) or when it is full, callers say that added
//! articles will not be kept; the session itself loses nothing.

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::js_sys::{Array, Object, Promise, Reflect};
use web_sys::{IdbDatabase, IdbObjectStoreParameters, IdbOpenDbRequest, IdbRequest, IdbTransaction, IdbTransactionMode};

const DATABASE: &str = "lectern";
/// IndexedDB's schema version: 1 is the first (one store, keyed by set and file name).
const SCHEMA: u32 = 1;
const STORE: &str = "added-articles";
/// The layout of one record; bump with a reader for the old one when it changes.
const RECORD: u32 = 1;

pub struct Storage {
    db: IdbDatabase,
}

/// One stored file, or why a record could not be read.
pub type Stored = Result<(String, String), String>;

impl Storage {
    pub async fn open() -> Result<Storage, String> {
        let factory = web_sys::window()
            .and_then(|w| w.indexed_db().ok().flatten())
            .ok_or("this browser does not allow storage here")?;
        let request: IdbOpenDbRequest = factory.open_with_u32(DATABASE, SCHEMA).map_err(message)?;
        let upgrade = Closure::once_into_js({
            let request = request.clone();
            move || {
                let Ok(db) = request.result().and_then(|r| r.dyn_into::<IdbDatabase>()) else { return };
                if !db.object_store_names().contains(STORE) {
                    let params = IdbObjectStoreParameters::new();
                    params.set_key_path(&Array::of2(&"set".into(), &"name".into()));
                    let _ = db.create_object_store_with_optional_parameters(STORE, &params);
                }
            }
        });
        request.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
        let db = finished(&request).await?.dyn_into::<IdbDatabase>().map_err(message)?;
        Ok(Storage { db })
    }

    /// Every file stored for the article set `set` (the bundle's URL, or "" for the built-in one).
    pub async fn files(&self, set: &str) -> Result<Vec<Stored>, String> {
        let store = self.db.transaction_with_str(STORE).and_then(|t| t.object_store(STORE)).map_err(message)?;
        let all = finished(&store.get_all().map_err(message)?).await?;
        let mut out = Vec::new();
        for record in Array::from(&all).iter() {
            let field = |name: &str| Reflect::get(&record, &name.into()).ok().and_then(|v| v.as_string());
            if field("set").as_deref() != Some(set) {
                continue;
            }
            out.push(match (field("name"), field("text")) {
                (Some(name), Some(text)) => Ok((name, text)),
                (name, _) => Err(format!(
                    "A stored article ({}) could not be read; it was left in storage.",
                    name.unwrap_or_else(|| "no name".into())
                )),
            });
        }
        Ok(out)
    }

    pub async fn put(&self, set: &str, name: &str, text: &str) -> Result<(), String> {
        let record = Object::new();
        for (key, value) in [("set", JsValue::from(set)), ("name", name.into()), ("text", text.into()), ("v", RECORD.into())] {
            Reflect::set(&record, &key.into(), &value).map_err(message)?;
        }
        let (transaction, store) = self.writing()?;
        store.put(&record).map_err(message)?;
        committed(&transaction).await
    }

    pub async fn delete(&self, set: &str, name: &str) -> Result<(), String> {
        let (transaction, store) = self.writing()?;
        store.delete(&Array::of2(&set.into(), &name.into())).map_err(message)?;
        committed(&transaction).await
    }

    fn writing(&self) -> Result<(IdbTransaction, web_sys::IdbObjectStore), String> {
        let transaction =
            self.db.transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite).map_err(message)?;
        let store = transaction.object_store(STORE).map_err(message)?;
        Ok((transaction, store))
    }
}

/// The request's result once it succeeds, or its error's message.
async fn finished(request: &IdbRequest) -> Result<JsValue, String> {
    let promise = Promise::new(&mut |resolve, reject| {
        let ok = request.clone();
        request.set_onsuccess(Some(
            Closure::once_into_js(move || resolve.call1(&JsValue::NULL, &ok.result().unwrap_or(JsValue::NULL)))
                .unchecked_ref(),
        ));
        let failed = request.clone();
        request.set_onerror(Some(
            Closure::once_into_js(move || reject.call1(&JsValue::NULL, &failed.error().map(JsValue::from).unwrap_or(JsValue::NULL)))
                .unchecked_ref(),
        ));
    });
    JsFuture::from(promise).await.map_err(message)
}

/// Writes count once their transaction commits; a full disk shows up as an abort here.
async fn committed(transaction: &IdbTransaction) -> Result<(), String> {
    let promise = Promise::new(&mut |resolve, reject| {
        transaction.set_oncomplete(Some(Closure::once_into_js(move || resolve.call0(&JsValue::NULL)).unchecked_ref()));
        let failed = transaction.clone();
        let reject_too = reject.clone();
        transaction.set_onabort(Some(
            Closure::once_into_js(move || reject.call1(&JsValue::NULL, &failed.error().map(JsValue::from).unwrap_or(JsValue::NULL)))
                .unchecked_ref(),
        ));
        transaction.set_onerror(Some(Closure::once_into_js(move || reject_too.call0(&JsValue::NULL)).unchecked_ref()));
    });
    JsFuture::from(promise).await.map(|_| ()).map_err(message)
}

fn message(error: impl Into<JsValue>) -> String {
    let error: JsValue = error.into();
    Reflect::get(&error, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "the browser refused".to_string())
}
