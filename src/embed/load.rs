//! Fetching a bundle named by `src` (whole, or the head of a split one) and the parts of a
//! split bundle, with a message for each way that can fail.

use std::rc::Rc;

use futures::future::{FutureExt, LocalBoxFuture};
use lectern_core::bundle::{self, Opened, Part};
use lectern_core::search::Query;
use wasm_bindgen::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::js_sys::{ArrayBuffer, Promise, Reflect, Uint8Array};
use web_sys::{Response, Url};

use crate::library::Library;
use crate::parts;

/// The articles `src` holds. For a split bundle, the shards answering `query` (the first
/// view's) are asked for as soon as the head says which they are, and arrive while the rest
/// of the head is decoded.
pub async fn fetch_library(src: &str, query: &str) -> Result<Rc<Library>, String> {
    let bytes = fetch_first(src).await?;
    // A head's shards are asked for before the heap grows for its decode (7 ms, traced).
    if !bundle::is_head(&bytes) {
        reserve_heap(bytes.len());
    }
    match bundle::open_part(&bytes).map_err(|e| unreadable(src, &e.to_string()))? {
        Opened::Part(Part::Whole(bundle)) => Ok(Rc::new(Library::from_bundle(bundle))),
        Opened::Head(start, body) => {
            let base = absolute(src)?;
            let early = parts::fetch_shards_now(&base, start.shards_for(&Query::parse(query)));
            reserve_heap(bytes.len());
            let head = body.decode(start).map_err(|e| unreadable(src, &e.to_string()))?;
            let library = Rc::new(Library::from_head(head, base));
            parts::adopt(&library, early);
            Ok(library)
        }
        Opened::Part(_) => Err(format!(
            "The file at {src} is one part of a split bundle: load the index.lectern file in its folder instead."
        )),
    }
}

/// Any bundle file, inflated if it was written compressed (split bundles are). The request
/// goes out now, not when the future is first polled.
pub fn fetch_part_now(url: String) -> LocalBoxFuture<'static, Result<Part, String>> {
    let request = start_fetch(&url);
    async move {
        let bytes = fetch_inflated(&url, request).await?;
        reserve_heap(bytes.len());
        bundle::decode_part(&bytes).map_err(|e| unreadable(&url, &e.to_string()))
    }
    .boxed_local()
}

async fn fetch_inflated(url: &str, request: Result<Promise, String>) -> Result<Vec<u8>, String> {
    let bytes = fetch_bytes(url, request?).await?;
    if bundle::is_gzip(&bytes) { bundle::gunzip(&bytes).map_err(|why| unreadable(url, &why)) } else { Ok(bytes) }
}

/// Grow the heap once, before decoding a large part, by about what decoding it builds (some
/// eight times its bytes, for an archive's head): the allocator would otherwise grow it in
/// dozens of steps, each a pause of its own (10 ms in all for a 10,000-article head).
fn reserve_heap(inflated: usize) {
    if inflated >= 1 << 18 {
        drop(Vec::<u8>::with_capacity(inflated.saturating_mul(8)));
    }
}

fn unreadable(url: &str, why: &str) -> String {
    format!("The file at {url} could not be read: {why}.")
}

/// `name` in the folder of the bundle at `base` (an absolute URL).
pub fn beside(base: &str, name: &str) -> String {
    Url::new_with_base(name, base).map(|u| u.href()).unwrap_or_else(|_| name.to_string())
}

/// `src` as an absolute URL, against the page's own: parts are fetched relative to it.
fn absolute(src: &str) -> Result<String, String> {
    let page = web_sys::window().and_then(|w| w.document()).and_then(|d| d.base_uri().ok().flatten()).unwrap_or_default();
    Url::new_with_base(src, &page).map(|u| u.href()).map_err(|_| format!("{src} is not a URL this page can load."))
}

