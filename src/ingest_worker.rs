//! The page's side of the worker that reads added articles (crates/lectern-worker): one worker
//! per job, started when the job is and ended with it, so nothing of it stays in memory.

use futures::StreamExt;
use lectern_core::adding::{decode_message, encode_message, AddJob, AddResult, AddStep, FromWorker};
use wasm_bindgen::prelude::*;
use web_sys::js_sys::{Array, Reflect, Uint8Array};
use web_sys::{Blob, ErrorEvent, Event, MessageEvent, Url, Worker};
use yew::platform::pinned::mpsc;

// The worker's loader sits beside the app's files; this snippet is written to
// snippets/<crate>-<hash>/inline0.js among them, so the loader is two folders up from it.
// Asking the module itself works wherever the reader is served from, embedded or not. A page
// whose bundler renamed the files (the npm package in a Vite build) names them instead, in
// `lecternWorkerFiles` ({loader, glue, wasm}); the loader is then told where the other two are
// in its query. The packaging inlines this snippet there, and in the single-file site, where
// the loader is a blob (crates/lectern-site).
#[wasm_bindgen(inline_js = "export function worker_loader() { \
    const named = globalThis.lecternWorkerFiles; \
    if (!named) return new URL('../../lectern-worker-loader.js', import.meta.url).href; \
    const url = new URL(named.loader); \
    url.searchParams.set('glue', named.glue); url.searchParams.set('wasm', named.wasm); \
    return url.href; }")]
extern "C" {
    fn worker_loader() -> String;
}

/// Run `job` in a worker, telling `on_step` how far it got.
pub async fn run(job: &AddJob, on_step: impl Fn(AddStep)) -> Result<AddResult, String> {
    let (worker, blob) = start()?;
    let (sender, mut replies) = mpsc::unbounded::<Result<FromWorker, String>>();
    let on_message = {
        let sender = sender.clone();
        Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            let _ = sender.send_now(reply(&event.data()));
        })
    };
    // An error in the worker's script is an ErrorEvent; a loader that could not be fetched at
    // all (a 404) gives a plain Event, with no message to read.
    let on_error = Closure::<dyn Fn(Event)>::new(move |event: Event| {
        let message = event.dyn_ref::<ErrorEvent>().map(ErrorEvent::message).unwrap_or_default();
        let _ = sender.send_now(Err(did_not_start(&message)));
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let outcome = loop {
        match replies.next().await {
            Some(Ok(FromWorker::Ready)) => {
                let bytes = Uint8Array::from(&encode_message(job)[..]);
                if worker.post_message_with_transfer(&bytes, &Array::of1(&bytes.buffer())).is_err() {
                    break Err("the files could not be handed to the worker that reads them".to_string());
                }
            }
            Some(Ok(FromWorker::Step(step))) => on_step(step),
            Some(Ok(FromWorker::Done(result))) => break Ok(result),
            Some(Ok(FromWorker::Failed(why)) | Err(why)) => break Err(why),
            None => break Err("the worker that reads files stopped".to_string()),
        }
    };
    worker.terminate();
    if let Some(blob) = blob {
        let _ = Url::revoke_object_url(&blob);
    }
    outcome.map_err(|why| format!("Your files could not be read: {why}."))
}

/// A worker's message: bytes from the worker itself, or `{failed}` from its loader.
fn reply(data: &JsValue) -> Result<FromWorker, String> {
    if let Some(failed) = Reflect::get(data, &"failed".into()).ok().and_then(|f| f.as_string()) {
        return Err(did_not_start(&failed));
    }
    decode_message(&Uint8Array::new(data).to_vec())
}

fn did_not_start(detail: &str) -> String {
    let detail = detail.trim();
    if detail.is_empty() {
        "the part of Lectern that reads files (lectern-worker) did not load".to_string()
    } else {
        format!("the part of Lectern that reads files (lectern-worker) did not load ({detail})")
    }
}

/// The worker, and the blob URL it was started from, if it was (to be revoked once it is done).
fn start() -> Result<(Worker, Option<String>), String> {
    let loader = worker_loader();
    Worker::new(&loader)
        .map(|worker| (worker, None))
        .or_else(|_| {
            // Workers must come from the page's own origin; a reader embedded in another
            // origin's page starts one from a blob that imports the loader instead, telling it
            // where its files are (beside it, or as its query names them).
            let url = Url::new(&loader)?;
            let base = Url::new_with_base("./", &loader)?.href();
            let search = url.search();
            let source = format!("self.lecternWorkerBase = {base:?}; self.lecternWorkerSearch = {search:?}; importScripts({loader:?});");
            let blob = Blob::new_with_str_sequence(&Array::of1(&source.into()))?;
            let url = Url::create_object_url_with_blob(&blob)?;
            Ok::<_, JsValue>((Worker::new(&url)?, Some(url)))
        })
        .map_err(|e| did_not_start(&format!("{e:?}")))
}