/// The inflated bytes of `src`. index.html may have fetched and inflated them already, with
/// the browser's own gunzip while the app's wasm compiled (the app's inflate runs as
/// unoptimised wasm on a first load: 25-40 ms for a 10,000-article head). Anything short of
/// that goes through the app's own fetch and inflate, whose messages say what went wrong.
async fn fetch_first(src: &str) -> Result<Vec<u8>, String> {
    let window = web_sys::window().ok_or(NO_WINDOW)?;
    let Some(early) = prefetched(&window, src) else {
        return fetch_inflated(src, start_fetch(src)).await;
    };
    if let Some(inflated) = early.inflated {
        if let Ok(buffer) = JsFuture::from(inflated).await.and_then(|b| b.dyn_into::<ArrayBuffer>()) {
            return Ok(Uint8Array::new(&buffer).to_vec());
        }
    }
    fetch_inflated(src, Ok(early.response)).await
}

const NO_WINDOW: &str = "There is no window to load articles in.";

/// A new request for `url`, whose body the browser starts reading as soon as its response
/// arrives: the promise gives the body (an ArrayBuffer), or the response when it has none to
/// read (the server refused), or the error when there was no response (which
/// [`fetch_bytes`] reports as unreachable). Read only once the app awaited it, a response that
/// arrived while the main thread was busy (a split bundle's first shards arrive while its head
/// is decoded) would then wait for it a second time, for its body.
fn start_fetch(url: &str) -> Result<Promise, String> {
    let request = web_sys::window().ok_or(NO_WINDOW)?.fetch_with_str(url);
    let read = Closure::once_into_js(|response: JsValue| -> JsValue {
        match response.dyn_into::<Response>() {
            Ok(response) if response.ok() => response.array_buffer().map_or_else(|_| response.into(), JsValue::from),
            Ok(response) => response.into(),
            Err(other) => other,
        }
    });
    // The one callback for both outcomes: a promise settles once, so it is called once, which
    // frees it (a callback for the outcome that did not happen would never be freed).
    Ok(request.unchecked_ref::<Settling>().then_value(&read, &read))
}

#[wasm_bindgen]
extern "C" {
    /// A promise, for a `then` whose callbacks (functions made by `Closure::once_into_js`)
    /// give the value of the promise it returns.
    #[wasm_bindgen(js_name = Promise)]
    type Settling;
    #[wasm_bindgen(method, js_name = then)]
    fn then_value(this: &Settling, on_fulfilled: &JsValue, on_rejected: &JsValue) -> Promise;
}

async fn fetch_bytes(url: &str, request: Promise) -> Result<Vec<u8>, String> {
    let unreachable = || {
        format!("Could not load articles from {url}: the server did not answer, or it does not let this page read it (CORS).")
    };
    let arrived = JsFuture::from(request).await.map_err(|_| unreachable())?;
    // A body already read (start_fetch), or a response whose body is still to read.
    let body = match arrived.dyn_into::<Response>() {
        Ok(response) if response.ok() => {
            JsFuture::from(response.array_buffer().map_err(|_| unreachable())?).await.map_err(|_| unreachable())?
        }
        Ok(response) => {
            let status = format!("{} {}", response.status(), response.status_text());
            return Err(format!("Could not load articles from {url}: the server answered {}.", status.trim()));
        }
        Err(body) => body,
    };
    let bytes = body.dyn_into::<ArrayBuffer>().map_err(|_| unreachable())?;
    Ok(Uint8Array::new(&bytes).to_vec())
}

/// What index.html started for `?src=` before the app loaded: the response, and its body
/// inflated (a promise of an ArrayBuffer, or of null when that was not possible).
struct Prefetch {
    response: Promise,
    inflated: Option<Promise>,
}

/// The prefetch index.html made, if it is for `url`; taken once.
fn prefetched(window: &web_sys::Window, url: &str) -> Option<Prefetch> {
    let key = JsValue::from_str("lecternPrefetch");
    let early = Reflect::get(window, &key).ok().filter(JsValue::is_object)?;
    let href = Reflect::get(&early, &"url".into()).ok()?.as_string()?;
    if Some(href) != absolute(url).ok() {
        return None;
    }
    Reflect::delete_property(window, &key).ok()?;
    let promise = |name: &str| Reflect::get(&early, &name.into()).ok()?.dyn_into::<Promise>().ok();
    Some(Prefetch { response: promise("response")?, inflated: promise("inflated") })
}
